//! The outputs of `sok measure` from a hand-made report (`tests/fixtures/measure/`): the
//! terminal, Markdown and the standalone HTML page in a Polish handbook (examples/
//! sklep-kwiatek) and an English one (the `sok init` starter), the chart against its table,
//! and `sok build --measurements REPORT.json`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::{example, fixture, repo_path};
use sok::measure::Report;
use sok::measure::output;

/// A report fixture and the handbook it was made for, checked, with its theme.
struct Case {
    report: Report,
    checked: sok::Checked,
    theme: sok::render::Theme,
}

fn case(report: &str, handbook: PathBuf) -> Case {
    let report = output::load::read(&fixture(&format!("measure/{report}"))).expect("a report");
    let checked = sok::check_dir(&handbook).expect("a handbook");
    assert!(!checked.diagnostics.has_errors(), "{}", handbook.display());
    let theme = sok::render::Theme::load(&checked).expect("a theme");
    Case {
        report,
        checked,
        theme,
    }
}

/// Polish: examples/sklep-kwiatek with `report.json`.
fn polish() -> Case {
    case("report.json", example("sklep-kwiatek"))
}

/// English: the starter of `sok init --language en` with `report-en.json`, which also holds
/// a standard the handbook does not have.
fn english() -> Case {
    case("report-en.json", repo_path("templates/init/en"))
}

impl Case {
    fn human(&self, color: bool) -> String {
        output::human(
            &self.report,
            &self.checked.handbook,
            &self.theme.catalog,
            color,
        )
    }

    fn markdown(&self) -> String {
        output::markdown(&self.report, &self.checked.handbook, &self.theme.catalog)
    }

    fn html(&self) -> String {
        output::html(&self.report, &self.checked, &self.theme).expect("renders")
    }
}

/// The page without its embedded stylesheet (the site's sok.css, snapshotted elsewhere).
fn without_style(html: &str) -> String {
    let start = html.find("<style>").expect("a style element") + "<style>".len();
    let end = html.find("</style>").expect("its end");
    format!("{}…{}", &html[..start], &html[end..])
}

#[test]
fn human_polish() {
    insta::assert_snapshot!(polish().human(false));
}

#[test]
fn human_english() {
    insta::assert_snapshot!(english().human(false));
}

#[test]
fn markdown_polish() {
    insta::assert_snapshot!(polish().markdown());
}

#[test]
fn markdown_english() {
    insta::assert_snapshot!(english().markdown());
}

#[test]
fn html_polish() {
    insta::assert_snapshot!(without_style(&polish().html()));
}

#[test]
fn html_english() {
    insta::assert_snapshot!(without_style(&english().html()));
}

#[test]
fn results_chapter_polish() {
    let c = polish();
    let chapter = output::results_chapter(&c.report, &c.checked, &c.theme.catalog);
    assert_eq!(chapter.id, "results");
    insta::assert_snapshot!(format!("# {}\n\n{}", chapter.title, chapter.markdown));
}

#[test]
fn colour_only_when_asked() {
    let c = polish();
    let plain = c.human(false);
    assert!(!plain.contains('\x1b'), "{plain}");
    let coloured = c.human(true);
    assert!(coloured.contains("\x1b[31m✗ niespełniony"), "{coloured}");
    assert!(coloured.contains("\x1b[32m✓ spełniony"), "{coloured}");
    let stripped = coloured
        .replace("\x1b[31m", "")
        .replace("\x1b[32m", "")
        .replace("\x1b[1m", "")
        .replace("\x1b[0m", "");
    assert_eq!(stripped, plain, "colour changes nothing but the colour");
}

#[test]
fn missed_standards_and_their_owners_come_first() {
    let human = polish().human(false);
    let at = |name: &str| {
        human
            .find(&format!("\n{name}\n"))
            .unwrap_or_else(|| panic!("{name}"))
    };
    let (cx, shift) = (
        at("Kierownik ds. doświadczeń klienta"),
        at("Kierownik zmiany BOK"),
    );
    let (florist, logistics) = (at("Starszy florysta"), at("Kierownik logistyki"));
    assert!(cx < shift, "the handbook's order among owners who missed");
    assert!(
        florist < logistics,
        "an owner who missed before one who did not, whatever the handbook's order"
    );
    let table = &human[shift..];
    let missed = table.find("phone-abandonment").unwrap();
    let held = table.find("fcr-hotline").unwrap();
    assert!(missed < held, "{table}");
}

/// The same figures for the eye and for the ear: each bar's title in a chart says what its
/// period's row of the table beside it says.
#[test]
fn the_table_holds_the_figures_of_the_chart() {
    for c in [polish(), english()] {
        let html = c.html();
        let mut charts = 0;
        for article in html.split("<article ").skip(1) {
            let Some(svg_at) = article.find("<svg") else {
                continue;
            };
            charts += 1;
            let svg = &article[svg_at..article.find("</svg>").unwrap()];
            let bars: Vec<String> = svg
                .split("<title>")
                .skip(1)
                .map(|t| t[..t.find("</title>").unwrap()].to_string())
                .collect();
            let table_at = article.find("-periods\">").expect("a period table");
            let table = &article[table_at..];
            let table = &table[..table.find("</table>").unwrap()];
            let rows: Vec<String> = table
                .split("<tr><th scope=\"row\">")
                .skip(1)
                .map(|row| {
                    let period = &row[..row.find("</th>").unwrap()];
                    let cell = row.split("<td class=\"num\"").nth(1).unwrap();
                    let cell = &cell[cell.find('>').unwrap() + 1..];
                    format!("{period}: {}", &cell[..cell.find("</td>").unwrap()])
                })
                .collect();
            assert_eq!(bars, rows, "{svg}");
        }
        assert!(charts >= 5, "{charts} charts");
    }
}

