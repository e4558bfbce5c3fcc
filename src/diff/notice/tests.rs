//! The notice's structure (sections in order, what is announced and what is left out) and its
//! words: every field has a label, every language every string with its placeholders.

use std::collections::BTreeSet;

use super::*;
use crate::diff::project::{self, Owners};
use crate::diff::{Edition, StepChange};
use crate::values::{Date, Version};

fn owner(id: &str, name: &str) -> Option<OwnerRef> {
    Some(OwnerRef {
        id: id.into(),
        name: Some(name.into()),
    })
}

fn change(kind: Kind, id: &str, class: Class, owner: Option<OwnerRef>) -> EntityChange {
    EntityChange {
        kind,
        id: id.into(),
        class,
        name: id.to_uppercase(),
        owner,
        fields: vec![],
        steps: vec![],
    }
}

fn diff(entities: Vec<EntityChange>) -> HandbookDiff {
    let edition = |v: &str| Edition {
        version: Version::parse(v),
        ..Edition::default()
    };
    HandbookDiff {
        old: edition("1.0.0"),
        new: edition("1.0.0"),
        handbook: vec![],
        entities,
        warnings: vec![],
    }
}

#[test]
fn nothing_to_announce() {
    let notice = change_notice(&diff(vec![]), &Handbook::default(), Language::En);
    assert_eq!(
        notice.markdown,
        "Version 1.0.0.\n\nThis edition makes no changes to the standards.\n"
    );
}

#[test]
fn everyone_first_then_owners_and_bookkeeping_left_out() {
    let quiet = FieldChange {
        field: "last_reviewed",
        class: Class::Changed,
        prose: false,
        old: Date::parse("2026-01-01").map(Value::Date),
        new: Date::parse("2026-06-01").map(Value::Date),
    };
    let mut journey = change(Kind::Journey, "order", Class::Changed, None);
    journey.steps.push(StepChange {
        id: "pay".into(),
        class: Class::Added,
        name: "Pay".into(),
        owner: owner("cashier", "Cashier"),
        fields: vec![],
    });
    let mut reviewed = change(Kind::Standard, "b", Class::Changed, owner("lead", "Lead"));
    reviewed.fields.push(quiet);
    let entities = vec![
        change(Kind::Term, "nps", Class::Added, None),
        journey,
        change(Kind::Standard, "a", Class::Removed, owner("lead", "Lead")),
        reviewed,
    ];
    let text = change_notice(&diff(entities), &Handbook::default(), Language::En).markdown;
    let everyone = text.find("## For everyone").unwrap();
    let cashier = text.find("## Cashier").unwrap();
    let lead = text.find("## Lead").unwrap();
    assert!(everyone < cashier && cashier < lead, "{text}");
    assert!(text.contains("- We added the term “NPS”."), "{text}");
    assert!(text.contains("- We added the step “Pay” in the customer journey “ORDER”."));
    assert!(text.contains("- We removed the standard “A”."));
    assert!(
        !text.contains("“B”"),
        "a review date alone is not announced: {text}"
    );
}

/// Every key the projection gives: the example has every kind, and every field of a kind is
/// projected whether or not it has a value.
fn field_keys() -> BTreeSet<&'static str> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = crate::check_dir(&root.join("examples/sklep-kwiatek")).unwrap();
    let owners = Owners::of(&checked.handbook);
    let entities = project::entities(&checked.handbook, &owners);
    let kinds: BTreeSet<Kind> = entities.keys().map(|(kind, _)| *kind).collect();
    assert_eq!(kinds.len(), Kind::ALL.len(), "the example has every kind");
    let mut keys: BTreeSet<&str> = BTreeSet::from(["step_order"]);
    for e in entities.values() {
        keys.extend(e.fields.iter().map(|f| f.key));
        for (_, step) in &e.steps {
            keys.extend(step.fields.iter().map(|f| f.key));
        }
    }
    let settings = project::settings(&checked.handbook, &owners);
    keys.extend(settings.iter().map(|f| f.key));
    keys
}

/// The keys of one table of the built-in catalogue, with their strings.
fn table(language: Language, prefix: &str) -> Vec<(String, String)> {
    let cat = Catalog::builtin(language);
    cat.keys()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .map(|k| {
            let text = cat.try_get(&k).unwrap_or_default().to_string();
            (k, text)
        })
        .collect()
}

#[test]
fn every_field_has_a_label_and_every_label_a_field() {
    let keys: Vec<String> = field_keys().iter().map(|k| format!("field.{k}")).collect();
    let labelled: Vec<String> = table(Language::En, "field.")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(labelled, keys);
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.match_indices('{')
        .filter_map(|(i, _)| Some(&text[i..=i + text[i..].find('}')?]))
        .collect()
}

#[test]
fn every_language_has_every_notice_string_with_its_placeholders() {
    let english = table(Language::En, "notice.");
    assert!(english.len() > 40);
    for &(_, language) in Language::KEYWORDS {
        let strings = table(language, "notice.");
        assert_eq!(strings.len(), english.len(), "{language:?}");
        for ((key, text), (_, en)) in strings.iter().zip(&english) {
            assert!(!text.trim().is_empty(), "{key} is empty in {language:?}");
            assert_eq!(
                placeholders(text),
                placeholders(en),
                "{key} in {language:?}: {text:?}"
            );
        }
        if language != Language::En {
            let same = strings.iter().zip(&english).filter(|(a, b)| a.1 == b.1);
            assert!(
                same.count() < english.len() / 2,
                "{language:?} looks untranslated"
            );
        }
    }
}

#[test]
fn a_handbook_rewords_the_notice_in_its_catalogue() {
    let cat = Catalog::load(
        Language::En,
        Some("[notice]\nadded = \"New: {what}.\"\n[notice.kind]\nterm = \"term {name}\""),
    )
    .unwrap();
    let notice = change_notice_in(
        &diff(vec![change(Kind::Term, "nps", Class::Added, None)]),
        &Handbook::default(),
        &cat,
    );
    assert!(
        notice.markdown.contains("- New: term “NPS”."),
        "{}",
        notice.markdown
    );
}
