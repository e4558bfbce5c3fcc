//! The built-in metrics of FORMAT.md §5: their kind and which way is better.

use crate::model::{Direction, MetricKind};

#[derive(Debug)]
pub(crate) struct Metric {
    pub name: &'static str,
    pub kind: MetricKind,
    pub direction: Direction,
}

const fn metric(name: &'static str, kind: MetricKind, direction: Direction) -> Metric {
    Metric {
        name,
        kind,
        direction,
    }
}

pub(crate) static BUILTIN: &[Metric] = &[
    metric("abandonment_rate", MetricKind::Percent, Direction::Max),
    metric("answer_time", MetricKind::Duration, Direction::Max),
    metric("audit_score", MetricKind::Percent, Direction::Min),
    metric("callback_time", MetricKind::Duration, Direction::Max),
    metric("complaint_rate", MetricKind::Percent, Direction::Max),
    metric("csat", MetricKind::Percent, Direction::Min),
    metric("delivery_time", MetricKind::Duration, Direction::Max),
    metric("fcr_rate", MetricKind::Percent, Direction::Min),
    metric("first_response_time", MetricKind::Duration, Direction::Max),
    metric("nps", MetricKind::Score, Direction::Min),
    metric("resolution_time", MetricKind::Duration, Direction::Max),
    metric("response_time", MetricKind::Duration, Direction::Max),
    metric("wait_time", MetricKind::Duration, Direction::Max),
];

pub(crate) fn builtin(name: &str) -> Option<&'static Metric> {
    BUILTIN.iter().find(|m| m.name == name)
}
