//! Reading a JSON report back for `sok build --measurements REPORT.json`: a file that cannot
//! be read, is not JSON, or is not a report of the schema this sok writes stops the build
//! with an error that says where and what to do.

use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::measure::report::{Report, SCHEMA};
use crate::model::Handbook;
use crate::render::view::context::plain;

const HELP: &str = "give the file that `sok measure --format json --out REPORT.json` wrote \
                    (docs/measure-output.md describes it)";

/// Only the schema, read first: a report of another schema gets its own message.
#[derive(Deserialize)]
struct Probe {
    schema: Option<serde_json::Value>,
}

/// Reads the report at `path`.
pub fn read(path: &Path) -> Result<Report, Error> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::new(format!("cannot read the measurements report {shown}: {e}")).with_help(HELP)
    })?;
    parse(&text, &shown.to_string())
}

/// Reads a report from its text; `name` names the file in messages.
pub(crate) fn parse(text: &str, name: &str) -> Result<Report, Error> {
    let not_a_report = |e: serde_json::Error| {
        Error::new(format!("{name} is not a report of `sok measure`: {e}")).with_help(HELP)
    };
    let probe: Probe = serde_json::from_str(text).map_err(not_a_report)?;
    match probe.schema {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(SCHEMA)) => {}
        Some(other) => {
            return Err(Error::new(format!(
                "{name} is a report of schema {other}; this sok reads schema {SCHEMA}"
            ))
            .with_help("write the report again with this version: `sok measure --format json`"));
        }
        None => {
            return Err(Error::new(format!(
                "{name} is not a report of `sok measure`: it has no `schema` field"
            ))
            .with_help(HELP));
        }
    }
    serde_json::from_str(text).map_err(not_a_report)
}

/// The warning for a report made for another handbook (another title), if it is one.
pub fn mismatch(report: &Report, handbook: &Handbook) -> Option<String> {
    let title = handbook.settings.as_ref().map(|s| plain(&s.title.value))?;
    (report.handbook.title.trim() != title.trim()).then(|| {
        format!(
            "the measurements report was made for the handbook \u{201c}{}\u{201d}, not \
             \u{201c}{title}\u{201d}; its results are added all the same",
            report.handbook.title
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_where_and_what() {
        let e = parse("{\"schema\": 1,\n \"as_of\": 3}", "r.json").unwrap_err();
        assert!(e.message.contains("line 2 column"), "{}", e.message);
        assert!(e.help.is_some());
        let e = parse("{\"schema\": 2}", "r.json").unwrap_err();
        assert_eq!(
            e.message,
            "r.json is a report of schema 2; this sok reads schema 1"
        );
        let e = parse("{\"schema\": 1", "r.json").unwrap_err();
        assert!(
            e.message
                .contains("EOF while parsing an object at line 1 column 12"),
            "{}",
            e.message
        );
        let e = parse("{}", "r.json").unwrap_err();
        assert!(e.message.contains("no `schema` field"), "{}", e.message);
    }
}
