//! Reading event files for `sok measure` (FORMAT.md §8, "Events"): CSV, JSON Lines and
//! Parquet, found by extension, streamed in batches of typed events so that a file of any
//! size is read in bounded memory. A row that cannot be read is a diagnostic at its file,
//! line and column and reading goes on; only what stops a file being read at all (it cannot
//! be opened, the disk fails mid-file) is an `Error`.
//!
//! `inputs` turns `--events` arguments into files; `columns` finds the format's columns in a
//! file; `row` and `timestamp` type the cells; `csv`, `jsonl` and `parquet` read one format
//! each, handing chunks of rows to the thread pool through `stream`.

mod columns;
mod csv;
mod inputs;
mod intern;
mod jsonl;
mod parquet;
mod pattern;
mod positional;
mod reject;
mod row;
mod row_limit;
mod stream;
mod timestamp;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, codes};
use crate::error::Error;
use crate::measure::Event;
use crate::model::Sp;
use crate::source::{FileId, SourceFile, Sources};
use row_limit::RowLimit;

pub(crate) use inputs::inputs;

/// Rows per batch: large enough that handing a batch on costs nothing next to typing it,
/// small enough that a few in flight stay a few megabytes.
const BATCH_ROWS: usize = 8_192;

/// One source of events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    File(PathBuf),
    /// `-`: CSV on standard input.
    Stdin,
}

/// What reading needs from the handbook.
pub(crate) struct ReadContext<'a> {
    /// The calendar's zone, for local date-times without an offset.
    pub timezone: &'a jiff::tz::TimeZone,
    /// `EventSettings::columns`: a format column → the export's header name.
    pub columns: &'a BTreeMap<String, Sp<String>>,
}

impl ReadContext<'_> {
    /// The zone's name for help lines.
    fn timezone_name(&self) -> &str {
        self.timezone.iana_name().unwrap_or("UTC")
    }
}

/// Where typed batches go. `prepare` runs in the thread pool as soon as a batch is typed
/// (the evaluation judges its events there); `each` then takes what it made one at a time,
/// in the order of the file's rows, so that what depends on order (the first row of a
/// repeated id, the order of a sum) is the same on every machine.
pub(crate) struct Sink<'a, T> {
    pub prepare: &'a (dyn Fn(Batch) -> T + Sync),
    pub each: &'a (dyn Fn(T) + Sync),
}

impl<T> Sink<'_, T> {
    /// Hands on a batch made outside the stream (a file's one diagnostic).
    fn send(&self, batch: Batch) {
        (self.each)((self.prepare)(batch));
    }
}

/// Consecutive rows of one file, read and typed; bad rows are diagnostics. `rejected` holds
/// one diagnostic per skipped row, except `sok::event::column_missing`, which stands for a
/// whole file of which no row was read.
#[derive(Debug)]
pub(crate) struct Batch {
    pub events: Vec<Event>,
    pub rejected: Vec<Diagnostic>,
}

/// The format of an events file, by its extension (any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    JsonLines,
    Parquet,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

/// How a file is named in diagnostics: relative to the working directory when inside it.
fn display(input: &Input) -> String {
    match input {
        Input::Stdin => "<stdin>".to_string(),
        Input::File(path) => {
            let cwd = std::env::current_dir().unwrap_or_default();
            path.strip_prefix(&cwd)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/")
        }
    }
}

/// An I/O error reading `path`.
fn read_error(path: &str, error: &std::io::Error) -> Error {
    Error::new(format!("cannot read `{path}`: {error}"))
        .with_code(&codes::IO_READ)
        .with_help("check that the file exists, is readable and is not being written")
}

/// Reads every input, registering each file in `sources` (`SourceFile::new(path, "")`)
/// first, then streams it in batches of about 8,192 rows to `sink`. Files are read in
/// parallel, and a file's batches are typed in parallel; one file's batches reach
/// `sink.each` in order, but the batches of several files interleave (read one file per
/// call where that matters). Every event keeps its file and line. Returns the number of
/// data rows read (accepted and rejected). An I/O error is an `Error` naming the file; the
/// batches already handed on stay handed on.
pub(crate) fn read_all<T: Send>(
    inputs: &[Input],
    cx: &ReadContext<'_>,
    sources: &mut Sources,
    sink: &Sink<'_, T>,
) -> Result<u64, Error> {
    let files: Vec<(&Input, String, FileId)> = inputs
        .iter()
        .map(|input| {
            let path = display(input);
            let id = sources.add(SourceFile::new(path.clone(), ""));
            (input, path, id)
        })
        .collect();
    let rows = AtomicU64::new(0);
    files.par_iter().try_for_each(|(input, path, id)| {
        let n = read_one(input, path, *id, cx, sink)?;
        rows.fetch_add(n, Ordering::Relaxed);
        Ok::<(), Error>(())
    })?;
    Ok(rows.into_inner())
}

/// How many rows with ids the inputs hold, as far as known before reading them: the rows of
/// their Parquet files (from the footers). The evaluation sizes its set of ids for them, so
/// that the set is not grown and copied while the rows arrive.
pub(crate) fn known_rows_with_ids(inputs: &[Input], cx: &ReadContext<'_>) -> u64 {
    inputs
        .iter()
        .filter_map(|input| match input {
            Input::File(name) if Format::of(name) == Some(Format::Parquet) => {
                parquet::rows_with_ids(name, cx)
            }
            _ => None,
        })
        .sum()
}

fn read_one<T: Send>(
    input: &Input,
    path: &str,
    file: FileId,
    cx: &ReadContext<'_>,
    sink: &Sink<'_, T>,
) -> Result<u64, Error> {
    match input {
        Input::Stdin => csv::read(RowLimit::csv(std::io::stdin()), path, file, cx, sink),
        Input::File(name) => {
            let handle = std::fs::File::open(name).map_err(|e| read_error(path, &e))?;
            match Format::of(name) {
                Some(Format::JsonLines) => {
                    jsonl::read(RowLimit::lines(handle), path, file, cx, sink)
                }
                Some(Format::Parquet) => parquet::read(handle, path, file, cx, sink),
                _ => csv::read(RowLimit::csv(handle), path, file, cx, sink),
            }
        }
    }
}

/// Reads one events file held in memory, CSV or (`json_lines`) JSON Lines, with the format's
/// own column names and local times in Europe/Warsaw, into one batch: how the fuzz target
/// and its regression tests reach the readers without a file on disk.
pub(crate) fn read_bytes(bytes: &[u8], json_lines: bool) -> Result<Batch, Error> {
    let timezone = jiff::tz::TimeZone::get("Europe/Warsaw").unwrap_or(jiff::tz::TimeZone::UTC);
    let columns = BTreeMap::new();
    let cx = ReadContext {
        timezone: &timezone,
        columns: &columns,
    };
    let all = std::sync::Mutex::new(Batch {
        events: Vec::new(),
        rejected: Vec::new(),
    });
    let each = |batch: Batch| {
        let mut all = all.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        all.events.extend(batch.events);
        all.rejected.extend(batch.rejected);
    };
    let sink = Sink {
        prepare: &|batch| batch,
        each: &each,
    };
    let file = FileId(0);
    if json_lines {
        jsonl::read(bytes, "events.jsonl", file, &cx, &sink)?;
    } else {
        csv::read(bytes, "events.csv", file, &cx, &sink)?;
    }
    Ok(all
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner()))
}

#[cfg(test)]
mod tests;
