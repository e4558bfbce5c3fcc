//! The scorecard as CSV: one row per item and the audit's own fields as leading rows, all
//! filled in the one `answer` column, so the form works in any spreadsheet.

use super::items::Scorecard;
use crate::i18n::Catalog;
use crate::model::Kind;

/// The header of a CSV form; the reader of filled forms looks columns up by these names.
pub(crate) const HEADER: [&str; 9] = [
    "item", "section", "question", "standard", "kind", "weight", "critical", "answer", "evidence",
];

/// The audit-level rows: the item id and the catalogue key of its label.
pub(crate) const AUDIT_ROWS: [(&str, &str); 6] = [
    ("audit.id", "audit.id"),
    ("audit.at", "audit.at"),
    ("audit.agent", "audit.agent"),
    ("audit.team", "audit.team"),
    ("audit.auditor", "audit.auditor"),
    ("audit.touchpoint", "kind.touchpoint"),
];

pub(crate) fn csv(card: &Scorecard, cat: &Catalog) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for (id, label) in AUDIT_ROWS {
        let answer = if id == "audit.touchpoint" {
            card.touchpoint.as_str()
        } else {
            ""
        };
        let label = cat.try_get(label).unwrap_or(id);
        let _ = w.write_record([id, "", label, "", "", "", "", answer, ""]);
    }
    for (section, item) in card.items() {
        let standard = match section.kind {
            Kind::Standard => section.entity.as_str(),
            _ => "",
        };
        let weight = item.weight.to_string();
        let _ = w.write_record([
            item.id.as_str(),
            section.id.as_str(),
            item.text.as_str(),
            standard,
            item.kind.word(),
            weight.as_str(),
            if item.critical { "true" } else { "false" },
            "",
            "",
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
