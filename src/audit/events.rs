//! Filled forms back into `sok measure`: one `audit_score` event per form, in the CSV event
//! format of FORMAT.md §8, so a "mystery shopper score at least 90%" standard is measured
//! like any other.

use super::filled::{self, Problem};
use super::items::Scorecard;
use super::score::{Answer, score};
use crate::i18n::Catalog;

/// The events of the forms that have a result, and a line for each form without one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scored {
    pub csv: String,
    pub events: usize,
    pub warnings: Vec<String>,
}

/// The header of the events written.
pub(crate) const COLUMNS: [&str; 7] = [
    "id",
    "metric",
    "touchpoint",
    "start",
    "value",
    "agent",
    "team",
];

/// Scores every `(path, text)` form; `card` gives the scorecard of a touchpoint id (`None`
/// for an id the handbook does not have). Every problem of every form is returned at once.
pub(crate) fn score_forms(
    forms: &[(String, String)],
    cat: &Catalog,
    card: impl Fn(&str) -> Option<Scorecard>,
    touchpoints: &[&str],
) -> Result<Scored, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    let mut events = 0;
    let mut warnings = Vec::new();
    for (path, text) in forms {
        let form = match filled::read(path, text, cat) {
            Ok(f) => f,
            Err(p) => {
                problems.extend(p);
                continue;
            }
        };
        let at = match &form.at {
            None => {
                problems.push(Problem {
                    at: form.at_at.clone(),
                    message: "`audit.at` is missing: write when the visit or call took place, \
                              like 2026-10-01T09:00:00+02:00 or 2026-10-01 09:00"
                        .into(),
                });
                None
            }
            Some(at) if !is_timestamp(at) => {
                problems.push(Problem {
                    at: form.at_at.clone(),
                    message: format!(
                        "`{at}` is not a timestamp: write RFC 3339 (2026-10-01T09:00:00+02:00) \
                         or a local date and time (2026-10-01 09:00)"
                    ),
                });
                None
            }
            Some(at) => Some(at.clone()),
        };
        let Some(tp) = form.touchpoint.clone() else {
            problems.push(Problem {
                at: form.touchpoint_at.clone(),
                message: "the form names no touchpoint".into(),
            });
            continue;
        };
        let Some(card) = card(&tp) else {
            let hint = crate::diagnostics::did_you_mean(&tp, touchpoints.iter().copied())
                .unwrap_or_else(|| format!("the touchpoints are: {}", touchpoints.join(", ")));
            problems.push(Problem {
                at: form.touchpoint_at.clone(),
                message: format!("the handbook has no touchpoint `{tp}`; {hint}"),
            });
            continue;
        };
        let ids: Vec<&str> = card.items().map(|(_, i)| i.id.as_str()).collect();
        let mut answers: Vec<Option<Answer>> = vec![None; ids.len()];
        let before = problems.len();
        for (id, answer, place) in &form.answers {
            match ids.iter().position(|i| i == id) {
                Some(n) => answers[n] = *answer,
                None => problems.push(Problem {
                    at: place.clone(),
                    message: format!(
                        "`{id}` is no item of the scorecard of `{tp}`{}",
                        crate::diagnostics::did_you_mean(id, ids.iter().copied())
                            .map(|h| format!("; {h}"))
                            .unwrap_or_default()
                    ),
                }),
            }
        }
        let (Some(at), true) = (at, problems.len() == before) else {
            continue;
        };
        match score(&card, &answers) {
            Some(value) => {
                let value = crate::values::format_number((value * 100.0).round() / 100.0);
                let _ = w.write_record([
                    form.id.as_deref().unwrap_or(""),
                    "audit_score",
                    &tp,
                    &at,
                    &value,
                    form.agent.as_deref().unwrap_or(""),
                    form.team.as_deref().unwrap_or(""),
                ]);
                events += 1;
            }
            None => warnings.push(format!(
                "{path}: no item is answered yes or no, so the form has no score and no event"
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let csv = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    Ok(Scored {
        csv,
        events,
        warnings,
    })
}

/// Whether `text` is a timestamp `sok measure` reads: RFC 3339 with an offset, or a local
/// date and time (`T` or a space between them), or a date (its midnight).
fn is_timestamp(text: &str) -> bool {
    text.parse::<jiff::Timestamp>().is_ok() || text.parse::<jiff::civil::DateTime>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::is_timestamp;

    #[test]
    fn timestamps_are_those_measure_reads() {
        assert!(is_timestamp("2026-10-01T09:00:00+02:00"));
        assert!(is_timestamp("2026-10-01T07:00:03Z"));
        assert!(is_timestamp("2026-10-01 09:00"));
        assert!(is_timestamp("2026-10-01"));
        assert!(!is_timestamp("yesterday"));
        assert!(!is_timestamp("2026-13-01 09:00"));
    }
}
