//! Genesys Cloud: a queue's `mediaSettings`, one `serviceLevel { percentage, durationMs }` per
//! media type, as `PUT /api/v2/routing/queues/{queueId}` takes them. It is the one tool where
//! "90% within 20 s" is native, so the share is kept; business hours are not (a queue's
//! service level counts every interaction it offers).

use serde_json::{Map, Value, json};

use super::mapping::{self, Cell, MEDIA};
use super::{Plan, Slot, Tool, keep_strictest};

pub(super) fn export(plan: &mut Plan<'_>) -> Value {
    let mut queues = Vec::new();
    let touchpoints = plan.touchpoints.clone();
    for touchpoint in touchpoints {
        let id = &touchpoint.meta.id.value;
        let channel_media = match mapping::channel(Tool::Genesys, touchpoint.channel.value) {
            Cell::Words([media]) => Ok(*media),
            Cell::No(reason) => Err(reason),
            _ => unreachable!("Genesys channels are media types"),
        };
        let mut slots: Vec<Slot> = Vec::new();
        for t in 0..plan.targets.len() {
            if !plan.targets[t].covers(touchpoint) {
                continue;
            }
            let Some(metrics) = plan.metric(t) else {
                continue;
            };
            let media = match (metrics, channel_media) {
                ([MEDIA], Ok(media)) => media,
                ([MEDIA], Err(reason)) => {
                    let standard = plan.targets[t].id().to_string();
                    plan.lose(
                        &standard,
                        format!(
                            "not exported at touchpoint `{id}` (channel `{}`): {reason}",
                            touchpoint.channel.value.keyword()
                        ),
                    );
                    continue;
                }
                ([media], _) => *media,
                _ => unreachable!("one Genesys media type per metric"),
            };
            let slot = plan.targets[t].slot(media);
            keep_strictest(plan, &mut slots, slot, id);
        }
        if slots.is_empty() {
            continue;
        }
        let mut media_settings = Map::new();
        for slot in &slots {
            if slot.business {
                plan.lose(
                    &slot.standard,
                    "Genesys Cloud counts a queue's service level on every interaction, in calendar time: `hours = \"business\"` is not kept",
                );
            }
            media_settings.insert(
                slot.key.to_string(),
                json!({
                    "serviceLevel": {
                        "percentage": slot.share / 100.0,
                        "durationMs": slot.seconds * 1000,
                    }
                }),
            );
        }
        let mut queue = Map::new();
        if let Some(queue_id) = plan.group(touchpoint) {
            queue.insert("id".into(), json!(queue_id));
        }
        queue.insert("name".into(), json!(touchpoint.name.value));
        queue.insert("mediaSettings".into(), Value::Object(media_settings));
        queues.push(Value::Object(queue));
    }
    json!({ "queues": queues })
}
