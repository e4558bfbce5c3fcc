//! The result of `sok measure`: plain data, serialized as the documented JSON (`schema: 1`)
//! and read back by `sok build --measurements`. Every output format renders this.

use serde::{Deserialize, Serialize};

/// The schema version of the JSON report; bumped only on an incompatible change.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    /// The moment pending events were judged at, RFC 3339 in UTC.
    pub as_of: String,
    /// The calendar's IANA time zone; periods are local to it.
    pub timezone: String,
    pub handbook: HandbookInfo,
    /// The range asked for with `--from` / `--to`, as local dates, if any.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Every active measurable standard, in the handbook's order.
    pub standards: Vec<StandardResult>,
    /// Rows read from the event files.
    pub rows: u64,
    /// Rows rejected (each one reported as a diagnostic).
    pub rejected: u64,
    /// Rows whose metric no active standard measures.
    pub unused: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandbookInfo {
    pub title: String,
    pub version: String,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardResult {
    pub id: String,
    pub title: String,
    pub metric: String,
    pub owner: String,
    /// The owner's display name.
    pub owner_name: String,
    /// The standard's touchpoints; empty means every touchpoint and none.
    pub touchpoints: Vec<String>,
    pub target: Target,
    /// Oldest first.
    pub periods: Vec<PeriodResult>,
}

/// What the standard asks, in numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// `max` or `min`.
    pub bound: String,
    /// The bound as written (`"2 min"`, `40`).
    pub limit: String,
    /// The bound in seconds for a duration, else the number.
    pub limit_value: f64,
    /// The percent of events that must meet the bound, for per-event metrics.
    pub share: Option<f64>,
    /// `day`, `week`, `month`, `quarter` or `year`.
    pub period: String,
    /// `business` or `calendar`.
    pub hours: String,
    /// True for per-event metrics: `value` is the percent of events that met the bound.
    pub per_event: bool,
    /// The unit of `value`: `percent`, `nps`, or a custom metric's unit.
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodResult {
    /// `2026-10-01`, `2026-W40`, `2026-10`, `2026-Q4` or `2026`.
    pub period: String,
    /// The period was still running at `as_of`.
    pub partial: bool,
    /// `events`: counted events (pending ones are not counted). `met`: for per-event
    /// metrics the events that met the bound; `csat` answers 4–5, `nps` promoters (9–10),
    /// the 0/1 rates events with 1, `None` for a mean. `pending`: events without `end` whose
    /// bound had not passed at `as_of`. `value`: percent met, the NPS, the rate in percent,
    /// or the mean, `None` without counted events. `held`: `None` without a result.
    #[serde(flatten)]
    pub figures: Figures,
    /// The figure `value` is held to: the share for per-event metrics, else the bound.
    pub target: f64,
    /// `value` minus the previous period's, when both have one.
    pub trend: Option<f64>,
    /// Sorted by name; `""` stands for events that name no agent.
    pub by_agent: Vec<AgentResult>,
    pub by_team: Vec<TeamResult>,
    /// Only for a standard that spans several touchpoints (or all of them).
    pub by_touchpoint: Vec<TouchpointResult>,
}

/// The figures of a period, or of one agent, team or touchpoint in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub events: u64,
    pub met: Option<u64>,
    pub pending: u64,
    pub value: Option<f64>,
    pub held: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentResult {
    pub agent: String,
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamResult {
    pub team: String,
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TouchpointResult {
    pub touchpoint: String,
    #[serde(flatten)]
    pub figures: Figures,
}

impl Report {
    /// The JSON report, pretty-printed with a final newline.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }
}
