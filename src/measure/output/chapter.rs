//! The "results" chapter that `sok build --measurements REPORT.json` adds to the site, the
//! print page and handbook.md, so staff read a standard and how it is going in one place:
//! per owner a summary and a table of its standards, each linked to its page, with the
//! latest result beside its target.

use super::markdown::escape;
use super::view::{self, StandardView, Totals};
use super::words::Words;
use crate::check::Checked;
use crate::i18n::Catalog;
use crate::measure::report::Report;
use crate::render::ExtraChapter;

/// The chapter's id: its page is `results.html`, its anchor `section-results`.
pub const ID: &str = "results";

/// The results chapter of `report` for the handbook `checked`, in the words of `catalog`.
pub fn results_chapter(report: &Report, checked: &Checked, catalog: &Catalog) -> ExtraChapter {
    let words = Words::new(catalog);
    let owners = view::owners(report, &checked.handbook, catalog);
    let mut md = String::new();
    md.push_str(&escape(&words.as_of_line(report)));
    md.push_str("\n\n");
    let all: Vec<&StandardView<'_>> = owners.iter().flat_map(|o| &o.standards).collect();
    md.push_str(&format!("**{}**\n", escape(&Totals::of(all).line(&words))));
    for owner in &owners {
        md.push_str(&format!("\n## {}\n\n", escape(&owner.name)));
        md.push_str(&format!(
            "{}\n\n",
            escape(&Totals::of(&owner.standards).line(&words))
        ));
        // The status next to the name, as on the HTML report: on a phone it is what shows
        // before the table scrolls.
        let header = [
            "report.column.standard",
            "report.column.status",
            "report.column.result",
            "report.column.target",
            "report.column.period",
        ]
        .map(|k| escape(words.get(k)));
        md.push_str(&format!("| {} |\n", header.join(" | ")));
        md.push_str("| --- | --- | ---: | ---: | --- |\n");
        for s in &owner.standards {
            let t = &s.result.target;
            let none = words.get("label.none").to_string();
            let (period, result, target) = match s.latest {
                Some(p) => (
                    words.period_of(p),
                    words.value_or_none(t, p.figures.value),
                    words.target(t, p.target),
                ),
                None => (
                    none.clone(),
                    none,
                    words.target(t, t.share.unwrap_or(t.limit_value)),
                ),
            };
            let cells = [
                standard_link(s, checked),
                unbroken(&s.status.marked(&words)),
                unbroken(&result),
                unbroken(&target),
                escape(&period),
            ];
            md.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    ExtraChapter {
        id: ID.to_string(),
        title: words.get("report.chapter").to_string(),
        markdown: md,
    }
}

/// The standard's title, linked to its source file so the renderer points it at the
/// standard's page; a standard the handbook no longer has, or one that shares a collection
/// file with others, is named without a link.
fn standard_link(s: &StandardView<'_>, checked: &Checked) -> String {
    let title = escape(&s.title);
    let path = s.standard.and_then(|standard| {
        let file = standard.meta.file;
        ((file.0 as usize) < checked.sources.len()).then(|| checked.sources.get(file).path.clone())
    });
    match path {
        Some(path) if path.contains('/') => format!("[{title}]({})", link_path(&path)),
        _ => title,
    }
}

/// A short cell kept on one line ("≥ 90%", "✗ niespełniony") in the narrow column of a
/// chapter's text.
fn unbroken(text: &str) -> String {
    escape(text).replace(' ', "\u{a0}")
}

/// A root-relative path as a Markdown link destination.
fn link_path(path: &str) -> String {
    match path.contains([' ', '(', ')', '<', '>']) {
        true => format!("<{}>", path.replace('<', "%3C").replace('>', "%3E")),
        false => path.to_string(),
    }
}
