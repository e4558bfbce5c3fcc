//! One file per subcommand; each is a short `execute` that calls the library and prints.

mod build;
mod check;
mod diff;
mod explain;
mod lint;
mod rules;
mod serve;

use std::io::{IsTerminal, Write};

use crate::cli::{Cli, Color, Command};
use crate::diagnostics::emit::Style;

/// How a command ended, for the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: nothing to report at error level.
    Clean,
    /// Exit 1: problems in the sources (or findings the gate counts).
    Problems,
}

/// An error outside the sources: usage, I/O, git. Exit 2.
#[derive(Debug)]
pub struct Fatal {
    pub code: Option<&'static str>,
    pub message: String,
    pub help: Option<String>,
}

impl Fatal {
    pub fn new(message: impl Into<String>) -> Fatal {
        Fatal {
            code: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_code(mut self, code: &'static crate::diagnostics::Code) -> Fatal {
        self.code = Some(code.name);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Fatal {
        self.help = Some(help.into());
        self
    }
}

impl From<crate::load::LoadError> for Fatal {
    fn from(error: crate::load::LoadError) -> Fatal {
        match &error {
            crate::load::LoadError::NoHandbook(_) => Fatal::new(error.to_string())
                .with_code(&crate::diagnostics::codes::DISCOVER_NO_HANDBOOK)
                .with_help("run sok on the directory that holds `sok.toml`"),
            crate::load::LoadError::Other(_) => Fatal::new(error.to_string()),
        }
    }
}

impl From<std::io::Error> for Fatal {
    fn from(error: std::io::Error) -> Fatal {
        Fatal::new(format!("I/O error: {error}"))
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Fatal> {
    let style = Style {
        color: use_color(cli.color),
        width: terminal_width(),
    };
    match cli.command {
        Command::Check(mut args) => {
            args.dir = handbook_root(args.dir);
            check::execute(args, style)
        }
        Command::Explain(args) => explain::execute(args),
        Command::Lint(mut args) => {
            args.dir = handbook_root(args.dir);
            lint::execute(args, style)
        }
        Command::Rules => rules::execute(),
        Command::Diff(args) => diff::execute(args, style),
        Command::Build(mut args) => {
            args.dir = handbook_root(args.dir);
            build::execute(args, style)
        }
        Command::Serve(mut args) => {
            args.dir = handbook_root(args.dir);
            serve::execute(args, style)
        }
    }
}

/// `DIR` as given, or its folder when the user named the `sok.toml` file itself.
fn handbook_root(dir: std::path::PathBuf) -> std::path::PathBuf {
    if dir.file_name() != Some("sok.toml".as_ref()) || !dir.is_file() {
        return dir;
    }
    match dir.parent() {
        Some(parent) if parent.as_os_str().is_empty() => ".".into(),
        Some(parent) => parent.to_path_buf(),
        None => dir,
    }
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

/// Writes to stdout; a closed pipe (`sok check | head`) is not an error.
pub(crate) fn print(text: &str) -> Result<(), Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
