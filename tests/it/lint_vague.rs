//! `vague-wording` on one-standard handbooks written in each language: which phrases it finds
//! and, as important, which measurable wording it leaves alone; and the message
//! `principles-count` gives a handbook without principles.

use crate::common::{lint_dir, write};

/// Writes a handbook in `language` whose one standard has `body`, and lints it with `rule`.
fn lint_body(language: &str, body: &str, rule: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    write(
        &root.join("sok.toml"),
        &format!(
            "[handbook]\ntitle = \"Fixture\"\nlanguage = \"{language}\"\nversion = \"1.0.0\"\n\
             review_every = \"1 year\"\nlast_reviewed = 2026-06-01\n"
        ),
    );
    write(
        &root.join("owners.toml"),
        "[[owner]]\nid = \"lead\"\nname = \"Shift lead\"\n",
    );
    write(
        &root.join("standards/s.md"),
        &format!("+++\ntitle = \"Standard\"\nowner = \"lead\"\n+++\n\n{body}\n"),
    );
    lint_dir(root, &[rule])
        .findings
        .iter()
        .map(|d| d.message.clone())
        .collect()
}

/// The phrases `vague-wording` reports in `body`, as written.
fn vague(language: &str, body: &str) -> Vec<String> {
    lint_body(language, body, "vague-wording")
        .into_iter()
        .map(|m| {
            m.trim_start_matches("vague phrase `")
                .trim_end_matches('`')
                .to_string()
        })
        .collect()
}

#[track_caller]
fn assert_clean(language: &str, body: &str) {
    assert_eq!(vague(language, body), Vec::<String>::new(), "{body}");
}

#[test]
fn english_words_match_whole_and_exactly() {
    for body in [
        "Keep hold time shorter than 2 minutes.",
        "The shortest queue is served first.",
        "Shortlist 3 candidates within 2 days.",
        "A short answer of at most 3 sentences.",
        "Answer the prompt within 10 seconds.",
        "Prompts are answered within 10 seconds.",
        "Possibly 2 calls; the customer is rarely right.",
        "See https://asap.example.com and as-needed.example.com.",
    ] {
        assert_clean("en", body);
    }
    assert_eq!(vague("en", "We reply shortly."), ["shortly"]);
    assert_eq!(vague("en", "Answer promptly."), ["promptly"]);
    assert_eq!(
        vague("en", "We made every effort, making every effort."),
        ["making every effort"]
    );
}

#[test]
fn new_english_phrases() {
    assert_eq!(
        vague("en", "Remember: customers are always right."),
        ["customers are always right"]
    );
    assert_eq!(
        vague(
            "en",
            "The customer's always right. The customer’s always right."
        ),
        ["The customer's always right", "The customer’s always right"]
    );
    assert_eq!(
        vague("en", "Reply ASAP, or a.s.a.p. at the latest, or A.S.A.P"),
        ["ASAP", "a.s.a.p", "A.S.A.P"]
    );
    assert_eq!(vague("en", "Call back when possible."), ["when possible"]);
    assert_eq!(
        vague("en", "Highest quality. A highest-quality service."),
        ["Highest quality", "highest-quality"]
    );
}

#[test]
fn single_words_do_not_match_other_parts_of_speech() {
    assert_clean("ru", "Оперативный отдел работает с 9 до 18.");
    assert_clean("ru", "Своевременный ответ: в течение 2 часов.");
    assert_eq!(vague("ru", "Отвечаем оперативно."), ["оперативно"]);
    assert_clean("pl", "Niezwłoczny zwrot: w 14 dni.");
    assert_eq!(vague("pl", "Zwracamy niezwłocznie."), ["niezwłocznie"]);
}

#[test]
fn inflected_slavic_phrases_are_still_found() {
    assert_eq!(
        vague(
            "pl",
            "Klienci zawsze mają rację. Dołożymy wszelkich starań."
        ),
        ["Klienci zawsze mają rację", "Dołożymy wszelkich starań"]
    );
    assert_eq!(
        vague(
            "ru",
            "Клиенты всегда правы. Сделаем все возможное, сделаем всё возможное."
        ),
        [
            "Клиенты всегда правы",
            "Сделаем все возможное",
            "сделаем всё возможное"
        ]
    );
    assert_eq!(
        vague("sl", "Stranke imajo vedno prav."),
        ["Stranke imajo vedno prav"]
    );
}

