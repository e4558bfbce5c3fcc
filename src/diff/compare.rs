//! Compare: match the entities of two editions by kind and id, then their fields by key.
//!
//! A journey's steps are matched by id inside their journey. Equality is on plain values
//! (see `project`): whitespace-only edits of text, the order of list items, and a role's
//! name behind an owner reference are not changes of the entity that refers to it.

use std::collections::BTreeSet;

use super::project::{self, Field, Owners, Projected, Rule};
use super::{
    Class, Edition, FieldChange, HandbookDiff, StepChange, Value, headline, measure, warnings,
};
use crate::model::{Handbook, Status};

/// Everything that changed from `old` to `new`. The editions' labels are left empty for the
/// caller to fill in ([`super::editions`] does).
pub fn diff(old: &Handbook, new: &Handbook) -> HandbookDiff {
    let (old_owners, new_owners) = (Owners::of(old), Owners::of(new));
    let olds = project::entities(old, &old_owners);
    let news = project::entities(new, &new_owners);
    let keys: BTreeSet<_> = olds.keys().chain(news.keys()).collect();
    let mut entities = Vec::new();
    for key in keys {
        let (kind, id) = key;
        let change = |class, e: &Projected, fields, steps| super::EntityChange {
            kind: *kind,
            id: id.clone(),
            class,
            name: e.name.clone(),
            owner: e.owner.clone(),
            fields,
            steps,
        };
        match (olds.get(key), news.get(key)) {
            (None, Some(n)) => {
                entities.push(change(Class::Added, n, targets(n, Class::Added), vec![]));
            }
            (Some(o), None) => {
                entities.push(change(
                    Class::Removed,
                    o,
                    targets(o, Class::Removed),
                    vec![],
                ));
            }
            (Some(o), Some(n)) => {
                let mut fields = compare_fields(&o.fields, &n.fields);
                fields.extend(step_order(&o.steps, &n.steps));
                let steps = compare_steps(&o.steps, &n.steps);
                if !fields.is_empty() || !steps.is_empty() {
                    let class = headline(fields.iter().map(|f| f.class));
                    entities.push(change(class, n, fields, steps));
                }
            }
            (None, None) => {}
        }
    }
    let edition = |hb: &Handbook| Edition {
        version: hb.settings.as_ref().map(|s| s.version.value.clone()),
        effective: hb
            .settings
            .as_ref()
            .and_then(|s| s.effective.as_ref().map(|d| d.value)),
        ..Edition::default()
    };
    let mut diff = HandbookDiff {
        old: edition(old),
        new: edition(new),
        handbook: compare_fields(
            &project::settings(old, &old_owners),
            &project::settings(new, &new_owners),
        ),
        entities,
        warnings: Vec::new(),
    };
    diff.warnings = warnings::check(&diff);
    diff
}

/// The targets (`measure`, `respond_within`) of an added or removed entity, so a reviewer
/// sees what a new standard asks, or what a dropped one asked.
fn targets(e: &Projected, class: Class) -> Vec<FieldChange> {
    e.fields
        .iter()
        .filter(|f| matches!(f.rule, Rule::Measure | Rule::Deadline))
        .filter_map(|f| {
            let value = f.value.clone()?;
            let (old, new) = match class {
                Class::Added => (None, Some(value)),
                _ => (Some(value), None),
            };
            Some(FieldChange {
                field: f.key,
                class,
                prose: false,
                old,
                new,
            })
        })
        .collect()
}

/// A standard that stops applying (active → draft or retired) asks less of staff, so a
/// review gate on `loosened` stops for it; one that starts applying asks more.
fn status_class(old: Status, new: Status) -> Class {
    match (old == Status::Active, new == Status::Active) {
        (true, false) => Class::Loosened,
        (false, true) => Class::Tightened,
        _ => Class::Changed,
    }
}

/// Fields come in the same order for both sides of one kind, so they pair up by position.
fn compare_fields(old: &[Field], new: &[Field]) -> Vec<FieldChange> {
    old.iter()
        .zip(new)
        .filter(|(o, n)| o.key == n.key)
        .filter_map(|(o, n)| compare_field(o, n))
        .collect()
}

fn compare_field(o: &Field, n: &Field) -> Option<FieldChange> {
    let class = match (&o.value, &n.value) {
        (None, None) => return None,
        (Some(a), Some(b)) if same(a, b, o.rule) => return None,
        (Some(Value::Measure(a)), Some(Value::Measure(b))) => measure::classify(a, b)?,
        (Some(Value::Duration(a)), Some(Value::Duration(b))) if o.rule == Rule::Deadline => {
            measure::classify_deadline(a, b)?
        }
        (None, Some(_)) if matches!(o.rule, Rule::Measure | Rule::Deadline) => Class::Added,
        (Some(_), None) if matches!(o.rule, Rule::Measure | Rule::Deadline) => Class::Removed,
        _ if o.rule == Rule::Owner => Class::Reassigned,
        (Some(Value::Status(a)), Some(Value::Status(b))) => status_class(*a, *b),
        _ => Class::Changed,
    };
    Some(FieldChange {
        field: o.key,
        class,
        prose: o.rule == Rule::Prose,
        old: o.value.clone(),
        new: n.value.clone(),
    })
}

