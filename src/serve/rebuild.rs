//! One build of the live server: the same check and render as `sok build`, but into a
//! [`MemorySink`], so the pages are served straight from memory and nothing is written to
//! the disk (no temporary folder to create, swap or clean up on Ctrl-C). A build with
//! errors renders nothing and returns the problems instead, which the overlay shows over the
//! last good pages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::overlay::Problem;
use crate::check::Checked;
use crate::diagnostics::emit::{self, Position, Style};
use crate::diagnostics::{Severity, codes};
use crate::i18n::Catalog;
use crate::model::Language;
use crate::render::output::MemorySink;
use crate::render::{self, BuildError, BuildOptions};

/// The served files by their path in the site (`index.html`, `standards/a.html`,
/// `static/sok.css`, `handbook.md`).
pub(crate) type Files = HashMap<String, Arc<[u8]>>;

/// What one build gave.
pub(crate) struct Build {
    /// The new pages, or `None` when the build failed (the last good ones stay).
    pub(crate) files: Option<Files>,
    /// The HTML pages among them.
    pub(crate) pages: usize,
    pub(crate) problems: Vec<Problem>,
    /// The problems as `sok check` prints them, for the terminal.
    pub(crate) report: String,
    /// The catalogue of the handbook's language, for the overlay and the 404 page.
    pub(crate) catalog: Catalog,
    /// The handbook's output directory (`[build].out`, else `build`), whose changes are not
    /// changes of the sources.
    pub(crate) out_dir: PathBuf,
    pub(crate) elapsed: Duration,
}

/// Checks and renders the handbook at `root` (absolute). `language` is the language of the
/// previous build, used when `sok.toml` itself cannot be read.
pub(crate) fn build(root: &Path, language: Language, style: Style) -> Build {
    let started = Instant::now();
    let fallback = |problem: Problem, report: String| Build {
        files: None,
        pages: 0,
        problems: vec![problem],
        report,
        catalog: Catalog::builtin(language),
        out_dir: root.join("build"),
        elapsed: started.elapsed(),
    };
    let checked = match crate::check_dir(root) {
        Ok(checked) => checked,
        Err(error) => {
            let report = format!("error[{}]: {error}\n", codes::DISCOVER_NO_HANDBOOK.name);
            return fallback(
                Problem {
                    severity: Severity::Error,
                    code: Some(codes::DISCOVER_NO_HANDBOOK.name.into()),
                    file: Some(crate::layout::SETTINGS_FILE.into()),
                    at: None,
                    message: error.to_string(),
                    help: Some("restore `sok.toml` in the handbook root".into()),
                },
                report,
            );
        }
    };
    let settings = checked.handbook.settings.as_ref();
    let language = settings.map_or(language, |s| s.language.value);
    let out_dir = root.join(
        settings
            .and_then(|s| s.build_out.as_ref())
            .map_or("build", |o| o.value.as_str()),
    );
    let mut build = Build {
        files: None,
        pages: 0,
        problems: Vec::new(),
        report: String::new(),
        catalog: Catalog::builtin(language),
        out_dir,
        elapsed: Duration::ZERO,
    };
    if checked.diagnostics.has_errors() {
        let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
        build.report = emit::human(&diagnostics, &checked.sources, style);
        build.problems = diagnostics
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
    } else {
        match render_site(&checked) {
            Ok((files, pages, catalog)) => {
                build.files = Some(files);
                build.pages = pages;
                build.catalog = catalog;
            }
            Err(error) => {
                build.report = format!("error[{}]: {error}\n", codes::BUILD_TEMPLATE.name);
                build.problems.push(problem_of(error));
            }
        }
    }
    build.elapsed = started.elapsed();
    build
}

/// The site of `checked` in memory, with its page count and catalogue.
fn render_site(checked: &Checked) -> Result<(Files, usize, Catalog), BuildError> {
    let options = BuildOptions {
        out: PathBuf::new(),
        html: true,
        markdown: true,
        extra: None,
    };
    let sink = MemorySink::new();
    let rendered = render::render(checked, &options, &sink)?;
    // `render` loads its theme itself and keeps it; the catalogue is loaded again for the
    // overlay and the 404 page (a few milliseconds, see docs/serve.md).
    let catalog = render::Theme::load(checked)?.catalog;
    let files = sink
        .into_files()
        .into_iter()
        .filter_map(|(path, bytes)| {
            let served = match path.strip_prefix("html/") {
                Some(inside) => inside.to_string(),
                // handbook.md is served beside the site; its copy of the assets is not
                // needed, the site has its own.
                None if path == "handbook.md" => path,
                None => return None,
            };
            Some((served, Arc::from(bytes)))
        })
        .collect();
    Ok((files, rendered.pages, catalog))
}

fn problem_of(error: BuildError) -> Problem {
    match error {
        BuildError::Template(error) => Problem {
            severity: Severity::Error,
            code: Some(codes::BUILD_TEMPLATE.name.into()),
            file: Some(error.template),
            at: None,
            message: error.message,
            help: Some("fix the template or delete it to use the built-in one".into()),
        },
        BuildError::Io(message) => Problem {
            severity: Severity::Error,
            code: None,
            file: None,
            at: None,
            message,
            help: None,
        },
    }
}
