//! `sok.toml`: the handbook's settings (FORMAT.md §4).

use std::collections::BTreeMap;

use super::fields::{Ctx, Table};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::fields;
use crate::model::*;
use crate::values::Version;

pub(crate) fn settings(cx: &mut Ctx<'_>, root: &Table<'_, '_>) -> Option<Settings> {
    root.check_keys(cx, &fields::keys(fields::SETTINGS));
    let handbook = root.table(cx, "handbook", "`[handbook]`");
    if handbook.is_none() && !root.has("handbook") {
        cx.push(
            Diagnostic::error(
                &codes::SCHEMA_MISSING_FIELD,
                root.header,
                "`sok.toml` has no `[handbook]` table",
            )
            .label("`[handbook]` is required")
            .help("add `[handbook]` with `title`, `language` and `version`"),
        );
    }
    let (stages, stage_names) = journey(cx, root);
    let lint = lint(cx, root);
    let (build_out, build_deny_lint, build_edit_url) =
        root.table(cx, "build", "`[build]`")
            .map_or((None, None, None), |b| {
                b.check_keys(cx, &fields::keys(fields::BUILD));
                (
                    b.string(cx, "out", "\"build\""),
                    b.choice(cx, "deny_lint", Level::KEYWORDS),
                    b.string(
                        cx,
                        "edit_url",
                        "\"https://git.example.com/hb/edit/main/{path}\"",
                    )
                    .filter(|url| edit_url(cx, url)),
                )
            });
    let calendar = calendar(cx, root);
    let events = events(cx, root);
    let export = export(cx, root);
    let h = handbook?;
    h.check_keys(cx, &fields::keys(fields::HANDBOOK));
    let title = h.req_text(cx, "title");
    let organization = h.text(cx, "organization");
    let language = h.req_choice(cx, "language", Language::KEYWORDS);
    let version = version(cx, &h);
    let effective = h.date(cx, "effective");
    let owner = h.id(cx, "owner");
    let review_every = h.duration(cx, "review_every");
    let last_reviewed = h.date(cx, "last_reviewed");
    Some(Settings {
        file: cx.file,
        anchor: h.header,
        title: title.unwrap_or_else(|| Text::whole(String::new(), h.header)),
        organization,
        language: language.unwrap_or_else(|| Sp::new(Language::En, h.header)),
        version: version
            .unwrap_or_else(|| Sp::new(Version::parse("0.0.0").expect("valid"), h.header)),
        effective,
        owner,
        review_every,
        last_reviewed,
        stages,
        stage_names,
        lint,
        build_out,
        build_deny_lint,
        build_edit_url,
        calendar,
        events,
        export,
    })
}

fn calendar(cx: &mut Ctx<'_>, root: &Table<'_, '_>) -> Calendar {
    let Some(t) = root.table(cx, "calendar", "`[calendar]`") else {
        return Calendar::default();
    };
    t.check_keys(cx, &fields::keys(fields::CALENDAR));
    let timezone = t
        .string(cx, "timezone", "\"Europe/Warsaw\"")
        .filter(|zone| {
            let known = jiff::tz::TimeZone::get(&zone.value).is_ok();
            if !known {
                cx.push(
                    Diagnostic::error(
                        &codes::VALUE_TIMEZONE,
                        zone.span,
                        format!("`{}` is not a time zone sok knows", zone.value),
                    )
                    .label("not an IANA time zone name")
                    .help(zone_help(&zone.value)),
                );
            }
            known
        });
    let mut holidays = t.dates(cx, "holidays");
    holidays.sort_by_key(|d| d.value);
    holidays.dedup_by_key(|d| d.value);
    Calendar { timezone, holidays }
}

