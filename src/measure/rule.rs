//! How one standard counts an event: what it measures, how a value is judged, and which
//! events it takes. Prepared once from the standard's `[measure]` before any row is read.

use crate::metrics;
use crate::model::{BoundValue, Direction, Hours, Measure, MetricKind, Period, Standard};

/// How the events of a standard make its result (FORMAT.md §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Counting {
    /// `end − start` against a duration bound, per event.
    Duration { business: bool },
    /// A custom metric's `value` against its bound, per event.
    EventValue,
    /// `nps`: promoters minus detractors, per hundred answers.
    Nps,
    /// `csat`: the percent of answers 4–5.
    Csat,
    /// `fcr_rate`, `abandonment_rate`, `complaint_rate`: the mean of 0/1, in percent.
    Rate,
    /// `audit_score` and custom metrics measured per period: the mean.
    Mean,
}

impl Counting {
    pub(crate) fn per_event(self) -> bool {
        matches!(self, Counting::Duration { .. } | Counting::EventValue)
    }
}

/// The values an answer or score may take; anything else is rejected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ValueRange {
    pub min: f64,
    pub max: f64,
    pub whole: bool,
}

impl ValueRange {
    pub(crate) fn allows(&self, value: f64) -> bool {
        value >= self.min && value <= self.max && (!self.whole || value.fract() == 0.0)
    }

    /// "a whole number from 0 to 10", for the help line.
    pub(crate) fn describe(&self) -> String {
        let (min, max) = (
            crate::values::format_number(self.min),
            crate::values::format_number(self.max),
        );
        match (self.whole, self.max - self.min) {
            (true, 1.0) => format!("{min} or {max}"),
            (true, _) => format!("a whole number from {min} to {max}"),
            (false, _) => format!("a number from {min} to {max}"),
        }
    }
}

/// One active measurable standard, ready to count events.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    /// Its index in `Handbook::standards`.
    pub standard: usize,
    pub metric: String,
    pub counting: Counting,
    pub direction: Direction,
    /// The bound in seconds for a duration, else the number.
    pub limit: f64,
    /// Percent of events that must meet the bound (per-event metrics).
    pub share: f64,
    pub period: Period,
    /// `None`: every touchpoint and none.
    pub touchpoints: Option<Vec<String>>,
    pub values: Option<ValueRange>,
}

/// The period a standard without `period` is evaluated in.
pub(crate) const DEFAULT_PERIOD: Period = Period::Month;

impl Rule {
    pub(crate) fn of(standard: usize, s: &Standard) -> Option<Rule> {
        let measure = s.measure.as_ref()?;
        let counting = counting(measure);
        let limit = match &measure.bound.value {
            BoundValue::Duration(d) => d.nominal_seconds(),
            BoundValue::Number(n) => *n,
        };
        let touchpoints = (!s.touchpoints.is_empty())
            .then(|| s.touchpoints.iter().map(|t| t.value.clone()).collect());
        Some(Rule {
            standard,
            metric: measure.metric.value.clone(),
            counting,
            direction: measure.bound.direction,
            limit,
            share: measure.effective_share(),
            period: measure.period.as_ref().map_or(DEFAULT_PERIOD, |p| p.value),
            touchpoints,
            values: values(&measure.metric.value, counting),
        })
    }

    /// Whether an event at `touchpoint` counts for this standard.
    pub(crate) fn takes(&self, touchpoint: Option<&str>) -> bool {
        match (&self.touchpoints, touchpoint) {
            (None, _) => true,
            (Some(list), Some(t)) => list.iter().any(|l| l == t),
            (Some(_), None) => false,
        }
    }

    /// Whether results are also given per touchpoint: the standard spans several.
    pub(crate) fn spans_touchpoints(&self) -> bool {
        self.touchpoints.as_ref().is_none_or(|t| t.len() > 1)
    }

    /// Whether a duration or value meets the bound.
    pub(crate) fn meets(&self, figure: f64) -> bool {
        match self.direction {
            Direction::Max => figure <= self.limit,
            Direction::Min => figure >= self.limit,
        }
    }
}

fn counting(measure: &Measure) -> Counting {
    let business = measure.hours == Hours::Business;
    match (measure.kind, measure.metric.value.as_str()) {
        (MetricKind::Duration, _) => Counting::Duration { business },
        (MetricKind::Score, _) => Counting::Nps,
        (_, "csat") => Counting::Csat,
        (_, "audit_score") => Counting::Mean,
        (MetricKind::Percent, _) => Counting::Rate,
        (MetricKind::Custom, _) if measure.per_event => match measure.bound.value {
            BoundValue::Duration(_) => Counting::Duration { business },
            BoundValue::Number(_) => Counting::EventValue,
        },
        (MetricKind::Custom, _) => Counting::Mean,
    }
}

fn values(metric: &str, counting: Counting) -> Option<ValueRange> {
    let range = |min, max, whole| Some(ValueRange { min, max, whole });
    match counting {
        Counting::Nps => range(0.0, 10.0, true),
        Counting::Csat => range(1.0, 5.0, true),
        Counting::Rate => range(0.0, 1.0, true),
        Counting::Mean if metrics::builtin(metric).is_some() => range(0.0, 100.0, false),
        _ => None,
    }
}
