//! The score of a filled form: the share of weight answered "yes" among the items that
//! applied, and 0 when a critical item is "no" — the rule QA tools call an auto-fail.

use super::items::{Item, Scorecard};
use crate::i18n::Catalog;

/// The English catalogue, whose answers every form accepts; read once, not per answer.
fn english() -> &'static Catalog {
    static ENGLISH: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| Catalog::builtin(crate::model::Language::En))
}

/// One answer on the scale yes / no / not applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    Yes,
    No,
    Na,
}

impl Answer {
    /// The word the JSON and CSV forms store.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Na => "na",
        }
    }

    /// `word` as an answer in English or in the catalogue's language (`tak`, `да`, `n/p`),
    /// without case or surrounding spaces.
    pub(crate) fn parse(word: &str, cat: &Catalog) -> Option<Answer> {
        let word = word.trim().to_lowercase();
        [Answer::Yes, Answer::No, Answer::Na].into_iter().find(|a| {
            [cat, english()].iter().any(|c| {
                c.try_list(&format!("audit.answers.{}", a.word()))
                    .unwrap_or_default()
                    .iter()
                    .any(|w| w.to_lowercase() == word)
            })
        })
    }

    /// The words `parse` takes for this answer, for a message.
    pub(crate) fn words(cat: &crate::i18n::Catalog) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in [Answer::Yes, Answer::No, Answer::Na] {
            for c in [
                cat,
                &crate::i18n::Catalog::builtin(crate::model::Language::En),
            ] {
                for w in c
                    .try_list(&format!("audit.answers.{}", a.word()))
                    .unwrap_or_default()
                {
                    if !out.contains(&w) {
                        out.push(w);
                    }
                }
            }
        }
        out
    }
}

/// 100 × Σ weight(yes) ÷ Σ weight(yes or no), 0 if a critical item is "no", `None` when no
/// item was answered yes or no. `answers` holds one entry per item of `card`, in order.
pub(crate) fn score(card: &Scorecard, answers: &[Option<Answer>]) -> Option<f64> {
    let items: Vec<&Item> = card.items().map(|(_, i)| i).collect();
    let mut yes = 0u64;
    let mut counted = 0u64;
    let mut failed = false;
    for (item, answer) in items.iter().zip(answers) {
        match answer {
            Some(Answer::Yes) => {
                yes += u64::from(item.weight);
                counted += u64::from(item.weight);
            }
            Some(Answer::No) => {
                counted += u64::from(item.weight);
                failed |= item.critical;
            }
            Some(Answer::Na) | None => {}
        }
    }
    if counted == 0 {
        return None;
    }
    if failed {
        return Some(0.0);
    }
    Some(100.0 * yes as f64 / counted as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::items::{ItemKind, Section};
    use crate::model::{Kind, Language};

    fn card(items: &[(u32, bool)]) -> Scorecard {
        Scorecard {
            touchpoint: "hotline".into(),
            touchpoint_name: "Hotline".into(),
            title: String::new(),
            handbook: String::new(),
            language: "en",
            version: "1.0.0".into(),
            sections: vec![Section {
                id: "s".into(),
                title: "S".into(),
                kind: Kind::Standard,
                entity: "s".into(),
                critical: false,
                items: items
                    .iter()
                    .enumerate()
                    .map(|(n, &(weight, critical))| Item {
                        id: format!("s/say-{n}"),
                        kind: ItemKind::Say,
                        text: String::new(),
                        weight,
                        critical,
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn weights_count_and_na_does_not() {
        let c = card(&[(3, false), (1, false), (2, false)]);
        let a = [Some(Answer::Yes), Some(Answer::No), Some(Answer::Na)];
        assert_eq!(score(&c, &a), Some(75.0));
    }

    #[test]
    fn a_critical_no_fails_the_audit_and_nothing_answered_is_no_result() {
        let c = card(&[(3, false), (1, true)]);
        assert_eq!(score(&c, &[Some(Answer::Yes), Some(Answer::No)]), Some(0.0));
        assert_eq!(score(&c, &[Some(Answer::Na), None]), None);
    }

    #[test]
    fn answers_in_the_form_language_or_english() {
        let ru = crate::i18n::Catalog::builtin(Language::Ru);
        assert_eq!(Answer::parse(" Да ", &ru), Some(Answer::Yes));
        assert_eq!(Answer::parse("н/п", &ru), Some(Answer::Na));
        assert_eq!(Answer::parse("No", &ru), Some(Answer::No));
        assert_eq!(Answer::parse("tak", &ru), None);
        let pl = crate::i18n::Catalog::builtin(Language::Pl);
        assert_eq!(Answer::parse("nie", &pl), Some(Answer::No));
        assert_eq!(Answer::parse("nd", &pl), Some(Answer::Na));
        let sl = crate::i18n::Catalog::builtin(Language::Sl);
        assert_eq!(Answer::parse("n/p", &sl), Some(Answer::Na));
        assert_eq!(Answer::parse("ne", &sl), Some(Answer::No));
    }
}
