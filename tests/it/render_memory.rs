//! Rendering without the disk: `sok::render::render` hands every file to a sink, so a
//! handbook renders into memory exactly as it renders into a directory, and a handbook held
//! in a `MemoryWorld` (no files at all) renders too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sok::render::output::{DirSink, MemorySink};
use sok::render::{self, BuildOptions, ExtraChapter};
use sok::world::MemoryWorld;

use crate::common::example;

fn options(out: PathBuf) -> BuildOptions {
    BuildOptions {
        out,
        html: true,
        markdown: true,
        extras: vec![ExtraChapter {
            id: "changes".into(),
            title: "Zmiany".into(),
            markdown: "Nowy [standard](standards/phone-answer.md).".into(),
        }],
        audience: None,
    }
}

/// Every file under `dir` by its `/`-separated relative path, with its bytes.
fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.expect("readable"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(dir).expect("inside");
            let name = relative.to_str().expect("UTF-8").replace('\\', "/");
            (name, std::fs::read(entry.path()).expect("read"))
        })
        .collect()
}

/// The same file lists and bytes, with the first difference named.
fn assert_same(left: &BTreeMap<String, Vec<u8>>, right: &BTreeMap<String, Vec<u8>>) {
    assert_eq!(
        left.keys().collect::<Vec<_>>(),
        right.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in left {
        assert!(right[path] == *bytes, "`{path}` differs");
    }
}

#[test]
fn memory_and_directory_renders_are_identical() {
    let checked = sok::check_dir(&example("sklep-kwiatek")).expect("loads");
    assert!(!checked.diagnostics.has_errors());
    let tmp = tempfile::tempdir().expect("tempdir");
    let options = options(tmp.path().join("site"));

    let memory = MemorySink::new();
    let rendered = render::render(&checked, &options, &memory).expect("renders");
    let memory = memory.into_files();
    assert!(rendered.pages > 20, "{} pages", rendered.pages);
    for path in [
        "handbook.md",
        "assets/logo.svg",
        "html/index.html",
        "html/changes.html",
        "html/search-index.js",
        "html/static/sok.css",
        "html/assets/logo.svg",
        "html/standards/phone-answer.html",
    ] {
        assert!(memory.contains_key(path), "no `{path}`");
    }
    let html_pages = memory
        .keys()
        .filter(|p| p.starts_with("html/") && p.ends_with(".html"))
        .count();
    assert_eq!(html_pages, rendered.pages);

    let dir = tmp.path().join("rendered");
    render::render(&checked, &options, &DirSink::new(&dir)).expect("renders");
    assert_same(&memory, &files_under(&dir));

    let built = render::build(&checked, &options).expect("builds");
    let mut committed = files_under(&built.out);
    assert!(committed.remove(".sok-output").is_some(), "no marker");
    assert_same(&memory, &committed);

    // The same handbook held in memory renders the same files.
    let root = example("sklep-kwiatek");
    let (paths, strays) = sok::discover::walk(&root).unwrap();
    assert!(strays.is_empty());
    let world = MemoryWorld {
        files: paths
            .iter()
            .map(|p| (p.clone(), std::fs::read(root.join(p)).expect("read")))
            .collect(),
    };
    let in_memory = sok::check_loaded(sok::load::load_from(paths, Arc::new(world)));
    let sink = MemorySink::new();
    render::render(&in_memory, &options, &sink).expect("renders");
    assert_same(&memory, &sink.into_files());
}

#[test]
fn a_handbook_in_memory_renders() {
    let files: &[(&str, &str)] = &[
        (
            "sok.toml",
            "[handbook]\ntitle = \"Handbook in memory\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n",
        ),
        (
            "owners.toml",
            "[[owner]]\nid = \"desk\"\nname = \"Front desk\"\n",
        ),
        (
            "standards/greeting.md",
            "+++\ntitle = \"Greet every guest\"\nowner = \"desk\"\n+++\n\n\
             Say hello. ![logo](../assets/logo.svg)\n",
        ),
        (
            "assets/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        (
            "templates/html/standard.html.tera",
            "{% extends \"html/base.html.tera\" %}{% block content %}\
             <h1 class=\"from-memory\">{{ standard.title | safe }}</h1>\
             {{ standard.text | safe }}{% endblock content %}",
        ),
    ];
    let world = MemoryWorld {
        files: files
            .iter()
            .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
            .collect(),
    };
    // The path list a git revision gives, classified by the same discovery.
    let paths = world.paths();
    let checked = sok::check_loaded(sok::load::load_from(paths, Arc::new(world)));
    assert!(
        !checked.diagnostics.has_errors(),
        "{:?}",
        checked.diagnostics
    );
    let sink = MemorySink::new();
    let options = BuildOptions {
        extras: Vec::new(),
        audience: None,
        ..options(PathBuf::from("never-written"))
    };
    let rendered = render::render(&checked, &options, &sink).expect("renders");
    let files = sink.into_files();
    assert!(rendered.pages >= 5, "{} pages", rendered.pages);
    let page = String::from_utf8(files["html/standards/greeting.html"].clone()).expect("utf-8");
    assert!(
        page.contains("<h1 class=\"from-memory\">Greet every guest</h1>"),
        "{page}"
    );
    assert!(page.contains("src=\"../assets/logo.svg\""), "{page}");
    assert_eq!(
        files["html/assets/logo.svg"],
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );
    assert!(
        String::from_utf8_lossy(&files["handbook.md"]).contains("Greet every guest"),
        "handbook.md"
    );
    assert!(!Path::new("never-written").exists());
}

/// A catalogue longer than a page is cut into pages of a thousand standards, each listing
/// all the pages; print.html and handbook.md, drawn in pieces, still hold every standard
/// once, in order. Held in memory: thousands of files on disk are slow here.
#[test]
fn a_long_catalogue_is_paged_and_printed_whole() {
    let n = 2150;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "sok.toml".into(),
            b"[handbook]\ntitle = \"Long\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n".to_vec(),
        ),
        (
            "owners.toml".into(),
            b"[[owner]]\nid = \"desk\"\nname = \"Front desk\"\n".to_vec(),
        ),
    ];
    for i in 0..n {
        files.push((
            format!("standards/s-{i:04}.md"),
            format!("+++\ntitle = \"Rule {i:04}\"\nowner = \"desk\"\n+++\n\nText {i:04}.\n")
                .into_bytes(),
        ));
    }
    let world = MemoryWorld {
        files: files.into_iter().collect(),
    };
    let paths = world.paths();
    let checked = sok::check_loaded(sok::load::load_from(paths, Arc::new(world)));
    assert!(!checked.diagnostics.has_errors());
    let sink = MemorySink::new();
    let options = BuildOptions {
        extras: Vec::new(),
        audience: None,
        ..options(PathBuf::from("never-written"))
    };
    render::render(&checked, &options, &sink).expect("renders");
    let files = sink.into_files();
    let text = |path: &str| String::from_utf8(files[path].clone()).expect("utf-8");
    let pages = [
        "html/standards/index.html",
        "html/standards/index_2.html",
        "html/standards/index_3.html",
    ];
    assert!(!files.contains_key("html/standards/index_4.html"));
    let mut rows = 0;
    for (k, path) in pages.iter().enumerate() {
        let page = text(path);
        let here = page.matches("<tr><th scope=\"row\">").count();
        assert_eq!(here, if k < 2 { 1000 } else { 150 }, "{path}");
        rows += here;
        assert!(
            page.contains("href=\"index_2.html\""),
            "{path} lists the pages"
        );
        assert_eq!(page.matches("aria-current=\"page\">").count(), 2, "{path}");
        let current = ["1–1000", "1001–2000", "2001–2150"][k];
        assert!(
            page.contains(&format!("aria-current=\"page\">{current}</a>")),
            "{path}: {current}"
        );
    }
    assert_eq!(rows, n);
    assert!(text(pages[2]).contains("Rule 2149"));
    for (path, mark) in [
        ("html/print.html", "id=\"standard-s-"),
        ("handbook.md", "{#standard-s-"),
    ] {
        let doc = text(path);
        let found: Vec<&str> = doc
            .match_indices(mark)
            .map(|(at, _)| &doc[at + mark.len()..at + mark.len() + 4])
            .collect();
        let expected: Vec<String> = (0..n).map(|i| format!("{i:04}")).collect();
        assert_eq!(found, expected, "{path}: each standard once, in order");
    }
}
