//! Project: every entity as a list of named plain values, the one shape [`super::compare`]
//! works on.
//!
//! This is where "compare plain values, not spans" is decided: spans, files and paths are
//! dropped, text is normalised (line endings, trailing spaces), durations are written back
//! canonically, references keep their id and the owner's name. Lint opt-outs
//! (`lint.allow`) are tooling, not content, and are left out.

use std::collections::BTreeMap;

use super::{MeasureValue, OwnerRef, Value};
use crate::model::{Channel, Handbook, Kind, Ref, Severity, Status, Text};

/// How a field is compared and classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// A short text: compared with whitespace collapsed.
    Text,
    /// Sentences: like `Text`, shown as a word-level diff.
    Prose,
    /// A list whose order carries no meaning.
    Set,
    /// A list whose order matters (stages).
    Sequence,
    /// The responsible owner: a different id is `reassigned`.
    Owner,
    /// Another reference shown with a name (`reports_to`).
    Ref,
    /// A standard's `[measure]`.
    Measure,
    /// A response deadline (`respond_within`): shorter is `tightened`.
    Deadline,
}

#[derive(Debug, Clone)]
pub(super) struct Field {
    pub key: &'static str,
    pub rule: Rule,
    pub value: Option<Value>,
}

/// One entity (or journey step) as plain values.
#[derive(Debug, Clone)]
pub(super) struct Projected {
    pub name: String,
    pub owner: Option<OwnerRef>,
    pub fields: Vec<Field>,
    /// Journeys: their steps by id, in journey order.
    pub steps: Vec<(String, Projected)>,
}

/// Every field key a projection can produce; the notice has a label for each (tested).
#[cfg(test)]
pub(crate) const FIELD_KEYS: &[&str] = &[
    "aka",
    "ambiguous",
    "body",
    "channel",
    "contact",
    "definition",
    "description",
    "effective",
    "escalation",
    "hours",
    "instruction",
    "language",
    "last_reviewed",
    "measure",
    "name",
    "never_say",
    "not",
    "order",
    "organization",
    "owner",
    "person",
    "procedure",
    "reports_to",
    "respond_within",
    "review_every",
    "say",
    "severity",
    "situations",
    "stage",
    "stage_names",
    "stages",
    "standards",
    "status",
    "step_order",
    "steps",
    "tags",
    "team",
    "term",
    "text",
    "title",
    "touchpoints",
    "trigger",
];

/// Text with `\n` line endings, no trailing spaces on lines, no blank lines around it.
pub(super) fn normalize(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// Owner names of one edition, for showing who a reference points at.
pub(super) struct Owners<'a>(BTreeMap<&'a str, &'a str>);

impl<'a> Owners<'a> {
    pub(super) fn of(hb: &'a Handbook) -> Owners<'a> {
        let mut names = BTreeMap::new();
        for owner in &hb.owners {
            names
                .entry(owner.meta.id.value.as_str())
                .or_insert(owner.name.value.as_str());
        }
        Owners(names)
    }

    pub(super) fn get(&self, id: &str) -> OwnerRef {
        OwnerRef {
            id: id.to_string(),
            name: self.0.get(id).map(|n| normalize(n)),
        }
    }
}

/// Builds one entity's field list.
struct Fields<'o> {
    owners: &'o Owners<'o>,
    out: Vec<Field>,
}

impl Fields<'_> {
    fn push(&mut self, key: &'static str, rule: Rule, value: Option<Value>) -> &mut Self {
        self.out.push(Field { key, rule, value });
        self
    }

    fn text(&mut self, key: &'static str, text: Option<&Text>) -> &mut Self {
        self.push(
            key,
            Rule::Text,
            text.map(|t| Value::Text(normalize(&t.value))),
        )
    }

    fn word(&mut self, key: &'static str, word: Option<&str>) -> &mut Self {
        self.push(key, Rule::Text, word.map(|w| Value::Text(w.to_string())))
    }

    fn prose(&mut self, key: &'static str, text: Option<&Text>) -> &mut Self {
        let value = text.map(|t| normalize(&t.value)).filter(|t| !t.is_empty());
        self.push(key, Rule::Prose, value.map(Value::Text))
    }

    fn list(&mut self, key: &'static str, rule: Rule, items: Vec<String>) -> &mut Self {
        let value = (!items.is_empty()).then_some(Value::List(items));
        self.push(key, rule, value)
    }

    fn texts(&mut self, key: &'static str, items: &[Text]) -> &mut Self {
        self.list(
            key,
            Rule::Set,
            items.iter().map(|t| normalize(&t.value)).collect(),
        )
    }

    fn refs(&mut self, key: &'static str, items: &[Ref]) -> &mut Self {
        self.list(
            key,
            Rule::Set,
            items.iter().map(|r| r.value.clone()).collect(),
        )
    }

    fn owner(&mut self, key: &'static str, rule: Rule, owner: Option<&Ref>) -> &mut Self {
        let value = owner.map(|r| Value::Owner(self.owners.get(&r.value)));
        self.push(key, rule, value)
    }

    fn done(&mut self) -> Vec<Field> {
        std::mem::take(&mut self.out)
    }
}

