//! Counting events into tallies per standard, period, agent, team and touchpoint, by the
//! rules of FORMAT.md §8 and the decisions of docs/measure.md.
//!
//! One `Evaluation` takes events in the order they were read (so that the first row of a
//! repeated id is the one counted, whatever the machine), judges each against every standard
//! that measures its metric at its touchpoint, and keeps only counts: memory grows with
//! standards × periods × agents, not with events. Ids are remembered as 64-bit hashes.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::tz::TimeZone;

use super::clock::{BusinessClock, LocalCalendar};
use super::event::Event;
use super::fast_hash::{FastMap, FastSet, id_hash};
use super::period;
use super::rule::{Counting, Rule};
use super::tally::{Outcome, PeriodTally};
use crate::diagnostics::{Code, Diagnostic, Record, codes};
use crate::model::{AbandonedPolicy, Direction, Handbook, Status};
use crate::values::{Date, parse_schedule};

/// What the evaluation is asked, besides the events.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Seconds since the epoch at which events without `end` are judged.
    pub as_of: i64,
    /// Only events whose start falls on these local dates (inclusive).
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// Rejected rows shown in full per code; the rest are counted in one line.
const SHOWN_PER_CODE: u64 = 100;

pub(crate) struct Evaluation<'h> {
    handbook: &'h Handbook,
    pub(super) rules: Vec<Rule>,
    by_metric: FastMap<String, Arc<[usize]>>,
    touchpoints: FastSet<&'h str>,
    pub(super) calendar: LocalCalendar,
    timezone: TimeZone,
    holidays: Vec<Date>,
    /// A touchpoint's clock, or `None` when its hours are not a schedule.
    clocks: HashMap<String, Option<BusinessClock>>,
    pub(super) options: Options,
    from_day: Option<i64>,
    to_day: Option<i64>,
    policy: AbandonedPolicy,
    short_abandon: Option<i64>,
    value_column: String,
    touchpoint_column: String,
    id_column: String,
    ids: FastSet<u64>,
    pub(super) tallies: BTreeMap<(usize, i64), PeriodTally>,
    pub(super) rows: u64,
    pub(super) rejected: u64,
    pub(super) unused: u64,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) hidden: BTreeMap<&'static str, u64>,
    shown: HashMap<&'static str, u64>,
}

impl<'h> Evaluation<'h> {
    pub(crate) fn new(handbook: &'h Handbook, options: Options) -> Evaluation<'h> {
        let rules: Vec<Rule> = handbook
            .standards
            .iter()
            .enumerate()
            .filter(|(_, s)| s.status.value == Status::Active)
            .filter_map(|(i, s)| Rule::of(i, s))
            .collect();
        let mut grouped: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, rule) in rules.iter().enumerate() {
            grouped.entry(rule.metric.clone()).or_default().push(i);
        }
        let by_metric = grouped.into_iter().map(|(m, r)| (m, r.into())).collect();
        let settings = handbook.settings.as_ref();
        let calendar = settings.map(|s| s.calendar.clone()).unwrap_or_default();
        let events = settings.map(|s| s.events.clone()).unwrap_or_default();
        let timezone = TimeZone::get(calendar.timezone_name()).unwrap_or(TimeZone::UTC);
        let column = |name: &str| {
            events
                .columns
                .get(name)
                .map_or_else(|| name.to_string(), |c| c.value.clone())
        };
        Evaluation {
            handbook,
            by_metric,
            rules,
            touchpoints: handbook
                .touchpoints
                .iter()
                .map(|t| t.meta.id.value.as_str())
                .collect(),
            calendar: LocalCalendar::new(timezone.clone()),
            timezone,
            holidays: calendar.holidays.iter().map(|h| h.value).collect(),
            clocks: HashMap::new(),
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
            ids: FastSet::default(),
            tallies: BTreeMap::new(),
            rows: 0,
            rejected: 0,
            unused: 0,
            diagnostics: Vec::new(),
            hidden: BTreeMap::new(),
            shown: HashMap::new(),
        }
    }

    /// A row the reader could not read.
    pub(crate) fn reject(&mut self, diagnostic: Diagnostic) {
        self.rows += 1;
        self.rejected += 1;
        self.keep(diagnostic);
    }

    fn keep(&mut self, diagnostic: Diagnostic) {
        let shown = self.shown.entry(diagnostic.code).or_default();
        if *shown < SHOWN_PER_CODE {
            *shown += 1;
            self.diagnostics.push(diagnostic);
        } else {
            *self.hidden.entry(diagnostic.code).or_default() += 1;
        }
    }

    fn reject_event(
        &mut self,
        event: &Event,
        code: &'static Code,
        column: &str,
        message: String,
        help: String,
    ) {
        self.rejected += 1;
        let record = Record {
            line: event.line,
            column: Some(column.to_string()),
        };
        self.keep(Diagnostic::at_record(code, event.file, record, message).help(help));
    }

