//! The client-side search index: `search-index.js` assigns `window.SOK_SEARCH_INDEX`, one
//! entry per entity (and per journey stage) with its title, id, kind, url, measure sentence,
//! tags and a short excerpt, and the terms of its title and of its whole text as numbers into
//! one shared dictionary (`window.SOK_SEARCH_TERMS`, the most frequent first), so that every
//! word is searchable and the file stays small. How words become terms and how a query
//! matches them is `search_words.rs`, shared with search.js.

use std::collections::HashMap;

use serde::Serialize;

use super::search_words::Terms;

use crate::i18n::measure::{self, MeasureValue};
use crate::model::{Kind, Meta, Text};
use crate::render::address::target::Target;
use crate::render::view::context::{Ctx, plain};
use crate::render::view::document::ExtraChapter;

/// The longest excerpt, in characters.
pub(crate) const EXCERPT_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub title: String,
    pub id: String,
    pub kind: &'static str,
    pub url: String,
    pub measure: String,
    pub excerpt: String,
    pub tags: Vec<String>,
    /// The plain text of everything the entry says beyond its title, for its terms.
    pub body: String,
}

/// An entry as search.js reads it: `[title, id, kind, url, measure, excerpt, tags, title
/// terms, other terms (text, measure sentence, tags)]`, an array rather than an object so that 10,000 entries do not repeat
/// nine key names each.
#[derive(Serialize)]
struct Row<'a>(
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a [String],
    String,
    String,
);

/// The digits of [`encode_numbers`]: the last digit of a number from `LAST`, the others
/// from `MORE`; ASCII that JSON writes as it is.
const LAST: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&(";

/// Ascending term numbers as one string of gaps, each gap in base 32: at 10,000 standards
/// the numbers were half of the index as JSON arrays, the gaps take about a third of that
/// space. search.js's `decodeTerms` reads them back.
pub(crate) fn encode_numbers(numbers: &[u32]) -> String {
    let mut out = String::new();
    let mut previous = 0;
    for &n in numbers {
        let mut gap = n - previous;
        previous = n;
        let mut digits = vec![LAST[(gap % 32) as usize]];
        gap /= 32;
        while gap > 0 {
            digits.push(MORE[(gap % 32) as usize]);
            gap /= 32;
        }
        out.extend(digits.iter().rev().map(|&d| d as char));
    }
    out
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

/// The plain text of `texts`, one after another.
fn body<'t>(texts: impl IntoIterator<Item = Option<&'t Text>>) -> String {
    let parts: Vec<String> = texts
        .into_iter()
        .flatten()
        .map(|t| plain(&t.value))
        .collect();
    parts.join(" ")
}

fn tags(tags: &[Text]) -> Vec<String> {
    tags.iter().map(|t| plain(&t.value)).collect()
}

/// Every entry, in handbook order. `ctx` must be a page context at the site root.
pub(crate) fn entries(ctx: &Ctx<'_>, extras: &[ExtraChapter]) -> Vec<Entry> {
    let hb = ctx.hb;
    let mut out = Vec::new();
    let entry = |kind: Kind, meta: &Meta, title: String, excerpt: String, body: String| {
        let id = &meta.id.value;
        Entry {
            title,
            id: id.clone(),
            kind: kind.name(),
            url: ctx.linker.href(&Target::Entity(kind, id.clone())),
            measure: String::new(),
            excerpt,
            tags: tags(&meta.tags),
            body,
        }
    };
    for e in &hb.terms {
        let mut title = plain(&e.term.value);
        if !e.aka.is_empty() {
            let aka: Vec<String> = e.aka.iter().map(|a| plain(&a.value)).collect();
            title = format!("{title} ({})", aka.join(", "));
        }
        let text = body([Some(&e.definition), e.not.as_ref()]);
        out.push(entry(
            Kind::Term,
            &e.meta,
            title,
            excerpt(&e.definition.value),
            text,
        ));
    }
    for e in &hb.principles {
        out.push(entry(
            Kind::Principle,
            &e.meta,
            plain(&e.title.value),
            text_excerpt(e.text.as_ref()),
            body([e.text.as_ref()]),
        ));
    }
    for e in &hb.chapters {
        out.push(entry(
            Kind::Chapter,
            &e.meta,
            plain(&e.title.value),
            excerpt(&e.body.value),
            body([Some(&e.body)]),
        ));
    }
    for e in &hb.journeys {
        let id = &e.meta.id.value;
        let name = plain(&e.name.value);
        out.push(entry(
            Kind::Journey,
            &e.meta,
            name.clone(),
            text_excerpt(e.description.as_ref()),
            body([e.description.as_ref()]),
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
            let text = format!("{name}: {}", steps.join(" · "));
            out.push(Entry {
                title: stage_name,
                id: format!("{id}/{stage}"),
                kind: "stage",
                url: entry_url,
                measure: String::new(),
                excerpt: excerpt(&text),
                tags: Vec::new(),
                body: text,
            });
        }
        for step in &e.steps {
            out.push(Entry {
                title: plain(&step.name.value),
                id: format!("{id}/{}", step.id.value),
                kind: "step",
                url: ctx
                    .linker
                    .href(&Target::Step(id.clone(), step.id.value.clone())),
                measure: String::new(),
                excerpt: text_excerpt(step.instruction.as_ref()),
                tags: Vec::new(),
                body: body([step.instruction.as_ref()]),
            });
        }
    }
    for e in &hb.touchpoints {
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
            &e.meta,
            plain(&e.name.value),
            excerpt(&text),
            plain(&text),
        ));
    }
    for e in &hb.situations {
        let text = e.trigger.as_ref().or(e.procedure.as_ref());
        let phrases = e.say.iter().chain(&e.never_say).map(Some);
        let all = [e.trigger.as_ref(), e.procedure.as_ref()]
            .into_iter()
            .chain(phrases);
        out.push(entry(
            Kind::Situation,
            &e.meta,
            plain(&e.name.value),
            text_excerpt(text),
            body(all),
        ));
    }
    for e in &hb.standards {
        let id = &e.meta.id.value;
        let phrases = e.say.iter().chain(&e.never_say).map(Some);
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
            tags: tags(&e.meta.tags),
            body: body([e.text.as_ref()].into_iter().chain(phrases)),
        });
    }
    for e in &hb.owners {
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
            &e.meta,
            plain(&e.name.value),
            excerpt(&text),
            plain(&text),
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
            tags: Vec::new(),
            body: plain(&extra.markdown),
        });
    }
    out
}

