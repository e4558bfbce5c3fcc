use super::*;
use crate::values::day_words::words;

mod properties;

const EN: Language = Language::En;
const PL: Language = Language::Pl;
const RU: Language = Language::Ru;
const SL: Language = Language::Sl;
const LANGUAGES: [Language; 4] = [EN, PL, RU, SL];

/// Minutes of `h:m`.
fn at(h: u32, m: u32) -> u32 {
    h * 60 + m
}

/// A schedule from `(days, ranges)` pairs, days as `"1111100"` (Monday first).
fn schedule(groups: &[(&str, &[(u32, u32)])]) -> Schedule {
    let mut s = Schedule::default();
    for (days, ranges) in groups {
        for (day, bit) in days.chars().enumerate() {
            if bit == '1' {
                s.days[day].extend_from_slice(ranges);
            }
        }
    }
    s
}

fn ok(text: &str, language: Language) -> Schedule {
    parse_schedule(text, language).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn err(text: &str, language: Language) -> String {
    match parse_schedule(text, language) {
        Ok(s) => panic!("{text:?} parsed as {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn the_spec_examples() {
    let weekdays = "1111100";
    assert_eq!(
        ok("pon.–pt. 8–18, sob. 9–14", PL),
        schedule(&[(weekdays, &[(480, 1080)]), ("0000010", &[(540, 840)])])
    );
    assert_eq!(
        ok("Mon–Fri 8:00–17:30", EN),
        schedule(&[(weekdays, &[(480, at(17, 30))])])
    );
    assert_eq!(
        ok("codziennie 8–22", PL),
        schedule(&[("1111111", &[(480, 1320)])])
    );
    assert_eq!(
        ok("пн–пт 9:00–18:00, сб 10–16", RU),
        schedule(&[(weekdays, &[(540, 1080)]), ("0000010", &[(600, 960)])])
    );
    assert_eq!(
        ok("vsak dan 7.00–23.00", SL),
        schedule(&[("1111111", &[(420, 1380)])])
    );
    for language in LANGUAGES {
        assert_eq!(
            ok("Mon–Sun 0–24", language),
            schedule(&[("1111111", &[(0, DAY)])])
        );
    }
}

#[test]
fn english_is_accepted_in_every_language_and_only_english_besides_its_own() {
    for language in LANGUAGES {
        assert_eq!(ok("Mon–Fri 8–18", language), ok("pon.–pt. 8–18", PL));
        assert_eq!(ok("daily 8–18", language), ok("codziennie 8–18", PL));
    }
    assert!(err("пн 9–18", PL).contains("Polish or English"));
    assert!(err("pon. 9–18", RU).contains("Russian or English"));
    assert!(err("pon. 9–18", EN).contains("in English"));
    assert_eq!(ok("pon. 9–18", SL), ok("pon. 9–18", PL));
}

#[test]
fn day_names_full_abbreviated_dotted_any_case_with_or_without_diacritics() {
    let friday = schedule(&[("0000100", &[(480, 960)])]);
    for text in [
        "piątek 8–16",
        "pt. 8–16",
        "PT 8–16",
        "Piatek 8–16",
        "pią 8–16",
    ] {
        assert_eq!(ok(text, PL), friday, "{text}");
    }
    for text in ["пятница 8–16", "Пт. 8–16", "ПТ 8–16"] {
        assert_eq!(ok(text, RU), friday, "{text}");
    }
    for text in ["petek 8–16", "pet. 8–16", "Pet 8–16"] {
        assert_eq!(ok(text, SL), friday, "{text}");
    }
    for text in [
        "Friday 8–16",
        "fri. 8–16",
        "FRI 8–16",
        "Fr 8–16",
        "Fridays 8–16",
    ] {
        assert_eq!(ok(text, EN), friday, "{text}");
    }
    let wednesday = schedule(&[("0010000", &[(480, 960)])]);
    for text in ["śr. 8–16", "sr 8–16", "środa 8–16", "SRODA 8–16"] {
        assert_eq!(ok(text, PL), wednesday, "{text}");
    }
    assert_eq!(
        ok("čet. 8–16", SL),
        ok("cetrtek 8–16", SL),
        "Slovenian without the caron"
    );
    assert_eq!(ok("Четвёрг 8–16", RU), ok("четверг 8–16", RU), "ё is е");
    for (text, language) in [
        ("poniedziałek–piątek 8–16", PL),
        ("pn–pt 8–16", PL),
        ("понедельник–пятница 8–16", RU),
        ("ponedeljek–petek 8–16", SL),
        ("Monday–Friday 8–16", EN),
        ("Mo–Fr 8–16", EN),
    ] {
        assert_eq!(
            ok(text, language),
            schedule(&[("1111100", &[(480, 960)])]),
            "{text}"
        );
    }
}

#[test]
fn ranges_of_days_and_times_with_words() {
    let expected = schedule(&[("1111100", &[(540, 1080)])]);
    for (text, language) in [
        ("od poniedziałku do piątku 9–18", PL),
        ("od pon. do pt. od 9 do 18", PL),
        ("с понедельника по пятницу с 9 до 18", RU),
        ("пн–пт с 9:00 до 18:00", RU),
        ("od ponedeljka do petka od 9.00 do 18.00", SL),
        ("Monday to Friday 9 to 18", EN),
        ("from Mon to Fri from 9:00 till 18:00", EN),
        ("Mon through Fri 9 until 18", EN),
    ] {
        assert_eq!(ok(text, language), expected, "{text}");
    }
}

#[test]
fn dashes_spaces_colons_and_separators() {
    let expected = ok("Mon–Fri 8–18, Sat 9–14", EN);
    for text in [
        "Mon-Fri 8-18, Sat 9-14",
        "Mon—Fri 8—18, Sat 9—14",
        "Mon – Fri 8 – 18 , Sat 9 – 14",
        "Mon–Fri: 8:00–18:00, Sat: 9:00–14:00",
        "Mon–Fri 8–18; Sat 9–14",
        "Mon–Fri 8–18 Sat 9–14",
        "Mon–Fri 8–18 and Sat 9–14",
        "Mon–Fri\u{a0}8–18,\u{a0}Sat\u{a0}9–14",
    ] {
        assert_eq!(ok(text, EN), expected, "{text}");
    }
    assert_eq!(ok("Пн-Пт: 9:00-18:00", RU), ok("пн–пт 9–18", RU));
    assert_eq!(
        ok("пн–пт 9–18 сб 10–16", RU),
        ok("пн–пт 9–18, сб 10–16", RU)
    );
}

#[test]
fn times_are_hours_or_hours_and_minutes() {
    for text in [
        "Mon 8–17",
        "Mon 8:00–17:00",
        "Mon 8.00–17.00",
        "Mon 08:00–17:00",
    ] {
        assert_eq!(
            ok(text, EN),
            schedule(&[("1000000", &[(480, 1020)])]),
            "{text}"
        );
    }
    assert_eq!(
        ok("Mon 7:45–16:15", EN),
        schedule(&[("1000000", &[(at(7, 45), at(16, 15))])])
    );
    for bad in [
        "Mon 25–26",
        "Mon 8:60–9",
        "Mon 8:5–9",
        "Mon 8–24:30",
        "Mon 123–130",
    ] {
        assert!(err(bad, EN).contains("is not a time"), "{bad}");
    }
}

#[test]
fn twenty_four_closes_the_day_and_only_closes_it() {
    assert_eq!(
        ok("Mon 20–24", EN),
        schedule(&[("1000000", &[(1200, DAY)])])
    );
    assert_eq!(ok("Mon 20–24:00", EN), ok("Mon 20–24", EN));
    assert_eq!(ok("Mon 0–24", EN), schedule(&[("1000000", &[(0, DAY)])]));
    assert_eq!(ok("Mon 00:00–24:00", EN), ok("Mon 0–24", EN));
    assert!(err("Mon 24–6", EN).contains("cannot open"));
}

#[test]
fn decision_overnight_ranges_run_into_the_next_day_and_belong_to_their_first() {
    assert_eq!(
        ok("Fri 22–6", EN),
        schedule(&[("0000100", &[(1320, 1800)])])
    );
    assert_eq!(
        ok("Sun 20:30–2", EN),
        schedule(&[("0000001", &[(at(20, 30), DAY + 120)])])
    );
    // Closing at midnight written as 0 is closing at 24.
    assert_eq!(ok("Fri 22–0", EN), ok("Fri 22–24", EN));
    // Overnight parts are not merged into the next day's own ranges.
    assert_eq!(
        ok("Mon 22–6, Tue 0–8", EN),
        schedule(&[("1000000", &[(1320, 1800)]), ("0100000", &[(0, 480)])])
    );
    // Within one day they merge like any other range.
    assert_eq!(
        ok("Mon 0–24 22–6", EN),
        schedule(&[("1000000", &[(0, 1800)])])
    );
}

#[test]
fn decision_a_range_of_days_wraps_around_the_week() {
    assert_eq!(
        ok("Sat–Mon 10–14", EN),
        schedule(&[("1000011", &[(600, 840)])])
    );
    assert_eq!(
        ok("пт–вт 9–18", RU),
        schedule(&[("1100111", &[(540, 1080)])])
    );
    assert_eq!(ok("Wed–Wed 9–18", EN), ok("Wed 9–18", EN));
}

#[test]
fn decision_several_time_ranges_in_one_group() {
    let split = schedule(&[("1111100", &[(480, 720), (780, 1080)])]);
    for (text, language) in [
        ("Mon–Fri 8–12 13–18", EN),
        ("Mon–Fri 8–12, 13–18", EN),
        ("Mon–Fri 8–12 and 13–18", EN),
        ("Mon–Fri 8–12 & 13–18", EN),
        ("pon.–pt. 8–12 i 13–18", PL),
        ("pon.–pt. 8–12 oraz 13–18", PL),
        ("pon.–pt. 8–12, 13–18", PL),
        ("пн–пт 8–12 и 13–18", RU),
        ("pon.–pet. 8.00–12.00 in 13.00–18.00", SL),
        ("Mon–Fri 13–18 8–12", EN),
    ] {
        assert_eq!(ok(text, language), split, "{text}");
    }
    // A piece without days after a comma continues the days of the group before it.
    assert_eq!(
        ok("Mon–Fri 8–12, Sat 9–11, 12–14", EN),
        schedule(&[
            ("1111100", &[(480, 720)]),
            ("0000010", &[(540, 660), (720, 840)])
        ])
    );
}

#[test]
fn decision_days_without_times_take_the_next_groups_times() {
    let weekend = schedule(&[("0000011", &[(600, 840)])]);
    for (text, language) in [
        ("Sat, Sun 10–14", EN),
        ("Sat and Sun 10–14", EN),
        ("Sat Sun 10–14", EN),
        ("sob., niedz. 10–14", PL),
        ("sob. i nd. 10–14", PL),
        ("сб, вс 10–14", RU),
        ("сб и вс 10–14", RU),
        ("sob. in ned. 10–14", SL),
    ] {
        assert_eq!(ok(text, language), weekend, "{text}");
    }
    assert_eq!(
        ok("Mon, Wed, Fri 8–12", EN),
        schedule(&[("1010100", &[(480, 720)])])
    );
    assert!(err("Mon–Fri 8–18, Sat", EN).contains("`Sat` has no times"));
    assert!(err("pon.–pt. 8–18, sob.", PL).contains("nd. nieczynne"));
}

#[test]
fn decision_a_repeated_day_gets_the_union() {
    assert_eq!(
        ok("Mon 8–12, Mon 10–14", EN),
        schedule(&[("1000000", &[(480, 840)])])
    );
    assert_eq!(
        ok("Mon–Fri 8–12, Wed 13–18", EN),
        schedule(&[
            ("1101100", &[(480, 720)]),
            ("0010000", &[(480, 720), (780, 1080)])
        ])
    );
    // Touching ranges join.
    assert_eq!(
        ok("Mon 8–12 12–14", EN),
        schedule(&[("1000000", &[(480, 840)])])
    );
}

#[test]
fn decision_closed_days_have_no_hours_whatever_else_says() {
    for (text, language) in [
        ("Mon–Sat 8–18, Sun closed", EN),
        ("daily 8–18, Sun closed", EN),
        ("Sun closed, daily 8–18", EN),
        ("pon.–sob. 8–18, nd. nieczynne", PL),
        ("codziennie 8–18, niedz. zamknięte", PL),
        ("пн–сб 8–18, вс выходной", RU),
        ("ежедневно 8–18, вс закрыто", RU),
        ("pon.–sob. 8.00–18.00, ned. zaprto", SL),
    ] {
        assert_eq!(
            ok(text, language),
            schedule(&[("1111110", &[(480, 1080)])]),
            "{text}"
        );
    }
    // `выходные` after days is "days off"; as the days it is the weekend.
    assert_eq!(
        ok("пн–пт 9–18, сб, вс выходные", RU),
        schedule(&[("1111100", &[(540, 1080)])])
    );
    assert_eq!(
        ok("выходные 10–16", RU),
        schedule(&[("0000011", &[(600, 960)])])
    );
    assert!(err("Mon–Fri 8–18, closed", EN).contains("has no days before it"));
    assert!(err("Sun closed", EN).contains("never open"));
}

#[test]
fn words_for_several_days() {
    for (text, language, days) in [
        ("every day 9–17", EN, "1111111"),
        ("each day 9–17", EN, "1111111"),
        ("weekdays 9–17", EN, "1111100"),
        ("weekends 9–17", EN, "0000011"),
        ("każdego dnia 9–17", PL, "1111111"),
        ("dni robocze 9–17", PL, "1111100"),
        ("ежедневно 9–17", RU, "1111111"),
        ("без выходных 9–17", RU, "1111111"),
        ("каждый день 9–17", RU, "1111111"),
        ("будни 9–17", RU, "1111100"),
        ("vsak dan 9–17", SL, "1111111"),
        ("vsakodnevno 9–17", SL, "1111111"),
        ("delavniki 9–17", SL, "1111100"),
    ] {
        assert_eq!(
            ok(text, language),
            schedule(&[(days, &[(540, 1020)])]),
            "{text}"
        );
    }
}

#[test]
fn around_the_clock() {
    let always = schedule(&[("1111111", &[(0, DAY)])]);
    for (text, language) in [
        ("24/7", EN),
        ("24/7", RU),
        ("around the clock", EN),
        ("całą dobę", PL),
        ("całodobowo", PL),
        ("круглосуточно", RU),
        ("ежедневно круглосуточно", RU),
        ("codziennie 0–24", PL),
    ] {
        assert_eq!(ok(text, language), always, "{text}");
    }
    assert_eq!(
        ok("Mon–Fri around the clock", EN),
        schedule(&[("1111100", &[(0, DAY)])])
    );
}

#[test]
fn errors_name_the_part_and_show_how_to_write_it() {
    let e = err("odpowiedzi pon.–pt. 8–20, sob. 8–16", PL);
    assert!(e.contains("`odpowiedzi` is not a day name"), "{e}");
    assert!(e.contains("`pon.–pt. 8–18, sob. 9–14`"), "{e}");
    let e = err("przegląd pon.–pt. o 9:00 i 15:00", PL);
    assert!(e.contains("`przegląd`"), "{e}");
    let e = err("pon.–pt. o 9:00", PL);
    assert!(e.contains("`o`"), "{e}");
    let e = err("Mon 8–8", EN);
    assert!(e.contains("`8–8` opens and closes at the same time"), "{e}");
    assert!(e.contains("0–24"), "{e}");
    let e = err("Mon 0–0", EN);
    assert!(e.contains("same time"), "{e}");
    let e = err("8–18", EN);
    assert!(e.contains("`8–18` has no days before it"), "{e}");
    let e = err("Mon 8", EN);
    assert!(e.contains("`8` has no closing time"), "{e}");
    let e = err("Mon 8–", EN);
    assert!(e.contains("`8–` has no closing time"), "{e}");
    let e = err("Mon– 8–18", EN);
    assert!(e.contains("`Mon–` needs a last day"), "{e}");
    let e = err("Mon 9am–5pm", EN);
    assert!(e.contains("24-hour"), "{e}");
    let e = err("Mon 9h–17h", EN);
    assert!(e.contains("`h` cannot follow a time"), "{e}");
    let e = err("Mon 9–17 (lunch 12–13)", EN);
    assert!(e.contains("`(`"), "{e}");
    for empty in ["", "   ", "\n"] {
        assert!(err(empty, EN).contains("empty"), "{empty:?}");
    }
    for text in ["Mon 8–18,", ",Mon 8–18", "Mon 8–18,, Sat 9–14"] {
        assert!(err(text, EN).contains("extra comma"), "{text}");
    }
    assert!(err("całą dobę", EN).contains("`całą`"));
    let long = format!("{} 8–18", "x".repeat(100));
    assert!(err(&long, EN).chars().count() < 200);
}

#[test]
fn the_starter_and_example_hours_are_schedules() {
    for (text, language) in [
        ("Mon–Fri 8–18, Sat 9–14", EN),
        ("Mon–Sun 8–20", EN),
        ("pon.–pt. 8–20, sob. 8–16", PL),
        ("pon.–sob. 8–20, niedz. 10–16", PL),
        ("пн–вс 9–21", RU),
        ("пн–сб 8–20", RU),
        ("ежедневно 0–24", RU),
        ("pon.–pet. 8.00–18.00, sob. 9.00–14.00", SL),
        ("vsak dan 0–24", SL),
        ("vsak dan 8.00–20.00", SL),
    ] {
        ok(text, language);
    }
}
