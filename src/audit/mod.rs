//! `sok audit`: mystery-shopper and QA scorecards made from the standards themselves, so the
//! form a reviewer fills can never check something the handbook does not say, and filled
//! forms back into `sok measure` as `audit_score` events. Docs: docs/audit.md.

mod csv;
mod events;
mod filled;
mod html;
mod items;
mod json;
mod markdown;
mod score;

pub(crate) use events::Scored;
pub(crate) use filled::Problem;
pub(crate) use items::Scorecard;

use crate::check::Checked;
use crate::error::Error;
use crate::i18n::Catalog;
use crate::model::Language;

/// The output formats of a scorecard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Html,
    Markdown,
    Json,
    Csv,
}

impl Format {
    /// The file extension written with `-o DIR`.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// The handbook's catalogue: the built-in one of its language with the handbook's own
/// `templates/i18n/<lang>.toml` laid over it, as the site uses.
pub(crate) fn catalog(checked: &Checked) -> Catalog {
    let language = checked
        .handbook
        .settings
        .as_ref()
        .map_or(Language::En, |s| s.language.value);
    let path = format!("templates/i18n/{}.toml", language.keyword());
    let user = checked
        .templates
        .contains(&path)
        .then(|| checked.world.read(&path).ok())
        .flatten()
        .and_then(|b| String::from_utf8(b).ok());
    Catalog::load(language, user.as_deref()).unwrap_or_else(|_| Catalog::builtin(language))
}

/// The scorecards asked for: each touchpoint named (all of them, or the role's, when none
/// is), in handbook order. An unknown touchpoint or owner is an error with a suggestion.
pub(crate) fn cards(
    checked: &Checked,
    cat: &Catalog,
    touchpoints: &[String],
    role: Option<&str>,
) -> Result<Vec<Scorecard>, Error> {
    let hb = &checked.handbook;
    let ids = touchpoint_ids(hb);
    let applies = match role {
        None => None,
        Some(owner) => {
            let owners: Vec<&str> = hb.owners.iter().map(|o| o.meta.id.value.as_str()).collect();
            let Some(o) = owners.iter().position(|id| *id == owner) else {
                return Err(unknown("--role", owner, &owners, "owner"));
            };
            let relations = crate::role::Relations::new(hb, &checked.index);
            crate::role::applies_all(hb, &checked.index, &relations)
                .into_iter()
                .nth(o)
        }
    };
    let mut wanted = Vec::new();
    for t in touchpoints {
        match ids.iter().position(|id| id == t) {
            Some(n) if !wanted.contains(&n) => wanted.push(n),
            Some(_) => {}
            None => return Err(unknown("--touchpoint", t, &ids, "touchpoint")),
        }
    }
    if wanted.is_empty() {
        wanted = match &applies {
            Some(a) => a.touchpoints.clone(),
            None => (0..ids.len()).collect(),
        };
    }
    wanted.sort();
    Ok(wanted
        .into_iter()
        .map(|t| items::scorecard(hb, &checked.index, cat, t, applies.as_ref()))
        .collect())
}

fn unknown(option: &str, wanted: &str, ids: &[&str], what: &str) -> Error {
    Error::new(format!(
        "`{option} {wanted}`: the handbook has no such {what}"
    ))
    .with_help(
        crate::diagnostics::did_you_mean(wanted, ids.iter().copied())
            .unwrap_or_else(|| format!("the {what}s are: {}", ids.join(", "))),
    )
}

/// Renders scorecards in one format; the HTML template is loaded once for all of them.
pub(crate) struct Renderer<'c> {
    cat: &'c Catalog,
    format: Format,
    html: Option<html::Html>,
}

impl<'c> Renderer<'c> {
    pub(crate) fn new(checked: &Checked, cat: &'c Catalog, format: Format) -> Result<Self, Error> {
        let html = match format {
            Format::Html => Some(html::Html::load(
                checked.world.as_ref(),
                &checked.templates,
            )?),
            _ => None,
        };
        Ok(Renderer { cat, format, html })
    }

    pub(crate) fn render(&self, card: &Scorecard) -> Result<String, Error> {
        Ok(match (self.format, &self.html) {
            (Format::Html, Some(html)) => html.render(card, self.cat)?,
            (Format::Markdown, _) => markdown::markdown(card, self.cat),
            (Format::Csv, _) => csv::csv(card, self.cat),
            _ => json::json(card, self.cat),
        })
    }
}

/// Several cards as one JSON array (a form per touchpoint), for standard output.
pub(crate) fn json_array(cards: &[Scorecard], cat: &Catalog) -> String {
    let forms: Vec<String> = cards
        .iter()
        .map(|c| json::json(c, cat).trim_end().replace('\n', "\n  "))
        .collect();
    format!("[\n  {}\n]\n", forms.join(",\n  "))
}

/// Scores filled forms (`(path, text)`) against the handbook's scorecards.
pub(crate) fn score(
    checked: &Checked,
    cat: &Catalog,
    forms: &[(String, String)],
) -> Result<Scored, Vec<Problem>> {
    let hb = &checked.handbook;
    let ids = touchpoint_ids(hb);
    let card = |tp: &str| {
        let t = ids.iter().position(|id| *id == tp)?;
        Some(items::scorecard(hb, &checked.index, cat, t, None))
    };
    events::score_forms(forms, cat, card, &ids)
}

/// The touchpoints' ids, in handbook order.
fn touchpoint_ids(hb: &crate::model::Handbook) -> Vec<&str> {
    hb.touchpoints
        .iter()
        .map(|t| t.meta.id.value.as_str())
        .collect()
}

#[cfg(test)]
mod tests;
