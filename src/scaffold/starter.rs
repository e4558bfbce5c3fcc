//! The starter handbooks of `sok init`, one per language, embedded from
//! `templates/init/<language>/`.
//!
//! [`FILES`] is the one list of their files: every language has each of them (a missing
//! one fails the build), and a test fails when a language's folder holds a file that is not
//! in the list.

use crate::model::Language;
use crate::values::Date;

/// The review dates written in the templates, replaced by real ones at init time so that a
/// fresh handbook is neither overdue for review nor in force before it was written.
const TEMPLATE_EFFECTIVE: &str = "effective = 2027-01-01";
const TEMPLATE_LAST_REVIEWED: &str = "last_reviewed = 2026-12-01";

macro_rules! starter_files {
    ($($path:literal),* $(,)?) => {
        /// Every file of a starter handbook, relative to its root, in the order written.
        pub(crate) const FILES: &[&str] = &[$($path),*];

        /// The files' texts in `language`, in the order of [`FILES`].
        fn texts(language: Language) -> &'static [&'static str] {
            match language {
                Language::En => &[$(include_str!(concat!("../../templates/init/en/", $path))),*],
                Language::Pl => &[$(include_str!(concat!("../../templates/init/pl/", $path))),*],
                Language::Ru => &[$(include_str!(concat!("../../templates/init/ru/", $path))),*],
                Language::Sl => &[$(include_str!(concat!("../../templates/init/sl/", $path))),*],
            }
        }
    };
}

starter_files!(
    "sok.toml",
    "owners.toml",
    "touchpoints.toml",
    "principles.toml",
    "glossary.toml",
    "journeys/first-purchase.md",
    "situations/angry-customer.md",
    "standards/answer-time.md",
    "standards/complaint-resolution.md",
    "standards/email-response.md",
    "standards/nps.md",
    "standards/social-response.md",
    "standards/store-wait-time.md",
    "chapters/01-general-provisions.md",
    "chapters/02-appearance-and-behaviour.md",
    "chapters/03-incentives-and-penalties.md",
    "chapters/04-control.md",
    "chapters/05-evaluation.md",
    "chapters/06-review-and-changes.md",
);

/// One file of a starter handbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StarterFile {
    /// Relative to the handbook root, with `/`.
    pub(crate) path: &'static str,
    pub(crate) text: String,
}

/// The starter handbook in `language`, reviewed `today` and in force from the first day of
/// the next month.
pub(crate) fn starter(language: Language, today: Date) -> Vec<StarterFile> {
    let effective = first_of_next_month(today);
    FILES
        .iter()
        .zip(texts(language))
        .map(|(&path, text)| StarterFile {
            path,
            text: text
                .replace(TEMPLATE_EFFECTIVE, &format!("effective = {effective}"))
                .replace(TEMPLATE_LAST_REVIEWED, &format!("last_reviewed = {today}")),
        })
        .collect()
}

fn first_of_next_month(day: Date) -> Date {
    Date { day: 1, ..day }.add_months(1)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    fn on_disk(language: Language) -> BTreeSet<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates/init")
            .join(language.keyword());
        walkdir::WalkDir::new(&root)
            .into_iter()
            .map(|entry| entry.expect("readable template folder"))
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let relative = entry.path().strip_prefix(&root).expect("below the root");
                relative.to_string_lossy().replace('\\', "/")
            })
            .collect()
    }

    #[test]
    fn every_template_file_is_embedded_in_every_language() {
        let listed: BTreeSet<String> = FILES.iter().map(|f| f.to_string()).collect();
        assert_eq!(listed.len(), FILES.len(), "a file is listed twice");
        for (_, language) in Language::KEYWORDS {
            let found = on_disk(*language);
            let not_listed: Vec<_> = found.difference(&listed).collect();
            let missing: Vec<_> = listed.difference(&found).collect();
            assert!(
                not_listed.is_empty() && missing.is_empty(),
                "templates/init/{}: not in starter::FILES: {not_listed:?}; listed but \
                 missing: {missing:?}",
                language.keyword()
            );
        }
    }

    #[test]
    fn the_template_dates_are_replaced() {
        let today = Date::new(2031, 12, 17).unwrap();
        for (_, language) in Language::KEYWORDS {
            let files = starter(*language, today);
            for file in &files {
                for stale in ["2027-01-01", "2026-12-01"] {
                    assert!(
                        !file.text.contains(stale),
                        "{}/{}: {stale} is left; write it as `{TEMPLATE_EFFECTIVE}` or \
                         `{TEMPLATE_LAST_REVIEWED}`",
                        language.keyword(),
                        file.path
                    );
                }
            }
            let settings = &files[0].text;
            assert!(settings.contains("effective = 2032-01-01"), "{settings}");
            assert!(
                settings.contains("last_reviewed = 2031-12-17"),
                "{settings}"
            );
        }
    }

    #[test]
    fn next_month() {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(first_of_next_month(date(2026, 1, 31)), date(2026, 2, 1));
        assert_eq!(first_of_next_month(date(2026, 12, 1)), date(2027, 1, 1));
    }
}
