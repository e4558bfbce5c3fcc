//! What a role applies, as a frontline employee sees it: on both examples, the owner page, the
//! role's own handbook (`sok build --role`/`--team`) and its pocket card list exactly the
//! standards that apply to the steps the role carries out and to their touchpoints (explicit
//! lists below, checked by hand against the sources); nothing in a role's handbook links to a
//! page it does not hold; an unknown role or team is refused with the ids that exist.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{example, sok};

/// The Polish consultant: its three steps are at the hotline, chat and e-mail; the standards
/// come from the steps (`online-order/chat-question`...), from the standards' own `steps`, and
/// from the touchpoints (`nps` names `email`; `corporate-orders` is a draft, so it applies but
/// is not on the card).
const KWIATEK_CONSULTANT: &[&str] = &[
    "call-quality",
    "callback",
    "chat-first-response",
    "complaint-gratis",
    "complaint-resolution",
    "contact-csat",
    "corporate-orders",
    "email-response",
    "fcr-hotline",
    "nps",
    "phone-abandonment",
    "phone-answer",
];

const AVTOSALON_SELLER: &[&str] = &[
    "indeks-nps",
    "kontrolnyi-zvonok",
    "napominanie-o-to",
    "obratnyi-zvonok",
    "otsenka-trejd-in",
    "otvet-na-pismo",
    "otvet-na-zvonok",
    "otvet-v-chate",
    "podgotovka-dogovora",
    "propushchennye-zvonki",
    "reshenie-s-pervogo-obrashcheniya",
    "reshenie-zhaloby",
    "srok-postavki",
    "tainyi-pokupatel",
    "test-drajv",
    "videootchet-o-to",
    "vstrecha-v-shourume",
    "vydacha-avtomobilya",
];

fn build(example_name: &str, extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("tempdir");
    let dir = example(example_name);
    let site = out.path().join("site");
    let mut args = vec![
        "build",
        dir.to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = sok(&args);
    assert_eq!(code, 0, "{err}");
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The standards linked in the "in daily work" section of an owner page.
fn applied_standards(page: &str) -> Vec<String> {
    let start = page.find("duties--applies").expect("the section");
    let section = &page[start..];
    let section = &section[..section.find("</section>").unwrap()];
    section
        .split("href=\"../standards/")
        .skip(1)
        .map(|s| s[..s.find(".html").unwrap()].to_string())
        .collect()
}

/// The standards that have a page in a built site.
fn standard_pages(site: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(site.join("html/standards"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "index.html")
        .map(|n| n.trim_end_matches(".html").to_string())
        .collect();
    ids.sort();
    ids
}

fn assert_role(example_name: &str, role: &str, expected: &[&str]) {
    let full = build(example_name, &[]);
    let site = full.path().join("site");
    let page = read(&site.join(format!("html/owners/{role}.html")));
    assert_eq!(applied_standards(&page), expected, "{role}'s page");
    assert!(
        page.contains(&format!("href=\"../../cards/{role}.html\"")),
        "{page}"
    );

    let cut = build(example_name, &["--role", role]);
    let cut_site = cut.path().join("site");
    // Everything the role applies, plus what it is accountable for (nothing more here).
    let pages: BTreeSet<String> = standard_pages(&cut_site).into_iter().collect();
    let applied: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
    assert!(applied.is_subset(&pages), "{pages:?}");
    let cut_page = read(&cut_site.join(format!("html/owners/{role}.html")));
    assert_eq!(
        applied_standards(&cut_page),
        expected,
        "{role}'s page in its handbook"
    );
    assert_no_broken_links(&cut_site.join("html"));
    assert!(
        read(&cut_site.join("handbook.md")).contains(&format!("{{#card-{role}}}")),
        "the card is in handbook.md"
    );
    // Only the role itself gets a card in its handbook.
    let cards: Vec<_> = std::fs::read_dir(cut_site.join("cards")).unwrap().collect();
    assert_eq!(cards.len(), 1);
}

/// Every relative href of every page names a file of the build (the fragment aside).
fn assert_no_broken_links(html: &Path) {
    let mut broken = Vec::new();
    for entry in walkdir::WalkDir::new(html) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = read(entry.path());
        for href in text.split("href=\"").skip(1) {
            let href = &href[..href.find('"').unwrap()];
            if href.contains(':') || href.starts_with('#') {
                continue;
            }
            let file = href.split('#').next().unwrap();
            let target = entry.path().parent().unwrap().join(file);
            if !target.exists() {
                broken.push(format!("{} → {href}", entry.path().display()));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn the_polish_consultant_applies_exactly_its_standards() {
    assert_role("sklep-kwiatek", "hotline-consultant", KWIATEK_CONSULTANT);
}

#[test]
fn the_russian_seller_applies_exactly_its_standards() {
    assert_role("avtosalon", "prodavets-konsultant", AVTOSALON_SELLER);
}

#[test]
fn a_pocket_card_holds_the_standards_in_force_with_their_targets() {
    let out = build("sklep-kwiatek", &[]);
    let card = read(&out.path().join("site/cards/hotline-consultant.html"));
    assert!(
        card.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">"),
        "{card}"
    );
    assert!(card.contains("<style>"), "the stylesheet is inlined");
    assert!(!card.contains("<a "), "a card is for paper: {card}");
    assert!(card.contains("<strong>Odbieramy telefon w ciągu 2 minut</strong> — 90% połączeń odebranych w ciągu 2 min"), "{card}");
    // A draft applies to the role but is not yet on the card.
    assert!(!card.contains("Obsługa zamówień firmowych"), "{card}");
    assert!(card.contains("Nigdy nie mówimy"), "{card}");
    assert!(
        card.contains("Kierownik zmiany BOK"),
        "the escalation contact: {card}"
    );
    assert!(card.contains("Następny przegląd:"), "{card}");
}

#[test]
fn a_team_handbook_holds_what_every_member_applies() {
    let out = build("sklep-kwiatek", &["--team", "biuro obsługi klienta"]);
    let site = out.path().join("site");
    let mut cards: Vec<String> = std::fs::read_dir(site.join("cards"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cards.sort();
    assert_eq!(
        cards,
        [
            "cx-manager.html",
            "hotline-consultant.html",
            "shift-lead.html"
        ]
    );
    let index = read(&site.join("html/index.html"));
    assert!(
        index.contains("Podręcznik dla: Biuro Obsługi Klienta"),
        "{index}"
    );
    assert_no_broken_links(&site.join("html"));
}

#[test]
fn an_unknown_role_or_team_is_refused_with_what_exists() {
    let dir = example("sklep-kwiatek");
    let dir = dir.to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let site = site.to_str().unwrap();
    let (code, _, err) = sok(&["build", dir, "--out", site, "--role", "hotline-consultnt"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no owner `hotline-consultnt`"), "{err}");
    assert!(err.contains("did you mean `hotline-consultant`?"), "{err}");
    let (code, _, err) = sok(&["build", dir, "--out", site, "--team", "Kasa"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\"Biuro Obsługi Klienta\""), "{err}");
    assert!(!Path::new(site).exists(), "nothing was written");
}