    /// Counts one event for every standard it belongs to.
    pub(crate) fn add(&mut self, event: &Event) {
        self.rows += 1;
        let Some(rules) = self.by_metric.get(event.metric.as_str()) else {
            self.unused += 1;
            return;
        };
        let rules = Arc::clone(rules);
        if let Some(t) = &event.touchpoint
            && !self.touchpoints.contains(t.as_str())
        {
            let help = match crate::diagnostics::did_you_mean(t, self.touchpoints.iter().copied()) {
                Some(close) => format!("{close} The touchpoint ids are those of the handbook's touchpoints."),
                None => "use the id of one of the handbook's touchpoints, or leave it empty for an event at none".into(),
            };
            let column = self.touchpoint_column.clone();
            self.reject_event(
                event,
                &codes::EVENT_UNKNOWN_TOUCHPOINT,
                &column,
                format!("`{t}` is not a touchpoint of the handbook"),
                help,
            );
            return;
        }
        if let Some(reason) = self.check_value(event, &rules) {
            let column = self.value_column.clone();
            let (code, message, help) = reason;
            self.reject_event(event, code, &column, message, help);
            return;
        }
        if let Some(id) = &event.id {
            if !self.ids.insert(id_hash(id)) {
                let column = self.id_column.clone();
                self.reject_event(
                    event,
                    &codes::EVENT_DUPLICATE_ID,
                    &column,
                    format!("event id `{id}` appears more than once"),
                    "only the first row with this id is counted; remove the repeated rows or export each event once".into(),
                );
                return;
            }
        }
        let start = event.start.as_second();
        let local = self.calendar.date_of(start);
        if self.from_day.is_some_and(|f| local < f) || self.to_day.is_some_and(|t| local > t) {
            return;
        }
        // Every outcome first: a row that one of its standards cannot measure is rejected
        // as a whole, not counted by the others.
        let mut outcomes = Vec::with_capacity(rules.len());
        for &i in rules.iter() {
            if !self.rules[i].takes(event.touchpoint.as_deref()) {
                continue;
            }
            match self.outcome(i, event) {
                Ok(outcome) => outcomes.push((i, outcome)),
                Err(Some((message, help))) => {
                    let column = self.touchpoint_column.clone();
                    self.reject_event(event, &codes::EVENT_NO_SCHEDULE, &column, message, help);
                    return;
                }
                Err(None) => {
                    self.rejected += 1;
                    return;
                }
            }
        }
        if outcomes.is_empty() {
            self.unused += 1;
        }
        for (i, outcome) in outcomes {
            let Some(outcome) = outcome else { continue };
            let rule = &self.rules[i];
            let key = (i, period::start_of(rule.period, local));
            let (counting, by_touchpoint) = (rule.counting, rule.spans_touchpoints());
            self.tallies.entry(key).or_default().add(
                outcome,
                counting,
                [
                    event.agent.as_deref(),
                    event.team.as_deref(),
                    event.touchpoint.as_deref(),
                ],
                by_touchpoint,
            );
        }
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
    /// abandon), `Err` when it cannot be measured in business hours (with the message the
    /// first time for its touchpoint).
    #[allow(clippy::type_complexity)]
    fn outcome(
        &mut self,
        i: usize,
        event: &Event,
    ) -> Result<Option<Outcome>, Option<(String, String)>> {
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
        let elapsed = |this: &mut Self, to: i64| -> Result<i64, Option<(String, String)>> {
            if !business {
                return Ok(to - start);
            }
            let clock = this.clock(event)?;
            Ok(clock.open_seconds(start, to))
        };
        if let Some(end) = event.end {
            let took = elapsed(self, end.as_second())? as f64;
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
            let waited = elapsed(self, gave_up)? as f64;
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
        let waited = elapsed(self, self.options.as_of)? as f64;
        Ok(Some(match direction {
            Direction::Max if waited > limit => Outcome::Failed,
            _ => Outcome::Pending,
        }))
    }

    /// The business clock of the event's touchpoint.
    fn clock(&mut self, event: &Event) -> Result<&mut BusinessClock, Option<(String, String)>> {
        let Some(touchpoint) = event.touchpoint.as_deref() else {
            return Err(Some((
                "an event at no touchpoint cannot be measured in business hours".into(),
                "give the event its touchpoint: business hours are those of a touchpoint".into(),
            )));
        };
        if !self.clocks.contains_key(touchpoint) {
            let clock = self.build_clock(touchpoint);
            self.clocks.insert(touchpoint.to_string(), clock);
        }
        match self.clocks.get_mut(touchpoint) {
            Some(Some(clock)) => Ok(clock),
            _ => Err(None),
        }
    }

    /// A touchpoint's clock; when its hours are not a schedule, the problem is reported
    /// once, at its `hours`, and its events are rejected without a line each.
    fn build_clock(&mut self, touchpoint: &str) -> Option<BusinessClock> {
        let handbook = self.handbook;
        let t = handbook
            .touchpoints
            .iter()
            .find(|t| t.meta.id.value == touchpoint)?;
        let language = handbook
            .settings
            .as_ref()
            .map(|s| s.language.value)
            .unwrap_or(crate::model::Language::En);
        let parsed = match &t.hours {
            Some(hours) => {
                parse_schedule(&hours.value, language).map_err(|help| (hours.span, help))
            }
            None => Err((
                t.meta.anchor,
                "give the touchpoint its opening hours, like `hours = \"Mon–Fri 8–18\"`"
                    .to_string(),
            )),
        };
        match parsed {
            Ok(schedule) => Some(BusinessClock::new(
                schedule,
                self.timezone.clone(),
                &self.holidays,
            )),
            Err((span, help)) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        &codes::EVENT_NO_SCHEDULE,
                        span,
                        format!("the hours of touchpoint `{touchpoint}` are not a schedule, so its events cannot be measured in business hours"),
                    )
                    .label("not a schedule")
                    .help(help),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests;
