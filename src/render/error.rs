//! Why a build stops, in the library's one error type: a template of the handbook that does
//! not work (`sok::build::template`, see `templates::template_error`), or an input or output
//! file that cannot be read or written. Either way nothing is committed to OUT.

use crate::error::Error;

/// An output file that the sink could not take.
pub(crate) fn writing(path: &str, error: &std::io::Error) -> Error {
    Error::new(format!("I/O error: writing {path}: {error}"))
}

/// An asset that could not be read through the handbook's world.
pub(crate) fn reading(path: &str, error: &std::io::Error) -> Error {
    Error::new(format!("I/O error: reading `{path}`: {error}"))
}
