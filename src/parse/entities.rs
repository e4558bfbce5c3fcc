//! Reading each kind of entity from its TOML table (FORMAT.md §5).
//!
//! A reader checks the table's keys, reads every field (reporting each problem), and builds
//! the entity only when all required fields were readable.

use super::fields::{Ctx, Table};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::fields;
use crate::model::*;
use crate::source::Span;
use crate::values::slugify;

/// What the file around a table supplies: a default id from the file name, and the body of
/// a `.md` file.
#[derive(Default)]
pub(crate) struct Origin {
    /// The file's stem, for entities under kind folders.
    pub stem: Option<String>,
    pub body: Option<Text>,
}

/// The id, tags and lint opt-outs every entity has. `derived` is the text an id is slugged
/// from when neither `id` nor a file name gives one (terms, principles).
pub(super) fn meta(
    cx: &mut Ctx<'_>,
    t: &Table<'_, '_>,
    origin: &Origin,
    anchor: Span,
    derived: Option<&Text>,
) -> Option<Meta> {
    let tags = t.texts(cx, "tags");
    let lint_allow = lint_allow(cx, t);
    let id = if t.has("id") {
        t.id(cx, "id")?
    } else if let Some(stem) = &origin.stem {
        if !crate::values::is_valid_id(stem) {
            let slug = slugify(stem);
            cx.push(
                Diagnostic::error(
                    &codes::VALUE_ID,
                    t.header,
                    format!("file name `{stem}` is not a valid id"),
                )
                .label("the id comes from the file name")
                .help(if slug.is_empty() {
                    "rename the file in lowercase kebab-case, or set `id = \"...\"`".to_string()
                } else {
                    format!("rename the file to `{slug}`, or set `id = \"{slug}\"`")
                }),
            );
            return None;
        }
        Sp::new(stem.clone(), t.header)
    } else if let Some(text) = derived {
        let slug = slugify(&text.value);
        if slug.is_empty() {
            cx.push(
                Diagnostic::error(
                    &codes::VALUE_ID,
                    text.span,
                    format!("no id can be made from `{}`", text.value),
                )
                .label("no letters or digits to make an id from")
                .help("set `id = \"...\"` explicitly"),
            );
            return None;
        }
        Sp::new(slug, text.span)
    } else {
        t.missing(cx, "id", "\"some-id\"");
        return None;
    };
    Some(Meta {
        id,
        file: cx.file,
        anchor,
        tags,
        lint_allow,
    })
}

fn lint_allow(cx: &mut Ctx<'_>, t: &Table<'_, '_>) -> Vec<Sp<String>> {
    let Some(lint) = t.table(cx, "lint", "`lint` table") else {
        return Vec::new();
    };
    lint.check_keys(cx, &fields::keys(fields::LINT_ALLOW));
    lint.strings(cx, "allow", "[\"long-sentence\"]")
}

/// The entity's main text: the `.md` body, or the kind's text key (FORMAT.md §7).
pub(super) fn main_text(
    cx: &mut Ctx<'_>,
    t: &Table<'_, '_>,
    key: &str,
    origin: &Origin,
) -> Option<Text> {
    let from_key = t.text(cx, key);
    let body = origin.body.clone().filter(|b| !b.value.trim().is_empty());
    match (body, from_key) {
        (Some(body), Some(text)) => {
            cx.push(
                Diagnostic::error(
                    &codes::SCHEMA_TEXT_TWICE,
                    text.span,
                    format!("`{key}` is given both here and as the Markdown body"),
                )
                .label("second copy of the text")
                .related(
                    Span::new(body.span.file, body.span.start, body.span.start),
                    "the body starts here",
                )
                .help(format!(
                    "keep the text in the body and remove `{key}`, or empty the body"
                )),
            );
            Some(body)
        }
        (Some(body), None) => Some(body),
        (None, text) => text,
    }
}

