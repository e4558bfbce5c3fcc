//! `sok init [DIR]`: write the starter handbook of a language into a new or empty folder,
//! or with `--fill` only the starter files a folder lacks. No file is ever replaced.

use std::path::Path;

use super::{Fatal, Outcome, print};
use crate::cli::InitArgs;
use crate::layout::SETTINGS_FILE;
use crate::scaffold;
use crate::values::Date;

/// Where `sok init` writes the JSON Schemas for the editor, relative to the root.
const SCHEMA_DIR: &str = ".sok/schema";

pub(super) fn execute(args: InitArgs) -> Result<Outcome, Fatal> {
    let dir = &args.dir;
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(Fatal::new(format!("`{shown}` is a file, not a folder"))
            .with_help("give the folder to write the handbook into: `sok init my-handbook`"));
    }
    if !args.fill && !visible_entries(dir)?.is_empty() {
        return Err(Fatal::new(format!(
            "`{shown}` is not empty, and `sok init` writes a new handbook only into an empty \
             folder"
        ))
        .with_help(format!(
            "run `sok init {} --fill` to add only the starter files that are missing there \
             (no file is changed), or name a new folder: `sok init my-handbook`",
            shell_word(&shown)
        )));
    }
    if let Some(outer) = enclosing_handbook(dir)? {
        super::print_err(&format!(
            "warning: `{shown}` is inside the handbook at `{}`, which will report the new \
             files as problems of its own; a handbook is best kept in a folder of its own\n",
            outer.display()
        ));
    }
    let today = args.today.unwrap_or_else(Date::today);
    let mut created = Vec::new();
    let mut skipped = Vec::new();
    for file in scaffold::starter(args.language, today) {
        match scaffold::write_new(&dir.join(file.path), &file.text) {
            Ok(true) => created.push(file.path),
            Ok(false) => skipped.push(file.path),
            Err(error) => {
                return Err(Fatal::new(format!(
                    "I/O error writing `{}`: {error}",
                    dir.join(file.path).display()
                )));
            }
        }
    }
    // The editor's schemas (hidden, so the checks skip them) and the `.taplo.toml` that
    // points the handbook's TOML files at them (docs/editor.md).
    let schema_dir = dir.join(SCHEMA_DIR);
    if !schema_dir.exists() {
        crate::schema::write(&schema_dir).map_err(|error| {
            Fatal::new(format!(
                "I/O error writing `{}`: {error}",
                schema_dir.display()
            ))
        })?;
        created.push(SCHEMA_DIR);
    }
    let taplo = crate::schema::taplo_config(SCHEMA_DIR);
    match scaffold::write_new(&dir.join(".taplo.toml"), &taplo) {
        Ok(true) => created.push(".taplo.toml"),
        Ok(false) => skipped.push(".taplo.toml"),
        Err(error) => {
            return Err(Fatal::new(format!(
                "I/O error writing `{}`: {error}",
                dir.join(".taplo.toml").display()
            )));
        }
    }
    print(&report(&args, &created, &skipped))?;
    Ok(Outcome::Clean)
}

/// What was written and skipped, and what to run next.
fn report(args: &InitArgs, created: &[&str], skipped: &[&str]) -> String {
    let shown = args.dir.display().to_string();
    let mut out = String::new();
    let language = args.language.keyword();
    if created.is_empty() {
        out.push_str(&format!(
            "nothing to write: every file of the starter handbook is in `{shown}` already\n"
        ));
    } else {
        out.push_str(&format!(
            "created a handbook ({language}) in `{shown}`, {}:\n",
            count(created.len())
        ));
        for path in created {
            out.push_str(&format!("  {path}\n"));
        }
    }
    if !skipped.is_empty() {
        out.push_str(&format!(
            "skipped {} that exist already, left as they are:\n",
            count(skipped.len())
        ));
        for path in skipped {
            out.push_str(&format!("  {path}\n"));
        }
    }
    out.push_str("\nnext:\n");
    if args.dir != Path::new(".") {
        out.push_str(&format!("  cd {}\n", shell_word(&shown)));
    }
    out.push_str(
        "  sok check    report every problem in the sources\n\
         \x20 sok build    render the handbook into build/ (HTML and one Markdown file)\n\
         \x20 sok serve    preview it in a browser while you edit\n",
    );
    out
}

fn count(n: usize) -> String {
    match n {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    }
}

/// The entries of `dir` that count for "not empty": hidden ones (`.git`, `.gitignore`) do
/// not, as discovery skips them too. A folder that does not exist is empty.
fn visible_entries(dir: &Path) -> Result<Vec<String>, Fatal> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Fatal::new(format!(
                "I/O error reading `{}`: {e}",
                dir.display()
            )));
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            names.push(name);
        }
    }
    Ok(names)
}

/// The nearest folder above `dir` that holds `sok.toml`.
fn enclosing_handbook(dir: &Path) -> Result<Option<std::path::PathBuf>, Fatal> {
    let absolute = std::env::current_dir()?.join(dir);
    Ok(absolute
        .ancestors()
        .skip(1)
        .find(|folder| folder.join(SETTINGS_FILE).is_file())
        .map(Path::to_path_buf))
}

/// `text` as one word for a shell: quoted when it holds a space or a quote.
fn shell_word(text: &str) -> String {
    if text
        .chars()
        .any(|c| c.is_whitespace() || "'\"$`\\".contains(c))
    {
        format!("'{}'", text.replace('\'', r"'\''"))
    } else {
        text.to_string()
    }
}
