//! The words schedules are written in (FORMAT.md §8), per language: day names, the words for
//! every day, weekdays, the weekend and closed days, and the small words between days and times.
//!
//! English is accepted in every handbook, so a language's words are always searched together
//! with the English ones. Words are compared folded (lowercase, without Polish and Slovenian
//! diacritics, `ё` as `е`), because hours are often typed without them.

use std::sync::OnceLock;

use crate::model::Language;

/// What a word, or a phrase of a few words, means in a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// One day, 0 = Monday: the only kind of word a day range may start or end with.
    Day(usize),
    /// Several days at once (a bit per day, Monday = bit 0): every day, weekdays, the weekend.
    Days(u8),
    /// The days before it have no hours.
    Closed,
    /// Open the whole day: the time range `0–24`.
    AroundTheClock,
    /// Between two days or two time ranges.
    And,
    /// Before the first day or time of a range (`from`, `od`, `с`).
    From,
    /// Between the two ends of a range, like a dash (`to`, `do`, `до`, `по`).
    To,
}

pub(crate) const EVERY_DAY: u8 = 0b111_1111;
const WEEKDAYS: u8 = 0b001_1111;
const WEEKEND: u8 = 0b110_0000;

use Meaning::{AroundTheClock, Closed, Day, Days, From, To};

type Words = &'static [(&'static str, Meaning)];

const EN: Words = &[
    ("monday", Day(0)),
    ("mondays", Day(0)),
    ("mon", Day(0)),
    ("mo", Day(0)),
    ("tuesday", Day(1)),
    ("tuesdays", Day(1)),
    ("tue", Day(1)),
    ("tues", Day(1)),
    ("tu", Day(1)),
    ("wednesday", Day(2)),
    ("wednesdays", Day(2)),
    ("wed", Day(2)),
    ("we", Day(2)),
    ("thursday", Day(3)),
    ("thursdays", Day(3)),
    ("thu", Day(3)),
    ("thur", Day(3)),
    ("thurs", Day(3)),
    ("th", Day(3)),
    ("friday", Day(4)),
    ("fridays", Day(4)),
    ("fri", Day(4)),
    ("fr", Day(4)),
    ("saturday", Day(5)),
    ("saturdays", Day(5)),
    ("sat", Day(5)),
    ("sa", Day(5)),
    ("sunday", Day(6)),
    ("sundays", Day(6)),
    ("sun", Day(6)),
    ("su", Day(6)),
    ("daily", Days(EVERY_DAY)),
    ("everyday", Days(EVERY_DAY)),
    ("every day", Days(EVERY_DAY)),
    ("each day", Days(EVERY_DAY)),
    ("all week", Days(EVERY_DAY)),
    ("weekdays", Days(WEEKDAYS)),
    ("weekend", Days(WEEKEND)),
    ("weekends", Days(WEEKEND)),
    ("closed", Closed),
    ("around the clock", AroundTheClock),
    ("round the clock", AroundTheClock),
    ("and", Meaning::And),
    ("&", Meaning::And),
    ("from", From),
    ("to", To),
    ("till", To),
    ("until", To),
    ("through", To),
    ("thru", To),
];

