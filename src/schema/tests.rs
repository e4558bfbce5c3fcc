//! The schema against the field table (every key, its required flag, no other key) and its
//! patterns against the parsers they stand for.

use std::collections::BTreeSet;

use regex::Regex;
use serde_json::Value;

use super::types::sentence;
use super::*;
use crate::diagnostics::codes;
use crate::model::fields::{self, Field, Type};
use crate::parse::{Role, parse_file};
use crate::source::FileId;

/// Checks `object` against `fields`: each key there with its description and required
/// flag, no key the table lacks (but `extra_keys`), and the same for every sub-table.
fn check_table(
    object: &Value,
    fields: &'static [Field],
    extra_required: &[&str],
    extra_keys: &[&str],
    at: &str,
    seen: &mut Vec<&'static [Field]>,
) {
    seen.push(fields);
    assert_eq!(object["type"], "object", "{at}");
    assert_eq!(object["additionalProperties"], false, "{at}");
    let properties = object["properties"].as_object().expect("properties");
    let required: BTreeSet<&str> = object
        .get("required")
        .map(|r| r.as_array().unwrap().iter().map(|k| k.as_str().unwrap()))
        .into_iter()
        .flatten()
        .collect();
    for field in fields {
        let at = format!("{at}.{}", field.key);
        let property = properties
            .get(field.key)
            .unwrap_or_else(|| panic!("{at} is not in the schema"));
        let description = property["description"].as_str().unwrap_or_default();
        if !extra_required.contains(&field.key) {
            assert!(
                description.starts_with(&sentence(field.doc)),
                "{at}: {description}"
            );
        }
        let want = field.required || extra_required.contains(&field.key);
        assert_eq!(required.contains(field.key), want, "{at}: required");
        assert_eq!(
            description.ends_with(" Required."),
            want,
            "{at}: {description}"
        );
        match field.ty {
            Type::Table(sub) => check_table(property, sub, &[], &[], &at, seen),
            Type::Tables(sub) => {
                assert_eq!(property["type"], "array", "{at}");
                check_table(&property["items"], sub, &[], &[], &at, seen);
            }
            Type::LintLevels => {
                let rules: Vec<&str> = crate::lint::names().collect();
                check_table(property, fields::LINT_PARAMETERS, &[], &rules, &at, seen);
            }
            _ => {}
        }
    }
    for key in properties.keys() {
        assert!(
            fields.iter().any(|f| f.key == key) || extra_keys.contains(&key.as_str()),
            "{at}.{key} is in the schema but not in the field table"
        );
    }
    for key in &required {
        assert!(
            properties.contains_key(*key),
            "{at}: required {key} unknown"
        );
    }
}

#[test]
fn every_key_of_every_table_is_in_the_schema_with_its_required_flag() {
    let mut seen = Vec::new();
    check_table(
        &Target::Settings.schema(),
        fields::SETTINGS,
        &[],
        &["$schema", "title", "description"],
        "sok.toml",
        &mut seen,
    );
    let mut entity_kinds = Vec::new();
    for target in Target::all() {
        if let Target::Entity(kind) = target {
            entity_kinds.push(kind);
            check_table(
                &target.schema(),
                fields::of(kind),
                &[],
                &["$schema", "title", "description"],
                &target.file_name(),
                &mut seen,
            );
        }
    }
    assert_eq!(
        entity_kinds,
        [
            Kind::Owner,
            Kind::Touchpoint,
            Kind::Journey,
            Kind::Situation,
            Kind::Standard
        ]
    );
    let collection = Target::Collection.schema();
    let kinds: Vec<&str> = tables::collection_kinds().map(Kind::name).collect();
    check_table(
        &collection,
        &[],
        &[],
        &[kinds.as_slice(), &["$schema", "title", "description"]].concat(),
        "collection",
        &mut seen,
    );
    for kind in tables::collection_kinds() {
        let array = &collection["properties"][kind.name()];
        assert_eq!(array["type"], "array", "[[{}]]", kind.name());
        let id = tables::id_required_in_collection(kind).then_some("id");
        check_table(
            &array["items"],
            fields::of(kind),
            id.as_slice(),
            &[],
            &format!("[[{}]]", kind.name()),
            &mut seen,
        );
    }
    // Every table of the field table is reached; chapters exist only as Markdown.
    let all: &[(&str, &[Field])] = &[
        ("OWNER", fields::OWNER),
        ("TOUCHPOINT", fields::TOUCHPOINT),
        ("STEP", fields::STEP),
        ("JOURNEY", fields::JOURNEY),
        ("ESCALATION", fields::ESCALATION),
        ("SITUATION", fields::SITUATION),
        ("MEASURE", fields::MEASURE),
        ("STANDARD", fields::STANDARD),
        ("TERM", fields::TERM),
        ("PRINCIPLE", fields::PRINCIPLE),
        ("HANDBOOK", fields::HANDBOOK),
        ("JOURNEY_SETTINGS", fields::JOURNEY_SETTINGS),
        ("LINT_PARAMETERS", fields::LINT_PARAMETERS),
        ("BUILD", fields::BUILD),
        ("SETTINGS", fields::SETTINGS),
        ("LINT_ALLOW", fields::LINT_ALLOW),
    ];
    for (name, table) in all {
        assert!(seen.contains(table), "fields::{name} is in no schema");
    }
    assert!(!seen.contains(&fields::CHAPTER));
}