/// Whether `[build].edit_url` is an http(s) address with `{path}`; reports it if not.
fn edit_url(cx: &mut Ctx<'_>, url: &Sp<String>) -> bool {
    let value = url.value.as_str();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| value.len() > s.len() && value[..s.len()].eq_ignore_ascii_case(s));
    let unsafe_char = value
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"<>\\`".contains(*c));
    let problem = match (scheme, unsafe_char) {
        (None, _) => Some("not an `http://` or `https://` address"),
        (_, Some(_)) => Some("spaces, quotes and `<`, `>` do not belong in an address"),
        _ if !value.contains("{path}") => Some("no `{path}` where the file's path goes"),
        _ => None,
    };
    let Some(label) = problem else {
        return true;
    };
    cx.push(
        Diagnostic::error(
            &codes::BUILD_EDIT_URL,
            url.span,
            format!("`edit_url` `{value}` is not an address sok can link pages to"),
        )
        .label(label)
        .help("write the address of your repository's editor with `{path}` for the file, e.g. `edit_url = \"https://git.example.com/hb/edit/main/{path}\"`"),
    );
    false
}

/// The closest known zone name, or how zone names are written.
fn zone_help(wanted: &str) -> String {
    let names: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
    crate::diagnostics::did_you_mean(wanted, names.iter().map(String::as_str))
        .unwrap_or_else(|| "write an IANA name such as `\"Europe/Warsaw\"` or `\"UTC\"`".into())
}

fn events(cx: &mut Ctx<'_>, root: &Table<'_, '_>) -> EventSettings {
    let Some(t) = root.table(cx, "events", "`[events]`") else {
        return EventSettings::default();
    };
    t.check_keys(cx, &fields::keys(fields::EVENTS));
    let mut columns = BTreeMap::new();
    if let Some(map) = t.table(cx, "columns", "`[events.columns]`") {
        map.check_keys(cx, &fields::keys(fields::EVENT_COLUMNS));
        for (key, _) in map.entries.iter() {
            let name: &str = key.get_ref();
            if fields::find(fields::EVENT_COLUMNS, name).is_none() {
                continue;
            }
            if let Some(header) = map.string(cx, name, "\"Created at\"") {
                columns.insert(name.to_string(), header);
            }
        }
    }
    EventSettings {
        columns,
        abandoned: t.choice(cx, "abandoned", AbandonedPolicy::KEYWORDS),
        short_abandon: t.duration(cx, "short_abandon"),
    }
}

/// `[export]`: four tables from touchpoint ids to the tools' ids. Whether each key names a
/// touchpoint is checked by validate, once the touchpoints are known.
fn export(cx: &mut Ctx<'_>, root: &Table<'_, '_>) -> ExportSettings {
    let Some(t) = root.table(cx, "export", "`[export]`") else {
        return ExportSettings::default();
    };
    t.check_keys(cx, &fields::keys(fields::EXPORT));
    let mut read = |key: &str, what: &'static str, numeric: bool| {
        let mut out = Vec::new();
        let Some(map) = t.table(cx, key, what) else {
            return out;
        };
        for (entry, _) in map.entries.iter() {
            let name: &str = entry.get_ref();
            let Some(value) = map.string(cx, name, "\"360001234567\"") else {
                continue;
            };
            if numeric
                && (value.value.is_empty() || !value.value.bytes().all(|b| b.is_ascii_digit()))
            {
                cx.push(
                    Diagnostic::error(
                        &codes::VALUE_NUMBER,
                        value.span,
                        format!("`{}` is not a group id", value.value),
                    )
                    .label("not a number")
                    .help(format!(
                        "write the group's numeric id from the tool, like `{name} = \"360001234567\"`"
                    )),
                );
                continue;
            }
            out.push(TouchpointTarget {
                touchpoint: Sp::new(name.to_string(), cx.span(entry.span())),
                value,
            });
        }
        out
    };
    ExportSettings {
        zendesk_group: read("zendesk_group", "`[export.zendesk_group]`", true),
        freshdesk_group: read("freshdesk_group", "`[export.freshdesk_group]`", true),
        genesys_queue: read("genesys_queue", "`[export.genesys_queue]`", false),
        servicenow_group: read("servicenow_group", "`[export.servicenow_group]`", false),
    }
}

