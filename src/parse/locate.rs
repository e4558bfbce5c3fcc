//! Where each byte of a TOML string's value was written in the source.
//!
//! `toml` gives the span of a whole string literal. For a literal without escapes the value's
//! bytes are the literal's, but handbooks wrap long text with line-ending backslashes
//! (`"""…\` + newline) and write `\"`, so such a literal is decoded again here, recording
//! for every value byte the source bytes that produced it. Lint can then point at a phrase in
//! the middle of it and validate at a link. The decoded text must equal the parsed value, or
//! the map is not used.

use crate::source::OffsetMap;

/// Maps `value` back into `literal`, the TOML string as written (with its quotes).
pub(super) fn value_offsets(literal: &str, value: &str) -> Option<OffsetMap> {
    let (delimiter, escapes) = [("\"\"\"", true), ("'''", false), ("\"", true), ("'", false)]
        .into_iter()
        .find(|(d, _)| literal.starts_with(d) && literal.ends_with(d))?;
    let multiline = delimiter.len() == 3;
    let mut start = delimiter.len();
    let end = literal.len().checked_sub(delimiter.len())?;
    if multiline {
        if literal[start..].starts_with("\r\n") {
            start += 2;
        } else if literal[start..].starts_with('\n') {
            start += 1;
        }
    }
    let body = literal.get(start..end.max(start))?;
    let mut map = OffsetMap {
        starts: Vec::with_capacity(value.len()),
        ends: Vec::with_capacity(value.len()),
        body_end: end.max(start),
        body_start: start,
    };
    let mut decoded = String::with_capacity(value.len());
    let mut chars = body.char_indices().peekable();
    let mut skipped_cr = None;
    while let Some((i, c)) = chars.next() {
        let from = start + i;
        let (produced, to) = if escapes && c == '\\' {
            let (_, kind) = chars.next()?;
            match kind {
                'b' | 't' | 'n' | 'f' | 'r' | 'e' | '"' | '\\' => {
                    let ch = match kind {
                        'b' => '\u{8}',
                        't' => '\t',
                        'n' => '\n',
                        'f' => '\u{c}',
                        'r' => '\r',
                        'e' => '\u{1b}',
                        other => other,
                    };
                    (Some(ch), from + 2)
                }
                'x' | 'u' | 'U' => {
                    let digits = match kind {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex = body.get(i + 2..i + 2 + digits)?;
                    let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                    for _ in 0..digits {
                        chars.next();
                    }
                    (Some(ch), from + 2 + digits)
                }
                w if multiline && w.is_whitespace() => {
                    while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                    (None, 0)
                }
                _ => return None,
            }
        } else if c == '\r'
            && value
                .get(decoded.len()..)
                .is_some_and(|rest| rest.starts_with('\n'))
        {
            skipped_cr = Some(from);
            continue;
        } else {
            (Some(c), from + c.len_utf8())
        };
        if let Some(ch) = produced {
            let at = skipped_cr.take().unwrap_or(from);
            for _ in 0..ch.len_utf8() {
                map.starts.push(at);
                map.ends.push(to);
            }
            decoded.push(ch);
            if !value.starts_with(&decoded) {
                return None;
            }
        }
    }
    (decoded == value).then_some(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locate<'a>(literal: &'a str, value: &str, phrase: &str) -> &'a str {
        let at = value.find(phrase).unwrap();
        let map = value_offsets(literal, value).expect("maps");
        &literal[map.start_of(at)..map.end_of(at + phrase.len())]
    }

    #[test]
    fn line_ending_backslashes_and_escapes() {
        let literal =
            "\"\"\"\nJak najszybciej \\\n    oddzwaniamy \\\"teraz\\\" do klienta.\n\"\"\"";
        let value = "Jak najszybciej oddzwaniamy \"teraz\" do klienta.\n";
        assert_eq!(locate(literal, value, "oddzwaniamy"), "oddzwaniamy");
        assert_eq!(locate(literal, value, "\"teraz\""), "\\\"teraz\\\"");
        assert_eq!(
            locate(literal, value, "najszybciej oddzwaniamy"),
            "najszybciej \\\n    oddzwaniamy"
        );
    }

    #[test]
    fn unicode_escapes_and_literal_strings() {
        assert_eq!(locate("\"a \\u00e9t\\u00E9 b\"", "a été b", "b"), "b");
        assert_eq!(locate("'C:\\x'", "C:\\x", "x"), "x");
    }

    #[test]
    fn every_literal_toml_writes_maps_back() {
        let values = [
            "",
            "plain",
            "quote \" and backslash \\ and tab \t",
            "line\nbreak\r\nand \u{7} bell",
            "żółw — «клиент» 😀",
            "'single' and '''triple'''",
        ];
        for value in values {
            let literal = toml::Value::String(value.to_string()).to_string();
            let map = value_offsets(&literal, value).unwrap_or_else(|| panic!("{literal}"));
            assert!(map.end_of(value.len()) <= literal.len());
            assert!(map.start_of(0) <= map.end_of(value.len()));
        }
    }

    #[test]
    fn broken_literals_do_not_panic() {
        for literal in [
            "\"",
            "\"\"\"",
            "\"\\\"",
            "\"\\u12\"",
            "'",
            "\"\\x\"",
            "\"\"\"\n\\\n\"\"\"",
        ] {
            let _ = value_offsets(literal, "x");
            let _ = value_offsets(literal, "");
        }
    }

    #[test]
    fn a_different_value_is_not_mapped() {
        assert!(value_offsets("\"abc\"", "abd").is_none());
        assert!(value_offsets("abc", "abc").is_none());
    }
}
