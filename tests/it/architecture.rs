//! The layout promises of docs/architecture.md, checked on the source tree: imports follow
//! the pipeline, no two files import each other (directly or around a loop), and the
//! architecture document names every module that exists and only modules that exist.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::manifest_dir;

/// The rank of each top-level module in the pipeline: a module may import its own rank or
/// lower ones, never a later stage.
const RANKS: &[(&str, u8)] = &[
    ("values", 0),
    ("source", 0),
    ("model", 0),
    ("layout", 0),
    ("world", 0),
    ("diagnostics", 0),
    ("error", 0),
    ("markdown", 0),
    ("links", 0),
    ("metrics", 0),
    ("i18n", 0),
    ("texts", 0),
    ("git", 0),
    ("discover", 1),
    ("parse", 2),
    ("load", 3),
    ("resolve", 4),
    ("validate", 5),
    ("lint", 6),
    ("check", 7),
    ("role", 8),
    ("render", 8),
    ("diff", 8),
    ("measure", 8),
    ("export", 8),
    ("audit", 8),
    ("scaffold", 8),
    ("schema", 8),
    ("serve", 8),
    ("cli", 9),
    ("commands", 9),
];

/// `src/`-relative path of every `.rs` file → its text without comments and test modules.
fn sources() -> BTreeMap<String, String> {
    let src = manifest_dir().join("src");
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap();
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        let code: Vec<&str> = text
            .lines()
            .map(|line| line.split("//").next().unwrap_or(""))
            .collect();
        out.insert(rel, code.join("\n"));
    }
    out
}

/// The module path of a file: `render/view/mod.rs` → `[render, view]`.
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The files each file imports through `crate::…` and `super::…` paths.
fn imports(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let by_module: BTreeMap<Vec<String>, String> =
        files.keys().map(|f| (module_of(f), f.clone())).collect();
    let mut out = BTreeMap::new();
    for (file, text) in files {
        let here = module_of(file);
        let mut targets = BTreeSet::new();
        for (at, _) in text
            .match_indices("crate::")
            .chain(text.match_indices("super::"))
        {
            if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &text[at..];
            let path: Vec<String> = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let (mut base, tail) = if path[0] == "crate" {
                (Vec::new(), &path[1..])
            } else {
                let mut base = here.clone();
                let supers = path.iter().take_while(|s| *s == "super").count();
                for _ in 0..supers {
                    base.pop();
                }
                (base, &path[supers..])
            };
            base.extend(tail.iter().cloned());
            while !base.is_empty() {
                if let Some(target) = by_module.get(&base) {
                    if target != file {
                        targets.insert(target.clone());
                    }
                    break;
                }
                base.pop();
            }
        }
        out.insert(file.clone(), targets);
    }
    out
}

#[test]
fn imports_follow_the_pipeline() {
    let files = sources();
    let rank = |file: &str| {
        let top = module_of(file).first().cloned().unwrap_or_default();
        RANKS.iter().find(|(m, _)| *m == top).map(|(_, r)| *r)
    };
    let mut wrong = Vec::new();
    for (file, targets) in imports(&files) {
        if file == "lib.rs" || file == "main.rs" {
            continue;
        }
        let mine = rank(&file).unwrap_or_else(|| panic!("`{file}` has no rank in RANKS"));
        for target in targets {
            if target == "lib.rs" {
                continue;
            }
            if rank(&target).is_some_and(|theirs| theirs > mine) {
                wrong.push(format!("{file} imports the later stage {target}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_two_files_import_each_other() {
    let graph = imports(&sources());
    // Depth-first search for a back edge; any loop is reported with its files.
    fn visit(
        file: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        loops: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|f| f == file) {
            loops.push(stack[at..].join(" → "));
            return;
        }
        if !done.insert(file.to_string()) {
            return;
        }
        stack.push(file.to_string());
        for next in graph.get(file).into_iter().flatten() {
            visit(next, graph, stack, done, loops);
        }
        stack.pop();
    }
    let mut loops = Vec::new();
    let mut done = BTreeSet::new();
    for file in graph.keys() {
        visit(file, &graph, &mut Vec::new(), &mut done, &mut loops);
    }
    assert!(loops.is_empty(), "import cycles: {loops:#?}");
}

/// Every module file is named in docs/architecture.md (as `name.rs`, `folder/` or
/// `folder/name.rs`), and every `….rs` the document names exists.
#[test]
fn the_architecture_document_names_every_module() {
    let doc = std::fs::read_to_string(manifest_dir().join("docs/architecture.md")).unwrap();
    let files = sources();
    let mut unnamed = Vec::new();
    for file in files.keys() {
        let name = Path::new(file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let folder = Path::new(file)
            .parent()
            .unwrap()
            .to_string_lossy()
            .to_string();
        // Unit tests beside their module, and folders of one file per command or rule, which
        // the document names as a folder.
        let one_per = ["commands", "lint/rules"].contains(&folder.as_str());
        let named = if name == "tests.rs" || (one_per && doc.contains(&format!("`{folder}/`"))) {
            true
        } else if name == "mod.rs" {
            let folder = Path::new(file)
                .parent()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let last = folder.rsplit('/').next().unwrap_or(&folder).to_string();
            doc.contains(&format!("{folder}/")) || doc.contains(&format!("`{last}/"))
        } else {
            doc.contains(&format!("`{file}`"))
                || doc.contains(&format!("`{name}`"))
                || doc.contains(file.as_str())
        };
        if !named {
            unnamed.push(file.clone());
        }
    }
    assert!(
        unnamed.is_empty(),
        "not in docs/architecture.md: {unnamed:#?}"
    );
    let mut missing = Vec::new();
    for word in
        doc.split(|c: char| c == '`' || c.is_whitespace() || c == '(' || c == ')' || c == ',')
    {
        let word = word.trim_matches(|c: char| c == '.' || c == ':' || c == ';');
        if !word.ends_with(".rs") || word.contains('*') {
            continue;
        }
        let exists = manifest_dir().join(word).is_file() || {
            let word = word.strip_prefix("src/").unwrap_or(word);
            files
                .keys()
                .any(|f| f == word || f.ends_with(&format!("/{word}")))
        };
        if !exists {
            missing.push(word.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "named in docs/architecture.md but missing: {missing:#?}"
    );
}
