//! `sok explain CODE`: the documentation of a diagnostic code or lint rule.

use super::{Fatal, Outcome, print};
use crate::cli::ExplainArgs;
use crate::diagnostics::{codes, did_you_mean};
use crate::i18n::format::capitalize;

pub(super) fn execute(args: ExplainArgs) -> Result<Outcome, Fatal> {
    let wanted = args.code.trim();
    let full = if wanted.starts_with("sok::") {
        wanted.to_string()
    } else {
        format!("sok::{wanted}")
    };
    if let Some(code) = codes::find(&full) {
        print(&format!(
            "# {}\n\n{}.\n\n{}\n",
            code.name,
            capitalize(code.summary),
            code.docs
        ))?;
        return Ok(Outcome::Clean);
    }
    if let Some(rule) = crate::lint::find(wanted) {
        print(&format!(
            "# {}\n\n{}. Default level: {}.\n\n{}\n",
            rule.name,
            capitalize(rule.summary),
            rule.default_level.keyword(),
            rule.docs
        ))?;
        return Ok(Outcome::Clean);
    }
    // Compare without the `sok::` every code shares, or any word would look close to a code.
    let short = wanted.trim_start_matches("sok::");
    let codes_short: Vec<&str> = codes::CODES
        .iter()
        .map(|c| c.name.trim_start_matches("sok::"))
        .collect();
    let help = did_you_mean(wanted, crate::lint::names())
        .or_else(|| {
            crate::diagnostics::closest(short, codes_short.iter().copied())
                .map(|c| format!("did you mean `sok::{c}`?"))
        })
        .unwrap_or_else(|| {
            "`sok rules` lists the lint rules; docs/diagnostics.md lists every code".to_string()
        });
    Err(Fatal::new(format!("no diagnostic code or lint rule named `{wanted}`")).with_help(help))
}
