//! The items rule on both examples: one item per phrase, observable measure and step
//! instruction of each standard in force at the touchpoint, with the standard's weight.

use std::path::Path;

use super::items::{ItemKind, scorecard};
use super::{Format, Renderer, cards, catalog};
use crate::model::Status;

fn example(name: &str) -> crate::Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    let checked = crate::check_dir(&root).unwrap();
    assert!(!checked.diagnostics.has_errors(), "{name}");
    checked
}

fn items(name: &str, touchpoint: &str) -> Vec<(String, u32, bool)> {
    let checked = example(name);
    let cat = catalog(&checked);
    let card = cards(&checked, &cat, &[touchpoint.to_string()], None).unwrap();
    card[0]
        .items()
        .map(|(_, i)| (i.id.clone(), i.weight, i.critical))
        .collect()
}

fn expected(list: &[(&str, u32, bool)]) -> Vec<(String, u32, bool)> {
    list.iter()
        .map(|(i, w, c)| (i.to_string(), *w, *c))
        .collect()
}

#[test]
fn the_hotline_of_the_flower_shop() {
    let want = [
        ("call-quality/say-1", 3, false),
        ("call-quality/say-2", 3, false),
        ("call-quality/never-1", 3, false),
        ("call-quality/never-2", 3, false),
        ("call-quality/never-3", 3, false),
        ("call-quality/step-store-pickup-phone-inquiry", 3, false),
        ("call-quality/step-store-pickup-phone-order", 3, false),
        ("callback/say-1", 2, true),
        ("callback/never-1", 2, true),
        ("callback/never-2", 2, true),
        ("callback/measure", 2, true),
        ("callback/step-store-pickup-callback", 2, true),
        ("complaint-gratis/say-1", 1, false),
        ("complaint-gratis/never-1", 1, false),
        ("complaint-gratis/never-2", 1, false),
        ("complaint-gratis/step-online-order-complaint", 1, false),
        ("complaint-resolution/say-1", 1, false),
        ("complaint-resolution/never-1", 1, false),
        ("complaint-resolution/never-2", 1, false),
        ("complaint-resolution/measure", 1, false),
        ("complaint-resolution/step-online-order-complaint", 1, false),
        ("fcr-hotline/never-1", 1, false),
        ("fcr-hotline/never-2", 1, false),
        ("fcr-hotline/step-store-pickup-phone-order", 1, false),
        ("phone-abandonment/step-store-pickup-callback", 1, false),
        ("phone-answer/say-1", 1, false),
        ("phone-answer/never-1", 1, false),
        ("phone-answer/never-2", 1, false),
        ("phone-answer/measure", 1, false),
        ("phone-answer/step-store-pickup-phone-inquiry", 1, false),
        ("situation/aggressive-caller/say-1", 1, false),
        ("situation/aggressive-caller/say-2", 1, false),
        ("situation/aggressive-caller/say-3", 1, false),
        ("situation/aggressive-caller/say-4", 1, false),
        ("situation/aggressive-caller/never-1", 1, false),
        ("situation/aggressive-caller/never-2", 1, false),
        ("situation/aggressive-caller/never-3", 1, false),
        ("situation/aggressive-caller/never-4", 1, false),
        ("situation/aggressive-caller/never-5", 1, false),
        ("situation/damaged-flowers/say-1", 1, false),
        ("situation/damaged-flowers/say-2", 1, false),
        ("situation/damaged-flowers/say-3", 1, false),
        ("situation/damaged-flowers/never-1", 1, false),
        ("situation/damaged-flowers/never-2", 1, false),
        ("situation/damaged-flowers/never-3", 1, false),
        ("situation/damaged-flowers/never-4", 1, false),
        ("situation/late-delivery-occasion/say-1", 1, false),
        ("situation/late-delivery-occasion/say-2", 1, false),
        ("situation/late-delivery-occasion/say-3", 1, false),
        ("situation/late-delivery-occasion/never-1", 1, false),
        ("situation/late-delivery-occasion/never-2", 1, false),
        ("situation/late-delivery-occasion/never-3", 1, false),
        ("situation/late-delivery-occasion/never-4", 1, false),
    ];
    assert_eq!(items("sklep-kwiatek", "hotline"), expected(&want));
}

