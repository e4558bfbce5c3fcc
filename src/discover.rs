//! Discover: which files make up a handbook, and what each one holds (FORMAT.md §1).
//!
//! Classification works on a sorted list of relative paths, so the same rules apply to a
//! directory on disk and to a git revision. Nothing is silently ignored: a file outside the
//! known places becomes a problem to report (a misspelt `standrads/` must not vanish).

use std::path::Path;

use crate::layout::{
    EVENTS_FOLDER, OUTPUT_MARKER, Role, SETTINGS_FILE, SPECIAL_FOLDERS, kind_folder, kind_of_folder,
};
use crate::model::Kind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: String,
    pub role: Role,
}

/// A path that is reported instead of read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stray {
    pub path: String,
    pub message: String,
    pub help: String,
    /// `sok::io::read` for what could not be read; `sok::discover::stray_file` otherwise.
    pub unreadable: bool,
}

#[derive(Debug, Default, Clone)]
pub struct Discovered {
    /// Files to parse, `sok.toml` first, then in tree order.
    pub files: Vec<Found>,
    pub assets: Vec<String>,
    pub templates: Vec<String>,
    pub strays: Vec<Stray>,
}

/// Sorts paths in tree order (component by component), the order every later stage sees.
pub fn sort_paths(paths: &mut [String]) {
    paths.sort_by(|a, b| a.split('/').cmp(b.split('/')));
}

/// Classifies the files of a handbook. `paths` are relative, `/`-separated, in any order.
pub fn classify(mut paths: Vec<String>, output_dir: Option<&str>) -> Discovered {
    sort_paths(&mut paths);
    let mut output_dirs: Vec<String> = paths
        .iter()
        .filter_map(|p| p.strip_suffix(OUTPUT_MARKER))
        .map(|dir| dir.trim_end_matches('/').to_string())
        .collect();
    output_dirs.extend(output_dir.map(|d| d.trim_matches('/').to_string()));
    let mut out = Discovered::default();
    let mut reported_folders: Vec<String> = Vec::new();
    for path in paths {
        let owned_parts = path.clone();
        let parts: Vec<&str> = owned_parts.split('/').collect();
        if parts.iter().any(|p| p.starts_with('.')) {
            continue;
        }
        if output_dirs
            .iter()
            .any(|d| d.is_empty() || path.starts_with(&format!("{d}/")))
        {
            continue;
        }
        let name = parts[parts.len() - 1];
        if parts.len() == 1 {
            match name {
                SETTINGS_FILE => out.files.insert(
                    0,
                    Found {
                        path,
                        role: Role::Settings,
                    },
                ),
                "README.md" => {}
                _ if name.starts_with("LICENSE") => {}
                _ if name.ends_with(".toml") => out.files.push(Found {
                    path,
                    role: Role::Collection,
                }),
                _ => out.strays.push(stray(
                    path,
                    "file is outside the places sok reads",
                    root_help(name),
                )),
            }
            continue;
        }
        let top = parts[0];
        if top == EVENTS_FOLDER {
            continue;
        }
        if SPECIAL_FOLDERS.contains(&top) {
            if top == "assets" {
                out.assets.push(path);
            } else {
                out.templates.push(path);
            }
            continue;
        }
        if let Some(kind) = kind_of_folder(top) {
            match (name.rsplit_once('.').map(|(_, e)| e), kind) {
                (Some("md"), _) => out.files.push(Found { path, role: Role::EntityMarkdown(kind) }),
                (Some("toml"), Kind::Chapter) => out.strays.push(stray(
                    path,
                    "chapters are Markdown files",
                    "write the chapter as a `.md` file with `+++` front matter (`title`, `order`) and a body".into(),
                )),
                (Some("toml"), _) => out.files.push(Found { path, role: Role::EntityToml(kind) }),
                _ => {
                    let help = format!(
                        "`{top}/` holds `.md` and `.toml` files, one {} each; put other files under `assets/`",
                        kind.name()
                    );
                    out.strays.push(stray(path, "file type is not read here", help));
                }
            }
            continue;
        }
        if let Some(folder) = misspelt_folder(top) {
            if !reported_folders.iter().any(|f| f == top) {
                reported_folders.push(top.to_string());
                out.strays.push(stray(
                    path,
                    &format!("folder `{top}/` is not a folder sok knows"),
                    format!("did you mean `{folder}/`? Its files are not read until it is renamed"),
                ));
            }
            continue;
        }
        if name.ends_with(".toml") {
            out.files.push(Found {
                path,
                role: Role::Collection,
            });
        } else {
            out.strays.push(stray(
                path,
                "file is outside the places sok reads",
                root_help(name),
            ));
        }
    }
    out
}

fn stray(path: String, message: &str, help: String) -> Stray {
    Stray {
        path,
        unreadable: false,
        message: message.to_string(),
        help,
    }
}

fn root_help(name: &str) -> String {
    if name.ends_with(".md") {
        "Markdown files go under a kind folder (`standards/`, `situations/`, `journeys/`, `touchpoints/`, `owners/`, `chapters/`)".into()
    } else {
        "move the file under `assets/` to ship it with the handbook, or out of the handbook".into()
    }
}

/// The kind or special folder `name` looks like a typo of.
fn misspelt_folder(name: &str) -> Option<&'static str> {
    let known = Kind::ALL
        .iter()
        .filter_map(|&k| kind_folder(k))
        .chain(SPECIAL_FOLDERS)
        .chain([EVENTS_FOLDER]);
    known
        .into_iter()
        .find(|k| strsim::damerau_levenshtein(&name.to_lowercase(), k) <= 2)
}

