//! One file per subcommand; each is a short `execute` that calls the library and prints.

mod audit;
mod build;
mod check;
mod completions;
mod diff;
mod explain;
mod export;
mod init;
mod lint;
mod man;
mod measure;
mod new;
mod rules;
mod sample_events;
mod schema;
mod serve;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{Cli, Color, Command, DiffArgs};
use crate::diagnostics::emit::Style;
use crate::layout::SETTINGS_FILE;

/// How a command ended, for the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: nothing to report at error level.
    Clean,
    /// Exit 1: problems in the sources (or findings the gate counts).
    Problems,
}

/// An error outside the sources: usage, I/O, git. Exit 2.
pub use crate::error::Error as Fatal;

/// Sets up the process before a command runs: the thread pool, with a fallback to the main
/// thread alone when the system refuses new threads (a process limit), and a panic hook
/// that prints one line and exits 2 if a bug slips through, instead of a backtrace and 101.
pub fn prepare() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        print_err(&format!(
            "error: sok stopped on an internal error ({message}{at}); please report it with \
             the command you ran\n"
        ));
        std::process::exit(2);
    }));
    // rayon gets one try at its global pool: a pool whose threads fail to start leaves it
    // unusable (every later use panics). So find first how many threads the system lets
    // start, and ask for no more.
    let wanted = std::thread::available_parallelism().map_or(1, |n| n.get());
    let spare = startable_threads(wanted.saturating_sub(1));
    if spare + 1 < wanted {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(spare + 1)
            .use_current_thread()
            .build_global();
    } else {
        let _ = rayon::ThreadPoolBuilder::new().build_global();
    }
}

/// How many of `wanted` threads can run at once beside this one (a process limit such as
/// `RLIMIT_NPROC` may allow fewer); each waits until all have been tried, then ends.
fn startable_threads(wanted: usize) -> usize {
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Arc::new(std::sync::Mutex::new(wait));
    let mut started = Vec::new();
    for _ in 0..wanted {
        let wait = wait.clone();
        match std::thread::Builder::new().spawn(move || {
            let _ = wait.lock().map(|w| w.recv());
        }) {
            Ok(handle) => started.push(handle),
            Err(_) => break,
        }
    }
    let count = started.len();
    drop(release);
    for handle in started {
        let _ = handle.join();
    }
    count
}

