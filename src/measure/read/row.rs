//! One row of text cells (a CSV record or a JSON object) typed into an `Event`, or the reason
//! it is skipped. Parquet columns arrive typed and use only the checks at the end.

use jiff::Timestamp;

use std::sync::Arc;

use super::columns::{COLUMNS, Col, Mapping};
use super::intern::Interner;
use super::reject::{self, At, Rejected};
use super::timestamp::Timestamps;
use crate::measure::Event;
use crate::source::FileId;

/// A value as the file holds it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Cell<'a> {
    /// No such column or key; for an optional column the same as empty.
    Missing,
    /// JSON `null`.
    Null,
    /// A CSV field, not yet checked to be UTF-8.
    Bytes(&'a [u8]),
    Text(&'a str),
    /// A JSON number, as written.
    Number(&'a serde_json::Number),
    /// A JSON `true`, list or object, named for the message.
    Other(&'static str),
}

/// Types the rows of one file.
pub(super) struct Typer<'a> {
    pub(super) file: FileId,
    pub(super) mapping: &'a Mapping,
    pub(super) timezone: &'a str,
    pub(super) timestamps: Timestamps<'a>,
    pub(super) interner: Interner,
}

/// A cell as text: trimmed, `None` when empty.
enum Value<'a> {
    None,
    Text(&'a str),
    Number(&'a serde_json::Number),
}

impl Typer<'_> {
    fn at(&self, line: u64, col: Col) -> At<'_> {
        At {
            file: self.file,
            line,
            column: Some(self.mapping.name(col)),
        }
    }

    fn value<'c>(&self, line: u64, col: Col, cell: Cell<'c>) -> Result<Value<'c>, Rejected> {
        let text = match cell {
            Cell::Missing | Cell::Null => return Ok(Value::None),
            Cell::Number(n) => return Ok(Value::Number(n)),
            Cell::Other(kind) => return Err(reject::json_type(kind, &self.at(line, col))),
            Cell::Text(text) => text,
            Cell::Bytes(bytes) => {
                std::str::from_utf8(bytes).map_err(|_| reject::not_utf8(&self.at(line, col)))?
            }
        };
        let text = text.trim();
        Ok(if text.is_empty() {
            Value::None
        } else {
            Value::Text(text)
        })
    }

    fn text(&self, line: u64, col: Col, cell: Cell<'_>) -> Result<Option<String>, Rejected> {
        Ok(match self.value(line, col, cell)? {
            Value::None => None,
            Value::Text(text) => Some(text.to_string()),
            Value::Number(n) => Some(n.to_string()),
        })
    }

    /// A text that repeats from row to row, kept once per chunk.
    fn shared(
        &mut self,
        line: u64,
        col: Col,
        cell: Cell<'_>,
    ) -> Result<Option<Arc<str>>, Rejected> {
        if let Cell::Bytes(bytes) = cell {
            return self
                .interner
                .text(bytes)
                .map_err(|_| reject::not_utf8(&self.at(line, col)));
        }
        Ok(self.text(line, col, cell)?.map(Arc::from))
    }

    fn moment(
        &mut self,
        line: u64,
        col: Col,
        cell: Cell<'_>,
    ) -> Result<Option<Timestamp>, Rejected> {
        match self.value(line, col, cell)? {
            Value::None => Ok(None),
            Value::Text(text) => match self.timestamps.parse(text) {
                Some(at) => Ok(Some(at)),
                None => Err(reject::timestamp(text, self.timezone, &self.at(line, col))),
            },
            Value::Number(n) => Err(reject::timestamp_number(
                &n.to_string(),
                self.timezone,
                &self.at(line, col),
            )),
        }
    }

    fn number(&self, line: u64, col: Col, cell: Cell<'_>) -> Result<Option<f64>, Rejected> {
        let value = self.value(line, col, cell)?;
        let number = match &value {
            Value::None => return Ok(None),
            Value::Text(text) => parse_number(text),
            Value::Number(n) => n.as_f64(),
        };
        match (number, value) {
            (Some(n), _) if n.is_finite() => Ok(Some(n)),
            (_, Value::Number(n)) => Err(reject::number(&n.to_string(), &self.at(line, col))),
            (_, Value::Text(text)) => Err(reject::number(text, &self.at(line, col))),
            (_, Value::None) => Ok(None),
        }
    }

    fn required<T>(&self, line: u64, col: Col, value: Option<T>) -> Result<T, Rejected> {
        value.ok_or_else(|| reject::empty(col, &self.at(line, col)))
    }

    /// The event of a row whose cells `cell` gives per column, or the first reason, in the
    /// format's column order, to skip it.
    pub(super) fn event(
        &mut self,
        line: u64,
        cells: &[Cell<'_>; COLUMNS],
    ) -> Result<Event, Rejected> {
        let cell = |col: Col| cells[col as usize];
        let id = self.text(line, Col::Id, cell(Col::Id))?;
        let metric = self.shared(line, Col::Metric, cell(Col::Metric))?;
        let metric = self.required(line, Col::Metric, metric)?;
        let touchpoint = self.shared(line, Col::Touchpoint, cell(Col::Touchpoint))?;
        let start = self.moment(line, Col::Start, cell(Col::Start))?;
        let start = self.required(line, Col::Start, start)?;
        let end = self.moment(line, Col::End, cell(Col::End))?;
        let value = self.number(line, Col::Value, cell(Col::Value))?;
        let abandoned = self.moment(line, Col::Abandoned, cell(Col::Abandoned))?;
        let agent = self.shared(line, Col::Agent, cell(Col::Agent))?;
        let team = self.shared(line, Col::Team, cell(Col::Team))?;
        let event = Event {
            metric,
            touchpoint,
            start,
            end,
            value,
            abandoned,
            agent,
            team,
            id,
            file: self.file,
            line,
        };
        check_order(&event, self.mapping)?;
        Ok(event)
    }
}

