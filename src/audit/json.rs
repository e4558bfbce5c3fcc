//! The scorecard as a JSON evaluation form, shaped like those of QA tools (Amazon Connect,
//! Zendesk QA, MaestroQA): sections of questions with answer options and scores, the
//! audit's own fields left `null` to fill. docs/audit.schema.json is its JSON Schema.

use serde::Serialize;

use super::items::Scorecard;
use crate::i18n::Catalog;
use crate::model::Kind;

#[derive(Serialize)]
struct Form<'a> {
    form: Head<'a>,
    audit: Audit,
    sections: Vec<Section<'a>>,
    scoring: Scoring,
}

#[derive(Serialize)]
struct Head<'a> {
    title: &'a str,
    touchpoint: &'a str,
    touchpoint_name: &'a str,
    language: &'a str,
    handbook: &'a str,
    handbook_version: &'a str,
}

/// The fields an auditor fills; `touchpoint` is the form's.
#[derive(Serialize)]
struct Audit {
    id: Option<String>,
    at: Option<String>,
    agent: Option<String>,
    team: Option<String>,
    auditor: Option<String>,
}

#[derive(Serialize)]
struct Section<'a> {
    id: &'a str,
    title: &'a str,
    /// `standard` or `situation`.
    kind: &'static str,
    /// The standard's id; `null` for a situation.
    standard: Option<&'a str>,
    situation: Option<&'a str>,
    questions: Vec<Question<'a>>,
}

#[derive(Serialize)]
struct Question<'a> {
    id: &'a str,
    text: &'a str,
    kind: &'static str,
    weight: u32,
    critical: bool,
    answers: [Choice; 3],
    answer: Option<String>,
    evidence: Option<String>,
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<u8>,
}

#[derive(Serialize)]
struct Scoring {
    method: &'static str,
    formula: &'static str,
    critical: &'static str,
    not_applicable: &'static str,
    range: [u8; 2],
    metric: &'static str,
}

/// The form of `card` as pretty JSON, with a final newline.
pub(crate) fn json(card: &Scorecard, cat: &Catalog) -> String {
    let options = || {
        [
            Choice {
                value: "yes",
                label: cat.get("audit.yes").to_string(),
                score: Some(1),
            },
            Choice {
                value: "no",
                label: cat.get("audit.no").to_string(),
                score: Some(0),
            },
            Choice {
                value: "na",
                label: cat.get("audit.na").to_string(),
                score: None,
            },
        ]
    };
    let form = Form {
        form: Head {
            title: &card.title,
            touchpoint: &card.touchpoint,
            touchpoint_name: &card.touchpoint_name,
            language: card.language,
            handbook: &card.handbook,
            handbook_version: &card.version,
        },
        audit: Audit {
            id: None,
            at: None,
            agent: None,
            team: None,
            auditor: None,
        },
        sections: card
            .sections
            .iter()
            .map(|s| {
                let standard = s.kind == Kind::Standard;
                Section {
                    id: &s.id,
                    title: &s.title,
                    kind: s.kind.name(),
                    standard: standard.then_some(s.entity.as_str()),
                    situation: (!standard).then_some(s.entity.as_str()),
                    questions: s
                        .items
                        .iter()
                        .map(|i| Question {
                            id: &i.id,
                            text: &i.text,
                            kind: i.kind.word(),
                            weight: i.weight,
                            critical: i.critical,
                            answers: options(),
                            answer: None,
                            evidence: None,
                        })
                        .collect(),
                }
            })
            .collect(),
        scoring: Scoring {
            method: "weighted_percentage",
            formula: "100 * sum(weight of yes) / sum(weight of yes or no)",
            critical: "a no on a critical question scores the audit 0",
            not_applicable: "na and unanswered questions do not count",
            range: [0, 100],
            metric: "audit_score",
        },
    };
    let mut text = serde_json::to_string_pretty(&form).unwrap_or_default();
    text.push('\n');
    text
}