pub(crate) fn owner(cx: &mut Ctx<'_>, t: &Table<'_, '_>, origin: &Origin) -> Option<Owner> {
    t.check_keys(cx, &fields::keys(fields::OWNER));
    let name = t.req_text(cx, "name");
    let team = t.text(cx, "team");
    let person = t.text(cx, "person");
    let contact = t.text(cx, "contact");
    let reports_to = t.id(cx, "reports_to");
    let description = main_text(cx, t, "description", origin);
    let meta = meta(cx, t, origin, anchor(t, name.as_ref()), None);
    Some(Owner {
        meta: meta?,
        name: name.unwrap_or_else(|| placeholder_text(t)),
        team,
        person,
        contact,
        reports_to,
        description,
    })
}

pub(crate) fn touchpoint(
    cx: &mut Ctx<'_>,
    t: &Table<'_, '_>,
    origin: &Origin,
) -> Option<Touchpoint> {
    t.check_keys(cx, &fields::keys(fields::TOUCHPOINT));
    let name = t.req_text(cx, "name");
    let channel = t.req_choice(cx, "channel", Channel::KEYWORDS);
    let owner = t.req_id(cx, "owner");
    let hours = t.text(cx, "hours");
    let description = main_text(cx, t, "description", origin);
    let meta = meta(cx, t, origin, anchor(t, name.as_ref()), None);
    Some(Touchpoint {
        meta: meta?,
        name: name.unwrap_or_else(|| placeholder_text(t)),
        channel: channel.unwrap_or_else(|| Sp::new(Channel::Other, t.header)),
        owner: owner.unwrap_or_else(|| placeholder_ref(t)),
        hours,
        description,
    })
}

pub(crate) fn journey(cx: &mut Ctx<'_>, t: &Table<'_, '_>, origin: &Origin) -> Option<Journey> {
    t.check_keys(cx, &fields::keys(fields::JOURNEY));
    let name = t.req_text(cx, "name");
    let owner = t.id(cx, "owner");
    let description = main_text(cx, t, "description", origin);
    let stages = t
        .has("stages")
        .then(|| t.strings(cx, "stages", "[\"awareness\", \"decision\"]"));
    let steps: Vec<Step> = t
        .tables(cx, "step", "step")
        .into_iter()
        .map(|s| s.inside(t, fields::JOURNEY))
        .filter_map(|s| step(cx, &s))
        .collect();
    let meta = meta(cx, t, origin, anchor(t, name.as_ref()), None);
    Some(Journey {
        meta: meta?,
        name: name.unwrap_or_else(|| placeholder_text(t)),
        owner,
        description,
        stages,
        steps,
    })
}

fn step(cx: &mut Ctx<'_>, t: &Table<'_, '_>) -> Option<Step> {
    t.check_keys(cx, &fields::keys(fields::STEP));
    let id = t.req_id(cx, "id");
    let name = t.req_text(cx, "name");
    let stage = t.string(cx, "stage", "\"decision\"");
    if !t.has("stage") {
        t.missing(cx, "stage", "\"decision\"");
    }
    let owner = t.req_id(cx, "owner");
    let touchpoints = t.ids(cx, "touchpoints");
    let standards = t.ids(cx, "standards");
    let instruction = t.text(cx, "instruction");
    let _tags = t.texts(cx, "tags");
    let lint_allow = lint_allow(cx, t);
    Some(Step {
        anchor: anchor(t, name.as_ref()),
        id: id?,
        name: name.unwrap_or_else(|| placeholder_text(t)),
        stage: stage.unwrap_or_else(|| placeholder_ref(t)),
        owner: owner.unwrap_or_else(|| placeholder_ref(t)),
        touchpoints,
        standards,
        instruction,
        lint_allow,
    })
}

