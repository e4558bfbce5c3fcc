//! Counting events into tallies per standard, period, agent, team and touchpoint, by the
//! rules of FORMAT.md §8 and the decisions of docs/measure.md.
//!
//! Batches of events are judged in the thread pool (`judge`), each into a `Partial` of its
//! own, and the partials are merged one at a time in the order of the file's rows. What
//! depends on order is decided at the merge: the first row of a repeated id is the one
//! counted (a later one is judged again and taken back out of its partial), the shown
//! rejections are the first of each code, and sums are added in the same order on every
//! machine. Only counts are kept: memory grows with standards × periods × agents, not with
//! events. Ids are remembered as 64-bit hashes.

mod judge;
mod partial;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use self::judge::{Judge, Outcomes, Tables};
use super::fast_hash::IdSet;
use super::tally::PeriodTally;
use crate::diagnostics::Diagnostic;
use crate::model::Handbook;
use crate::values::Date;

pub(crate) use partial::Partial;

/// What the evaluation is asked, besides the events.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Seconds since the epoch at which events without `end` are judged.
    pub as_of: i64,
    /// Only events whose start falls on these local dates (inclusive).
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// Rejected rows shown in full per code; the rest are counted in one line.
const SHOWN_PER_CODE: u64 = 100;

/// The evaluation of one run: shared by the threads that judge batches, merged into one at
/// a time.
pub(crate) struct Evaluation<'h> {
    pub(super) judge: Judge<'h>,
    /// Caches lent to the threads that judge batches, one per thread at a time.
    lent: Mutex<Vec<Tables>>,
    pub(super) merged: Mutex<Merged<'h>>,
}

/// The counts of every batch merged so far.
pub(crate) struct Merged<'h> {
    /// The merge's own caches, for judging a repeated row again.
    pub(super) tables: Tables,
    ids: IdSet,
    /// Touchpoints whose `hours` were reported as not a schedule.
    reported: BTreeSet<&'h str>,
    pub(super) tallies: BTreeMap<(usize, i64), PeriodTally>,
    pub(super) rows: u64,
    pub(super) rejected: u64,
    pub(super) unused: u64,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) hidden: BTreeMap<&'static str, u64>,
    shown: HashMap<&'static str, u64>,
}

impl<'h> Evaluation<'h> {
    pub(crate) fn new(handbook: &'h Handbook, options: Options) -> Evaluation<'h> {
        let judge = Judge::new(handbook, options);
        Evaluation {
            lent: Mutex::new(Vec::new()),
            merged: Mutex::new(Merged {
                tables: judge.tables(),
                ids: IdSet::default(),
                reported: BTreeSet::new(),
                tallies: BTreeMap::new(),
                rows: 0,
                rejected: 0,
                unused: 0,
                diagnostics: Vec::new(),
                hidden: BTreeMap::new(),
                shown: HashMap::new(),
            }),
            judge,
        }
    }

    /// Makes room in the set of ids for `rows` more, known before they are read (a Parquet
    /// footer's row count): the set then never grows, which would copy it whole and touch
    /// twice its memory.
    pub(crate) fn expect_rows(&self, rows: u64) {
        let mut merged = self.merged.lock().unwrap_or_else(|e| e.into_inner());
        merged.ids.reserve(usize::try_from(rows).unwrap_or(0));
    }

    /// Judges a batch: the reader's rejections, then its events in order. Runs on any
    /// thread; the result waits for `merge`.
    pub(crate) fn judge(&self, batch: crate::measure::read::Batch) -> Partial<'h> {
        let mut tables = self
            .lent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .unwrap_or_else(|| self.judge.tables());
        let partial = Partial::of(&self.judge, &mut tables, batch);
        self.lent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tables);
        partial
    }

    /// Adds a judged batch. Called with the batches in the order of the rows.
    pub(crate) fn merge(&self, partial: Partial<'h>) {
        let mut merged = self.merged.lock().unwrap_or_else(|e| e.into_inner());
        merged.add(&self.judge, partial);
    }

    /// Counts one event by itself, for tests.
    #[cfg(test)]
    pub(crate) fn add(&mut self, event: &super::event::Event) {
        let batch = crate::measure::read::Batch {
            events: vec![event.clone()],
            rejected: Vec::new(),
        };
        let partial = self.judge(batch);
        self.merge(partial);
    }
}

impl<'h> Merged<'h> {
    fn add(&mut self, judge: &Judge<'h>, mut partial: Partial<'h>) {
        let mut outcomes = Outcomes::new();
        self.tables.new_batch();
        let claims = std::mem::take(&mut partial.claims);
        for (hash, index) in claims {
            if !self.ids.insert(hash) {
                partial.take_back(judge, &mut self.tables, index, &mut outcomes);
            }
        }
        self.rows += partial.rows;
        self.rejected += partial.rejected;
        self.unused += partial.unused;
        for (touchpoint, events) in &partial.needs_schedule {
            if *events > 0 && self.reported.insert(touchpoint) {
                let problem = judge.schedule_problem(touchpoint);
                self.diagnostics.extend(problem.cloned());
            }
        }
        let [agents, teams, touchpoints] = &partial.names;
        for (key, tally) in &partial.tallies {
            self.tallies
                .entry(*key)
                .or_default()
                .merge_batch(tally, [agents, teams, touchpoints]);
        }
        for (_, diagnostic) in partial.diagnostics {
            self.keep(diagnostic);
        }
    }

    fn keep(&mut self, diagnostic: Diagnostic) {
        let shown = self.shown.entry(diagnostic.code).or_default();
        if *shown < SHOWN_PER_CODE {
            *shown += 1;
            self.diagnostics.push(diagnostic);
        } else {
            *self.hidden.entry(diagnostic.code).or_default() += 1;
        }
    }
}

#[cfg(test)]
mod tests;
