//! Measure classification: whether a new target is stricter, looser, or not comparable.
//!
//! Reviewers care most about one question: did this edition ask more or less of staff? A
//! target has up to four parts that can move, and each is judged on its own:
//!
//! - the bound: a lower `max` or a higher `min` is stricter;
//! - `share` (per-event metrics): a higher percentage of events is stricter;
//! - `period`: a shorter window is stricter for every metric whose period figure is an
//!   average of smaller windows. A share of events (90% of calls within 2 minutes) and every
//!   built-in percent metric (CSAT, NPS, the rates, audit scores) is a ratio over the events
//!   in the window, so the month's figure is a weighted average of its days' figures: if every
//!   day meets the bound, the month does, but a month can pass with bad days hidden by good
//!   ones. A custom metric without `share` may be a total ("at most 10 complaints a month")
//!   where a shorter window is *looser*, so its period change is not comparable;
//! - `hours` (duration bounds only): counting calendar time is stricter than business time,
//!   because nights and weekends count against the bound.
//!
//! Durations compare by nominal length, except that a business day is at least a calendar
//! day and possibly several (a weekend in between): `3 business days` → `3 d` is stricter,
//! `2 business days` → `3 d` cannot be ordered.
//!
//! All parts the same direction → `tightened` or `loosened`; parts pulling both ways, another
//! metric or unit, or a part that cannot be ordered → `changed`; every part the same (a bound
//! written in other units, `120 s` for `2 min`) → no change at all.

use std::cmp::Ordering;

use serde::{Serialize, Serializer};

use super::Class;
use crate::model::{BoundValue, Direction, Measure, MetricKind};
use crate::values::{Duration, DurationUnit, format_number};

/// A standard's target as plain values, without spans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureValue {
    pub metric: String,
    pub unit: Option<String>,
    /// `max` or `min`.
    pub bound: &'static str,
    /// The bound as written back: `2 min`, `90%`, `50`, `20 PLN`.
    pub value: String,
    /// Percent of events that must meet the bound (per-event metrics only; 100 by default).
    #[serde(serialize_with = "number")]
    pub share: Option<f64>,
    pub period: Option<&'static str>,
    /// `business` or `calendar`.
    pub hours: &'static str,
    #[serde(skip)]
    pub kind: MetricKind,
    #[serde(skip)]
    pub typed: BoundValue,
}

fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => s.serialize_i64(*n as i64),
        Some(n) => s.serialize_f64(*n),
        None => s.serialize_none(),
    }
}

impl MeasureValue {
    pub fn of(m: &Measure) -> MeasureValue {
        let unit = m.unit.as_ref().map(|u| u.value.trim().to_string());
        let value = match (&m.bound.value, m.kind) {
            (BoundValue::Duration(d), _) => d.to_string(),
            (BoundValue::Number(n), MetricKind::Percent) => format!("{}%", format_number(*n)),
            (BoundValue::Number(n), MetricKind::Custom) => match &unit {
                Some(unit) => format!("{} {unit}", format_number(*n)),
                None => format_number(*n),
            },
            (BoundValue::Number(n), _) => format_number(*n),
        };
        MeasureValue {
            metric: m.metric.value.clone(),
            unit,
            bound: match m.bound.direction {
                Direction::Max => "max",
                Direction::Min => "min",
            },
            value,
            share: m.per_event.then(|| m.effective_share()),
            period: m.period.as_ref().map(|p| p.value.keyword()),
            hours: m.hours.keyword(),
            kind: m.kind,
            typed: m.bound.value.clone(),
        }
    }

    /// One line for reviewers: `max 2 min, 90% of events, per month, business hours`.
    pub fn describe(&self) -> String {
        let mut parts = vec![format!("{} {}", self.bound, self.value)];
        if let Some(share) = self.share {
            parts.push(format!("{}% of events", format_number(share)));
        }
        if let Some(period) = self.period {
            parts.push(format!("per {period}"));
        }
        if self.hours == "business" {
            parts.push("business hours".to_string());
        }
        format!("{} ({})", parts.join(", "), self.metric)
    }
}

/// Which way one part of a target moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Same,
    Stricter,
    Looser,
    Unordered,
}

