//! The change notice: the chapter "what changed in this edition", written for staff.
//!
//! The method asks that every change to the standard is announced to staff in writing. Staff
//! read by role, so the notice is grouped by owner: each role gets a section with what it is
//! now responsible for (added, removed, tightened or relaxed with the old and new target,
//! handed over to or from it). Changes without an owner (terms, principles, chapters, general
//! settings) go to a section for everyone. Dates of review and tags are bookkeeping and are
//! left out. `sok build --changes-since REV|DIR` adds the notice as a chapter.
//!
//! Every word comes from the handbook's catalogue ([`crate::i18n`]): the sentences from its
//! `[notice]` table, the field names from `[field]`, targets and durations in words from
//! [`crate::i18n::measure`] and [`crate::i18n::format`](mod@crate::i18n::format), so a handbook can reword the notice
//! in its `templates/i18n/<lang>.toml` like any other string.

use std::collections::BTreeMap;

use super::output::escape;
use super::{Class, EntityChange, FieldChange, HandbookDiff, OwnerRef, Value};
use crate::i18n::measure::{self, MeasureValue};
use crate::i18n::{Catalog, Form, fill};
use crate::model::{Handbook, Kind, Language};
use crate::values::Duration;

/// The chapter "what changed in this edition": a title and a Markdown body (sections are
/// `##` headings, so the title can be the chapter's `#`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeNotice {
    pub title: String,
    pub markdown: String,
}

/// Writes the notice for `diff` in the built-in words of `language`.
pub fn change_notice(diff: &HandbookDiff, new: &Handbook, language: Language) -> ChangeNotice {
    change_notice_in(diff, new, &Catalog::builtin(language))
}

/// Writes the notice for `diff` with the words of `cat`, the handbook's catalogue. `new` is
/// the edition being announced: its owners give the sections their order and names, its
/// standards the targets of new ones.
pub fn change_notice_in(diff: &HandbookDiff, new: &Handbook, cat: &Catalog) -> ChangeNotice {
    let mut w = Writer {
        cat,
        new,
        names: BTreeMap::new(),
        sections: BTreeMap::new(),
    };
    for owner in &new.owners {
        w.names
            .entry(owner.meta.id.value.clone())
            .or_insert_with(|| owner.name.value.trim().to_string());
    }
    w.settings(&diff.handbook);
    for e in &diff.entities {
        w.entity(e);
    }
    ChangeNotice {
        title: cat.get("notice.title").to_string(),
        markdown: w.finish(diff),
    }
}

/// A section of the notice: everyone first, then owners in the new edition's order, then
/// owners the new edition no longer has.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Everyone,
    Owner(usize, String),
}

struct Writer<'a> {
    cat: &'a Catalog,
    new: &'a Handbook,
    names: BTreeMap<String, String>,
    sections: BTreeMap<Section, Vec<String>>,
}

fn is_status(f: &FieldChange) -> bool {
    matches!(f.new, Some(Value::Status(_)))
}

/// Fields that are bookkeeping rather than something staff act on.
const QUIET: &[&str] = &["last_reviewed", "tags", "effective"];

