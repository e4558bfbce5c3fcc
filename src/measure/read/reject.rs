//! Why a row of an events file is skipped, in the words of the person who exported it: one
//! diagnostic per rejected row, at its file, line and the column's name in the file.

use crate::diagnostics::{Code, Diagnostic, Record, codes};
use crate::source::FileId;

use super::columns::Col;

/// A skipped row's diagnostic, boxed: rejections are rare, and a small `Result` keeps the
/// typing of every accepted cell cheap.
pub(super) type Rejected = Box<Diagnostic>;

/// Where a rejection points: the file, the row's line, and the column as the file names it.
pub(super) struct At<'a> {
    pub(super) file: FileId,
    pub(super) line: u64,
    pub(super) column: Option<&'a str>,
}

fn at(code: &'static Code, at: &At<'_>, message: String) -> Diagnostic {
    Diagnostic::at_record(
        code,
        at.file,
        Record {
            line: at.line,
            column: at.column.map(str::to_string),
        },
        message,
    )
}

/// The offending text, shortened so a runaway field does not flood the report.
fn quoted(text: &str) -> String {
    const MAX: usize = 40;
    let text = text.trim();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("`{}…`", &text[..cut]),
        None => format!("`{text}`"),
    }
}

/// A required value is empty (or, in JSON Lines, missing or `null`).
pub(super) fn empty(col: Col, place: &At<'_>) -> Rejected {
    let name = place.column.unwrap_or(col.key());
    let (message, help) = match col {
        Col::Metric => (
            format!("`{name}` is empty: the row does not say what it measures"),
            "every row needs its metric, like `first_response_time` or `nps`; fill it in or \
             leave the row out of the export",
        ),
        _ => (
            format!("`{name}` is empty: the row does not say when the event started"),
            "every row needs the moment it started (the call offered, the ticket opened, the \
             answer given); fill it in or leave the row out of the export",
        ),
    };
    at(&codes::EVENT_EMPTY, place, message).help(help).into()
}

pub(super) fn timestamp(text: &str, timezone: &str, place: &At<'_>) -> Rejected {
    let name = place.column.unwrap_or("");
    at(
        &codes::EVENT_TIMESTAMP,
        place,
        format!("`{name}` is not a date and time: {}", quoted(text)),
    )
    .help(format!(
        "write it like `2026-10-01T09:00:03+02:00`, or `2026-10-01 09:00:03` for a local time \
         in {timezone}"
    ))
    .into()
}

/// A JSON number where a moment belongs.
pub(super) fn timestamp_number(text: &str, timezone: &str, place: &At<'_>) -> Rejected {
    let name = place.column.unwrap_or("");
    at(
        &codes::EVENT_TIMESTAMP,
        place,
        format!(
            "`{name}` is a number, not a date and time: {}",
            quoted(text)
        ),
    )
    .help(format!(
        "write it as text like `\"2026-10-01T09:00:03+02:00\"`, or `\"2026-10-01 09:00:03\"` \
         for a local time in {timezone}"
    ))
    .into()
}

pub(super) fn number(text: &str, place: &At<'_>) -> Rejected {
    let name = place.column.unwrap_or("");
    at(
        &codes::EVENT_NUMBER,
        place,
        format!("`{name}` is not a number: {}", quoted(text)),
    )
    .help("write the score or answer as a number with a dot for decimals, like `9` or `4.5`")
    .into()
}

/// `end` or `abandoned` before `start`.
pub(super) fn order(col: Col, start_name: &str, place: &At<'_>) -> Rejected {
    let name = place.column.unwrap_or(col.key());
    let what = if col == Col::End {
        "ended"
    } else {
        "was abandoned"
    };
    at(
        &codes::EVENT_ORDER,
        place,
        format!("`{name}` is before `{start_name}`: the event {what} before it started"),
    )
    .help(
        "check that the two columns are the right ones and that both times are in the same \
         time zone (or carry their offsets)",
    )
    .into()
}

/// A CSV row whose field count differs from the header's.
pub(super) fn field_count(found: usize, expected: usize, place: &At<'_>) -> Rejected {
    at(
        &codes::EVENT_MALFORMED,
        place,
        format!("the row has {found} fields but the header has {expected}"),
    )
    .help(
        "a value with a comma, a quote or a line break must be in double quotes; export the \
         file again with quoting on",
    )
    .into()
}

pub(super) fn not_utf8(place: &At<'_>) -> Rejected {
    let name = place.column.unwrap_or("");
    at(
        &codes::EVENT_MALFORMED,
        place,
        format!("`{name}` is not UTF-8 text"),
    )
    .help("save the export as UTF-8 (in a spreadsheet: \"CSV UTF-8\")")
    .into()
}

/// A JSON Lines line that is not one JSON object.
pub(super) fn not_an_object(place: &At<'_>) -> Rejected {
    at(
        &codes::EVENT_MALFORMED,
        place,
        "the line is not a JSON object".to_string(),
    )
    .help("write one event per line, like {\"metric\": \"nps\", \"start\": \"2026-10-01 09:00\"}")
    .into()
}

/// A JSON value that is neither text, a number nor `null`.
pub(super) fn json_type(kind: &str, place: &At<'_>) -> Rejected {
    let name = place.column.unwrap_or("");
    at(
        &codes::EVENT_MALFORMED,
        place,
        format!("`{name}` is {kind}, not text or a number"),
    )
    .help("write the value as text or a number, or `null` when there is none")
    .into()
}