#[test]
fn every_lint_rule_is_a_key_of_lint_with_the_levels() {
    let lint = &Target::Settings.schema()["properties"]["lint"]["properties"];
    for rule in crate::lint::RULES {
        let levels: Vec<&str> = lint[rule.name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{} has no levels", rule.name))
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(levels, crate::model::Level::WORDS, "{}", rule.name);
    }
}

#[test]
fn values_have_their_types() {
    let standard = &Target::Entity(Kind::Standard).schema()["properties"];
    assert_eq!(standard["last_reviewed"]["format"], "date");
    assert_eq!(standard["review_every"]["pattern"], patterns::duration());
    assert_eq!(standard["owner"]["pattern"], patterns::ID);
    assert_eq!(standard["steps"]["items"]["pattern"], patterns::STEP_REF);
    assert_eq!(
        standard["status"]["enum"],
        serde_json::json!(["draft", "active", "retired"])
    );
    let measure = &standard["measure"]["properties"];
    assert_eq!(measure["share"]["maximum"], 100);
    assert_eq!(measure["max"]["anyOf"][0]["type"], "number");
    let journey = &Target::Entity(Kind::Journey).schema()["properties"];
    assert_eq!(
        journey["step"]["items"]["required"],
        serde_json::json!(["id", "name", "stage", "owner"])
    );
    let settings = &Target::Settings.schema()["properties"];
    assert_eq!(
        settings["handbook"]["properties"]["version"]["pattern"],
        patterns::VERSION
    );
}

/// A TOML value of `ty` that the parser reads without a complaint.
fn sample(ty: Type) -> String {
    match ty {
        Type::Text | Type::Markdown => "\"Some text\"".into(),
        Type::Id | Type::Ref(_) => "\"x\"".into(),
        Type::Stage => "\"decision\"".into(),
        Type::Duration => "\"1 h\"".into(),
        Type::Date => "2026-01-01".into(),
        Type::Dates => "[2026-01-01]".into(),
        Type::TimeZone => "\"Europe/Warsaw\"".into(),
        Type::Timestamp => "\"2026-10-01T09:00:03Z\"".into(),
        Type::Number => "1".into(),
        Type::Columns => "{ start = \"Created at\" }".into(),
        Type::Bool => "true".into(),
        Type::Integer | Type::Percent | Type::Bound => "1".into(),
        Type::Version => "\"1.0.0\"".into(),
        Type::Choice(words) => format!("\"{}\"", words[0]),
        Type::Table(sub) => format!("{{ {} }}", required_keys(sub, None).join(", ")),
        Type::Texts | Type::Refs(_) | Type::Stages | Type::StepRefs | Type::Tables(_) => {
            "[]".into()
        }
        Type::TextMap | Type::TouchpointMap | Type::LintLevels => "{}".into(),
    }
}

/// `key = value` for every required field of `fields`, but `leave_out`.
fn required_keys(fields: &[Field], leave_out: Option<&str>) -> Vec<String> {
    fields
        .iter()
        .filter(|f| f.required && Some(f.key) != leave_out)
        .map(|f| format!("{} = {}", f.key, sample(f.ty)))
        .collect()
}

#[test]
fn a_collection_requires_the_ids_the_parser_requires() {
    for kind in tables::collection_kinds() {
        let table = required_keys(fields::of(kind), Some("id")).join("\n");
        let parse = |text: &str| parse_file(FileId(0), "x.toml", text, Role::Collection);
        let with_id = parse(&format!("[[{}]]\nid = \"x\"\n{table}\n", kind.name()));
        assert!(
            with_id.diagnostics.is_empty(),
            "{kind:?}: {:?}",
            with_id.diagnostics
        );
        let without = parse(&format!("[[{}]]\n{table}\n", kind.name()));
        let missing_id = without
            .diagnostics
            .iter()
            .any(|d| d.code == codes::SCHEMA_MISSING_FIELD.name && d.message.contains("`id`"));
        assert_eq!(
            missing_id,
            tables::id_required_in_collection(kind),
            "{kind:?}: {:?}",
            without.diagnostics
        );
    }
}

/// The samples on which `pattern` and `accepts` disagree.
fn disagreements<'s>(
    pattern: &str,
    samples: impl IntoIterator<Item = &'s str>,
    accepts: impl Fn(&str) -> bool,
) -> Vec<String> {
    let regex = Regex::new(pattern).expect("the pattern compiles");
    samples
        .into_iter()
        .filter(|s| regex.is_match(s) != accepts(s))
        .map(|s| {
            format!(
                "{s:?}: pattern {}, parser {}",
                regex.is_match(s),
                accepts(s)
            )
        })
        .collect()
}

