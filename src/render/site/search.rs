//! The client-side search index: `search-index.js` assigns `window.SOK_SEARCH_INDEX`, one
//! entry per entity (and per journey stage) with its title, id, kind, url, measure sentence
//! and a short excerpt — never the whole text, so the file stays small. search.js normalizes
//! both the query and the entries (case, diacritics), so "swiadomosc" finds "Świadomość".

use serde::Serialize;

use crate::i18n::measure::{self, MeasureValue};
use crate::model::{Kind, Text};
use crate::render::address::target::Target;
use crate::render::view::context::{Ctx, plain};
use crate::render::view::document::ExtraChapter;

/// The longest excerpt, in characters.
pub(crate) const EXCERPT_CHARS: usize = 160;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Entry {
    pub title: String,
    pub id: String,
    pub kind: &'static str,
    pub url: String,
    pub measure: String,
    pub excerpt: String,
}

/// At most [`EXCERPT_CHARS`] characters of plain text, cut at a word, with `…`.
pub(crate) fn excerpt(text: &str) -> String {
    let text = plain(text);
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT_CHARS - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at > EXCERPT_CHARS / 2 => cut[..at].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

fn text_excerpt(text: Option<&Text>) -> String {
    text.map(|t| excerpt(&t.value)).unwrap_or_default()
}

/// Every entry, in handbook order. `ctx` must be a page context at the site root.
pub(crate) fn entries(ctx: &Ctx<'_>, extras: &[ExtraChapter]) -> Vec<Entry> {
    let hb = ctx.hb;
    let mut out = Vec::new();
    let entry = |kind: Kind, target: Target, id: &str, title: String, excerpt: String| Entry {
        title,
        id: id.to_string(),
        kind: kind.name(),
        url: ctx.linker.href(&target),
        measure: String::new(),
        excerpt,
    };
    for e in &hb.terms {
        let mut title = plain(&e.term.value);
        if !e.aka.is_empty() {
            let aka: Vec<String> = e.aka.iter().map(|a| plain(&a.value)).collect();
            title = format!("{title} ({})", aka.join(", "));
        }
        let id = &e.meta.id.value;
        out.push(entry(
            Kind::Term,
            Target::Entity(Kind::Term, id.clone()),
            id,
            title,
            excerpt(&e.definition.value),
        ));
    }
    for e in &hb.principles {
        let id = &e.meta.id.value;
        out.push(entry(
            Kind::Principle,
            Target::Entity(Kind::Principle, id.clone()),
            id,
            plain(&e.title.value),
            text_excerpt(e.text.as_ref()),
        ));
    }
    for e in &hb.chapters {
        let id = &e.meta.id.value;
        out.push(entry(
            Kind::Chapter,
            Target::Entity(Kind::Chapter, id.clone()),
            id,
            plain(&e.title.value),
            excerpt(&e.body.value),
        ));
    }
    for e in &hb.journeys {
        let id = &e.meta.id.value;
        let name = plain(&e.name.value);
        out.push(entry(
            Kind::Journey,
            Target::Entity(Kind::Journey, id.clone()),
            id,
            name.clone(),
            text_excerpt(e.description.as_ref()),
        ));
        for stage in hb.stages_of(e) {
            let steps: Vec<String> = e
                .steps
                .iter()
                .filter(|s| s.stage.value == stage)
                .map(|s| plain(&s.name.value))
                .collect();
            if steps.is_empty() {
                continue;
            }
            let stage_name = plain(&ctx.stage_name(stage));
            let mut entry_url = ctx.linker.href(&Target::Entity(Kind::Journey, id.clone()));
            entry_url.push_str(&format!("#stage-{stage}"));
            out.push(Entry {
                title: stage_name,
                id: format!("{id}/{stage}"),
                kind: "stage",
                url: entry_url,
                measure: String::new(),
                excerpt: excerpt(&format!("{name}: {}", steps.join(" · "))),
            });
        }
        for step in &e.steps {
            let step_id = format!("{id}/{}", step.id.value);
            out.push(Entry {
                title: plain(&step.name.value),
                id: step_id,
                kind: "step",
                url: ctx
                    .linker
                    .href(&Target::Step(id.clone(), step.id.value.clone())),
                measure: String::new(),
                excerpt: text_excerpt(step.instruction.as_ref()),
            });
        }
    }
    for e in &hb.touchpoints {
        let id = &e.meta.id.value;
        let mut text = e
            .hours
            .as_ref()
            .map(|h| format!("{}. ", plain(&h.value)))
            .unwrap_or_default();
        text.push_str(
            &e.description
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_default(),
        );
        out.push(entry(
            Kind::Touchpoint,
            Target::Entity(Kind::Touchpoint, id.clone()),
            id,
            plain(&e.name.value),
            excerpt(&text),
        ));
    }
    for e in &hb.situations {
        let id = &e.meta.id.value;
        let text = e.trigger.as_ref().or(e.procedure.as_ref());
        out.push(entry(
            Kind::Situation,
            Target::Entity(Kind::Situation, id.clone()),
            id,
            plain(&e.name.value),
            text_excerpt(text),
        ));
    }
    for e in &hb.standards {
        let id = &e.meta.id.value;
        out.push(Entry {
            title: plain(&e.title.value),
            id: id.clone(),
            kind: Kind::Standard.name(),
            url: ctx.linker.href(&Target::Entity(Kind::Standard, id.clone())),
            measure: e
                .measure
                .as_ref()
                .map(|m| measure::sentence(&MeasureValue::of(m), ctx.cat))
                .unwrap_or_default(),
            excerpt: text_excerpt(e.text.as_ref()),
        });
    }
    for e in &hb.owners {
        let id = &e.meta.id.value;
        let mut text = [e.team.as_ref(), e.person.as_ref()]
            .into_iter()
            .flatten()
            .map(|t| plain(&t.value))
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(d) = &e.description {
            text = format!("{text}. {}", d.value);
        }
        out.push(entry(
            Kind::Owner,
            Target::Entity(Kind::Owner, id.clone()),
            id,
            plain(&e.name.value),
            excerpt(&text),
        ));
    }
    for extra in extras {
        out.push(Entry {
            title: plain(&extra.title),
            id: extra.id.clone(),
            kind: Kind::Chapter.name(),
            url: ctx.linker.href(&Target::Extra(extra.id.clone())),
            measure: String::new(),
            excerpt: excerpt(&extra.markdown),
        });
    }
    out
}

/// The JavaScript file: the index and the kind labels as globals.
pub(crate) fn script(entries: &[Entry], ctx: &Ctx<'_>) -> String {
    let kinds: serde_json::Map<String, serde_json::Value> = [
        "term",
        "principle",
        "owner",
        "touchpoint",
        "journey",
        "step",
        "stage",
        "situation",
        "standard",
        "chapter",
    ]
    .iter()
    .map(|k| (k.to_string(), ctx.cat.get(&format!("kind.{k}")).into()))
    .collect();
    let index = serde_json::to_string(entries).unwrap_or_else(|_| "[]".into());
    let kinds = serde_json::to_string(&kinds).unwrap_or_else(|_| "{}".into());
    format!(
        "// Generated by sok build: the search index of this handbook.\n\
         window.SOK_SEARCH_KINDS = {kinds};\n\
         window.SOK_SEARCH_INDEX = {index};\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_plain() {
        let long = "Słowo ".repeat(100);
        let e = excerpt(&long);
        assert!(e.chars().count() <= EXCERPT_CHARS, "{e}");
        assert!(e.ends_with('…'));
        assert_eq!(excerpt("**Ważne**: <b>tak</b>."), "Ważne: tak.");
    }
}