const PL: Words = &[
    ("poniedziałek", Day(0)),
    ("poniedziałku", Day(0)),
    ("poniedziałki", Day(0)),
    ("pon", Day(0)),
    ("pn", Day(0)),
    ("wtorek", Day(1)),
    ("wtorku", Day(1)),
    ("wtorki", Day(1)),
    ("wt", Day(1)),
    ("wto", Day(1)),
    ("środa", Day(2)),
    ("środy", Day(2)),
    ("środę", Day(2)),
    ("śr", Day(2)),
    ("śro", Day(2)),
    ("czwartek", Day(3)),
    ("czwartku", Day(3)),
    ("czwartki", Day(3)),
    ("czw", Day(3)),
    ("cz", Day(3)),
    ("piątek", Day(4)),
    ("piątku", Day(4)),
    ("piątki", Day(4)),
    ("pt", Day(4)),
    ("pią", Day(4)),
    ("sobota", Day(5)),
    ("soboty", Day(5)),
    ("sobotę", Day(5)),
    ("sob", Day(5)),
    ("sb", Day(5)),
    ("niedziela", Day(6)),
    ("niedzieli", Day(6)),
    ("niedzielę", Day(6)),
    ("niedziele", Day(6)),
    ("niedz", Day(6)),
    ("nd", Day(6)),
    ("ndz", Day(6)),
    ("codziennie", Days(EVERY_DAY)),
    ("każdego dnia", Days(EVERY_DAY)),
    ("cały tydzień", Days(EVERY_DAY)),
    ("wszystkie dni", Days(EVERY_DAY)),
    ("dni robocze", Days(WEEKDAYS)),
    ("dni powszednie", Days(WEEKDAYS)),
    ("weekend", Days(WEEKEND)),
    ("weekendy", Days(WEEKEND)),
    ("nieczynne", Closed),
    ("nieczynny", Closed),
    ("nieczynna", Closed),
    ("zamknięte", Closed),
    ("zamknięty", Closed),
    ("zamknięta", Closed),
    ("nie pracujemy", Closed),
    ("wolne", Closed),
    ("dzień wolny", Closed),
    ("całą dobę", AroundTheClock),
    ("przez całą dobę", AroundTheClock),
    ("całodobowo", AroundTheClock),
    ("i", Meaning::And),
    ("oraz", Meaning::And),
    ("od", From),
    ("do", To),
];

const RU: Words = &[
    ("понедельник", Day(0)),
    ("понедельника", Day(0)),
    ("пн", Day(0)),
    ("пон", Day(0)),
    ("вторник", Day(1)),
    ("вторника", Day(1)),
    ("вт", Day(1)),
    ("среда", Day(2)),
    ("среды", Day(2)),
    ("среду", Day(2)),
    ("ср", Day(2)),
    ("четверг", Day(3)),
    ("четверга", Day(3)),
    ("чт", Day(3)),
    ("пятница", Day(4)),
    ("пятницы", Day(4)),
    ("пятницу", Day(4)),
    ("пт", Day(4)),
    ("суббота", Day(5)),
    ("субботы", Day(5)),
    ("субботу", Day(5)),
    ("сб", Day(5)),
    ("суб", Day(5)),
    ("воскресенье", Day(6)),
    ("воскресенья", Day(6)),
    ("вс", Day(6)),
    ("вск", Day(6)),
    ("воскр", Day(6)),
    ("ежедневно", Days(EVERY_DAY)),
    ("каждый день", Days(EVERY_DAY)),
    ("без выходных", Days(EVERY_DAY)),
    ("все дни", Days(EVERY_DAY)),
    ("будни", Days(WEEKDAYS)),
    ("будние дни", Days(WEEKDAYS)),
    ("по будням", Days(WEEKDAYS)),
    ("выходные", Days(WEEKEND)),
    ("по выходным", Days(WEEKEND)),
    // After days, `выходные` means they are days off: `сб, вс выходные`.
    ("выходной", Closed),
    ("выходные", Closed),
    ("выходной день", Closed),
    ("закрыто", Closed),
    ("не работаем", Closed),
    ("не работает", Closed),
    ("круглосуточно", AroundTheClock),
    ("и", Meaning::And),
    ("с", From),
    ("со", From),
    ("до", To),
    ("по", To),
];

const SL: Words = &[
    ("ponedeljek", Day(0)),
    ("ponedeljka", Day(0)),
    ("pon", Day(0)),
    ("torek", Day(1)),
    ("torka", Day(1)),
    ("tor", Day(1)),
    ("sreda", Day(2)),
    ("srede", Day(2)),
    ("sredo", Day(2)),
    ("sre", Day(2)),
    ("četrtek", Day(3)),
    ("četrtka", Day(3)),
    ("čet", Day(3)),
    ("petek", Day(4)),
    ("petka", Day(4)),
    ("pet", Day(4)),
    ("sobota", Day(5)),
    ("sobote", Day(5)),
    ("soboto", Day(5)),
    ("sob", Day(5)),
    ("nedelja", Day(6)),
    ("nedelje", Day(6)),
    ("nedeljo", Day(6)),
    ("ned", Day(6)),
    ("vsak dan", Days(EVERY_DAY)),
    ("vsaki dan", Days(EVERY_DAY)),
    ("vse dni", Days(EVERY_DAY)),
    ("vsakodnevno", Days(EVERY_DAY)),
    ("dnevno", Days(EVERY_DAY)),
    ("delavniki", Days(WEEKDAYS)),
    ("ob delavnikih", Days(WEEKDAYS)),
    ("vikend", Days(WEEKEND)),
    ("ob vikendih", Days(WEEKEND)),
    ("zaprto", Closed),
    ("zaprt", Closed),
    ("zaprta", Closed),
    ("ne delamo", Closed),
    ("in", Meaning::And),
    ("od", From),
    ("do", To),
];