#[test]
fn the_duration_pattern_accepts_what_the_parser_accepts() {
    let words = [
        "s",
        "sec",
        "secs",
        "second",
        "seconds",
        "min",
        "mins",
        "minute",
        "minutes",
        "h",
        "hour",
        "hours",
        "d",
        "day",
        "days",
        "business day",
        "business days",
        "w",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
    ];
    let mut units: Vec<String> = Vec::new();
    for word in words {
        units.push(word.into());
        units.push(word.to_uppercase());
        units.push(sentence(word).trim_end_matches('.').into());
    }
    units.extend(
        [
            "wee\u{212A}",
            "business  days",
            "business\tday",
            "BUSINESS DAYS",
            "m",
            "M",
            "mo",
            "mon",
            "mth",
            "minut",
            "sek",
            "hr",
            "hrs",
            "yr",
            "wk",
            "businessday",
            "business-days",
            "business",
            "days business",
            "dayss",
            "secondss",
            "min.",
            "h h",
            "",
            "ms",
            "μs",
            "min s",
            "2",
            "m in",
        ]
        .map(String::from),
    );
    let numbers = [
        "2", "10", "1.5", "0.25", ".5", "0", "007", "1.", ".", "1.2.3", "", "-2", "+2", "2,5", "½",
        "٣", "1e3", " ",
    ];
    let mut samples = Vec::new();
    for number in numbers {
        for space in ["", " ", "   ", "\t", "\u{a0}"] {
            for unit in &units {
                for (before, after) in [("", ""), (" ", ""), ("", " \n"), ("\t", "\t")] {
                    samples.push(format!("{before}{number}{space}{unit}{after}"));
                }
            }
        }
    }
    let wrong = disagreements(
        &patterns::duration(),
        samples.iter().map(String::as_str),
        |s| crate::values::Duration::parse(s).is_ok(),
    );
    assert!(
        wrong.is_empty(),
        "{} of {}: {wrong:#?}",
        wrong.len(),
        samples.len()
    );
    for valid in [
        "2 min",
        "3 business days",
        "6 months",
        "1.5 h",
        "30s",
        "1 year",
    ] {
        assert!(
            Regex::new(&patterns::duration()).unwrap().is_match(valid),
            "{valid}"
        );
    }
}

#[test]
fn the_id_pattern_accepts_what_the_parser_accepts() {
    let samples = [
        "a",
        "shift-lead",
        "step-2",
        "24h",
        "",
        "-a",
        "a-",
        "a--b",
        "Shift",
        "a_b",
        "żółw",
        "a b",
        "a/b",
        "a\n",
        " a",
    ];
    let wrong = disagreements(patterns::ID, samples, crate::values::is_valid_id);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_version_pattern_accepts_what_the_parser_accepts() {
    let samples = [
        "2.1.0",
        "0.0.0",
        "1.0.0-rc.1",
        "3.0.0-rc-1",
        "10.20.30",
        "1.0.0-\nx",
        "2",
        "2.1",
        "v2.1.0",
        "2.1.0.1",
        "02.1.0",
        "2.01.0",
        "2.x.0",
        "2.1.0-",
        " 1.0.0",
        "1.0.0 ",
        "1.0.0+build",
        "1..0",
        "",
    ];
    let wrong = disagreements(patterns::VERSION, samples, |s| {
        crate::values::Version::parse(s).is_some()
    });
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_step_pattern_accepts_what_the_parser_accepts() {
    let samples = [
        "j/s",
        "online-order/callback",
        "j",
        "j/",
        "/s",
        "j/s/t",
        "J/s",
        "j/s-",
        "j//s",
        "",
    ];
    let wrong = disagreements(patterns::STEP_REF, samples, |s| {
        let text = format!(
            "[[standard]]\nid = \"s\"\ntitle = \"T\"\nowner = \"o\"\nsteps = [{}]\n",
            toml::Value::String(s.to_string())
        );
        let parsed = parse_file(FileId(0), "x.toml", &text, Role::Collection);
        parsed.diagnostics.is_empty()
    });
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_taplo_config_maps_every_schema() {
    let text = taplo_config(".sok/schema/");
    assert!(written_by_sok(&text));
    assert!(!written_by_sok("[formatting]\nalign_entries = true\n"));
    let config: toml::Table = toml::from_str(&text).expect("valid TOML");
    let rules = config["rule"].as_array().expect("[[rule]]");
    assert_eq!(rules.len(), Target::all().len());
    let path = |rule: &toml::Value| rule["schema"]["path"].as_str().unwrap().to_string();
    // The catch-all comes first, so that the later, narrower rules win.
    assert_eq!(path(&rules[0]), ".sok/schema/collection.schema.json");
    for target in Target::all() {
        let rule = rules
            .iter()
            .find(|r| path(r) == format!(".sok/schema/{}", target.file_name()))
            .unwrap_or_else(|| panic!("no rule for {}", target.file_name()));
        let include: Vec<String> = rule["include"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(include, target.include());
    }
    let exclude = rules[0]["exclude"].as_array().unwrap();
    for kind in Kind::ALL {
        if let Some(folder) = crate::layout::kind_folder(kind) {
            assert!(exclude.contains(&format!("{folder}/**").into()), "{folder}");
        }
    }
}
