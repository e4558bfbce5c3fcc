//! One generated row, the ways a row is made bad on purpose (one of every rejection the
//! format names), and writing rows as CSV (the `csv` crate) or JSON Lines (by hand: nine
//! known keys, no allocation per row).

use std::io::{self, BufWriter, Write};

use super::zone::{Spelling, Zone};
use crate::model::fields::EVENT_COLUMNS;

/// The fields of one row as bytes, in the order of `EVENT_COLUMNS`; reused from row to row.
#[derive(Debug, Default)]
pub(super) struct Row {
    pub(super) id: Vec<u8>,
    pub(super) metric: Vec<u8>,
    pub(super) touchpoint: Vec<u8>,
    pub(super) start: Vec<u8>,
    pub(super) end: Vec<u8>,
    pub(super) value: Vec<u8>,
    pub(super) abandoned: Vec<u8>,
    pub(super) agent: Vec<u8>,
    pub(super) team: Vec<u8>,
    /// The instant `start` holds, and how it is spelled, for the bad rows made from it.
    pub(super) start_at: i64,
    pub(super) spelling: Spelling,
}

impl Row {
    pub(super) fn clear(&mut self) {
        for field in self.fields_mut() {
            field.clear();
        }
    }

    fn fields_mut(&mut self) -> [&mut Vec<u8>; 9] {
        [
            &mut self.id,
            &mut self.metric,
            &mut self.touchpoint,
            &mut self.start,
            &mut self.end,
            &mut self.value,
            &mut self.abandoned,
            &mut self.agent,
            &mut self.team,
        ]
    }

    fn fields(&self) -> [&[u8]; 9] {
        [
            &self.id,
            &self.metric,
            &self.touchpoint,
            &self.start,
            &self.end,
            &self.value,
            &self.abandoned,
            &self.agent,
            &self.team,
        ]
    }
}

/// The rejections of FORMAT.md §8, each made once in turn when bad rows are asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum BadKind {
    /// `start` in a spelling the format does not accept (`01.10.2026 09:00`).
    Timestamp,
    /// `end` before `start`.
    EndBeforeStart,
    /// A touchpoint id the handbook does not have.
    UnknownTouchpoint,
    /// `metric` empty.
    EmptyMetric,
    /// A value outside its metric's range (`nps` 11).
    OutOfRange,
    /// The id of the row before.
    RepeatedId,
}

impl BadKind {
    pub(crate) const ALL: [BadKind; 6] = [
        BadKind::Timestamp,
        BadKind::EndBeforeStart,
        BadKind::UnknownTouchpoint,
        BadKind::EmptyMetric,
        BadKind::OutOfRange,
        BadKind::RepeatedId,
    ];
}

/// What making a row bad needs from the rest of the file.
pub(super) struct Spoilers<'a> {
    pub(super) zone: &'a Zone,
    /// A touchpoint id that is not in the handbook.
    pub(super) unknown_touchpoint: &'a str,
    /// A value outside the range of the row's own metric, if it has one.
    pub(super) own_out_of_range: Option<&'a str>,
    /// Else a metric with a range, its touchpoint and a value outside the range.
    pub(super) out_of_range: (&'a str, &'a str, &'a str),
    /// The id of the last row written.
    pub(super) last_id: &'a [u8],
}

