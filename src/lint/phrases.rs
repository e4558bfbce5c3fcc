//! The built-in vague phrases of `vague-wording`, one list per handbook language.
//!
//! The seeds ask for standards that are measurable, specific and time-bound: "90% of calls
//! answered within 2 minutes", never "as soon as possible" or "the customer is always right".
//! These lists hold the phrases that promise a time, a quality or an effort without a number:
//! promises of speed without a deadline, conditions nobody can check ("where possible"),
//! slogans in place of rules, and efforts in place of results. Each phrase is written in its
//! dictionary form; in phrases of two or more words the matcher in `words` accepts other
//! endings of the same words. `docs/vague-phrases.md` is generated from these lists.

use crate::model::Language;

const EN: &[&str] = &[
    "as soon as possible",
    "as soon as we can",
    "as quickly as possible",
    "as fast as possible",
    "asap",
    "a.s.a.p.",
    "at the earliest opportunity",
    "in a timely manner",
    "in due course",
    "within a reasonable time",
    "in a reasonable time",
    "without undue delay",
    "immediately",
    "right away",
    "quickly",
    "promptly",
    "shortly",
    "whenever possible",
    "when possible",
    "where possible",
    "if possible",
    "as needed",
    "as appropriate",
    "best possible service",
    "highest quality",
    "highest-quality",
    "excellent service",
    "exceed expectations",
    "go the extra mile",
    "do our best",
    "make every effort",
];

const PL: &[&str] = &[
    "jak najszybciej",
    "najszybciej jak to możliwe",
    "możliwie szybko",
    "niezwłocznie",
    "bezzwłocznie",
    "natychmiast",
    "od razu",
    "szybko",
    "w trybie pilnym",
    "w najbliższym czasie",
    "w krótkim czasie",
    "w rozsądnym czasie",
    "w rozsądnym terminie",
    "w odpowiednim czasie",
    "wkrótce",
    "przy pierwszej okazji",
    "w wolnej chwili",
    "w miarę możliwości",
    "o ile to możliwe",
    "jeśli to możliwe",
    "jeśli będzie to możliwe",
    "jeżeli to możliwe",
    "w miarę potrzeb",
    "najwyższa jakość",
    "obsługa na najwyższym poziomie",
    "indywidualne podejście",
    "dołożyć wszelkich starań",
    "dokładać wszelkich starań",
    "zrobić wszystko co w naszej mocy",
    "postaramy się",
    "staramy się",
];

const RU: &[&str] = &[
    "как можно быстрее",
    "как можно скорее",
    "как можно раньше",
    "в кратчайшие сроки",
    "в кратчайший срок",
    "в максимально короткие сроки",
    "в разумные сроки",
    "в разумный срок",
    "в ближайшее время",
    "в скором времени",
    "в короткие сроки",
    "незамедлительно",
    "немедленно",
    "сразу",
    "быстро",
    "оперативно",
    "своевременно",
    "по возможности",
    "при возможности",
    "по мере возможности",
    "по мере необходимости",
    "на высшем уровне",
    "высокое качество обслуживания",
    "индивидуальный подход",
    "приложить все усилия",
    "сделать всё возможное",
    "постараемся",
    "мы стараемся",
];

const SL: &[&str] = &[
    "čim prej",
    "čim hitreje",
    "v najkrajšem možnem času",
    "v najkrajšem času",
    "v najkrajšem možnem roku",
    "v razumnem roku",
    "v razumnem času",
    "v doglednem času",
    "v kratkem",
    "kmalu",
    "nemudoma",
    "takoj",
    "hitro",
    "brez odlašanja",
    "takoj ko bo mogoče",
    "ko bo mogoče",
    "ko bo to mogoče",
    "če bo mogoče",
    "če je mogoče",
    "po možnosti",
    "po potrebi",
    "najvišja kakovost",
    "vrhunska storitev",
    "individualni pristop",
    "po najboljših močeh",
    "potrudili se bomo",
    "potrudimo se",
    "storiti vse kar je v naši moči",
];

/// Slogans in place of rules: `vague-wording` reports them with a help of their own, since
/// "within 2 hours" is no answer to "the customer is always right".
const EN_SLOGANS: &[&str] = &[
    "the customer is always right",
    "the customer's always right",
    "customers are always right",
    "the customer is king",
    "100% satisfaction",
    "100% customer satisfaction",
];

const PL_SLOGANS: &[&str] = &[
    "klient ma zawsze rację",
    "klient zawsze ma rację",
    "klient nasz pan",
    "100% zadowolenia",
];

const RU_SLOGANS: &[&str] = &["клиент всегда прав", "клиент король"];

const SL_SLOGANS: &[&str] = &[
    "stranka ima vedno prav",
    "kupec ima vedno prav",
    "stranka je kralj",
];

/// The built-in slogans for `language`.
pub(crate) fn slogans(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => EN_SLOGANS,
        Language::Pl => PL_SLOGANS,
        Language::Ru => RU_SLOGANS,
        Language::Sl => SL_SLOGANS,
    }
}

/// The built-in vague phrases for `language`.
pub(crate) fn vague_phrases(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => EN,
        Language::Pl => PL,
        Language::Ru => RU,
        Language::Sl => SL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::words::Phrase;

    #[test]
    fn lists_are_unique_lowercase_and_nonempty() {
        for &(_, language) in Language::KEYWORDS {
            let all: Vec<&str> = vague_phrases(language)
                .iter()
                .chain(slogans(language))
                .copied()
                .collect();
            let phrases: Vec<Phrase> = all.iter().filter_map(|p| Phrase::new(p)).collect();
            assert_eq!(phrases.len(), all.len());
            for (i, phrase) in phrases.iter().enumerate() {
                assert!(
                    !phrases[..i].iter().any(|p| p.same_words(phrase)),
                    "{} twice",
                    phrase.text
                );
            }
            let list = vague_phrases(language);
            assert!(
                (15..=40).contains(&list.len()),
                "{language:?}: {}",
                list.len()
            );
            for (i, phrase) in all.iter().enumerate() {
                assert_eq!(*phrase, phrase.to_lowercase());
                assert!(!all[..i].contains(phrase), "{phrase} twice");
            }
        }
    }
}
