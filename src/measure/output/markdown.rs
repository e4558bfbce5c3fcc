//! The report as GitHub-flavoured Markdown, for a pull-request comment or an e-mail: the
//! totals, one table per owner (missed standards first), then for each standard its target
//! in words, a table of its periods when it has several, and its teams in the latest period.

use super::view::{self, OwnerView, StandardView, Status, Totals};
use super::words::{Words, higher_is_better};
use crate::i18n::Catalog;
pub(crate) use crate::markdown::escape;
use crate::measure::report::{Figures, PeriodResult, Report, Target};
use crate::model::Handbook;

/// The report as Markdown.
pub fn markdown(report: &Report, handbook: &Handbook, catalog: &Catalog) -> String {
    let words = Words::new(catalog);
    let owners = view::owners(report, handbook, catalog);
    let mut out = String::new();
    out.push_str(&format!("## {}\n\n", escape(words.get("report.title"))));
    out.push_str(&escape(&words.cat.fill(
        "report.edition",
        &[
            ("title", &report.handbook.title),
            ("version", &report.handbook.version),
        ],
    )));
    out.push(' ');
    out.push_str(&escape(&words.as_of_line(report)));
    out.push_str("\n\n");
    let all: Vec<&StandardView<'_>> = owners.iter().flat_map(|o| &o.standards).collect();
    out.push_str(&format!(
        "**{}**\n{}\n",
        escape(&Totals::of(all).line(&words)),
        escape(&view::rows_line(&words, report))
    ));
    for owner in &owners {
        out.push('\n');
        owner_section(&mut out, owner, &words);
    }
    out
}

fn owner_section(out: &mut String, owner: &OwnerView<'_>, words: &Words<'_>) {
    out.push_str(&format!("### {}\n\n", escape(&owner.name)));
    let header = [
        "report.column.standard",
        "report.column.period",
        "report.column.result",
        "report.column.target",
        "report.column.status",
    ];
    let rows: Vec<Vec<String>> = owner
        .standards
        .iter()
        .map(|s| {
            let t = &s.result.target;
            let (period, result, target) = match s.latest {
                Some(p) => (
                    words.period_of(p),
                    words.value_or_none(t, p.figures.value),
                    words.target(t, p.target),
                ),
                None => {
                    let none = words.get("label.none").to_string();
                    (
                        none.clone(),
                        none,
                        words.target(t, t.share.unwrap_or(t.limit_value)),
                    )
                }
            };
            vec![
                format!("{} (`{}`)", escape(&s.title), s.result.id),
                escape(&period),
                escape(&result),
                escape(&target),
                escape(&s.status.marked(words)),
            ]
        })
        .collect();
    table(
        out,
        words,
        &header,
        &[false, false, true, true, false],
        &rows,
    );
    for s in &owner.standards {
        details(out, s, words);
    }
}

fn details(out: &mut String, s: &StandardView<'_>, words: &Words<'_>) {
    let t = &s.result.target;
    let teams = s.latest.filter(|p| !p.by_team.is_empty());
    let below = s
        .latest
        .map(|p| view::below(p, higher_is_better(t), 3))
        .unwrap_or_default();
    if !s.has_history() && teams.is_none() && below.is_empty() && s.status != Status::NoData {
        return;
    }
    out.push_str(&format!(
        "\n#### {} (`{}`)\n\n",
        escape(&s.title),
        s.result.id
    ));
    out.push_str(&format!(
        "{} {}\n",
        escape(words.get("report.target_label")),
        escape(&s.target_words)
    ));
    if s.result.periods.is_empty() {
        out.push_str(&format!("\n{}\n", escape(words.get("report.no_events"))));
    }
    if s.has_history() {
        out.push('\n');
        periods_table(out, t, &s.result.periods, words);
    }
    if let Some(p) = teams {
        let rows: Vec<(String, &Figures)> = p
            .by_team
            .iter()
            .map(|team| (words.who(&team.team, "report.no_team"), &team.figures))
            .collect();
        out.push('\n');
        breakdown(out, words, "report.column.team", t, p, &rows);
    }
    if !below.is_empty() {
        let names: Vec<String> = below
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    words.who(&a.agent, "report.no_agent"),
                    words.value_or_none(t, a.figures.value)
                )
            })
            .collect();
        out.push_str(&format!(
            "\n{} {}\n",
            escape(words.get("report.below")),
            escape(&names.join(", "))
        ));
    }
}

fn periods_table(out: &mut String, t: &Target, periods: &[PeriodResult], words: &Words<'_>) {
    let header = [
        "report.column.period",
        "report.column.events",
        "report.column.pending",
        "report.column.result",
        "report.column.target",
        "report.column.status",
        "report.column.change",
    ];
    let rows: Vec<Vec<String>> = periods
        .iter()
        .map(|p| {
            [
                words.period_of(p),
                words.cat.number(p.figures.events as f64),
                words.cat.number(p.figures.pending as f64),
                words.value_or_none(t, p.figures.value),
                words.target(t, p.target),
                Status::shown(p).marked(words),
                words.trend_words(t, p.trend),
            ]
            .iter()
            .map(|c| escape(c))
            .collect()
        })
        .collect();
    table(
        out,
        words,
        &header,
        &[false, true, true, true, true, false, false],
        &rows,
    );
}

/// A table of the teams (or employees, touchpoints) of one period.
fn breakdown(
    out: &mut String,
    words: &Words<'_>,
    name_key: &'static str,
    t: &Target,
    p: &PeriodResult,
    rows: &[(String, &Figures)],
) {
    let first = words.cat.fill(
        "report.in_period",
        &[
            ("what", words.get(name_key)),
            ("period", &words.period_of(p)),
        ],
    );
    let header = [
        first.as_str(),
        words.get("report.column.events"),
        words.get("report.column.result"),
        words.get("report.column.status"),
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|(name, f)| {
            let status = match f.held {
                Some(true) => Status::Held,
                Some(false) => Status::Missed,
                None => Status::NoData,
            };
            vec![
                escape(name),
                escape(&words.cat.number(f.events as f64)),
                escape(&words.value_or_none(t, f.value)),
                escape(&status.marked(words)),
            ]
        })
        .collect();
    raw_table(
        out,
        &header.map(escape),
        &[false, true, true, false],
        &cells,
    );
}

/// A table whose header cells are catalogue keys.
fn table(
    out: &mut String,
    words: &Words<'_>,
    keys: &[&'static str],
    right: &[bool],
    rows: &[Vec<String>],
) {
    let header: Vec<String> = keys.iter().map(|k| escape(words.get(k))).collect();
    raw_table(out, &header, right, rows);
}

fn raw_table(out: &mut String, header: &[String], right: &[bool], rows: &[Vec<String>]) {
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let rule: Vec<&str> = right
        .iter()
        .map(|&r| if r { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}
