//! Load: discover a handbook's files, read and parse them in parallel, and merge the results.
//!
//! Reading goes through a closure so the same code loads a directory on disk and a git
//! revision. Files get their ids in tree order before the parallel parse, so the merged
//! handbook and its diagnostics never depend on thread scheduling.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::discover::{self, Discovered};
use crate::error::Error;
use crate::layout::{Role, SETTINGS_FILE};
use crate::model::{Handbook, Kind};
use crate::parse::{self, Parsed};
use crate::source::{FileId, SourceFile, Sources, Span};
use crate::world::{DirWorld, MemoryWorld, World, is_exhausted};

/// A handbook as read, before references are resolved.
#[derive(Debug)]
pub struct Loaded {
    pub sources: Sources,
    pub handbook: Handbook,
    pub diagnostics: Diagnostics,
    /// Files under `templates/`, relative to the root.
    pub templates: Vec<String>,
    /// Where the files were read from; render reads templates and assets through it too.
    pub world: Arc<dyn World>,
}

/// The error for a directory that is not a handbook root (or does not exist).
pub fn no_handbook(dir: &Path) -> Error {
    let message = if dir.exists() {
        format!(
            "`{}` not found: this is not a handbook root",
            dir.join(SETTINGS_FILE).display()
        )
    } else {
        format!("directory `{}` does not exist", dir.display())
    };
    Error::new(message)
        .with_code(&codes::DISCOVER_NO_HANDBOOK)
        .with_help("run sok on the directory that holds `sok.toml`")
}

/// Loads the handbook whose root is `root` on disk.
pub fn load_dir(root: &Path) -> Result<Loaded, Error> {
    if !root.join(SETTINGS_FILE).is_file() {
        return Err(no_handbook(root));
    }
    let (paths, walk_strays) = discover::walk(root).map_err(|e| exhausted(root, &e))?;
    let (mut loaded, exhaustion) = load_reporting(paths, Arc::new(DirWorld::new(root)));
    if let Some(error) = exhaustion {
        return Err(exhausted(root, &error));
    }
    push_strays(&mut loaded, walk_strays);
    Ok(loaded)
}

/// The one error for a handbook that could not be read because the system ran out of file
/// descriptors or memory, instead of one "cannot read" per file.
fn exhausted(root: &Path, error: &std::io::Error) -> Error {
    Error::new(format!(
        "cannot read the handbook `{}`: {error}",
        root.display()
    ))
    .with_code(&codes::IO_READ)
    .with_help(
        "the system ran out of open files or memory: raise the limit (`ulimit -n`), or close other programs, and run sok again",
    )
}

/// Files parsed in parallel before they are merged into the handbook.
const PARSE_BATCH: usize = 1024;

/// Loads the handbook made of `paths` (root-relative), reading each through `world`.
pub fn load_from(paths: Vec<String>, world: Arc<dyn World>) -> Loaded {
    load_reporting(paths, world).0
}

