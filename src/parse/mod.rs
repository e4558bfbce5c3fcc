//! Parse: one source file into typed entities, with absolute spans.
//!
//! A file is parsed on its own (so files can be parsed in parallel): front matter is split off,
//! the TOML is parsed into a spanned tree, and each table is read by the kind's reader. Spans
//! inside front matter are shifted by the front matter's offset so that every line and column
//! is relative to the file, never to the block.

mod entities;
mod fields;
mod keys;
mod locate;
mod measure;
mod settings;
mod standard;
mod syntax;

use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, Diagnostics, codes};
pub(crate) use crate::layout::Role;
use crate::model::{Handbook, Kind, Settings, Text};
use crate::source::{FileId, Span};
use entities::Origin;
use fields::{Ctx, Table, tables_of};

/// The result of parsing one file.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub entities: Handbook,
    pub settings: Option<Settings>,
    pub diagnostics: Diagnostics,
}

pub(crate) fn parse_file(file: FileId, path: &str, text: &str, role: Role) -> Parsed {
    let mut parsed = parse_role(file, path, text, role);
    if let Role::EntityMarkdown(kind) | Role::EntityToml(kind) = role {
        if parsed.entities.count(kind) == 0 {
            parsed.entities.unloaded.push((kind, stem(path)));
        }
    }
    parsed
}

fn parse_role(file: FileId, path: &str, text: &str, role: Role) -> Parsed {
    let mut parsed = Parsed::default();
    match role {
        Role::EntityMarkdown(kind) => match split_front_matter(text) {
            Ok(parts) => {
                let body = Text::exact(
                    text[parts.body.clone()].to_string(),
                    Span::new(file, parts.body.start, parts.body.end),
                );
                let origin = Origin {
                    stem: Some(stem(path)),
                    body: Some(body),
                };
                let toml = &text[parts.toml.clone()];
                let header = Span::new(file, 0, parts.opening_len);
                with_table(
                    file,
                    parts.toml.start,
                    toml,
                    header,
                    kind.name(),
                    &mut parsed,
                    |cx, table, out| {
                        read_into(cx, kind, &table, &origin, path, &mut out.entities);
                    },
                );
            }
            Err(diagnostic) => parsed.diagnostics.push(diagnostic(file)),
        },
        Role::EntityToml(kind) => {
            let origin = Origin {
                stem: Some(stem(path)),
                body: None,
            };
            with_table(
                file,
                0,
                text,
                Span::file_start(file),
                kind.name(),
                &mut parsed,
                |cx, table, out| {
                    read_into(cx, kind, &table, &origin, path, &mut out.entities);
                },
            );
        }
        Role::Collection => {
            with_table(
                file,
                0,
                text,
                Span::file_start(file),
                "collection file",
                &mut parsed,
                |cx, table, out| {
                    collection(cx, &table, path, &mut out.entities);
                },
            );
        }
        Role::Settings => {
            with_table(
                file,
                0,
                text,
                Span::file_start(file),
                "`sok.toml`",
                &mut parsed,
                |cx, table, out| {
                    out.settings = settings::settings(cx, &table);
                },
            );
        }
    }
    parsed
}

