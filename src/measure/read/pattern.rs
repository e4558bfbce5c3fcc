//! Shell-style patterns of `--events` (`exports/2026-*/calls-??.csv`, `[0-9]`, `**` for any
//! depth of folders), matched one path component at a time. Small enough to write here: the
//! `glob` crate would add a dependency for the same few rules.

/// Whether `text` holds a wildcard (`*`, `?` or `[`).
pub(super) fn is_pattern(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// Whether one path component `name` matches the component pattern `pattern`: `*` any run
/// of characters, `?` one character, `[abc]`, `[a-z]`, `[!a-z]` or `[^a-z]` one character
/// of (or not of) the set. A `[` without its `]` is itself.
pub(super) fn matches(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    // Iterative matching with one backtrack point for the last `*`: linear for patterns
    // people write, never exponential.
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        if p < pattern.len() {
            match pattern[p] {
                '*' => {
                    star = Some((p, n));
                    p += 1;
                    continue;
                }
                '?' => {
                    p += 1;
                    n += 1;
                    continue;
                }
                '[' => {
                    if let Some((hit, next)) = class(&pattern, p, name[n]) {
                        if hit {
                            p = next;
                            n += 1;
                            continue;
                        }
                    } else if name[n] == '[' {
                        p += 1;
                        n += 1;
                        continue;
                    }
                }
                c if c == name[n] => {
                    p += 1;
                    n += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((sp, sn)) => {
                p = sp + 1;
                n = sn + 1;
                star = Some((sp, sn + 1));
            }
            None => return false,
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// The bracket expression at `pattern[at] == '['`: whether `c` is in it and the index after
/// its `]`; `None` when it has no closing `]`.
fn class(pattern: &[char], at: usize, c: char) -> Option<(bool, usize)> {
    let mut i = at + 1;
    let negated = matches!(pattern.get(i), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut hit = false;
    let mut first = true;
    while i < pattern.len() {
        let lo = pattern[i];
        if lo == ']' && !first {
            return Some((hit != negated, i + 1));
        }
        first = false;
        if pattern.get(i + 1) == Some(&'-') && pattern.get(i + 2).is_some_and(|&hi| hi != ']') {
            let hi = pattern[i + 2];
            hit |= lo <= c && c <= hi;
            i += 3;
        } else {
            hit |= lo == c;
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        for (pattern, name, expected) in [
            ("*.csv", "calls.csv", true),
            ("*.csv", "calls.csv.bak", false),
            ("*.csv", ".csv", true),
            ("calls-??.csv", "calls-10.csv", true),
            ("calls-??.csv", "calls-1.csv", false),
            ("calls-[0-9][0-9].csv", "calls-07.csv", true),
            ("calls-[0-9][0-9].csv", "calls-x7.csv", false),
            ("calls-[!0-9]*", "calls-x7.csv", true),
            ("calls-[^0-9]*", "calls-07.csv", false),
            ("[]]", "]", true),
            ("[a-]", "-", true),
            ("a[b", "a[b", true),
            ("*a*b*c*", "xxaxxbxxcxx", true),
            ("*a*b*c*", "xxaxxcxxbxx", false),
            ("*", "", true),
            ("", "", true),
            ("zgłoszenia-*.csv", "zgłoszenia-październik.csv", true),
            ("?", "ł", true),
        ] {
            assert_eq!(matches(pattern, name), expected, "{pattern} vs {name}");
        }
    }

    #[test]
    fn what_is_a_pattern() {
        assert!(is_pattern("exports/*.csv"));
        assert!(is_pattern("calls-[0-9].csv"));
        assert!(!is_pattern("exports/calls.csv"));
    }
}
