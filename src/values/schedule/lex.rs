//! The words, numbers and marks of an `hours` text, with their places for help lines: what
//! the schedule parser reads.

use super::super::day_words;
use crate::model::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters, with a trailing dot if there was one (`pon.`), or `&`.
    Word,
    /// `8`, `8:00`, `8.00`.
    Number,
    Dash,
    /// `,` or `;`: between groups.
    Comma,
    Colon,
    /// `24/7`: every day, all day.
    AllWeek,
}

#[derive(Debug)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
    /// A word without its trailing dot, folded; empty for the other kinds.
    pub(super) folded: String,
}

pub(super) fn lex(text: &str, language: Language) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let start = i;
        i += c.len_utf8();
        let kind = match c {
            c if c.is_whitespace() => continue,
            '-' | '–' | '—' => Kind::Dash,
            ',' | ';' => Kind::Comma,
            ':' => Kind::Colon,
            '&' => Kind::Word,
            '0'..='9' => {
                i = skip(text, i, |c| c.is_ascii_digit());
                let mut rest = text[i..].chars();
                let (sep, digit) = (rest.next(), rest.next());
                if matches!(sep, Some(':' | '.')) && digit.is_some_and(|d| d.is_ascii_digit()) {
                    i = skip(text, i + 1, |c| c.is_ascii_digit());
                    Kind::Number
                } else if &text[start..i] == "24"
                    && text[i..].starts_with("/7")
                    && !text[i + 2..].starts_with(|c: char| c.is_ascii_digit())
                {
                    i += 2;
                    Kind::AllWeek
                } else {
                    Kind::Number
                }
            }
            c if is_letter(c) => {
                i = skip(text, i, is_letter);
                if text[i..].starts_with('.') {
                    i += 1;
                }
                Kind::Word
            }
            c => {
                return Err(format!(
                    "`{c}` cannot be part of a schedule: write the days, then the times, like `{}`",
                    day_words::examples(language).0
                ));
            }
        };
        let folded = match kind {
            Kind::Word => day_words::fold(text[start..i].trim_end_matches('.')),
            _ => String::new(),
        };
        tokens.push(Token {
            kind,
            start,
            end: i,
            folded,
        });
    }
    Ok(tokens)
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// The byte offset of the first character at or after `i` that is not `keep`.
fn skip(text: &str, i: usize, keep: impl Fn(char) -> bool) -> usize {
    text[i..].find(|c| !keep(c)).map_or(text.len(), |n| i + n)
}
