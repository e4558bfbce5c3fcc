//! The report as one standalone HTML page in the handbook's language and the site's style:
//! the site's stylesheet (the handbook's own `templates/static/sok.css` if it has one) is
//! embedded, so the page is one file to mail or attach. Per owner a table of the standards
//! (missed first); per standard its target in words, a chart of the result per period
//! against the target, and the same figures as a table with a caption and header cells for
//! screen readers, then its teams, employees and touchpoints in the latest period. No script.

use std::fmt::Write;

use super::chart::chart;
use super::view::{self, OwnerView, StandardView, Status, Totals};
use super::words::Words;
use crate::check::Checked;
use crate::error::Error;
use crate::measure::report::{Figures, PeriodResult, Report, Target};
use crate::model::Handbook;
use crate::render::Theme;
use crate::render::markdown::to_html::escape_attr as esc;
use crate::render::view::context::plain;
use crate::values::slugify;

/// What the report page adds to the site's stylesheet.
const CSS: &str = include_str!("report.css");

/// The report as a standalone page.
pub fn html(report: &Report, checked: &Checked, theme: &Theme) -> Result<String, Error> {
    let hb = &checked.handbook;
    let cat = &theme.catalog;
    let words = Words::new(cat);
    let owners = view::owners(report, hb, cat);
    let settings = hb.settings.as_ref();
    let title = settings.map_or_else(|| report.handbook.title.clone(), |s| plain(&s.title.value));
    let organization = settings
        .and_then(|s| s.organization.as_ref())
        .map(|o| plain(&o.value));
    let site_css = theme
        .templates
        .statics
        .iter()
        .find(|(name, _)| name == "sok.css")
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default();
    let mut out = String::new();
    let heading = words.get("report.title");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>\n{}\n{}</style>\n</head>\n\
         <body class=\"page report\">\n<a class=\"skip-link\" href=\"#main\">{}</a>\n",
        cat.language.keyword(),
        esc(heading),
        esc(&title),
        style_text(&site_css),
        style_text(CSS),
        esc(cat.get("ui.skip")),
    );
    out.push_str(
        "<header class=\"site-header\">\n<div class=\"site-header__inner\">\n<p class=\"brand\">",
    );
    if let Some(org) = &organization {
        let _ = write!(out, "<span class=\"brand__org\">{}</span>", esc(org));
    }
    let _ = writeln!(
        out,
        "<span class=\"brand__title\">{}</span></p>\n</div>\n</header>",
        esc(&title)
    );
    out.push_str("<div class=\"report-layout\">\n<main id=\"main\" tabindex=\"-1\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(heading));
    let edition = cat.fill(
        "report.edition",
        &[
            ("title", &report.handbook.title),
            ("version", &report.handbook.version),
        ],
    );
    let _ = writeln!(
        out,
        "<p class=\"report-meta\">{} {}</p>",
        esc(&edition),
        esc(&words.as_of_line(report))
    );
    let all: Vec<&StandardView<'_>> = owners.iter().flat_map(|o| &o.standards).collect();
    let _ = writeln!(
        out,
        "<p class=\"report-totals\"><strong>{}</strong><br>{}</p>",
        esc(&Totals::of(all).line(&words)),
        esc(&view::rows_line(&words, report))
    );
    if owners.len() > 1 {
        let _ = writeln!(
            out,
            "<nav aria-label=\"{}\">\n<ul class=\"report-owners\">",
            esc(words.get("report.owners"))
        );
        for owner in &owners {
            let totals = Totals::of(&owner.standards);
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a> <span class=\"note\">{}</span></li>",
                owner_anchor(owner),
                esc(&owner.name),
                esc(&totals.line(&words))
            );
        }
        out.push_str("</ul>\n</nav>\n");
    }
    for owner in &owners {
        owner_section(&mut out, hb, owner, &words);
    }
    out.push_str("</main>\n</div>\n<footer class=\"site-footer\">\n<p>");
    if let Some(org) = &organization {
        let _ = write!(out, "{} · ", esc(org));
    }
    let date = settings
        .and_then(|s| s.effective.as_ref())
        .map(|d| cat.date(d.value))
        .unwrap_or_default();
    let version = settings.map_or_else(
        || report.handbook.version.clone(),
        |s| s.version.value.to_string(),
    );
    let _ = write!(
        out,
        "{}</p>\n</footer>\n</body>\n</html>\n",
        esc(&cat.fill("ui.version_line", &[("version", &version), ("date", &date)]))
    );
    Ok(out)
}

/// CSS inside `<style>`: nothing in it may close the element early.
fn style_text(css: &str) -> String {
    css.replace("</", "<\\/")
}

fn owner_anchor(owner: &OwnerView<'_>) -> String {
    format!("owner-{}", slugify(owner.id))
}

fn standard_anchor(s: &StandardView<'_>) -> String {
    format!("standard-{}", slugify(&s.result.id))
}

