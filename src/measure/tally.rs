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

/// The tally of `name` (`""` for none), created on first use without allocating after.
fn group<'a>(map: &'a mut FastMap<String, Tally>, name: Option<&str>) -> &'a mut Tally {
    let name = name.unwrap_or("");
    if !map.contains_key(name) {
        map.insert(name.to_string(), Tally::default());
    }
    map.get_mut(name).expect("inserted above")
}
