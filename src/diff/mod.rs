//! Diff: what changed between two editions of a handbook, as plain data.
//!
//! The method says every change to a standard is reviewed before rollout and announced to
//! staff in writing. This module answers both needs from one comparison: reviewers get the
//! changes classified (did the edition ask more or less of staff?), staff get a notice in
//! their language grouped by who is responsible ([`notice`]).
//!
//! Entities are matched by kind and id, never by file: moving, renaming or reformatting a file
//! changes nothing. Values are compared without their spans, text with its whitespace
//! collapsed, lists as sets. Everything here is sorted, so output is deterministic.
//!
//! - `compare`: matching entities and fields; `project` turns entities into plain fields;
//! - [`measure`]: tightened / loosened / changed for targets;
//! - [`prose`]: word-level diffs of text;
//! - [`editions`]: where the two sides come from (directories, git revisions);
//! - [`output`]: human, markdown and json; [`notice`]: the staff announcement.

mod compare;
pub(crate) mod editions;
pub(crate) mod measure;
pub(crate) mod notice;
pub mod output;
mod project;
pub(crate) mod prose;
mod warnings;

use std::collections::BTreeSet;

use serde::{Serialize, Serializer};

pub use compare::diff;
pub use editions::diff_since;
pub use notice::{ChangeNotice, change_notice, change_notice_in};

use crate::i18n::measure::{self as target, MeasureValue};
use crate::model::{Kind, Status};
use crate::values::{Date, Duration, Version};

/// How a change is classified. The lowercase names are the JSON and `--fail-on` words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// A new entity or step, or a target where there was none.
    Added,
    /// An entity or step that is gone, or a target that was dropped.
    Removed,
    /// A target that asks more of staff.
    Tightened,
    /// A target that asks less of staff.
    Loosened,
    /// Another owner is responsible.
    Reassigned,
    /// Anything else: wording, lists, a target that moved both ways or to another metric.
    Changed,
}

impl Class {
    pub const ALL: [Class; 6] = [
        Class::Added,
        Class::Removed,
        Class::Tightened,
        Class::Loosened,
        Class::Reassigned,
        Class::Changed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Added => "added",
            Class::Removed => "removed",
            Class::Tightened => "tightened",
            Class::Loosened => "loosened",
            Class::Reassigned => "reassigned",
            Class::Changed => "changed",
        }
    }

    pub fn from_name(name: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Changes a reviewer must look at before rollout: the edition asks less, or drops
    /// something.
    pub fn needs_attention(self) -> bool {
        matches!(self, Class::Loosened | Class::Removed)
    }
}

/// An owner as the diff shows it: the id and the role's name in that edition.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct OwnerRef {
    pub id: String,
    pub name: Option<String>,
}

impl OwnerRef {
    /// `Kierownik zmiany (shift-lead)`, or the id alone when the owner has no name.
    pub fn display(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.id),
            None => self.id.clone(),
        }
    }
}

/// A field's value without its span, typed as the model has it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A name, a phrase or prose, with its whitespace normalised.
    Text(String),
    /// The items of a list: texts, ids, `journey/step` references, escalation rungs.
    List(Vec<String>),
    Owner(OwnerRef),
    Measure(MeasureValue),
    Status(Status),
    Duration(Duration),
    Date(Date),
    /// A word from a fixed set: a channel, a severity, a language, `true` for a flag.
    Word(&'static str),
    Number(i64),
}

impl Value {
    /// A single value as the sources write it (`None` for lists, owners and targets).
    pub(crate) fn written(&self) -> Option<String> {
        match self {
            Value::Text(text) => Some(text.clone()),
            Value::Status(status) => Some(status.keyword().to_string()),
            Value::Duration(duration) => Some(duration.to_string()),
            Value::Date(date) => Some(date.to_string()),
            Value::Word(word) => Some(word.to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::List(_) | Value::Owner(_) | Value::Measure(_) => None,
        }
    }
}

/// JSON (`docs/diff.md`): a single value is a string as the sources write it, a list an
/// array of strings, an owner `{ id, name }`, a target `{ metric, unit, bound, value, share,
/// period, hours }`.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::List(items) => s.collect_seq(items),
            Value::Owner(owner) => owner.serialize(s),
            Value::Measure(m) => TargetJson {
                metric: &m.metric,
                unit: m.unit.as_deref(),
                bound: target::direction(m.direction),
                value: target::written(m),
                share: m.share,
                period: m.period.map(|p| p.keyword()),
                hours: m.hours.keyword(),
            }
            .serialize(s),
            single => s.serialize_str(&single.written().unwrap_or_default()),
        }
    }
}

