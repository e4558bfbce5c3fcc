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

/// The typed values of one column for every row of a chunk, as the event holds them.
enum Typed2 {
    Texts(Vec<Option<String>>),
    Shared(Vec<Option<Arc<str>>>),
    Moments(Vec<Option<Timestamp>>),
    Numbers(Vec<Option<f64>>),
}

/// Types a chunk a column at a time (each column's loop knows its type), remembering per row
/// the first value, in the format's column order, that cannot be typed; then makes the
/// events of the rows without one. The same rows are rejected with the same diagnostics as
/// typing a row at a time: a row's later columns are skipped once it is rejected.
pub(super) fn convert(
    chunk: Chunk,
    columns: &[Column],
    mapping: &Mapping,
    file: FileId,
    cx: &ReadContext<'_>,
) -> Batch {
    let rows = chunk.rows;
    let mut timestamps = Timestamps::new(cx.timezone);
    let mut interner = Interner::default();
    let mut problems: Vec<Option<Rejected>> = (0..rows).map(|_| None).collect();
    let mut typed: [Option<Typed2>; COLUMNS] = std::array::from_fn(|_| None);
    for (decoded, column) in chunk.columns.iter().zip(columns) {
        let mut cursor = Cursor {
            decoded,
            max_def: column.max_def,
            value: 0,
        };
        let place = |row: usize| At {
            file,
            line: chunk.first_line + row as u64,
            column: Some(mapping.name(column.col)),
        };
        let col = column.col;
        let out = match col {
            Col::Id => Typed2::Texts(Vec::with_capacity(rows)),
            Col::Start | Col::End | Col::Abandoned => Typed2::Moments(Vec::with_capacity(rows)),
            Col::Value => Typed2::Numbers(Vec::with_capacity(rows)),
            _ => Typed2::Shared(Vec::with_capacity(rows)),
        };
        let slot = typed[col as usize].insert(out);
        // A column read as dictionary keys: each key's meaning given on first use, so that a
        // repeated text costs an index, not a hash. Ids are not shared (each is its own).
        let shared = column.kind == (Kind::Text { uuid: false }) && col != Col::Id;
        let mut meanings: Vec<Option<SharedText>> = match cursor.dictionary_len() {
            Some(n) if shared => vec![None; n],
            _ => Vec::new(),
        };
        for (row, problem) in problems.iter_mut().enumerate() {
            let stored = cursor.get(row);
            if problem.is_some() {
                push_none(slot);
                continue;
            }
            if let (Stored::Keyed(key, bytes), Typed2::Shared(out)) = (stored, &mut *slot)
                && !meanings.is_empty()
            {
                let meaning = meanings[key as usize].get_or_insert_with(|| shared_text(bytes));
                match meaning {
                    Ok(text) => out.push(text.clone()),
                    Err(()) => {
                        *problem = Some(reject::not_utf8(&place(row)));
                        out.push(None);
                    }
                }
                continue;
            }
            match (stored, column.kind, &mut *slot) {
                (Stored::Null, _, slot) => push_none(slot),
                (
                    Stored::Int(n),
                    Kind::Epoch {
                        per_second,
                        utc: true,
                    },
                    Typed2::Moments(out),
                ) => {
                    let seconds = n.div_euclid(per_second);
                    let nanos = (n.rem_euclid(per_second) * (1_000_000_000 / per_second)) as i32;
                    match Timestamp::new(seconds, nanos) {
                        Ok(at) => out.push(Some(at)),
                        Err(_) => {
                            *problem = Some(reject::timestamp(
                                &n.to_string(),
                                cx.timezone_name(),
                                &place(row),
                            ));
                            out.push(None);
                        }
                    }
                }
                (Stored::Float(f), Kind::Float, Typed2::Numbers(out)) if f.is_finite() => {
                    out.push(Some(f))
                }
                (stored, kind, slot) => {
                    let interner = (col != Col::Id).then_some(&mut interner);
                    match value(stored, kind, &mut timestamps, interner, cx, &place(row)) {
                        Ok(t) => push(slot, t),
                        Err(d) => {
                            *problem = Some(d);
                            push_none(slot);
                        }
                    }
                }
            }
        }
    }
    let mut batch = Batch {
        events: Vec::with_capacity(rows),
        rejected: Vec::new(),
    };
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
    let mut id = id.map(into_texts);
    let mut metric = metric.map(into_shared);
    let mut touchpoint = touchpoint.map(into_shared);
    let start = start.map(into_moments);
    let end = end.map(into_moments);
    let value = value.map(into_numbers);
    let abandoned = abandoned.map(into_moments);
    let mut agent = agent.map(into_shared);
    let mut team = team.map(into_shared);
    fn take<T>(column: &mut Option<Vec<Option<T>>>, row: usize) -> Option<T> {
        column.as_mut().and_then(|c| c[row].take())
    }
    fn copy<T: Copy>(column: &Option<Vec<Option<T>>>, row: usize) -> Option<T> {
        column.as_ref().and_then(|c| c[row])
    }
    for (row, problem) in problems.into_iter().enumerate() {
        if let Some(d) = problem {
            batch.rejected.push(*d);
            continue;
        }
        let line = chunk.first_line + row as u64;
        let place = |col: Col| At {
            file,
            line,
            column: Some(mapping.name(col)),
        };
        let Some(metric) = take(&mut metric, row) else {
            batch
                .rejected
                .push(*reject::empty(Col::Metric, &place(Col::Metric)));
            continue;
        };
        let Some(start) = copy(&start, row) else {
            batch
                .rejected
                .push(*reject::empty(Col::Start, &place(Col::Start)));
            continue;
        };
        let event = Event {
            metric,
            touchpoint: take(&mut touchpoint, row),
            start,
            end: copy(&end, row),
            value: copy(&value, row),
            abandoned: copy(&abandoned, row),
            agent: take(&mut agent, row),
            team: take(&mut team, row),
            id: take(&mut id, row),
            file,
            line,
        };
        match check_order(&event, mapping) {
            Ok(()) => batch.events.push(event),
            Err(d) => batch.rejected.push(*d),
        }
    }
    batch
}

