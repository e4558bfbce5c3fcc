//! What a generated event measures, per metric family, scaled to the standard's bound so
//! that a normal day meets it most of the time and a bad day clearly less: waits from a
//! lognormal queue (longer when the hour is busy), survey answers skewed the way real ones
//! are, 0/1 rates, audit scores, and a custom metric's number near its bound.

use super::random::Rng;
use crate::metrics;
use crate::model::{BoundValue, Direction, Measure, MetricKind};
use crate::values::{Duration, format_number};

/// The spread of waits (the sigma of their logarithm).
const WAIT_SIGMA: f64 = 0.8;

/// The normal quantile of the share of events meant to meet a bound on an ordinary day
/// (90%).
const MEET_Z: f64 = 1.2816;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Family {
    /// `end − start` is measured: the bound in seconds (business seconds when `business`).
    Duration { bound: f64, business: bool },
    /// 0–10 answers; `target` is the NPS of an ordinary day as a fraction.
    Nps { target: f64 },
    /// 1–5 answers; `satisfied` is the share of 4 and 5.
    Csat { satisfied: f64 },
    /// 0/1 values: `ones` is the share of 1 on an ordinary day; `low_is_good` for the rates
    /// bounded with `max`.
    Rate { ones: f64, low_is_good: bool },
    /// 0–100 scores around `mean`.
    Audit { mean: f64 },
    /// A number in the metric's unit near `bound`.
    Custom {
        bound: f64,
        direction: Direction,
        per_event: bool,
        decimals: bool,
        percent: bool,
    },
}

/// The bound of `measure` as one number: seconds for a duration, else the number.
pub(super) fn bound_number(measure: &Measure) -> f64 {
    match &measure.bound.value {
        BoundValue::Duration(d) => d.nominal_seconds(),
        BoundValue::Number(n) => *n,
    }
}

/// Whether `a`'s bound is at least as hard to meet as `b`'s (same metric).
pub(super) fn stricter(a: &Measure, b: &Measure) -> bool {
    match a.bound.direction {
        Direction::Max => bound_number(a) <= bound_number(b),
        Direction::Min => bound_number(a) >= bound_number(b),
    }
}

impl Family {
    pub(super) fn of(measure: &Measure) -> Family {
        let bound = bound_number(measure);
        let direction = measure.bound.direction;
        let name = measure.metric.value.as_str();
        match (measure.kind, name) {
            (MetricKind::Duration, _) => Family::Duration {
                bound: bound.max(1.0),
                business: measure.hours == crate::model::Hours::Business,
            },
            (MetricKind::Score, _) => Family::Nps {
                target: ((bound + 8.0) / 100.0).clamp(-0.7, 0.7),
            },
            (_, "csat") => Family::Csat {
                satisfied: (bound / 100.0 + (1.0 - bound / 100.0) * 0.4).clamp(0.05, 0.99),
            },
            (_, "audit_score") => Family::Audit {
                mean: (bound + 5.0).clamp(5.0, 98.0),
            },
            (MetricKind::Percent, _) => {
                let share = (bound / 100.0).clamp(0.0, 1.0);
                match direction {
                    Direction::Max => Family::Rate {
                        ones: share * 0.7,
                        low_is_good: true,
                    },
                    Direction::Min => Family::Rate {
                        ones: share + (1.0 - share) * 0.35,
                        low_is_good: false,
                    },
                }
            }
            _ => {
                let unit = measure.unit.as_ref().map_or("", |u| u.value.as_str());
                let in_unit = match &measure.bound.value {
                    BoundValue::Duration(_) => Duration::parse(&format!("1 {unit}"))
                        .map_or(bound, |one| bound / one.nominal_seconds()),
                    BoundValue::Number(_) => bound,
                };
                Family::Custom {
                    bound: in_unit,
                    direction,
                    per_event: measure.per_event,
                    decimals: in_unit.fract() != 0.0 || in_unit.abs() < 100.0,
                    percent: unit == "%",
                }
            }
        }
    }

    pub(super) fn is_duration(&self) -> bool {
        matches!(self, Family::Duration { .. })
    }

    /// The median wait of an ordinary day, in seconds.
    pub(super) fn median_wait(bound: f64) -> f64 {
        bound * (-MEET_Z * WAIT_SIGMA).exp()
    }

    /// One wait in seconds: `median` made longer by the day's `quality` (1 is ordinary),
    /// the agent's `pace` and the hour's `load`.
    pub(super) fn wait(rng: &mut Rng, median: f64, quality: f64, pace: f64, load: f64) -> f64 {
        median * quality * pace * load * (WAIT_SIGMA * rng.normal()).exp()
    }

