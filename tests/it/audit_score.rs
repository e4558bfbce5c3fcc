//! `sok audit --score` as a user runs it: the filled forms of `tests/fixtures/audit/` (Polish
//! CSV, Russian JSON) into `audit_score` events, a critical "no" and a form without a result,
//! the events through `sok measure`, and where each mistake of a filled form is shown.

use std::path::Path;

use serde_json::Value;

use crate::audit::{dir, form};
use crate::common::fixture;
use crate::common::sok;

/// The events of the filled fixtures: Polish answers in a CSV form, Russian ones in a JSON
/// form; weights 3 and 2 (critical) in the flower shop, 2 and 3 (critical) in the showroom.
#[test]
fn filled_forms_become_audit_score_events() {
    let csv = fixture("audit/filled-hotline.csv");
    let (code, out, err) = sok(&[
        "audit",
        &dir("sklep-kwiatek"),
        "--score",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "id,metric,touchpoint,start,value,agent,team\n\
         MS-2026-10-01,audit_score,hotline,2026-10-05 10:15,85.71,Monika Dąbrowska,Biuro Obsługi Klienta A\n"
    );
    let json = fixture("audit/filled-shourum.json");
    let (code, out, err) = sok(&[
        "audit",
        &dir("avtosalon"),
        "--score",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "id,metric,touchpoint,start,value,agent,team\n\
         TP-2026-10-07,audit_score,shourum,2026-10-07T15:30:00+03:00,81.82,Иван Петров,Отдел продаж\n"
    );
}

#[test]
fn a_critical_no_scores_the_form_zero_and_an_empty_form_gives_no_event() {
    let tmp = tempfile::tempdir().unwrap();
    let filled = tmp.path().join("critical.json");
    let mut value: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("audit/filled-shourum.json")).unwrap(),
    )
    .unwrap();
    for section in value["sections"].as_array_mut().unwrap() {
        for q in section["questions"].as_array_mut().unwrap() {
            if q["id"] == "podgotovka-dogovora/measure" {
                q["answer"] = "нет".into();
            }
        }
    }
    std::fs::write(&filled, value.to_string()).unwrap();
    let blank = tmp.path().join("blank.csv");
    let text = form("avtosalon", "shourum", "csv").replace(
        "audit.at,,Дата и время,,,,,,",
        "audit.at,,Дата и время,,,,,2026-10-08 11:00,",
    );
    std::fs::write(&blank, text).unwrap();
    let (code, out, err) = sok(&[
        "audit",
        &dir("avtosalon"),
        "--score",
        filled.to_str().unwrap(),
        blank.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with(",shourum,2026-10-07T15:30:00+03:00,0,Иван Петров,Отдел продаж\n"));
    assert_eq!(out.lines().count(), 2);
    assert!(
        err.contains("blank.csv: no item is answered yes or no"),
        "{err}"
    );
}

/// Two forms of October on the hotline: 85.71 and 100, whose mean (92.855) holds the
/// flower shop's "audit score at least 90% per month" (`call-quality`); the first alone does
/// not.
#[test]
fn measure_reads_the_events_like_any_other() {
    let tmp = tempfile::tempdir().unwrap();
    let perfect = tmp.path().join("perfect.csv");
    let text = std::fs::read_to_string(fixture("audit/filled-hotline.csv"))
        .unwrap()
        .replace(",nie,", ",tak,")
        .replace("MS-2026-10-01", "MS-2026-10-02")
        .replace("2026-10-05 10:15", "2026-10-20T16:00:00+02:00");
    std::fs::write(&perfect, text).unwrap();
    let events = tmp.path().join("audits.csv");
    let one = tmp.path().join("one.csv");
    let csv = fixture("audit/filled-hotline.csv");
    let root = dir("sklep-kwiatek");
    for (out, forms) in [
        (&one, vec![csv.to_str().unwrap()]),
        (
            &events,
            vec![csv.to_str().unwrap(), perfect.to_str().unwrap()],
        ),
    ] {
        let mut args = vec![
            "audit",
            root.as_str(),
            "-o",
            out.to_str().unwrap(),
            "--score",
        ];
        args.extend(forms);
        let (code, _, err) = sok(&args);
        assert_eq!(code, 0, "{err}");
    }
    let result = |events: &Path| {
        let (code, out, err) = sok(&[
            "measure",
            &root,
            "--events",
            events.to_str().unwrap(),
            "--as-of",
            "2026-11-01T00:00:00Z",
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{err}");
        let report: Value = serde_json::from_str(&out).unwrap();
        let standard = report["standards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "call-quality")
            .unwrap()
            .clone();
        let period = &standard["periods"][0];
        (
            period["period"].as_str().unwrap().to_string(),
            period["events"].as_u64().unwrap(),
            period["value"].as_f64().unwrap(),
            period["held"].as_bool().unwrap(),
        )
    };
    assert_eq!(result(&one), ("2026-10".into(), 1, 85.71, false));
    let (period, count, value, held) = result(&events);
    assert_eq!((period.as_str(), count, held), ("2026-10", 2, true));
    assert!((value - (85.71 + 100.0) / 2.0).abs() < 1e-9, "{value}");
}

#[test]
fn mistakes_in_filled_forms_are_shown_where_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = std::fs::read_to_string(fixture("audit/filled-hotline.csv")).unwrap();
    let bad_csv = tmp.path().join("bad.csv");
    std::fs::write(
        &bad_csv,
        csv.replace(
            "audit.at,,Data i godzina,,,,,2026-10-05 10:15,",
            "audit.at,,Data i godzina,,,,,jutro,",
        )
        .replace("call-quality/never-2,", "call-quality/never-9,")
        .replacen(",tak,", ",może,", 1),
    )
    .unwrap();
    let json = std::fs::read_to_string(fixture("audit/filled-shourum.json")).unwrap();
    let bad_json = tmp.path().join("bad.json");
    std::fs::write(
        &bad_json,
        json.replacen("\"at\": \"2026-10-07T15:30:00+03:00\"", "\"at\": null", 1)
            .replacen("\"answer\": \"да\"", "\"answer\": \"ага\"", 1),
    )
    .unwrap();
    let (code, out, err) = sok(&[
        "audit",
        &dir("sklep-kwiatek"),
        "--score",
        bad_csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, "");
    let bad = bad_csv.display().to_string();
    assert!(err.contains(&format!("error: {bad}:8:8 (answer): `może` is not an answer: write one of tak, t, yes, y, nie, no, n, nd, n/d, nie dotyczy, na, n/a")), "{err}");
    assert!(err.contains("no event was written"), "{err}");
    // Once the answer is readable, the timestamp and the unknown item.
    std::fs::write(
        &bad_csv,
        std::fs::read_to_string(&bad_csv)
            .unwrap()
            .replace(",może,", ",tak,"),
    )
    .unwrap();
    let (code, _, err) = sok(&[
        "audit",
        &dir("sklep-kwiatek"),
        "--score",
        bad_csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "error: {bad}:3:8 (answer): `jutro` is not a timestamp"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("error: {bad}:11:1 (item): `call-quality/never-9` is no item of the scorecard of `hotline`; did you mean `call-quality/never-1`?")), "{err}");
    let (code, _, err) = sok(&[
        "audit",
        &dir("avtosalon"),
        "--score",
        bad_json.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    let bad = bad_json.display().to_string();
    assert!(err.contains(&format!("error: {bad}: sections[4].questions[0].answer: `ага` is not an answer: write one of да, д, yes, y, нет, н, no, n, н/п, нп, не применимо, na, n/a")), "{err}");
    let broken = tmp.path().join("broken.json");
    std::fs::write(&broken, "{\n  \"form\": [\n").unwrap();
    let (code, _, err) = sok(&[
        "audit",
        &dir("avtosalon"),
        "--score",
        broken.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("error: {}:3:", broken.display())),
        "{err}"
    );
    let no_at = tmp.path().join("no-at.json");
    std::fs::write(
        &no_at,
        json.replacen("\"at\": \"2026-10-07T15:30:00+03:00\"", "\"at\": null", 1),
    )
    .unwrap();
    let (code, _, err) = sok(&[
        "audit",
        &dir("avtosalon"),
        "--score",
        no_at.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "error: {}: audit.at: `audit.at` is missing",
            no_at.display()
        )),
        "{err}"
    );
}