#[test]
fn the_showroom_of_the_car_dealer() {
    let want = [
        ("otsenka-trejd-in/say-1", 1, false),
        ("otsenka-trejd-in/never-1", 1, false),
        ("otsenka-trejd-in/never-2", 1, false),
        ("otsenka-trejd-in/step-pokupka-otsenka-trejd-in", 1, false),
        ("podgotovka-dogovora/measure", 3, true),
        (
            "podgotovka-dogovora/step-pokupka-podpisanie-dogovora",
            3,
            true,
        ),
        (
            "tainyi-pokupatel/step-pokupka-vstrecha-v-shourume",
            1,
            false,
        ),
        (
            "tainyi-pokupatel/step-pokupka-prezentatsiya-avtomobilya",
            1,
            false,
        ),
        ("test-drajv/never-1", 1, false),
        ("test-drajv/never-2", 1, false),
        ("test-drajv/measure", 1, false),
        ("test-drajv/step-pokupka-test-drajv", 1, false),
        ("vstrecha-v-shourume/say-1", 2, false),
        ("vstrecha-v-shourume/say-2", 2, false),
        ("vstrecha-v-shourume/never-1", 2, false),
        ("vstrecha-v-shourume/never-2", 2, false),
        ("vstrecha-v-shourume/measure", 2, false),
        (
            "vstrecha-v-shourume/step-pokupka-vstrecha-v-shourume",
            2,
            false,
        ),
        ("vydacha-avtomobilya/say-1", 1, false),
        ("vydacha-avtomobilya/never-1", 1, false),
        ("vydacha-avtomobilya/measure", 1, false),
        (
            "vydacha-avtomobilya/step-pokupka-vydacha-avtomobilya",
            1,
            false,
        ),
        ("situation/konflikt-v-shourume/say-1", 1, false),
        ("situation/konflikt-v-shourume/say-2", 1, false),
        ("situation/konflikt-v-shourume/say-3", 1, false),
        ("situation/konflikt-v-shourume/never-1", 1, false),
        ("situation/konflikt-v-shourume/never-2", 1, false),
        ("situation/konflikt-v-shourume/never-3", 1, false),
        ("situation/konflikt-v-shourume/never-4", 1, false),
        ("situation/povrezhdenie-pri-vydache/say-1", 1, false),
        ("situation/povrezhdenie-pri-vydache/say-2", 1, false),
        ("situation/povrezhdenie-pri-vydache/say-3", 1, false),
        ("situation/povrezhdenie-pri-vydache/never-1", 1, false),
        ("situation/povrezhdenie-pri-vydache/never-2", 1, false),
        ("situation/povrezhdenie-pri-vydache/never-3", 1, false),
    ];
    assert_eq!(items("avtosalon", "shourum"), expected(&want));
}

/// Counted from the model, not from the scorecard: every phrase, every step instruction
/// at the touchpoint, and the measure when it is a per-event duration, of every standard in
/// force; drafts and retired ones give none.
#[test]
fn one_item_per_phrase_instruction_and_observable_measure() {
    for (name, tp) in [("sklep-kwiatek", "hotline"), ("avtosalon", "shourum")] {
        let checked = example(name);
        let hb = &checked.handbook;
        let cat = catalog(&checked);
        let t = hb
            .touchpoints
            .iter()
            .position(|t| t.meta.id.value == tp)
            .unwrap();
        let card = scorecard(hb, &checked.index, &cat, t, None);
        for standard in &hb.standards {
            let id = &standard.meta.id.value;
            let section = card.sections.iter().find(|s| s.id == *id);
            let Some(section) = section else {
                continue;
            };
            assert_eq!(standard.status.value, Status::Active, "{id}");
            let count = |kind| section.items.iter().filter(|i| i.kind == kind).count();
            assert_eq!(count(ItemKind::Say), standard.say.len(), "{id}");
            assert_eq!(count(ItemKind::NeverSay), standard.never_say.len(), "{id}");
            let observable = standard.measure.as_ref().is_some_and(|m| {
                m.per_event && matches!(m.bound.value, crate::model::BoundValue::Duration(_))
            });
            assert_eq!(count(ItemKind::Measure), usize::from(observable), "{id}");
        }
    }
}

#[test]
fn drafts_never_reach_a_scorecard() {
    let checked = example("avtosalon");
    let cat = catalog(&checked);
    let all = cards(&checked, &cat, &[], None).unwrap();
    assert_eq!(all.len(), checked.handbook.touchpoints.len());
    assert!(
        all.iter()
            .flat_map(|c| c.items())
            .all(|(s, _)| s.entity != "videootchet-o-to")
    );
}

#[test]
fn a_role_keeps_its_touchpoints_and_standards() {
    let checked = example("sklep-kwiatek");
    let cat = catalog(&checked);
    let role = cards(&checked, &cat, &[], Some("shift-lead")).unwrap();
    let everyone = cards(&checked, &cat, &[], None).unwrap();
    assert!(!role.is_empty() && role.len() < everyone.len());
    for card in &role {
        let full = everyone
            .iter()
            .find(|c| c.touchpoint == card.touchpoint)
            .unwrap();
        assert!(card.items().count() <= full.items().count());
    }
    let unknown = cards(&checked, &cat, &[], Some("shift-led")).unwrap_err();
    assert!(unknown.help.unwrap_or_default().contains("shift-lead"));
}

#[test]
fn every_format_renders_in_every_language_of_the_examples() {
    for name in ["sklep-kwiatek", "avtosalon"] {
        let checked = example(name);
        let cat = catalog(&checked);
        let all = cards(&checked, &cat, &[], None).unwrap();
        for format in [Format::Html, Format::Markdown, Format::Json, Format::Csv] {
            let renderer = Renderer::new(&checked, &cat, format).unwrap();
            for card in &all {
                assert!(!renderer.render(card).unwrap().is_empty());
            }
        }
    }
}