    /// The `value` of one answer or score, written to `out`. `quality` above 1 is a worse
    /// day; `pace` above 1 a slower agent (a little worse on scores too).
    pub(super) fn write_value(&self, rng: &mut Rng, quality: f64, pace: f64, out: &mut Vec<u8>) {
        let worse = (quality - 1.0) + (pace - 1.0) * 0.5;
        let number = match *self {
            Family::Duration { .. } => return,
            Family::Nps { target } => {
                let t = (target - 0.12 * worse).clamp(-0.7, 0.7);
                let promoters = (0.78 + t) / 2.0;
                let detractors = (0.78 - t) / 2.0;
                let x = rng.uniform();
                if x < promoters {
                    if rng.chance(0.62) { 10.0 } else { 9.0 }
                } else if x < promoters + detractors {
                    const LOW: [f64; 7] = [0.10, 0.04, 0.05, 0.08, 0.12, 0.25, 0.36];
                    rng.weighted(&LOW) as f64
                } else if rng.chance(0.45) {
                    7.0
                } else {
                    8.0
                }
            }
            Family::Csat { satisfied } => {
                let unhappy = ((1.0 - satisfied) * (1.0 + worse).max(0.2)).min(0.9);
                if rng.uniform() >= unhappy {
                    if rng.chance(0.62) { 5.0 } else { 4.0 }
                } else {
                    [3.0, 3.0, 2.0, 1.0][rng.below(4)]
                }
            }
            Family::Rate { ones, low_is_good } => {
                let p = match low_is_good {
                    true => ones * (1.0 + worse).max(0.2),
                    false => 1.0 - (1.0 - ones) * (1.0 + worse).max(0.2),
                };
                f64::from(u8::from(rng.chance(p.clamp(0.0, 1.0))))
            }
            Family::Audit { mean } => (mean - 6.0 * worse + 6.0 * rng.normal())
                .clamp(0.0, 100.0)
                .round(),
            Family::Custom {
                bound,
                direction,
                per_event,
                decimals,
                percent,
            } => {
                let scale = if bound == 0.0 { 1.0 } else { bound.abs() };
                let sign = match direction {
                    Direction::Max => 1.0,
                    Direction::Min => -1.0,
                };
                let v = if per_event {
                    let sigma = 0.25;
                    let log = -sign * MEET_Z * sigma + sign * 0.3 * worse + sigma * rng.normal();
                    scale * log.exp()
                } else {
                    scale * (1.0 - sign * 0.02 + sign * 0.03 * worse + 0.03 * rng.normal())
                };
                let v = if percent {
                    v.clamp(0.0, 100.0)
                } else {
                    v.max(0.0)
                };
                match decimals {
                    true => (v * 10.0).round() / 10.0,
                    false => v.round(),
                }
            }
        };
        out.extend_from_slice(format_number(number).as_bytes());
    }

    /// A value outside the metric's range, for a bad row; `None` for a metric without one.
    pub(super) fn out_of_range(&self) -> Option<&'static str> {
        match self {
            Family::Nps { .. } => Some("11"),
            Family::Csat { .. } => Some("6"),
            Family::Rate { .. } => Some("2"),
            Family::Audit { .. } => Some("101"),
            Family::Duration { .. } | Family::Custom { .. } => None,
        }
    }

    /// How many events of this family arrive per contact (surveys are answered by some
    /// customers, audits cover a sample).
    pub(super) fn per_contact(&self) -> f64 {
        match self {
            Family::Duration { .. } | Family::Rate { .. } => 1.0,
            Family::Csat { .. } | Family::Custom { .. } => 0.3,
            Family::Nps { .. } => 0.2,
            Family::Audit { .. } => 0.1,
        }
    }

    /// Whether the answer names the employee (an NPS answer is about the company).
    pub(super) fn names_agent(&self) -> bool {
        !matches!(self, Family::Nps { .. })
    }
}

/// The prefix of the ids of `metric`'s events, as a source system would number them.
pub(super) fn id_prefix(metric: &str, channel: Option<crate::model::Channel>) -> &'static str {
    use crate::model::Channel;
    match (metrics::builtin(metric).map(|m| m.kind), metric, channel) {
        (_, "nps" | "csat", _) => "SRV",
        (_, "audit_score", _) => "AUD",
        (Some(MetricKind::Duration), _, Some(Channel::Phone)) => "CALL",
        (Some(MetricKind::Duration), _, Some(Channel::Email | Channel::Mail)) => "MAIL",
        (Some(MetricKind::Duration), _, Some(Channel::Chat)) => "CHAT",
        (Some(MetricKind::Duration), _, Some(Channel::Social)) => "SOC",
        (Some(MetricKind::Duration), _, Some(Channel::Store)) => "VISIT",
        (Some(MetricKind::Duration), _, _) => "TICKET",
        _ => "EV",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mean_of(family: &Family, quality: f64) -> f64 {
        let mut rng = Rng::new(5, 0);
        let mut sum = 0.0;
        for _ in 0..20_000 {
            let mut out = Vec::new();
            family.write_value(&mut rng, quality, 1.0, &mut out);
            sum += std::str::from_utf8(&out).unwrap().parse::<f64>().unwrap();
        }
        sum / 20_000.0
    }

    #[test]
    fn answers_stay_in_range_and_bad_days_are_worse() {
        let nps = Family::Nps { target: 0.58 };
        let mut rng = Rng::new(5, 1);
        let (mut promoters, mut detractors) = (0, 0);
        for _ in 0..20_000 {
            let mut out = Vec::new();
            nps.write_value(&mut rng, 1.0, 1.0, &mut out);
            let v: u8 = std::str::from_utf8(&out).unwrap().parse().unwrap();
            assert!(v <= 10);
            promoters += u32::from(v >= 9);
            detractors += u32::from(v <= 6);
        }
        let score = (f64::from(promoters) - f64::from(detractors)) / 200.0;
        assert!((score - 58.0).abs() < 3.0, "{score}");
        assert!(mean_of(&nps, 2.0) < mean_of(&nps, 1.0));
        let audit = Family::Audit { mean: 95.0 };
        assert!(mean_of(&audit, 1.0) <= 100.0 && mean_of(&audit, 1.0) > 90.0);
        let rate = Family::Rate {
            ones: 0.035,
            low_is_good: true,
        };
        assert!(mean_of(&rate, 2.0) > mean_of(&rate, 1.0));
    }

    #[test]
    fn waits_meet_the_bound_about_nine_times_in_ten() {
        let mut rng = Rng::new(5, 2);
        let median = Family::median_wait(120.0);
        let met = (0..20_000)
            .filter(|_| Family::wait(&mut rng, median, 1.0, 1.0, 1.0) <= 120.0)
            .count();
        assert!((17_600..18_400).contains(&met), "{met}");
    }
}
