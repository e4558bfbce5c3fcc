use super::*;
use crate::source::FileId;

fn parse(path: &str, text: &str, role: Role) -> Parsed {
    parse_file(FileId(0), path, text, role)
}

#[test]
fn front_matter_spans_are_absolute() {
    let text = "+++\ntitle = \"T\"\nowner = 5\n+++\nBody\n";
    let parsed = parse("standards/x.md", text, Role::EntityMarkdown(Kind::Standard));
    let d = parsed.diagnostics.iter().next().expect("a diagnostic");
    assert_eq!(&text[d.span.start..d.span.end], "5");
    let standard = &parsed.entities.standards[0];
    assert_eq!(standard.meta.id.value, "x");
    assert_eq!(standard.text.as_ref().unwrap().value, "Body\n");
}

#[test]
fn crlf_front_matter() {
    let text = "+++\r\ntitle = \"T\"\r\nowner = \"a\"\r\n+++\r\nBody\r\n";
    let parsed = parse("standards/x.md", text, Role::EntityMarkdown(Kind::Standard));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let standard = &parsed.entities.standards[0];
    assert_eq!(
        &text[standard.title.span.start..standard.title.span.end],
        "T"
    );
}

#[test]
fn missing_and_unclosed_front_matter() {
    for text in ["no front matter", "+++\ntitle = \"T\"\n", ""] {
        let parsed = parse("chapters/a.md", text, Role::EntityMarkdown(Kind::Chapter));
        let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["sok::parse::front_matter"], "{text:?}");
    }
}

#[test]
fn collections_read_every_kind_and_report_unknown_ones() {
    let text = r#"
[[owner]]
id = "a"
name = "A"

[[owners]]
id = "b"
name = "B"

[[widgets]]
id = "w"

[[journey]]
id = "j"
name = "J"
[[journey.step]]
id = "s"
name = "S"
stage = "decision"
owner = "a"
"#;
    let parsed = parse("things.toml", text, Role::Collection);
    // `[[owners]]` is reported, and still read as owners so references to `b` resolve;
    // `[[widgets]]` names nothing close and is skipped.
    let owners: Vec<_> = parsed
        .entities
        .owners
        .iter()
        .map(|o| o.meta.id.value.as_str())
        .collect();
    assert_eq!(owners, ["a", "b"]);
    assert_eq!(parsed.entities.journeys[0].steps.len(), 1);
    let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["sok::schema::unknown_kind", "sok::schema::unknown_kind"]
    );
    let help = parsed
        .diagnostics
        .iter()
        .next()
        .unwrap()
        .help
        .clone()
        .unwrap();
    assert!(help.contains("`[[owner]]`"), "{help}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("x = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let parsed = parse("a.toml", &text, Role::Collection);
    assert!(parsed.diagnostics.has_errors());
}

#[test]
fn terms_get_transliterated_ids() {
    let text = "[[term]]\nterm = \"Тайный покупатель\"\ndefinition = \"x\"\n";
    let parsed = parse("glossary.toml", text, Role::Collection);
    assert_eq!(parsed.entities.terms[0].meta.id.value, "tainyi-pokupatel");
}

#[test]
fn yaml_front_matter_gets_its_own_hint() {
    let parsed = parse(
        "standards/a.md",
        "---\ntitle: A\n---\nBody\n",
        Role::EntityMarkdown(Kind::Standard),
    );
    let d = parsed.diagnostics.iter().next().expect("a diagnostic");
    assert_eq!(d.code, "sok::parse::front_matter");
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("not YAML between `---`"),
        "{d:?}"
    );
}

#[test]
fn text_with_escapes_maps_each_byte_to_its_place() {
    let text = "[[principle]]\ntitle = \"Zasada\"\ntext = \"\"\"\nMówimy \\\"dzień dobry\\\" \\\n    i [regulamin](brak.md).\"\"\"\n";
    let parsed = parse("principles.toml", text, Role::Collection);
    assert!(parsed.diagnostics.is_empty());
    let body = parsed.entities.principles[0].text.as_ref().unwrap();
    assert_eq!(body.value, "Mówimy \"dzień dobry\" i [regulamin](brak.md).");
    assert!(body.is_mapped());
    let at = |phrase: &str| {
        let start = body.value.find(phrase).unwrap();
        let span = body.span_of(start..start + phrase.len());
        &text[span.start..span.end]
    };
    assert_eq!(at("brak.md"), "brak.md");
    assert_eq!(at("\"dzień dobry\""), "\\\"dzień dobry\\\"");
    assert_eq!(at("dobry\" i"), "dobry\\\" \\\n    i");
}

