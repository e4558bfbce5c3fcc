//! Typing the decoded columns of a chunk into events: each stored value given the meaning
//! of its column (`Kind`), and the row rejected at the first value that cannot have it.

use std::sync::Arc;

use jiff::Timestamp;
use parquet::data_type::Int96;

use super::super::columns::{COLUMNS, Col, Mapping};
use super::super::intern::Interner;
use super::super::reject::{self, At, Rejected};
use super::super::row::{check_order, parse_number};
use super::super::timestamp::Timestamps;
use super::super::{Batch, ReadContext};
use super::{Chunk, Column, Decoded, Kind, Values};
use crate::measure::Event;
use crate::source::FileId;

/// A stored value, before it is given the meaning of its column.
#[derive(Clone, Copy)]
enum Stored<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    I96(Int96),
    Bytes(&'a [u8]),
    /// A text of the column chunk's dictionary, and its key there.
    Keyed(u32, &'a [u8]),
}

/// Walks one decoded column row by row.
struct Cursor<'a> {
    decoded: &'a Decoded,
    max_def: i16,
    value: usize,
}

impl<'a> Cursor<'a> {
    fn get(&mut self, row: usize) -> Stored<'a> {
        if self.max_def > 0 && self.decoded.defs.get(row) != Some(&self.max_def) {
            return Stored::Null;
        }
        let at = self.value;
        self.value += 1;
        match &self.decoded.values {
            Values::Bool(v) => v.get(at).map_or(Stored::Null, |&b| Stored::Bool(b)),
            Values::I32(v) => v
                .get(at)
                .map_or(Stored::Null, |&n| Stored::Int(i64::from(n))),
            Values::I64(v) => v.get(at).map_or(Stored::Null, |&n| Stored::Int(n)),
            Values::I96(v) => v.get(at).map_or(Stored::Null, |&n| Stored::I96(n)),
            Values::F32(v) => v
                .get(at)
                .map_or(Stored::Null, |&n| Stored::Float(f64::from(n))),
            Values::F64(v) => v.get(at).map_or(Stored::Null, |&n| Stored::Float(n)),
            Values::Bytes { bytes, ends } => match ends.get(at) {
                Some(&end) => {
                    let start = if at == 0 { 0 } else { ends[at - 1] };
                    Stored::Bytes(&bytes[start..end])
                }
                None => Stored::Null,
            },
            Values::Keys { dictionary, keys } => match keys.get(at) {
                Some(&key) => Stored::Keyed(key, dictionary.get(key as usize)),
                None => Stored::Null,
            },
        }
    }

    /// The number of texts in the column's dictionary, if it is read as keys.
    fn dictionary_len(&self) -> Option<usize> {
        match &self.decoded.values {
            Values::Keys { dictionary, .. } => Some(dictionary.len()),
            _ => None,
        }
    }
}

/// A dictionary text as a shared text of the chunk: trimmed, `None` when blank, `Err` when
/// not UTF-8.
type SharedText = Result<Option<Arc<str>>, ()>;

fn shared_text(bytes: &[u8]) -> SharedText {
    let text = std::str::from_utf8(bytes).map_err(|_| ())?.trim();
    Ok((!text.is_empty()).then(|| Arc::from(text)))
}

/// What a column's value means for the event.
enum Typed {
    None,
    Text(String),
    /// Text that repeats from row to row, kept once per chunk.
    Shared(Arc<str>),
    Moment(Timestamp),
    Number(f64),
}

