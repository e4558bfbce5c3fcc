//! Many phrases found in one pass over a text's words: `vague-wording` looks for some forty
//! phrases in every text of the handbook, and comparing each word with each phrase cost about
//! a millisecond per standard.
//!
//! Each phrase is filed under the key of its first word ([`Matching::key`]: the word, its
//! stem, or its English base), and each text word is looked up under its own first letters,
//! once per key length. Only the phrases found there are compared word by word, by the same
//! [`Phrase::at`] a single phrase uses, so the set finds exactly what the phrases find one by
//! one.

use std::collections::HashMap;
use std::ops::Range;

use super::words::{Matching, Phrase, Word};

/// Phrases keyed by what their first word's matches start with.
#[derive(Debug)]
pub(crate) struct PhraseSet {
    pub(crate) phrases: Vec<Phrase>,
    matching: Matching,
    /// Phrase positions by key.
    by_key: HashMap<String, Vec<usize>>,
    /// The lengths of the keys, in characters, without repeats.
    key_lengths: Vec<usize>,
}

impl PhraseSet {
    pub(crate) fn new(phrases: Vec<Phrase>, matching: Matching) -> PhraseSet {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, phrase) in phrases.iter().enumerate() {
            let key = matching.key(phrase.first_word(), phrase.is_single());
            by_key.entry(key.to_string()).or_default().push(i);
        }
        let mut key_lengths: Vec<usize> = by_key.keys().map(|k| k.chars().count()).collect();
        key_lengths.sort_unstable();
        key_lengths.dedup();
        PhraseSet {
            phrases,
            matching,
            by_key,
            key_lengths,
        }
    }

    /// Every occurrence in `text` (tokenised into `tokens`) of the phrases the set was made
    /// from: the range and the phrase's position in that list, in the order of the text, the
    /// longer match first where two start together, then in the list's order.
    pub(crate) fn find_all(&self, text: &str, tokens: &[Word]) -> Vec<(Range<usize>, usize)> {
        let mut found = Vec::new();
        for (start, token) in tokens.iter().enumerate() {
            // The byte index where the word's `chars`-th character starts (its length once
            // `chars` is its number of characters), advanced as the key lengths grow.
            let folded = token.folded.as_str();
            let mut boundaries = folded
                .char_indices()
                .map(|(at, _)| at)
                .chain([folded.len()]);
            let (mut chars, mut end) = (0, boundaries.next());
            for &length in &self.key_lengths {
                while chars < length {
                    end = boundaries.next();
                    chars += 1;
                }
                let Some(end) = end else { break };
                let prefix = &folded[..end];
                for &i in self.by_key.get(prefix).into_iter().flatten() {
                    if let Some(range) = self.phrases[i].at(text, tokens, start, self.matching) {
                        found.push((range, i));
                    }
                }
            }
        }
        found.sort_by_key(|(range, i)| (range.start, std::cmp::Reverse(range.end), *i));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::phrases::{slogans, vague_phrases};
    use crate::lint::words::words;
    use crate::model::Language;

    #[test]
    fn the_set_finds_what_each_phrase_finds() {
        let texts = [
            "Oddzwonimy jak najszybciej, a klienci zawsze mają rację. Natychmiast! od razu",
            "Клиенты всегда правы, ответим как можно быстрее и сразу; немедленно.",
            "Stranke imajo vedno prav, odgovorimo čim prej in takoj.",
            "We make every effort, making every effort, and reply ASAP or a.s.a.p. quickly.",
            "https://asap.example jak-najszybciej.pl „jak najszybciej”",
        ];
        let mut total = 0;
        for &(_, language) in Language::KEYWORDS {
            let matching = Matching::for_language(language);
            let phrases: Vec<Phrase> = vague_phrases(language)
                .iter()
                .chain(slogans(language))
                .filter_map(|p| Phrase::new(p))
                .collect();
            let set = PhraseSet::new(phrases.clone(), matching);
            for text in texts {
                let tokens = words(text);
                let mut one_by_one: Vec<(Range<usize>, usize)> = phrases
                    .iter()
                    .enumerate()
                    .flat_map(|(i, p)| {
                        p.find(text, &tokens, matching)
                            .into_iter()
                            .map(move |r| (r, i))
                    })
                    .collect();
                one_by_one.sort_by_key(|(r, i)| (r.start, std::cmp::Reverse(r.end), *i));
                total += one_by_one.len();
                assert_eq!(set.find_all(text, &tokens), one_by_one, "{text}");
            }
        }
        assert!(total >= 15, "{total}");
    }
}
