//! The projection of each kind of entity, field by field, and of `sok.toml`'s settings.
//!
//! Every field is pushed whether or not it has a value, so both editions of one kind give the
//! same keys in the same order and `compare` can pair them by position. The order here is the
//! order reviewers see.

use std::collections::BTreeMap;

use super::{Field, Fields, Owners, Projected, entity, normalize};
use crate::diff::Value;
use crate::i18n::measure::MeasureValue;
use crate::model::{Handbook, Kind, fields};

/// Every entity of `hb` by kind and id; with duplicate ids (a handbook with errors) the first
/// one counts.
pub(in crate::diff) fn entities(
    hb: &Handbook,
    owners: &Owners<'_>,
) -> BTreeMap<(Kind, String), Projected> {
    let mut out = BTreeMap::new();
    let mut add = |kind: Kind, id: &str, projected: Projected| {
        out.entry((kind, id.to_string())).or_insert(projected);
    };
    let mut f = Fields {
        owners,
        table: fields::SETTINGS,
        out: Vec::new(),
    };
    for e in &hb.terms {
        f.table(fields::TERM)
            .text("term", Some(&e.term))
            .prose("definition", Some(&e.definition))
            .texts("aka", &e.aka)
            .word("ambiguous", e.ambiguous.then_some("true"))
            .prose("not", e.not.as_ref())
            .texts("tags", &e.meta.tags);
        add(
            Kind::Term,
            &e.meta.id.value,
            entity(&e.term, None, f.done()),
        );
    }
    for e in &hb.principles {
        f.table(fields::PRINCIPLE)
            .text("title", Some(&e.title))
            .prose("text", e.text.as_ref())
            .texts("tags", &e.meta.tags);
        add(
            Kind::Principle,
            &e.meta.id.value,
            entity(&e.title, None, f.done()),
        );
    }
    for e in &hb.owners {
        f.table(fields::OWNER)
            .text("name", Some(&e.name))
            .text("team", e.team.as_ref())
            .text("person", e.person.as_ref())
            .text("contact", e.contact.as_ref())
            .owner("reports_to", e.reports_to.as_ref())
            .prose("description", e.description.as_ref())
            .texts("tags", &e.meta.tags);
        add(
            Kind::Owner,
            &e.meta.id.value,
            entity(&e.name, None, f.done()),
        );
    }
    for e in &hb.touchpoints {
        f.table(fields::TOUCHPOINT)
            .text("name", Some(&e.name))
            .word("channel", Some(e.channel.value.keyword()))
            .owner("owner", Some(&e.owner))
            .text("hours", e.hours.as_ref())
            .prose("description", e.description.as_ref())
            .texts("tags", &e.meta.tags);
        let owner = Some(owners.get(&e.owner.value));
        add(
            Kind::Touchpoint,
            &e.meta.id.value,
            entity(&e.name, owner, f.done()),
        );
    }
    for e in &hb.journeys {
        let stages = e.stages.iter().flatten().map(|s| s.value.clone()).collect();
        f.table(fields::JOURNEY)
            .text("name", Some(&e.name))
            .owner("owner", e.owner.as_ref())
            .list("stages", stages)
            .prose("description", e.description.as_ref())
            .texts("tags", &e.meta.tags);
        let owner = e.owner.as_ref().map(|o| owners.get(&o.value));
        let mut journey = entity(&e.name, owner, f.done());
        for s in &e.steps {
            if journey.steps.iter().any(|(id, _)| *id == s.id.value) {
                continue;
            }
            f.table(fields::STEP)
                .text("name", Some(&s.name))
                .value("stage", Some(Value::Text(s.stage.value.clone())))
                .owner("owner", Some(&s.owner))
                .refs("touchpoints", &s.touchpoints)
                .refs("standards", &s.standards)
                .prose("instruction", s.instruction.as_ref());
            let owner = Some(owners.get(&s.owner.value));
            journey
                .steps
                .push((s.id.value.clone(), entity(&s.name, owner, f.done())));
        }
        add(Kind::Journey, &e.meta.id.value, journey);
    }
    for e in &hb.situations {
        let escalation = e
            .escalation
            .iter()
            .map(|x| format!("after {}: {}", x.after.value, x.to.value))
            .collect();
        f.table(fields::SITUATION)
            .text("name", Some(&e.name))
            .prose("trigger", e.trigger.as_ref())
            .word("severity", e.severity.as_ref().map(|s| s.value.keyword()))
            .refs("touchpoints", &e.touchpoints)
            .owner("owner", Some(&e.owner))
            .push(
                "respond_within",
                e.respond_within.as_ref().map(|d| Value::Duration(d.value)),
            )
            .texts("say", &e.say)
            .texts("never_say", &e.never_say)
            .list("escalation", escalation)
            .prose("procedure", e.procedure.as_ref())
            .texts("tags", &e.meta.tags);
        let owner = Some(owners.get(&e.owner.value));
        add(
            Kind::Situation,
            &e.meta.id.value,
            entity(&e.name, owner, f.done()),
        );
    }
    for e in &hb.standards {
        let steps = e
            .steps
            .iter()
            .map(|s| format!("{}/{}", s.journey, s.step))
            .collect();
        f.table(fields::STANDARD)
            .text("title", Some(&e.title))
            .owner("owner", Some(&e.owner))
            .value("status", Some(Value::Status(e.status.value)))
            .refs("touchpoints", &e.touchpoints)
            .list("steps", steps)
            .refs("situations", &e.situations)
            .push(
                "measure",
                e.measure
                    .as_ref()
                    .map(|m| Value::Measure(MeasureValue::of(m))),
            )
            .push(
                "audit",
                e.audit.map(|a| {
                    Value::Text(match a.critical {
                        true => format!("weight {}, critical", a.weight),
                        false => format!("weight {}", a.weight),
                    })
                }),
            )
            .texts("say", &e.say)
            .texts("never_say", &e.never_say)
            .duration("review_every", e.review_every.as_ref())
            .date("last_reviewed", e.last_reviewed.as_ref())
            .prose("text", e.text.as_ref())
            .texts("tags", &e.meta.tags);
        let owner = Some(owners.get(&e.owner.value));
        add(
            Kind::Standard,
            &e.meta.id.value,
            entity(&e.title, owner, f.done()),
        );
    }
    for e in &hb.chapters {
        f.table(fields::CHAPTER)
            .text("title", Some(&e.title))
            .value("order", e.order.as_ref().map(|o| Value::Number(o.value)))
            .prose("body", Some(&e.body))
            .texts("tags", &e.meta.tags);
        add(
            Kind::Chapter,
            &e.meta.id.value,
            entity(&e.title, None, f.done()),
        );
    }
    out
}

/// `[handbook]` and `[journey]` of `sok.toml`, without the version (shown apart) and without
/// `[lint]` and `[build]` (tooling, not content).
pub(in crate::diff) fn settings(hb: &Handbook, owners: &Owners<'_>) -> Vec<Field> {
    let mut f = Fields {
        owners,
        table: fields::SETTINGS,
        out: Vec::new(),
    };
    let Some(s) = &hb.settings else {
        return Vec::new();
    };
    let stages = s.stages.iter().map(|s| s.value.clone()).collect();
    let names = s
        .stage_names
        .iter()
        .map(|(stage, name)| format!("{stage}: {}", normalize(&name.value)))
        .collect();
    f.table(fields::HANDBOOK)
        .text("title", Some(&s.title))
        .text("organization", s.organization.as_ref())
        .word("language", Some(s.language.value.keyword()))
        .date("effective", s.effective.as_ref())
        .owner("owner", s.owner.as_ref())
        .duration("review_every", s.review_every.as_ref())
        .date("last_reviewed", s.last_reviewed.as_ref())
        .table(fields::JOURNEY_SETTINGS)
        .list("stages", stages)
        .list("stage_names", names)
        .done()
}
