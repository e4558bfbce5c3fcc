//! The site's reading aids, on built pages: tags and the tag index, previous / next links in
//! reading order, heading anchors, the in-page contents list, the review banner, the edit
//! link, the phone navigation and the printed table of contents.

use std::path::{Path, PathBuf};

use crate::common;

/// Builds `dir` into a fresh `site` folder; the temporary directory must outlive the paths.
fn built(dir: &Path) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    let (code, _, stderr) = common::sok(&[
        "build",
        &dir.to_string_lossy(),
        "--out",
        &site.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    (out, site)
}

fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The href of the first `<a … rel="{rel}" href="…">` of a page.
fn rel_href(html: &str, rel: &str) -> Option<String> {
    let at = html.find(&format!("rel=\"{rel}\" href=\""))?;
    let rest = &html[at + rel.len() + 13..];
    Some(rest[..rest.find('"')?].to_string())
}

/// `href` (relative to the page `from`) as a path under `html/`.
fn resolve(from: &str, href: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('#').next().unwrap_or("").split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[test]
fn tags_link_to_the_tag_index() {
    let (_tmp, site) = built(&common::example("sklep-kwiatek"));
    let index = read(&site, "html/tags.html");
    assert!(index.contains("<h1>Tagi</h1>"), "{index}");
    assert!(index.contains(
        "<a class=\"tag\" href=\"tags/reklamacja.html\">reklamacja <span class=\"tag__count\">(3)</span></a>"
    ));
    // The index lists tags only; each tag's entities are on its own page.
    assert!(!index.contains("situations/damaged-flowers.html"));
    let tag = read(&site, "html/tags/reklamacja.html");
    assert!(tag.contains("<h1>reklamacja <span class=\"tag-group__count\">(3)</span></h1>"));
    assert!(tag.contains("<a href=\"../situations/damaged-flowers.html\">"));
    assert!(tag.contains("<a href=\"../tags.html\">Wszystkie tagi</a>"));
    let standard = read(&site, "html/standards/call-quality.html");
    assert!(standard.contains(
        "<dt>Tagi</dt><dd><ul class=\"tag-list\"><li><a class=\"tag\" href=\"../tags/infolinia.html\">infolinia</a></li>"
    ));
    // Every tag link names a tag page of the index, and the page lists the entity back.
    for (page, href) in [
        (
            "html/standards/call-quality.html",
            "../standards/call-quality.html",
        ),
        (
            "html/situations/damaged-flowers.html",
            "../situations/damaged-flowers.html",
        ),
    ] {
        let html = read(&site, page);
        for part in html.split("href=\"../tags/").skip(1) {
            let file = &part[..part.find('"').unwrap()];
            assert!(
                index.contains(&format!("href=\"tags/{file}\"")),
                "{page}: {file}"
            );
            let tag = read(&site, &format!("html/tags/{file}"));
            assert!(
                tag.contains(&format!("<a href=\"{href}\">")),
                "{file}: {href}"
            );
        }
    }
    let catalogue = read(&site, "html/standards/index.html");
    assert!(catalogue.contains("<a href=\"../tags.html\">Wszystkie tagi</a>"));
    let print = read(&site, "html/print.html");
    assert!(print.contains("<span class=\"tag\">infolinia</span>"));
    assert!(!print.contains("tags.html") && !print.contains("tags/"));
    let md = read(&site, "handbook.md");
    assert!(
        md.contains("- **Tagi:** infolinia, kontrola jakości\n"),
        "tags in handbook.md"
    );
}

#[test]
fn a_handbook_without_tags_has_no_tag_index() {
    let (_tmp, site) = built(&common::fixture("build/small"));
    assert!(!site.join("html/tags.html").exists());
    assert!(!read(&site, "html/standards/index.html").contains("tags.html"));
}

/// Following "next" from the title page visits every page of the navigation's order, and
/// "previous" leads back the same way.
#[test]
fn previous_and_next_follow_the_reading_order() {
    let (_tmp, site) = built(&common::example("sklep-kwiatek"));
    let mut page = "index.html".to_string();
    let mut seen = vec![page.clone()];
    while let Some(href) = rel_href(&read(&site, &format!("html/{page}")), "next") {
        let next = resolve(&page, &href);
        let back = rel_href(&read(&site, &format!("html/{next}")), "prev").expect("a prev link");
        assert_eq!(resolve(&next, &back), page, "{next} leads back elsewhere");
        assert!(!seen.contains(&next), "{next} twice");
        seen.push(next.clone());
        page = next;
        assert!(seen.len() < 500);
    }
    let pos = |p: &str| {
        seen.iter()
            .position(|s| s == p)
            .unwrap_or_else(|| panic!("{p}"))
    };
    assert!(pos("glossary.html") < pos("chapters/01-postanowienia-ogolne.html"));
    assert!(pos("standards/index.html") < pos("standards/call-quality.html"));
    assert!(pos("standards/call-quality.html") < pos("owners/index.html"));
    assert!(pos("owners/index.html") < pos("chapters/02-wyglad-i-zachowanie.html"));
    // Every entity page is on the way.
    for folder in [
        "journeys",
        "touchpoints",
        "situations",
        "standards",
        "owners",
        "chapters",
    ] {
        for entry in std::fs::read_dir(site.join("html").join(folder)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                seen.contains(&format!("{folder}/{name}")),
                "{folder}/{name}"
            );
        }
    }
    let first = read(&site, "html/index.html");
    assert!(rel_href(&first, "prev").is_none());
    assert!(first.contains("<span class=\"pager__dir\">Następna</span>"));
    let print = read(&site, "html/print.html");
    assert!(!print.contains("class=\"pager\""));
    assert!(!read(&site, "html/search.html").contains("class=\"pager\""));
}

/// A standard whose text has two headings: each gets an anchor, and the page a contents list
/// after its header; a page with one heading gets an anchor but no list.
#[test]
fn headings_get_anchors_and_a_contents_list() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("hb");
    common::copy_dir(&common::fixture("build/small"), &dir);
    common::edit(
        &dir.join("standards/odziv-telefon.md"),
        "## Merjenje",
        "## Kdaj velja\n\nVedno.\n\n### Izjeme\n\nNobenih.\n\n## Merjenje",
    );
    let (_out, site) = built(&dir);
    let page = read(&site, "html/standards/odziv-telefon.html");
    assert!(page.contains(
        "<h2 id=\"kdaj-velja\">Kdaj velja<a class=\"heading-anchor\" href=\"#kdaj-velja\" aria-label=\"Povezava na ta razdelek: Kdaj velja\">#</a></h2>"
    ), "{page}");
    assert!(
        page.contains("href=\"#izjeme\" aria-label=\"Povezava na ta razdelek: Izjeme\">#</a></h3>")
    );
    assert!(page.contains(
        "</header>\n<nav class=\"page-toc\" aria-labelledby=\"page-toc-title\"><p class=\"page-toc__title\" id=\"page-toc-title\">Na tej strani</p><ul><li><a href=\"#kdaj-velja\">Kdaj velja</a></li><li class=\"page-toc__sub\"><a href=\"#izjeme\">Izjeme</a></li><li><a href=\"#merjenje\">Merjenje</a></li></ul></nav>"
    ), "{page}");
    // The title page lists the sections already: no second list there.
    assert!(!read(&site, "html/index.html").contains("page-toc"));
    let print = read(&site, "html/print.html");
    assert!(print.contains("href=\"#standard-odziv-telefon--kdaj-velja\""));
    assert!(!print.contains("page-toc"));
}