/// The class of a change from `old` to `new`, or `None` when they are the same target.
pub fn classify(old: &MeasureValue, new: &MeasureValue) -> Option<Class> {
    if old == new {
        return None;
    }
    if old.metric != new.metric
        || old.unit != new.unit
        || old.bound != new.bound
        || old.kind != new.kind
        || old.share.is_some() != new.share.is_some()
    {
        return Some(Class::Changed);
    }
    let lower_is_stricter = old.bound == "max";
    let moves = [
        ordered(compare_bounds(&old.typed, &new.typed), lower_is_stricter),
        match (old.share, new.share) {
            (Some(a), Some(b)) => ordered(b.partial_cmp(&a), false),
            _ => Move::Same,
        },
        period_move(old, new),
        hours_move(old, new),
    ];
    combine(&moves)
}

/// `new` compared with `old`: `Less` means the new value is smaller.
fn ordered(new_vs_old: Option<Ordering>, lower_is_stricter: bool) -> Move {
    match (new_vs_old, lower_is_stricter) {
        (None, _) => Move::Unordered,
        (Some(Ordering::Equal), _) => Move::Same,
        (Some(Ordering::Less), true) | (Some(Ordering::Greater), false) => Move::Stricter,
        _ => Move::Looser,
    }
}

fn compare_bounds(old: &BoundValue, new: &BoundValue) -> Option<Ordering> {
    match (old, new) {
        (BoundValue::Number(a), BoundValue::Number(b)) => b.partial_cmp(a),
        (BoundValue::Duration(a), BoundValue::Duration(b)) => compare_durations(b, a),
        _ => None,
    }
}

/// Orders two durations by the calendar time they allow, when that order is certain.
pub fn compare_durations(a: &Duration, b: &Duration) -> Option<Ordering> {
    let business = |d: &Duration| d.unit == DurationUnit::BusinessDay;
    let (sa, sb) = (a.nominal_seconds(), b.nominal_seconds());
    match (business(a), business(b)) {
        (false, false) | (true, true) => sa.partial_cmp(&sb),
        // A business day is a day or more: `b` reaches from `sb` upwards.
        (false, true) if sa <= sb => Some(Ordering::Less),
        (true, false) if sb <= sa => Some(Ordering::Greater),
        _ => None,
    }
}

fn period_move(old: &MeasureValue, new: &MeasureValue) -> Move {
    let rank = |p: Option<&str>| match p {
        Some("day") => Some(0),
        Some("week") => Some(1),
        Some("month") => Some(2),
        Some("quarter") => Some(3),
        Some("year") => Some(4),
        _ => None,
    };
    if old.period == new.period {
        return Move::Same;
    }
    let averaged = old.share.is_some() || old.kind != MetricKind::Custom;
    match (rank(old.period), rank(new.period)) {
        (Some(a), Some(b)) if averaged => ordered(b.partial_cmp(&a), true),
        _ => Move::Unordered,
    }
}

fn hours_move(old: &MeasureValue, new: &MeasureValue) -> Move {
    if old.hours == new.hours {
        return Move::Same;
    }
    match (&new.typed, new.hours) {
        (BoundValue::Duration(_), "calendar") => Move::Stricter,
        (BoundValue::Duration(_), _) => Move::Looser,
        _ => Move::Unordered,
    }
}

/// `None` when every part is the same: the target is only written differently
/// (`120 s` → `2 min`, `share` left out → `share = 100`).
fn combine(moves: &[Move]) -> Option<Class> {
    let has = |m: Move| moves.contains(&m);
    match (has(Move::Unordered), has(Move::Stricter), has(Move::Looser)) {
        (false, false, false) => None,
        (false, true, false) => Some(Class::Tightened),
        (false, false, true) => Some(Class::Loosened),
        _ => Some(Class::Changed),
    }
}

