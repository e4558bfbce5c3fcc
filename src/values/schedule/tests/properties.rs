//! Property tests of the schedule parser: any text parses to a well-formed schedule or a help
//! line, and any schedule printed in any language's words parses back to itself.

use proptest::prelude::*;

use super::*;

proptest! {
    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        for language in LANGUAGES {
            let _ = parse_schedule(&text, language);
        }
    }

    #[test]
    fn never_panics_on_texts_made_of_schedule_pieces(
        pieces in proptest::collection::vec(prop_oneof![
            Just("pon."), Just("Mon"), Just("пн"), Just("ned"), Just("vsak dan"),
            Just("закрыто"), Just("closed"), Just("and"), Just("od"), Just("до"),
            Just("–"), Just("-"), Just("—"), Just(","), Just(";"), Just(":"), Just("."),
            Just("8"), Just("24"), Just("24/7"), Just("0"), Just("8:00"), Just("8."),
            Just("99999999999"), Just("17.30"), Just("&"), Just(" "), Just("ё"),
            Just("c\u{30c}"), Just("ẞ"), Just("\u{200b}"), Just("٣"), Just("/"),
        ], 0..24),
        spaces in proptest::collection::vec(any::<bool>(), 24),
    ) {
        let mut text = String::new();
        for (piece, space) in pieces.iter().zip(&spaces) {
            text.push_str(piece);
            if *space {
                text.push(' ');
            }
        }
        for language in LANGUAGES {
            if let Ok(s) = parse_schedule(&text, language) {
                assert_shape(&s);
            }
        }
    }

    #[test]
    fn a_printed_schedule_parses_back(
        raw in proptest::collection::vec(
            proptest::collection::vec((0u32..DAY, 1u32..=DAY, any::<bool>()), 0..3),
            7,
        ),
        seed in any::<u64>(),
        language in 0usize..4,
    ) {
        let language = LANGUAGES[language];
        let raw: Vec<Vec<(u32, u32)>> = raw
            .into_iter()
            .map(|day| {
                day.into_iter()
                    .map(|(start, len, whole)| {
                        // Whole hours are the common case; the rest test minutes.
                        let start = if whole { start / 60 * 60 } else { start };
                        let len = if whole { (len / 60).max(1) * 60 } else { len };
                        if len >= DAY { (0, DAY) } else { (start, start + len) }
                    })
                    .collect()
            })
            .collect();
        prop_assume!(raw.iter().any(|day| !day.is_empty()));
        let mut expected = Schedule::default();
        for (day, ranges) in raw.iter().enumerate() {
            expected.days[day] = merged(ranges.clone());
        }
        let mut rng = Rng(seed | 1);
        let text = print(&raw, language, &mut rng);
        let parsed = parse_schedule(&text, language);
        prop_assert_eq!(parsed, Ok(expected), "{}", text);
    }
}

/// What every parsed schedule must look like (the shape the business clock relies on).
fn assert_shape(s: &Schedule) {
    for day in &s.days {
        for &(start, end) in day {
            assert!(start < DAY && start < end && end <= 2 * DAY, "{s:?}");
        }
        for pair in day.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{s:?}");
        }
    }
}

/// A tiny xorshift generator, so a printed text's spelling follows the proptest seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[self.below(options.len())]
    }
}

/// The words of `language` and English with this meaning.
fn spellings(language: Language, keep: impl Fn(Meaning) -> bool) -> Vec<&'static str> {
    words(language)
        .iter()
        .chain(words(EN))
        .filter(|(_, m)| keep(*m))
        .map(|(w, _)| *w)
        .collect()
}

fn day_name(language: Language, day: usize, rng: &mut Rng) -> String {
    let name = rng.pick(&spellings(language, |m| m == Meaning::Day(day)));
    let mut name = match rng.below(3) {
        0 => name.to_uppercase(),
        1 => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => name.to_string(),
    };
    if rng.below(2) == 0 {
        name.push('.');
    }
    name
}

fn time(minutes: u32, rng: &mut Rng) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match rng.below(3) {
        0 if m == 0 => h.to_string(),
        0 | 1 => format!("{h}:{m:02}"),
        _ => format!("{h}.{m:02}"),
    }
}

fn range(language: Language, (start, end): (u32, u32), rng: &mut Rng) -> String {
    let end = if end > DAY { end - DAY } else { end };
    let dash = match rng.below(5) {
        0 => " – ".to_string(),
        1 => "-".to_string(),
        2 => "—".to_string(),
        3 => format!(" {} ", rng.pick(&spellings(language, |m| m == Meaning::To))),
        _ => "–".to_string(),
    };
    let from = if dash.starts_with(' ') && dash.len() > 5 && rng.below(2) == 0 {
        format!(
            "{} ",
            rng.pick(&spellings(language, |m| m == Meaning::From))
        )
    } else {
        String::new()
    };
    format!("{from}{}{dash}{}", time(start, rng), time(end, rng))
}

/// `raw` written as a schedule: runs of days with the same ranges as day ranges, the
/// ranges in their written order, empty days sometimes marked closed.
fn print(raw: &[Vec<(u32, u32)>], language: Language, rng: &mut Rng) -> String {
    let mut groups = Vec::new();
    let mut day = 0;
    while day < 7 {
        let mut last = day;
        while last + 1 < 7 && raw[last + 1] == raw[day] && rng.below(2) == 0 {
            last += 1;
        }
        let days = if last == day {
            day_name(language, day, rng)
        } else {
            let dash = rng.pick(&["–", "-", " – "]);
            format!(
                "{}{dash}{}",
                day_name(language, day, rng),
                day_name(language, last, rng)
            )
        };
        if raw[day].is_empty() {
            if rng.below(2) == 0 {
                let closed = rng.pick(&spellings(language, |m| m == Meaning::Closed));
                groups.push(format!("{days} {closed}"));
            }
        } else {
            let mut group = days;
            for (i, r) in raw[day].iter().enumerate() {
                let sep = match rng.below(3) {
                    _ if i == 0 => " ".to_string(),
                    0 => ", ".to_string(),
                    1 => format!(
                        " {} ",
                        rng.pick(&spellings(language, |m| m == Meaning::And))
                    ),
                    _ => " ".to_string(),
                };
                group.push_str(&sep);
                group.push_str(&range(language, *r, rng));
            }
            groups.push(group);
        }
        day = last + 1;
    }
    let mut text = String::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            text.push_str(rng.pick(&[", ", "; ", ",", " , "]));
        }
        text.push_str(group);
    }
    text
}
