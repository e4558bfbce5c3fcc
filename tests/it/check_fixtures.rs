//! One fixture handbook per diagnostic code, under `tests/fixtures/invalid/<code>/` (the code
//! without `sok::`, `::` written as `-`). Each is checked as a library, and its human and JSON
//! reports are snapshots; see `tests/README.md` for adding one.

use std::path::Path;

use sok::diagnostics::codes::{self, CODES};
use sok::diagnostics::emit;

use crate::common::{self, Report, check, fixture, redact_root, span_violation};

/// Codes that have no fixture directory, and why. Each is covered by a test named here.
const NO_FIXTURE: &[(&str, &str)] = &[
    (
        "sok::build::out_dir",
        "a usage error of `sok build --out`, not a property of a handbook directory \
         (covered by the build command's tests)",
    ),
    (
        "sok::build::template",
        "an error of a template override found while rendering, after the checks pass \
         (covered by `tests/it/cli_build.rs`)",
    ),
    (
        "sok::event::column_missing",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::duplicate_id",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::empty",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::malformed",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::no_schedule",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::number",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::order",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::timestamp",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::unknown_touchpoint",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::event::value_range",
        "a row of an events file; covered by tests/it/measure_*.rs",
    ),
    (
        "sok::io::read",
        "needs a file the operating system refuses to read, which git cannot store and root \
         can read anyway (covered by `io_read_*` below)",
    ),
];

/// The code a fixture directory is named after.
fn code_of(dir: &Path) -> &'static str {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
    CODES
        .iter()
        .find(|c| c.slug() == name)
        .unwrap_or_else(|| panic!("fixture `{name}` is not named after a diagnostic code"))
        .name
}

#[test]
fn every_code_has_a_fixture() {
    let mut missing = Vec::new();
    for code in CODES {
        let exempt = NO_FIXTURE.iter().any(|(name, _)| *name == code.name);
        let dir = fixture("invalid").join(code.slug());
        assert!(
            !(exempt && dir.exists()),
            "{} has a fixture; remove it from NO_FIXTURE",
            code.name
        );
        if !exempt && !dir.is_dir() {
            missing.push(format!(
                "{} → tests/fixtures/invalid/{}/",
                code.name,
                code.slug()
            ));
        }
    }
    for (name, _) in NO_FIXTURE {
        assert!(
            codes::find(name).is_some(),
            "NO_FIXTURE names unknown {name}"
        );
    }
    assert!(
        missing.is_empty(),
        "codes without a fixture handbook (see tests/README.md): {missing:#?}"
    );
}

#[test]
fn fixtures() {
    insta::glob!("../fixtures", "invalid/*", |dir| {
        let code = code_of(dir);
        assert!(dir.is_dir(), "{} is not a directory", dir.display());
        if code == codes::DISCOVER_NO_HANDBOOK.name {
            no_handbook(dir);
            return;
        }
        let report = check(dir);
        assert!(
            report.codes().contains(&code),
            "fixture for {code} reports {:?}",
            report.codes()
        );
        if let Some(violation) = span_violation(&report.diagnostics, &report.checked.sources) {
            panic!("{violation}");
        }
        assert_headers_match_positions(&report);
        insta::assert_snapshot!("human", report.human());
        insta::assert_snapshot!("json", report.json());
    });
}

/// A directory without `sok.toml` never reaches the diagnostics: `sok` stops with exit 2.
fn no_handbook(dir: &Path) {
    assert!(!dir.join("sok.toml").exists());
    let error = match sok::check_dir(dir) {
        Ok(_) => panic!("{} was checked as a handbook", dir.display()),
        Err(error) => error,
    };
    let fatal = error;
    assert_eq!(fatal.code, Some(codes::DISCOVER_NO_HANDBOOK.name));
    let text = format!(
        "error[{}]: {}\nhelp: {}\n",
        fatal.code.unwrap_or_default(),
        fatal.message,
        fatal.help.unwrap_or_default()
    );
    assert!(text.contains("sok.toml"), "{text}");
    insta::assert_snapshot!("human", redact_root(&text, dir));
}