#[test]
fn the_printed_contents_lists_the_pocket_cards() {
    let (_tmp, site) = built(&common::example("sklep-kwiatek"));
    let print = read(&site, "html/print.html");
    let toc = &print[print.find("id=\"doc-contents\"").unwrap()..];
    let toc = &toc[..toc.find("</nav>").unwrap()];
    assert!(
        toc.contains("<li><a href=\"#section-cards\">Karty kieszonkowe</a></li>"),
        "{toc}"
    );
    // Every section print.html prints is in its contents.
    for part in print.split("<section class=\"doc-section").skip(1) {
        let Some(at) = part.find("id=\"") else {
            continue;
        };
        let id = &part[at + 4..];
        let id = &id[..id.find('"').unwrap()];
        if id != "section-cover" {
            assert!(
                toc.contains(&format!("href=\"#{id}\"")),
                "{id} is not in the contents"
            );
        }
    }
}

/// Builds `dir` with `SOURCE_DATE_EPOCH` set to the start of `day`.
fn built_on(dir: &Path, day: &str) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("tempdir");
    let site = out.path().join("site");
    let days = sok::values::Date::parse(day).expect("a date").to_days();
    let output = assert_cmd::cargo::cargo_bin_cmd!("sok")
        .env("SOURCE_DATE_EPOCH", (days * 86_400).to_string())
        .arg("build")
        .arg(dir)
        .arg("--out")
        .arg(&site)
        .output()
        .expect("sok runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (out, site)
}

