//! `sok sample-events`: seeded, realistic event data for every active measurable standard
//! of a handbook, for tests, the shipped examples and the bench (docs/sample-events.md).
//!
//! The same seed and options always give the same bytes. Rows are written as they are made,
//! day by day and stream by stream (a stream is one metric at one touchpoint), so memory does
//! not grow with the number of rows.

mod arrivals;
mod hours;
mod plan;
mod random;
mod roster;
mod rows;
mod values;
mod zone;

use std::io::{self, Write};

use arrivals::{Bin, Bins, Cursor};
use plan::Plan;
use random::Rng;
pub(crate) use rows::BadKind;
use rows::{Row, Sink, Spoilers, spoil};
use values::Family;
use zone::Spelling;

use crate::check::Checked;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GenerateOptions {
    pub(crate) seed: u64,
    /// The first local day.
    pub(crate) from: jiff::civil::Date,
    pub(crate) days: u32,
    /// Mean contacts per touchpoint per open day (surveys and audits are a share of them).
    pub(crate) per_day: u32,
    /// Rows in a thousand made bad on purpose, one rejection kind after another.
    pub(crate) bad_rows_per_mille: u32,
    pub(crate) format: SampleFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SampleFormat {
    Csv,
    Jsonl,
}

/// The independent random sequences of one seed: what one part draws never shifts another.
const ROWS: u64 = 1;
const DAYS: u64 = 2;
const BAD: u64 = 3;
const ROSTERS: u64 = 4;

/// A bad day's waits are this many times longer (and its answers worse).
const BAD_DAY: f64 = 2.2;

/// Writes events for every active measurable standard of `checked` (its metric, touchpoints,
/// bound) to `out`; returns the rows written (the CSV header not counted).
pub(crate) fn generate(
    checked: &Checked,
    options: &GenerateOptions,
    out: &mut dyn Write,
) -> io::Result<u64> {
    let plan = Plan::new(checked, options, &mut Rng::new(options.seed, ROSTERS));
    let mut sink = match options.format {
        SampleFormat::Csv => Sink::csv(out)?,
        SampleFormat::Jsonl => Sink::jsonl(out),
    };
    let mut rng = Rng::new(options.seed, ROWS);
    let mut days = Rng::new(options.seed, DAYS);
    let mut bad = Rng::new(options.seed, BAD);
    let mut state = State::default();
    let mut bins: Vec<Bins> = vec![Bins::default(); plan.places.len()];
    let mut first_monday = true;
    for day in plan.first_day..plan.first_day + i64::from(options.days) {
        let monday = hours::weekday(day) == 0;
        let is_bad = days.chance(if monday { 0.3 } else { 0.05 }) || (monday && first_monday);
        first_monday &= !monday;
        let quality = (0.12 * days.normal()).exp() * if is_bad { BAD_DAY } else { 1.0 };
        for (i, place) in plan.places.iter().enumerate() {
            if place.used {
                bins[i].fill(
                    &plan.calendar,
                    &place.schedule,
                    day,
                    place.takes_messages,
                    plan.horizon,
                    plan.working_mean,
                );
            }
        }
        for stream in &plan.streams {
            let total = bins[stream.place].total;
            let rate = stream.rate * (0.1 * rng.normal()).exp();
            if total <= 0.0 || rate <= 0.0 {
                continue;
            }
            let mut cursor = Cursor::new(&bins[stream.place].bins);
            let mut x = rng.exponential() / rate;
            while x < total {
                let Some((at, bin)) = cursor.locate(x) else {
                    break;
                };
                state.make(&plan, stream, &mut rng, at, bin, quality);
                state.maybe_spoil(&plan, stream, options.bad_rows_per_mille, &mut bad);
                sink.write(&state.row)?;
                std::mem::swap(&mut state.last_id, &mut state.row.id);
                state.rows += 1;
                x += rng.exponential() / rate;
            }
        }
    }
    sink.finish()?;
    Ok(state.rows)
}

#[derive(Debug, Default)]
struct State {
    row: Row,
    last_id: Vec<u8>,
    rows: u64,
    next_bad: usize,
}

impl State {
    /// Fills `self.row` with one event of `stream` starting at `at`.
    fn make(
        &mut self,
        plan: &Plan,
        stream: &plan::Stream,
        rng: &mut Rng,
        at: i64,
        bin: &Bin,
        quality: f64,
    ) {
        let place = &plan.places[stream.place];
        let zone = &plan.calendar.zone;
        let row = &mut self.row;
        row.clear();
        let _ = write!(row.id, "{}-{:08}", stream.prefix, self.rows + 1);
        row.metric.extend_from_slice(stream.metric.as_bytes());
        row.touchpoint.extend_from_slice(place.id.as_bytes());
        row.spelling = match rng.below(100) {
            0..60 => Spelling::Offset,
            60..85 => Spelling::Utc,
            _ => Spelling::Local,
        };
        row.start_at = at;
        let spelling = row.spelling;
        let write = |out: &mut Vec<u8>, utc: i64| {
            let spelling = match spelling == Spelling::Local && zone.near_change(utc) {
                true => Spelling::Offset,
                false => spelling,
            };
            zone.write(out, utc, spelling);
        };
        write(&mut row.start, at);
        let roster = &plan.rosters[place.roster];
        let agent = &roster[rng.below(roster.len())];
        let mut named = true;
        match stream.family {
            Family::Duration { bound, business } => {
                let wait = Family::wait(rng, stream.median, quality, agent.pace, bin.load);
                let wait = (wait.round() as i64).max(1);
                let mut end = match business {
                    true => plan
                        .calendar
                        .advance(&place.schedule, at, wait, plan.horizon),
                    false => Some(at + wait).filter(|end| *end <= plan.horizon),
                };
                let mut abandoned = None;
                if stream.abandons {
                    let patience = match stream.short_abandons && rng.chance(0.01) {
                        true => 2 + rng.below(9) as i64,
                        false => (rng.exponential() * 8.0 * bound) as i64 + 1,
                    };
                    if patience < end.unwrap_or(plan.horizon) - at {
                        abandoned = Some(at + patience).filter(|t| *t <= plan.horizon);
                        end = None;
                    }
                }
                if rng.chance(stream.forgotten) {
                    end = None;
                }
                match (end, abandoned) {
                    (Some(end), _) => write(&mut row.end, end),
                    (None, Some(abandoned)) => {
                        write(&mut row.abandoned, abandoned);
                        named = false;
                    }
                    (None, None) => named = false,
                }
            }
            ref family => {
                family.write_value(rng, quality, agent.pace, &mut row.value);
                named = family.names_agent();
            }
        }
        if named {
            row.agent.extend_from_slice(agent.name.as_bytes());
        }
        row.team.extend_from_slice(agent.team.as_bytes());
    }

    /// Makes the row bad, `per_mille` times in a thousand, in the next way in turn. Its own
    /// random sequence keeps the other rows the same as without bad rows.
    fn maybe_spoil(&mut self, plan: &Plan, stream: &plan::Stream, per_mille: u32, bad: &mut Rng) {
        let spoiled = bad.below(1000) < per_mille as usize;
        let seconds = 60 + bad.below(3540) as i64;
        if !spoiled {
            return;
        }
        let mut kind = BadKind::ALL[self.next_bad % BadKind::ALL.len()];
        if kind == BadKind::RepeatedId && self.last_id.is_empty() {
            kind = BadKind::Timestamp;
        }
        self.next_bad += 1;
        let spoilers = Spoilers {
            zone: &plan.calendar.zone,
            unknown_touchpoint: &plan.unknown_touchpoint,
            own_out_of_range: stream.family.out_of_range(),
            out_of_range: (
                &plan.out_of_range.0,
                &plan.out_of_range.1,
                plan.out_of_range.2,
            ),
            last_id: &self.last_id,
        };
        spoil(&mut self.row, kind, &spoilers, seconds);
    }
}

#[cfg(test)]
mod tests;