#[test]
fn new_slavic_phrases() {
    assert_eq!(
        vague("pl", "Oddzwonimy, jeżeli to możliwe. Staramy się odpisać."),
        ["jeżeli to możliwe", "Staramy się"]
    );
    assert_eq!(vague("ru", "Мы стараемся ответить."), ["Мы стараемся"]);
    assert_eq!(
        vague(
            "sl",
            "Potrudimo se odgovoriti, če bo mogoče, ali ko bo to mogoče."
        ),
        ["Potrudimo se", "če bo mogoče", "ko bo to mogoče"]
    );
}

#[test]
fn no_principles_reads_plainly() {
    assert_eq!(
        lint_body("en", "We reply within 2 hours.", "principles-count"),
        ["the handbook has no principles; the method asks for 10 to 20"]
    );
}

#[test]
fn everyday_speed_words_in_every_language() {
    assert_eq!(
        vague(
            "en",
            "Reply immediately. Call back quickly, or right away, or as soon as we can. \
             Answer promptly, as soon as possible."
        ),
        [
            "immediately",
            "quickly",
            "right away",
            "as soon as we can",
            "promptly",
            "as soon as possible"
        ]
    );
    assert_eq!(
        vague(
            "pl",
            "Odpisujemy natychmiast i szybko, od razu. Dokładamy wszelkich starań, \
             oddzwaniamy niezwłocznie, jak najszybciej."
        ),
        [
            "natychmiast",
            "szybko",
            "od razu",
            "Dokładamy wszelkich starań",
            "niezwłocznie",
            "jak najszybciej"
        ]
    );
    assert_eq!(
        vague(
            "ru",
            "Отвечаем немедленно, быстро и сразу, как можно скорее, в кратчайшие сроки."
        ),
        [
            "немедленно",
            "быстро",
            "сразу",
            "как можно скорее",
            "в кратчайшие сроки"
        ]
    );
    assert_eq!(
        vague(
            "sl",
            "Odgovorimo takoj in hitro, čim prej, v najkrajšem možnem času."
        ),
        ["takoj", "hitro", "čim prej", "v najkrajšem možnem času"]
    );
}

#[test]
fn speed_words_leave_their_relatives_alone() {
    assert_clean(
        "en",
        "An immediate reply within 1 minute; a quick check of 3 items.",
    );
    assert_clean("pl", "Natychmiastowy zwrot w 14 dni; szybkość: 2 minuty.");
    assert_clean("ru", "Быстрый ответ: в течение 2 минут.");
    assert_clean("sl", "Hitra pošta v 2 dneh.");
}

/// The help `vague-wording` gives for each finding in `body`.
fn helps(language: &str, body: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    write(
        &root.join("sok.toml"),
        &format!(
            "[handbook]\ntitle = \"Fixture\"\nlanguage = \"{language}\"\nversion = \"1.0.0\"\n"
        ),
    );
    write(
        &root.join("standards/s.md"),
        &format!("+++\ntitle = \"Standard\"\nowner = \"lead\"\n+++\n\n{body}\n"),
    );
    write(
        &root.join("owners.toml"),
        "[[owner]]\nid = \"lead\"\nname = \"Shift lead\"\n",
    );
    lint_dir(root, &["vague-wording"])
        .findings
        .iter()
        .map(|d| d.help.clone().unwrap_or_default())
        .collect()
}

#[test]
fn slogans_get_a_help_of_their_own() {
    for (language, body) in [
        ("en", "The customer is always right."),
        ("en", "We promise 100% satisfaction."),
        ("pl", "Klient ma zawsze rację."),
        ("ru", "Клиент всегда прав."),
        ("sl", "Stranka ima vedno prav."),
    ] {
        let helps = helps(language, body);
        assert_eq!(helps.len(), 1, "{body}");
        assert!(helps[0].contains("a customer can see"), "{body}: {helps:?}");
        assert!(!helps[0].contains("within 2 hours"), "{body}: {helps:?}");
    }
    let speed = helps("en", "We reply as soon as possible.");
    assert!(speed[0].contains("within 2 hours"), "{speed:?}");
    assert_clean(
        "en",
        "We never ask for a card's PIN; we always confirm by e-mail.",
    );
}
