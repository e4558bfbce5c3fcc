//! One build of the live server: the same check and render as `sok build`, but into a
//! [`MemorySink`], so the pages are served straight from memory and nothing is written to
//! the disk (no temporary folder to create, swap or clean up on Ctrl-C). A build with
//! errors renders nothing and gives the problems instead, which the overlay shows over the
//! last good pages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::overlay::Problem;
use crate::check::Checked;
use crate::diagnostics::emit::{self, Position, Style};
use crate::diagnostics::{Severity, codes};
use crate::error::Error;
use crate::i18n::Catalog;
use crate::model::Language;
use crate::render::output::MemorySink;
use crate::render::{self, BuildOptions};

/// The served files by their path in the site (`index.html`, `standards/a.html`,
/// `static/sok.css`).
pub(crate) type Files = HashMap<String, Arc<[u8]>>;

/// The handbook after the checks, with what the server needs to know about it.
pub(crate) struct Check {
    /// The checked handbook, or why nothing can be rendered.
    pub(crate) result: Result<Checked, Failure>,
    /// The handbook's language (the previous one when `sok.toml` cannot be read).
    pub(crate) language: Language,
    /// The handbook's output directory (`[build].out`, else `build`), whose changes are not
    /// changes of the sources.
    pub(crate) out_dir: PathBuf,
}

/// Why a build gave no pages.
pub(crate) struct Failure {
    pub(crate) problems: Vec<Problem>,
    /// The problems as `sok check` prints them, for the terminal.
    pub(crate) report: String,
}

/// A whole site, rendered.
pub(crate) struct Site {
    pub(crate) files: Files,
    /// The HTML pages among the files.
    pub(crate) pages: usize,
    /// The catalogue of the handbook's language (with its overrides).
    pub(crate) catalog: Catalog,
}

/// Checks the handbook at `root` (absolute); `language` is the previous build's.
pub(crate) fn check(root: &Path, language: Language, style: Style) -> Check {
    let checked = match crate::check_dir(root) {
        Ok(checked) => checked,
        Err(error) => {
            let report = format!("error[{}]: {error}\n", codes::DISCOVER_NO_HANDBOOK.name);
            let problem = Problem {
                severity: Severity::Error,
                code: Some(codes::DISCOVER_NO_HANDBOOK.name.into()),
                file: Some(crate::layout::SETTINGS_FILE.into()),
                at: None,
                message: error.to_string(),
                help: Some("restore `sok.toml` in the handbook root".into()),
            };
            return Check {
                result: Err(Failure {
                    problems: vec![problem],
                    report,
                }),
                language,
                out_dir: root.join("build"),
            };
        }
    };
    let settings = checked.handbook.settings.as_ref();
    let language = settings.map_or(language, |s| s.language.value);
    let out_dir = root.join(
        settings
            .and_then(|s| s.build_out.as_ref())
            .map_or("build", |o| o.value.as_str()),
    );
    let result = if checked.diagnostics.has_errors() {
        let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
        let problems = diagnostics
            .iter()
            .map(|d| {
                let at = Position::of(d.span, &checked.sources);
                Problem {
                    severity: d.severity,
                    code: Some(d.code.to_string()),
                    file: Some(at.file),
                    at: Some((at.line, at.column)),
                    message: d.message.clone(),
                    help: d.help.clone(),
                }
            })
            .collect();
        Err(Failure {
            problems,
            report: emit::human(&diagnostics, &checked.sources, style),
        })
    } else {
        Ok(checked)
    };
    Check {
        result,
        language,
        out_dir,
    }
}

/// The whole site of `checked`, in memory. handbook.md is not rendered here (it is made
/// when it is asked for: `state::Snapshot::handbook_md`).
pub(crate) fn render_site(checked: &Checked) -> Result<Site, Failure> {
    let options = BuildOptions {
        out: PathBuf::new(),
        html: true,
        markdown: false,
        extras: Vec::new(),
        audience: None,
    };
    let sink = MemorySink::new();
    let rendered = render::render(checked, &options, &sink).map_err(failure)?;
    // `render` loads its theme itself and keeps it; the catalogue is loaded again for the
    // overlay and the 404 page (a few milliseconds).
    let catalog = render::Theme::load(checked).map_err(failure)?.catalog;
    let files = sink
        .into_files()
        .into_iter()
        .filter_map(|(path, bytes)| {
            let inside = path.strip_prefix("html/")?.to_string();
            Some((inside, Arc::from(bytes)))
        })
        .collect();
    Ok(Site {
        files,
        pages: rendered.pages,
        catalog,
    })
}

/// The line `sok build` prints of what lint finds in `checked`, or `None` when it finds
/// nothing; lint runs only on a handbook without errors, as in `sok build`.
pub(crate) fn lint_summary(checked: &Checked) -> Option<String> {
    let options = crate::lint::Options::new(crate::values::Date::today());
    let findings = crate::lint::lint(
        &checked.handbook,
        &checked.sources,
        &checked.index,
        &options,
    );
    crate::lint::summary_line(&findings)
}

/// handbook.md of `checked`, or `None` when it does not render.
pub(crate) fn render_markdown(checked: &Checked) -> Option<Arc<[u8]>> {
    let options = BuildOptions {
        out: PathBuf::new(),
        html: false,
        markdown: true,
        extras: Vec::new(),
        audience: None,
    };
    let sink = MemorySink::new();
    render::render(checked, &options, &sink).ok()?;
    sink.into_files().remove("handbook.md").map(Arc::from)
}

/// A render that stopped, as a failure to show.
pub(crate) fn failure(error: Error) -> Failure {
    let code = error.code.map(|c| format!("[{c}]")).unwrap_or_default();
    let report = format!("error{code}: {}\n", error.message);
    let problem = Problem {
        severity: Severity::Error,
        code: error.code.map(String::from),
        file: None,
        at: None,
        message: error.message,
        help: error.help,
    };
    Failure {
        problems: vec![problem],
        report,
    }
}
