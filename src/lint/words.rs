//! Words and phrases in text: Unicode word tokens and a phrase matcher that tolerates the
//! changed endings of Polish, Russian and Slovenian.
//!
//! "Klient zawsze ma rację" is also written "klienci zawsze mają rację", and "клиент всегда
//! прав" as "клиенты всегда правы". A dictionary stemmer per language would be heavy; instead
//! each phrase word keeps a stem (the word less a few final letters, more for longer words)
//! and a text word matches when it starts with that stem and its ending is at most two
//! letters longer than the phrase word's. Phrase words must match whole text words, in order
//! and adjacent, so a phrase never matches inside another word or across a sentence.

use std::ops::Range;

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

/// How many leading letters of a phrase word a text word must share with it.
fn stem_len(letters: usize) -> usize {
    match letters {
        0..=3 => letters,
        4..=5 => letters - 1,
        6..=8 => letters - 2,
        _ => letters - 3,
    }
}

/// Whether the text word `word` is a form of the phrase word `pattern` (both folded).
pub(crate) fn stem_matches(pattern: &str, word: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let w: Vec<char> = word.chars().collect();
    if p.len() <= 1 {
        return p == w;
    }
    let keep = stem_len(p.len());
    w.len() >= keep && w[..keep] == p[..keep] && w.len() - keep <= p.len() - keep + 2
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

/// A phrase to look for, split into folded words.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) text: String,
    words: Vec<String>,
}

impl Phrase {
    /// `None` for a phrase without words (such as `"?!"`).
    pub(crate) fn new(text: &str) -> Option<Phrase> {
        let words: Vec<String> = words(text).into_iter().map(|w| w.folded).collect();
        (!words.is_empty()).then(|| Phrase {
            text: text.trim().to_string(),
            words,
        })
    }

    /// Whether two phrases have the same words (`"Jak najszybciej!"` and `"jak najszybciej"`).
    pub(crate) fn same_words(&self, other: &Phrase) -> bool {
        self.words == other.words
    }

    /// Byte ranges in `text` (tokenised into `tokens`) where the phrase occurs.
    /// `inflected` allows changed endings; otherwise words must be equal.
    pub(crate) fn find(&self, text: &str, tokens: &[Word], inflected: bool) -> Vec<Range<usize>> {
        let n = self.words.len();
        let mut out = Vec::new();
        if tokens.len() < n {
            return out;
        }
        for start in 0..=tokens.len() - n {
            let window = &tokens[start..start + n];
            let same = window.iter().zip(&self.words).all(|(token, word)| {
                if inflected {
                    stem_matches(word, &token.folded)
                } else {
                    token.folded == *word
                }
            });
            let adjacent = window.windows(2).all(|pair| {
                joins(
                    text.get(pair[0].range.end..pair[1].range.start)
                        .unwrap_or("."),
                )
            });
            if same && adjacent {
                out.push(window[0].range.start..window[n - 1].range.end);
            }
        }
        out
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
            .find(text, &tokens, true)
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