pub(super) fn convert(
    chunk: Chunk,
    columns: &[Column],
    mapping: &Mapping,
    file: FileId,
    cx: &ReadContext<'_>,
) -> Batch {
    let mut timestamps = Timestamps::new(cx.timezone);
    let mut interner = Interner::default();
    let mut cursors: Vec<Cursor<'_>> = chunk
        .columns
        .iter()
        .zip(columns)
        .map(|(decoded, column)| Cursor {
            decoded,
            max_def: column.max_def,
            value: 0,
        })
        .collect();
    // Per column read as dictionary keys, the meaning of each key, given on first use: a
    // repeated text costs an index, not a hash. Ids are not shared (each is its own).
    let mut meanings: Vec<Vec<Option<SharedText>>> = cursors
        .iter()
        .zip(columns)
        .map(|(cursor, column)| {
            let shared = column.kind == (Kind::Text { uuid: false }) && column.col != Col::Id;
            match cursor.dictionary_len() {
                Some(n) if shared => vec![None; n],
                _ => Vec::new(),
            }
        })
        .collect();
    let mut batch = Batch {
        events: Vec::with_capacity(chunk.rows),
        rejected: Vec::new(),
    };
    for row in 0..chunk.rows {
        let line = chunk.first_line + row as u64;
        let mut typed: [Typed; COLUMNS] = std::array::from_fn(|_| Typed::None);
        let mut problem = None;
        for ((cursor, column), meanings) in cursors.iter_mut().zip(columns).zip(&mut meanings) {
            let stored = cursor.get(row);
            if problem.is_some() {
                continue;
            }
            if let Stored::Keyed(key, bytes) = stored
                && !meanings.is_empty()
            {
                let meaning = meanings[key as usize].get_or_insert_with(|| shared_text(bytes));
                match meaning {
                    Ok(Some(text)) => typed[column.col as usize] = Typed::Shared(text.clone()),
                    Ok(None) => {}
                    Err(()) => {
                        problem = Some(reject::not_utf8(&At {
                            file,
                            line,
                            column: Some(mapping.name(column.col)),
                        }))
                    }
                }
                continue;
            }
            let place = At {
                file,
                line,
                column: Some(mapping.name(column.col)),
            };
            let interner = (column.col != Col::Id).then_some(&mut interner);
            match value(stored, column.kind, &mut timestamps, interner, cx, &place) {
                Ok(t) => typed[column.col as usize] = t,
                Err(d) => problem = Some(d),
            }
        }
        let result = match problem {
            Some(d) => Err(d),
            None => event(typed, mapping, file, line),
        };
        match result {
            Ok(event) => batch.events.push(event),
            Err(d) => batch.rejected.push(*d),
        }
    }
    batch
}

