//! `sok export TOOL`: the handbook's targets and schedules as the configuration a help desk or
//! contact center takes (docs/export.md), so the handbook and the tools cannot drift apart.
//!
//! The stage after `check`, beside `measure`, whose reading of a standard (`Rule`) it shares.
//! Every exporter gets the same `Plan` (the active measurable standards at the touchpoints
//! exported) and returns plain JSON values; what a tool cannot hold is never dropped
//! silently but listed as `Unmappable`, with the reason in the reviewer's words.

mod freshdesk;
mod genesys;
mod mapping;
mod schedule;
mod servicenow;
mod zendesk;

use crate::Checked;
use crate::measure::rule::{Counting, Rule};
use crate::model::{Direction, Handbook, Hours, Standard, Status, Touchpoint, TouchpointTarget};
use crate::values::{Schedule, parse_schedule};

/// A tool sok writes configuration for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tool {
    Zendesk,
    Freshdesk,
    Genesys,
    Servicenow,
}

impl Tool {
    #[cfg(test)]
    pub(crate) const ALL: [Tool; 4] = [
        Tool::Zendesk,
        Tool::Freshdesk,
        Tool::Genesys,
        Tool::Servicenow,
    ];

    /// The tool's name, as its users write it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Tool::Zendesk => "Zendesk",
            Tool::Freshdesk => "Freshdesk",
            Tool::Genesys => "Genesys Cloud",
            Tool::Servicenow => "ServiceNow",
        }
    }

    /// The table of `[export]` that names each touchpoint's group or queue in this tool.
    fn targets(self, handbook: &Handbook) -> &[TouchpointTarget] {
        let Some(settings) = &handbook.settings else {
            return &[];
        };
        let export = &settings.export;
        match self {
            Tool::Zendesk => &export.zendesk_group,
            Tool::Freshdesk => &export.freshdesk_group,
            Tool::Genesys => &export.genesys_queue,
            Tool::Servicenow => &export.servicenow_group,
        }
    }

    fn settings_key(self) -> &'static str {
        match self {
            Tool::Zendesk => "zendesk_group",
            Tool::Freshdesk => "freshdesk_group",
            Tool::Genesys => "genesys_queue",
            Tool::Servicenow => "servicenow_group",
        }
    }
}

/// What to export.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// Only these touchpoints (ids the caller has checked); empty means all.
    pub touchpoints: Vec<String>,
}

/// A standard, or a part of it, that the tool cannot hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unmappable {
    pub standard: String,
    pub tool: Tool,
    pub reason: String,
}

/// The file to write and what it leaves out.
#[derive(Debug, Clone)]
pub(crate) struct Export {
    /// Pretty JSON, keys sorted, with a trailing newline: the same handbook gives the same bytes.
    pub json: String,
    pub unmappable: Vec<Unmappable>,
}

/// The configuration of `tool` for the checked handbook.
pub(crate) fn export(checked: &Checked, tool: Tool, options: &Options) -> Export {
    let mut plan = Plan::new(&checked.handbook, tool, options);
    let mut value = match tool {
        Tool::Zendesk => zendesk::export(&mut plan),
        Tool::Freshdesk => freshdesk::export(&mut plan),
        Tool::Genesys => genesys::export(&mut plan),
        Tool::Servicenow => servicenow::export(&mut plan),
    };
    sort_keys(&mut value);
    let mut json = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    json.push('\n');
    // In the handbook's order of standards, each one's reasons in the order they were found.
    let position = |id: &str| {
        checked
            .handbook
            .standards
            .iter()
            .position(|s| s.meta.id.value == id)
    };
    let mut lost = plan.lost;
    lost.sort_by_key(|l| position(&l.standard));
    let mut unmappable: Vec<Unmappable> = Vec::new();
    for lost in lost {
        if !unmappable.contains(&lost) {
            unmappable.push(lost);
        }
    }
    Export { json, unmappable }
}

/// Keys in one order whatever serde_json's map is built with.
fn sort_keys(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort_keys);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

/// One active measurable standard, at the exported touchpoints it covers.
pub(crate) struct Target<'h> {
    pub standard: &'h Standard,
    pub rule: Rule,
    pub business: bool,
    /// In the handbook's order; a standard without touchpoints covers all of them.
    pub touchpoints: Vec<&'h Touchpoint>,
}

impl Target<'_> {
    pub(crate) fn id(&self) -> &str {
        &self.standard.meta.id.value
    }

    /// The bound in whole seconds.
    pub(crate) fn seconds(&self) -> u64 {
        self.rule.limit.round().max(0.0) as u64
    }

    pub(crate) fn covers(&self, touchpoint: &Touchpoint) -> bool {
        self.touchpoints
            .iter()
            .any(|t| t.meta.id.value == touchpoint.meta.id.value)
    }
}