fn version(cx: &mut Ctx<'_>, h: &Table<'_, '_>) -> Option<Sp<Version>> {
    if !h.has("version") {
        h.missing(cx, "version", "\"1.0.0\"");
    }
    let text = h.string(cx, "version", "\"1.0.0\"")?;
    match Version::parse(&text.value) {
        Some(v) => Some(Sp::new(v, text.span)),
        None => {
            cx.push(
                Diagnostic::error(
                    &codes::VALUE_VERSION,
                    text.span,
                    format!("`{}` is not a semantic version", text.value),
                )
                .label("expected MAJOR.MINOR.PATCH")
                .help("write three numbers, like `version = \"2.1.0\"`"),
            );
            None
        }
    }
}

fn journey(cx: &mut Ctx<'_>, root: &Table<'_, '_>) -> (Vec<Sp<String>>, BTreeMap<String, Text>) {
    let default = || {
        DEFAULT_STAGES
            .iter()
            .map(|s| Sp::new(s.to_string(), root.header))
            .collect::<Vec<_>>()
    };
    let Some(j) = root.table(cx, "journey", "`[journey]`") else {
        return (default(), BTreeMap::new());
    };
    j.check_keys(cx, &fields::keys(fields::JOURNEY_SETTINGS));
    let mut stages: Vec<Sp<String>> = Vec::new();
    if j.has("stages") {
        for stage in j.strings(cx, "stages", "[\"awareness\", \"decision\"]") {
            if !crate::values::is_valid_id(&stage.value) {
                cx.push(
                    Diagnostic::error(&codes::VALUE_ID, stage.span, format!("`{}` is not a valid stage name", stage.value))
                        .label("not lowercase kebab-case")
                        .help("stage names are ids, like `post-purchase`; set display names in `stage_names`"),
                );
            } else if let Some(first) = stages.iter().find(|s| s.value == stage.value) {
                cx.push(
                    Diagnostic::error(
                        &codes::ID_DUPLICATE,
                        stage.span,
                        format!("stage `{}` is listed twice", stage.value),
                    )
                    .label("second time")
                    .related(first.span, "first listed here")
                    .help("list each stage once"),
                );
            } else {
                stages.push(stage);
            }
        }
    } else {
        stages = default();
    }
    let mut names = BTreeMap::new();
    if let Some(table) = j.table(cx, "stage_names", "`stage_names`") {
        for (key, _) in table.entries.iter() {
            let name: &str = key.get_ref();
            let Some(text) = table.text(cx, name) else {
                continue;
            };
            if stages.iter().any(|s| s.value == name) {
                names.insert(name.to_string(), text);
            } else {
                cx.push(
                    Diagnostic::error(
                        &codes::JOURNEY_UNKNOWN_STAGE,
                        cx.span(key.span()),
                        format!("`{name}` is not in the stage list"),
                    )
                    .label("unknown stage")
                    .maybe_help(crate::diagnostics::did_you_mean(
                        name,
                        stages.iter().map(|s| s.value.as_str()),
                    )),
                );
            }
        }
    }
    (stages, names)
}

fn lint(cx: &mut Ctx<'_>, root: &Table<'_, '_>) -> LintSettings {
    let Some(t) = root.table(cx, "lint", "`[lint]`") else {
        return LintSettings::default();
    };
    let mut settings = LintSettings {
        extra_vague_phrases: t.texts(cx, "extra_vague_phrases"),
        ..LintSettings::default()
    };
    if let Some(max) = t.integer(cx, "max_sentence_words") {
        if max.value < 1 || max.value > 1000 {
            cx.push(
                Diagnostic::error(
                    &codes::VALUE_NUMBER,
                    max.span,
                    "`max_sentence_words` must be between 1 and 1000",
                )
                .label("out of range")
                .help("the default is 25"),
            );
        } else {
            settings.max_sentence_words = Some(Sp::new(max.value as u32, max.span));
        }
    }
    // Which keys name rules is lint's to say (`lint::config`); here each is read as a level.
    for (key, _) in t.entries.iter() {
        let name: &str = key.get_ref();
        if name == "max_sentence_words" || name == "extra_vague_phrases" {
            continue;
        }
        let key_span = cx.span(key.span());
        if let Some(level) = t.choice(cx, name, Level::KEYWORDS) {
            settings
                .levels
                .push((Sp::new(name.to_string(), key_span), level));
        }
    }
    settings
}