/// miette's `[file:line:column]` header shows the same position as the JSON output, also on
/// lines with Polish or Cyrillic text before the span (columns count characters).
fn assert_headers_match_positions(report: &Report) {
    let human = report.human();
    for d in &report.diagnostics {
        if report.checked.sources.get(d.span.file).text.is_empty() {
            continue;
        }
        let at = emit::Position::of(d.span, &report.checked.sources);
        let header = format!("[{}:{}:{}]", at.file, at.line, at.column);
        assert!(
            human.contains(&header),
            "{}: expected {header} in\n{human}",
            d.code
        );
    }
}

/// Fixtures with front matter point at the line and column in the file, not in the block.
#[test]
fn front_matter_positions_are_absolute() {
    let cases = [
        // (fixture, file, line, column, the text the span covers)
        (
            "parse-toml",
            "standards/odbior-telefonu.md",
            5,
            26,
            "\"To nie mój dział]",
        ),
        (
            "ref-unknown",
            "standards/odbior-telefonu.md",
            3,
            9,
            "\"kierownik-zmainy\"",
        ),
        (
            "schema-wrong_type",
            "standards/phone-answer.md",
            4,
            15,
            "\"hotline\"",
        ),
        (
            "measure-bound",
            "standards/odbior-telefonu.md",
            5,
            1,
            "[measure]",
        ),
        (
            "schema-unknown_key",
            "owners/master-priemshchik.md",
            3,
            1,
            "tem",
        ),
        (
            "situation-escalation_order",
            "situations/opozdanie-na-to.md",
            12,
            9,
            "\"1 h\"",
        ),
    ];
    for (name, file, line, column, covered) in cases {
        let report = check(&fixture(&format!("invalid/{name}")));
        let d = &report.diagnostics[0];
        let at = emit::Position::of(d.span, &report.checked.sources);
        assert_eq!(
            (at.file.as_str(), at.line, at.column),
            (file, line, column),
            "{name}"
        );
        assert_eq!(report.checked.sources.slice(d.span), covered, "{name}");
    }
}

/// A directory in which one file cannot be read.
#[derive(Debug)]
struct Refusing {
    root: std::path::PathBuf,
    refused: &'static str,
}

impl sok::world::World for Refusing {
    fn read(&self, path: &str) -> std::io::Result<Vec<u8>> {
        if path == self.refused {
            Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
        } else {
            std::fs::read(self.root.join(path))
        }
    }
}

/// `sok::io::read` without a fixture: the loader reads through a `World` (the same code
/// reads a git revision), so a world that refuses one file stands in for an unreadable file.
#[test]
fn io_read_reported_for_a_file_the_reader_refuses() {
    let root = fixture("invalid/ref-unknown");
    let refused = "standards/odbior-telefonu.md";
    let (paths, strays) = sok::discover::walk(&root).unwrap();
    assert!(strays.is_empty());
    let world = Refusing { root, refused };
    let checked = sok::check_loaded(sok::load::load_from(paths, std::sync::Arc::new(world)));
    let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
    let found: Vec<_> = diagnostics
        .iter()
        .map(|d| (checked.sources.get(d.span.file).path.as_str(), d.code))
        .collect();
    assert_eq!(found, [(refused, codes::IO_READ.name)]);
    assert!(diagnostics[0].message.contains("permission denied"));
    insta::assert_snapshot!(emit::human(
        &diagnostics,
        &checked.sources,
        common::SNAPSHOT_STYLE
    ));
}

/// The same on disk, where the operating system refuses: a file with mode 000. Root (and any
/// process with CAP_DAC_OVERRIDE) reads such a file anyway; then the test says so and passes.
#[cfg(unix)]
#[test]
fn io_read_reported_for_a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;

    let temp = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&fixture("invalid/ref-unknown"), temp.path());
    let file = temp.path().join("standards/odbior-telefonu.md");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&file).is_ok() {
        eprintln!(
            "note: running with permission to read mode-000 files (root?); \
             `io_read_reported_for_a_file_the_reader_refuses` covers sok::io::read"
        );
        return;
    }
    let report = check(temp.path());
    assert_eq!(
        report.positions(),
        [(
            "standards/odbior-telefonu.md".to_string(),
            1,
            1,
            codes::IO_READ.name
        )]
    );
}
