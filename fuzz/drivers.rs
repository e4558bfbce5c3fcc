//! The bodies of the fuzz targets, shared with the tests that replay what they found
//! (tests/it/fuzz_regressions.rs includes this file), so an input that crashes a target
//! fails `cargo test` through the very same calls, without cargo-fuzz.
//!
//! A handbook comes from the fuzzer as a bundle: text up to the first `>>> PATH` line is
//! `standards/fuzz.md`, each `>>> PATH` line starts another file, and the files of a small
//! valid handbook (`BASE`) fill in whatever the bundle does not replace.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use sok::diagnostics::emit::{self, Style};
use sok::model::Language;
use sok::render::output::MemorySink;
use sok::render::{BuildOptions, ExtraChapter, Theme};
use sok::values::{self, Date, Duration, Version};
use sok::world::MemoryWorld;
use sok::{Checked, diff, lint, load, render};

/// A handbook that checks clean: the settings, two owners and two touchpoints.
const BASE: &[(&str, &str)] = &[
    (
        "sok.toml",
        "[handbook]\ntitle = \"Fuzz\"\nlanguage = \"en\"\nversion = \"1.0.0\"\nowner = \"lead\"\n\
         \n[calendar]\ntimezone = \"Europe/Warsaw\"\nholidays = [2026-11-11]\n",
    ),
    (
        "owners.toml",
        "[[owner]]\nid = \"lead\"\nname = \"Support lead\"\nteam = \"Support\"\n\n\
         [[owner]]\nid = \"qa\"\nname = \"Quality lead\"\n",
    ),
    (
        "touchpoints.toml",
        "[[touchpoint]]\nid = \"phone\"\nname = \"Phone line\"\nchannel = \"phone\"\n\
         owner = \"lead\"\nhours = \"Mon–Fri 8–18\"\n\n[[touchpoint]]\nid = \"chat\"\n\
         name = \"Chat\"\nchannel = \"chat\"\nowner = \"lead\"\nhours = \"daily 8–22\"\n",
    ),
];

/// The standard the `render` target puts its Markdown under.
const FRONT_MATTER: &str = "+++\ntitle = \"We answer calls within two minutes\"\nowner = \"lead\"\n\
    touchpoints = [\"phone\"]\n\n[measure]\nmetric = \"answer_time\"\nmax = \"2 min\"\n\
    share = 80\nperiod = \"month\"\nhours = \"business\"\n+++\n\n";

/// The files of `bundle` over `BASE`.
pub(crate) fn world(bundle: &str) -> MemoryWorld {
    let mut files: BTreeMap<String, Vec<u8>> = BASE
        .iter()
        .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
        .collect();
    let mut path = "standards/fuzz.md".to_string();
    let mut text = String::new();
    for line in bundle.split_inclusive('\n') {
        if let Some(next) = line.strip_prefix(">>> ") {
            let text = std::mem::take(&mut text);
            if !text.is_empty() {
                files.insert(std::mem::take(&mut path), text.into_bytes());
            }
            path = next.trim().to_string();
        } else {
            text.push_str(line);
        }
    }
    if !text.is_empty() {
        files.insert(path, text.into_bytes());
    }
    files.retain(|path, _| !path.is_empty());
    MemoryWorld { files }
}

/// Loads and checks the handbook in `world`.
pub(crate) fn check(world: MemoryWorld) -> Checked {
    let paths = world.paths();
    sok::check_loaded(load::load_from(paths, Arc::new(world)))
}

/// `load_check`: a bundle → load, check, lint, and every diagnostic printed in the human,
/// concise and JSON formats.
pub(crate) fn load_check(data: &[u8]) {
    let checked = check(world(&String::from_utf8_lossy(data)));
    let options = lint::Options::new(Date::new(2026, 12, 1).expect("a date"));
    let mut all: Vec<_> = checked.diagnostics.iter().cloned().collect();
    all.extend(lint::lint(
        &checked.handbook,
        &checked.sources,
        &checked.index,
        &options,
    ));
    let style = Style {
        color: false,
        width: 100,
    };
    emit::human(&all, &checked.sources, style);
    emit::concise(&all, &checked.sources);
    emit::json(&all, &checked.sources);
}

/// `render`: Markdown → the body of a standard and an extra chapter, rendered as HTML and
/// Markdown; the HTML may hold no more scripts, event handlers or script URLs than the
/// same handbook with a plain body.
pub(crate) fn render(data: &[u8]) {
    let markdown = String::from_utf8_lossy(data);
    let found = dangers(&render_pages(&markdown));
    static PLAIN: OnceLock<Dangers> = OnceLock::new();
    let plain = PLAIN.get_or_init(|| dangers(&render_pages("Plain *text*.")));
    assert!(
        found.scripts <= plain.scripts
            && found.handlers <= plain.handlers
            && found.urls <= plain.urls,
        "the body got through the sanitizer: {found:?}, a plain body has {plain:?}"
    );
}

fn render_pages(markdown: &str) -> BTreeMap<String, Vec<u8>> {
    let mut world = world("");
    let standard = format!("{FRONT_MATTER}{markdown}");
    world
        .files
        .insert("standards/fuzz.md".into(), standard.into_bytes());
    let checked = check(world);
    let options = BuildOptions {
        out: "build".into(),
        html: true,
        markdown: true,
        extras: vec![ExtraChapter {
            id: "changes".into(),
            title: "Changes".into(),
            markdown: markdown.to_string(),
        }],
        audience: None,
    };
    // The theme depends only on the base handbook's settings and templates: load it once.
    thread_local! {
        static THEME: OnceCell<Theme> = const { OnceCell::new() };
    }
    let sink = MemorySink::new();
    THEME.with(|theme| {
        let theme = theme.get_or_init(|| Theme::load(&checked).expect("the theme loads"));
        render::render_with(&checked, theme, &options, &sink).expect("the base handbook renders");
    });
    sink.into_files()
}

