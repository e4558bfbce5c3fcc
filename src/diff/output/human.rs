//! The terminal format: grouped by kind, one line per entity, its changed fields below, prose
//! as a word diff. Colour only when asked (the caller decides from `--color`, the terminal and
//! `NO_COLOR`); without colour the marks `[-…-]` and `{+…+}` carry the same information.

use super::{attention, edition, kind_title, list_changes, show, summary};
use crate::diff::prose::{self, Marks};
use crate::diff::{Class, FieldChange, HandbookDiff};

struct Paint {
    color: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        match self.color {
            true => format!("\x1b[{code}m{text}\x1b[0m"),
            false => text.to_string(),
        }
    }

    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }

    fn class(&self, class: Class) -> String {
        let code = match class {
            Class::Added => "32",
            Class::Removed => "31",
            Class::Tightened => "36",
            Class::Loosened => "33",
            Class::Reassigned => "35",
            Class::Changed => "34",
        };
        self.wrap(code, class.name())
    }

    fn sigil(&self, class: Class) -> String {
        match class {
            Class::Added => self.wrap("32", "+"),
            Class::Removed => self.wrap("31", "-"),
            _ => self.wrap("34", "~"),
        }
    }
}

/// The diff for a terminal.
pub fn human(diff: &HandbookDiff, color: bool) -> String {
    let p = Paint { color };
    let mut out = format!(
        "{} {} → {}\n",
        p.bold("sok diff"),
        edition(&diff.old),
        edition(&diff.new)
    );
    for w in &diff.warnings {
        let label = p.wrap("33;1", &format!("warning[{}]", w.code));
        out.push_str(&format!("{label}: {}\n", w.message));
    }
    if diff.is_empty() {
        out.push_str("\nno changes\n");
        return out;
    }
    if !diff.handbook.is_empty() {
        out.push_str(&format!("\n{}\n", p.bold("Handbook")));
        fields(&mut out, &p, &diff.handbook, 4);
    }
    let mut kind = None;
    for e in &diff.entities {
        if kind != Some(e.kind) {
            kind = Some(e.kind);
            out.push_str(&format!("\n{}\n", p.bold(kind_title(e.kind))));
        }
        out.push_str(&format!(
            "  {} {} “{}” {}\n",
            p.sigil(e.class),
            p.bold(&e.id),
            e.name,
            p.class(e.class)
        ));
        fields(&mut out, &p, &e.fields, 6);
        for s in &e.steps {
            out.push_str(&format!(
                "      step {} {} “{}” {}\n",
                p.sigil(s.class),
                p.bold(&s.id),
                s.name,
                p.class(s.class)
            ));
            fields(&mut out, &p, &s.fields, 10);
        }
    }
    let items = attention(diff);
    if !items.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            p.bold("Needs attention (loosened or removed)")
        ));
        for a in items {
            let detail = match a.field {
                Some(_) => format!(": {} → {}", show(a.old.as_ref()), show(a.new.as_ref())),
                None => String::new(),
            };
            out.push_str(&format!("  {} {}{detail}\n", p.class(a.class), a.what()));
        }
    }
    if let Some(line) = summary(diff) {
        out.push_str(&format!("\n{line}\n"));
    }
    out
}

fn fields(out: &mut String, p: &Paint, fields: &[FieldChange], indent: usize) {
    let pad = " ".repeat(indent);
    for f in fields {
        let class = match f.class {
            Class::Changed => String::new(),
            other => format!(" ({})", p.class(other)),
        };
        if f.prose {
            out.push_str(&format!("{pad}{}{class}:\n", f.field));
            let old = text_of(f.old.as_ref());
            let new = text_of(f.new.as_ref());
            let marks = match p.color {
                true => Marks {
                    deleted: ("\x1b[31m[-", "-]\x1b[0m"),
                    inserted: ("\x1b[32m{+", "+}\x1b[0m"),
                },
                false => prose::PLAIN,
            };
            for line in prose::render(&prose::word_diff(old, new), marks) {
                out.push_str(&format!("{pad}  {line}\n"));
            }
        } else if let Some((removed, added)) = list_changes(f) {
            out.push_str(&format!("{pad}{}{class}:\n", f.field));
            for item in removed {
                out.push_str(&format!("{pad}  {} {item}\n", p.wrap("31", "-")));
            }
            for item in added {
                out.push_str(&format!("{pad}  {} {item}\n", p.wrap("32", "+")));
            }
        } else {
            out.push_str(&format!(
                "{pad}{}{class}: {} → {}\n",
                f.field,
                show(f.old.as_ref()),
                show(f.new.as_ref())
            ));
        }
    }
}

pub(super) fn text_of(value: Option<&crate::diff::Value>) -> &str {
    match value {
        Some(crate::diff::Value::Text(t)) => t,
        _ => "",
    }
}
