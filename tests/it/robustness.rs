//! No input makes `sok check` panic, and every diagnostic it reports has a span that miette
//! can show: inside its file and on character boundaries.
//!
//! Inputs are written to temporary handbooks at test time: empty files in every role, binary
//! junk, invalid UTF-8, BOM and CRLF, very deep nesting, a 1 MB line, unterminated strings,
//! every field of every kind with a value of the wrong type, and a few hundred deterministic
//! byte mutations of `examples/sklep-kwiatek`.

use std::path::Path;

use sok::diagnostics::emit;
use tempfile::TempDir;

use crate::common::{Report, check, copy_dir, example, span_violation, write_files};

const SETTINGS: &str =
    "[handbook]\ntitle = \"Kwiaciarnia Róża\"\nlanguage = \"pl\"\nversion = \"1.0.0\"\n";
const OWNERS: &str = "[[owner]]\nid = \"kierownik-zmiany\"\nname = \"Kierownik zmiany\"\n";
const KIND_FOLDERS: [&str; 6] = [
    "journeys",
    "situations",
    "standards",
    "touchpoints",
    "owners",
    "chapters",
];

/// A temporary handbook with `files` written into it.
fn handbook(files: &[(&str, &[u8])]) -> TempDir {
    let temp = tempfile::tempdir().expect("temp dir");
    write_files(temp.path(), files);
    temp
}

/// Checks `dir`, asserts the spans are valid, and renders both formats (miette must not
/// fail or panic on any span either).
fn check_sound(dir: &Path) -> Report {
    let report = check(dir);
    if let Some(violation) = span_violation(&report.diagnostics, &report.checked.sources) {
        panic!("{violation}");
    }
    let human = report.human();
    assert!(
        report.diagnostics.is_empty() || human.contains(" in "),
        "no summary line in\n{human}"
    );
    let json: serde_json::Value = serde_json::from_str(&report.json()).expect("valid JSON");
    assert_eq!(
        json.as_array().map(Vec::len),
        Some(report.diagnostics.len())
    );
    report
}

fn has(report: &Report, file: &str, code: &str) -> bool {
    report
        .positions()
        .iter()
        .any(|(f, _, _, c)| f == file && *c == code)
}

#[test]
fn empty_files_in_every_role() {
    let mut files: Vec<(String, &[u8])> = vec![
        ("sok.toml".into(), b""),
        ("owners.toml".into(), b""),
        ("team/people.toml".into(), b""),
    ];
    for folder in KIND_FOLDERS {
        files.push((format!("{folder}/empty.md"), b""));
        if folder != "chapters" {
            files.push((format!("{folder}/empty.toml"), b""));
        }
    }
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, c)| (p.as_str(), *c)).collect();
    let temp = handbook(&files);
    let report = check_sound(temp.path());
    // An empty sok.toml lacks `[handbook]`; an empty .md lacks front matter.
    assert!(has(&report, "sok.toml", "sok::schema::missing_field"));
    for folder in KIND_FOLDERS {
        let md = format!("{folder}/empty.md");
        assert!(has(&report, &md, "sok::parse::front_matter"), "{md}");
    }
    // An empty entity file misses its required fields (a chapter only has `title`).
    assert!(has(
        &report,
        "standards/empty.toml",
        "sok::schema::missing_field"
    ));
    // An empty collection is a valid (empty) collection.
    assert!(!report.positions().iter().any(|(f, ..)| f == "owners.toml"));
}

