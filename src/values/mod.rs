//! The typed values of the source format: durations, dates, versions, ids and slugs.
//!
//! Each parser returns a plain `Result` whose error is the help line for the diagnostic, so the
//! callers in `parse` decide the code and the span.

mod date;
mod day_words;
mod duration;
mod duration_words;
mod schedule;
mod slug;
mod version;

pub use date::Date;
pub(crate) use duration::all_spellings as duration_spellings;
pub use duration::{Duration, DurationUnit};
pub(crate) use schedule::schedule_example;
pub use schedule::{Schedule, parse_schedule};
pub use slug::slugify;
pub use version::Version;

/// Whether `s` is a lowercase kebab-case id: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Formats a number without a trailing `.0` (`90`, `99.5`).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in ["a", "shift-lead", "step-2", "24h"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "Shift", "a_b", "żółw", "a b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(90.0), "90");
        assert_eq!(format_number(99.5), "99.5");
    }
}
