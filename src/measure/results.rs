//! From tallies to the report: every active measurable standard with its periods, results,
//! targets, trends and the figures per agent, team and touchpoint.

use std::collections::HashMap;

use super::evaluate::Evaluation;
use super::period;
use super::report::{
    AgentResult, Figures, HandbookInfo, PeriodResult, Report, SCHEMA, StandardResult, Target,
    TeamResult, TouchpointResult,
};
use super::rule::{Counting, Rule};
use super::tally::{PeriodTally, Tally};
use crate::diagnostics::Diagnostic;
use crate::model::{BoundValue, Direction, Handbook};

/// The report, the rejected rows to show, and per code how many more were not shown.
pub(crate) struct Measured {
    pub report: Report,
    pub diagnostics: Vec<Diagnostic>,
    pub hidden: Vec<(&'static str, u64)>,
}

impl Evaluation<'_> {
    pub(crate) fn finish(self, handbook: &Handbook) -> Measured {
        let judge = self.judge;
        let mut merged = self.merged.into_inner().unwrap_or_else(|e| e.into_inner());
        let as_of_day = merged.tables.calendar.date_of(judge.options.as_of);
        let from_day = judge.options.from.map(|d| d.to_days());
        let to_day = judge.options.to.map(|d| d.to_days());
        let mut standards = Vec::new();
        for (i, rule) in judge.rules.iter().enumerate() {
            let s = &handbook.standards[rule.standard];
            let mut keys: Vec<i64> = merged
                .tallies
                .range((i, i64::MIN)..=(i, i64::MAX))
                .map(|((_, k), _)| *k)
                .collect();
            if let (Some(from), Some(to)) = (from_day, to_day) {
                let mut k = period::start_of(rule.period, from);
                while k <= to {
                    keys.push(k);
                    k = period::next(rule.period, k);
                }
                keys.sort_unstable();
                keys.dedup();
            }
            let empty = PeriodTally::default();
            let mut periods: Vec<PeriodResult> = Vec::new();
            let mut values: HashMap<i64, f64> = HashMap::new();
            for k in keys {
                let tally = merged.tallies.get(&(i, k)).unwrap_or(&empty);
                let figures = figures(&tally.total, rule);
                let previous = values.get(&period::start_of(rule.period, k - 1));
                let trend = figures.value.zip(previous).map(|(v, p)| v - p);
                if let Some(v) = figures.value {
                    values.insert(k, v);
                }
                periods.push(PeriodResult {
                    period: period::label(rule.period, k),
                    partial: period::next(rule.period, k) > as_of_day,
                    figures,
                    target: target_figure(rule),
                    trend,
                    by_agent: sorted(&tally.agents, rule)
                        .map(|(agent, figures)| AgentResult { agent, figures })
                        .collect(),
                    by_team: sorted(&tally.teams, rule)
                        .map(|(team, figures)| TeamResult { team, figures })
                        .collect(),
                    by_touchpoint: sorted(&tally.touchpoints, rule)
                        .map(|(touchpoint, figures)| TouchpointResult {
                            touchpoint,
                            figures,
                        })
                        .collect(),
                });
            }
            let owner = &s.owner.value;
            standards.push(StandardResult {
                id: s.meta.id.value.clone(),
                title: s.title.value.clone(),
                metric: rule.metric.clone(),
                owner: owner.clone(),
                owner_name: handbook
                    .owners
                    .iter()
                    .find(|o| &o.meta.id.value == owner)
                    .map_or_else(|| owner.clone(), |o| o.name.value.clone()),
                touchpoints: rule.touchpoints.clone().unwrap_or_default(),
                target: target(rule, handbook),
                periods,
            });
        }
        let settings = handbook.settings.as_ref();
        let report = Report {
            schema: SCHEMA,
            as_of: jiff::Timestamp::from_second(judge.options.as_of)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            timezone: settings
                .map_or("UTC", |s| s.calendar.timezone_name())
                .to_string(),
            handbook: HandbookInfo {
                title: settings.map(|s| s.title.value.clone()).unwrap_or_default(),
                version: settings
                    .map(|s| s.version.value.to_string())
                    .unwrap_or_default(),
                language: settings
                    .map_or("en", |s| s.language.value.keyword())
                    .to_string(),
            },
            from: judge.options.from.map(|d| d.to_string()),
            to: judge.options.to.map(|d| d.to_string()),
            standards,
            rows: merged.rows,
            rejected: merged.rejected,
            unused: merged.unused,
        };
        Measured {
            report,
            diagnostics: merged.diagnostics,
            hidden: merged.hidden.into_iter().collect(),
        }
    }
}

fn figures(tally: &Tally, rule: &Rule) -> Figures {
    let value = tally.value(rule.counting);
    Figures {
        events: tally.events,
        met: (rule.counting != Counting::Mean).then_some(tally.met),
        pending: tally.pending,
        value,
        held: value.map(|v| held(v, rule)),
    }
}

/// Whether a result meets the target: the share for per-event metrics, else the bound.
fn held(value: f64, rule: &Rule) -> bool {
    if rule.counting.per_event() {
        value >= rule.share
    } else {
        rule.meets(value)
    }
}

fn target_figure(rule: &Rule) -> f64 {
    if rule.counting.per_event() {
        rule.share
    } else {
        rule.limit
    }
}

fn sorted<'a>(
    groups: &'a super::fast_hash::FastMap<String, Tally>,
    rule: &'a Rule,
) -> impl Iterator<Item = (String, Figures)> + 'a {
    let mut names: Vec<&String> = groups.keys().collect();
    names.sort();
    names
        .into_iter()
        .map(move |name| (name.clone(), figures(&groups[name], rule)))
}

fn target(rule: &Rule, handbook: &Handbook) -> Target {
    let measure = handbook.standards[rule.standard]
        .measure
        .as_ref()
        .expect("a rule comes from a measure");
    let limit = match &measure.bound.value {
        BoundValue::Duration(d) => d.to_string(),
        BoundValue::Number(n) => crate::values::format_number(*n),
    };
    let unit = match rule.counting {
        Counting::Nps => "nps".to_string(),
        Counting::Mean => measure
            .unit
            .as_ref()
            .map_or_else(|| "percent".to_string(), |u| u.value.clone()),
        _ => "percent".to_string(),
    };
    Target {
        bound: match rule.direction {
            Direction::Max => "max",
            Direction::Min => "min",
        }
        .to_string(),
        limit,
        limit_value: rule.limit,
        share: rule.counting.per_event().then_some(rule.share),
        period: rule.period.keyword().to_string(),
        hours: measure.hours.keyword().to_string(),
        per_event: rule.counting.per_event(),
        unit,
    }
}
