//! What every format shows, read once from a report and the handbook: each standard's
//! status in its latest complete period, its title and target in the handbook's words, and
//! the standards grouped by owner with the missed ones first.

use super::words::Words;
use crate::i18n::Catalog;
use crate::i18n::measure::{self, MeasureValue};
use crate::measure::report::{AgentResult, PeriodResult, Report, StandardResult};
use crate::model::{Handbook, Standard};
use crate::render::view::context::plain;

/// How a standard stands in its latest complete period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    Missed,
    Held,
    /// No period is complete yet; the running one has the only figures.
    Partial,
    /// No period, or the latest complete one counted no events.
    NoData,
}

impl Status {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Status::Missed => "report.status.missed",
            Status::Held => "report.status.held",
            Status::Partial => "report.status.partial",
            Status::NoData => "report.status.none",
        }
    }

    /// A mark that says the same as the colour, for readers who do not see it.
    pub(crate) fn mark(self) -> &'static str {
        match self {
            Status::Missed => "✗",
            Status::Held => "✓",
            Status::Partial => "◔",
            Status::NoData => "·",
        }
    }

    /// The status in words: "spełniony", "niespełniony", "w toku", "brak danych".
    pub(crate) fn word<'a>(self, words: &Words<'a>) -> &'a str {
        words.get(self.key())
    }

    /// The status with its mark, for text: "✓ spełniony".
    pub(crate) fn marked(self, words: &Words<'_>) -> String {
        format!("{} {}", self.mark(), self.word(words))
    }

    /// The class name in the HTML outputs.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Status::Missed => "missed",
            Status::Held => "held",
            Status::Partial => "partial",
            Status::NoData => "none",
        }
    }

    /// The status a period's row shows: a period still running is in progress whatever
    /// its figures so far.
    pub(crate) fn shown(p: &PeriodResult) -> Status {
        match p.partial && p.figures.value.is_some() {
            true => Status::Partial,
            false => Status::of_period(p),
        }
    }

    /// The status a period's own figures give.
    pub(crate) fn of_period(p: &PeriodResult) -> Status {
        match p.figures.held {
            Some(true) => Status::Held,
            Some(false) => Status::Missed,
            None => Status::NoData,
        }
    }
}

/// One standard of the report as the outputs show it.
#[derive(Debug, Clone)]
pub(crate) struct StandardView<'a> {
    pub result: &'a StandardResult,
    /// The handbook's standard of that id, if it still has one.
    pub standard: Option<&'a Standard>,
    /// The handbook's title (the report's for a standard the handbook no longer has).
    pub title: String,
    /// "at most 2 minutes in 90% of cases, each month, in business hours".
    pub target_words: String,
    /// The latest complete period; for [`Status::Partial`], the running one.
    pub latest: Option<&'a PeriodResult>,
    /// A period still running after `latest`.
    pub running: Option<&'a PeriodResult>,
    pub status: Status,
}

impl StandardView<'_> {
    /// Whether the per-period table says more than the owner's table: several periods.
    pub(crate) fn has_history(&self) -> bool {
        self.result.periods.len() > 1
    }
}

/// The standards of one owner.
#[derive(Debug, Clone)]
pub(crate) struct OwnerView<'a> {
    pub id: &'a str,
    pub name: String,
    pub standards: Vec<StandardView<'a>>,
}

/// How many standards stand each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    pub held: u64,
    pub missed: u64,
    pub partial: u64,
    pub none: u64,
}

impl Totals {
    pub(crate) fn of<'a>(standards: impl IntoIterator<Item = &'a StandardView<'a>>) -> Totals {
        let mut t = Totals::default();
        for s in standards {
            match s.status {
                Status::Held => t.held += 1,
                Status::Missed => t.missed += 1,
                Status::Partial => t.partial += 1,
                Status::NoData => t.none += 1,
            }
        }
        t
    }

    pub(crate) fn all(&self) -> u64 {
        self.held + self.missed + self.partial + self.none
    }

    /// "9 standardów: 4 spełnione, 2 niespełnione, 1 w toku, 2 bez danych." Counts of zero
    /// are left out.
    pub(crate) fn line(&self, words: &Words<'_>) -> String {
        let parts: Vec<String> = [
            ("report.summary.held", self.held),
            ("report.summary.missed", self.missed),
            ("report.summary.partial", self.partial),
            ("report.summary.none", self.none),
        ]
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(key, n)| words.count(key, n))
        .collect();
        let standards = words.count("report.summary.standards", self.all());
        match parts.is_empty() {
            true => format!("{standards}."),
            false => words.cat.fill(
                "report.summary.line",
                &[("standards", &standards), ("parts", &parts.join(", "))],
            ),
        }
    }
}