/// Makes `row` bad in the way of `kind`; `seconds` (1..3600) is how far a bad `end` goes
/// back.
pub(super) fn spoil(row: &mut Row, kind: BadKind, spoilers: &Spoilers<'_>, seconds: i64) {
    match kind {
        BadKind::Timestamp => {
            let local = spoilers.zone.utc_to_local(row.start_at);
            let date = crate::values::Date::from_days(local.div_euclid(86_400));
            let minute = local.rem_euclid(86_400) / 60;
            row.start.clear();
            let _ = write!(
                row.start,
                "{:02}.{:02}.{} {:02}:{:02}",
                date.day,
                date.month,
                date.year,
                minute / 60,
                minute % 60
            );
        }
        BadKind::EndBeforeStart => {
            row.end.clear();
            row.abandoned.clear();
            let spelling = match row.spelling {
                Spelling::Local => Spelling::Offset,
                other => other,
            };
            spoilers
                .zone
                .write(&mut row.end, row.start_at - seconds, spelling);
        }
        BadKind::UnknownTouchpoint => {
            row.touchpoint.clear();
            row.touchpoint
                .extend_from_slice(spoilers.unknown_touchpoint.as_bytes());
        }
        BadKind::EmptyMetric => row.metric.clear(),
        BadKind::OutOfRange => {
            let (metric, touchpoint, mut value) = spoilers.out_of_range;
            if let Some(own) = spoilers.own_out_of_range {
                value = own;
            } else {
                // A duration row becomes an answer of a metric that has a range.
                row.metric.clear();
                row.metric.extend_from_slice(metric.as_bytes());
                row.touchpoint.clear();
                row.touchpoint.extend_from_slice(touchpoint.as_bytes());
                row.end.clear();
                row.abandoned.clear();
            }
            row.value.clear();
            row.value.extend_from_slice(value.as_bytes());
        }
        BadKind::RepeatedId => {
            row.id.clear();
            row.id.extend_from_slice(spoilers.last_id);
        }
    }
}

/// Where rows go.
pub(super) enum Sink<'w> {
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
    Jsonl(BufWriter<&'w mut dyn Write>),
}

impl<'w> Sink<'w> {
    pub(super) fn csv(out: &'w mut dyn Write) -> io::Result<Sink<'w>> {
        let mut writer = csv::WriterBuilder::new()
            .buffer_capacity(1 << 16)
            .from_writer(out);
        writer.write_record(EVENT_COLUMNS.iter().map(|f| f.key))?;
        Ok(Sink::Csv(Box::new(writer)))
    }

    pub(super) fn jsonl(out: &'w mut dyn Write) -> Sink<'w> {
        Sink::Jsonl(BufWriter::with_capacity(1 << 16, out))
    }

    pub(super) fn write(&mut self, row: &Row) -> io::Result<()> {
        match self {
            Sink::Csv(writer) => Ok(writer.write_record(row.fields())?),
            Sink::Jsonl(out) => {
                out.write_all(b"{")?;
                for (i, (field, value)) in EVENT_COLUMNS.iter().zip(row.fields()).enumerate() {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    out.write_all(b"\"")?;
                    out.write_all(field.key.as_bytes())?;
                    out.write_all(b"\":")?;
                    if field.key == "value" && !value.is_empty() {
                        out.write_all(value)?;
                    } else if value.is_empty() && field.key != "metric" {
                        out.write_all(b"null")?;
                    } else {
                        json_string(out, value)?;
                    }
                }
                out.write_all(b"}\n")
            }
        }
    }

    pub(super) fn finish(self) -> io::Result<()> {
        match self {
            Sink::Csv(mut writer) => writer.flush(),
            Sink::Jsonl(mut out) => out.flush(),
        }
    }
}

/// `text` (UTF-8) as a JSON string.
fn json_string(out: &mut impl Write, text: &[u8]) -> io::Result<()> {
    out.write_all(b"\"")?;
    let mut from = 0;
    for (i, &b) in text.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..0x20 => {
                out.write_all(&text[from..i])?;
                write!(out, "\\u{b:04x}")?;
                from = i + 1;
                continue;
            }
            _ => continue,
        };
        out.write_all(&text[from..i])?;
        out.write_all(escaped)?;
        from = i + 1;
    }
    out.write_all(&text[from..])?;
    out.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped() {
        let mut out = Vec::new();
        json_string(&mut out, "Zoë \"Q\"\\\u{1}".as_bytes()).unwrap();
        assert_eq!(
            serde_json::from_slice::<String>(&out).unwrap(),
            "Zoë \"Q\"\\\u{1}"
        );
    }
}
