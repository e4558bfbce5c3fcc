//! Project: every entity as a list of named plain values, the one shape [`super::compare`]
//! works on.
//!
//! This is where "compare plain values, not spans" is decided: spans, files and paths are
//! dropped, text is normalised (line endings, trailing spaces), references keep their id and
//! the owner's name, and every other value keeps its type (a status, a duration, a date, the
//! target), so `compare` and the notice compare types, never strings they parse again. Lint
//! opt-outs (`lint.allow`) are tooling, not content, and are left out.

mod kinds;

use std::collections::BTreeMap;

pub(in crate::diff) use kinds::{entities, settings};

use super::{OwnerRef, Value};
use crate::model::{Handbook, Ref, Sp, Text, fields};
use crate::values::{Date, Duration};

/// How a field is compared and classified: the field table's rule for its key.
pub(super) use crate::model::fields::Diff as Rule;

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

/// Builds one entity's field list; each field is compared by its rule in `table`.
struct Fields<'o> {
    owners: &'o Owners<'o>,
    table: &'static [fields::Field],
    out: Vec<Field>,
}

impl Fields<'_> {
    /// The table the following keys belong to.
    fn table(&mut self, table: &'static [fields::Field]) -> &mut Self {
        self.table = table;
        self
    }

    fn rule(&self, key: &str) -> Rule {
        if key == "body" {
            return Rule::Prose;
        }
        let field = fields::find(self.table, key);
        debug_assert!(field.is_some(), "`{key}` is not in its field table");
        field.map_or(Rule::Text, |f| f.diff)
    }

    fn push(&mut self, key: &'static str, value: Option<Value>) -> &mut Self {
        let rule = self.rule(key);
        self.out.push(Field { key, rule, value });
        self
    }

    fn text(&mut self, key: &'static str, text: Option<&Text>) -> &mut Self {
        self.push(key, text.map(|t| Value::Text(normalize(&t.value))))
    }

    fn value(&mut self, key: &'static str, value: Option<Value>) -> &mut Self {
        self.push(key, value)
    }

    /// A word from a fixed set: a channel, a severity, a language, `true` for a flag.
    fn word(&mut self, key: &'static str, word: Option<&'static str>) -> &mut Self {
        self.value(key, word.map(Value::Word))
    }

    fn duration(&mut self, key: &'static str, duration: Option<&Sp<Duration>>) -> &mut Self {
        self.value(key, duration.map(|d| Value::Duration(d.value)))
    }

    fn date(&mut self, key: &'static str, date: Option<&Sp<Date>>) -> &mut Self {
        self.value(key, date.map(|d| Value::Date(d.value)))
    }

    fn prose(&mut self, key: &'static str, text: Option<&Text>) -> &mut Self {
        let value = text.map(|t| normalize(&t.value)).filter(|t| !t.is_empty());
        self.push(key, value.map(Value::Text))
    }

    fn list(&mut self, key: &'static str, items: Vec<String>) -> &mut Self {
        let value = (!items.is_empty()).then_some(Value::List(items));
        self.push(key, value)
    }

    fn texts(&mut self, key: &'static str, items: &[Text]) -> &mut Self {
        self.list(key, items.iter().map(|t| normalize(&t.value)).collect())
    }

    fn refs(&mut self, key: &'static str, items: &[Ref]) -> &mut Self {
        self.list(key, items.iter().map(|r| r.value.clone()).collect())
    }

    fn owner(&mut self, key: &'static str, owner: Option<&Ref>) -> &mut Self {
        let value = owner.map(|r| Value::Owner(self.owners.get(&r.value)));
        self.push(key, value)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    /// The projection compares every content field of the field table, and nothing else.
    #[test]
    fn every_content_field_of_the_table_is_projected() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sklep-kwiatek");
        let checked = crate::check::check_dir(&root).unwrap();
        let hb = &checked.handbook;
        let owners = Owners::of(hb);
        let projected = entities(hb, &owners);
        let content = |table: &'static [fields::Field]| -> Vec<&'static str> {
            table
                .iter()
                .filter(|f| f.diff != Rule::Ignored)
                .map(|f| f.key)
                .collect()
        };
        for kind in Kind::ALL {
            let (_, entity) = projected
                .iter()
                .find(|((k, _), _)| *k == kind)
                .unwrap_or_else(|| panic!("the example has no {kind:?}"));
            let keys: Vec<&str> = entity.fields.iter().map(|f| f.key).collect();
            let mut want = content(fields::of(kind));
            if kind == Kind::Journey {
                want.retain(|k| *k != "step");
            }
            if kind == Kind::Chapter {
                want.push("body");
            }
            want.sort();
            let mut got = keys.clone();
            got.sort();
            assert_eq!(got, want, "{kind:?}");
            if let Some((_, step)) = entity.steps.first() {
                let mut got: Vec<&str> = step.fields.iter().map(|f| f.key).collect();
                got.sort();
                let mut want = content(fields::STEP);
                want.sort();
                assert_eq!(got, want, "step");
            }
        }
    }
}