/// The small handbook's phone standard was last reviewed on 2026-02-10 every 6 months: due
/// on 2026-08-10, so a build on that day shows no banner and one on the next day does, on its
/// page, in print.html and in handbook.md; two builds on one day are byte-identical.
#[test]
fn an_overdue_standard_carries_a_review_banner() {
    let small = common::fixture("build/small");
    let (_a, due) = built_on(&small, "2026-08-10");
    assert!(!read(&due, "html/standards/odziv-telefon.html").contains("review-banner"));
    let (_b, late) = built_on(&small, "2026-08-11");
    let page = read(&late, "html/standards/odziv-telefon.html");
    assert!(page.contains(
        "<p class=\"review-banner\" role=\"note\">Ta standard bi moral biti pregledan 10. avgusta 2026: preverite, ali še velja.</p>\n</header>"
    ), "{page}");
    assert!(read(&late, "html/print.html").contains("class=\"review-banner\" role=\"note\""));
    assert!(
        read(&late, "handbook.md")
            .contains("> Ta standard bi moral biti pregledan 10. avgusta 2026")
    );
    let (_c, again) = built_on(&small, "2026-08-11");
    for page in [
        "html/standards/odziv-telefon.html",
        "html/print.html",
        "handbook.md",
    ] {
        assert_eq!(read(&late, page), read(&again, page), "{page}");
    }
}

#[test]
fn edit_url_links_every_page_from_one_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("hb");
    common::copy_dir(&common::fixture("build/small"), &dir);
    common::edit(
        &dir.join("sok.toml"),
        "out = \"site\"",
        "out = \"site\"\nedit_url = \"https://git.example.com/roza/edit/main/{path}\"",
    );
    let (_out, site) = built(&dir);
    let edit = |page: &str| {
        let html = read(&site, page);
        let at = html.find("<p class=\"edit-link\"><a href=\"")?;
        let rest = &html[at + 30..];
        Some(rest[..rest.find('"').unwrap()].to_string())
    };
    let base = "https://git.example.com/roza/edit/main/";
    assert_eq!(
        edit("html/standards/odziv-telefon.html"),
        Some(format!("{base}standards/odziv-telefon.md"))
    );
    assert_eq!(
        edit("html/chapters/01-splosno.html"),
        Some(format!("{base}chapters/01-splosno.md"))
    );
    assert_eq!(edit("html/index.html"), Some(format!("{base}sok.toml")));
    assert_eq!(
        edit("html/glossary.html"),
        Some(format!("{base}glossary.toml"))
    );
    assert!(read(&site, "html/standards/odziv-telefon.html").contains(">Uredi to stran</a>"));
    // Pages that span many files, and print, get none.
    for page in [
        "html/standards/index.html",
        "html/print.html",
        "html/search.html",
    ] {
        assert_eq!(edit(page), None, "{page}");
    }
    // Without the setting there is no link at all.
    let (_plain, plain) = built(&common::fixture("build/small"));
    assert!(!read(&plain, "html/standards/odziv-telefon.html").contains("edit-link"));
}

/// On a phone the row of sections scrolls sideways: the page names its section above the
/// row, and the stylesheet scrolls the row to the current chip (`.ci/layout-check.mjs`
/// measures in Chromium that it is in view at 390 px).
#[test]
fn the_phone_navigation_shows_where_you_are() {
    let (_tmp, site) = built(&common::example("sklep-kwiatek"));
    let page = read(&site, "html/touchpoints/store.html");
    assert!(
        page.contains(
            "<p class=\"site-nav__here\">Jesteś tutaj: <strong>Punkty styku</strong></p>\n<ol>"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "<a href=\"../touchpoints/index.html\" aria-current=\"page\">Punkty styku</a>"
        )
    );
    // No section is current on the search page: no line either.
    assert!(!read(&site, "html/search.html").contains("site-nav__here\">"));
    let css = read(&site, "html/static/sok.css");
    assert!(css.contains("scroll-initial-target: nearest"));
}

/// `edit_url` must be an http(s) address with `{path}` and nothing that could leave the
/// attribute; each mistake is one `sok::build::edit_url` error with its own label.
#[test]
fn edit_url_is_checked() {
    let cases = [
        ("https://git.example.com/hb/-/edit/main/{path}", None),
        ("HTTP://git.example.com/hb/edit/{path}?ref=main", None),
        (
            "git.example.com/hb/edit/main/{path}",
            Some("not an `http://` or `https://` address"),
        ),
        (
            "https://git.example.com/hb/edit/main/",
            Some("no `{path}` where the file's path goes"),
        ),
        (
            "https://git.example.com/\\\"onload=x/{path}",
            Some("spaces, quotes"),
        ),
        (
            "https://git.example.com/my hb/{path}",
            Some("spaces, quotes"),
        ),
    ];
    for (url, label) in cases {
        let tmp = tempfile::tempdir().expect("tempdir");
        common::write(
            &tmp.path().join("sok.toml"),
            &format!(
                "[handbook]\ntitle = \"T\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n\n[build]\nedit_url = \"{url}\"\n"
            ),
        );
        let report = common::check(tmp.path());
        match label {
            None => assert!(report.diagnostics.is_empty(), "{url}: {}", report.human()),
            Some(label) => {
                assert_eq!(report.codes(), ["sok::build::edit_url"], "{url}");
                assert!(report.human().contains(label), "{url}: {}", report.human());
            }
        }
    }
}