/// What every exporter reads, and where it lists what it cannot hold.
pub(crate) struct Plan<'h> {
    pub handbook: &'h Handbook,
    pub tool: Tool,
    pub targets: Vec<Target<'h>>,
    /// The exported touchpoints, in the handbook's order.
    pub touchpoints: Vec<&'h Touchpoint>,
    lost: Vec<Unmappable>,
}

/// What selects a touchpoint's work in a tool: a group or queue from `[export]`, or its
/// channel's value from the mapping.
#[derive(Debug, Clone)]
pub(crate) enum Selector {
    Group(String),
    Channel(mapping::Cell),
}

impl<'h> Plan<'h> {
    fn new(handbook: &'h Handbook, tool: Tool, options: &Options) -> Plan<'h> {
        let touchpoints: Vec<&Touchpoint> = handbook
            .touchpoints
            .iter()
            .filter(|t| {
                options.touchpoints.is_empty() || options.touchpoints.contains(&t.meta.id.value)
            })
            .collect();
        let mut targets = Vec::new();
        for (index, standard) in handbook.standards.iter().enumerate() {
            if standard.status.value != Status::Active {
                continue;
            }
            let Some(rule) = Rule::of(index, standard) else {
                continue;
            };
            let covered: Vec<&Touchpoint> = touchpoints
                .iter()
                .copied()
                .filter(|t| rule.takes(Some(&t.meta.id.value)))
                .collect();
            if covered.is_empty() {
                continue;
            }
            let business = standard
                .measure
                .as_ref()
                .is_some_and(|m| m.hours == Hours::Business);
            targets.push(Target {
                standard,
                rule,
                business,
                touchpoints: covered,
            });
        }
        Plan {
            handbook,
            tool,
            targets,
            touchpoints,
            lost: Vec::new(),
        }
    }

    /// Lists `target` (or a part of it) as something the tool cannot hold.
    pub(crate) fn lose(&mut self, standard: &str, reason: impl Into<String>) {
        self.lost.push(Unmappable {
            standard: standard.to_string(),
            tool: self.tool,
            reason: reason.into(),
        });
    }

    /// The tool's words for `target`'s metric, or `None` after listing why it has none: the
    /// tools hold upper bounds on a time per ticket or interaction only.
    pub(crate) fn metric(&mut self, target: usize) -> Option<&'static [&'static str]> {
        let tool = self.tool.name();
        let t = &self.targets[target];
        let (id, metric) = (t.id().to_string(), t.rule.metric.clone());
        let reason = match (t.rule.counting, t.rule.direction) {
            (Counting::Duration { .. }, Direction::Max) => {
                match mapping::metric(self.tool, &metric) {
                    mapping::Cell::Words(words) => return Some(words),
                    mapping::Cell::No(reason) => format!("`{metric}` is not exported: {reason}"),
                    mapping::Cell::Num(_) => unreachable!("metrics map to words"),
                }
            }
            (Counting::Duration { .. }, Direction::Min) => format!(
                "`{metric}` has a lower bound (`min`); {tool} sets deadlines, which are upper bounds"
            ),
            _ => format!(
                "`{metric}` is one figure per period; {tool} sets deadlines per ticket or interaction"
            ),
        };
        self.lose(&id, reason);
        None
    }

    /// Lists the share as lost for a tool that sets a deadline every ticket must meet.
    pub(crate) fn deadline_only(&mut self, target: usize) {
        let t = &self.targets[target];
        if t.rule.share < 100.0 {
            let reason = format!(
                "exported as a deadline for every ticket: {} has no share, so `share = {}` is not kept (its SLA reports show how many tickets met it)",
                self.tool.name(),
                crate::values::format_number(t.rule.share)
            );
            let id = t.id().to_string();
            self.lose(&id, reason);
        }
    }

    /// The schedule of `touchpoint`'s `hours`, if they are one.
    pub(crate) fn schedule(&self, touchpoint: &Touchpoint) -> Option<Schedule> {
        let language = self.handbook.settings.as_ref()?.language.value;
        parse_schedule(&touchpoint.hours.as_ref()?.value, language).ok()
    }

    /// Whether `target` can be counted in business hours at `touchpoint`; lists it when not.
    pub(crate) fn has_business_hours(&mut self, target: usize, touchpoint: &Touchpoint) -> bool {
        if !self.targets[target].business || self.schedule(touchpoint).is_some() {
            return true;
        }
        let id = self.targets[target].id().to_string();
        let reason = format!(
            "counts business hours, but touchpoint `{}` has no schedule in `hours`, so it is not exported there",
            touchpoint.meta.id.value
        );
        self.lose(&id, reason);
        false
    }

    /// The group or queue `[export]` names for `touchpoint` in this tool, if any.
    pub(crate) fn group(&self, touchpoint: &Touchpoint) -> Option<String> {
        self.tool
            .targets(self.handbook)
            .iter()
            .find(|t| t.touchpoint.value == touchpoint.meta.id.value)
            .map(|t| t.value.value.clone())
    }

