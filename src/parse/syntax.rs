//! What an everyday TOML syntax error means in the author's terms.
//!
//! The TOML parser names the token it tripped over ("invalid float", "key with no value"),
//! which for a manager writing a handbook points at the wrong thing: a date written the local
//! way, typographic quotes pasted from a word processor, a string broken over two lines. These
//! are recognised from the text around the error, so the diagnostic can name the mistake and
//! show the fix; any other error keeps the parser's own words.

use std::ops::Range;

use crate::values::Date;

/// A syntax error explained: where to point, and what to say.
#[derive(Debug, PartialEq)]
pub(crate) struct Explained {
    pub(crate) range: Range<usize>,
    pub(crate) message: String,
    pub(crate) label: String,
    pub(crate) help: String,
}

/// Quote marks that word processors put in place of `"` and `'`.
const TYPOGRAPHIC_QUOTES: &[char] = &['“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‹', '›'];

/// Explains the error the parser reported at `at`, if it is one of the everyday mistakes.
pub(crate) fn explain(toml: &str, at: &Range<usize>) -> Option<Explained> {
    unclosed_string(toml, at.start)
        .or_else(|| typographic_quotes(toml, at.start))
        .or_else(|| local_date(toml, at.start))
}

/// The line around byte `at`: its start offset and its text without the line break.
fn line_at(toml: &str, at: usize) -> (usize, &str) {
    let at = at.min(toml.len());
    let start = toml[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = toml[start..].find('\n').map_or(toml.len(), |i| start + i);
    (start, toml[start..end].trim_end_matches('\r'))
}

/// The key of a `key = value` line, and the offset of its value within the line.
fn key_value(line: &str) -> Option<(&str, usize)> {
    let eq = line.find('=')?;
    let key = line[..eq].trim();
    let value = eq + 1 + (line[eq + 1..].len() - line[eq + 1..].trim_start().len());
    Some((key, value))
}

/// `title = "Odbieramy` with the closing quote on the next line. The parser reports the next
/// line; the string that is never closed is on the first line, before the error, that opens a
/// one-line string without closing it.
fn unclosed_string(toml: &str, at: usize) -> Option<Explained> {
    let (error_line, _) = line_at(toml, at);
    let mut offset = 0;
    let mut multiline: Option<&str> = None;
    for line in toml.split_inclusive('\n') {
        if offset > error_line {
            break;
        }
        let text = line.trim_end_matches(['\n', '\r']);
        if let Some(open) = open_string(text, &mut multiline) {
            let (key, value_at) = key_value(text).unwrap_or(("text", 0));
            let quote = &text[open..open + 1];
            let help = if open == value_at {
                format!(
                    "a `{quote}...{quote}` string ends on the line it starts: close it there, \
                     or for text over several lines use triple quotes: \
                     `{key} = {quote}{quote}{quote}` ... `{quote}{quote}{quote}`"
                )
            } else {
                format!(
                    "a `{quote}...{quote}` string ends on the line it starts: add the closing `{quote}` after its text"
                )
            };
            return Some(Explained {
                range: offset + open..offset + text.len(),
                message: format!("the string of `{key}` is not closed on its line"),
                label: format!("this `{quote}` has no closing `{quote}` on the same line"),
                help,
            });
        }
        offset += line.len();
    }
    None
}

/// Where `line` opens a one-line string it does not close; `multiline` carries an open
/// `"""`/`'''` string from one line to the next.
fn open_string(line: &str, multiline: &mut Option<&'static str>) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(close) = *multiline {
            match line[i..].find(close) {
                Some(end) => {
                    i += end + 3;
                    *multiline = None;
                    continue;
                }
                None => return None,
            }
        }
        match bytes[i] {
            b'#' => return None,
            quote @ (b'"' | b'\'') => {
                let triple = if quote == b'"' { "\"\"\"" } else { "'''" };
                if line[i..].starts_with(triple) {
                    *multiline = Some(triple);
                    i += 3;
                    continue;
                }
                let mut j = i + 1;
                loop {
                    match bytes.get(j) {
                        None => return Some(i),
                        Some(b'\\') if quote == b'"' => j += 2,
                        Some(&b) if b == quote => break,
                        Some(_) => j += 1,
                    }
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// `title = “Odbieramy telefon”`: quotes pasted from a word processor.
fn typographic_quotes(toml: &str, at: usize) -> Option<Explained> {
    let (start, line) = line_at(toml, at);
    let column = at.saturating_sub(start).min(line.len());
    let rest = &line[column..];
    let open = rest
        .chars()
        .next()
        .filter(|c| TYPOGRAPHIC_QUOTES.contains(c))?;
    let inner_start = open.len_utf8();
    let inner_len = rest[inner_start..]
        .find(TYPOGRAPHIC_QUOTES)
        .unwrap_or(rest.len() - inner_start);
    let inner = &rest[inner_start..inner_start + inner_len];
    let close_len = rest[inner_start + inner_len..]
        .chars()
        .next()
        .map_or(0, char::len_utf8);
    let key = key_value(line).map_or("text", |(k, _)| k);
    Some(Explained {
        range: at..at + inner_start + inner_len + close_len,
        message: format!("typographic quotes `{open}` are not TOML quotes"),
        label: "typographic quotes".to_string(),
        help: format!(
            "TOML strings need straight quotes: write `{key} = \"{inner}\"` \
             (typographic quotes inside a string are fine)"
        ),
    })
}

/// `last_reviewed = 15.02.2026`: a date written the local way instead of `2026-02-15`.
fn local_date(toml: &str, at: usize) -> Option<Explained> {
    let (start, line) = line_at(toml, at);
    let (key, value_at) = key_value(line)?;
    let value = line[value_at..].split('#').next().unwrap_or("").trim_end();
    let (date, ambiguous) = read_local_date(value)?;
    let help = match ambiguous {
        None => format!("write the date year-month-day, as TOML does: `{key} = {date}`"),
        Some(other) => format!(
            "write the date year-month-day, as TOML does: `{key} = {date}` if the day comes \
             first, `{key} = {other}` if the month does"
        ),
    };
    Some(Explained {
        range: start + value_at..start + value_at + value.len(),
        message: format!("`{key}` is a date written the local way, not a TOML date"),
        label: "a local date".to_string(),
        help,
    })
}

/// `15.02.2026`, `15/02/2026`, `2026.02.15`: the date it names and, when day and month could
/// be either way round (`03/02/2026`), the other reading.
fn read_local_date(value: &str) -> Option<(Date, Option<Date>)> {
    let separator = value.chars().find(|c| matches!(c, '.' | '/' | '-'))?;
    let parts: Vec<&str> = value.split(separator).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    if a.len() == 4 {
        let year = i32::try_from(number(a)?).ok()?;
        return Some((Date::new(year, number(b)?, number(c)?)?, None));
    }
    if c.len() != 4 || separator == '-' {
        return None;
    }
    let year = i32::try_from(number(c)?).ok()?;
    let (first, second) = (number(a)?, number(b)?);
    let day_first = Date::new(year, second, first);
    let month_first = Date::new(year, first, second);
    match (day_first, month_first) {
        // Dots are day-first wherever they are used; a slash is read both ways.
        (Some(d), Some(m)) if separator == '/' && d != m => Some((d, Some(m))),
        (Some(d), _) => Some((d, None)),
        (None, Some(m)) => Some((m, None)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(toml: &str) -> Explained {
        let error = toml::de::DeTable::parse(toml).expect_err("a syntax error");
        explain(toml, &error.span().unwrap_or(0..0)).expect("explained")
    }

    #[test]
    fn local_dates_become_toml_dates() {
        for (value, help) in [
            ("15.02.2026", "`last_reviewed = 2026-02-15`"),
            ("15/02/2026", "`last_reviewed = 2026-02-15`"),
            ("2026.02.15", "`last_reviewed = 2026-02-15`"),
            ("2026/2/5", "`last_reviewed = 2026-02-05`"),
            ("03.02.2026", "`last_reviewed = 2026-02-03`"),
        ] {
            let toml = format!("title = \"x\"\nlast_reviewed = {value}\n");
            let e = explained(&toml);
            assert!(e.message.contains("local way"), "{value}: {e:?}");
            assert!(e.help.contains(help), "{value}: {}", e.help);
            assert!(!e.help.contains("if the month"), "{value}: {}", e.help);
            assert_eq!(&toml[e.range], value);
        }
        let e = explained("last_reviewed = 03/02/2026\n");
        assert!(
            e.help.contains("2026-02-03` if the day comes first"),
            "{}",
            e.help
        );
        assert!(
            e.help.contains("2026-03-02` if the month does"),
            "{}",
            e.help
        );
    }

    #[test]
    fn typographic_quotes_are_named() {
        for (value, inner) in [
            ("“Odbieramy telefon”", "Odbieramy telefon"),
            ("„Odbieramy telefon”", "Odbieramy telefon"),
            ("«Отвечаем»", "Отвечаем"),
        ] {
            let toml = format!("title = {value}\n");
            let e = explained(&toml);
            assert!(e.message.contains("typographic quotes"), "{e:?}");
            assert!(
                e.help.contains(&format!("`title = \"{inner}\"`")),
                "{}",
                e.help
            );
            assert_eq!(&toml[e.range], value);
        }
    }

    #[test]
    fn a_line_break_inside_a_string_points_at_the_string() {
        let toml = "id = \"a\"\ntitle = \"Odbieramy\ntelefon\"\nowner = \"x\"\n";
        let e = explained(toml);
        assert_eq!(&toml[e.range.clone()], "\"Odbieramy");
        assert!(e.message.contains("`title`"), "{e:?}");
        assert!(e.help.contains("\"\"\""), "{}", e.help);
    }

    #[test]
    fn strings_that_close_are_not_blamed() {
        let mut multiline = None;
        assert_eq!(open_string(r#"a = "x \" y" # "z"#, &mut multiline), None);
        assert_eq!(open_string("a = \"\"\"start", &mut multiline), None);
        assert_eq!(open_string("still \" inside", &mut multiline), None);
        assert_eq!(open_string("end\"\"\" b = 'c", &mut multiline), Some(11));
    }

    #[test]
    fn other_errors_keep_the_parsers_words() {
        let toml = "never_say = [\"a\", \"b\"\n";
        let error = toml::de::DeTable::parse(toml).expect_err("a syntax error");
        assert_eq!(explain(toml, &error.span().unwrap_or(0..0)), None);
    }
}
