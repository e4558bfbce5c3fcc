//! The one-entity file of `sok new`: a `.md` file whose TOML front matter lists every field
//! of its kind from `model::fields`, with a line of documentation above each.
//!
//! A required field the command cannot fill is written as a placeholder that `sok check`
//! reports at its line, naming it ([`Placeholder`]); an optional field is written commented
//! out, with an example value; the body is an HTML comment saying what goes there, which
//! the built handbook does not show.

use super::words::Words;
use crate::model::Kind;
use crate::model::Language;
use crate::model::fields::{self, Field, Type};
use crate::values::Date;

/// What to write for a required field that `sok new` cannot fill in.
///
/// Both forms fail `sok check` at the placeholder's line until it is replaced:
/// - where an id or a fixed word goes (a reference, a choice, a stage, a step's id):
///   `owner = "TODO-owner"`, which is not a valid id (`sok::value::id`), not one of the
///   words (`sok::value::choice`) or not a stage (`sok::journey::unknown_stage`), and the
///   message quotes it;
/// - where a text goes: `title = { TODO = "the rule in a few words" }`, a table where a
///   string belongs (`sok::schema::wrong_type`, "`title` must be a string").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placeholder {
    Word,
    Text,
}

impl Placeholder {
    /// The marker every placeholder holds.
    pub(crate) const MARKER: &'static str = "TODO";

    pub(crate) fn of(ty: Type) -> Placeholder {
        match ty {
            Type::Ref(_) | Type::Choice(_) | Type::Stage | Type::Duration => Placeholder::Word,
            _ => Placeholder::Text,
        }
    }
}

/// The file `sok new` writes.
#[derive(Debug, Clone)]
pub(crate) struct NewEntity<'a> {
    pub(crate) kind: Kind,
    pub(crate) language: Language,
    /// Written instead of the placeholder of the title (or name).
    pub(crate) title: Option<&'a str>,
    /// A chapter's `order`, after the chapters there are.
    pub(crate) order: Option<i64>,
    /// The handbook's journey stages, listed where a stage goes.
    pub(crate) stages: Vec<String>,
    /// For example dates.
    pub(crate) today: Date,
}

/// The text of the new file.
pub(crate) fn new_entity(spec: &NewEntity<'_>) -> String {
    write(spec, &Words::new(spec.language))
}

fn write(spec: &NewEntity<'_>, words: &Words) -> String {
    let mut out = Out {
        spec,
        words,
        lines: Vec::new(),
    };
    out.lines.push("+++".to_string());
    out.comment(&words.ui("todo"));
    out.comment(&words.ui("optional"));
    out.lines.push(String::new());
    out.table(spec.kind.name(), fields::of(spec.kind), false, true);
    out.lines.push("+++".to_string());
    out.lines.push(String::new());
    let body = match body_key(spec.kind).and_then(|key| fields::find(fields::of(spec.kind), key)) {
        Some(field) => words.doc(spec.kind.name(), field),
        None => words.ui("chapter_body"),
    };
    out.lines.push(format!(
        "<!-- {}: {} -->",
        Placeholder::MARKER,
        sentence(&body)
    ));
    let mut text = out.lines.join("\n");
    text.push('\n');
    text
}

/// The key a `.md` file's body stands for (FORMAT.md §7); a chapter's body is its own.
pub(crate) fn body_key(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Owner | Kind::Touchpoint | Kind::Journey => Some("description"),
        Kind::Situation => Some("procedure"),
        Kind::Standard | Kind::Principle => Some("text"),
        Kind::Term | Kind::Chapter => None,
    }
}

/// The field `--title` fills: the first required text of the kind (`title` or `name`).
pub(crate) fn title_key(kind: Kind) -> Option<&'static str> {
    fields::of(kind)
        .iter()
        .find(|f| f.required && f.ty == Type::Text)
        .map(|f| f.key)
}

struct Out<'a> {
    spec: &'a NewEntity<'a>,
    words: &'a Words,
    lines: Vec<String>,
}