pub(crate) fn situation(cx: &mut Ctx<'_>, t: &Table<'_, '_>, origin: &Origin) -> Option<Situation> {
    t.check_keys(cx, &fields::keys(fields::SITUATION));
    let name = t.req_text(cx, "name");
    let trigger = t.text(cx, "trigger");
    let touchpoints = t.ids(cx, "touchpoints");
    let owner = t.req_id(cx, "owner");
    let severity = t.choice(cx, "severity", Severity::KEYWORDS);
    let respond_within = t.duration(cx, "respond_within");
    let say = t.texts(cx, "say");
    let never_say = t.texts(cx, "never_say");
    let mut escalation = Vec::new();
    for e in t.tables(cx, "escalation", "escalation step") {
        let e = e.inside(t, fields::SITUATION);
        e.check_keys(cx, &fields::keys(fields::ESCALATION));
        if !e.has("after") {
            e.missing(cx, "after", "\"1 h\"");
        }
        let after = e.duration(cx, "after");
        let to = e.req_id(cx, "to");
        if let (Some(after), Some(to)) = (after, to) {
            escalation.push(Escalation { after, to });
        }
    }
    let procedure = main_text(cx, t, "procedure", origin);
    let meta = meta(cx, t, origin, anchor(t, name.as_ref()), None);
    Some(Situation {
        meta: meta?,
        name: name.unwrap_or_else(|| placeholder_text(t)),
        trigger,
        touchpoints,
        owner: owner.unwrap_or_else(|| placeholder_ref(t)),
        severity,
        respond_within,
        say,
        never_say,
        escalation,
        procedure,
    })
}

pub(crate) fn term(cx: &mut Ctx<'_>, t: &Table<'_, '_>, origin: &Origin) -> Option<Term> {
    t.check_keys(cx, &fields::keys(fields::TERM));
    let term = t.req_text(cx, "term");
    let definition = t.req_text(cx, "definition");
    let aka = t.texts(cx, "aka");
    let ambiguous = t.bool(cx, "ambiguous").unwrap_or(false);
    let not = t.text(cx, "not");
    let meta = meta(cx, t, origin, anchor(t, term.as_ref()), term.as_ref());
    Some(Term {
        meta: meta?,
        term: term.unwrap_or_else(|| placeholder_text(t)),
        definition: definition.unwrap_or_else(|| placeholder_text(t)),
        aka,
        ambiguous,
        not,
    })
}

pub(crate) fn principle(cx: &mut Ctx<'_>, t: &Table<'_, '_>, origin: &Origin) -> Option<Principle> {
    t.check_keys(cx, &fields::keys(fields::PRINCIPLE));
    let title = t.req_text(cx, "title");
    let text = main_text(cx, t, "text", origin);
    let meta = meta(cx, t, origin, anchor(t, title.as_ref()), title.as_ref());
    Some(Principle {
        meta: meta?,
        title: title.unwrap_or_else(|| placeholder_text(t)),
        text,
    })
}

pub(crate) fn chapter(
    cx: &mut Ctx<'_>,
    t: &Table<'_, '_>,
    origin: &Origin,
    path: &str,
) -> Option<Chapter> {
    t.check_keys(cx, &fields::keys(fields::CHAPTER));
    let title = t.req_text(cx, "title");
    let order = t.integer(cx, "order");
    let meta = meta(cx, t, origin, anchor(t, title.as_ref()), None);
    let body = origin
        .body
        .clone()
        .unwrap_or_else(|| Text::whole(String::new(), t.header));
    Some(Chapter {
        meta: meta?,
        title: title.unwrap_or_else(|| placeholder_text(t)),
        order,
        body,
        path: path.to_string(),
    })
}

/// Stands in for a required text that was missing or unreadable. The error is reported
/// already; keeping the entity avoids a cascade of "unknown id" errors for its references.
pub(super) fn placeholder_text(t: &Table<'_, '_>) -> Text {
    Text::whole(String::new(), t.header)
}

/// Stands in for a required reference; resolve skips empty references.
pub(super) fn placeholder_ref(t: &Table<'_, '_>) -> Ref {
    Sp::new(String::new(), t.header)
}

/// Where to point for the entity as a whole: its name or title, else its header.
pub(super) fn anchor(t: &Table<'_, '_>, title: Option<&Text>) -> Span {
    title.map_or(t.header, |text| text.span)
}
