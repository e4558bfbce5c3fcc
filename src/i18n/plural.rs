//! The one plural function: which CLDR plural category a cardinal number takes in each
//! handbook language (<https://cldr.unicode.org/index/cldr-spec/plural-rules>). The catalogues'
//! plural tables are keyed by these categories.
//!
//! Slovenian puts every number with a decimal part in `few`, together with 3 and 4, but a
//! unit after a decimal number takes the genitive singular ("1,5 dneva", like "2,5 metra"),
//! not the plural of "3 dnevi"; a plural table can therefore give a `fraction` form, which
//! [`super::Catalog`] prefers for such numbers. Polish and Russian need none: their `other`
//! is the category of decimals alone.

use crate::model::Language;

/// A CLDR plural category (`zero` is not used by any handbook language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    /// The key of this form in a catalogue's plural table.
    pub(crate) fn keyword(self) -> &'static str {
        match self {
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The CLDR plural category of `n` for cardinal numbers.
pub(crate) fn category(language: Language, n: f64) -> Category {
    let integer = n.fract() == 0.0 && n.is_finite();
    let i = n.abs().trunc() as u64;
    match language {
        Language::En => match integer && i == 1 {
            true => Category::One,
            false => Category::Other,
        },
        Language::Pl => match (integer, i % 10, i % 100) {
            (false, _, _) => Category::Other,
            _ if i == 1 => Category::One,
            (true, 2..=4, m) if !(12..=14).contains(&m) => Category::Few,
            _ => Category::Many,
        },
        Language::Ru => match (integer, i % 10, i % 100) {
            (false, _, _) => Category::Other,
            (true, 1, m) if m != 11 => Category::One,
            (true, 2..=4, m) if !(12..=14).contains(&m) => Category::Few,
            _ => Category::Many,
        },
        Language::Sl => match (integer, i % 100) {
            (false, _) => Category::Few,
            (true, 1) => Category::One,
            (true, 2) => Category::Two,
            (true, 3..=4) => Category::Few,
            _ => Category::Other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_rules_follow_cldr() {
        let cases = [
            (
                Language::Pl,
                [1.0, 2.0, 5.0, 22.0, 12.0, 1.5],
                ["one", "few", "many", "few", "many", "other"],
            ),
            (
                Language::Ru,
                [1.0, 3.0, 5.0, 21.0, 11.0, 1.5],
                ["one", "few", "many", "one", "many", "other"],
            ),
            (
                Language::Sl,
                [1.0, 2.0, 3.0, 5.0, 101.0, 1.5],
                ["one", "two", "few", "other", "one", "few"],
            ),
            (
                Language::En,
                [1.0, 2.0, 0.0, 5.0, 21.0, 1.5],
                ["one", "other", "other", "other", "other", "other"],
            ),
        ];
        for (language, numbers, categories) in cases {
            for (n, c) in numbers.into_iter().zip(categories) {
                assert_eq!(
                    category(language, n).keyword(),
                    c,
                    "{} {n}",
                    language.keyword()
                );
            }
        }
    }
}
