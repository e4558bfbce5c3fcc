//! Which column of a file holds each column of the format: the name `[events.columns]`
//! gives it, else its own; a missing required column is one diagnostic for the whole file,
//! with the line to add to `sok.toml`.

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Record, codes};
use crate::model::Sp;
use crate::model::fields::{EVENT_COLUMNS, Field};
use crate::source::FileId;

/// A column of the format (FORMAT.md §8), in the order of `EVENT_COLUMNS`, which holds their
/// names and which are required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Id,
    Metric,
    Touchpoint,
    Start,
    End,
    Value,
    Abandoned,
    Agent,
    Team,
}

pub(super) const COLUMNS: usize = 9;

impl Col {
    pub(super) const ALL: [Col; COLUMNS] = [
        Col::Id,
        Col::Metric,
        Col::Touchpoint,
        Col::Start,
        Col::End,
        Col::Value,
        Col::Abandoned,
        Col::Agent,
        Col::Team,
    ];

    fn field(self) -> &'static Field {
        &EVENT_COLUMNS[self as usize]
    }

    pub(super) fn key(self) -> &'static str {
        self.field().key
    }

    pub(super) fn required(self) -> bool {
        self.field().required
    }
}

/// Each format column's name in one file (the header's spelling, or the name looked for when
/// the file has no such column) and, for a file with a header, its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mapping {
    pub(super) names: [String; COLUMNS],
    pub(super) index: [Option<usize>; COLUMNS],
}

impl Mapping {
    /// The names looked for, before any header is seen (JSON Lines keys).
    pub(super) fn wanted(columns: &BTreeMap<String, Sp<String>>) -> Mapping {
        Mapping {
            names: Col::ALL.map(|c| wanted(columns, c).to_string()),
            index: [None; COLUMNS],
        }
    }

    pub(super) fn name(&self, col: Col) -> &str {
        &self.names[col as usize]
    }
}

fn wanted(columns: &BTreeMap<String, Sp<String>>, col: Col) -> &str {
    columns
        .get(col.key())
        .map_or(col.key(), |name| name.value.trim())
}

/// A header name as a help line shows it: at most 40 characters (a binary file's "header"
/// can be one long line of noise).
fn shortened(name: &str) -> String {
    match name.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &name[..end]),
        None => name.to_string(),
    }
}

/// Finds every format column in `header` (names already trimmed): the exact name first,
/// else the only one equal ignoring case. A required column not found is `Err`: one
/// diagnostic at line 1 that lists the names the header has.
pub(super) fn map_header(
    header: &[String],
    columns: &BTreeMap<String, Sp<String>>,
    file: FileId,
) -> Result<Mapping, Box<Diagnostic>> {
    let mut mapping = Mapping::wanted(columns);
    let mut missing = Vec::new();
    for col in Col::ALL {
        let want = wanted(columns, col);
        let found = header.iter().position(|h| h == want).or_else(|| {
            let lower = want.to_lowercase();
            let mut same = header
                .iter()
                .enumerate()
                .filter(|(_, h)| h.to_lowercase() == lower);
            match (same.next(), same.next()) {
                (Some((at, _)), None) => Some(at),
                _ => None,
            }
        });
        match found {
            Some(at) => {
                mapping.index[col as usize] = Some(at);
                mapping.names[col as usize] = header[at].clone();
            }
            None if col.required() => missing.push(col),
            None => {}
        }
    }
    if missing.is_empty() {
        return Ok(mapping);
    }
    Err(Box::new(missing_columns(&missing, header, columns, file)))
}

fn missing_columns(
    missing: &[Col],
    header: &[String],
    columns: &BTreeMap<String, Sp<String>>,
    file: FileId,
) -> Diagnostic {
    let names: Vec<String> = missing
        .iter()
        .map(|&c| match columns.get(c.key()) {
            Some(name) => format!("`{}` (`{}` in `[events.columns]`)", name.value, c.key()),
            None => format!("`{}`", c.key()),
        })
        .collect();
    let message = format!("the header has no {} column", names.join(" or "));
    let lines: Vec<String> = missing
        .iter()
        .map(|&c| format!("{} = \"{}\"", c.key(), guess(c, header)))
        .collect();
    let help = if header.iter().all(|h| h.is_empty()) {
        format!(
            "the file has no header line; its first line must name the columns, like \
             `metric,start,end`, or add to sok.toml: [events.columns] {}",
            lines.join(", ")
        )
    } else {
        let found: Vec<String> = header
            .iter()
            .filter(|h| !h.is_empty())
            .take(30)
            .map(|h| format!("`{}`", shortened(h)))
            .collect();
        format!(
            "the header has {}; say which ones hold them in sok.toml: [events.columns] {}",
            found.join(", "),
            lines.join(", ")
        )
    };
    let column = missing.first().map(|&c| wanted(columns, c).to_string());
    Diagnostic::at_record(
        &codes::EVENT_COLUMN_MISSING,
        file,
        Record { line: 1, column },
        message,
    )
    .help(help)
}

