//! Running counts of one standard in one period, and of each agent, team and touchpoint in
//! it. Plain sums, so that the SQL `sok measure --sql` writes adds up the same figures.

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

impl PeriodTally {
    pub(crate) fn add(
        &mut self,
        outcome: Outcome,
        counting: Counting,
        groups: [Option<&str>; 3],
        by_touchpoint: bool,
    ) {
        self.total.add(outcome, counting);
        let [agent, team, touchpoint] = groups;
        group(&mut self.agents, agent).add(outcome, counting);
        group(&mut self.teams, team).add(outcome, counting);
        if by_touchpoint {
            group(&mut self.touchpoints, touchpoint).add(outcome, counting);
        }
    }
}

impl PeriodTally {
    /// Takes back one event's `add`; a group left with no event is dropped, as if the event
    /// had never been read.
    pub(crate) fn remove(
        &mut self,
        outcome: Outcome,
        counting: Counting,
        groups: [Option<&str>; 3],
        by_touchpoint: bool,
    ) {
        self.total.remove(outcome, counting);
        let [agent, team, touchpoint] = groups;
        take_back(&mut self.agents, agent, outcome, counting);
        take_back(&mut self.teams, team, outcome, counting);
        if by_touchpoint {
            take_back(&mut self.touchpoints, touchpoint, outcome, counting);
        }
    }

    /// Adds the counts of a later part of the stream.
    pub(crate) fn merge(&mut self, other: &PeriodTally) {
        self.total.merge(&other.total);
        for (mine, theirs) in [
            (&mut self.agents, &other.agents),
            (&mut self.teams, &other.teams),
            (&mut self.touchpoints, &other.touchpoints),
        ] {
            for (name, tally) in theirs {
                group(mine, Some(name)).merge(tally);
            }
        }
    }
}

fn take_back(
    map: &mut FastMap<String, Tally>,
    name: Option<&str>,
    outcome: Outcome,
    counting: Counting,
) {
    let name = name.unwrap_or("");
    if let Some(tally) = map.get_mut(name) {
        tally.remove(outcome, counting);
        if tally.is_empty() {
            map.remove(name);
        }
    }
}

/// The tally of `name` (`""` for none), created on first use without allocating after.
fn group<'a>(map: &'a mut FastMap<String, Tally>, name: Option<&str>) -> &'a mut Tally {
    let name = name.unwrap_or("");
    if !map.contains_key(name) {
        map.insert(name.to_string(), Tally::default());
    }
    map.get_mut(name).expect("inserted above")
}