/// The most files sok reads from one handbook; beyond it the walk stops with one problem
/// rather than running out of memory or descriptors (docs/security.md).
pub const MAX_FILES: usize = 200_000;

/// Lists the files under `root` as relative paths; unreadable entries and links are strays.
/// Running out of file descriptors or memory is an error for the whole walk, not a stray per
/// folder.
pub fn walk(root: &Path) -> Result<(Vec<String>, Vec<Stray>), std::io::Error> {
    walk_at_most(root, MAX_FILES)
}

fn walk_at_most(root: &Path, most: usize) -> Result<(Vec<String>, Vec<Stray>), std::io::Error> {
    let mut paths = Vec::new();
    let mut strays = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden_dir(e));
    for entry in walker {
        match entry {
            Ok(entry) => {
                let relative = relative_path(root, entry.path());
                if entry.file_type().is_dir() {
                    continue;
                }
                let hidden = relative.split('/').any(|p| p.starts_with('.'));
                if entry
                    .path()
                    .strip_prefix(root)
                    .ok()
                    .and_then(Path::to_str)
                    .is_none()
                {
                    // The lossy name would not open the file again: report it, not "not found".
                    if !hidden {
                        strays.push(stray(
                            relative,
                            "file name is not valid UTF-8",
                            "rename the file (and its folders) using UTF-8 names".into(),
                        ));
                    }
                    continue;
                }
                if entry.path_is_symlink() {
                    if !hidden {
                        strays.push(stray(
                            relative,
                            "symbolic links are not followed",
                            "copy the file into the handbook instead of linking to it".into(),
                        ));
                    }
                    continue;
                }
                if paths.len() == most {
                    strays.push(Stray {
                        unreadable: true,
                        ..stray(
                            relative,
                            &format!("the handbook has more than {most} files; sok reads at most {most}"),
                            "keep event exports, builds and other large folders outside the handbook, or in a folder whose name starts with `.`".into(),
                        )
                    });
                    break;
                }
                paths.push(relative);
            }
            Err(error) => {
                if let Some(io) = error.io_error().filter(|e| crate::world::is_exhausted(e)) {
                    return Err(std::io::Error::new(io.kind(), io.to_string()));
                }
                let path = error
                    .path()
                    .map_or_else(|| ".".to_string(), |p| relative_path(root, p));
                let reason = error
                    .io_error()
                    .map_or_else(|| error.to_string(), |e| e.kind().to_string());
                strays.push(Stray {
                    unreadable: true,
                    ..stray(
                        path,
                        &format!("cannot read this folder or file: {reason}"),
                        "check its permissions".into(),
                    )
                });
            }
        }
    }
    Ok((paths, strays))
}

fn is_hidden_dir(entry: &walkdir::DirEntry) -> bool {
    entry.file_type().is_dir() && entry.file_name().to_string_lossy().starts_with('.')
}

fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_walk_stops_at_the_most_files_with_one_problem() {
        let tmp = tempfile::tempdir().unwrap();
        for i in 0..5 {
            std::fs::write(tmp.path().join(format!("f{i}.toml")), "").unwrap();
        }
        let (paths, strays) = super::walk_at_most(tmp.path(), 3).unwrap();
        assert_eq!(paths, ["f0.toml", "f1.toml", "f2.toml"]);
        assert_eq!(strays.len(), 1);
        assert!(
            strays[0].message.contains("more than 3 files"),
            "{:?}",
            strays[0]
        );
    }

    use super::*;

    fn classify_names(paths: &[&str]) -> Discovered {
        classify(paths.iter().map(|p| p.to_string()).collect(), Some("build"))
    }

    #[test]
    fn places_every_file() {
        let found = classify_names(&[
            "standards/b.md",
            "sok.toml",
            "owners.toml",
            "standards/phone/a.toml",
            "chapters/x.md",
            "assets/logo.svg",
            "templates/page.html.tera",
            "README.md",
            "LICENSE-MIT",
            ".git/config",
            "build/index.html",
            "notes.txt",
            "standrads/c.md",
            "standrads/d.md",
            "chapters/e.toml",
            "team/people.toml",
        ]);
        let files: Vec<_> = found
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.role))
            .collect();
        assert_eq!(
            files,
            [
                ("sok.toml", Role::Settings),
                ("chapters/x.md", Role::EntityMarkdown(Kind::Chapter)),
                ("owners.toml", Role::Collection),
                ("standards/b.md", Role::EntityMarkdown(Kind::Standard)),
                ("standards/phone/a.toml", Role::EntityToml(Kind::Standard)),
                ("team/people.toml", Role::Collection),
            ]
        );
        assert_eq!(found.assets, ["assets/logo.svg"]);
        let strays: Vec<_> = found.strays.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(strays, ["chapters/e.toml", "notes.txt", "standrads/c.md"]);
    }

    #[test]
    fn the_events_folder_is_data_not_sources() {
        let found = classify_names(&[
            "sok.toml",
            "events/2026-10.csv",
            "events/call-center/export.parquet",
            "events/notes.toml",
            "standards/events/a.md",
            "evnets/x.csv",
        ]);
        let files: Vec<_> = found.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(files, ["sok.toml", "standards/events/a.md"]);
        assert!(found.assets.is_empty() && found.templates.is_empty());
        let strays: Vec<_> = found.strays.iter().map(|s| s.help.as_str()).collect();
        assert_eq!(strays.len(), 1);
        assert!(strays[0].contains("`events/`"), "{strays:?}");
    }

    #[test]
    fn skips_marked_output_directories() {
        let found = classify(
            vec![
                "sok.toml".into(),
                "site/.sok-output".into(),
                "site/index.html".into(),
            ],
            None,
        );
        assert!(found.strays.is_empty());
    }
}