/// The header name most likely to hold `col`, for the suggested `[events.columns]` line.
fn guess(col: Col, header: &[String]) -> String {
    if let Some(close) = crate::diagnostics::closest(col.key(), header.iter().map(String::as_str)) {
        return close.to_string();
    }
    let hints: &[&str] = match col {
        Col::Metric => &["metric", "type", "kind", "channel", "measure"],
        Col::Start => &[
            "start", "created", "opened", "offered", "received", "begin", "time", "date",
        ],
        _ => &[],
    };
    hints
        .iter()
        .find_map(|hint| {
            header
                .iter()
                .find(|h| h.to_lowercase().contains(hint))
                .cloned()
        })
        .unwrap_or_else(|| "…".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fields::Type;
    use crate::source::Span;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn mapped(pairs: &[(&str, &str)]) -> BTreeMap<String, Sp<String>> {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    Sp::new(v.to_string(), Span::file_start(FileId(0))),
                )
            })
            .collect()
    }

    #[test]
    fn the_columns_are_those_of_the_format() {
        assert_eq!(Col::ALL.len(), EVENT_COLUMNS.len());
        for (i, col) in Col::ALL.iter().enumerate() {
            assert_eq!(*col as usize, i);
        }
        let key = |c: Col| c.key();
        assert_eq!(
            Col::ALL.map(key),
            [
                "id",
                "metric",
                "touchpoint",
                "start",
                "end",
                "value",
                "abandoned",
                "agent",
                "team"
            ]
        );
        let required: Vec<&str> = Col::ALL
            .iter()
            .filter(|c| c.required())
            .map(|c| c.key())
            .collect();
        assert_eq!(required, ["metric", "start"]);
        for col in [Col::Start, Col::End, Col::Abandoned] {
            assert_eq!(col.field().ty, Type::Timestamp);
        }
        assert_eq!(Col::Value.field().ty, Type::Number);
    }

    #[test]
    fn own_names_mapped_names_and_case() {
        let m = map_header(
            &header(&["Ticket", "Metric", "Created at", "end", "agent"]),
            &mapped(&[("start", "Created at"), ("id", "Ticket")]),
            FileId(0),
        )
        .unwrap();
        assert_eq!(m.index[Col::Id as usize], Some(0));
        assert_eq!(m.index[Col::Metric as usize], Some(1));
        assert_eq!(m.name(Col::Metric), "Metric");
        assert_eq!(m.index[Col::Start as usize], Some(2));
        assert_eq!(m.index[Col::End as usize], Some(3));
        assert_eq!(m.index[Col::Team as usize], None);
        assert_eq!(m.name(Col::Team), "team");
    }

    #[test]
    fn a_mapping_replaces_the_own_name() {
        let m = map_header(
            &header(&["metric", "start", "Solved at", "end"]),
            &mapped(&[("end", "Solved at")]),
            FileId(0),
        )
        .unwrap();
        assert_eq!(m.index[Col::End as usize], Some(2));
    }

    #[test]
    fn missing_required_columns_are_one_diagnostic_with_the_line_to_add() {
        let d = map_header(
            &header(&["Ticket ID", "Type", "Created at", "Solved at"]),
            &BTreeMap::new(),
            FileId(3),
        )
        .unwrap_err();
        assert_eq!(d.code, "sok::event::column_missing");
        assert_eq!(d.message, "the header has no `metric` or `start` column");
        assert_eq!(d.record.as_ref().unwrap().line, 1);
        let help = d.help.unwrap();
        assert!(
            help.contains("`Ticket ID`, `Type`, `Created at`, `Solved at`"),
            "{help}"
        );
        assert!(
            help.contains("[events.columns] metric = \"Type\", start = \"Created at\""),
            "{help}"
        );
    }

    #[test]
    fn a_mapped_name_not_in_the_header_is_named_as_mapped() {
        let d = map_header(
            &header(&["metric", "Opened"]),
            &mapped(&[("start", "Created at")]),
            FileId(0),
        )
        .unwrap_err();
        assert_eq!(
            d.message,
            "the header has no `Created at` (`start` in `[events.columns]`) column"
        );
        assert!(d.help.unwrap().contains("start = \"Opened\""));
    }
}