/// What in a site's HTML pages runs script.
#[derive(Debug, Default)]
struct Dangers {
    /// `<script>`, `<iframe>`, `<object>`, `<embed>` elements.
    scripts: usize,
    /// `on…` attributes.
    handlers: usize,
    /// Attribute values that are `javascript:`, `vbscript:` or `data:` URLs.
    urls: usize,
}

fn dangers(files: &BTreeMap<String, Vec<u8>>) -> Dangers {
    let mut found = Dangers::default();
    for (path, bytes) in files {
        if path.ends_with(".html") {
            scan(&String::from_utf8_lossy(bytes), &mut found);
        }
    }
    found
}

/// A small HTML tokenizer: tags and their attributes, skipping comments and the contents
/// of `<script>` and `<style>`.
fn scan(html: &str, found: &mut Dangers) {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        i += at + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(b.len(), |end| i + end + 3);
            continue;
        }
        let name_end = i + html[i..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(html.len() - i);
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        // Attributes until `>`, values quoted or not.
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
                i += 1;
            }
            let attribute = html[start..i].to_ascii_lowercase();
            let mut value = "";
            if i < b.len() && b[i] == b'=' {
                i += 1;
                let (open, close) = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => (i + 1, html[i + 1..].find(q as char)),
                    _ => (
                        i,
                        html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>'),
                    ),
                };
                let end = close.map_or(b.len(), |end| open + end);
                value = &html[open..end];
                i = if end < b.len() && open > i {
                    end + 1
                } else {
                    end
                };
            }
            if attribute.starts_with("on") {
                found.handlers += 1;
            }
            if is_script_url(value) {
                found.urls += 1;
            }
            if start == i {
                i += 1;
            }
        }
        if matches!(name.as_str(), "script" | "iframe" | "object" | "embed") {
            found.scripts += 1;
        }
        if matches!(name.as_str(), "script" | "style") {
            let close = format!("</{name}");
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(b.len(), |end| i + end);
        }
    }
}

/// Whether an attribute value, as a browser decodes it, is a URL that runs script.
fn is_script_url(value: &str) -> bool {
    let decoded = value
        .replace("&#58;", ":")
        .replace("&#x3a;", ":")
        .replace("&#x3A;", ":")
        .replace("&colon;", ":");
    let squeezed: String = decoded
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:text/html"]
        .iter()
        .any(|scheme| squeezed.starts_with(scheme))
}

/// `values`: the first byte picks a parser, the rest is its text. A schedule keeps the
/// promises of `Schedule::days`; a duration reads back from how it is written.
pub(crate) fn values(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match which % 6 {
        0 => {
            if let Ok(duration) = Duration::parse(&text) {
                let written = duration.to_string();
                let again = Duration::parse(&written);
                assert!(again.is_ok(), "`{text}` is written `{written}`: {again:?}");
            }
        }
        n @ 1..=4 => {
            let language = [Language::En, Language::Pl, Language::Ru, Language::Sl][n as usize - 1];
            if let Ok(schedule) = values::parse_schedule(&text, language) {
                for ranges in &schedule.days {
                    for pair in ranges.windows(2) {
                        assert!(pair[0].1 <= pair[1].0, "`{text}`: {ranges:?} overlap");
                    }
                    for &(start, end) in ranges {
                        assert!(start < end && end <= 2 * 1440, "`{text}`: {ranges:?}");
                    }
                }
            }
        }
        _ => {
            if let Some(date) = Date::parse(&text) {
                assert_eq!(Date::parse(&date.to_string()), Some(date), "`{text}`");
            }
            if let Some(version) = Version::parse(&text) {
                assert_eq!(
                    Version::parse(&version.to_string()),
                    Some(version),
                    "`{text}`"
                );
            }
            let slug = values::slugify(&text);
            values::is_valid_id(&slug);
        }
    }
}

/// `events`: the first byte picks CSV or JSON Lines, the rest is the file.
pub(crate) fn events(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    // An error is a file that cannot be read at all, which is an answer too.
    let _ = sok::measure::read_events(rest, which & 1 == 1);
}

/// `diff`: two bundles split at the first NUL byte → two editions → the diff in every
/// format and the change notice. An edition compared with itself has no changes.
pub(crate) fn diff(data: &[u8]) {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b""[..]),
    };
    let old = check(world(&String::from_utf8_lossy(old)));
    let new = check(world(&String::from_utf8_lossy(new)));
    let changes = diff::diff(&old.handbook, &new.handbook);
    diff::output::human(&changes, false);
    diff::output::markdown(&changes);
    diff::output::json(&changes);
    diff::change_notice(&changes, &new.handbook, Language::En);
    let same = diff::diff(&new.handbook, &new.handbook);
    assert!(same.is_empty(), "an edition differs from itself: {same:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_render_oracle_sees_script_in_html_and_not_in_text() {
        let mut found = Dangers::default();
        scan(
            "<p title='a>b'>onion = 3 &lt;script&gt; javascript:x</p>\
             <script>if (a<b) {}</script><a href=\" javascript&#58;x\" onClick=1>x</a>\
             <!-- <script> --><img src=x onerror=y>",
            &mut found,
        );
        assert_eq!((found.scripts, found.handlers, found.urls), (1, 2, 1));
    }
}