/// "16873 wiersze wczytane, 12 odrzuconych, 340 nieużytych."
pub(crate) fn rows_line(words: &Words<'_>, report: &Report) -> String {
    words.cat.fill(
        "report.summary.rows_line",
        &[
            ("rows", &words.count("report.summary.rows", report.rows)),
            (
                "rejected",
                &words.count("report.summary.rejected", report.rejected),
            ),
            (
                "unused",
                &words.count("report.summary.unused", report.unused),
            ),
        ],
    )
}

/// The latest complete period, the running one after it, and the status they give.
fn standing(result: &StandardResult) -> (Option<&PeriodResult>, Option<&PeriodResult>, Status) {
    let complete = result.periods.iter().rev().find(|p| !p.partial);
    let last = result.periods.last().filter(|p| p.partial);
    match complete {
        Some(p) => (Some(p), last, Status::of_period(p)),
        None => match last {
            Some(p) if p.figures.value.is_some() => (Some(p), None, Status::Partial),
            Some(p) => (Some(p), None, Status::NoData),
            None => (None, None, Status::NoData),
        },
    }
}

/// One standard, with the handbook's words for it.
pub(crate) fn standard<'a>(
    result: &'a StandardResult,
    handbook: &'a Handbook,
    cat: &Catalog,
) -> StandardView<'a> {
    let standard = handbook
        .standards
        .iter()
        .find(|s| s.meta.id.value == result.id);
    let words = Words::new(cat);
    let (latest, running, status) = standing(result);
    let target_words = match standard.and_then(|s| s.measure.as_ref()) {
        Some(m) => measure::target(&MeasureValue::of(m), cat),
        None => {
            let t = &result.target;
            let figure = latest.map_or_else(|| t.share.unwrap_or(t.limit_value), |p| p.target);
            let mut parts = vec![words.target(t, figure)];
            if let Some(period) = cat.try_get(&format!("notice.period.{}", t.period)) {
                parts.push(period.to_string());
            }
            parts.join(cat.get("measure.separator"))
        }
    };
    StandardView {
        result,
        standard,
        title: standard.map_or_else(|| result.title.clone(), |s| plain(&s.title.value)),
        target_words,
        latest,
        running,
        status,
    }
}

/// The report's standards by owner: owners in the handbook's order (those it does not name
/// after them), the owners with a missed standard first, and in each the missed standards
/// first, the rest in the report's order.
pub(crate) fn owners<'a>(
    report: &'a Report,
    handbook: &'a Handbook,
    cat: &Catalog,
) -> Vec<OwnerView<'a>> {
    let mut out: Vec<OwnerView<'a>> = Vec::new();
    for result in &report.standards {
        let view = standard(result, handbook, cat);
        match out.iter_mut().find(|o| o.id == result.owner) {
            Some(owner) => owner.standards.push(view),
            None => {
                let known = handbook
                    .owners
                    .iter()
                    .find(|o| o.meta.id.value == result.owner);
                let name = match known {
                    Some(o) => plain(&o.name.value),
                    None if !result.owner_name.trim().is_empty() => result.owner_name.clone(),
                    None => result.owner.clone(),
                };
                out.push(OwnerView {
                    id: &result.owner,
                    name,
                    standards: vec![view],
                });
            }
        }
    }
    let rank = |id: &str| {
        handbook
            .owners
            .iter()
            .position(|o| o.meta.id.value == id)
            .unwrap_or(usize::MAX)
    };
    out.sort_by_key(|o| {
        let missed = o.standards.iter().any(|s| s.status == Status::Missed);
        (!missed, rank(o.id))
    });
    for owner in &mut out {
        owner.standards.sort_by_key(|s| s.status != Status::Missed);
    }
    out
}

/// The agents below the target in a period, the furthest below first, at most `n`.
pub(crate) fn below(p: &PeriodResult, higher_is_better: bool, n: usize) -> Vec<&AgentResult> {
    let mut out: Vec<_> = p
        .by_agent
        .iter()
        .filter(|a| a.figures.held == Some(false) && a.figures.value.is_some())
        .collect();
    out.sort_by(|a, b| {
        let (x, y) = (
            a.figures.value.unwrap_or(0.0),
            b.figures.value.unwrap_or(0.0),
        );
        let order = x.total_cmp(&y);
        if higher_is_better {
            order
        } else {
            order.reverse()
        }
    });
    out.truncate(n);
    out
}
