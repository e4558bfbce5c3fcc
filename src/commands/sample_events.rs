//! `sok sample-events`: seeded sample events for the handbook's measurable standards, on
//! stdout or into a file written atomically (docs/sample-events.md).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Fatal, Outcome, print_err};
use crate::cli::{SampleEventsArgs, SampleFormat as FormatArg};
use crate::diagnostics::emit::{self, Style};
use crate::discover;
use crate::measure::generate::{self, GenerateOptions, SampleFormat};
use crate::values::Date;

pub(super) fn execute(args: SampleEventsArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let checked = crate::check_dir(root)?;
    if checked.diagnostics.has_errors() {
        let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
        print_err(&emit::human(&diagnostics, &checked.sources, style));
        print_err("sample-events stopped: fix the errors above; nothing was written\n");
        return Ok(Outcome::Problems);
    }
    let from = args
        .from
        .unwrap_or_else(|| Date::from_days(Date::today().to_days() - 91));
    let options = GenerateOptions {
        seed: args.seed,
        from: jiff::civil::Date::new(from.year as i16, from.month as i8, from.day as i8)
            .map_err(|e| Fatal::new(format!("`--from` is out of range: {e}")))?,
        days: args.days,
        per_day: args.per_day,
        bad_rows_per_mille: args.bad_rows.min(1000),
        format: match args.format {
            FormatArg::Csv => SampleFormat::Csv,
            FormatArg::Jsonl => SampleFormat::Jsonl,
        },
    };
    let build_out = checked
        .handbook
        .settings
        .as_ref()
        .and_then(|s| s.build_out.as_ref())
        .map(|o| o.value.clone());
    match &args.out {
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match generate::generate(&checked, &options, &mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(Fatal::new(format!("cannot write the events: {e}")));
                }
                _ => {}
            }
        }
        Some(path) => {
            let target = target(root, path, build_out.as_deref())?;
            let mut file = tempfile::Builder::new()
                .prefix(".sok-sample-events-")
                .tempfile_in(&target.folder)
                .map_err(|e| cannot_write(path, &e))?;
            let rows = generate::generate(&checked, &options, file.as_file_mut())
                .and_then(|rows| file.as_file_mut().sync_all().map(|_| rows))
                .map_err(|e| cannot_write(path, &e))?;
            readable(file.as_file(), path).map_err(|e| cannot_write(path, &e))?;
            file.persist(path)
                .map_err(|e| cannot_write(path, &e.error))?;
            if let Some(note) = target.note {
                print_err(&note);
            }
            print_err(&format!("wrote {rows} events to {}\n", path.display()));
        }
    }
    Ok(Outcome::Clean)
}

/// The permissions of the file it replaces, or those of a new file under the usual umask
/// (a temporary file is created readable by its owner only).
fn readable(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        #[cfg(unix)]
        Err(_) => std::os::unix::fs::PermissionsExt::from_mode(0o644),
        #[cfg(not(unix))]
        Err(_) => return Ok(()),
    };
    file.set_permissions(permissions)
}

fn cannot_write(path: &Path, error: &std::io::Error) -> Fatal {
    Fatal::new(format!("cannot write `{}`: {error}", path.display()))
}

/// Where `--out` goes: its folder (created if missing), and a note for a file that
/// `sok check` will report as stray.
struct Target {
    folder: PathBuf,
    note: Option<String>,
}

/// Refuses a folder, and a file that is one of the handbook's sources, assets or templates;
/// any other existing file is replaced.
fn target(root: &Path, path: &Path, build_out: Option<&str>) -> Result<Target, Fatal> {
    if path.is_dir() {
        return Err(Fatal::new(format!("`{}` is a folder", path.display()))
            .with_help("name the file to write, like `--out events/sample.csv`"));
    }
    let name = path
        .file_name()
        .ok_or_else(|| Fatal::new(format!("`{}` names no file", path.display())))?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder).map_err(|e| cannot_write(path, &e))?;
    let (Ok(root), Ok(inside)) = (root.canonicalize(), folder.canonicalize()) else {
        return Ok(Target { folder, note: None });
    };
    let Ok(relative) = inside.join(name).strip_prefix(&root).map(Path::to_path_buf) else {
        return Ok(Target { folder, note: None });
    };
    let relative: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let relative = relative.join("/");
    let found = discover::classify(vec![relative.clone()], build_out);
    if !found.files.is_empty() || !found.assets.is_empty() || !found.templates.is_empty() {
        return Err(Fatal::new(format!(
            "`{}` is part of the handbook's sources; sample events never replace it",
            path.display()
        ))
        .with_help("write the events under the handbook's `events/` folder, or outside it"));
    }
    let note = (!found.strays.is_empty()).then(|| {
        format!(
            "note: `sok check` reports `{relative}` as a stray file; the handbook's `events/` \
             folder is the place for event data\n"
        )
    });
    Ok(Target { folder, note })
}
