//! Why a build stops: a template of the handbook that does not work, or an input or output
//! file that cannot be read or written. Either way nothing is committed to OUT.

use crate::render::templates::TemplateError;

/// Why a build stopped (nothing was written to OUT).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// A template (or a UI catalogue override) of the handbook does not work.
    Template(TemplateError),
    Io(String),
}

impl BuildError {
    /// An output file that the sink could not take.
    pub fn writing(path: &str, error: &std::io::Error) -> BuildError {
        BuildError::Io(format!("writing {path}: {error}"))
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Template(e) => e.fmt(f),
            BuildError::Io(message) => f.write_str(message),
        }
    }
}

impl From<std::io::Error> for BuildError {
    fn from(error: std::io::Error) -> BuildError {
        BuildError::Io(error.to_string())
    }
}