fn status_cell(words: &Words<'_>, status: Status) -> String {
    format!(
        "<span class=\"status status--{}\">{}</span>",
        status.class(),
        esc(&status.marked(words))
    )
}

fn status_of(f: &Figures) -> Status {
    match f.held {
        Some(true) => Status::Held,
        Some(false) => Status::Missed,
        None => Status::NoData,
    }
}

/// A table in the site's scrolling wrapper, its caption naming it for the region.
struct Table<'a> {
    id: String,
    caption: String,
    /// Header cells and whether their column holds figures (right-aligned).
    columns: Vec<(&'a str, bool)>,
    /// The row header, then the cells (already HTML).
    rows: Vec<(String, Vec<String>)>,
}

impl Table<'_> {
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}\">\n\
             <table>\n<caption id=\"{id}\">{}</caption>\n<thead>\n<tr>",
            esc(&self.caption),
            id = self.id,
        );
        for (name, figure) in &self.columns {
            let class = if *figure { " class=\"num\"" } else { "" };
            let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", esc(name));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for (head, cells) in &self.rows {
            let _ = write!(out, "<tr><th scope=\"row\">{head}</th>");
            for (i, cell) in cells.iter().enumerate() {
                let (name, figure) = self.columns.get(i + 1).copied().unwrap_or(("", false));
                let class = if figure { " class=\"num\"" } else { "" };
                let _ = write!(out, "<td{class} data-label=\"{}\">{cell}</td>", esc(name));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
}

fn owner_section(out: &mut String, hb: &Handbook, owner: &OwnerView<'_>, words: &Words<'_>) {
    let anchor = owner_anchor(owner);
    let _ = writeln!(
        out,
        "<section class=\"report-owner\" aria-labelledby=\"{anchor}\">\n<h2 id=\"{anchor}\">{}</h2>",
        esc(&owner.name)
    );
    let rows = owner
        .standards
        .iter()
        .map(|s| {
            let t = &s.result.target;
            let none = esc(words.get("label.none"));
            let (period, result, target) = match s.latest {
                Some(p) => (
                    esc(&words.period_of(p)),
                    esc(&words.value_or_none(t, p.figures.value)),
                    esc(&words.target(t, p.target)),
                ),
                None => (
                    none.clone(),
                    none,
                    esc(&words.target(t, t.share.unwrap_or(t.limit_value))),
                ),
            };
            (
                format!("<a href=\"#{}\">{}</a>", standard_anchor(s), esc(&s.title)),
                vec![status_cell(words, s.status), result, target, period],
            )
        })
        .collect();
    Table {
        id: format!("{anchor}-caption"),
        caption: words
            .cat
            .fill("report.table.owner", &[("owner", &owner.name)]),
        // The status next to the name: on a phone it is what shows before the table scrolls.
        columns: vec![
            (words.get("report.column.standard"), false),
            (words.get("report.column.status"), false),
            (words.get("report.column.result"), true),
            (words.get("report.column.target"), true),
            (words.get("report.column.period"), false),
        ],
        rows,
    }
    .write(out);
    for s in &owner.standards {
        standard_article(out, hb, s, words);
    }
    out.push_str("</section>\n");
}

fn standard_article(out: &mut String, hb: &Handbook, s: &StandardView<'_>, words: &Words<'_>) {
    let t = &s.result.target;
    let anchor = standard_anchor(s);
    let _ = writeln!(
        out,
        "<article class=\"entity report-standard\" id=\"{anchor}\" aria-labelledby=\"{anchor}-title\">\n\
         <header class=\"entity__header\">\n<p class=\"eyebrow\"><span>{}</span> \
         <span class=\"badge badge--{}\">{}</span></p>\n<h3 id=\"{anchor}-title\">{}</h3>\n</header>",
        esc(&s.result.id),
        s.status.class(),
        esc(&s.status.marked(words)),
        esc(&s.title),
    );
    let _ = writeln!(
        out,
        "<p class=\"measure-sentence\">{} {}</p>",
        esc(words.get("report.target_label")),
        esc(&s.target_words)
    );
    if let Some(p) = s.latest {
        facts(out, t, p, words);
    }
    if let Some(p) = s.running {
        let _ = writeln!(
            out,
            "<p class=\"report-running\">{}</p>",
            esc(&words.so_far(t, p))
        );
    }
    if s.result.periods.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"none\">{}</p>",
            esc(words.get("report.no_events"))
        );
        out.push_str("</article>\n");
        return;
    }
    // The legend names what the chart shows: a running period only when there is one.
    let mut legend = vec![
        ("held", Status::Held.word(words)),
        ("missed", Status::Missed.word(words)),
    ];
    if s.result.periods.iter().any(|p| p.partial) {
        legend.push(("partial", words.get("report.chart.running")));
    }
    legend.push(("target", words.get("report.column.target")));
    let _ = writeln!(
        out,
        "<figure class=\"chart-figure\">\n{}\n<figcaption>\n<ul class=\"legend\">",
        chart(
            &format!("{anchor}-chart"),
            &s.title,
            t,
            &s.result.periods,
            words
        ),
    );
    for (class, name) in legend {
        let _ = writeln!(
            out,
            "<li><span class=\"swatch swatch--{class}\"></span>{}</li>",
            esc(name)
        );
    }
    out.push_str("</ul>\n</figcaption>\n</figure>\n");
    periods_table(out, &anchor, s, words);
    if let Some(p) = s.latest {
        let touchpoint = |id: &str| {
            hb.touchpoints
                .iter()
                .find(|tp| tp.meta.id.value == id)
                .map_or_else(
                    || words.who(id, "report.no_touchpoint"),
                    |tp| plain(&tp.name.value),
                )
        };
        let tables = [
            Breakdown {
                id: format!("{anchor}-teams"),
                name_key: "report.column.team",
                period: p,
                rows: p
                    .by_team
                    .iter()
                    .map(|x| (words.who(&x.team, "report.no_team"), &x.figures))
                    .collect(),
            },
            Breakdown {
                id: format!("{anchor}-agents"),
                name_key: "report.column.agent",
                period: p,
                rows: p
                    .by_agent
                    .iter()
                    .map(|x| (words.who(&x.agent, "report.no_agent"), &x.figures))
                    .collect(),
            },
            Breakdown {
                id: format!("{anchor}-touchpoints"),
                name_key: "report.column.touchpoint",
                period: p,
                rows: p
                    .by_touchpoint
                    .iter()
                    .map(|x| (touchpoint(&x.touchpoint), &x.figures))
                    .collect(),
            },
        ];
        for table in tables.iter().filter(|t| !t.rows.is_empty()) {
            table.write(out, t, words);
        }
    }
    out.push_str("</article>\n");
}