fn push_none(slot: &mut Typed2) {
    match slot {
        Typed2::Texts(v) => v.push(None),
        Typed2::Shared(v) => v.push(None),
        Typed2::Moments(v) => v.push(None),
        Typed2::Numbers(v) => v.push(None),
    }
}

/// Adds a typed value to its column as the event holds it (what `event` did per row).
fn push(slot: &mut Typed2, typed: Typed) {
    match slot {
        Typed2::Texts(v) => v.push(match typed {
            Typed::Text(s) => Some(s),
            Typed::Shared(s) => Some(s.to_string()),
            // A decimal in a text column (an id written as DECIMAL(12,0) or with a scale).
            Typed::Number(n) => Some(n.to_string()),
            _ => None,
        }),
        Typed2::Shared(v) => v.push(match typed {
            Typed::Shared(s) => Some(s),
            Typed::Text(s) => Some(Arc::from(s)),
            Typed::Number(n) => Some(Arc::from(n.to_string())),
            _ => None,
        }),
        Typed2::Moments(v) => v.push(match typed {
            Typed::Moment(m) => Some(m),
            _ => None,
        }),
        Typed2::Numbers(v) => v.push(match typed {
            Typed::Number(n) => Some(n),
            _ => None,
        }),
    }
}

fn into_texts(t: Typed2) -> Vec<Option<String>> {
    match t {
        Typed2::Texts(v) => v,
        _ => unreachable!("the id column holds texts"),
    }
}

fn into_shared(t: Typed2) -> Vec<Option<Arc<str>>> {
    match t {
        Typed2::Shared(v) => v,
        _ => unreachable!("a text column holds shared texts"),
    }
}

fn into_moments(t: Typed2) -> Vec<Option<Timestamp>> {
    match t {
        Typed2::Moments(v) => v,
        _ => unreachable!("a moment column holds moments"),
    }
}

fn into_numbers(t: Typed2) -> Vec<Option<f64>> {
    match t {
        Typed2::Numbers(v) => v,
        _ => unreachable!("the value column holds numbers"),
    }
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