/// Text with every run of whitespace made one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same(a: &Value, b: &Value, rule: Rule) -> bool {
    match (a, b) {
        (Value::Text(a), Value::Text(b)) => collapse(a) == collapse(b),
        (Value::List(a), Value::List(b)) => {
            let key = |items: &[String]| {
                let mut items: Vec<String> = items.iter().map(|i| collapse(i)).collect();
                if rule != Rule::Sequence {
                    items.sort();
                }
                items
            };
            key(a) == key(b)
        }
        (Value::Owner(a), Value::Owner(b)) => a.id == b.id,
        _ => a == b,
    }
}

/// Steps of the new journey in order, then removed steps in their old order.
fn compare_steps(old: &[(String, Projected)], new: &[(String, Projected)]) -> Vec<StepChange> {
    let find = |steps: &'_ [(String, Projected)], id: &str| {
        steps.iter().find(|(s, _)| s == id).map(|(_, p)| p.clone())
    };
    let step = |id: &str, class, p: &Projected, fields| StepChange {
        id: id.to_string(),
        class,
        name: p.name.clone(),
        owner: p.owner.clone(),
        fields,
    };
    let mut out = Vec::new();
    for (id, n) in new {
        match find(old, id) {
            None => out.push(step(id, Class::Added, n, vec![])),
            Some(o) => {
                let fields = compare_fields(&o.fields, &n.fields);
                if !fields.is_empty() {
                    let class = headline(fields.iter().map(|f| f.class));
                    out.push(step(id, class, n, fields));
                }
            }
        }
    }
    for (id, o) in old {
        if find(new, id).is_none() {
            out.push(step(id, Class::Removed, o, vec![]));
        }
    }
    out
}

/// A change in the order of the steps both editions have (added and removed steps aside).
fn step_order(old: &[(String, Projected)], new: &[(String, Projected)]) -> Option<FieldChange> {
    let ids = |steps: &[(String, Projected)]| -> Vec<String> {
        steps.iter().map(|(id, _)| id.clone()).collect()
    };
    let (old_ids, new_ids) = (ids(old), ids(new));
    let common = |of: &[String], other: &[String]| -> Vec<String> {
        let other: BTreeSet<&String> = other.iter().collect();
        of.iter().filter(|id| other.contains(id)).cloned().collect()
    };
    let moved = common(&old_ids, &new_ids) != common(&new_ids, &old_ids);
    moved.then_some(FieldChange {
        field: "step_order",
        class: Class::Changed,
        prose: false,
        old: Some(Value::List(old_ids)),
        new: Some(Value::List(new_ids)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(rule: Rule, value: Option<Value>) -> Field {
        Field {
            key: "x",
            rule,
            value,
        }
    }

    fn text(s: &str) -> Option<Value> {
        Some(Value::Text(s.to_string()))
    }

    fn list(items: &[&str]) -> Option<Value> {
        Some(Value::List(items.iter().map(|s| s.to_string()).collect()))
    }

    #[test]
    fn whitespace_and_order_are_not_changes() {
        let same = |rule, a, b| compare_field(&field(rule, a), &field(rule, b)).is_none();
        assert!(same(Rule::Prose, text("a  b\nc"), text("a b c")));
        assert!(same(Rule::Set, list(&["a", "b"]), list(&["b", "a"])));
        assert!(!same(Rule::Sequence, list(&["a", "b"]), list(&["b", "a"])));
        assert!(!same(Rule::Text, text("a"), text("b")));
        assert!(same(Rule::Text, None, None));
    }

    #[test]
    fn classes_of_fields() {
        let class = |rule, a, b| {
            compare_field(&field(rule, a), &field(rule, b))
                .unwrap()
                .class
        };
        let hours = |s: &str| Some(Value::Duration(crate::values::Duration::parse(s).unwrap()));
        assert_eq!(
            class(Rule::Deadline, hours("2 h"), hours("1 h")),
            Class::Tightened
        );
        assert_eq!(class(Rule::Deadline, None, hours("1 h")), Class::Added);
        assert_eq!(class(Rule::Deadline, hours("1 h"), None), Class::Removed);
        assert_eq!(class(Rule::Text, text("a"), None), Class::Changed);
        let owner = |id: &str| {
            Some(Value::Owner(super::super::OwnerRef {
                id: id.into(),
                name: None,
            }))
        };
        assert_eq!(
            class(Rule::Owner, owner("a"), owner("b")),
            Class::Reassigned
        );
        assert_eq!(class(Rule::Ref, owner("a"), owner("b")), Class::Changed);
        let status = |s| Some(Value::Status(s));
        assert_eq!(
            class(Rule::Plain, status(Status::Active), status(Status::Retired)),
            Class::Loosened
        );
        assert_eq!(
            class(Rule::Plain, status(Status::Draft), status(Status::Active)),
            Class::Tightened
        );
        assert_eq!(
            class(Rule::Plain, status(Status::Draft), status(Status::Retired)),
            Class::Changed
        );
    }

    #[test]
    fn an_empty_handbook_has_no_changes() {
        let diff = diff(&Handbook::default(), &Handbook::default());
        assert!(diff.is_empty());
        assert!(diff.warnings.is_empty());
    }
}
