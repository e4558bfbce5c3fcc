//! A standard's `[measure]`: what is measured, its bound, share, period and hours.

use super::{Sp, Text};
use crate::source::Span;
use crate::values::Duration;

/// How a metric's value is read and which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetricKind {
    /// A time per event (`answer_time`), bounded with `max`.
    Duration,
    /// One percentage per period (`csat`, `complaint_rate`).
    Percent,
    /// Net Promoter Score, -100..100.
    Score,
    /// A custom metric in its own unit.
    Custom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Max,
    Min,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BoundValue {
    Duration(Duration),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub direction: Direction,
    pub value: BoundValue,
    pub span: Span,
}

keyword_enum!(Period {
    Day = "day",
    Week = "week",
    Month = "month",
    Quarter = "quarter",
    Year = "year",
});

keyword_enum!(Hours {
    Calendar = "calendar",
    Business = "business",
});

#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub metric: Sp<String>,
    pub kind: MetricKind,
    /// Whether `share` applies: durations, and custom metrics that give a share.
    pub per_event: bool,
    pub unit: Option<Text>,
    /// The metric's name in words (`name = "Wartość rekompensaty"`), instead of its key.
    pub name: Option<Text>,
    pub bound: Bound,
    /// Percent of events that must meet the bound; `None` means the default, 100.
    pub share: Option<Sp<f64>>,
    pub period: Option<Sp<Period>>,
    pub hours: Hours,
    /// Where `hours` is written; `None` when it is left out (calendar time).
    pub hours_span: Option<Span>,
    pub span: Span,
}

impl Measure {
    pub fn effective_share(&self) -> f64 {
        self.share.as_ref().map_or(100.0, |s| s.value)
    }
}
