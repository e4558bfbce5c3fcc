//! The library's one error type: what stops a command outside the sources.
//!
//! A missing handbook, git refusing, a revision that does not exist, an output directory sok
//! will not replace, a template that does not compile, a file that cannot be read or written.
//! Problems *in* the sources are diagnostics and never this. Every command maps it to exit 2
//! and prints it the same way: `error[code]: message` and a `help:` line.

use crate::diagnostics::Code;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The diagnostic code, where the error has one (`sok::build::out_dir`).
    pub code: Option<&'static str>,
    /// Lowercase, no trailing period (like every sok message).
    pub message: String,
    pub help: Option<String>,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            code: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_code(mut self, code: &'static Code) -> Error {
        self.code = Some(code.name);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Error {
        self.help = Some(help.into());
        self
    }

    /// Whether this is `code`.
    pub fn is(&self, code: &Code) -> bool {
        self.code == Some(code.name)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Error {
        Error::new(format!("I/O error: {error}"))
    }
}
