//! The counts of one batch of events, judged on any thread, waiting for their turn to be
//! merged. It keeps the batch's events so that a row found at the merge to repeat an
//! earlier id can be judged again and taken back out.

use std::collections::BTreeMap;

use super::judge::{Effect, Judge, Outcomes, Tables};
use crate::diagnostics::Diagnostic;
use crate::measure::event::Event;
use crate::measure::fast_hash::FastMap;
use crate::measure::period;
use crate::measure::read::Batch;
use crate::measure::tally::{BatchTally, Names};

pub(crate) struct Partial<'h> {
    events: Vec<Event>,
    pub(super) rows: u64,
    pub(super) rejected: u64,
    pub(super) unused: u64,
    pub(super) tallies: FastMap<(usize, i64), BatchTally>,
    /// The agents, teams and touchpoints of the batch's tallies.
    pub(super) names: [Names; 3],
    /// Row diagnostics in the order of the rows, each with its event's index (`None`: a row
    /// the reader rejected).
    pub(super) diagnostics: Vec<(Option<usize>, Diagnostic)>,
    /// `(hash of the id, event index)` of every event that claims its id, in row order.
    pub(super) claims: Vec<(u64, usize)>,
    /// Per touchpoint whose hours are not a schedule, its events that needed one.
    pub(super) needs_schedule: BTreeMap<&'h str, u64>,
    /// Per kind of period, the last local date asked and the start of its period: rows come
    /// mostly in the order of time, so most ask the date of the row before.
    starts: [(i64, i64); 5],
}

impl Partial<'_> {
    fn start_of(&mut self, period: crate::model::Period, local: i64) -> i64 {
        let last = &mut self.starts[period as usize];
        if last.0 != local {
            *last = (local, period::start_of(period, local));
        }
        last.1
    }
}

impl<'h> Partial<'h> {
    pub(super) fn of(judge: &Judge<'h>, tables: &mut Tables, batch: Batch) -> Partial<'h> {
        let mut partial = Partial {
            rows: (batch.rejected.len() + batch.events.len()) as u64,
            rejected: batch.rejected.len() as u64,
            unused: 0,
            tallies: FastMap::default(),
            names: Default::default(),
            diagnostics: batch.rejected.into_iter().map(|d| (None, d)).collect(),
            claims: Vec::new(),
            needs_schedule: BTreeMap::new(),
            events: Vec::new(),
            starts: [(i64::MIN, 0); 5],
        };
        tables.new_batch();
        let mut outcomes = Outcomes::new();
        for (index, event) in batch.events.iter().enumerate() {
            let judged = judge.event(tables, event, &mut outcomes);
            if let Some(hash) = judged.claim {
                partial.claims.push((hash, index));
            }
            partial.apply(judge, index, event, judged.effect, &outcomes, true);
        }
        partial.events = batch.events;
        partial
    }

    /// Takes back the effect of event `index`, which repeats an earlier id, and rejects it.
    pub(super) fn take_back(
        &mut self,
        judge: &Judge<'h>,
        tables: &mut Tables,
        index: usize,
        outcomes: &mut Outcomes,
    ) {
        let events = std::mem::take(&mut self.events);
        let event = &events[index];
        let effect = judge.event(tables, event, outcomes).effect;
        self.apply(judge, index, event, effect, outcomes, false);
        self.rejected += 1;
        self.diagnostics.push((Some(index), judge.repeated(event)));
        self.events = events;
    }

    /// Adds (or, with `add` false, takes back) what one judged event counts for.
    fn apply(
        &mut self,
        judge: &Judge<'h>,
        index: usize,
        event: &Event,
        effect: Effect<'h>,
        outcomes: &Outcomes,
        add: bool,
    ) {
        let step = |n: &mut u64| {
            if add { *n += 1 } else { *n -= 1 }
        };
        match effect {
            Effect::Unused => step(&mut self.unused),
            Effect::Outside => {}
            Effect::Rejected(diagnostic) => {
                step(&mut self.rejected);
                if add {
                    self.diagnostics.push((Some(index), *diagnostic));
                } else {
                    self.diagnostics.retain(|(i, _)| *i != Some(index));
                }
            }
            Effect::NoSchedule(touchpoint) => {
                step(&mut self.rejected);
                step(self.needs_schedule.entry(touchpoint).or_default());
            }
            Effect::Counted { local } => {
                let [agents, teams, touchpoints] = &mut self.names;
                let groups = [
                    agents.slot(event.agent.as_ref()),
                    teams.slot(event.team.as_ref()),
                    touchpoints.slot(event.touchpoint.as_ref()),
                ];
                for &(i, outcome) in outcomes {
                    let Some(outcome) = outcome else { continue };
                    let rule = &judge.rules[i];
                    let key = (i, self.start_of(rule.period, local));
                    let (counting, by_touchpoint) = (rule.counting, rule.spans_touchpoints());
                    if add {
                        self.tallies.entry(key).or_default().add(
                            outcome,
                            counting,
                            groups,
                            by_touchpoint,
                        );
                    } else if let Some(tally) = self.tallies.get_mut(&key) {
                        tally.remove(outcome, counting, groups, by_touchpoint);
                        if tally.total.is_empty() {
                            self.tallies.remove(&key);
                        }
                    }
                }
            }
        }
    }
}
