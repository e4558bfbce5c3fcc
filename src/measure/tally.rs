//! Running counts of one standard in one period, and of each agent, team and touchpoint in
//! it. Plain sums, so that the SQL `sok measure --sql` writes adds up the same figures.

use std::sync::Arc;

use super::fast_hash::FastMap;

use super::rule::Counting;

/// What one event adds to its standard's counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Outcome {
    Met,
    Failed,
    /// Without `end`, its bound not yet passed: listed, not counted.
    Pending,
    /// An answer or score.
    Value(f64),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tally {
    pub events: u64,
    /// Events that met the bound; promoters, satisfied answers, or rate events with 1.
    pub met: u64,
    pub pending: u64,
    /// NPS detractors (0–6).
    pub detractors: u64,
    /// The sum of values, for means and rates.
    pub sum: f64,
}

impl Tally {
    pub(crate) fn add(&mut self, outcome: Outcome, counting: Counting) {
        match outcome {
            Outcome::Pending => self.pending += 1,
            Outcome::Met => {
                self.events += 1;
                self.met += 1;
            }
            Outcome::Failed => self.events += 1,
            Outcome::Value(v) => {
                self.events += 1;
                self.sum += v;
                let met = match counting {
                    Counting::Nps => {
                        if v <= 6.0 {
                            self.detractors += 1;
                        }
                        v >= 9.0
                    }
                    Counting::Csat => v >= 4.0,
                    Counting::Rate => v == 1.0,
                    _ => false,
                };
                if met {
                    self.met += 1;
                }
            }
        }
    }

    /// Takes back what `add` added for the same outcome: a repeated row found after its
    /// batch was counted.
    pub(crate) fn remove(&mut self, outcome: Outcome, counting: Counting) {
        let mut added = Tally::default();
        added.add(outcome, counting);
        self.events -= added.events;
        self.met -= added.met;
        self.pending -= added.pending;
        self.detractors -= added.detractors;
        self.sum -= added.sum;
    }

    /// Adds the counts of another part of the same stream, read after this one.
    pub(crate) fn merge(&mut self, other: &Tally) {
        self.events += other.events;
        self.met += other.met;
        self.pending += other.pending;
        self.detractors += other.detractors;
        self.sum += other.sum;
    }

    /// Whether no event is counted or pending: what is left when every event added was
    /// taken back.
    pub(crate) fn is_empty(&self) -> bool {
        self.events == 0 && self.pending == 0
    }

    /// The result: percent met, the NPS, the rate in percent or the mean; `None` without
    /// counted events. Each is one division of whole sums, written the same way in SQL.
    pub(crate) fn value(&self, counting: Counting) -> Option<f64> {
        if self.events == 0 {
            return None;
        }
        let n = self.events as f64;
        Some(match counting {
            Counting::Duration { .. } | Counting::EventValue | Counting::Csat => {
                self.met as f64 * 100.0 / n
            }
            Counting::Nps => (self.met as f64 - self.detractors as f64) * 100.0 / n,
            Counting::Rate => self.sum * 100.0 / n,
            Counting::Mean => self.sum / n,
        })
    }
}

/// A standard's counts in one period.
#[derive(Debug, Clone, Default)]
pub(crate) struct PeriodTally {
    pub total: Tally,
    pub agents: FastMap<String, Tally>,
    pub teams: FastMap<String, Tally>,
    pub touchpoints: FastMap<String, Tally>,
}

/// The tally of `name` (`""` for none), created on first use without allocating after.
fn group<'a>(map: &'a mut FastMap<String, Tally>, name: Option<&str>) -> &'a mut Tally {
    let name = name.unwrap_or("");
    if !map.contains_key(name) {
        map.insert(name.to_string(), Tally::default());
    }
    map.get_mut(name).expect("inserted above")
}

/// The names of the agents, teams or touchpoints of one batch, each given a slot: the
/// batch's tallies are counted by slot, and the names looked up once per batch at the
/// merge. A name is found by the address of its shared text (`Arc<str>`), one word to
/// hash, and by the text only the first time an address is seen, so that the same name in
/// two texts has one slot and its sums are added in the order of the rows.
pub(crate) struct Names {
    by_address: FastMap<usize, u32>,
    by_text: FastMap<Arc<str>, u32>,
    /// Slot 0 is `""`, the group of events without one.
    names: Vec<Arc<str>>,
    pinned: Vec<Arc<str>>,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            by_address: FastMap::default(),
            by_text: FastMap::from_iter([(Arc::from(""), 0)]),
            names: vec![Arc::from("")],
            pinned: Vec::new(),
        }
    }
}

impl Names {
    pub(crate) fn slot(&mut self, name: Option<&Arc<str>>) -> usize {
        let Some(name) = name else { return 0 };
        let address = Arc::as_ptr(name) as *const u8 as usize;
        if let Some(&slot) = self.by_address.get(&address) {
            return slot as usize;
        }
        let slot = match self.by_text.get(&**name) {
            Some(&slot) => slot as usize,
            None => {
                self.names.push(name.clone());
                let slot = self.names.len() - 1;
                self.by_text.insert(name.clone(), slot as u32);
                slot
            }
        };
        // Kept, so that its address is not reused for another text while mapped.
        self.pinned.push(name.clone());
        self.by_address.insert(address, slot as u32);
        slot
    }

    pub(crate) fn name(&self, slot: usize) -> &str {
        &self.names[slot]
    }
}

/// A standard's counts in one period of one batch, its groups by the slots of the batch's
/// `Names` (agents, teams, touchpoints): an index, not a hash, per event. A batch has at most
/// one slot per row, so these stay bounded by the batch's rows even when every row names a
/// new agent.
#[derive(Debug, Clone, Default)]
pub(crate) struct BatchTally {
    pub total: Tally,
    pub groups: [Vec<Tally>; 3],
}

impl BatchTally {
    pub(crate) fn add(
        &mut self,
        outcome: Outcome,
        counting: Counting,
        slots: [usize; 3],
        by_touchpoint: bool,
    ) {
        self.total.add(outcome, counting);
        let kinds = if by_touchpoint { 3 } else { 2 };
        for (group, &slot) in self.groups.iter_mut().zip(&slots).take(kinds) {
            if group.len() <= slot {
                group.resize(slot + 1, Tally::default());
            }
            group[slot].add(outcome, counting);
        }
    }

    /// Takes back one event's `add`; a group left with no event is as if never counted.
    pub(crate) fn remove(
        &mut self,
        outcome: Outcome,
        counting: Counting,
        slots: [usize; 3],
        by_touchpoint: bool,
    ) {
        self.total.remove(outcome, counting);
        let kinds = if by_touchpoint { 3 } else { 2 };
        for (group, &slot) in self.groups.iter_mut().zip(&slots).take(kinds) {
            if let Some(tally) = group.get_mut(slot) {
                tally.remove(outcome, counting);
                if tally.is_empty() {
                    *tally = Tally::default();
                }
            }
        }
    }
}

impl PeriodTally {
    /// Adds the counts of a later batch, its slots named by `names` (agents, teams,
    /// touchpoints).
    pub(crate) fn merge_batch(&mut self, other: &BatchTally, names: [&Names; 3]) {
        self.total.merge(&other.total);
        let mine = [&mut self.agents, &mut self.teams, &mut self.touchpoints];
        for ((mine, theirs), names) in mine.into_iter().zip(&other.groups).zip(names) {
            for (slot, tally) in theirs.iter().enumerate() {
                if !tally.is_empty() {
                    group(mine, Some(names.name(slot))).merge(tally);
                }
            }
        }
    }
}
