//! Sentences of Markdown prose, for `long-sentence`.
//!
//! Markdown is read with the handbook's one pulldown-cmark configuration; only text and inline
//! code count, code blocks and HTML do not. A sentence ends at `.`, `!`, `?` or `…` followed by
//! a space, and always at the end of a paragraph, list item, heading or table cell. A full
//! stop does not end a sentence after a known abbreviation (`np.`, `т.е.`, `e.g.`), after a
//! single letter (an initial), or when the next word starts in lowercase.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// One sentence: its byte range in the Markdown source and its number of words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub(crate) range: Range<usize>,
    pub(crate) words: usize,
}

/// Abbreviations that end in a full stop but rarely end a sentence (lowercase).
const ABBREVIATIONS: &[&str] = &[
    // Polish
    "np.",
    "tj.",
    "tzw.",
    "ok.",
    "godz.",
    "ul.",
    "nr.",
    "tel.",
    "wg.",
    "ds.",
    "gr.",
    "zł.",
    "min.",
    "r.",
    "pkt.",
    "ust.",
    "art.",
    "por.",
    "jw.",
    "itp.",
    "prof.",
    "dr.",
    "mgr.",
    "inż.",
    // Russian
    "т.е.",
    "т.к.",
    "т.п.",
    "т.д.",
    "напр.",
    "г.",
    "гг.",
    "руб.",
    "ул.",
    "д.",
    "см.",
    "стр.",
    "тел.",
    "мин.",
    "ч.",
    "др.",
    "пр.",
    "т.н.",
    // Slovenian
    "npr.",
    "t.i.",
    "oz.",
    "tj.",
    "ipd.",
    "itd.",
    "št.",
    "tel.",
    // English
    "e.g.",
    "i.e.",
    "etc.",
    "vs.",
    "approx.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "no.",
    "p.m.",
    "a.m.",
];

/// The sentences of `markdown`, in order.
pub(crate) fn sentences(markdown: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, char)> = Vec::new();
    let mut last_end = 0;
    let mut in_code_block = false;
    for (event, range) in crate::markdown::parser(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(_) | Event::Code(_) if !in_code_block => {
                if range.start != last_end {
                    block.push((range.start, ' '));
                }
                let text = markdown.get(range.clone()).unwrap_or("");
                block.extend(text.char_indices().map(|(i, c)| (range.start + i, c)));
                last_end = range.end;
            }
            Event::SoftBreak | Event::HardBreak => block.push((range.start, ' ')),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => split(&std::mem::take(&mut block), &mut out),
            _ => {}
        }
    }
    split(&block, &mut out);
    out
}

/// A run of non-space characters: positions in the block.
struct Token {
    first: usize,
    last: usize,
}

fn split(block: &[(usize, char)], out: &mut Vec<Sentence>) {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, (_, c)) in block.iter().enumerate() {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                tokens.push(Token {
                    first: s,
                    last: i - 1,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Token {
            first: s,
            last: block.len() - 1,
        });
    }
    let end_of = |t: &Token| {
        let (offset, c) = block[t.last];
        offset + c.len_utf8()
    };
    let mut current: Option<(usize, usize)> = None;
    for (n, token) in tokens.iter().enumerate() {
        let text: String = block[token.first..=token.last]
            .iter()
            .map(|(_, c)| c)
            .collect();
        if text.chars().any(char::is_alphanumeric) {
            let (_, words) = current.get_or_insert((block[token.first].0, 0));
            *words += 1;
        }
        let next = tokens
            .get(n + 1)
            .and_then(|t| block.get(t.first))
            .map(|(_, c)| *c);
        if ends_sentence(&text, next) {
            if let Some((start, words)) = current.take() {
                out.push(Sentence {
                    range: start..end_of(token),
                    words,
                });
            }
        }
    }
    if let (Some((start, words)), Some(last)) = (current, tokens.last()) {
        out.push(Sentence {
            range: start..end_of(last),
            words,
        });
    }
}

/// Whether a token ends its sentence, given the first character of the next token.
fn ends_sentence(token: &str, next: Option<char>) -> bool {
    let bare = token.trim_end_matches([')', ']', '"', '\'', '”', '’', '»', '*', '_']);
    let Some(last) = bare.chars().next_back() else {
        return false;
    };
    match last {
        '!' | '?' => true,
        '.' | '…' => {
            let lowercase_next = next.is_some_and(char::is_lowercase);
            let abbreviation = last == '.' && is_abbreviation(bare);
            !(lowercase_next || abbreviation)
        }
        _ => false,
    }
}

fn is_abbreviation(token: &str) -> bool {
    let word = token
        .trim_start_matches(['(', '[', '"', '\'', '„', '“', '«', '*', '_'])
        .to_lowercase();
    let stem = word.trim_end_matches('.');
    let initial = stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic);
    let dotted = stem.contains('.') && stem.split('.').all(|p| p.chars().count() <= 3);
    initial || dotted || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_text(text: &str) -> Vec<(&str, usize)> {
        sentences(text)
            .into_iter()
            .map(|s| (&text[s.range], s.words))
            .collect()
    }

    #[test]
    fn splits_on_terminators_and_blocks() {
        assert_eq!(
            split_text("One two three. Four five!\n\n# Title here\n\n- item one\n- item two"),
            [
                ("One two three.", 3),
                ("Four five!", 2),
                ("Title here", 2),
                ("item one", 2),
                ("item two", 2)
            ]
        );
    }

    #[test]
    fn abbreviations_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            split_text("Dzwonimy np. do klienta, tj. Pana Nowaka. Potem m.in. piszemy."),
            [
                ("Dzwonimy np. do klienta, tj. Pana Nowaka.", 7),
                ("Potem m.in. piszemy.", 3)
            ]
        );
        assert_eq!(
            split_text("Это т.е. Вопрос. До 15. числа"),
            [("Это т.е. Вопрос.", 3), ("До 15. числа", 3)]
        );
        assert_eq!(
            split_text("Sklep kwiatek.pl działa 8–22."),
            [("Sklep kwiatek.pl działa 8–22.", 4)]
        );
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "",
            ".",
            "...",
            "!?",
            "\u{301}a.",
            "😀 😀. 😀",
            "<b>x</b>",
            "| a | b |\n|---|---|\n| 1. | 2! |",
            "\\",
            "a\r\n\r\nb.",
        ] {
            for s in sentences(text) {
                assert!(text.get(s.range.clone()).is_some(), "{text:?}");
            }
        }
    }

    #[test]
    fn markup_and_code_blocks() {
        assert_eq!(
            split_text("A **bold** [link](http://x.y) `code`.\n\n```\nnot. counted. here\n```\n"),
            [("A **bold** [link](http://x.y) `code`.", 4)]
        );
    }
}