/// The words of `language` itself (English for English).
pub(crate) fn words(language: Language) -> Words {
    match language {
        Language::En => EN,
        Language::Pl => PL,
        Language::Ru => RU,
        Language::Sl => SL,
    }
}

/// How help lines name the language whose words are accepted: "Polish or English".
pub(crate) fn accepted(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::Pl => "Polish or English",
        Language::Ru => "Russian or English",
        Language::Sl => "Slovenian or English",
    }
}

/// A schedule and a closed day written in `language`, for help lines.
pub(crate) fn examples(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::En => ("Mon–Fri 8–18, Sat 9–14", "Sun closed"),
        Language::Pl => ("pon.–pt. 8–18, sob. 9–14", "nd. nieczynne"),
        Language::Ru => ("пн–пт 9–18, сб 10–16", "вс выходной"),
        Language::Sl => ("pon.–pet. 8.00–18.00, sob. 9.00–14.00", "ned. zaprto"),
    }
}

/// One entry of a language's list with its words folded.
#[derive(Debug)]
pub(crate) struct Phrase {
    pub(crate) words: Vec<String>,
    pub(crate) meaning: Meaning,
}

/// The phrases of `language` and of English, folded, built once per language.
pub(crate) fn phrases(language: Language) -> &'static [Phrase] {
    static BUILT: [OnceLock<Vec<Phrase>>; 4] = [const { OnceLock::new() }; 4];
    let slot = match language {
        Language::En => 0,
        Language::Pl => 1,
        Language::Ru => 2,
        Language::Sl => 3,
    };
    BUILT[slot].get_or_init(|| {
        let mut lists = vec![words(language)];
        if language != Language::En {
            lists.push(EN);
        }
        lists
            .into_iter()
            .flatten()
            .map(|(text, meaning)| Phrase {
                words: text.split(' ').map(fold).collect(),
                meaning: *meaning,
            })
            .collect()
    })
}

/// A word as it is compared: lowercase, Polish and Slovenian letters without their
/// diacritics, `ё` as `е`, combining marks dropped.
pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ą' => 'a',
            'ć' | 'č' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' | 'š' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ё' => 'е',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// Which words may share a spelling: a word is read as a day where a day is expected and
    /// as `closed` after the days, so only words of the same role must not collide.
    fn role(meaning: Meaning) -> u8 {
        match meaning {
            Day(_) | Days(_) => 0,
            Closed => 1,
            AroundTheClock => 2,
            Meaning::And | From | To => 3,
        }
    }

    #[test]
    fn no_phrase_means_two_things_in_one_role() {
        for (_, language) in Language::KEYWORDS {
            let mut seen: HashMap<(Vec<String>, u8), Meaning> = HashMap::new();
            for phrase in phrases(*language) {
                let key = (phrase.words.clone(), role(phrase.meaning));
                if let Some(before) = seen.insert(key, phrase.meaning) {
                    assert_eq!(
                        before, phrase.meaning,
                        "{language:?}: {:?} is ambiguous",
                        phrase.words
                    );
                }
            }
        }
    }

    #[test]
    fn every_language_names_every_day() {
        for (_, language) in Language::KEYWORDS {
            for day in 0..7 {
                assert!(
                    words(*language).iter().any(|(_, m)| *m == Day(day)),
                    "{language:?} {day}"
                );
            }
        }
    }

    #[test]
    fn docs_format_md_lists_every_word() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md");
        let docs = std::fs::read_to_string(path).unwrap();
        for (_, language) in Language::KEYWORDS {
            for (word, _) in words(*language) {
                assert!(
                    docs.contains(&format!("`{word}`")),
                    "docs/format.md lacks `{word}`"
                );
            }
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Środa"), "sroda");
        assert_eq!(fold("ČETRTEK"), "cetrtek");
        assert_eq!(fold("Четвёрг"), "четверг");
        assert_eq!(fold("c\u{30c}et"), "cet");
    }
}
