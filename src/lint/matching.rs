//! How a phrase word matches a text word: exactly, with a regular English ending, or with a
//! changed Polish, Russian or Slovenian ending (see [`super::words`] for the whole phrase).

use crate::model::Language;

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
    let (p, w) = (pattern.chars().count(), word.chars().count());
    if p <= 1 {
        return pattern == word;
    }
    let keep = stem_len(p);
    w >= keep && w - keep <= p - keep + 2 && pattern.chars().take(keep).eq(word.chars().take(keep))
}

/// The first `n` characters of `word`.
fn first_chars(word: &str, n: usize) -> &str {
    word.char_indices()
        .nth(n)
        .map_or(word, |(at, _)| &word[..at])
}

/// Whether the English text word `word` is `pattern` with a regular ending: `-s`, `-es`,
/// `-d`, `-ed`, `-ing`, or `-ing` in place of a final `e` ("make", "making"). Only for
/// words of four or more letters.
fn english_form(pattern: &str, word: &str) -> bool {
    if pattern.chars().count() < 4 {
        return false;
    }
    if let Some(ending) = word.strip_prefix(pattern) {
        return ["s", "es", "d", "ed", "ing"].contains(&ending);
    }
    pattern
        .strip_suffix('e')
        .and_then(|base| word.strip_prefix(base))
        .is_some_and(|ending| ending == "ing")
}

/// How the words of a phrase match the words of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matching {
    /// Every word equal (after folding case).
    Exact,
    /// Equal; in a phrase of two or more words also with a regular English ending.
    English,
    /// Equal; in a phrase of two or more words also with a changed Slavic ending.
    Inflected,
}

impl Matching {
    /// How phrases of a handbook in `language` match.
    pub(crate) fn for_language(language: Language) -> Matching {
        match language {
            Language::En => Matching::English,
            Language::Pl | Language::Ru | Language::Sl => Matching::Inflected,
        }
    }

    /// What every text word that matches the phrase word `pattern` starts with: the word
    /// itself where only equal words match, its stem, or the English word less a final `e`
    /// ("make", "making"). A phrase set is keyed by it, so that each text word is looked up
    /// once for all phrases rather than compared with each.
    pub(crate) fn key(self, pattern: &str, single: bool) -> &str {
        let letters = pattern.chars().count();
        match self {
            Matching::Exact => pattern,
            _ if single => pattern,
            Matching::English if letters >= 4 => pattern.strip_suffix('e').unwrap_or(pattern),
            Matching::English => pattern,
            Matching::Inflected if letters <= 1 => pattern,
            Matching::Inflected => first_chars(pattern, stem_len(letters)),
        }
    }

    /// Whether the text word `word` matches the phrase word `pattern` (both folded), in a
    /// phrase of one word (`single`) or more.
    pub(crate) fn matches(self, pattern: &str, word: &str, single: bool) -> bool {
        if pattern == word {
            return true;
        }
        match self {
            Matching::Exact => false,
            _ if single => false,
            Matching::English => english_form(pattern, word),
            Matching::Inflected => stem_matches(pattern, word),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_tolerate_slavic_endings() {
        assert!(stem_matches("klient", "klienci"));
        assert!(stem_matches("prav", "pravy"));
        assert!(!stem_matches("prav", "pravilno"));
        assert!(!Matching::Inflected.matches("оперативно", "оперативный", true));
        assert!(Matching::Inflected.matches("оперативно", "оперативный", false));
    }

    #[test]
    fn every_matching_word_starts_with_the_key() {
        let words = [
            "klient",
            "klienci",
            "klientów",
            "prav",
            "pravy",
            "make",
            "making",
            "makes",
            "customer",
            "customers",
            "exceeded",
            "exceed",
            "оперативно",
            "оперативный",
            "a",
            "ab",
            "due",
            "dues",
        ];
        for matching in [Matching::Exact, Matching::English, Matching::Inflected] {
            for single in [true, false] {
                for pattern in words {
                    let key = matching.key(pattern, single);
                    for word in words {
                        if matching.matches(pattern, word, single) {
                            assert!(word.starts_with(key), "{pattern} {word} {key}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn english_endings_are_regular_and_for_longer_words() {
        assert!(english_form("customer", "customers"));
        assert!(english_form("make", "making"));
        assert!(english_form("exceed", "exceeded"));
        assert!(!english_form("customer", "customary"));
        assert!(!english_form("due", "dues"));
        assert!(!Matching::English.matches("shortly", "shorter", false));
        assert!(!Matching::English.matches("effort", "efforts", true));
        assert!(!Matching::Exact.matches("effort", "efforts", false));
    }
}