/// [`load_from`], and the first read that failed because the system ran out of something.
fn load_reporting(paths: Vec<String>, world: Arc<dyn World>) -> (Loaded, Option<std::io::Error>) {
    let exhaustion: std::sync::Mutex<Option<std::io::Error>> = Default::default();
    let mut loaded = Loaded {
        sources: Sources::default(),
        handbook: Handbook::default(),
        diagnostics: Diagnostics::default(),
        templates: Vec::new(),
        world: Arc::new(MemoryWorld::default()),
    };
    let read = |path: &str| world.read(path);
    let settings_text = read(SETTINGS_FILE).ok().and_then(|b| decode(&b).ok());
    let output_dir = settings_text.as_deref().and_then(configured_output_dir);
    let Discovered {
        files,
        assets,
        templates,
        strays,
    } = discover::classify(paths, output_dir.as_deref());
    // One entity per Markdown file: the handbook's lists are sized once, not regrown.
    let per_file = |kind: Kind| {
        files
            .iter()
            .filter(|f| f.role == Role::EntityMarkdown(kind))
            .count()
    };
    loaded.handbook.standards.reserve(per_file(Kind::Standard));
    loaded
        .handbook
        .situations
        .reserve(per_file(Kind::Situation));
    loaded.handbook.journeys.reserve(per_file(Kind::Journey));
    loaded.handbook.chapters.reserve(per_file(Kind::Chapter));
    // Files are parsed in parallel a batch at a time and merged in order, so that only one
    // batch of parsed files waits beside the handbook (every file at once was a fifth of the
    // peak at 100,000 files).
    for (batch, chunk) in files.chunks(PARSE_BATCH).enumerate() {
        let results: Vec<(SourceFile, Parsed)> = chunk
            .par_iter()
            .enumerate()
            .map(|(at, found)| {
                let file = FileId((batch * PARSE_BATCH + at) as u32);
                let bytes = read(&found.path).map_err(|e| {
                    let reason = reason(&e);
                    if is_exhausted(&e) {
                        exhaustion.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(e);
                    }
                    reason
                });
                match bytes.and_then(|b| decode(&b)) {
                    Ok(text) => {
                        let parsed = parse::parse_file(file, &found.path, &text, found.role);
                        (SourceFile::new(found.path.clone(), text), parsed)
                    }
                    Err(reason) => {
                        let mut parsed = Parsed::default();
                        let code = if reason == ENCODING { &codes::IO_ENCODING } else { &codes::IO_READ };
                        let message = if reason == ENCODING {
                            "file is not valid UTF-8".to_string()
                        } else {
                            format!("cannot read file: {reason}")
                        };
                        parsed.diagnostics.push(
                            Diagnostic::error(code, Span::file_start(file), message)
                                .help(if reason == ENCODING {
                                    "save the file as UTF-8 (for example `iconv -f WINDOWS-1250 -t UTF-8`)"
                                } else {
                                    "check that the file exists and can be read"
                                }),
                        );
                        if let Role::EntityMarkdown(kind) | Role::EntityToml(kind) = found.role {
                            parsed.entities.unloaded.push((kind, parse::stem(&found.path)));
                        }
                        (SourceFile::new(found.path.clone(), ""), parsed)
                    }
                }
            })
            .collect();
        for (source, parsed) in results {
            loaded.sources.add(source);
            loaded.handbook.extend(parsed.entities);
            if parsed.settings.is_some() {
                loaded.handbook.settings = parsed.settings;
            }
            loaded.diagnostics.extend(parsed.diagnostics);
        }
    }
    loaded.handbook.assets = assets;
    loaded.templates = templates;
    loaded.world = world;
    push_strays(&mut loaded, strays);
    (
        loaded,
        exhaustion.into_inner().unwrap_or_else(|p| p.into_inner()),
    )
}

/// Why a file could not be read, in words: the system's for its own errors ("permission
/// denied"), sok's for its refusals ("a symbolic link, which sok does not follow").
fn reason(error: &std::io::Error) -> String {
    if error.raw_os_error().is_some() {
        error.kind().to_string()
    } else {
        error.to_string()
    }
}

fn push_strays(loaded: &mut Loaded, strays: Vec<discover::Stray>) {
    for stray in strays {
        let file = loaded.sources.add(SourceFile::new(stray.path, ""));
        let code = if stray.unreadable {
            &codes::IO_READ
        } else {
            &codes::DISCOVER_STRAY_FILE
        };
        loaded
            .diagnostics
            .push(Diagnostic::error(code, Span::file_start(file), stray.message).help(stray.help));
    }
}

const ENCODING: &str = "encoding";

/// UTF-8 text without a leading BOM.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| ENCODING.to_string())
}

/// `[build].out`, read leniently: a broken `sok.toml` is reported by the parser, not here.
fn configured_output_dir(settings: &str) -> Option<String> {
    let table: toml::Table = settings.parse().ok()?;
    let out = table.get("build")?.get("out")?.as_str()?;
    Some(out.trim_start_matches("./").to_string())
}