/// With `SOK_WRITE_REPORTS=DIR`, the pages are also written to `DIR/report-{pl,en}.html`,
/// for .ci/check-examples to check like the site (Nu checker, axe-core, lychee).
#[test]
fn the_page_is_one_file_in_the_handbooks_language() {
    if let Some(dir) = std::env::var_os("SOK_WRITE_REPORTS") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("report-pl.html"), polish().html()).unwrap();
        std::fs::write(dir.join("report-en.html"), english().html()).unwrap();
    }
    let html = polish().html();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">"));
    assert!(
        html.contains("--brand:"),
        "the site's stylesheet is embedded"
    );
    assert!(!html.contains("<link"), "nothing to fetch");
    assert!(!html.contains("<script"), "no script");
    assert!(html.contains("role=\"img\" aria-labelledby=\"standard-phone-answer-chart-title "));
    assert!(html.contains("październik 2026"));
    assert!(html.contains("86,4%"));
}

// `sok build --measurements`

fn sok() -> Command {
    Command::cargo_bin("sok").expect("the sok binary")
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn build_adds_the_results_chapter_to_the_site_print_and_handbook_md() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("out");
    let assert = sok()
        .arg("build")
        .arg(example("sklep-kwiatek"))
        .arg("--out")
        .arg(&out)
        .arg("--measurements")
        .arg(fixture("measure/report.json"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.is_empty(), "{stderr}");
    let page = read(&out, "html/results.html");
    assert!(page.contains("<h1>Wyniki standardów</h1>"), "{page}");
    assert!(
        page.contains(
            "<a href=\"standards/phone-answer.html\">Odbieramy telefon w ciągu 2 minut</a>"
        ),
        "{page}"
    );
    assert!(page.contains("86,4%"), "{page}");
    assert!(page.contains("aria-current=\"page\">Wyniki standardów</a>"));
    assert!(read(&out, "html/index.html").contains("href=\"results.html\""));
    assert!(read(&out, "html/print.html").contains("id=\"section-results\""));
    let md = read(&out, "handbook.md");
    assert!(
        md.contains("# Wyniki standardów {#section-results}"),
        "{md}"
    );
    assert!(
        md.contains("[Odbieramy telefon w ciągu 2 minut](#standard-phone-answer)"),
        "{md}"
    );
    assert!(read(&out, "html/search-index.js").contains("results.html"));
}

#[test]
fn build_adds_both_extra_chapters() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("out");
    sok()
        .arg("build")
        .arg(example("sklep-kwiatek"))
        .arg("--out")
        .arg(&out)
        .arg("--changes-since")
        .arg(example("sklep-kwiatek"))
        .arg("--measurements")
        .arg(fixture("measure/report.json"))
        .assert()
        .success();
    let index = read(&out, "html/index.html");
    let changes = index.find("href=\"changes.html\"").expect("the notice");
    let results = index.find("href=\"results.html\"").expect("the results");
    assert!(changes < results);
    let md = read(&out, "handbook.md");
    assert!(md.contains("{#section-changes}") && md.contains("{#section-results}"));
}

#[test]
fn a_report_of_another_handbook_is_built_with_a_warning() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("out");
    let assert = sok()
        .arg("build")
        .arg(example("sklep-kwiatek"))
        .arg("--out")
        .arg(&out)
        .arg("--measurements")
        .arg(fixture("measure/report-en.json"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(
        stderr,
        "warning: the measurements report was made for the handbook “Customer service \
         standards”, not “Standardy obsługi klienta — Kwiatek”; its results are added all the \
         same\n"
    );
    assert!(out.join("html/results.html").is_file());
}

#[test]
fn a_report_that_cannot_be_read_stops_the_build_with_exit_2() {
    let temp = tempfile::tempdir().unwrap();
    let broken = temp.path().join("broken.json");
    std::fs::write(&broken, "{\n  \"schema\": 1,\n  \"as_of\": 2026\n}\n").unwrap();
    let cases = [
        (
            broken.clone(),
            "is not a report of `sok measure`: invalid type: integer `2026`, expected a string at line 3 column 15",
        ),
        (
            temp.path().join("missing.json"),
            "cannot read the measurements report",
        ),
    ];
    for (path, expected) in cases {
        let out = temp.path().join("out");
        let assert = sok()
            .arg("build")
            .arg(example("sklep-kwiatek"))
            .arg("--out")
            .arg(&out)
            .arg("--measurements")
            .arg(&path)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        assert!(stderr.contains(expected), "{stderr}");
        assert!(
            stderr.contains("help: give the file that `sok measure --format json"),
            "{stderr}"
        );
        assert!(!out.exists(), "nothing is written");
    }
}