fn facts(out: &mut String, t: &Target, p: &PeriodResult, words: &Words<'_>) {
    let items = [
        ("report.column.period", words.period_of(p)),
        (
            "report.column.result",
            words.value_or_none(t, p.figures.value),
        ),
        ("report.column.target", words.target(t, p.target)),
        (
            "report.column.events",
            words.cat.number(p.figures.events as f64),
        ),
        (
            "report.column.pending",
            words.cat.number(p.figures.pending as f64),
        ),
        ("report.column.change", words.trend_words(t, p.trend)),
    ];
    out.push_str("<dl class=\"facts facts--compact\">\n");
    for (key, value) in items {
        let _ = writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            esc(words.get(key)),
            esc(&value)
        );
    }
    out.push_str("</dl>\n");
}

fn periods_table(out: &mut String, anchor: &str, s: &StandardView<'_>, words: &Words<'_>) {
    let t = &s.result.target;
    let rows = s
        .result
        .periods
        .iter()
        .map(|p| {
            (
                esc(&words.period_of(p)),
                vec![
                    status_cell(words, Status::shown(p)),
                    esc(&words.value_or_none(t, p.figures.value)),
                    esc(&words.target(t, p.target)),
                    esc(&words.cat.number(p.figures.events as f64)),
                    esc(&words.cat.number(p.figures.pending as f64)),
                    esc(&words.trend_words(t, p.trend)),
                ],
            )
        })
        .collect();
    Table {
        id: format!("{anchor}-periods"),
        caption: words
            .cat
            .fill("report.table.periods", &[("title", &s.title)]),
        columns: vec![
            (words.get("report.column.period"), false),
            (words.get("report.column.status"), false),
            (words.get("report.column.result"), true),
            (words.get("report.column.target"), true),
            (words.get("report.column.events"), true),
            (words.get("report.column.pending"), true),
            (words.get("report.column.change"), true),
        ],
        rows,
    }
    .write(out);
}

/// A table of the teams, employees or touchpoints of one period.
struct Breakdown<'a> {
    id: String,
    /// The catalogue key of what the rows are.
    name_key: &'static str,
    period: &'a PeriodResult,
    /// Each row's name as shown and its figures.
    rows: Vec<(String, &'a Figures)>,
}

impl Breakdown<'_> {
    fn write(&self, out: &mut String, t: &Target, words: &Words<'_>) {
        let rows = self
            .rows
            .iter()
            .map(|(name, f)| {
                (
                    esc(name),
                    vec![
                        status_cell(words, status_of(f)),
                        esc(&words.value_or_none(t, f.value)),
                        esc(&words.cat.number(f.events as f64)),
                        esc(&words.cat.number(f.pending as f64)),
                    ],
                )
            })
            .collect();
        Table {
            id: self.id.clone(),
            caption: words.cat.fill(
                "report.in_period",
                &[
                    ("what", words.get(self.name_key)),
                    ("period", &words.period_of(self.period)),
                ],
            ),
            columns: vec![
                (words.get(self.name_key), false),
                (words.get("report.column.status"), false),
                (words.get("report.column.result"), true),
                (words.get("report.column.events"), true),
                (words.get("report.column.pending"), true),
            ],
            rows,
        }
        .write(out);
    }
}
