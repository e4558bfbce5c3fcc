//! The handbook's side of the program: one row per standard (how it counts), per metric and
//! touchpoint (what an event there must carry, and which standards take it), and per
//! standard and period (labels, partial periods, the period before for the trend).
//!
//! Prepared with the evaluation's own `Rule`, so both read a standard the same way.

use super::dialect::{Dialect, Type, number};
use crate::measure::period;
use crate::measure::rule::{Counting, Rule, ValueRange};
use crate::model::{Direction, Handbook, Period, Status};

/// The active measurable standards, in the handbook's order (as the report lists them).
pub(super) fn rules(handbook: &Handbook) -> Vec<Rule> {
    handbook
        .standards
        .iter()
        .enumerate()
        .filter(|(_, s)| s.status.value == Status::Active)
        .filter_map(|(i, s)| Rule::of(i, s))
        .collect()
}

pub(super) fn business(rule: &Rule) -> bool {
    rule.counting == Counting::Duration { business: true }
}

fn counting_name(counting: Counting) -> &'static str {
    match counting {
        Counting::Duration { .. } => "duration",
        Counting::EventValue => "event_value",
        Counting::Nps => "nps",
        Counting::Csat => "csat",
        Counting::Rate => "rate",
        Counting::Mean => "mean",
    }
}

/// The figure `value` is held to, as the report gives it.
fn target(rule: &Rule) -> f64 {
    if rule.counting.per_event() {
        rule.share
    } else {
        rule.limit
    }
}

/// `standard_rule`: how each standard counts.
pub(super) fn standard_rule(d: Dialect, handbook: &Handbook, rules: &[Rule]) -> String {
    let columns = [
        ("rule_id", Type::Int),
        ("standard_id", Type::Text),
        ("period_kind", Type::Text),
        ("counting", Type::Text),
        ("direction", Type::Text),
        ("bound_value", Type::Float),
        ("share", Type::Float),
        ("target", Type::Float),
        ("per_event", Type::Bool),
        ("business", Type::Bool),
        ("by_touchpoint", Type::Bool),
    ];
    let rows: Vec<Vec<String>> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                i.to_string(),
                d.string(&handbook.standards[r.standard].meta.id.value),
                d.string(r.period.keyword()),
                d.string(counting_name(r.counting)),
                d.string(match r.direction {
                    Direction::Max => "max",
                    Direction::Min => "min",
                }),
                number(r.limit),
                number(r.share),
                number(target(r)),
                d.boolean(r.counting.per_event()).into(),
                d.boolean(business(r)).into(),
                d.boolean(r.spans_touchpoints()).into(),
            ]
        })
        .collect();
    d.inline_table("standard_rule", &columns, &rows)
}

/// What every event of one metric at one touchpoint (`""`: none) is held to before it
/// counts, decided for all the standards that take it at once, as the evaluation does.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Pair {
    pub metric: String,
    pub touchpoint: String,
    /// The standards that take it (indices into the rules).
    pub takers: Vec<usize>,
    pub needs_value: bool,
    pub range: Option<ValueRange>,
    /// False when a business-hours standard takes it where there is no schedule: the
    /// evaluation rejects such an event.
    pub measurable: bool,
}

/// Every measured metric at every touchpoint of the handbook and at none.
pub(super) fn pairs(
    handbook: &Handbook,
    rules: &[Rule],
    scheduled: &dyn Fn(&str) -> bool,
) -> Vec<Pair> {
    let mut metrics: Vec<&str> = Vec::new();
    for r in rules {
        if !metrics.contains(&r.metric.as_str()) {
            metrics.push(&r.metric);
        }
    }
    let touchpoints: Vec<&str> = std::iter::once("")
        .chain(
            handbook
                .touchpoints
                .iter()
                .map(|t| t.meta.id.value.as_str()),
        )
        .collect();
    let mut out = Vec::new();
    for metric in metrics {
        for &touchpoint in &touchpoints {
            let at = (!touchpoint.is_empty()).then_some(touchpoint);
            let takers: Vec<usize> = (0..rules.len())
                .filter(|&i| rules[i].metric == metric && rules[i].takes(at))
                .collect();
            let scored: Vec<&Rule> = takers
                .iter()
                .map(|&i| &rules[i])
                .filter(|r| !matches!(r.counting, Counting::Duration { .. }))
                .collect();
            let range = scored
                .iter()
                .filter_map(|r| r.values)
                .reduce(|a, b| ValueRange {
                    min: a.min.max(b.min),
                    max: a.max.min(b.max),
                    whole: a.whole || b.whole,
                });
            let measurable = !takers
                .iter()
                .any(|&i| business(&rules[i]) && (at.is_none() || !scheduled(touchpoint)));
            out.push(Pair {
                metric: metric.to_string(),
                touchpoint: touchpoint.to_string(),
                needs_value: !scored.is_empty(),
                range,
                measurable,
                takers,
            });
        }
    }
    out
}

