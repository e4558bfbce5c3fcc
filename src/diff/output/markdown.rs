//! The pull-request format: GitHub-flavoured Markdown for a PR comment. The summary comes
//! first (counts per kind and class, then every loosened or removed item, the changes a
//! reviewer must approve deliberately); the details follow in `<details>` blocks, one per kind,
//! so a long diff stays readable. Text from the handbook is escaped or put in code, so a
//! standard's own Markdown cannot break the comment.

use super::{attention, edition, kind_title, list_changes, show_raw};
use crate::diff::output::human::text_of;
use crate::diff::prose;
use crate::diff::{Class, FieldChange, HandbookDiff};
pub(crate) use crate::markdown::escape;
use crate::model::Kind;

/// The diff as a Markdown document.
pub fn markdown(diff: &HandbookDiff) -> String {
    let title = match (&diff.old.version, &diff.new.version) {
        (Some(a), Some(b)) if a != b => format!("Handbook changes {a} → {b}"),
        (_, Some(b)) => format!("Handbook changes ({b})"),
        _ => "Handbook changes".to_string(),
    };
    let mut out = format!(
        "## {}\n\nComparing {} with {}.\n",
        escape(&title),
        escape(&edition(&diff.old)),
        escape(&edition(&diff.new))
    );
    if !diff.warnings.is_empty() {
        out.push_str("\n> [!WARNING]\n");
        for w in &diff.warnings {
            out.push_str(&format!("> - {} (`{}`)\n", escape(&w.message), w.code));
        }
    }
    if diff.is_empty() {
        out.push_str("\nNo changes.\n");
        return out;
    }
    table(&mut out, diff);
    let items = attention(diff);
    if !items.is_empty() {
        out.push_str("\n**Loosened or removed**\n\n");
        for a in items {
            let detail = match a.field {
                Some(_) => format!(
                    ": {} → {}",
                    code(&show_raw(a.old.as_ref())),
                    code(&show_raw(a.new.as_ref()))
                ),
                None => String::new(),
            };
            let field = a.field.map(|f| format!("`{f}` of ")).unwrap_or_default();
            let what = match a.id.is_empty() {
                true => a.kind.to_string(),
                false => format!("{} `{}` “{}”", a.kind, a.id, escape(&a.name)),
            };
            out.push_str(&format!("- **{}** {field}{what}{detail}\n", a.class.name()));
        }
    }
    if !diff.handbook.is_empty() {
        out.push_str("\n<details>\n<summary>Handbook settings</summary>\n\n");
        fields(&mut out, &diff.handbook);
        out.push_str("\n</details>\n");
    }
    for kind in Kind::ALL {
        let changes: Vec<_> = diff.entities.iter().filter(|e| e.kind == kind).collect();
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n<details>\n<summary>{} ({})</summary>\n",
            kind_title(kind),
            changes.len()
        ));
        for e in changes {
            out.push_str(&format!(
                "\n#### `{}` {} — {}\n\n",
                e.id,
                escape(&e.name),
                e.class.name()
            ));
            if let Some(owner) = &e.owner {
                out.push_str(&format!("Owner: {}\n\n", escape(&owner.display())));
            }
            fields(&mut out, &e.fields);
            for s in &e.steps {
                out.push_str(&format!(
                    "- step `{}` {} — **{}**\n",
                    s.id,
                    escape(&s.name),
                    s.class.name()
                ));
                let mut nested = String::new();
                fields(&mut nested, &s.fields);
                for line in nested.lines() {
                    match line.is_empty() {
                        true => out.push('\n'),
                        false => out.push_str(&format!("  {line}\n")),
                    }
                }
            }
        }
        out.push_str("\n</details>\n");
    }
    // One blank line between blocks (handbook text never holds blank lines here: prose is
    // rendered line by line and empty lines are left out).
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

fn table(out: &mut String, diff: &HandbookDiff) {
    out.push_str("\n| | ");
    out.push_str(&Class::ALL.map(|c| c.name()).join(" | "));
    out.push_str(" |\n| :-- |");
    out.push_str(&" --: |".repeat(Class::ALL.len()));
    out.push('\n');
    let cell = |n: usize| {
        if n == 0 {
            "·".to_string()
        } else {
            n.to_string()
        }
    };
    let mut totals = [0usize; 6];
    for kind in Kind::ALL {
        let counts = Class::ALL.map(|c| diff.count(kind, c));
        if counts.iter().all(|n| *n == 0) {
            continue;
        }
        counts.iter().enumerate().for_each(|(i, n)| totals[i] += n);
        let cells: Vec<String> = counts.iter().map(|n| cell(*n)).collect();
        out.push_str(&format!("| {} | {} |\n", kind.name(), cells.join(" | ")));
    }
    let steps = Class::ALL.map(|c| diff.count_steps(c));
    if steps.iter().any(|n| *n > 0) {
        let cells: Vec<String> = steps.iter().map(|n| cell(*n)).collect();
        out.push_str(&format!("| journey step | {} |\n", cells.join(" | ")));
    }
    if !diff.handbook.is_empty() {
        let cells: Vec<String> = Class::ALL
            .map(|c| cell(diff.handbook.iter().filter(|f| f.class == c).count()))
            .to_vec();
        out.push_str(&format!("| handbook setting | {} |\n", cells.join(" | ")));
    }
    let cells: Vec<String> = totals.iter().map(|n| format!("**{n}**")).collect();
    out.push_str(&format!("| **entities** | {} |\n", cells.join(" | ")));
}

fn fields(out: &mut String, fields: &[FieldChange]) {
    for f in fields {
        let class = match f.class {
            Class::Changed => String::new(),
            other => format!(" ({})", other.name()),
        };
        if f.prose {
            let lines = prose::render(
                &prose::word_diff(text_of(f.old.as_ref()), text_of(f.new.as_ref())),
                prose::PLAIN,
            );
            let body = lines.join("\n");
            let fence = "`".repeat(longest_backtick_run(&body).max(2) + 1);
            out.push_str(&format!(
                "- **{}**{class}:\n\n  {fence}text\n{}\n  {fence}\n\n",
                f.field,
                indent(&body)
            ));
        } else if let Some((removed, added)) = list_changes(f) {
            out.push_str(&format!("- **{}**{class}:", f.field));
            for item in removed {
                out.push_str(&format!(" −{}", code(item)));
            }
            for item in added {
                out.push_str(&format!(" +{}", code(item)));
            }
            out.push('\n');
        } else {
            out.push_str(&format!(
                "- **{}**{class}: {} → {}\n",
                f.field,
                code(&show_raw(f.old.as_ref())),
                code(&show_raw(f.new.as_ref()))
            ));
        }
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}").trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Inline code that holds any text (backticks included) on one line.
fn code(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let fence = "`".repeat(longest_backtick_run(&text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}
