//! The scorecard as Markdown tables: the same form as the HTML one, for a wiki page or a
//! document to print from a word processor.

use super::items::Scorecard;
use crate::i18n::Catalog;
use crate::markdown::escape;

pub(crate) fn markdown(card: &Scorecard, cat: &Catalog) -> String {
    let mut out = format!("# {}\n\n", escape(&card.title));
    let handbook = cat.fill(
        "audit.handbook",
        &[("title", &card.handbook), ("version", &card.version)],
    );
    out.push_str(&format!("{}\n\n", escape(&handbook)));
    out.push_str("| | |\n| --- | --- |\n");
    for key in [
        "audit.at",
        "audit.auditor",
        "audit.agent",
        "audit.team",
        "audit.id",
    ] {
        out.push_str(&format!("| {} | |\n", escape(cat.get(key))));
    }
    let boxes = format!(
        "☐ {} ☐ {} ☐ {}",
        cat.get("audit.yes"),
        cat.get("audit.no"),
        cat.get("audit.na")
    );
    if card.sections.is_empty() {
        out.push_str(&format!("\n{}\n", escape(cat.get("audit.empty"))));
    }
    for section in &card.sections {
        let mut title = escape(&section.title);
        if section.critical {
            title.push_str(&format!(" ({})", cat.get("audit.critical")));
        }
        out.push_str(&format!("\n## {title}\n\n"));
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n| --- | ---: | --- | --- |\n",
            cat.get("audit.item"),
            cat.get("audit.weight"),
            cat.get("audit.answer"),
            cat.get("audit.evidence")
        ));
        for item in &section.items {
            out.push_str(&format!(
                "| {} | {} | {boxes} | |\n",
                escape(&item.text),
                item.weight
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n\n{}\n\n**{}:** ______ %\n",
        escape(cat.get("audit.scoring")),
        escape(cat.get("audit.critical_note")),
        escape(cat.get("audit.score"))
    ));
    out
}