#[derive(Serialize)]
struct TargetJson<'a> {
    metric: &'a str,
    unit: Option<&'a str>,
    bound: &'static str,
    value: String,
    #[serde(serialize_with = "number")]
    share: Option<f64>,
    period: Option<&'static str>,
    hours: &'static str,
}

/// A whole number without a fraction (`90`, not `90.0`).
fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => s.serialize_i64(*n as i64),
        Some(n) => s.serialize_f64(*n),
        None => s.serialize_none(),
    }
}

/// One field of one entity that differs between the editions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's key as written in the sources (`body` for a Markdown body).
    pub field: &'static str,
    pub class: Class,
    /// Whether the value is prose, shown as a word-level diff.
    pub prose: bool,
    /// `None` when the field is absent in that edition.
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// A journey step, matched by id inside its journey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepChange {
    pub id: String,
    pub class: Class,
    pub name: String,
    /// The owner in the new edition (the old one for a removed step).
    pub owner: Option<OwnerRef>,
    pub fields: Vec<FieldChange>,
}

/// An entity that was added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityChange {
    #[serde(serialize_with = "kind_name")]
    pub kind: Kind,
    pub id: String,
    /// The headline: added, removed, or for a changed entity the most telling class of its
    /// parts (loosened, then tightened, then reassigned, else changed).
    pub class: Class,
    /// Its name or title (in the new edition; the old one for a removed entity).
    pub name: String,
    /// The owner in the new edition (the old one for a removed entity).
    pub owner: Option<OwnerRef>,
    pub fields: Vec<FieldChange>,
    /// Journeys only: their steps that were added, removed or changed.
    pub steps: Vec<StepChange>,
}

fn kind_name<S: serde::Serializer>(kind: &Kind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.name())
}

/// Where one side of the diff came from, and which edition it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edition {
    /// What the user named: a directory, a revision, `working tree`.
    pub label: String,
    /// The full commit id, for a git revision.
    pub commit: Option<String>,
    pub version: Option<Version>,
    pub effective: Option<Date>,
}

/// A problem with the version numbers, not with the sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `version-unchanged`, `version-decreased`, `patch-bump` or `effective-unchanged`.
    pub code: &'static str,
    pub message: String,
}

/// Everything that changed from one edition to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct HandbookDiff {
    pub old: Edition,
    pub new: Edition,
    /// `[handbook]` settings of `sok.toml` (the version is in `old` and `new`).
    pub handbook: Vec<FieldChange>,
    /// Sorted by kind (in handbook order: term, principle, owner, touchpoint, journey,
    /// situation, standard, chapter), then by id.
    pub entities: Vec<EntityChange>,
    pub warnings: Vec<Warning>,
}

impl HandbookDiff {
    /// Whether nothing but (possibly) the version and its warnings differ.
    pub fn is_empty(&self) -> bool {
        self.handbook.is_empty() && self.entities.is_empty()
    }

    /// Every class that occurs anywhere: an entity's headline, a step, or a field.
    pub fn classes(&self) -> BTreeSet<Class> {
        let mut out = BTreeSet::new();
        out.extend(self.handbook.iter().map(|f| f.class));
        for e in &self.entities {
            out.insert(e.class);
            out.extend(e.fields.iter().map(|f| f.class));
            for s in &e.steps {
                out.insert(s.class);
                out.extend(s.fields.iter().map(|f| f.class));
            }
        }
        out
    }

    /// How many entities of `kind` have `class` as their headline.
    pub fn count(&self, kind: Kind, class: Class) -> usize {
        self.entities
            .iter()
            .filter(|e| e.kind == kind && e.class == class)
            .count()
    }

    /// How many journey steps have `class`.
    pub fn count_steps(&self, class: Class) -> usize {
        self.entities
            .iter()
            .flat_map(|e| &e.steps)
            .filter(|s| s.class == class)
            .count()
    }
}

/// The most telling class of a changed entity's parts (see [`EntityChange::class`]).
pub(crate) fn headline(classes: impl IntoIterator<Item = Class>) -> Class {
    let classes: Vec<Class> = classes.into_iter().collect();
    [Class::Loosened, Class::Tightened, Class::Reassigned]
        .into_iter()
        .find(|c| classes.contains(c))
        .unwrap_or(Class::Changed)
}