/// The keys reported missing from an empty table, in the order they are reported.
fn missing_keys(parsed: &Parsed) -> Vec<String> {
    let mut keys: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == crate::diagnostics::codes::SCHEMA_MISSING_FIELD.name)
        .filter_map(|d| d.message.rsplit('`').nth(1).map(str::to_string))
        .collect();
    keys.sort();
    keys
}

fn required(fields: &[crate::model::fields::Field]) -> Vec<String> {
    let mut keys: Vec<String> = fields
        .iter()
        .filter(|f| f.required && f.key != "id")
        .map(|f| f.key.to_string())
        .collect();
    keys.sort();
    keys
}

/// The field table says which keys are required; the readers must agree.
#[test]
fn the_readers_require_exactly_the_fields_the_table_marks_required() {
    use crate::model::fields;
    for kind in Kind::ALL {
        let parsed = parse("x/x.md", "+++\n+++\n", Role::EntityMarkdown(kind));
        assert_eq!(
            missing_keys(&parsed),
            required(fields::of(kind)),
            "{kind:?}"
        );
    }
    let nested = [
        (
            "[[journey]]\nid = \"j\"\nname = \"J\"\n[[journey.step]]\n",
            fields::STEP,
        ),
        (
            "[[situation]]\nid = \"s\"\nname = \"S\"\nowner = \"o\"\n[[situation.escalation]]\n",
            fields::ESCALATION,
        ),
        (
            "[[standard]]\nid = \"s\"\ntitle = \"S\"\nowner = \"o\"\n[standard.measure]\nmax = 1\n",
            fields::MEASURE,
        ),
    ];
    for (text, table) in nested {
        let parsed = parse("x.toml", text, Role::Collection);
        let mut want = required(table);
        if table == fields::STEP {
            want.push("id".into());
            want.sort();
        }
        assert_eq!(missing_keys(&parsed), want, "{text}");
    }
    let parsed = parse("sok.toml", "[handbook]\n", Role::Settings);
    assert_eq!(missing_keys(&parsed), required(fields::HANDBOOK));
}

fn codes_of(path: &str, text: &str, kind: Kind) -> Vec<&'static str> {
    let parsed = parse(path, text, Role::EntityMarkdown(kind));
    parsed.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_misspelt_required_key_is_one_error() {
    let text = "+++\ntitle = \"T\"\nownr = \"a\"\n+++\n";
    assert_eq!(
        codes_of("standards/x.md", text, Kind::Standard),
        ["sok::schema::unknown_key"]
    );
    // A key far from any known one still leaves the required one missing.
    let text = "+++\ntitle = \"T\"\nzzz = \"a\"\n+++\n";
    let mut codes = codes_of("standards/x.md", text, Kind::Standard);
    codes.sort();
    assert_eq!(
        codes,
        ["sok::schema::missing_field", "sok::schema::unknown_key"]
    );
}

#[test]
fn a_parent_key_below_a_sub_table_is_one_error() {
    let text = "+++\ntitle = \"T\"\n[measure]\nmetric = \"answer_time\"\nmax = \"2 min\"\nshare = 90\nowner = \"a\"\n+++\n";
    let parsed = parse("standards/x.md", text, Role::EntityMarkdown(Kind::Standard));
    let d: Vec<_> = parsed.diagnostics.iter().collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].message.contains("belongs to the standard"),
        "{}",
        d[0].message
    );
    assert_eq!(&text[d[0].span.start..d[0].span.end], "owner");
    // A key the parent already has is a plain unknown key of the sub-table.
    let text = "+++\ntitle = \"T\"\nowner = \"a\"\n[measure]\nmetric = \"answer_time\"\nmax = \"2 min\"\nshare = 90\nowner = \"a\"\n+++\n";
    let parsed = parse("standards/x.md", text, Role::EntityMarkdown(Kind::Standard));
    let d: Vec<_> = parsed.diagnostics.iter().collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].message.contains("unknown key"), "{}", d[0].message);
}

#[test]
fn a_situation_key_below_an_escalation_is_one_error() {
    let text =
        "+++\nname = \"N\"\n[[escalation]]\nafter = \"1 h\"\nto = \"b\"\nowner = \"a\"\n+++\n";
    let parsed = parse(
        "situations/x.md",
        text,
        Role::EntityMarkdown(Kind::Situation),
    );
    let d: Vec<_> = parsed.diagnostics.iter().collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].message.contains("belongs to the situation"),
        "{}",
        d[0].message
    );
}
