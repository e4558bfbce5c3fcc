//! `sok serve`: start the live server, print its address and each build's outcome, and
//! serve until the process is stopped (Ctrl-C: the site lives in memory, so there is nothing
//! to clean up).

use std::process::{Command, Stdio};
use std::time::Duration;

use super::{Fatal, Outcome, print};
use crate::cli::ServeArgs;
use crate::diagnostics::emit::Style;
use crate::serve::{BuildReport, Built, Options, Server, StartError};

/// How long the files must be quiet before a rebuild: an editor's save is over by then.
const DEBOUNCE: Duration = Duration::from_millis(50);

pub(super) fn execute(
    args: ServeArgs,
    root: std::path::PathBuf,
    style: Style,
) -> Result<Outcome, Fatal> {
    let options = Options {
        root,
        port: args.port,
        debounce: DEBOUNCE,
        style,
    };
    let server = Server::start(options, report).map_err(|error| match error {
        StartError::Load(error) => error,
        StartError::Other(message) => Fatal::new(message),
    })?;
    let url = server.url();
    print(&format!("serving {url} (Ctrl-C stops)\n"))?;
    if args.open {
        open(&url);
    }
    let error = server.wait();
    Err(Fatal::new(format!("the server stopped: {error}")))
}

/// One line per step of a build on stdout, and after a build of the whole site the lint
/// summary of `sok build` when lint found something; the problems of a failed build on
/// stderr, as `sok check` prints them.
fn report(build: &BuildReport) {
    let ms = |d: Duration| d.as_millis();
    let elapsed = ms(build.elapsed);
    let line = match &build.outcome {
        Built::OpenPages(n) => format!(
            "updated {n} open page{} in {elapsed} ms\n",
            if *n == 1 { "" } else { "s" }
        ),
        Built::Site(pages) => format!(
            "{} {pages} pages in {elapsed} ms (check {} ms, render {} ms)\n",
            if build.generation == 1 {
                "built"
            } else {
                "rebuilt"
            },
            ms(build.checking),
            ms(build.elapsed.saturating_sub(build.checking))
        ),
        Built::Failed(problems) => {
            super::print_err(problems);
            format!(
                "the handbook has errors ({elapsed} ms): {}; the pages show them\n",
                if build.generation == 1 {
                    "nothing built yet"
                } else {
                    "still serving the last good build"
                }
            )
        }
    };
    let _ = print(&line);
    if let Some(lint) = &build.lint {
        let _ = print(&format!("{lint}\n"));
    }
}

/// Opens `url` in the default browser, without waiting for it; a failure is only a note.
fn open(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut command = Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        Command::new("xdg-open")
    };
    let spawned = command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        // Reaped on a thread, so no zombie is left behind.
        Ok(mut child) => drop(std::thread::spawn(move || child.wait())),
        Err(error) => super::print_err(&format!(
            "warning: could not open a browser ({error}); open {url} yourself\n"
        )),
    }
}
