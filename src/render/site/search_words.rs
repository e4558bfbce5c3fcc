//! How the site's search reads words, written once for both of its sides: `search.rs` indexes
//! every entry's words with these functions, and `templates/static/search.js` reads the query
//! with its twins of `fold`, `words` and `matches` (same names, same steps), so that a
//! query word and an indexed word compare alike. `tests/fixtures/search/words.json` holds the
//! cases both sides are tested on (the unit tests below; `tests/it/search.rs` runs search.js's
//! functions in node).
//!
//! 1. **Fold**: Unicode NFD, the combining marks U+0300–U+036F dropped, lower case, then `ł`
//!    `l`, `đ` `d`, `ø` `o`, `ß` `ss`, `æ` `ae`, typographic quotes and the ellipsis to ASCII.
//!    `Świadomość` is `swiadomosc`, `ё` is `е` and `й` is `и`, in the index and in the query.
//! 2. **Words**: the maximal runs of letters and digits of the folded text. Words of one
//!    character are not indexed (they would match every query by prefix).
//! 3. **Stems**: in an English or Russian handbook each word is indexed as its Snowball stem
//!    (`rust-stemmers`), taken from the lowercase word before folding; Polish and Slovenian
//!    have no Snowball stemmer and their words are indexed whole. The query is never stemmed.
//! 4. **Match**: a query word matches an indexed term when it is a prefix of the term; when
//!    the two part after a shared prefix that leaves at most a few letters of the query word
//!    over, its ending (whole words: none for words of up to 3 letters, 1 for 4–8, 2 for
//!    9–10, 3 from 11 on; stems, which part sooner: 1 for 4–5, 2 for 6–7, 3 from 8 on); or
//!    when the query word starts with the whole term, of at least 3 letters, and outgrows it
//!    by no more than that ending (`kota` and `kot`), or by up to 4 letters in an index of
//!    stems (`calling` and the stem `call`). A prefix being typed (`reklamac`) thus finds no more than the word it
//!    begins (`reklamacja`). So `reklamacja` finds `reklamacji` and
//!    `reklamację`, `звонок` finds `звонка` and `звонки`, and a prefix such as `reklamac`
//!    finds all of them.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

use crate::model::Language;

/// `text` folded as search compares it (step 1).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)) {
        for c in c.to_lowercase() {
            match c {
                'ł' => out.push('l'),
                'đ' => out.push('d'),
                'ø' => out.push('o'),
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2bc}' => out.push('\''),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => out.push('"'),
                '\u{2026}' => out.push_str("..."),
                c => out.push(c),
            }
        }
    }
    out
}

/// The words of a text (step 2), as search.js `words` splits a query.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Turns the words of a handbook's texts into the terms of its index (steps 2 and 3).
pub(crate) struct Terms {
    stemmer: Option<Stemmer>,
}

impl Terms {
    pub(crate) fn new(language: Language) -> Terms {
        let algorithm = match language {
            Language::En => Some(Algorithm::English),
            Language::Ru => Some(Algorithm::Russian),
            Language::Pl | Language::Sl => None,
        };
        Terms {
            stemmer: algorithm.map(Stemmer::create),
        }
    }

    /// Whether the terms are stems, which a query word may outgrow (step 4).
    pub(crate) fn stemmed(&self) -> bool {
        self.stemmer.is_some()
    }

    /// Every term of `text`, in order, repeats included.
    pub(crate) fn of(&self, text: &str, mut each: impl FnMut(String)) {
        for word in words(text) {
            let lower = word.to_lowercase();
            let term = match &self.stemmer {
                Some(stemmer) => fold(&stemmer.stem(&lower)),
                None => fold(&lower),
            };
            if term.chars().count() > 1 {
                each(term);
            }
        }
    }
}

// The index never matches anything itself: `matches` is the twin of search.js's, compiled for
// the tests that hold both to `words.json`.

/// How many letters of a query word may differ from an indexed term after their shared
/// prefix (step 4): stems are cut short, so they part from a query sooner than whole words.
#[cfg(test)]
fn slack(letters: usize, stemmed: bool) -> usize {
    match (letters, stemmed) {
        (0..=3, _) => 0,
        (4..=5, true) | (4..=8, false) => 1,
        (6..=7, true) | (9..=10, false) => 2,
        _ => 3,
    }
}

/// How well the folded query word `query` matches the indexed `term` of an index whose terms
/// are stems or not (step 4): `2` when the query is a prefix of the term, `1` for another
/// form of the word, `0` for no match.
#[cfg(test)]
fn matches(query: &str, term: &str, stemmed: bool) -> u8 {
    let q: Vec<char> = query.chars().collect();
    let t: Vec<char> = term.chars().collect();
    let shared = q.iter().zip(&t).take_while(|(a, b)| a == b).count();
    if shared == q.len() {
        return 2;
    }
    let mut allowed = slack(q.len(), stemmed);
    if shared == t.len() && stemmed {
        // The query outgrows a whole stem: the stem and an ending.
        allowed = allowed.max(4);
    }
    let found = shared > 0 && (shared < t.len() || t.len() >= 3) && shared + allowed >= q.len();
    u8::from(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases search.js is tested on too (`tests/it/search.rs`).
    const CASES: &str = include_str!("../../../tests/fixtures/search/words.json");

    fn cases() -> serde_json::Value {
        serde_json::from_str(CASES).expect("words.json")
    }

    #[test]
    fn folding_is_that_of_search_js() {
        for case in cases()["fold"].as_array().expect("fold") {
            let (input, folded) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    #[test]
    fn matching_is_that_of_search_js() {
        for case in cases()["matches"].as_array().expect("matches") {
            let (query, term) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            let stemmed = case[2].as_bool().unwrap();
            let expected = case[3].as_u64().unwrap() as u8;
            assert_eq!(matches(query, term, stemmed), expected, "{query} ~ {term}");
        }
    }

    fn terms(language: Language, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Terms::new(language).of(text, |t| out.push(t));
        out
    }

    /// The examples, end to end: the query word, folded, against the indexed terms.
    #[test]
    fn word_forms_are_found() {
        let found = |language, query: &str, text: &str| {
            let query = fold(query);
            let stemmed = Terms::new(language).stemmed();
            terms(language, text)
                .iter()
                .any(|t| matches(&query, t, stemmed) > 0)
        };
        assert!(found(Language::Pl, "reklamacja", "Przyjęcie reklamacji"));
        assert!(found(Language::Pl, "reklamacja", "Zgłoś reklamację"));
        assert!(found(Language::Pl, "reklamac", "reklamacjami"));
        assert!(found(Language::Ru, "звонок", "После звонка"));
        assert!(found(Language::Ru, "звонок", "Все звонки"));
        assert!(found(Language::Ru, "звонками", "После звонка"));
        assert!(found(Language::En, "calling", "We call back"));
        assert!(found(Language::Sl, "reklamacija", "reklamacije"));
        assert!(!found(Language::Pl, "reklamacja", "reklama w radiu"));
        assert!(!found(Language::Ru, "клиент", "клиника"));
    }

    #[test]
    fn terms_are_stemmed_then_folded() {
        assert_eq!(terms(Language::Ru, "Звонков Ёлка"), ["звонк", "елка"]);
        assert_eq!(terms(Language::En, "answering calls"), ["answer", "call"]);
        assert_eq!(
            terms(Language::Pl, "Świadomość i cel"),
            ["swiadomosc", "cel"]
        );
    }
}
