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

use super::Class;
use crate::i18n::measure::MeasureValue;
use crate::model::{BoundValue, Direction, Hours, MetricKind};
use crate::values::{Duration, DurationUnit};

/// Which way one part of a target moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Same,
    Stricter,
    Looser,
    Unordered,
}

/// The class of a change from `old` to `new`, or `None` when they are the same target.
pub(crate) fn classify(old: &MeasureValue, new: &MeasureValue) -> Option<Class> {
    if old == new {
        return None;
    }
    if old.metric != new.metric
        || old.unit != new.unit
        || old.direction != new.direction
        || old.kind != new.kind
        || old.share.is_some() != new.share.is_some()
    {
        return Some(Class::Changed);
    }
    let lower_is_stricter = old.direction == Direction::Max;
    let moves = [
        ordered(compare_bounds(&old.bound, &new.bound), lower_is_stricter),
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
pub(crate) fn compare_durations(a: &Duration, b: &Duration) -> Option<Ordering> {
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
    if old.period == new.period {
        return Move::Same;
    }
    let averaged = old.share.is_some() || old.kind != MetricKind::Custom;
    match (old.period, new.period) {
        (Some(a), Some(b)) if averaged => ordered(Some(b.cmp(&a)), true),
        _ => Move::Unordered,
    }
}

fn hours_move(old: &MeasureValue, new: &MeasureValue) -> Move {
    if old.hours == new.hours {
        return Move::Same;
    }
    match (&new.bound, new.hours) {
        (BoundValue::Duration(_), Hours::Calendar) => Move::Stricter,
        (BoundValue::Duration(_), Hours::Business) => Move::Looser,
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
pub(crate) fn classify_deadline(old: &Duration, new: &Duration) -> Option<Class> {
    match compare_durations(new, old) {
        Some(Ordering::Less) => Some(Class::Tightened),
        Some(Ordering::Greater) => Some(Class::Loosened),
        Some(Ordering::Equal) => None,
        None => Some(Class::Changed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    fn duration(metric: &str, max: &str, share: f64, period: Period) -> MeasureValue {
        MeasureValue {
            metric: metric.into(),
            kind: MetricKind::Duration,
            unit: None,
            name: None,
            direction: Direction::Max,
            bound: BoundValue::Duration(Duration::parse(max).unwrap()),
            share: Some(share),
            period: Some(period),
            hours: Hours::Calendar,
        }
    }

    fn percent(min: f64, period: Period, kind: MetricKind) -> MeasureValue {
        MeasureValue {
            metric: "csat".into(),
            kind,
            unit: None,
            name: None,
            direction: Direction::Min,
            bound: BoundValue::Number(min),
            share: None,
            period: Some(period),
            hours: Hours::Calendar,
        }
    }

    #[test]
    fn bounds_and_shares() {
        let base = duration("answer_time", "2 min", 90.0, Period::Month);
        let same = duration("answer_time", "2 minutes", 90.0, Period::Month);
        assert_eq!(classify(&base, &same), None);
        let seconds = duration("answer_time", "120 s", 90.0, Period::Month);
        assert_eq!(
            classify(&base, &seconds),
            None,
            "the same length in other units"
        );
        let cases = [
            (
                duration("answer_time", "1 min", 90.0, Period::Month),
                Class::Tightened,
            ),
            (
                duration("answer_time", "3 min", 90.0, Period::Month),
                Class::Loosened,
            ),
            (
                duration("answer_time", "2 min", 95.0, Period::Month),
                Class::Tightened,
            ),
            (
                duration("answer_time", "2 min", 80.0, Period::Month),
                Class::Loosened,
            ),
            (
                duration("answer_time", "1 min", 80.0, Period::Month),
                Class::Changed,
            ),
            (
                duration("wait_time", "2 min", 90.0, Period::Month),
                Class::Changed,
            ),
            (
                duration("answer_time", "2 min", 90.0, Period::Day),
                Class::Tightened,
            ),
            (
                duration("answer_time", "1 min", 90.0, Period::Day),
                Class::Tightened,
            ),
            (
                duration("answer_time", "3 min", 90.0, Period::Day),
                Class::Changed,
            ),
        ];
        for (new, class) in cases {
            assert_eq!(classify(&base, &new), Some(class), "{new:?}");
        }
    }

    #[test]
    fn percent_metrics_and_periods() {
        let base = percent(85.0, Period::Month, MetricKind::Percent);
        let up = percent(90.0, Period::Month, MetricKind::Percent);
        assert_eq!(classify(&base, &up), Some(Class::Tightened));
        assert_eq!(classify(&up, &base), Some(Class::Loosened));
        let daily = percent(85.0, Period::Day, MetricKind::Percent);
        assert_eq!(classify(&base, &daily), Some(Class::Tightened));
        assert_eq!(classify(&daily, &base), Some(Class::Loosened));
        // A custom total per period: a shorter window may allow more in total.
        let custom = percent(85.0, Period::Month, MetricKind::Custom);
        let custom_daily = percent(85.0, Period::Day, MetricKind::Custom);
        assert_eq!(classify(&custom, &custom_daily), Some(Class::Changed));
    }

    #[test]
    fn hours_count_for_durations_only() {
        let business = MeasureValue {
            hours: Hours::Business,
            ..duration("answer_time", "2 min", 90.0, Period::Month)
        };
        let calendar = duration("answer_time", "2 min", 90.0, Period::Month);
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
            classify_deadline(&d("3 business days"), &d("3 d")),
            Some(Class::Tightened)
        );
        assert_eq!(
            classify_deadline(&d("1 h"), &d("2 h")),
            Some(Class::Loosened)
        );
        assert_eq!(classify_deadline(&d("1 h"), &d("60 min")), None);
        assert_eq!(
            classify_deadline(&d("2 business days"), &d("3 d")),
            Some(Class::Changed)
        );
    }
}