fn entity(name: &Text, owner: Option<OwnerRef>, fields: Vec<Field>) -> Projected {
    Projected {
        name: normalize(&name.value),
        owner,
        fields,
        steps: Vec::new(),
    }
}

/// Every entity of `hb` by kind and id; with duplicate ids (a handbook with errors) the first
/// one counts.
pub(super) fn entities(hb: &Handbook, owners: &Owners<'_>) -> BTreeMap<(Kind, String), Projected> {
    let mut out = BTreeMap::new();
    let mut add = |kind: Kind, id: &str, projected: Projected| {
        out.entry((kind, id.to_string())).or_insert(projected);
    };
    let mut f = Fields {
        owners,
        out: Vec::new(),
    };
    for e in &hb.terms {
        f.text("term", Some(&e.term))
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
        f.text("title", Some(&e.title))
            .prose("text", e.text.as_ref())
            .texts("tags", &e.meta.tags);
        add(
            Kind::Principle,
            &e.meta.id.value,
            entity(&e.title, None, f.done()),
        );
    }
    for e in &hb.owners {
        f.text("name", Some(&e.name))
            .text("team", e.team.as_ref())
            .text("person", e.person.as_ref())
            .text("contact", e.contact.as_ref())
            .owner("reports_to", Rule::Ref, e.reports_to.as_ref())
            .prose("description", e.description.as_ref())
            .texts("tags", &e.meta.tags);
        add(
            Kind::Owner,
            &e.meta.id.value,
            entity(&e.name, None, f.done()),
        );
    }
    for e in &hb.touchpoints {
        f.text("name", Some(&e.name))
            .word("channel", Some(channel(e.channel.value)))
            .owner("owner", Rule::Owner, Some(&e.owner))
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
        f.text("name", Some(&e.name))
            .owner("owner", Rule::Owner, e.owner.as_ref())
            .list("stages", Rule::Sequence, stages)
            .prose("description", e.description.as_ref())
            .texts("tags", &e.meta.tags);
        let owner = e.owner.as_ref().map(|o| owners.get(&o.value));
        let mut journey = entity(&e.name, owner, f.done());
        for s in &e.steps {
            if journey.steps.iter().any(|(id, _)| *id == s.id.value) {
                continue;
            }
            f.text("name", Some(&s.name))
                .word("stage", Some(&s.stage.value))
                .owner("owner", Rule::Owner, Some(&s.owner))
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
        f.text("name", Some(&e.name))
            .prose("trigger", e.trigger.as_ref())
            .word("severity", e.severity.as_ref().map(|s| severity(s.value)))
            .refs("touchpoints", &e.touchpoints)
            .owner("owner", Rule::Owner, Some(&e.owner))
            .push(
                "respond_within",
                Rule::Deadline,
                e.respond_within
                    .as_ref()
                    .map(|d| Value::Text(d.value.to_string())),
            )
            .texts("say", &e.say)
            .texts("never_say", &e.never_say)
            .list("escalation", Rule::Set, escalation)
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
        f.text("title", Some(&e.title))
            .owner("owner", Rule::Owner, Some(&e.owner))
            .word("status", Some(status(e.status.value)))
            .refs("touchpoints", &e.touchpoints)
            .list("steps", Rule::Set, steps)
            .refs("situations", &e.situations)
            .push(
                "measure",
                Rule::Measure,
                e.measure
                    .as_ref()
                    .map(|m| Value::Measure(MeasureValue::of(m))),
            )
            .texts("say", &e.say)
            .texts("never_say", &e.never_say)
            .word(
                "review_every",
                e.review_every
                    .as_ref()
                    .map(|d| d.value.to_string())
                    .as_deref(),
            )
            .word(
                "last_reviewed",
                e.last_reviewed
                    .as_ref()
                    .map(|d| d.value.to_string())
                    .as_deref(),
            )
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
        f.text("title", Some(&e.title))
            .word(
                "order",
                e.order.as_ref().map(|o| o.value.to_string()).as_deref(),
            )
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
pub(super) fn settings(hb: &Handbook, owners: &Owners<'_>) -> Vec<Field> {
    let mut f = Fields {
        owners,
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
    f.text("title", Some(&s.title))
        .text("organization", s.organization.as_ref())
        .word("language", Some(s.language.value.code()))
        .word(
            "effective",
            s.effective.as_ref().map(|d| d.value.to_string()).as_deref(),
        )
        .owner("owner", Rule::Owner, s.owner.as_ref())
        .word(
            "review_every",
            s.review_every
                .as_ref()
                .map(|d| d.value.to_string())
                .as_deref(),
        )
        .word(
            "last_reviewed",
            s.last_reviewed
                .as_ref()
                .map(|d| d.value.to_string())
                .as_deref(),
        )
        .list("stages", Rule::Sequence, stages)
        .list("stage_names", Rule::Set, names)
        .done()
}

fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Phone => "phone",
        Channel::Email => "email",
        Channel::Chat => "chat",
        Channel::Social => "social",
        Channel::Store => "store",
        Channel::Web => "web",
        Channel::Mail => "mail",
        Channel::Other => "other",
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
        Severity::Critical => "critical",
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Active => "active",
        Status::Retired => "retired",
    }
}