/// Prints an error the way every command does: `error[code]: message` and a help line.
pub fn report(error: &Fatal) {
    let code = error.code.map(|c| format!("[{c}]")).unwrap_or_default();
    let mut text = format!("error{code}: {}\n", error.message);
    if let Some(help) = &error.help {
        text.push_str(&format!("  help: {help}\n"));
    }
    print_err(&text);
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Fatal> {
    let style = Style {
        color: use_color(cli.color),
        width: terminal_width(),
    };
    match cli.command {
        Command::Init(args) => init::execute(args),
        Command::New(args) => {
            let root = handbook_dir(args.dir.clone(), "new")?;
            new::execute(args, &root)
        }
        Command::Check(args) => {
            let root = handbook_dir(args.dir.clone(), "check")?;
            check::execute(args, &root, style)
        }
        Command::Explain(args) => explain::execute(args),
        Command::Lint(args) => {
            let root = handbook_dir(args.dir.clone(), "lint")?;
            lint::execute(args, &root, style)
        }
        Command::Rules => rules::execute(),
        Command::Diff(args) => {
            let base = diff_base(&args)?;
            diff::execute(args, &base, style)
        }
        Command::Measure(args) => {
            let root = handbook_dir(args.dir.clone(), "measure")?;
            measure::execute(args, &root, style)
        }
        Command::Export(args) => {
            let root = handbook_dir(args.dir.clone(), "export")?;
            export::execute(args, &root, style)
        }
        Command::Audit(args) => {
            let root = handbook_dir(args.dir.clone(), "audit")?;
            audit::execute(args, &root, style)
        }
        Command::Build(args) => {
            let root = handbook_dir(args.dir.clone(), "build")?;
            build::execute(args, &root, style)
        }
        Command::Completions(args) => completions::execute(args),
        Command::Man(args) => man::execute(args),
        Command::Schema(mut args) => {
            args.dir = named_root(args.dir);
            schema::execute(args)
        }
        Command::Serve(args) => {
            let root = handbook_dir(args.dir.clone(), "serve")?;
            serve::execute(args, root, style)
        }
        Command::SampleEvents(args) => {
            let root = handbook_dir(args.dir.clone(), "sample-events")?;
            sample_events::execute(args, &root, style)
        }
    }
}

/// The handbook root a command works on, decided here for every command: `DIR` as given
/// (its folder when `DIR` names `sok.toml` itself), or else the nearest folder at or above
/// the current directory that holds `sok.toml`, as cargo finds `Cargo.toml`. The folder
/// found is written relative to the current directory (`.`, `..`, `../..`), so paths in
/// messages stay short.
fn handbook_dir(dir: Option<PathBuf>, command: &str) -> Result<PathBuf, Fatal> {
    if let Some(dir) = dir {
        return Ok(named_root(dir));
    }
    let cwd = current_dir()?;
    match find_root(&cwd) {
        Some(0) => Ok(PathBuf::from(".")),
        Some(up) => Ok(std::iter::repeat_n("..", up).collect()),
        None => Err(no_root_above(&cwd, command)),
    }
}

/// The working directory, or an error that says it is gone (deleted or moved away while a
/// shell was still in it), which the system reports only as "No such file or directory".
fn current_dir() -> Result<PathBuf, Fatal> {
    std::env::current_dir().map_err(|e| {
        Fatal::new(format!("cannot find the current directory: {e}")).with_help(
            "it was probably deleted or moved: `cd` into an existing folder and run sok again",
        )
    })
}

/// `DIR` as given, or its folder when the user named the `sok.toml` file itself.
fn named_root(dir: PathBuf) -> PathBuf {
    if dir.file_name() != Some(SETTINGS_FILE.as_ref()) || !dir.is_file() {
        return dir;
    }
    match dir.parent() {
        Some(parent) if parent.as_os_str().is_empty() => ".".into(),
        Some(parent) => parent.to_path_buf(),
        None => dir,
    }
}

/// How many folders above `start` (0: `start` itself) the nearest `sok.toml` is.
fn find_root(start: &Path) -> Option<usize> {
    start
        .ancestors()
        .position(|folder| folder.join(SETTINGS_FILE).is_file())
}

fn no_root_above(cwd: &Path, command: &str) -> Fatal {
    Fatal::new(format!(
        "no handbook here: searched upward from `{}` for `{SETTINGS_FILE}` and found none",
        cwd.display()
    ))
    .with_code(&crate::diagnostics::codes::DISCOVER_NO_HANDBOOK)
    .with_help(format!(
        "run `sok init` to start a handbook in this folder, or name the handbook's folder: \
         `sok {command} path/to/handbook`"
    ))
}

/// The folder `sok diff` reads editions from. It is the current directory, as before,
/// when `--path` is given or a side names a directory; otherwise the handbook that holds
/// the current directory, found upward like every command's root. When there is none and
/// the working tree is a side, that is the error; two revisions need no working tree.
fn diff_base(args: &DiffArgs) -> Result<PathBuf, Fatal> {
    let cwd = current_dir()?;
    let names_dir = |arg: &str| cwd.join(arg).is_dir();
    if args.path.is_some() || names_dir(&args.old) || args.new.as_deref().is_some_and(names_dir) {
        return Ok(cwd);
    }
    let working_tree = args.new.is_none() && !args.old.contains("..");
    match find_root(&cwd) {
        Some(up) => Ok(cwd.ancestors().nth(up).unwrap_or(&cwd).to_path_buf()),
        None if working_tree => Err(no_root_above(&cwd, "diff").with_help(
            "run `sok init` to start a handbook in this folder, or name the handbook's \
             folder in the repository with `--path`",
        )),
        None => Ok(cwd),
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

/// Writes to stderr. A stderr that cannot be written (closed, `/dev/full`) loses the text
/// but never the exit code, as `eprint!` would by panicking.
pub(crate) fn print_err(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|_| err.flush());
}

/// Writes to stdout; a closed pipe (`sok check | head`) is not an error.
/// Writes a report to `out` atomically (a temporary file beside it, then a rename), refusing
/// to replace one of the `protected` files (the handbook's sources, the files read).
pub(crate) fn write_report(out: &Path, protected: &[PathBuf], text: &str) -> Result<(), Fatal> {
    if let Ok(target) = std::fs::canonicalize(out)
        && protected
            .iter()
            .any(|p| std::fs::canonicalize(p).is_ok_and(|p| p == target))
    {
        return Err(Fatal::new(format!(
            "`{}` is a file sok reads; the report would overwrite it",
            out.display()
        ))
        .with_help("write the report somewhere else, like --out report.json"));
    }
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".sok-report-")
        .tempfile_in(dir)
        .map_err(|e| Fatal::new(format!("cannot write into `{}`: {e}", dir.display())))?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.flush())
        .map_err(|e| Fatal::new(format!("cannot write `{}`: {e}", out.display())))?;
    file.persist(out)
        .map_err(|e| Fatal::new(format!("cannot write `{}`: {}", out.display(), e.error)))?;
    Ok(())
}

pub(crate) fn print(text: &str) -> Result<(), Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