/// The JavaScript file: the index and the kind labels as globals.
/// The search index as a script; the entries' texts are used up.
pub(crate) fn script(entries: &mut [Entry], ctx: &Ctx<'_>) -> String {
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
    let terms = Terms::new(ctx.cat.language);
    let (dictionary, rows) = index(entries, &terms);
    let index = serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into());
    let dictionary = serde_json::to_string(&dictionary).unwrap_or_else(|_| "[]".into());
    let kinds = serde_json::to_string(&kinds).unwrap_or_else(|_| "{}".into());
    format!(
        "// Generated by sok build: the search index of this handbook.\n\
         window.SOK_SEARCH_KINDS = {kinds};\n\
         window.SOK_SEARCH_STEMMED = {};\n\
         window.SOK_SEARCH_TERMS = {dictionary};\n\
         window.SOK_SEARCH_INDEX = {index};\n",
        terms.stemmed()
    )
}

/// Entries whose terms are found in parallel before they are numbered: only one batch's
/// terms are held as text at a time.
const TERM_BATCH: usize = 1024;

/// The dictionary of terms, the most frequent first (so the most common numbers are the
/// shortest), and each entry as a row that points into it. Each entry's text is let go once
/// its terms are found: at 100,000 standards the texts and their terms as strings were most
/// of the build's peak memory.
fn index<'e>(entries: &'e mut [Entry], terms: &Terms) -> (Vec<String>, Vec<Row<'e>>) {
    use rayon::prelude::*;
    // Each distinct term gets a number in the order it is first met; `count` is how many
    // entries have it. They are renumbered by frequency at the end.
    let mut first_met: HashMap<String, u32> = HashMap::new();
    let mut met: Vec<(u32, String)> = Vec::new();
    let mut per_entry: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(entries.len());
    for batch in entries.chunks_mut(TERM_BATCH) {
        let found: Vec<(Vec<String>, Vec<String>)> = batch
            .par_iter_mut()
            .map(|entry| {
                let mut title = Vec::new();
                let mut push_title = |t: String| {
                    if !title.contains(&t) {
                        title.push(t);
                    }
                };
                terms.of(&entry.title, &mut push_title);
                // Tags rank below the title: search.js matches them as written first, their
                // terms (other forms of a tag's words) with the text.
                let mut body = std::collections::BTreeSet::new();
                for tag in &entry.tags {
                    terms.of(tag, |t| {
                        body.insert(t);
                    });
                }
                terms.of(&std::mem::take(&mut entry.body), |t| {
                    body.insert(t);
                });
                terms.of(&entry.measure, |t| {
                    body.insert(t);
                });
                let body = body.into_iter().filter(|t| !title.contains(t)).collect();
                (title, body)
            })
            .collect();
        for (title, body) in found {
            let mut number = |term: String| match first_met.get(&term) {
                Some(&n) => {
                    met[n as usize].0 += 1;
                    n
                }
                None => {
                    let n = met.len() as u32;
                    first_met.insert(term.clone(), n);
                    met.push((1, term));
                    n
                }
            };
            let title: Vec<u32> = title.into_iter().map(&mut number).collect();
            let body: Vec<u32> = body.into_iter().map(&mut number).collect();
            per_entry.push((title, body));
        }
    }
    drop(first_met);
    let mut order: Vec<u32> = (0..met.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (&met[a as usize], &met[b as usize]);
        b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1))
    });
    let mut rank = vec![0u32; met.len()];
    for (position, &n) in order.iter().enumerate() {
        rank[n as usize] = position as u32;
    }
    let numbers = |terms: &[u32]| {
        let mut out: Vec<u32> = terms.iter().map(|&t| rank[t as usize]).collect();
        out.sort_unstable();
        out.dedup();
        encode_numbers(&out)
    };
    let rows = entries
        .iter()
        .zip(&per_entry)
        .map(|(e, (title, body))| {
            Row(
                &e.title,
                &e.id,
                e.kind,
                &e.url,
                &e.measure,
                &e.excerpt,
                &e.tags,
                numbers(title),
                numbers(body),
            )
        })
        .collect();
    let dictionary = order
        .iter()
        .map(|&n| std::mem::take(&mut met[n as usize].1))
        .collect();
    (dictionary, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What search.js's `decodeTerms` does.
    fn decode(text: &str) -> Vec<u32> {
        let (mut out, mut value, mut last) = (Vec::new(), 0, 0);
        for b in text.bytes() {
            if let Some(d) = LAST.iter().position(|&c| c == b) {
                last += value * 32 + d as u32;
                out.push(last);
                value = 0;
            } else if let Some(d) = MORE.iter().position(|&c| c == b) {
                value = value * 32 + d as u32;
            }
        }
        out
    }

    #[test]
    fn term_numbers_come_back_from_their_gaps() {
        for numbers in [
            vec![],
            vec![0],
            vec![0, 1, 2, 31, 32, 33, 1023, 1024, 1025, 40_000, 1_000_000],
            vec![7, 700, 70_000],
        ] {
            let text = encode_numbers(&numbers);
            assert!(!text.contains(['"', '\\']), "{text}");
            assert_eq!(decode(&text), numbers, "{text}");
        }
        assert_eq!(encode_numbers(&[0, 1, 33]), "01B0");
    }

    #[test]
    fn excerpts_are_short_and_plain() {
        let long = "Słowo ".repeat(100);
        let e = excerpt(&long);
        assert!(e.chars().count() <= EXCERPT_CHARS, "{e}");
        assert!(e.ends_with('…'));
        assert_eq!(excerpt("**Ważne**: <b>tak</b>."), "Ważne: tak.");
    }
}