/// Parses `toml` (found at `offset` in the file) and hands its top-level table to `read`.
fn with_table(
    file: FileId,
    offset: usize,
    toml: &str,
    header: Span,
    what: &'static str,
    parsed: &mut Parsed,
    read: impl FnOnce(&mut Ctx<'_>, Table<'_, '_>, &mut Parsed),
) {
    let mut cx = Ctx {
        file,
        offset,
        toml,
        diags: Diagnostics::default(),
        missing: Vec::new(),
        meant: Vec::new(),
    };
    match DeTable::parse(toml) {
        Ok(doc) => {
            let table = Table {
                entries: doc.get_ref(),
                header,
                what,
                parent: None,
            };
            read(&mut cx, table, parsed);
        }
        Err(error) => {
            let range = error.span().unwrap_or(0..0);
            let d = match syntax::explain(toml, &range) {
                Some(e) => Diagnostic::error(&codes::PARSE_TOML, cx.span(e.range), e.message)
                    .label(e.label)
                    .help(e.help),
                None => {
                    let message = error.message().trim().trim_end_matches('.').to_string();
                    let first_line = message.lines().next().unwrap_or("invalid TOML").to_string();
                    Diagnostic::error(
                        &codes::PARSE_TOML,
                        cx.span(range),
                        format!("invalid TOML: {first_line}"),
                    )
                    .label(first_line)
                    .help("fix the TOML syntax here; text values need quotes, lists need brackets")
                }
            };
            cx.push(d);
        }
    }
    parsed.diagnostics.extend(cx.finish());
}

/// `[[owner]]`, `[[standard]]`... in a root `.toml` file.
/// `[[owner]]`, `[[standard]]`... in a root `.toml` file. A near miss such as `[[owners]]`
/// or a single `[owner]` table is reported and still read as that kind, so that references
/// to its entities do not each fail as well.
fn collection(cx: &mut Ctx<'_>, root: &Table<'_, '_>, path: &str, out: &mut Handbook) {
    let kinds: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| **k != Kind::Chapter)
        .map(|k| k.name())
        .collect();
    for (key, value) in root.entries.iter() {
        let name: &str = key.get_ref();
        let key_span = cx.span(key.span());
        let kind = match Kind::from_name(name).filter(|k| *k != Kind::Chapter) {
            Some(kind) => kind,
            None if name == "chapter" => {
                cx.push(
                    Diagnostic::error(
                        &codes::SCHEMA_UNKNOWN_KIND,
                        key_span,
                        "chapters cannot be listed in a `.toml` file",
                    )
                    .label("not a kind for collections")
                    .help("chapters are Markdown files under `chapters/`"),
                );
                continue;
            }
            None => {
                let guess = crate::diagnostics::closest(
                    &name.to_lowercase().trim_end_matches('s').replace('-', "_"),
                    kinds.iter().copied(),
                )
                .and_then(Kind::from_name);
                let help = match guess {
                    Some(kind) => format!(
                        "did you mean `[[{}]]`? A `.toml` file outside the kind folders holds `[[kind]]` arrays",
                        kind.name()
                    ),
                    None => format!(
                        "a `.toml` file outside the kind folders holds arrays of: {}",
                        kinds.join(", ")
                    ),
                };
                cx.push(
                    Diagnostic::error(
                        &codes::SCHEMA_UNKNOWN_KIND,
                        key_span,
                        format!("`{name}` names no kind of entity"),
                    )
                    .label("not a kind")
                    .help(help),
                );
                match guess {
                    Some(kind) => kind,
                    None => continue,
                }
            }
        };
        if let DeValue::Table(entries) = value.get_ref() {
            cx.push(
                Diagnostic::error(
                    &codes::SCHEMA_WRONG_TYPE,
                    key_span,
                    format!("`{name}` must be an array of tables"),
                )
                .label("a single table")
                .help(format!(
                    "write `[[{name}]]` with double brackets, once per {}",
                    kind.name()
                )),
            );
            let table = Table {
                entries,
                header: key_span,
                what: kind.name(),
                parent: None,
            };
            read_into(cx, kind, &table, &Origin::default(), path, out);
            continue;
        }
        for table in tables_of(cx, name, value, kind.name()) {
            read_into(cx, kind, &table, &Origin::default(), path, out);
        }
    }
}

/// A file name without its folder and extension: the default id of its entity.
pub(crate) fn stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, _)) => stem.to_string(),
        None => name.to_string(),
    }
}

struct FrontMatter {
    opening_len: usize,
    toml: std::ops::Range<usize>,
    body: std::ops::Range<usize>,
}

/// Splits `+++` front matter from the body; the error builds the diagnostic for a file.
fn split_front_matter(text: &str) -> Result<FrontMatter, Box<dyn Fn(FileId) -> Diagnostic>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let is_fence = |line: &str| line.trim_end_matches(['\n', '\r']).trim_end() == "+++";
    if !is_fence(first) {
        let len = first.trim_end_matches(['\n', '\r']).len();
        let yaml = first.trim_end() == "---";
        return Err(Box::new(move |file| {
            let d = Diagnostic::error(
                &codes::PARSE_FRONT_MATTER,
                Span::new(file, 0, len),
                "Markdown file does not start with `+++` front matter",
            )
            .label("expected a line with `+++`");
            if yaml {
                d.help("sok reads TOML front matter between `+++` lines, not YAML between `---`: change both fences to `+++` and write the fields as TOML (`title = \"...\"`)")
            } else {
                d.help("start the file with `+++`, the TOML fields, and another `+++` line before the body")
            }
        }));
    }
    let toml_start = first.len();
    let mut offset = toml_start;
    for line in lines {
        if is_fence(line) {
            return Ok(FrontMatter {
                opening_len: first.trim_end().len(),
                toml: toml_start..offset,
                body: offset + line.len()..text.len(),
            });
        }
        offset += line.len();
    }
    let len = first.trim_end().len();
    Err(Box::new(move |file| {
        Diagnostic::error(
            &codes::PARSE_FRONT_MATTER,
            Span::new(file, 0, len),
            "front matter is never closed",
        )
        .label("opened here")
        .help("add a line with `+++` after the front matter fields")
    }))
}

/// Reads one entity of `kind` from `t`, pushing it into the handbook.
fn read_into(
    cx: &mut Ctx<'_>,
    kind: Kind,
    t: &Table<'_, '_>,
    origin: &Origin,
    path: &str,
    out: &mut Handbook,
) {
    match kind {
        Kind::Owner => out.owners.extend(entities::owner(cx, t, origin)),
        Kind::Touchpoint => out.touchpoints.extend(entities::touchpoint(cx, t, origin)),
        Kind::Journey => out.journeys.extend(entities::journey(cx, t, origin)),
        Kind::Situation => out.situations.extend(entities::situation(cx, t, origin)),
        Kind::Standard => out.standards.extend(standard::standard(cx, t, origin)),
        Kind::Term => out.terms.extend(entities::term(cx, t, origin)),
        Kind::Principle => out.principles.extend(entities::principle(cx, t, origin)),
        Kind::Chapter => out.chapters.extend(entities::chapter(cx, t, origin, path)),
    }
}

#[cfg(test)]
mod tests;
