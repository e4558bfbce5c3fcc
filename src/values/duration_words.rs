//! The spellings of the duration units in every handbook language, kept apart from the
//! grammar in `duration.rs` because the list grows with each language and is documented.

use super::DurationUnit;

/// The languages of the columns of `SPELLINGS`, the handbook languages sok supports.
#[cfg(test)]
const SPELLING_LANGUAGES: [&str; 4] = ["en", "pl", "ru", "sl"];

/// Every spelling of every unit, by language (`SPELLING_LANGUAGES`), in lowercase, words
/// separated by one space. Any spelling is read in a handbook of any language: a Polish
/// handbook quoting `"2 h"` or `"30 minutes"` is as clear as one writing `"2 godz."`.
/// `г` is left out: it is as much a gram as a year. `docs/format.md` shows this table (`spellings_markdown`), and the schema's pattern is
/// built from it, so neither can drift from what is read.
pub(crate) const SPELLINGS: &[(DurationUnit, [&[&str]; 4])] = &[
    (
        DurationUnit::Second,
        [
            &["s", "sec", "secs", "second", "seconds"],
            &["s", "sek", "sek.", "sekunda", "sekundy", "sekund"],
            &["с", "сек", "сек.", "секунда", "секунды", "секунд"],
            &[
                "s", "sek", "sek.", "sekunda", "sekundi", "sekunde", "sekund",
            ],
        ],
    ),
    (
        DurationUnit::Minute,
        [
            &["min", "mins", "min.", "minute", "minutes"],
            &["min", "min.", "minuta", "minuty", "minut"],
            &["мин", "мин.", "минута", "минуты", "минут"],
            &["min", "min.", "minuta", "minuti", "minute", "minut"],
        ],
    ),
    (
        DurationUnit::Hour,
        [
            &["h", "hr", "hrs", "hour", "hours"],
            &["h", "godz", "godz.", "godzina", "godziny", "godzin"],
            &["ч", "ч.", "час", "часа", "часов"],
            &["h", "ura", "uri", "ure", "ur"],
        ],
    ),
    (
        DurationUnit::Day,
        [
            &["d", "day", "days"],
            &["d", "dzień", "dnia", "dni"],
            &["дн", "дн.", "день", "дня", "дней"],
            &["d", "dan", "dneva", "dnevi", "dni", "dnevov"],
        ],
    ),
    (
        DurationUnit::BusinessDay,
        [
            &[
                "business day",
                "business days",
                "working day",
                "working days",
                "workday",
                "workdays",
            ],
            &[
                "dzień roboczy",
                "dnia roboczego",
                "dni robocze",
                "dni roboczych",
            ],
            &[
                "рабочий день",
                "рабочего дня",
                "рабочих дня",
                "рабочих дней",
            ],
            &[
                "delovni dan",
                "delovnega dne",
                "delovna dneva",
                "delovni dnevi",
                "delovnih dni",
                "delovnih dnevov",
            ],
        ],
    ),
    (
        DurationUnit::Week,
        [
            &["w", "wk", "wks", "week", "weeks"],
            &["tydz.", "tydzień", "tygodnia", "tygodnie", "tygodni"],
            &["нед", "нед.", "неделя", "недели", "недель"],
            &["teden", "tedna", "tedni", "tednov"],
        ],
    ),
    (
        DurationUnit::Month,
        [
            &["mo", "mos", "month", "months"],
            &["mies.", "miesiąc", "miesiąca", "miesiące", "miesięcy"],
            &["мес", "мес.", "месяц", "месяца", "месяцев"],
            &["mes.", "mesec", "meseca", "meseci", "mesecev"],
        ],
    ),
    (
        DurationUnit::Year,
        [
            &["y", "yr", "yrs", "year", "years"],
            &["rok", "roku", "lata", "lat"],
            &["год", "года", "лет"],
            &["leto", "leta", "leti", "let"],
        ],
    ),
];

/// `SPELLINGS` as the Markdown table of `docs/format.md`.
#[cfg(test)]
fn spellings_markdown() -> String {
    let mut out = format!(
        "| Unit | {} |\n|---|---|---|---|---|\n",
        SPELLING_LANGUAGES.join(" | ")
    );
    for (unit, words) in SPELLINGS {
        let cells: Vec<String> = words
            .iter()
            .map(|w| {
                w.iter()
                    .map(|w| format!("`{w}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        out.push_str(&format!("| {} | {} |\n", unit.symbol(), cells.join(" | ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_md_shows_the_spellings_table() {
        let doc = include_str!("../../docs/format.md");
        let table = spellings_markdown();
        assert!(
            doc.contains(&table),
            "docs/format.md must contain the duration spellings table:\n{table}"
        );
        assert_eq!(SPELLINGS[0].1.len(), SPELLING_LANGUAGES.len());
    }
}
