//! Words and phrases in text: Unicode word tokens and a phrase matcher that tolerates the
//! changed endings of Polish, Russian and Slovenian.
//!
//! "Klient zawsze ma rację" is also written "klienci zawsze mają rację", and "клиент всегда
//! прав" as "клиенты всегда правы". A dictionary stemmer per language would be heavy; instead,
//! in a phrase of two or more words, each phrase word keeps a stem (the word less a few final
//! letters, more for longer words) and a text word matches when it starts with that stem and
//! its ending is at most two letters longer than the phrase word's. A phrase of one word
//! ("оперативно", "niezwłocznie") must match exactly: a stem alone would also match other
//! parts of speech ("Оперативный отдел"). English barely inflects and its stems are other
//! words ("shortly", "shorter", "short"), so English words match exactly; only in phrases of
//! two or more words may a word of four or more letters take `-s`, `-es`, `-d`, `-ed` or
//! `-ing` ("making every effort"). [`Matching`] compares the words themselves.
//!
//! Phrase words must match whole text words, in order and adjacent, so a phrase never
//! matches inside another word or across a sentence. Where a phrase joins two words without a
//! space (`a.s.a.p.`, `highest-quality`, `customer's`), the text must join them the same way;
//! and a match that is part of an address or an identifier (`https://asap.example`) is none.

use std::ops::Range;

pub(crate) use super::matching::Matching;

/// One word of a text: where it is, and its folded form for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) range: Range<usize>,
    pub(crate) folded: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Lowercase, with `ё` read as `е` (Russian texts write both).
fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The words of `text`: maximal runs of letters, digits and combining marks.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(Word {
                    range: s..i,
                    folded: fold(&text[s..i]),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether the text between two words still joins them into one phrase: no sentence
/// punctuation, no blank line, and none of the characters that join the parts of a URL,
/// an address or an identifier (`jak-najszybciej.pl` is not the phrase).
fn joins(gap: &str) -> bool {
    const BREAKS: &[char] = &[
        '.', '!', '?', ';', ':', '…', '(', ')', '-', '/', '_', '=', '@', '#', '&', '+', '\\',
    ];
    !gap.contains(BREAKS) && !gap.contains("\n\n")
}

/// A gap between two words written without a space (`.` in `a.s.a.p.`, `-`, `'`), with
/// apostrophes and hyphens in one form; `None` for a gap with a space.
fn tight(gap: &str) -> Option<String> {
    (!gap.is_empty() && !gap.chars().any(char::is_whitespace)).then(|| {
        gap.chars()
            .map(|c| match c {
                '’' | '‘' | 'ʼ' | '`' => '\'',
                '‐' | '‑' => '-',
                c => c,
            })
            .collect()
    })
}

/// Whether `range` in `text` stands on its own rather than inside an address, a path or an
/// identifier: no `/`, `_`, `@` or `\` next to it, and no `.` or `-` that joins it to
/// another word (`asap.example`, `www.asap`).
fn stands_alone(text: &str, range: &Range<usize>) -> bool {
    const JOINERS: &[char] = &['/', '_', '@', '\\'];
    let mut before = text.get(..range.start).unwrap_or("").chars().rev();
    let mut after = text.get(range.end..).unwrap_or("").chars();
    let joined = |next: Option<char>, beyond: Option<char>| match next {
        Some(c) if JOINERS.contains(&c) => true,
        Some('.' | '-') => beyond.is_some_and(is_word_char),
        _ => false,
    };
    !joined(before.next(), before.next()) && !joined(after.next(), after.next())
}

/// A phrase to look for, split into folded words.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) text: String,
    words: Vec<String>,
    /// Between each two words: how the phrase joins them without a space, if it does.
    gaps: Vec<Option<String>>,
}

impl Phrase {
    /// `None` for a phrase without words (such as `"?!"`).
    pub(crate) fn new(text: &str) -> Option<Phrase> {
        let tokens = words(text);
        let gaps = tokens
            .windows(2)
            .map(|pair| {
                tight(
                    text.get(pair[0].range.end..pair[1].range.start)
                        .unwrap_or(" "),
                )
            })
            .collect();
        (!tokens.is_empty()).then(|| Phrase {
            text: text.trim().to_string(),
            words: tokens.into_iter().map(|w| w.folded).collect(),
            gaps,
        })
    }

    /// Whether two phrases have the same words, joined the same way (`"Jak najszybciej!"`
    /// and `"jak najszybciej"`, but not `"highest-quality"` and `"highest quality"`).
    pub(crate) fn same_words(&self, other: &Phrase) -> bool {
        self.words == other.words && self.gaps == other.gaps
    }

    /// Byte ranges in `text` (tokenised into `tokens`) where the phrase occurs, its words
    /// compared as `matching` says.
    pub(crate) fn find(
        &self,
        text: &str,
        tokens: &[Word],
        matching: Matching,
    ) -> Vec<Range<usize>> {
        (0..tokens.len())
            .filter_map(|start| self.at(text, tokens, start, matching))
            .collect()
    }

    /// The phrase's first word, folded.
    pub(crate) fn first_word(&self) -> &str {
        &self.words[0]
    }

    /// Whether the phrase has one word.
    pub(crate) fn is_single(&self) -> bool {
        self.words.len() == 1
    }

    /// Where the phrase occurs in `text` if it starts at token `start`.
    pub(crate) fn at(
        &self,
        text: &str,
        tokens: &[Word],
        start: usize,
        matching: Matching,
    ) -> Option<Range<usize>> {
        let n = self.words.len();
        let window = tokens.get(start..start + n)?;
        let same = window
            .iter()
            .zip(&self.words)
            .all(|(token, word)| matching.matches(word, &token.folded, n == 1));
        if !same {
            return None;
        }
        let adjacent = window.windows(2).zip(&self.gaps).all(|(pair, want)| {
            let gap = text
                .get(pair[0].range.end..pair[1].range.start)
                .unwrap_or(".");
            match want {
                Some(want) => tight(gap).as_ref() == Some(want),
                None => joins(gap),
            }
        });
        let range = window[0].range.start..window[n - 1].range.end;
        (adjacent && stands_alone(text, &range)).then_some(range)
    }
}

/// Whether `range` in `text` is quoted as a whole (`„jak najszybciej”`): a phrase that is
/// mentioned, not used, as in "we never write `as soon as possible`".
pub(crate) fn is_quoted(text: &str, range: &Range<usize>) -> bool {
    const OPEN: &[char] = &['"', '\'', '„', '“', '”', '«', '‘', '‚', '`', '»'];
    const CLOSE: &[char] = &['"', '\'', '”', '“', '»', '’', '‘', '`', '«'];
    let before = text.get(..range.start).and_then(|s| s.chars().next_back());
    let after = text.get(range.end..).and_then(|s| s.chars().next());
    matches!((before, after), (Some(b), Some(a)) if OPEN.contains(&b) && CLOSE.contains(&a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(phrase: &str, text: &str) -> Vec<String> {
        let tokens = words(text);
        Phrase::new(phrase)
            .unwrap()
            .find(text, &tokens, Matching::Inflected)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn words_are_unicode_runs() {
        let ws: Vec<String> = words("Klient—zawsze, ma «rację»! 2 h")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(ws, ["klient", "zawsze", "ma", "rację", "2", "h"]);
    }

    #[test]
    fn inflected_forms_match() {
        assert_eq!(
            found("klient zawsze ma rację", "Nasi klienci zawsze mają rację."),
            ["klienci zawsze mają rację"]
        );
        assert_eq!(
            found("клиент всегда прав", "Клиенты всегда правы, да."),
            ["Клиенты всегда правы"]
        );
        assert_eq!(
            found("stranka ima vedno prav", "Stranke imajo vedno prav"),
            ["Stranke imajo vedno prav"]
        );
        assert_eq!(
            found(
                "w miarę możliwości",
                "Oddzwonimy w miarę naszych możliwości"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            found("w miarę możliwości", "W MIARĘ MOŻLIWOŚCI oddzwonimy"),
            ["W MIARĘ MOŻLIWOŚCI"]
        );
        assert_eq!(
            found("сделать всё возможное", "Мы сделаем все возможное"),
            ["сделаем все возможное"]
        );
    }

    #[test]
    fn whole_words_only() {
        assert!(found("jak najszybciej", "jak najszybciejszy").is_empty());
        assert!(found("jak najszybciej", "pojak najszybciej").is_empty());
        assert!(found("клиент всегда прав", "клиент всегда правильно").is_empty());
        assert!(found("jak najszybciej", "Tak jak. Najszybciej").is_empty());
        assert!(found("jak najszybciej", "[sklep](https://jak-najszybciej.pl)").is_empty());
    }

    fn found_as(phrase: &str, text: &str, matching: Matching) -> Vec<String> {
        let tokens = words(text);
        Phrase::new(phrase)
            .unwrap()
            .find(text, &tokens, matching)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn single_words_match_exactly() {
        for matching in [Matching::English, Matching::Inflected] {
            assert!(found_as("shortly", "shorter, shortest, short", matching).is_empty());
            assert!(found_as("оперативно", "Оперативный отдел", matching).is_empty());
            assert_eq!(found_as("promptly", "Promptly.", matching), ["Promptly"]);
        }
    }

    #[test]
    fn english_takes_only_regular_endings() {
        let en = |phrase, text| found_as(phrase, text, Matching::English);
        assert_eq!(
            en("exceed expectations", "exceeding expectation"),
            Vec::<String>::new()
        );
        assert_eq!(
            en("exceed expectations", "Exceeded expectations"),
            ["Exceeded expectations"]
        );
        assert_eq!(
            en("make every effort", "making every effort"),
            ["making every effort"]
        );
        assert!(en("in due course", "ins due course").is_empty());
        assert!(en("as soon as possible", "as sooner as possible").is_empty());
    }

    #[test]
    fn tight_gaps_must_be_written_the_same() {
        let en = |phrase, text| found_as(phrase, text, Matching::English);
        assert_eq!(en("a.s.a.p.", "Call a.s.a.p. please"), ["a.s.a.p"]);
        assert!(en("a.s.a.p.", "a s a p").is_empty());
        assert!(en("asap", "a.s.a.p.").is_empty());
        assert_eq!(
            en("highest-quality", "highest‑quality"),
            ["highest‑quality"]
        );
        assert!(en("highest quality", "highest-quality").is_empty());
        assert_eq!(
            en("the customer's always right", "The customer’s always right"),
            ["The customer’s always right"]
        );
        assert!(
            !Phrase::new("highest-quality")
                .unwrap()
                .same_words(&Phrase::new("highest quality").unwrap())
        );
    }

    #[test]
    fn addresses_are_not_phrases() {
        let en = |phrase, text| found_as(phrase, text, Matching::English);
        assert!(en("asap", "https://asap.example.com").is_empty());
        assert!(en("asap", "www.asap").is_empty());
        assert!(en("asap", "asap_mode").is_empty());
        assert!(en("asap", "asap-mode").is_empty());
        assert_eq!(en("asap", "Now-asap."), Vec::<String>::new());
        assert_eq!(en("asap", "(ASAP) or asap - then"), ["ASAP", "asap"]);
    }

    #[test]
    fn quoted_phrases_are_mentions() {
        let text = "Nie piszemy „jak najszybciej”, tylko godzinę.";
        let range = found("jak najszybciej", text);
        assert_eq!(range, ["jak najszybciej"]);
        let at = text.find("jak").unwrap();
        assert!(is_quoted(text, &(at..at + "jak najszybciej".len())));
        assert!(!is_quoted("a jak najszybciej b", &(2..17)));
    }
}