#[test]
fn junk_nul_and_invalid_utf8() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let nul = vec![0u8; 4096];
    let cp1250 = b"+++\ntitle = \"Odbi\xf3r telefonu w ci\xb9gu 2 minut\"\nowner = \"kierownik-zmiany\"\n+++\n";
    let temp = handbook(&[
        ("sok.toml", SETTINGS.as_bytes()),
        ("owners.toml", OWNERS.as_bytes()),
        ("standards/junk.md", &junk),
        ("standards/junk.toml", &junk),
        ("standards/nul.md", &nul),
        ("nul.toml", &nul),
        ("standards/odbior.md", cp1250),
        (
            "chapters/nul-in-body.md",
            b"+++\ntitle = \"A\"\n+++\nText\0with NUL\n",
        ),
    ]);
    let report = check_sound(temp.path());
    assert!(has(&report, "standards/odbior.md", "sok::io::encoding"));
    assert!(has(&report, "standards/nul.md", "sok::parse::front_matter"));
    assert!(has(&report, "nul.toml", "sok::parse::toml"));
    // The file name is in the human report even though the file has no text to show.
    assert!(
        report
            .human()
            .contains("standards/odbior.md: file is not valid UTF-8")
    );
}

/// A file name in Windows-1250 (`odbiór.md` unpacked from an old zip) cannot be opened again
/// under its lossy UTF-8 name; it is reported as such, not as "not found" (regression).
#[cfg(target_os = "linux")]
#[test]
fn non_utf8_file_name() {
    use std::os::unix::ffi::OsStrExt;

    let temp = handbook(&[
        ("sok.toml", SETTINGS.as_bytes()),
        ("owners.toml", OWNERS.as_bytes()),
    ]);
    let name = std::ffi::OsStr::from_bytes(b"odbi\xf3r.md");
    let dir = temp.path().join("standards");
    std::fs::create_dir_all(&dir).expect("create dir");
    std::fs::write(dir.join(name), b"+++\ntitle = \"x\"\n+++\n").expect("write");
    let report = check_sound(temp.path());
    assert_eq!(
        report.positions(),
        [(
            "standards/odbi\u{fffd}r.md".to_string(),
            1,
            1,
            "sok::discover::stray_file"
        )]
    );
    assert_eq!(
        report.diagnostics[0].message,
        "file name is not valid UTF-8"
    );
}

/// A BOM and CRLF line endings check clean, and lines and columns stay right.
#[test]
fn bom_and_crlf_handbook() {
    let crlf = |text: &str| {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(text.replace('\n', "\r\n").into_bytes());
        bytes
    };
    let standard = "+++\ntitle = \"Odbieramy telefon w ciągu 2 minut\"\nowner = \"kierownik-zmiany\"\n+++\n\nW każdym miesiącu 90% połączeń odbiera konsultant.\n";
    let temp = handbook(&[
        ("sok.toml", &crlf(SETTINGS)),
        ("owners.toml", &crlf(OWNERS)),
        ("standards/odbior.md", &crlf(standard)),
    ]);
    let report = check_sound(temp.path());
    assert_eq!(report.positions(), []);

    let broken = standard.replace("kierownik-zmiany", "kierownik-zmainy");
    write_files(temp.path(), &[("standards/odbior.md", &crlf(&broken))]);
    let report = check_sound(temp.path());
    assert_eq!(
        report.positions(),
        [("standards/odbior.md".to_string(), 3, 9, "sok::ref::unknown")]
    );
    let d = &report.diagnostics[0];
    assert_eq!(report.checked.sources.slice(d.span), "\"kierownik-zmainy\"");
    let at = emit::Position::of(d.span, &report.checked.sources);
    assert_eq!((at.end_line, at.end_column), (3, 27));
}

/// The whole Polish example, saved with a BOM and CRLF by a Windows editor, is still clean.
#[test]
fn example_with_bom_and_crlf_is_clean() {
    let temp = tempfile::tempdir().expect("temp dir");
    copy_dir(&example("sklep-kwiatek"), temp.path());
    for entry in walkdir::WalkDir::new(temp.path()) {
        let entry = entry.expect("entry");
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md" || e == "toml") {
            let text = std::fs::read_to_string(path).expect("UTF-8 example");
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(text.replace('\n', "\r\n").into_bytes());
            std::fs::write(path, bytes).expect("write");
        }
    }
    let report = check_sound(temp.path());
    assert_eq!(report.positions(), []);
}

