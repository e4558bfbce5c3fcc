//! The change notice for staff: the example handbooks against edited copies, snapshotted in
//! their own language (Polish and Russian).

use std::path::Path;

use sok::diff::{self, change_notice};

use crate::common::{copy_dir, edit, example, fixture, write};

fn notice(old: &Path, new: &Path) -> String {
    let old = sok::check_dir(old).unwrap();
    let new = sok::check_dir(new).unwrap();
    assert!(!old.diagnostics.has_errors(), "{:?}", old.diagnostics);
    assert!(!new.diagnostics.has_errors(), "{:?}", new.diagnostics);
    let language = new.handbook.settings.as_ref().unwrap().language.value;
    let diff = diff::diff(&old.handbook, &new.handbook);
    let notice = change_notice(&diff, &new.handbook, language);
    format!("# {}\n\n{}", notice.title, notice.markdown)
}

#[test]
fn polish_notice_groups_changes_by_owner() {
    let old = example("sklep-kwiatek");
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path();
    copy_dir(&old, new);
    edit(
        &new.join("sok.toml"),
        "version = \"2.1.0\"",
        "version = \"2.2.0\"",
    );
    edit(
        &new.join("sok.toml"),
        "effective = 2026-03-01",
        "effective = 2026-09-01",
    );
    // Tightened: answer within 1 minute instead of 2.
    edit(
        &new.join("standards/phone-answer.md"),
        "max = \"2 min\"",
        "max = \"1 min\"",
    );
    // Reassigned from the shift lead to the CX manager.
    edit(
        &new.join("standards/call-quality.md"),
        "owner = \"shift-lead\"",
        "owner = \"cx-manager\"",
    );
    // Removed.
    std::fs::remove_file(new.join("standards/corporate-orders.md")).unwrap();
    // Moved into a subfolder: no change at all.
    std::fs::create_dir_all(new.join("standards/ankiety")).unwrap();
    std::fs::rename(
        new.join("standards/nps.md"),
        new.join("standards/ankiety/nps.md"),
    )
    .unwrap();
    // Added, with a target.
    write(
        &new.join("standards/gift-card.md"),
        "+++\ntitle = \"Kartka z życzeniami bez błędów\"\nowner = \"head-florist\"\n\
         [measure]\nmetric = \"audit_score\"\nmin = 95\nperiod = \"month\"\n+++\n\
         Florysta sprawdza treść kartki z zamówieniem przed zapakowaniem bukietu.\n",
    );
    // A step added to a journey, another step handed over.
    let journey = new.join("journeys/online-order.toml");
    let text = std::fs::read_to_string(&journey).unwrap();
    let text = text.replacen("owner = \"head-florist\"", "owner = \"store-manager\"", 1);
    std::fs::write(
        &journey,
        format!(
            "{text}\n[[step]]\nid = \"thank-you-call\"\nname = \"Dzwonimy z podziękowaniem\"\n\
             stage = \"post-purchase\"\nowner = \"hotline-consultant\"\n"
        ),
    )
    .unwrap();
    // A situation's first response relaxed from 1 to 2 business days.
    edit(
        &new.join("situations/negative-review.md"),
        "respond_within = \"1 business day\"",
        "respond_within = \"2 business days\"",
    );
    // For everyone: a chapter's wording.
    edit(
        &new.join("chapters/06-przeglad-i-zmiany.md"),
        "co 6 miesięcy",
        "co 4 miesiące",
    );
    insta::assert_snapshot!("notice_pl", notice(&old, new));
}

#[test]
fn russian_notice_uses_russian_plurals() {
    let old = example("avtosalon");
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path();
    copy_dir(&old, new);
    edit(
        &new.join("sok.toml"),
        "version = \"1.4.0\"",
        "version = \"1.5.0\"",
    );
    edit(
        &new.join("standards/otvet-na-zvonok.md"),
        "max = \"20 s\"\nshare = 90",
        "max = \"30 s\"\nshare = 95",
    );
    edit(
        &new.join("situations/negativnyi-otzyv.md"),
        "respond_within = \"1 h\"",
        "respond_within = \"2 h\"",
    );
    edit(
        &new.join("journeys/pokupka.md"),
        "owner = \"smm-menedzher\"",
        "owner = \"rukovoditel-koll-tsentra\"",
    );
    insta::assert_snapshot!("notice_ru", notice(&old, new));
}

#[test]
fn a_handbook_against_itself_has_nothing_to_announce() {
    let dir = example("sklep-kwiatek");
    let text = notice(&dir, &dir);
    assert!(
        text.contains("To wydanie nie wprowadza zmian w standardach."),
        "{text}"
    );
}

/// The English fixtures announced in English and in Slovenian (the language is the caller's
/// choice: `sok build` passes the handbook's).
#[test]
fn english_and_slovenian_notices() {
    use sok::model::Language;
    for (language, name) in [(Language::En, "notice_en"), (Language::Sl, "notice_sl")] {
        let mut text = String::new();
        for case in [
            "tightened",
            "loosened",
            "reassigned",
            "journey-steps",
            "removed",
        ] {
            let dir = fixture("diff").join(case);
            let old = sok::check_dir(&dir.join("old")).unwrap();
            let new = sok::check_dir(&dir.join("new")).unwrap();
            let diff = diff::diff(&old.handbook, &new.handbook);
            let notice = change_notice(&diff, &new.handbook, language);
            text.push_str(&format!(
                "==> {case}\n# {}\n\n{}\n",
                notice.title, notice.markdown
            ));
        }
        insta::assert_snapshot!(name, text);
    }
}