impl Out<'_> {
    fn comment(&mut self, text: &str) {
        self.lines.push(format!("# {text}"));
    }

    /// The fields of the table `name`: the plain keys first, then the tables (`[measure]`,
    /// `[[step]]`), since a key after a table header would belong to that table.
    fn table(&mut self, name: &str, table: &'static [Field], commented: bool, top: bool) {
        let section = |f: &Field| match f.ty {
            Type::Tables(_) => true,
            Type::Table(inner) => inner.len() > 1,
            _ => false,
        };
        for field in table.iter().filter(|f| !section(f)) {
            if top && (field.ty == Type::Id || body_key(self.spec.kind) == Some(field.key)) {
                // The id is the file's name, and the body is the main text.
                continue;
            }
            match field.ty {
                // A table of one key (`lint.allow`) is written as a dotted key.
                Type::Table(inner) => {
                    for nested in inner {
                        self.field(field.key, nested, Some(field.key), commented, false);
                    }
                }
                _ => self.field(name, field, None, commented, top),
            }
        }
        for field in table.iter().filter(|f| section(f)) {
            let (inner, header) = match field.ty {
                Type::Tables(inner) => (inner, format!("[[{}]]", field.key)),
                Type::Table(inner) => (inner, format!("[{}]", field.key)),
                _ => continue,
            };
            // A journey is made of steps, so the file starts with one to fill in; every
            // other table is optional and written commented out.
            let written = !commented && field.key == "step";
            self.lines.push(String::new());
            self.comment(&sentence(&self.words.doc(name, field)));
            match written {
                true => self.lines.push(header),
                false => self.comment(&header),
            }
            self.table(field.key, inner, !written, false);
        }
    }

    fn field(
        &mut self,
        table: &str,
        field: &Field,
        prefix: Option<&str>,
        commented: bool,
        top: bool,
    ) {
        let mut doc = sentence(&self.words.doc(table, field));
        let words = match field.ty {
            Type::Choice(choices) => choices.join(", "),
            Type::Stage | Type::Stages => self.spec.stages.join(", "),
            _ => String::new(),
        };
        if !words.is_empty() {
            doc.pop();
            doc.push_str(&format!(": {words}."));
        }
        if field.required {
            doc.push(' ');
            doc.push_str(&self.words.ui("required"));
        }
        self.comment(&doc);
        let key = match prefix {
            Some(prefix) => format!("{prefix}.{}", field.key),
            None => field.key.to_string(),
        };
        let filled = match (top, field.key) {
            (true, key) if Some(key) == title_key(self.spec.kind) => self.spec.title.map(quote),
            (true, "order") => self.spec.order.map(|n| n.to_string()),
            _ => None,
        };
        let line = match filled {
            Some(value) => format!("{key} = {value}"),
            None if field.required && !commented => {
                format!("{key} = {}", self.placeholder(table, field))
            }
            None => format!("# {key} = {}", self.example(field)),
        };
        self.lines.push(line);
    }

    fn placeholder(&self, table: &str, field: &Field) -> String {
        let marker = Placeholder::MARKER;
        match (Placeholder::of(field.ty), field.ty) {
            (Placeholder::Word, Type::Ref(kind)) => quote(&format!("{marker}-{}", kind.name())),
            (Placeholder::Word, _) => quote(&format!("{marker}-{}", field.key)),
            (Placeholder::Text, _) => {
                format!("{{ {marker} = {} }}", quote(&self.words.doc(table, field)))
            }
        }
    }

    /// A value for a commented-out field: the syntax of its type.
    fn example(&self, field: &Field) -> String {
        match field.ty {
            Type::Texts | Type::Refs(_) | Type::StepRefs | Type::Stages => "[\"...\"]".into(),
            Type::Choice(choices) => quote(choices.first().copied().unwrap_or("...")),
            Type::Date => self.spec.today.to_string(),
            Type::Percent => "90".into(),
            Type::Integer => "1".into(),
            Type::Bool => "false".into(),
            Type::Version => "\"1.0.0\"".into(),
            Type::TextMap | Type::TouchpointMap => "{}".into(),
            _ => "\"...\"".into(),
        }
    }
}

/// A TOML basic string (JSON's escapes are TOML's).
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

/// `doc` as a sentence: capitalized, ending with a full stop.
fn sentence(doc: &str) -> String {
    let mut out = crate::i18n::format::capitalize(doc);
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEW_KINDS: [Kind; 6] = [
        Kind::Standard,
        Kind::Situation,
        Kind::Touchpoint,
        Kind::Owner,
        Kind::Journey,
        Kind::Chapter,
    ];

    fn spec(kind: Kind, language: Language) -> NewEntity<'static> {
        NewEntity {
            kind,
            language,
            title: None,
            order: None,
            stages: vec!["awareness".to_string(), "decision".to_string()],
            today: Date::new(2026, 11, 24).unwrap(),
        }
    }

    #[test]
    fn every_field_is_documented_in_every_language() {
        for (_, language) in Language::KEYWORDS {
            for kind in NEW_KINDS {
                let words = Words::new(*language);
                let text = write(&spec(kind, *language), &words);
                assert!(
                    words.missing().is_empty(),
                    "src/scaffold/words/{}.toml lacks {:?}\n{text}",
                    language.keyword(),
                    words.missing()
                );
            }
        }
    }

    #[test]
    fn the_front_matter_is_toml_with_only_the_required_fields_set() {
        for kind in NEW_KINDS {
            let text = new_entity(&spec(kind, Language::En));
            let front = text.split("+++").nth(1).unwrap();
            let table: toml::Table = front.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
            let required: Vec<&str> = fields::of(kind)
                .iter()
                .filter(|f| f.required)
                .map(|f| f.key)
                .collect();
            let mut keys: Vec<&str> = table
                .keys()
                .map(String::as_str)
                .filter(|k| *k != "step")
                .collect();
            keys.sort();
            let mut required = required;
            required.sort();
            assert_eq!(keys, required, "{text}");
        }
    }

    #[test]
    fn every_kind_with_a_body_names_a_markdown_field() {
        for kind in Kind::ALL {
            if let Some(key) = body_key(kind) {
                let field = fields::find(fields::of(kind), key).unwrap();
                assert_eq!(field.ty, Type::Markdown, "{kind:?}");
            }
        }
        for kind in NEW_KINDS {
            assert!(title_key(kind).is_some(), "{kind:?}");
        }
    }
}
