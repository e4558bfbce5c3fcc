//! Freshdesk: one SLA policy per touchpoint, as `POST /api/v2/sla_policies` takes it: the
//! tickets it applies to (`applicable_to`: the touchpoint's group, or its channel's source)
//! and a target per priority with `respond_within` and `resolve_within` in seconds.
//! Freshdesk, like Zendesk, applies one policy to a ticket, so a touchpoint's targets share one.

use serde_json::{Map, Value, json};

use super::mapping::Cell;
use super::{Plan, Selector, standards_of};

/// Freshdesk's priorities: 4 urgent, 3 high, 2 medium, 1 low; sok's targets hold for each.
const PRIORITIES: [&str; 4] = ["priority_4", "priority_3", "priority_2", "priority_1"];

pub(super) fn export(plan: &mut Plan<'_>) -> Value {
    let mut policies = Vec::new();
    let touchpoints = plan.touchpoints.clone();
    for touchpoint in touchpoints {
        let id = &touchpoint.meta.id.value;
        let mut slots = plan.deadlines(touchpoint);
        if slots.is_empty() {
            continue;
        }
        let standards = standards_of(&slots);
        let Some(selector) = plan.selector(touchpoint, &standards) else {
            continue;
        };
        // One business-hours switch per priority: the response target's, else the first.
        slots.sort_by_key(|s| s.key != "respond_within");
        let business = slots[0].business;
        for slot in &slots[1..] {
            if slot.business != business {
                let clock = |b: bool| if b { "business hours" } else { "calendar time" };
                plan.lose(
                    &slot.standard,
                    format!(
                        "Freshdesk has one business-hours switch per priority: at touchpoint `{id}` `{}` counts {}, so this one is counted in {} too",
                        slots[0].standard,
                        clock(business),
                        clock(business)
                    ),
                );
            }
        }
        for standard in &standards {
            let t = (0..plan.targets.len())
                .find(|&t| plan.targets[t].id() == standard)
                .expect("a slot's standard is a target");
            plan.deadline_only(t);
        }
        let mut target = Map::new();
        for slot in &slots {
            target.insert(slot.key.to_string(), json!(slot.seconds));
        }
        target.insert("business_hours".into(), json!(business));
        target.insert("escalation_enabled".into(), json!(false));
        let mut sla_target = Map::new();
        for priority in PRIORITIES {
            sla_target.insert(priority.to_string(), Value::Object(target.clone()));
        }
        let applicable_to = match selector {
            Selector::Group(group) => {
                json!({ "group_ids": [group.parse::<u64>().map_or(Value::String(group.clone()), Value::from)] })
            }
            Selector::Channel(Cell::Num(source)) => json!({ "sources": [source] }),
            Selector::Channel(_) => unreachable!("Freshdesk channels are source ids"),
        };
        let list: Vec<String> = standards.iter().map(|s| format!("`{s}`")).collect();
        policies.push(json!({
            "name": touchpoint.name.value,
            "description": format!("From the handbook's standards {} (sok export).", list.join(", ")),
            "active": true,
            "applicable_to": applicable_to,
            "sla_target": sla_target,
        }));
    }
    json!({ "sla_policies": policies })
}
