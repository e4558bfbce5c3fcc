//! The floor of a handbook build: what any compiler of these sources must at least do, and
//! nothing more. It walks the handbook, reads every file, splits the front matter, parses the
//! TOML, renders the Markdown with pulldown-cmark and writes one HTML page per file, in
//! parallel. `benches/build.sh` times sok against it in the same run.
//!
//!   cargo bench --bench floor -- HANDBOOK OUT

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn page(root: &Path, out: &Path, path: &Path) -> std::io::Result<()> {
    let text = fs::read_to_string(path)?;
    let (front, body) = match text
        .strip_prefix("+++\n")
        .and_then(|t| t.split_once("\n+++\n"))
    {
        Some((front, body)) => (front, body),
        None if path.extension().is_some_and(|e| e == "toml") => (text.as_str(), ""),
        None => ("", text.as_str()),
    };
    let table: toml::Table = front.parse().unwrap_or_default();
    let title = table
        .get("title")
        .or_else(|| table.get("name"))
        .and_then(|t| t.as_str())
        .unwrap_or("");
    let mut html = format!("<!doctype html><title>{title}</title><main>");
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES),
    );
    html.push_str("</main>\n");
    let relative = path.strip_prefix(root).unwrap_or(path);
    let target = out.join(relative).with_extension("html");
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(target, html)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (Some(root), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: cargo bench --bench floor -- HANDBOOK OUT");
        std::process::exit(2);
    };
    let (root, out) = (PathBuf::from(root), PathBuf::from(out));
    let _ = fs::remove_dir_all(&out);
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "toml"))
        .collect();
    let written = files
        .par_iter()
        .filter(|path| page(&root, &out, path).is_ok())
        .count();
    println!("{written} pages");
}