/// The class of a change of a response deadline such as a situation's `respond_within`, or
/// `None` for the same length written differently (`1 h` → `60 min`).
pub fn classify_deadline(old: &str, new: &str) -> Option<Class> {
    match (Duration::parse(old), Duration::parse(new)) {
        (Ok(a), Ok(b)) => match compare_durations(&b, &a) {
            Some(Ordering::Less) => Some(Class::Tightened),
            Some(Ordering::Greater) => Some(Class::Loosened),
            Some(Ordering::Equal) => None,
            None => Some(Class::Changed),
        },
        _ => (old != new).then_some(Class::Changed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duration(metric: &str, max: &str, share: f64, period: &str) -> MeasureValue {
        let d = Duration::parse(max).unwrap();
        MeasureValue {
            metric: metric.into(),
            unit: None,
            bound: "max",
            value: d.to_string(),
            share: Some(share),
            period: Some(match period {
                "day" => "day",
                "week" => "week",
                _ => "month",
            }),
            hours: "calendar",
            kind: MetricKind::Duration,
            typed: BoundValue::Duration(d),
        }
    }

    fn percent(min: f64, period: &str, kind: MetricKind) -> MeasureValue {
        MeasureValue {
            metric: "csat".into(),
            unit: None,
            bound: "min",
            value: format!("{min}%"),
            share: None,
            period: Some(if period == "day" { "day" } else { "month" }),
            hours: "calendar",
            kind,
            typed: BoundValue::Number(min),
        }
    }

    #[test]
    fn bounds_and_shares() {
        let base = duration("answer_time", "2 min", 90.0, "month");
        let same = duration("answer_time", "2 minutes", 90.0, "month");
        assert_eq!(classify(&base, &same), None);
        let seconds = duration("answer_time", "120 s", 90.0, "month");
        assert_eq!(
            classify(&base, &seconds),
            None,
            "the same length in other units"
        );
        let cases = [
            (
                duration("answer_time", "1 min", 90.0, "month"),
                Class::Tightened,
            ),
            (
                duration("answer_time", "3 min", 90.0, "month"),
                Class::Loosened,
            ),
            (
                duration("answer_time", "2 min", 95.0, "month"),
                Class::Tightened,
            ),
            (
                duration("answer_time", "2 min", 80.0, "month"),
                Class::Loosened,
            ),
            (
                duration("answer_time", "1 min", 80.0, "month"),
                Class::Changed,
            ),
            (
                duration("wait_time", "2 min", 90.0, "month"),
                Class::Changed,
            ),
            (
                duration("answer_time", "2 min", 90.0, "day"),
                Class::Tightened,
            ),
            (
                duration("answer_time", "1 min", 90.0, "day"),
                Class::Tightened,
            ),
            (
                duration("answer_time", "3 min", 90.0, "day"),
                Class::Changed,
            ),
        ];
        for (new, class) in cases {
            assert_eq!(classify(&base, &new), Some(class), "{new:?}");
        }
    }

    #[test]
    fn percent_metrics_and_periods() {
        let base = percent(85.0, "month", MetricKind::Percent);
        let up = percent(90.0, "month", MetricKind::Percent);
        assert_eq!(classify(&base, &up), Some(Class::Tightened));
        assert_eq!(classify(&up, &base), Some(Class::Loosened));
        let daily = percent(85.0, "day", MetricKind::Percent);
        assert_eq!(classify(&base, &daily), Some(Class::Tightened));
        assert_eq!(classify(&daily, &base), Some(Class::Loosened));
        // A custom total per period: a shorter window may allow more in total.
        let custom = percent(85.0, "month", MetricKind::Custom);
        let custom_daily = percent(85.0, "day", MetricKind::Custom);
        assert_eq!(classify(&custom, &custom_daily), Some(Class::Changed));
    }

    #[test]
    fn hours_count_for_durations_only() {
        let business = MeasureValue {
            hours: "business",
            ..duration("answer_time", "2 min", 90.0, "month")
        };
        let calendar = duration("answer_time", "2 min", 90.0, "month");
        assert_eq!(classify(&business, &calendar), Some(Class::Tightened));
        assert_eq!(classify(&calendar, &business), Some(Class::Loosened));
    }

    #[test]
    fn business_days() {
        let d = |s: &str| Duration::parse(s).unwrap();
        assert_eq!(
            compare_durations(&d("3 d"), &d("3 business days")),
            Some(Ordering::Less)
        );
        assert_eq!(compare_durations(&d("3 d"), &d("2 business days")), None);
        assert_eq!(
            compare_durations(&d("1 business day"), &d("2 business days")),
            Some(Ordering::Less)
        );
        assert_eq!(
            classify_deadline("3 business days", "3 d"),
            Some(Class::Tightened)
        );
        assert_eq!(classify_deadline("1 h", "2 h"), Some(Class::Loosened));
        assert_eq!(classify_deadline("1 h", "60 min"), None);
        assert_eq!(
            classify_deadline("2 business days", "3 d"),
            Some(Class::Changed)
        );
        assert_eq!(classify_deadline("junk", "3 d"), Some(Class::Changed));
    }
}