/// `event_scope`: one row per pair, with the open seconds of its touchpoint up to `as_of`.
pub(super) fn event_scope(d: Dialect, pairs: &[Pair], as_of_open: &dyn Fn(&str) -> i64) -> String {
    let columns = [
        ("metric", Type::Text),
        ("touchpoint", Type::Text),
        ("taken", Type::Bool),
        ("needs_value", Type::Bool),
        ("ranged", Type::Bool),
        ("value_min", Type::Float),
        ("value_max", Type::Float),
        ("whole", Type::Bool),
        ("measurable", Type::Bool),
        ("as_of_open", Type::Int),
    ];
    let rows: Vec<Vec<String>> = pairs
        .iter()
        .map(|p| {
            let (min, max, whole) = p
                .range
                .map_or((0.0, 0.0, false), |r| (r.min, r.max, r.whole));
            vec![
                d.string(&p.metric),
                d.string(&p.touchpoint),
                d.boolean(!p.takers.is_empty()).into(),
                d.boolean(p.needs_value).into(),
                d.boolean(p.range.is_some()).into(),
                number(min),
                number(max),
                d.boolean(whole).into(),
                d.boolean(p.measurable).into(),
                as_of_open(&p.touchpoint).to_string(),
            ]
        })
        .collect();
    d.inline_table("event_scope", &columns, &rows)
}

/// `rule_scope`: which standards take an event of a metric at a touchpoint.
pub(super) fn rule_scope(d: Dialect, pairs: &[Pair]) -> String {
    let columns = [
        ("metric", Type::Text),
        ("touchpoint", Type::Text),
        ("rule_id", Type::Int),
    ];
    let rows: Vec<Vec<String>> = pairs
        .iter()
        .filter(|p| p.measurable)
        .flat_map(|p| {
            p.takers
                .iter()
                .map(|i| vec![d.string(&p.metric), d.string(&p.touchpoint), i.to_string()])
        })
        .collect();
    d.inline_table("rule_scope", &columns, &rows)
}

/// `measured_metric`: the metrics some standard measures; other events are unused.
pub(super) fn measured_metric(d: Dialect, pairs: &[Pair]) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for p in pairs {
        let row = vec![d.string(&p.metric)];
        if !rows.contains(&row) {
            rows.push(row);
        }
    }
    d.inline_table("measured_metric", &[("metric", Type::Text)], &rows)
}

/// `period_list`: every period of every standard from `from` to `to`, as the report lists
/// them when a range is given.
pub(super) fn period_list(
    d: Dialect,
    rules: &[Rule],
    from: i64,
    to: i64,
    as_of_local: i64,
) -> String {
    let columns = [
        ("rule_id", Type::Int),
        ("period_key", Type::Int),
        ("period_label", Type::Text),
        ("previous_key", Type::Int),
        ("partial", Type::Bool),
    ];
    let mut rows = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        for key in periods(r.period, from, to) {
            rows.push(vec![
                i.to_string(),
                key.to_string(),
                d.string(&period::label(r.period, key)),
                period::start_of(r.period, key - 1).to_string(),
                d.boolean(period::next(r.period, key) > as_of_local).into(),
            ]);
        }
    }
    d.inline_table("period_list", &columns, &rows)
}

/// The first days of the periods that hold a local date from `from` to `to`.
pub(super) fn periods(period: Period, from: i64, to: i64) -> Vec<i64> {
    let mut keys = Vec::new();
    let mut k = period::start_of(period, from);
    while k <= to {
        keys.push(k);
        k = period::next(period, k);
    }
    keys
}
