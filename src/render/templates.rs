//! The built-in Tera templates, static files and UI catalogues, and the handbook's own
//! overrides from its `templates/` folder.
//!
//! Like Zola's `load_tera`, the handbook's files are taken first and the built-ins fill in
//! what is missing, file by file; everything is compiled once per build. HTML templates
//! (`*.html.tera`) autoescape; text fields arrive pre-sanitized and are output with `| safe`.

use crate::diagnostics::codes;
use crate::error::Error;
use crate::world::World;

use tera::Tera;

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// Built-in templates, by name relative to `templates/`.
pub(crate) const TEMPLATES: &[(&str, &str)] = builtin![
    "html/base.html.tera",
    "html/macros.html.tera",
    "html/index.html.tera",
    "html/glossary.html.tera",
    "html/principles.html.tera",
    "html/chapter.html.tera",
    "html/journeys.html.tera",
    "html/journey.html.tera",
    "html/touchpoints.html.tera",
    "html/touchpoint.html.tera",
    "html/situations.html.tera",
    "html/situation.html.tera",
    "html/standards.html.tera",
    "html/standard.html.tera",
    "html/owners.html.tera",
    "html/owner.html.tera",
    "html/search.html.tera",
    "html/tags.html.tera",
    "html/tag.html.tera",
    "html/print.html.tera",
    "html/print/glossary.html.tera",
    "html/print/chapter.html.tera",
    "html/print/principles.html.tera",
    "html/print/journeys.html.tera",
    "html/print/touchpoints.html.tera",
    "html/print/situations.html.tera",
    "html/print/standards.html.tera",
    "html/print/owners.html.tera",
    "html/print/cards.html.tera",
    "html/card.html.tera",
    "markdown/macros.md.tera",
    "markdown/handbook.md.tera",
    "markdown/handbook/glossary.md.tera",
    "markdown/handbook/chapter.md.tera",
    "markdown/handbook/principles.md.tera",
    "markdown/handbook/journeys.md.tera",
    "markdown/handbook/touchpoints.md.tera",
    "markdown/handbook/situations.md.tera",
    "markdown/handbook/standards.md.tera",
    "markdown/handbook/owners.md.tera",
    "markdown/handbook/cards.md.tera",
];

/// Built-in static files, copied to `html/static/`.
pub(crate) const STATIC: &[(&str, &str)] = builtin!["static/sok.css", "static/search.js"];

/// A template (or a UI catalogue override) of the handbook that does not compile or render.
pub(crate) fn template_error(template: &str, message: impl std::fmt::Display) -> Error {
    Error::new(format!("template `{template}`: {message}"))
        .with_code(&codes::BUILD_TEMPLATE)
        .with_help("fix the template or delete it to use the built-in one; nothing was written")
}

/// A Tera error with all its causes on one line.
pub(crate) fn describe(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// Everything the renderer draws with.
pub struct Templates {
    pub tera: Tera,
    /// Static files: name under `static/` and content.
    pub statics: Vec<(String, Vec<u8>)>,
    /// The handbook's `templates/i18n/<lang>.toml`, if it has one for its language.
    pub i18n: Option<(String, String)>,
}

impl Templates {
    /// Loads the overrides under `root` (`files` are root-relative paths under `templates/`)
    /// and fills in the built-ins.
    pub fn load(world: &dyn World, files: &[String], language: &str) -> Result<Templates, Error> {
        let mut raw: Vec<(String, String)> = Vec::new();
        let mut statics: Vec<(String, Vec<u8>)> = Vec::new();
        let mut i18n = None;
        for path in files {
            let Some(name) = path.strip_prefix("templates/") else {
                continue;
            };
            let read_error = |e: std::io::Error| template_error(path, format!("cannot read: {e}"));
            if name.ends_with(".tera") {
                let bytes = world.read(path).map_err(read_error)?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| template_error(path, "not valid UTF-8"))?;
                raw.push((name.to_string(), text));
            } else if let Some(file) = name.strip_prefix("static/") {
                statics.push((file.to_string(), world.read(path).map_err(read_error)?));
            } else if name == format!("i18n/{language}.toml") {
                let bytes = world.read(path).map_err(read_error)?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| template_error(path, "not valid UTF-8"))?;
                i18n = Some((path.clone(), text));
            }
        }
        for (name, text) in TEMPLATES {
            if !raw.iter().any(|(n, _)| n == name) {
                raw.push((name.to_string(), text.to_string()));
            }
        }
        for (name, text) in STATIC {
            let file = name.trim_start_matches("static/");
            if !statics.iter().any(|(n, _)| n == file) {
                statics.push((file.to_string(), text.as_bytes().to_vec()));
            }
        }
        statics.sort();
        let mut tera = Tera::default();
        // A template override comes from the handbook's sources, which anyone may change in a
        // pull request: it must not publish the build's environment (CI secrets).
        tera.register_function(
            "get_env",
            |_: &std::collections::HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
                Err("`get_env` is not available in sok's templates".into())
            },
        );
        tera.autoescape_on(vec![".html.tera"]);
        // Like Tera's default, but `/` stays readable in hrefs (`../standards/x.html`).
        tera.set_escape_fn(crate::render::markdown::to_html::escape_attr);
        tera.add_raw_templates(raw)
            .map_err(|e| template_error("templates/", describe(&e)))?;
        Ok(Templates {
            tera,
            statics,
            i18n,
        })
    }

    /// Renders the template `name` with `context`.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Error> {
        self.tera
            .render(name, context)
            .map_err(|e| template_error(name, describe(&e)))
    }
}
