//! What one event is, for the standards of its metric: unused, rejected, outside the dates
//! asked, or counted with an outcome per standard. A pure function of the event (the tables
//! it reads are caches), so that batches are judged on any thread, and a repeated event
//! judged again gives what it added, to take it back out.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;

use super::Options;
use crate::diagnostics::{Code, Diagnostic, Record, codes};
use crate::measure::clock::{BusinessClock, LocalCalendar};
use crate::measure::event::Event;
use crate::measure::fast_hash::{FastMap, FastSet, id_hash};
use crate::measure::rule::{Counting, Rule};
use crate::measure::tally::Outcome;
use crate::model::{AbandonedPolicy, Direction, Handbook, Status};
use crate::values::{Date, Schedule, parse_schedule};

/// Everything the judgement needs from the handbook, prepared once; shared by every thread.
pub(crate) struct Judge<'h> {
    pub(crate) rules: Vec<Rule>,
    by_metric: FastMap<String, usize>,
    /// Per metric of `by_metric`, its rules.
    metric_rules: Vec<Vec<usize>>,
    touchpoints: FastSet<&'h str>,
    /// Per touchpoint, its hours as a schedule, or the diagnostic at its `hours` saying why
    /// its events cannot be measured in business hours.
    schedules: BTreeMap<&'h str, Result<Schedule, Diagnostic>>,
    timezone: TimeZone,
    holidays: Vec<Date>,
    pub(crate) options: Options,
    from_day: Option<i64>,
    to_day: Option<i64>,
    policy: AbandonedPolicy,
    short_abandon: Option<i64>,
    value_column: String,
    touchpoint_column: String,
    id_column: String,
}

/// The judgement's caches, grown on demand: local dates, and each touchpoint's clock. Each
/// thread has its own; they give the same answers whatever range they have grown to.
pub(crate) struct Tables {
    pub(crate) calendar: LocalCalendar,
    clocks: FastMap<String, BusinessClock>,
    /// Within one batch, per shared metric text (by its address), its entry of
    /// `metric_rules`; and per shared touchpoint text whether it is the handbook's. A
    /// batch's texts are shared by its rows, so each is looked up by its text once.
    metrics: FastMap<usize, Option<usize>>,
    known: FastMap<usize, bool>,
}

impl Tables {
    /// Forgets the texts of the last batch: their addresses may be another's once freed.
    pub(super) fn new_batch(&mut self) {
        self.metrics.clear();
        self.known.clear();
    }
}

fn address(text: &std::sync::Arc<str>) -> usize {
    std::sync::Arc::as_ptr(text) as *const u8 as usize
}

/// What an event is, once judged.
#[derive(Debug)]
pub(super) enum Effect<'h> {
    /// No active standard measures it: its metric, or its touchpoint.
    Unused,
    /// Its local date is outside `--from`/`--to`.
    Outside,
    Rejected(Box<Diagnostic>),
    /// Needed in business hours at a touchpoint whose hours are not a schedule: rejected
    /// without a line of its own, the touchpoint's `hours` are reported once.
    NoSchedule(&'h str),
    /// Counted on this local date, with the outcomes left in the caller's buffer (`None`:
    /// taken by the standard but not counted, an abandon it excludes).
    Counted {
        local: i64,
    },
}

/// An event judged: its effect, and the hash of its id when it claims one (an event that
/// passes the checks of its row claims its id, whatever its effect after).
#[derive(Debug)]
pub(super) struct Judged<'h> {
    pub claim: Option<u64>,
    pub effect: Effect<'h>,
}

pub(super) type Outcomes = Vec<(usize, Option<Outcome>)>;

impl<'h> Judge<'h> {
    pub(crate) fn new(handbook: &'h Handbook, options: Options) -> Judge<'h> {
        let rules: Vec<Rule> = handbook
            .standards
            .iter()
            .enumerate()
            .filter(|(_, s)| s.status.value == Status::Active)
            .filter_map(|(i, s)| Rule::of(i, s))
            .collect();
        let mut by_metric: FastMap<String, usize> = FastMap::default();
        let mut metric_rules: Vec<Vec<usize>> = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let next = metric_rules.len();
            let at = *by_metric.entry(rule.metric.clone()).or_insert(next);
            if at == next {
                metric_rules.push(Vec::new());
            }
            metric_rules[at].push(i);
        }
        let settings = handbook.settings.as_ref();
        let calendar = settings.map(|s| s.calendar.clone()).unwrap_or_default();
        let events = settings.map(|s| s.events.clone()).unwrap_or_default();
        let timezone = TimeZone::get(calendar.timezone_name()).unwrap_or(TimeZone::UTC);
        let language = settings
            .map(|s| s.language.value)
            .unwrap_or(crate::model::Language::En);
        let column = |name: &str| {
            events
                .columns
                .get(name)
                .map_or_else(|| name.to_string(), |c| c.value.clone())
        };
        Judge {
            by_metric,
            metric_rules,
            rules,
            touchpoints: handbook
                .touchpoints
                .iter()
                .map(|t| t.meta.id.value.as_str())
                .collect(),
            schedules: handbook
                .touchpoints
                .iter()
                .map(|t| {
                    let id = t.meta.id.value.as_str();
                    let parsed = match &t.hours {
                        Some(hours) => parse_schedule(&hours.value, language)
                            .map_err(|help| (hours.span, help)),
                        None => Err((
                            t.meta.anchor,
                            "give the touchpoint its opening hours, like `hours = \"Mon–Fri 8–18\"`"
                                .to_string(),
                        )),
                    };
                    (
                        id,
                        parsed.map_err(|(span, help)| not_a_schedule(id, span, help)),
                    )
                })
                .collect(),
            timezone,
            holidays: calendar.holidays.iter().map(|h| h.value).collect(),
            from_day: options.from.map(Date::to_days),
            to_day: options.to.map(Date::to_days),
            options,
            policy: events.abandoned_policy(),
            short_abandon: events
                .short_abandon
                .as_ref()
                .map(|d| d.value.nominal_seconds() as i64),
            value_column: column("value"),
            touchpoint_column: column("touchpoint"),
            id_column: column("id"),
        }
    }

