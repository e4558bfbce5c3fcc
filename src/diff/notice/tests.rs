//! The notice's structure: sections in order, what is announced and what is left out.

use super::*;
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