#[test]
fn deep_nesting_in_every_role() {
    let depth = 10_000;
    let arrays = format!("x = {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let tables = format!("x = {}{}\n", "{ a = ".repeat(depth), "}".repeat(depth));
    let mixed = format!(
        "x = {}1{}\n",
        "[{ a = ".repeat(depth / 2),
        "}]".repeat(depth / 2)
    );
    for nested in [&arrays, &tables, &mixed] {
        let front_matter = format!("+++\n{nested}+++\nBody\n");
        let temp = handbook(&[
            ("sok.toml", format!("{SETTINGS}{nested}").as_bytes()),
            ("owners.toml", nested.as_bytes()),
            ("standards/deep.toml", nested.as_bytes()),
            ("standards/deep.md", front_matter.as_bytes()),
        ]);
        let report = check_sound(temp.path());
        for file in [
            "sok.toml",
            "owners.toml",
            "standards/deep.toml",
            "standards/deep.md",
        ] {
            assert!(
                report.positions().iter().any(|(f, ..)| f == file),
                "{file}: nothing reported for {}…",
                &nested[..20]
            );
        }
    }
}

#[test]
fn one_megabyte_line() {
    let long = "ż".repeat(512 * 1024);
    let body = format!("+++\ntitle = \"Długi\"\nowner = \"kierownik-zmiany\"\n+++\n{long}\n");
    let title = format!("title = \"{long}\"\nowner = \"kierownik-zmiany\"\n");
    let junk = format!("+++\ntitle = {long}\n+++\n");
    let temp = handbook(&[
        ("sok.toml", SETTINGS.as_bytes()),
        ("owners.toml", OWNERS.as_bytes()),
        ("standards/long-body.md", body.as_bytes()),
        ("standards/long-title.toml", title.as_bytes()),
        ("standards/long-junk.md", junk.as_bytes()),
    ]);
    let report = check_sound(temp.path());
    assert_eq!(
        report.positions(),
        [(
            "standards/long-junk.md".to_string(),
            2,
            9,
            "sok::parse::toml"
        )]
    );
}

#[test]
fn fences_and_unterminated_strings() {
    let temp = handbook(&[
        ("sok.toml", SETTINGS.as_bytes()),
        ("owners.toml", OWNERS.as_bytes()),
        ("standards/only-fence.md", b"+++"),
        ("standards/only-fence-newline.md", b"+++\n"),
        ("standards/two-fences.md", b"+++\n+++"),
        ("standards/fence-crlf.md", b"+++\r\n+++\r\n"),
        (
            "standards/unterminated.md",
            "+++\ntitle = \"Odbieramy telefon\nowner = \"a\"\n+++\n".as_bytes(),
        ),
        (
            "standards/unterminated-multi.md",
            "+++\ntitle = \"\"\"Odbieramy\n+++\nTekst\n".as_bytes(),
        ),
        ("standards/unterminated-literal.toml", b"title = 'abc\n"),
        (
            "standards/unterminated-eof.toml",
            "title = \"Żółć".as_bytes(),
        ),
        (
            "standards/unterminated-table.toml",
            b"title = \"x\"\n[measure\n",
        ),
        (
            "owners/unterminated-array.toml",
            b"name = \"x\"\ntags = [\"a\", \n",
        ),
        (
            "situations/unterminated-inline.toml",
            b"name = { a = \"x\"\n",
        ),
    ]);
    let report = check_sound(temp.path());
    for file in ["standards/only-fence.md", "standards/only-fence-newline.md"] {
        assert!(has(&report, file, "sok::parse::front_matter"), "{file}");
    }
    for file in [
        "standards/unterminated.md",
        "standards/unterminated-literal.toml",
        "standards/unterminated-eof.toml",
        "standards/unterminated-table.toml",
        "owners/unterminated-array.toml",
        "situations/unterminated-inline.toml",
    ] {
        assert!(has(&report, file, "sok::parse::toml"), "{file}");
    }
    // Empty front matter is valid TOML: the standard then misses its fields.
    assert!(has(
        &report,
        "standards/two-fences.md",
        "sok::schema::missing_field"
    ));
}

/// The TOML types a field accepts.
#[derive(Clone, Copy, PartialEq)]
enum Accepts {
    String,
    Strings,
    Table,
    Tables,
    Date,
    Bool,
    Integer,
    Number,
    /// `max`/`min`: a duration string or a number, depending on the metric.
    Bound,
}

use Accepts as A;

const ENTITY: &[(&str, Accepts)] = &[("id", A::String), ("tags", A::Strings), ("lint", A::Table)];

/// Every field of every kind (FORMAT.md §5), by kind folder.
fn fields(folder: &str) -> Vec<(&'static str, Accepts)> {
    let own: &[(&str, Accepts)] = match folder {
        "owners" => &[
            ("name", A::String),
            ("team", A::String),
            ("person", A::String),
            ("contact", A::String),
            ("reports_to", A::String),
            ("description", A::String),
        ],
        "touchpoints" => &[
            ("name", A::String),
            ("channel", A::String),
            ("owner", A::String),
            ("hours", A::String),
            ("description", A::String),
        ],
        "journeys" => &[
            ("name", A::String),
            ("owner", A::String),
            ("description", A::String),
            ("stages", A::Strings),
            ("step", A::Tables),
        ],
        "situations" => &[
            ("name", A::String),
            ("trigger", A::String),
            ("touchpoints", A::Strings),
            ("owner", A::String),
            ("severity", A::String),
            ("respond_within", A::String),
            ("say", A::Strings),
            ("never_say", A::Strings),
            ("escalation", A::Tables),
            ("procedure", A::String),
        ],
        "standards" => &[
            ("title", A::String),
            ("owner", A::String),
            ("status", A::String),
            ("touchpoints", A::Strings),
            ("steps", A::Strings),
            ("situations", A::Strings),
            ("say", A::Strings),
            ("never_say", A::Strings),
            ("review_every", A::String),
            ("last_reviewed", A::Date),
            ("text", A::String),
            ("measure", A::Table),
        ],
        "chapters" => &[("title", A::String), ("order", A::Integer)],
        _ => unreachable!(),
    };
    ENTITY.iter().chain(own).copied().collect()
}

const STEP: &[(&str, Accepts)] = &[
    ("id", A::String),
    ("name", A::String),
    ("stage", A::String),
    ("owner", A::String),
    ("touchpoints", A::Strings),
    ("standards", A::Strings),
    ("instruction", A::String),
    ("tags", A::Strings),
    ("lint", A::Table),
];
const ESCALATION: &[(&str, Accepts)] = &[("after", A::String), ("to", A::String)];
const MEASURE: &[(&str, Accepts)] = &[
    ("metric", A::String),
    ("max", A::Bound),
    ("min", A::Bound),
    ("share", A::Number),
    ("period", A::String),
    ("hours", A::String),
    ("unit", A::String),
];
const TERM: &[(&str, Accepts)] = &[
    ("id", A::String),
    ("term", A::String),
    ("definition", A::String),
    ("aka", A::Strings),
    ("ambiguous", A::Bool),
    ("not", A::String),
];
const PRINCIPLE: &[(&str, Accepts)] =
    &[("id", A::String), ("title", A::String), ("text", A::String)];
const HANDBOOK: &[(&str, Accepts)] = &[
    ("title", A::String),
    ("organization", A::String),
    ("language", A::String),
    ("version", A::String),
    ("effective", A::Date),
    ("owner", A::String),
    ("review_every", A::String),
    ("last_reviewed", A::Date),
];

const SETTINGS_TABLES: &[(&str, &[(&str, Accepts)])] = &[
    ("[handbook]\n", HANDBOOK),
    (
        "[journey]\n",
        &[("stages", A::Strings), ("stage_names", A::Table)],
    ),
    (
        "[lint]\n",
        &[
            ("max_sentence_words", A::Integer),
            ("extra_vague_phrases", A::Strings),
            ("\"vague-wording\"", A::String),
        ],
    ),
    ("[build]\n", &[("out", A::String)]),
];

/// A TOML value, and whether a field that accepts `accepts` must report it.
struct WrongValue {
    toml: &'static str,
    is_wrong_for: fn(Accepts) -> bool,
}

const VALUES: &[WrongValue] = &[
    WrongValue {
        toml: "42",
        is_wrong_for: |a| !matches!(a, A::Integer | A::Number | A::Bound),
    },
    WrongValue {
        toml: "-1.5e3",
        is_wrong_for: |a| !matches!(a, A::Number | A::Bound),
    },
    WrongValue {
        toml: "true",
        is_wrong_for: |a| a != A::Bool,
    },
    WrongValue {
        toml: "\"słowo\"",
        is_wrong_for: |a| !matches!(a, A::String | A::Bound),
    },
    WrongValue {
        toml: "[1, \"a\", { b = 2 }]",
        is_wrong_for: |a| a != A::Bound,
    },
    WrongValue {
        toml: "{ \"ключ\" = 1 }",
        is_wrong_for: |a| !matches!(a, A::Table | A::Bound),
    },
    WrongValue {
        toml: "1979-05-27T07:32:00Z",
        is_wrong_for: |a| a != A::Bound,
    },
    WrongValue {
        toml: "1979-05-27",
        is_wrong_for: |a| !matches!(a, A::Date | A::Bound),
    },
];

/// A file's path, its contents, and the lines (with their keys) that must be reported.
type GeneratedFile = (String, String, Vec<(usize, &'static str)>);

/// Lines `key = value`, and the 1-based line numbers (from `first_line`) of the keys that
/// must be reported.
fn assignments(
    fields: &[(&'static str, Accepts)],
    value: &WrongValue,
    first_line: usize,
) -> (String, Vec<(usize, &'static str)>) {
    let mut text = String::new();
    let mut wrong = Vec::new();
    for (i, (key, accepts)) in fields.iter().enumerate() {
        text.push_str(&format!("{key} = {}\n", value.toml));
        // A bound's type depends on the metric, which is itself wrong here.
        if *accepts != A::Bound && (value.is_wrong_for)(*accepts) {
            wrong.push((first_line + i, *key));
        }
    }
    (text, wrong)
}

#[test]
fn every_field_of_every_kind_with_the_wrong_type() {
    for value in VALUES {
        let mut files: Vec<GeneratedFile> = Vec::new();
        for folder in KIND_FOLDERS {
            let fields = fields(folder);
            let (toml, wrong) = assignments(&fields, value, 2);
            files.push((
                format!("{folder}/wrong.md"),
                format!("+++\n{toml}+++\n"),
                wrong,
            ));
            if folder != "chapters" {
                let (toml, wrong) = assignments(&fields, value, 1);
                files.push((format!("{folder}/wrong.toml"), toml, wrong));
            }
        }
        let nested = [
            (
                "journeys/nested.toml",
                "name = \"Ścieżka\"\n\n[[step]]\n",
                STEP,
            ),
            (
                "situations/nested.toml",
                "name = \"Sytuacja\"\nowner = \"kierownik-zmiany\"\n\n[[escalation]]\n",
                ESCALATION,
            ),
            (
                "standards/nested.toml",
                "title = \"Standard\"\nowner = \"kierownik-zmiany\"\n\n[measure]\n",
                MEASURE,
            ),
            ("glossary.toml", "[[term]]\n", TERM),
            ("principles.toml", "[[principle]]\n", PRINCIPLE),
        ];
        for (path, head, fields) in nested {
            let first = head.lines().count() + 1;
            let (toml, wrong) = assignments(fields, value, first);
            files.push((path.to_string(), format!("{head}{toml}"), wrong));
        }
        // sok.toml: every table of the settings in one file.
        let mut settings = String::new();
        let mut wrong_settings = Vec::new();
        for (head, fields) in SETTINGS_TABLES {
            settings.push_str(head);
            let first = settings.lines().count() + 1;
            let (toml, wrong) = assignments(fields, value, first);
            settings.push_str(&toml);
            wrong_settings.extend(wrong);
        }
        files.push(("sok.toml".into(), settings, wrong_settings));
        files.push(("owners.toml".into(), OWNERS.into(), Vec::new()));
        let written: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(p, c, _)| (p.as_str(), c.as_bytes()))
            .collect();
        let temp = handbook(&written);
        let report = check_sound(temp.path());
        let reported = report.positions();
        let mut unreported = Vec::new();
        for (path, _, wrong) in &files {
            for (line, key) in wrong {
                if !reported.iter().any(|(f, l, ..)| f == path && l == line) {
                    unreported.push(format!("{path}:{line} `{key}`"));
                }
            }
        }
        assert!(
            unreported.is_empty(),
            "`{}` not reported in: {unreported:#?}",
            value.toml
        );
    }
}

/// A tiny linear congruential generator (Knuth's MMIX constants): deterministic, no crates.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that matter to TOML, front matter and UTF-8.
const INTERESTING: &[u8] = b"\"'[]{}=+#\n\r\t\\.,-0 \x00\xc5\xbc\xd0\xff\xef\xbb\xbf";

fn mutate(bytes: &mut Vec<u8>, rng: &mut Lcg) -> String {
    let at = rng.below(bytes.len() + 1);
    match rng.below(6) {
        0 if at < bytes.len() => {
            let byte = INTERESTING[rng.below(INTERESTING.len())];
            bytes[at] = byte;
            format!("set {at} to {byte:#04x}")
        }
        1 => {
            let byte = INTERESTING[rng.below(INTERESTING.len())];
            bytes.insert(at, byte);
            format!("insert {byte:#04x} at {at}")
        }
        2 if at < bytes.len() => {
            let len = rng.below(16).min(bytes.len() - at);
            bytes.drain(at..at + len);
            format!("delete {len} at {at}")
        }
        3 if at < bytes.len() => {
            bytes[at] ^= 1 << rng.below(8);
            format!("flip a bit at {at}")
        }
        4 => {
            let from = rng.below(bytes.len());
            let len = rng.below(64).min(bytes.len() - from);
            let chunk: Vec<u8> = bytes[from..from + len].to_vec();
            bytes.splice(at..at, chunk);
            format!("copy {len} from {from} to {at}")
        }
        _ => {
            bytes.truncate(at);
            format!("truncate at {at}")
        }
    }
}

#[test]
fn mutated_example_never_panics_and_spans_stay_valid() {
    // `SOK_MUTANTS=100000 cargo test --release --test it robustness::mutated` hunts further.
    let mutants: usize = std::env::var("SOK_MUTANTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let temp = tempfile::tempdir().expect("temp dir");
    copy_dir(&example("sklep-kwiatek"), temp.path());
    let mut files: Vec<(std::path::PathBuf, Vec<u8>)> = walkdir::WalkDir::new(temp.path())
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("read");
            (e.path().to_path_buf(), bytes)
        })
        .collect();
    files.retain(|(p, _)| p.extension().is_some_and(|e| e == "md" || e == "toml"));
    assert!(files.len() > 30);
    let mut rng = Lcg(0x0005_eed0_f50c);
    let mut reported = 0;
    for mutant in 0..mutants {
        let (path, original) = &files[rng.below(files.len())];
        let mut bytes = original.clone();
        let changes: Vec<String> = (0..1 + rng.below(4))
            .map(|_| mutate(&mut bytes, &mut rng))
            .collect();
        std::fs::write(path, &bytes).expect("write mutant");
        let name = path.strip_prefix(temp.path()).unwrap_or(path).display();
        let outcome = std::panic::catch_unwind(|| check_sound(temp.path()).diagnostics.len());
        match outcome {
            Ok(n) => reported += usize::from(n > 0),
            Err(_) => panic!("mutant {mutant} of {name} ({}) failed", changes.join(", ")),
        }
        std::fs::write(path, original).expect("restore");
    }
    // Most mutants break something; a mutation test that finds nothing tests nothing.
    assert!(reported > mutants / 2, "only {reported} mutants reported");
}