fn event(
    typed: [Typed; COLUMNS],
    mapping: &Mapping,
    file: FileId,
    line: u64,
) -> Result<Event, Rejected> {
    let [
        id,
        metric,
        touchpoint,
        start,
        end,
        value,
        abandoned,
        agent,
        team,
    ] = typed;
    let text = |t: Typed| match t {
        Typed::Text(s) => Some(s),
        Typed::Shared(s) => Some(s.to_string()),
        // A decimal in a text column (an id written as DECIMAL(12,0) or with a scale).
        Typed::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let shared = |t: Typed| match t {
        Typed::Shared(s) => Some(s),
        Typed::Text(s) => Some(Arc::from(s)),
        Typed::Number(n) => Some(Arc::from(n.to_string())),
        _ => None,
    };
    let moment = |t: Typed| match t {
        Typed::Moment(m) => Some(m),
        _ => None,
    };
    let place = |col: Col| At {
        file,
        line,
        column: Some(mapping.name(col)),
    };
    let metric = shared(metric).ok_or_else(|| reject::empty(Col::Metric, &place(Col::Metric)))?;
    let start = moment(start).ok_or_else(|| reject::empty(Col::Start, &place(Col::Start)))?;
    let event = Event {
        metric,
        touchpoint: shared(touchpoint),
        start,
        end: moment(end),
        value: match value {
            Typed::Number(n) => Some(n),
            _ => None,
        },
        abandoned: moment(abandoned),
        agent: shared(agent),
        team: shared(team),
        id: text(id),
        file,
        line,
    };
    check_order(&event, mapping)?;
    Ok(event)
}

/// One stored value as its column's meaning, or why the row is skipped.
fn value(
    stored: Stored<'_>,
    kind: Kind,
    timestamps: &mut Timestamps<'_>,
    interner: Option<&mut Interner>,
    cx: &ReadContext<'_>,
    place: &At<'_>,
) -> Result<Typed, Rejected> {
    let bad_moment = |text: String| reject::timestamp(&text, cx.timezone_name(), place);
    let stored = match stored {
        Stored::Keyed(_, bytes) => Stored::Bytes(bytes),
        other => other,
    };
    Ok(match (kind, stored) {
        (_, Stored::Null) => Typed::None,
        (Kind::Text { uuid: true }, Stored::Bytes(b)) => Typed::Text(hex_uuid(b)),
        (Kind::Text { .. }, stored) => match stored {
            Stored::Bytes(b) if interner.is_some() => {
                let interner = interner.expect("checked above");
                match interner.text(b).map_err(|_| reject::not_utf8(place))? {
                    Some(text) => Typed::Shared(text),
                    None => Typed::None,
                }
            }
            Stored::Bytes(b) => {
                let text = std::str::from_utf8(b).map_err(|_| reject::not_utf8(place))?;
                let text = text.trim();
                if text.is_empty() {
                    Typed::None
                } else {
                    Typed::Text(text.to_string())
                }
            }
            Stored::Int(n) => Typed::Text(n.to_string()),
            Stored::Float(f) => Typed::Text(f.to_string()),
            Stored::Bool(b) => Typed::Text(b.to_string()),
            Stored::I96(_) | Stored::Null | Stored::Keyed(..) => Typed::None,
        },
        (Kind::ParseMoment | Kind::ParseNumber, Stored::Bytes(b)) => {
            let text = std::str::from_utf8(b).map_err(|_| reject::not_utf8(place))?;
            let text = text.trim();
            if text.is_empty() {
                Typed::None
            } else if kind == Kind::ParseNumber {
                match parse_number(text) {
                    Some(n) if n.is_finite() => Typed::Number(n),
                    _ => return Err(reject::number(text, place)),
                }
            } else {
                match timestamps.parse(text) {
                    Some(at) => Typed::Moment(at),
                    None => return Err(bad_moment(text.to_string())),
                }
            }
        }
        (Kind::Epoch { per_second, utc }, Stored::Int(n)) => {
            let seconds = n.div_euclid(per_second);
            let nanos = (n.rem_euclid(per_second) * (1_000_000_000 / per_second)) as i32;
            let at = if utc {
                Timestamp::new(seconds, nanos).ok()
            } else {
                timestamps.local(seconds, nanos)
            };
            Typed::Moment(at.ok_or_else(|| bad_moment(n.to_string()))?)
        }
        (Kind::Int96, Stored::I96(n)) => {
            let nanos = n.to_nanos();
            Timestamp::new(
                nanos.div_euclid(1_000_000_000),
                nanos.rem_euclid(1_000_000_000) as i32,
            )
            .map(Typed::Moment)
            .map_err(|_| bad_moment(nanos.to_string()))?
        }
        (Kind::Date, Stored::Int(days)) => timestamps
            .local(days.saturating_mul(86_400), 0)
            .map(Typed::Moment)
            .ok_or_else(|| bad_moment(days.to_string()))?,
        (Kind::Decimal { scale }, Stored::Int(n)) => Typed::Number(n as f64 / 10f64.powi(scale)),
        (Kind::Decimal { scale }, Stored::Bytes(b)) => {
            Typed::Number(big_endian(b) as f64 / 10f64.powi(scale))
        }
        (Kind::Float, Stored::Float(f)) if f.is_finite() => Typed::Number(f),
        (Kind::Float, Stored::Float(f)) => return Err(reject::number(&f.to_string(), place)),
        (Kind::Bool, Stored::Bool(b)) => Typed::Number(if b { 1.0 } else { 0.0 }),
        _ => Typed::None,
    })
}

/// A two's-complement big-endian integer of up to 16 bytes (a Parquet decimal).
fn big_endian(bytes: &[u8]) -> i128 {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let mut n: i128 = if negative { -1 } else { 0 };
    for &b in bytes.iter().take(16) {
        n = (n << 8) | i128::from(b);
    }
    n
}

fn hex_uuid(bytes: &[u8]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    if hex.len() == 32 {
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    } else {
        hex
    }
}
