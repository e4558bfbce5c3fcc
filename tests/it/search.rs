//! The site's search, in node: search.js's `norm` and `matches` hold the cases of
//! `tests/fixtures/search/words.json` that `search_words.rs` holds in Rust, and search.js run
//! on the index of each example finds word forms, words of the body only and tags, with title
//! matches first. Without node the tests are skipped (a failure under `CI=true`).

use std::collections::BTreeMap;

use sok::render::output::MemorySink;
use sok::render::{self, BuildOptions};

use crate::common::{self, example};

const SEARCH_JS: &str = "templates/static/search.js";

/// The source of `function NAME(...) { ... }` in search.js.
fn function(script: &str, name: &str) -> String {
    let start = script
        .find(&format!("function {name}("))
        .unwrap_or_else(|| panic!("search.js has {name}()"));
    let len = script[start..].find("\n  }\n").expect("the function ends") + 4;
    script[start..start + len].to_string()
}

fn script() -> String {
    std::fs::read_to_string(common::manifest_dir().join(SEARCH_JS)).expect("search.js")
}

#[test]
fn search_js_folds_and_matches_as_search_words_rs() {
    let script = script();
    let cases = std::fs::read_to_string(common::repo_path("tests/fixtures/search/words.json"))
        .expect("words.json");
    let program = format!(
        "{}\n{}\n{}\n{}\nconst cases = {cases};\n\
         console.log(JSON.stringify({{\n\
           fold: cases.fold.map(c => norm(c[0])),\n\
           words: words(norm('Zgłoś reklamację, proszę: 2 dni!')),\n\
           matches: cases.matches.map(c => matches(c[0], c[1], c[2])),\n\
         }}));",
        function(&script, "norm"),
        function(&script, "words"),
        function(&script, "slack"),
        function(&script, "matches"),
    );
    let Some(out) = common::node_json(&program) else {
        return;
    };
    let cases: serde_json::Value = serde_json::from_str(&cases).expect("JSON");
    for (case, got) in cases["fold"]
        .as_array()
        .unwrap()
        .iter()
        .zip(out["fold"].as_array().unwrap())
    {
        assert_eq!(&case[1], got, "fold {}", case[0]);
    }
    for (case, got) in cases["matches"]
        .as_array()
        .unwrap()
        .iter()
        .zip(out["matches"].as_array().unwrap())
    {
        assert_eq!(&case[3], got, "matches {} ~ {}", case[0], case[1]);
    }
    assert_eq!(
        out["words"],
        serde_json::json!(["zglos", "reklamacje", "prosze", "2", "dni"])
    );
}

/// The site of an example, in memory.
fn site(name: &str) -> BTreeMap<String, Vec<u8>> {
    let checked = sok::check_dir(&example(name)).expect("checks");
    let options = BuildOptions {
        out: std::env::temp_dir().join("sok-search-unused"),
        html: true,
        markdown: false,
        extras: Vec::new(),
        audience: None,
    };
    let sink = MemorySink::new();
    render::render(&checked, &options, &sink).expect("renders");
    sink.into_files()
}

/// Runs search.js on `index` for each query: the titles and urls of its results, in order.
fn search(index: &str, queries: &[&str]) -> Option<serde_json::Value> {
    let script = script().replace(
        "input.addEventListener('input'",
        "window.__search = search; input.addEventListener('input'",
    );
    let program = format!(
        "global.window = {{ location: {{ search: '' }} }};\n\
         const node = () => ({{ textContent: '', appendChild() {{}}, addEventListener() {{}}, getAttribute() {{ return ''; }} }});\n\
         global.document = {{ getElementById: node, createElement: node, createTextNode: node }};\n\
         {index}\n{script}\n\
         console.log(JSON.stringify({queries}.map(q => window.__search(q).map(e => [e.title, e.url]))));",
        queries = serde_json::to_string(queries).unwrap(),
    );
    common::node_json(&program)
}

fn urls(results: &serde_json::Value) -> Vec<&str> {
    results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_str().unwrap())
        .collect()
}

#[test]
fn polish_word_forms_body_words_and_tags_are_found() {
    let files = site("sklep-kwiatek");
    let index = String::from_utf8(files["html/search-index.js"].clone()).unwrap();
    // "wulgaryzmy" and "cierpliwość" are in no title and no excerpt: only in the body text.
    let Some(out) = search(
        &index,
        &[
            "reklamacja",
            "reklamac",
            "reklamację",
            "Reklamacja",
            "wulgaryzmy",
            "cierpliwosc",
            "tajemniczy",
        ],
    ) else {
        return;
    };
    let (full, prefix) = (urls(&out[0]), urls(&out[1]));
    for url in &prefix {
        assert!(
            full.contains(url),
            "`reklamacja` misses {url} that `reklamac` finds"
        );
    }
    assert!(full.len() > 3, "{full:?}");
    assert_eq!(
        urls(&out[2]).len(),
        full.len(),
        "another form, the same entries"
    );
    assert_eq!(out[3], out[0], "case does not matter");
    assert!(!urls(&out[4]).is_empty(), "a body-only word is found");
    assert!(
        !urls(&out[5]).is_empty(),
        "a body-only word is found, folded"
    );
    let tagged = index.contains("\"tajemniczy klient\"");
    assert!(tagged && !urls(&out[6]).is_empty(), "a tag is found");
    // A title match ranks above a match in the text.
    let first = out[0][0][0].as_str().unwrap().to_lowercase();
    assert!(first.contains("reklamac"), "{first}");
}

#[test]
fn russian_word_forms_are_found() {
    let files = site("avtosalon");
    let index = String::from_utf8(files["html/search-index.js"].clone()).unwrap();
    assert!(index.contains("window.SOK_SEARCH_STEMMED = true;"));
    let Some(out) = search(&index, &["звонок", "звонка", "звонки", "звон", "галстуки"])
    else {
        return;
    };
    let (word, stem) = (urls(&out[0]), urls(&out[3]));
    assert!(word.len() > 13, "{word:?}");
    for url in urls(&out[1]).iter().chain(&urls(&out[2])) {
        assert!(stem.contains(url), "{url}");
    }
    assert!(
        !urls(&out[4]).is_empty(),
        "a body-only word, in another form"
    );
}