    /// What selects `touchpoint`'s tickets: its group from `[export]`, else its channel.
    /// `None` after listing the `standards` meant for it when neither works.
    pub(crate) fn selector(
        &mut self,
        touchpoint: &Touchpoint,
        standards: &[String],
    ) -> Option<Selector> {
        if let Some(group) = self.group(touchpoint) {
            return Some(Selector::Group(group));
        }
        match mapping::channel(self.tool, touchpoint.channel.value) {
            mapping::Cell::No(why) => {
                let id = &touchpoint.meta.id.value;
                let reason = format!(
                    "not exported at touchpoint `{id}` (channel `{}`): {why}; set `{id}` in `[export.{}]`",
                    touchpoint.channel.value.keyword(),
                    self.tool.settings_key()
                );
                for standard in standards {
                    self.lose(standard, reason.clone());
                }
                None
            }
            cell => Some(Selector::Channel(cell)),
        }
    }

    /// The handbook's time zone name (IANA).
    pub(crate) fn timezone(&self) -> &str {
        self.handbook
            .settings
            .as_ref()
            .map_or("UTC", |s| s.calendar.timezone_name())
    }

    pub(crate) fn holidays(&self) -> Vec<crate::values::Date> {
        self.handbook
            .settings
            .as_ref()
            .map(|s| s.calendar.holidays.iter().map(|d| d.value).collect())
            .unwrap_or_default()
    }

    /// Lists the holiday difference of an overnight schedule (see `schedule.rs`).
    pub(crate) fn overnight_holidays(&mut self, target: usize, touchpoint: &Touchpoint) {
        let Some(schedule) = self.schedule(touchpoint) else {
            return;
        };
        if !self.targets[target].business
            || !schedule::overnight(&schedule)
            || self.holidays().is_empty()
        {
            return;
        }
        let id = self.targets[target].id().to_string();
        let reason = format!(
            "the hours of `{}` run past midnight: sok closes all of a night that starts on a holiday, {} only the holiday's own date",
            touchpoint.meta.id.value,
            self.tool.name()
        );
        self.lose(&id, reason);
    }
}

/// One target a touchpoint's policy or queue holds: the strictest standard per tool metric.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub key: &'static str,
    pub seconds: u64,
    pub business: bool,
    pub share: f64,
    pub standard: String,
}

impl Target<'_> {
    /// This target as the slot of tool metric `key`.
    pub(crate) fn slot(&self, key: &'static str) -> Slot {
        Slot {
            key,
            seconds: self.seconds(),
            business: self.business,
            share: self.rule.share,
            standard: self.id().to_string(),
        }
    }
}

impl Plan<'_> {
    /// The deadlines of a policy at `touchpoint` (Zendesk, Freshdesk): per tool metric the
    /// strictest of the targets that cover it, what cannot be held listed as lost.
    pub(crate) fn deadlines(&mut self, touchpoint: &Touchpoint) -> Vec<Slot> {
        let mut slots = Vec::new();
        for t in 0..self.targets.len() {
            if !self.targets[t].covers(touchpoint) {
                continue;
            }
            let Some(metrics) = self.metric(t) else {
                continue;
            };
            if !self.has_business_hours(t, touchpoint) {
                continue;
            }
            for &metric in metrics {
                let slot = self.targets[t].slot(metric);
                keep_strictest(self, &mut slots, slot, &touchpoint.meta.id.value);
            }
        }
        slots
    }
}

/// The standards behind `slots`, each once, in their order.
pub(crate) fn standards_of(slots: &[Slot]) -> Vec<String> {
    let mut standards: Vec<String> = Vec::new();
    for slot in slots {
        if !standards.contains(&slot.standard) {
            standards.push(slot.standard.clone());
        }
    }
    standards
}

/// Adds `slot` to `slots`, keeping the shorter of two targets for one key and listing the
/// other: a policy or queue holds one target per metric.
pub(crate) fn keep_strictest(plan: &mut Plan<'_>, slots: &mut Vec<Slot>, slot: Slot, at: &str) {
    let Some(existing) = slots.iter_mut().find(|s| s.key == slot.key) else {
        slots.push(slot);
        return;
    };
    let (kept, dropped) = if slot.seconds < existing.seconds {
        let old = std::mem::replace(existing, slot);
        (existing.standard.clone(), old)
    } else {
        (existing.standard.clone(), slot)
    };
    if kept == dropped.standard {
        return;
    }
    let reason = format!(
        "at touchpoint `{at}`, `{kept}` sets `{}` already and {} holds one target for it, so the stricter one is exported",
        dropped.key,
        plan.tool.name()
    );
    plan.lose(&dropped.standard, reason);
}

#[cfg(test)]
mod tests;