impl Writer<'_> {
    fn owner_section(&mut self, owner: &OwnerRef) -> Section {
        if let Some(name) = &owner.name {
            self.names
                .entry(owner.id.clone())
                .or_insert_with(|| name.clone());
        }
        let rank = self
            .new
            .owners
            .iter()
            .position(|o| o.meta.id.value == owner.id);
        Section::Owner(rank.unwrap_or(usize::MAX), owner.id.clone())
    }

    fn push(&mut self, section: Section, text: String) {
        self.sections.entry(section).or_default().push(text);
    }

    fn name_of(&self, owner: &OwnerRef) -> String {
        let name = self.names.get(&owner.id).or(owner.name.as_ref());
        escape(name.map_or(&owner.id, |n| n))
    }

    fn quoted(&self, name: &str) -> String {
        self.cat.fill("notice.quoted", &[("name", &escape(name))])
    }

    /// The thing changed, as the object of the sentence: "the standard “…”".
    fn what(&self, kind: Kind, name: &str) -> String {
        let key = format!("notice.kind.{}", kind.name());
        self.cat.fill(&key, &[("name", &self.quoted(name))])
    }

    fn settings(&mut self, fields: &[FieldChange]) {
        let what = self.cat.get("notice.handbook").to_string();
        let labels = self.changes(&what, fields, None);
        if !labels.is_empty() {
            let text = self
                .cat
                .fill("notice.settings", &[("fields", &labels.join(", "))]);
            self.push(Section::Everyone, text);
        }
    }

    fn entity(&mut self, e: &EntityChange) {
        let what = self.what(e.kind, &e.name);
        let home = match (e.kind, &e.owner) {
            (Kind::Owner, _) => self.owner_section(&OwnerRef {
                id: e.id.clone(),
                name: Some(e.name.clone()),
            }),
            (_, Some(owner)) => self.owner_section(owner),
            (_, None) => Section::Everyone,
        };
        match e.class {
            Class::Added => {
                let text =
                    self.cat.fill("notice.added", &[("what", &what)]) + &self.first_target(e);
                self.push(home, text);
            }
            Class::Removed => self.push(home, self.cat.fill("notice.removed", &[("what", &what)])),
            _ => {
                let labels = self.changes(&what, &e.fields, Some(home.clone()));
                if !labels.is_empty() {
                    self.push(home, labels.join(" "));
                }
            }
        }
        for step in &e.steps {
            let what = self.cat.fill(
                "notice.kind.step",
                &[
                    ("name", &self.quoted(&step.name)),
                    ("journey", &self.quoted(&e.name)),
                ],
            );
            let home = step
                .owner
                .as_ref()
                .map_or(Section::Everyone, |o| self.owner_section(o));
            match step.class {
                Class::Added => self.push(home, self.cat.fill("notice.added", &[("what", &what)])),
                Class::Removed => {
                    self.push(home, self.cat.fill("notice.removed", &[("what", &what)]))
                }
                _ => {
                    let sentences = self.changes(&what, &step.fields, Some(home.clone()));
                    if !sentences.is_empty() {
                        self.push(home, sentences.join(" "));
                    }
                }
            }
        }
    }

    /// " Target: …" for a new standard, " First response: …" for a new situation.
    fn first_target(&self, e: &EntityChange) -> String {
        let standard = self.new.standards.iter().find(|s| s.meta.id.value == e.id);
        let situation = self.new.situations.iter().find(|s| s.meta.id.value == e.id);
        match e.kind {
            Kind::Standard => standard
                .and_then(|s| s.measure.as_ref())
                .map(|m| {
                    let target = self.target(&MeasureValue::of(m));
                    format!(" {}", self.cat.fill("notice.target", &[("new", &target)]))
                })
                .unwrap_or_default(),
            Kind::Situation => situation
                .and_then(|s| s.respond_within.as_ref())
                .map(|d| {
                    let within = self.deadline(&d.value);
                    format!(" {}", self.cat.fill("notice.response", &[("new", &within)]))
                })
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// Pushes the hand-over sentences of an owner change, and returns the sentences about the
    /// rest: for an entity (`home` given) the full bullet, for the settings the field labels.
    fn changes(
        &mut self,
        what: &str,
        fields: &[FieldChange],
        home: Option<Section>,
    ) -> Vec<String> {
        let mut sentences = Vec::new();
        let mut labels: Vec<&str> = Vec::new();
        let rest: Vec<&FieldChange> = fields
            .iter()
            .filter(|f| !QUIET.contains(&f.field) && f.class != Class::Reassigned)
            .collect();
        for f in &rest {
            match (f.field, &f.old, &f.new) {
                ("measure", old, new) => sentences.push(self.measure_sentence(f.class, old, new)),
                ("respond_within", old, new) => {
                    sentences.push(self.deadline_sentence(old.as_ref(), new.as_ref()));
                }
                (_, _, Some(Value::Status(status))) => {
                    let key = format!("notice.status.{}", status.keyword());
                    sentences.push(self.cat.get(&key).to_string());
                }
                (key, _, _) => {
                    let label = self.cat.try_get(&format!("field.{key}")).unwrap_or(key);
                    if !labels.contains(&label) {
                        labels.push(label);
                    }
                }
            }
        }
        for f in fields.iter().filter(|f| f.class == Class::Reassigned) {
            self.hand_over(what, f);
        }
        if home.is_none() {
            return labels.into_iter().map(str::to_string).collect();
        }
        if rest.is_empty() {
            return Vec::new();
        }
        // A status change has its own sentence ("It no longer applies"); "we loosened" would
        // misread a withdrawal, so it does not set the headline.
        let head = match super::headline(rest.iter().filter(|f| !is_status(f)).map(|f| f.class)) {
            Class::Tightened => "notice.tightened",
            Class::Loosened => "notice.loosened",
            _ => "notice.changed",
        };
        let mut out = vec![self.cat.fill(head, &[("what", what)])];
        out.extend(sentences);
        if !labels.is_empty() {
            out.push(
                self.cat
                    .fill("notice.changed_fields", &[("fields", &labels.join(", "))]),
            );
        }
        out
    }

    fn hand_over(&mut self, what: &str, f: &FieldChange) {
        let owner = |v: &Option<Value>| match v {
            Some(Value::Owner(o)) => Some(o.clone()),
            _ => None,
        };
        match (owner(&f.old), owner(&f.new)) {
            (Some(old), Some(new)) => {
                let (old_name, new_name) = (self.name_of(&old), self.name_of(&new));
                let out = self.cat.fill(
                    "notice.reassigned_out",
                    &[("what", what), ("owner", &new_name)],
                );
                let section = self.owner_section(&old);
                self.push(section, out);
                let into = self.cat.fill(
                    "notice.reassigned_in",
                    &[("what", what), ("owner", &old_name)],
                );
                let section = self.owner_section(&new);
                self.push(section, into);
            }
            (None, Some(new)) => {
                let section = self.owner_section(&new);
                self.push(
                    section,
                    self.cat.fill("notice.reassigned_in_new", &[("what", what)]),
                );
            }
            (Some(old), None) => {
                let section = self.owner_section(&old);
                self.push(
                    section,
                    self.cat
                        .fill("notice.reassigned_out_none", &[("what", what)]),
                );
            }
            (None, None) => {}
        }
    }

    fn measure_sentence(&self, class: Class, old: &Option<Value>, new: &Option<Value>) -> String {
        let target = |v: &Option<Value>| match v {
            Some(Value::Measure(m)) => self.target(m),
            _ => String::new(),
        };
        let (old, new) = (target(old), target(new));
        match class {
            Class::Added => self.cat.fill("notice.target_added", &[("new", &new)]),
            Class::Removed => self.cat.fill("notice.target_removed", &[("old", &old)]),
            _ => self
                .cat
                .fill("notice.target_now", &[("new", &new), ("old", &old)]),
        }
    }

    /// A target in words, with the handbook's own text (a custom unit) escaped.
    fn target(&self, m: &MeasureValue) -> String {
        escape(&measure::target(m, self.cat))
    }

    /// "at most 2 hours".
    fn deadline(&self, d: &Duration) -> String {
        let value = self.cat.duration(d, Form::Words);
        self.cat.fill("notice.at_most", &[("value", &value)])
    }

    fn deadline_sentence(&self, old: Option<&Value>, new: Option<&Value>) -> String {
        let within = |v: Option<&Value>| match v {
            Some(Value::Duration(d)) => self.deadline(d),
            _ => String::new(),
        };
        match (old, new) {
            (_, None) => self
                .cat
                .fill("notice.response_removed", &[("old", &within(old))]),
            (None, _) => self.cat.fill("notice.response", &[("new", &within(new))]),
            _ => self.cat.fill(
                "notice.response_now",
                &[("new", &within(new)), ("old", &within(old))],
            ),
        }
    }

    fn finish(self, diff: &HandbookDiff) -> String {
        let mut head = Vec::new();
        match (&diff.old.version, &diff.new.version) {
            (Some(old), Some(new)) if old != new => head.push(self.cat.fill(
                "notice.version_change",
                &[("old", &old.to_string()), ("new", &new.to_string())],
            )),
            (_, Some(new)) => head.push(
                self.cat
                    .fill("notice.version", &[("new", &new.to_string())]),
            ),
            _ => {}
        }
        if let Some(date) = &diff.new.effective {
            let date = self.cat.date(*date);
            // "… с 1 апреля 2026 г." ends the sentence with the date's own full stop.
            let effective = self.cat.get("notice.effective");
            let template = match date.ends_with('.') {
                true => effective.replace("{date}.", "{date}"),
                false => effective.to_string(),
            };
            head.push(fill(&template, &[("date", &date)]));
        }
        let mut out = String::new();
        if !head.is_empty() {
            out.push_str(&format!("{}\n\n", head.join(" ")));
        }
        if self.sections.is_empty() {
            out.push_str(&format!("{}\n", self.cat.get("notice.no_changes")));
            return out;
        }
        out.push_str(&format!("{}\n", self.cat.get("notice.intro")));
        for (section, items) in &self.sections {
            let heading = match section {
                Section::Everyone => self.cat.get("notice.everyone").to_string(),
                Section::Owner(_, id) => self.names.get(id).map_or(id.clone(), |n| escape(n)),
            };
            out.push_str(&format!("\n## {heading}\n\n"));
            for item in items {
                out.push_str(&format!("- {item}\n"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
