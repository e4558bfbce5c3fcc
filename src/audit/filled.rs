//! Reading a filled scorecard back, CSV or JSON: the audit's fields and one answer per item,
//! each problem with where it is (file, row and column, or the JSON path) so the auditor can
//! find the cell.

use super::csv::HEADER;
use super::score::Answer;
use crate::i18n::Catalog;

/// What one filled form says, before it is matched with its touchpoint's scorecard.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Filled {
    pub id: Option<String>,
    pub at: Option<String>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub auditor: Option<String>,
    pub touchpoint: Option<String>,
    /// Where `touchpoint` and `at` were (or should have been) written.
    pub touchpoint_at: String,
    pub at_at: String,
    /// Item id, its answer (`None`: left empty) and where the item's id is.
    pub answers: Vec<(String, Option<Answer>, String)>,
}

/// A problem in a filled form: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub at: String,
    pub message: String,
}

/// Reads `text`, the content of the file `path`: JSON when it starts with `{`, else CSV.
pub(crate) fn read(path: &str, text: &str, cat: &Catalog) -> Result<Filled, Vec<Problem>> {
    if text.trim_start().starts_with('{') {
        json(path, text, cat)
    } else {
        csv(path, text, cat)
    }
}

fn bad_answer(word: &str, cat: &Catalog) -> String {
    format!(
        "`{word}` is not an answer: write one of {}",
        Answer::words(cat).join(", ")
    )
}

fn csv(path: &str, text: &str, cat: &Catalog) -> Result<Filled, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => {
            return Err(vec![Problem {
                at: format!("{path}:1"),
                message: format!("not a CSV scorecard: {e}"),
            }]);
        }
    };
    let column = |name: &str| header.iter().position(|h| h == name);
    let (Some(item_col), Some(answer_col)) = (column("item"), column("answer")) else {
        return Err(vec![Problem {
            at: format!("{path}:1"),
            message: format!(
                "the header needs the columns `item` and `answer` (a scorecard has: {})",
                HEADER.join(",")
            ),
        }]);
    };
    let mut filled = Filled {
        touchpoint_at: format!("{path}: row `audit.touchpoint`"),
        at_at: format!("{path}: row `audit.at`"),
        ..Filled::default()
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Problem {
                    at: format!("{path}:{line}"),
                    message: format!("cannot read the row: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let item = record.get(item_col).unwrap_or("").trim().to_string();
        let value = record.get(answer_col).unwrap_or("").trim();
        let here = format!("{path}:{line}:{} (answer)", answer_col + 1);
        let item_here = format!("{path}:{line}:{} (item)", item_col + 1);
        let given = (!value.is_empty()).then(|| value.to_string());
        match item.as_str() {
            "" => {}
            "audit.id" => filled.id = given,
            "audit.agent" => filled.agent = given,
            "audit.team" => filled.team = given,
            "audit.auditor" => filled.auditor = given,
            "audit.at" => {
                filled.at = given;
                filled.at_at = here;
            }
            "audit.touchpoint" => {
                filled.touchpoint = given;
                filled.touchpoint_at = here;
            }
            _ if value.is_empty() => filled.answers.push((item, None, item_here)),
            _ => match Answer::parse(value, cat) {
                Some(a) => filled.answers.push((item, Some(a), item_here)),
                None => problems.push(Problem {
                    at: here,
                    message: bad_answer(value, cat),
                }),
            },
        }
    }
    match problems.is_empty() {
        true => Ok(filled),
        false => Err(problems),
    }
}

fn json(path: &str, text: &str, cat: &Catalog) -> Result<Filled, Vec<Problem>> {
    use serde_json::Value;
    let root: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem {
            at: format!("{path}:{}:{}", e.line(), e.column()),
            message: format!("not valid JSON: {e}"),
        }]
    })?;
    // The form says its language; its answers may be in it even if the handbook's differs.
    let own = root["form"]["language"]
        .as_str()
        .and_then(|w| {
            crate::model::Language::KEYWORDS
                .iter()
                .find(|(k, _)| *k == w)
                .map(|(_, l)| *l)
        })
        .filter(|l| *l != cat.language)
        .map(Catalog::builtin);
    let cat = own.as_ref().unwrap_or(cat);
    let mut problems = Vec::new();
    let string = |v: &Value, at: String, problems: &mut Vec<Problem>| match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_string()),
        other => {
            problems.push(Problem {
                at,
                message: format!("must be a string or null, found {other}"),
            });
            None
        }
    };
    let audit = &root["audit"];
    let field = |key: &str, problems: &mut Vec<Problem>| {
        string(&audit[key], format!("{path}: audit.{key}"), problems)
    };
    let mut filled = Filled {
        id: field("id", &mut problems),
        at: field("at", &mut problems),
        agent: field("agent", &mut problems),
        team: field("team", &mut problems),
        auditor: field("auditor", &mut problems),
        touchpoint: string(
            &root["form"]["touchpoint"],
            format!("{path}: form.touchpoint"),
            &mut problems,
        ),
        touchpoint_at: format!("{path}: form.touchpoint"),
        at_at: format!("{path}: audit.at"),
        answers: Vec::new(),
    };
    let Some(sections) = root["sections"].as_array() else {
        problems.push(Problem {
            at: format!("{path}: sections"),
            message: "a scorecard has a list of `sections`".into(),
        });
        return Err(problems);
    };
    for (s, section) in sections.iter().enumerate() {
        let questions = section["questions"].as_array().cloned().unwrap_or_default();
        for (q, question) in questions.iter().enumerate() {
            let here = format!("{path}: sections[{s}].questions[{q}]");
            let Some(id) = question["id"].as_str() else {
                problems.push(Problem {
                    at: format!("{here}.id"),
                    message: "a question needs its `id`".into(),
                });
                continue;
            };
            let at = format!("{here}.answer");
            let id_at = format!("{here}.id");
            match string(&question["answer"], at.clone(), &mut problems) {
                None => filled.answers.push((id.to_string(), None, id_at)),
                Some(word) => match Answer::parse(&word, cat) {
                    Some(a) => filled.answers.push((id.to_string(), Some(a), id_at)),
                    None => problems.push(Problem {
                        at,
                        message: bad_answer(&word, cat),
                    }),
                },
            }
        }
    }
    match problems.is_empty() {
        true => Ok(filled),
        false => Err(problems),
    }
}