    /// Empty caches for one more thread.
    pub(crate) fn tables(&self) -> Tables {
        Tables {
            calendar: LocalCalendar::new(self.timezone.clone()),
            clocks: FastMap::default(),
            metrics: FastMap::default(),
            known: FastMap::default(),
        }
    }

    /// The diagnostic at the `hours` of a touchpoint that is not a schedule.
    pub(super) fn schedule_problem(&self, touchpoint: &str) -> Option<&Diagnostic> {
        self.schedules.get(touchpoint)?.as_ref().err()
    }

    /// Judges one event; the outcomes of `Effect::Counted` are left in `outcomes`.
    pub(super) fn event(
        &self,
        tables: &mut Tables,
        event: &Event,
        outcomes: &mut Outcomes,
    ) -> Judged<'h> {
        outcomes.clear();
        let unclaimed = |effect| Judged {
            claim: None,
            effect,
        };
        let metric = *tables
            .metrics
            .entry(address(&event.metric))
            .or_insert_with(|| self.by_metric.get(&*event.metric).copied());
        let Some(rules) = metric.map(|m| &self.metric_rules[m]) else {
            return unclaimed(Effect::Unused);
        };
        if let Some(t) = &event.touchpoint
            && !*tables
                .known
                .entry(address(t))
                .or_insert_with(|| self.touchpoints.contains(&**t))
        {
            let help = match crate::diagnostics::did_you_mean(t, self.touchpoints.iter().copied()) {
                Some(close) => format!("{close} The touchpoint ids are those of the handbook's touchpoints."),
                None => "use the id of one of the handbook's touchpoints, or leave it empty for an event at none".into(),
            };
            return unclaimed(self.reject(
                event,
                &codes::EVENT_UNKNOWN_TOUCHPOINT,
                &self.touchpoint_column,
                format!("`{t}` is not a touchpoint of the handbook"),
                help,
            ));
        }
        if let Some((code, message, help)) = self.check_value(event, rules) {
            return unclaimed(self.reject(event, code, &self.value_column, message, help));
        }
        let claimed = |effect| Judged {
            claim: event.id.as_deref().map(id_hash),
            effect,
        };
        let local = tables.calendar.date_of(event.start.as_second());
        if self.from_day.is_some_and(|f| local < f) || self.to_day.is_some_and(|t| local > t) {
            return claimed(Effect::Outside);
        }
        // Every outcome first: a row that one of its standards cannot measure is rejected
        // as a whole, not counted by the others.
        for &i in rules {
            if !self.rules[i].takes(event.touchpoint.as_deref()) {
                continue;
            }
            match self.outcome(tables, i, event) {
                Ok(outcome) => outcomes.push((i, outcome)),
                Err(effect) => {
                    outcomes.clear();
                    return claimed(effect);
                }
            }
        }
        claimed(if outcomes.is_empty() {
            Effect::Unused
        } else {
            Effect::Counted { local }
        })
    }

    fn reject(
        &self,
        event: &Event,
        code: &'static Code,
        column: &str,
        message: String,
        help: String,
    ) -> Effect<'h> {
        let record = Record {
            line: event.line,
            column: Some(column.to_string()),
        };
        Effect::Rejected(Box::new(
            Diagnostic::at_record(code, event.file, record, message).help(help),
        ))
    }

    /// The rejection of a row whose id an earlier row has.
    pub(super) fn repeated(&self, event: &Event) -> Diagnostic {
        let id = event.id.as_deref().unwrap_or_default();
        let record = Record {
            line: event.line,
            column: Some(self.id_column.clone()),
        };
        Diagnostic::at_record(
            &codes::EVENT_DUPLICATE_ID,
            event.file,
            record,
            format!("event id `{id}` appears more than once"),
        )
        .help("only the first row with this id is counted; remove the repeated rows or export each event once")
    }

    /// Why an event's `value` cannot be counted by one of its standards, if it cannot.
    fn check_value(
        &self,
        event: &Event,
        rules: &[usize],
    ) -> Option<(&'static Code, String, String)> {
        for &i in rules {
            let rule = &self.rules[i];
            if !rule.takes(event.touchpoint.as_deref()) {
                continue;
            }
            let scored = !matches!(rule.counting, Counting::Duration { .. });
            match (scored, event.value) {
                (true, None) => {
                    return Some((
                        &codes::EVENT_EMPTY,
                        format!("`{}` events need a value", rule.metric),
                        format!(
                            "give the answer or score in the `{}` column",
                            self.value_column
                        ),
                    ));
                }
                (true, Some(v)) => {
                    if let Some(range) = rule.values
                        && !range.allows(v)
                    {
                        return Some((
                            &codes::EVENT_VALUE_RANGE,
                            format!(
                                "`{}` is outside the range of `{}`",
                                crate::values::format_number(v),
                                rule.metric
                            ),
                            format!("values of `{}` are {}", rule.metric, range.describe()),
                        ));
                    }
                }
                (false, _) => {}
            }
        }
        None
    }

    /// How the event counts for rule `i`: `Ok(None)` when it does not count (an excluded
    /// abandon), `Err` with the effect on the whole row when it cannot be measured in
    /// business hours.
    fn outcome(
        &self,
        tables: &mut Tables,
        i: usize,
        event: &Event,
    ) -> Result<Option<Outcome>, Effect<'h>> {
        let rule = &self.rules[i];
        let business = match rule.counting {
            Counting::Duration { business } => business,
            Counting::EventValue => {
                let v = event.value.unwrap_or(0.0);
                return Ok(Some(if rule.meets(v) {
                    Outcome::Met
                } else {
                    Outcome::Failed
                }));
            }
            _ => return Ok(Some(Outcome::Value(event.value.unwrap_or(0.0)))),
        };
        let (limit, direction) = (rule.limit, rule.direction);
        let start = event.start.as_second();
        let mut clock = match business {
            true => Some(self.clock(tables, event)?),
            false => None,
        };
        let mut elapsed = |to: i64| match clock.as_deref_mut() {
            Some(clock) => clock.open_seconds(start, to),
            None => to - start,
        };
        if let Some(end) = event.end {
            let took = elapsed(end.as_second()) as f64;
            let met = match direction {
                Direction::Max => took <= limit,
                Direction::Min => took >= limit,
            };
            return Ok(Some(if met { Outcome::Met } else { Outcome::Failed }));
        }
        if let Some(abandoned) = event.abandoned {
            let gave_up = abandoned.as_second();
            if self
                .short_abandon
                .is_some_and(|short| gave_up - start <= short)
            {
                return Ok(None);
            }
            let waited = elapsed(gave_up) as f64;
            if waited <= limit {
                match self.policy {
                    AbandonedPolicy::Met => return Ok(Some(Outcome::Met)),
                    AbandonedPolicy::Excluded => return Ok(None),
                    AbandonedPolicy::Failed => {}
                }
            }
        }
        // Still open at `as_of` (or abandoned and judged like an open event): failed once
        // the bound has passed, pending until then. A `min` bound cannot fail while open.
        let waited = elapsed(self.options.as_of) as f64;
        Ok(Some(match direction {
            Direction::Max if waited > limit => Outcome::Failed,
            _ => Outcome::Pending,
        }))
    }

    /// The business clock of the event's touchpoint.
    fn clock<'t>(
        &self,
        tables: &'t mut Tables,
        event: &Event,
    ) -> Result<&'t mut BusinessClock, Effect<'h>> {
        let Some(touchpoint) = event.touchpoint.as_deref() else {
            return Err(self.reject(
                event,
                &codes::EVENT_NO_SCHEDULE,
                &self.touchpoint_column,
                "an event at no touchpoint cannot be measured in business hours".into(),
                "give the event its touchpoint: business hours are those of a touchpoint".into(),
            ));
        };
        let Some((&id, schedule)) = self.schedules.get_key_value(touchpoint) else {
            return Err(Effect::Unused);
        };
        let schedule = match schedule {
            Ok(schedule) => schedule,
            Err(_) => return Err(Effect::NoSchedule(id)),
        };
        if !tables.clocks.contains_key(touchpoint) {
            let clock = BusinessClock::new(schedule.clone(), self.timezone.clone(), &self.holidays);
            tables.clocks.insert(touchpoint.to_string(), clock);
        }
        Ok(tables.clocks.get_mut(touchpoint).expect("inserted above"))
    }
}

fn not_a_schedule(touchpoint: &str, span: crate::source::Span, help: String) -> Diagnostic {
    Diagnostic::error(
        &codes::EVENT_NO_SCHEDULE,
        span,
        format!(
            "the hours of touchpoint `{touchpoint}` are not a schedule, so its events cannot be measured in business hours"
        ),
    )
    .label("not a schedule")
    .help(help)
}