/// A decimal number with a dot, as exports write scores; Rust's own parser, minus the words
/// (`inf`, `NaN`) no export means as a score.
pub(super) fn parse_number(text: &str) -> Option<f64> {
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    text.parse().ok()
}

/// `end` and `abandoned` are not before `start`.
pub(super) fn check_order(event: &Event, mapping: &Mapping) -> Result<(), Rejected> {
    for (col, moment) in [(Col::End, event.end), (Col::Abandoned, event.abandoned)] {
        if moment.is_some_and(|m| m < event.start) {
            let place = At {
                file: event.file,
                line: event.line,
                column: Some(mapping.name(col)),
            };
            return Err(reject::order(col, mapping.name(Col::Start), &place));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;
    use std::collections::BTreeMap;

    fn typer<'a>(mapping: &'a Mapping, tz: &'a TimeZone) -> Typer<'a> {
        Typer {
            file: FileId(0),
            mapping,
            timezone: "Europe/Warsaw",
            timestamps: Timestamps::new(tz),
            interner: Interner::default(),
        }
    }

    fn cells<'a>(pairs: &[(Col, Cell<'a>)]) -> [Cell<'a>; COLUMNS] {
        let mut out = [Cell::Missing; COLUMNS];
        for (col, cell) in pairs {
            out[*col as usize] = *cell;
        }
        out
    }

    #[test]
    fn a_full_row() {
        let mapping = Mapping::wanted(&BTreeMap::new());
        let tz = TimeZone::get("Europe/Warsaw").unwrap();
        let n: serde_json::Number = 48213.into();
        let event = typer(&mapping, &tz)
            .event(
                7,
                &cells(&[
                    (Col::Id, Cell::Number(&n)),
                    (Col::Metric, Cell::Text(" first_response_time ")),
                    (Col::Touchpoint, Cell::Bytes(b"")),
                    (Col::Start, Cell::Bytes(b"2026-10-01 09:00:03")),
                    (Col::End, Cell::Text("2026-10-01T07:41:10Z")),
                    (Col::Value, Cell::Text("4.5")),
                    (Col::Agent, Cell::Bytes("Łucja Wójcik".as_bytes())),
                    (Col::Team, Cell::Null),
                ]),
            )
            .unwrap();
        assert_eq!(event.id.as_deref(), Some("48213"));
        assert_eq!(&*event.metric, "first_response_time");
        assert_eq!(event.touchpoint, None);
        assert_eq!(event.start.to_string(), "2026-10-01T07:00:03Z");
        assert_eq!(event.end.unwrap().to_string(), "2026-10-01T07:41:10Z");
        assert_eq!(event.value, Some(4.5));
        assert_eq!(event.agent.as_deref(), Some("Łucja Wójcik"));
        assert_eq!(event.team, None);
        assert_eq!(event.line, 7);
    }

    fn rejected(pairs: &[(Col, Cell<'_>)]) -> Rejected {
        let mapping = Mapping::wanted(&BTreeMap::new());
        let tz = TimeZone::get("Europe/Warsaw").unwrap();
        let mut all = vec![
            (Col::Metric, Cell::Text("nps")),
            (Col::Start, Cell::Text("2026-10-01 09:00")),
        ];
        all.extend_from_slice(pairs);
        typer(&mapping, &tz).event(3, &cells(&all)).unwrap_err()
    }

    fn code_and_column(d: &Rejected) -> (&str, Option<&str>) {
        let record = d.record.as_ref().unwrap();
        assert_eq!(record.line, 3);
        (d.code, record.column.as_deref())
    }

    #[test]
    fn every_reason_to_skip_a_row() {
        let n: serde_json::Number = 1_700_000_000.into();
        type Case<'a> = (Vec<(Col, Cell<'a>)>, &'a str, &'a str);
        let cases: Vec<Case<'_>> = vec![
            (
                vec![(Col::Metric, Cell::Text("  "))],
                "sok::event::empty",
                "metric",
            ),
            (
                vec![(Col::Start, Cell::Missing)],
                "sok::event::empty",
                "start",
            ),
            (vec![(Col::Start, Cell::Null)], "sok::event::empty", "start"),
            (
                vec![(Col::End, Cell::Text("tomorrow"))],
                "sok::event::timestamp",
                "end",
            ),
            (
                vec![(Col::Start, Cell::Number(&n))],
                "sok::event::timestamp",
                "start",
            ),
            (
                vec![(Col::Value, Cell::Text("4,5"))],
                "sok::event::number",
                "value",
            ),
            (
                vec![(Col::Value, Cell::Text("NaN"))],
                "sok::event::number",
                "value",
            ),
            (
                vec![(Col::End, Cell::Text("2026-10-01 08:59:59"))],
                "sok::event::order",
                "end",
            ),
            (
                vec![(Col::Abandoned, Cell::Text("2026-10-01T06:00:00Z"))],
                "sok::event::order",
                "abandoned",
            ),
            (
                vec![(Col::Agent, Cell::Bytes(b"Anna \xff"))],
                "sok::event::malformed",
                "agent",
            ),
            (
                vec![(Col::Team, Cell::Other("a list"))],
                "sok::event::malformed",
                "team",
            ),
        ];
        for (pairs, code, column) in cases {
            let d = rejected(&pairs);
            assert_eq!(code_and_column(&d), (code, Some(column)), "{d:?}");
            assert!(d.help.is_some());
        }
    }

    #[test]
    fn end_equal_to_start_is_kept() {
        let mapping = Mapping::wanted(&BTreeMap::new());
        let tz = TimeZone::UTC;
        let event = typer(&mapping, &tz)
            .event(
                2,
                &cells(&[
                    (Col::Metric, Cell::Text("x")),
                    (Col::Start, Cell::Text("2026-10-01 09:00")),
                    (Col::End, Cell::Text("2026-10-01T09:00:00Z")),
                ]),
            )
            .unwrap();
        assert_eq!(event.end, Some(event.start));
    }

    #[test]
    fn numbers() {
        for (text, n) in [("9", 9.0), ("-1", -1.0), ("4.5", 4.5), ("1e2", 100.0)] {
            assert_eq!(parse_number(text), Some(n), "{text}");
        }
        for text in ["inf", "NaN", "4,5", "1 000", "nine"] {
            assert_eq!(parse_number(text), None, "{text}");
        }
    }
}
