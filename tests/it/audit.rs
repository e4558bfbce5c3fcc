//! `sok audit` as a user runs it: the four formats of one scorecard (snapshots), every JSON
//! form of both examples against docs/audit.schema.json, the HTML form and a handbook's own
//! template, the `audit` key's mistakes, and the exit codes. Filled forms: `audit_score.rs`.

use serde_json::Value;

use crate::common::{copy_dir, edit, example, fixture, manifest_dir, sok};

pub(crate) fn dir(name: &str) -> String {
    example(name).to_str().unwrap().to_string()
}

pub(crate) fn form(name: &str, touchpoint: &str, format: &str) -> String {
    let (code, out, err) = sok(&[
        "audit",
        &dir(name),
        "--touchpoint",
        touchpoint,
        "--format",
        format,
    ]);
    assert_eq!(code, 0, "{err}");
    out
}

fn schema_errors(value: &Value) -> Vec<String> {
    let path = manifest_dir().join("docs/audit.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_four_formats_of_the_hotline_scorecard() {
    for (format, ext) in [
        ("html", "html"),
        ("markdown", "md"),
        ("json", "json"),
        ("csv", "csv"),
    ] {
        let out = form("sklep-kwiatek", "hotline", format);
        insta::assert_snapshot!(format!("audit_hotline_{ext}"), out);
    }
    insta::assert_snapshot!("audit_shourum_md", form("avtosalon", "shourum", "markdown"));
}

#[test]
fn every_json_form_of_both_examples_and_the_filled_one_fit_the_schema() {
    for name in ["sklep-kwiatek", "avtosalon"] {
        let (code, out, err) = sok(&["audit", &dir(name), "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let forms: Value = serde_json::from_str(&out).unwrap();
        let forms = forms.as_array().unwrap();
        assert!(forms.len() > 5, "{name}");
        for f in forms {
            let errors = schema_errors(f);
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        }
    }
    let filled = std::fs::read_to_string(fixture("audit/filled-shourum.json")).unwrap();
    let errors = schema_errors(&serde_json::from_str(&filled).unwrap());
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_html_form_is_self_contained_labelled_and_in_the_handbooks_language() {
    let html = form("avtosalon", "shourum", "html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
    assert!(html.contains("@page { size: A4 portrait"));
    assert!(!html.contains("<link") && !html.contains("<script"));
    let radios = html.matches("<input type=\"radio\"").count();
    assert_eq!(radios, 3 * html.matches("role=\"radiogroup\"").count());
    assert_eq!(
        html.matches("<textarea id=\"").count(),
        html.matches("class=\"visually-hidden\" for=\"").count()
    );
    assert!(html.contains(">Дата и время</label>"));
}

#[test]
fn a_handbook_template_replaces_the_built_in_form() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&example("sklep-kwiatek"), tmp.path());
    std::fs::create_dir_all(tmp.path().join("templates/audit")).unwrap();
    std::fs::write(
        tmp.path().join("templates/audit/scorecard.html.tera"),
        "<p lang=\"{{ language }}\">{{ title }}: {{ sections | length }}</p>\n",
    )
    .unwrap();
    let root = tmp.path().to_str().unwrap();
    let (code, out, err) = sok(&["audit", root, "--touchpoint", "hotline"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "<p lang=\"pl\">Karta oceny: Infolinia 61 850 10 10: 10</p>\n"
    );
}

#[test]
fn exit_codes() {
    let root = dir("sklep-kwiatek");
    let (code, _, err) = sok(&["audit", &root, "--touchpoint", "hotlin"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`--touchpoint hotlin`: the handbook has no such touchpoint"),
        "{err}"
    );
    assert!(err.contains("did you mean `hotline`?"), "{err}");
    let (code, _, err) = sok(&["audit", &root, "--role", "shift-led"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `shift-lead`?"), "{err}");
    let (code, _, err) = sok(&["audit", &root]);
    assert_eq!(code, 2);
    assert!(err.contains("-o DIR"), "{err}");
    let (code, out, _) = sok(&["audit", &root, "--format", "json", "--role", "shift-lead"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("[\n"));
    let (code, _, err) = sok(&["audit", &root, "--score", "no-such-form.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read `no-such-form.csv`"), "{err}");

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("forms");
    let (code, _, err) = sok(&["audit", &root, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 9, "{files:?}");
    assert!(files.contains(&"hotline.html".to_string()));
    // A source file is never overwritten.
    let hb = tmp.path().join("hb");
    copy_dir(&example("sklep-kwiatek"), &hb);
    let source = hb.join("standards/callback.md");
    let (code, _, err) = sok(&[
        "audit",
        hb.to_str().unwrap(),
        "--touchpoint",
        "hotline",
        "-o",
        source.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("is a file sok reads"), "{err}");
    // A handbook with errors writes nothing.
    edit(
        &hb.join("standards/callback.md"),
        "audit = { weight = 2, critical = true }",
        "audit = { weight = 0, critcal = true }",
    );
    let (code, out, err) = sok(&["audit", hb.to_str().unwrap(), "--touchpoint", "hotline"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(
        err.contains("sok::value::number") && err.contains("sok::schema::unknown_key"),
        "{err}"
    );
    assert!(err.contains("did you mean `critical`?"), "{err}");
}

/// `audit = { ... }` is read like every other key: each mistake at its value or key.
#[test]
fn mistakes_in_the_audit_key_point_at_themselves() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&example("sklep-kwiatek"), tmp.path());
    edit(
        &tmp.path().join("standards/callback.md"),
        "audit = { weight = 2, critical = true }",
        "audit = { weight = 0, critcal = \"yes\" }",
    );
    edit(
        &tmp.path().join("standards/call-quality.md"),
        "audit = { weight = 3 }",
        "audit = { weight = \"3\", critical = 1 }",
    );
    let report = crate::common::check(tmp.path());
    assert_eq!(
        report.positions(),
        [
            (
                "standards/call-quality.md".into(),
                3,
                20,
                "sok::schema::wrong_type"
            ),
            (
                "standards/call-quality.md".into(),
                3,
                36,
                "sok::schema::wrong_type"
            ),
            ("standards/callback.md".into(), 3, 20, "sok::value::number"),
            (
                "standards/callback.md".into(),
                3,
                23,
                "sok::schema::unknown_key"
            ),
        ]
    );
    assert!(report.human().contains("did you mean `critical`?"));
}
