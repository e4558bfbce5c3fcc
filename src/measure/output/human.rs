//! The terminal report: a compact table per owner, missed standards first, each row the
//! latest complete period against its target, and under it the standard's title and target
//! in words, the employees below the target and the period still running; then the totals.
//! Colour (red missed, green held) only when asked; the marks ✓ ✗ say the same without it.

use super::view::{self, OwnerView, StandardView, Status, Totals};
use super::words::{Direction, Words, higher_is_better};
use crate::i18n::Catalog;
use crate::measure::report::Report;
use crate::model::Handbook;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// How many employees below the target a row names.
const BELOW: usize = 3;

/// One row of a table, its cells as shown and the colour of the status and trend cells.
struct Row {
    cells: [String; 8],
    status: Option<&'static str>,
    trend: Option<&'static str>,
    details: Vec<String>,
}

/// The report for a terminal.
pub fn human(report: &Report, handbook: &Handbook, catalog: &Catalog, color: bool) -> String {
    let words = Words::new(catalog);
    let owners = view::owners(report, handbook, catalog);
    let mut out = String::new();
    out.push_str(&paint(words.get("report.title"), BOLD, color));
    out.push('\n');
    let edition = catalog.fill(
        "report.edition",
        &[
            ("title", &report.handbook.title),
            ("version", &report.handbook.version),
        ],
    );
    out.push_str(&format!("{edition} {}\n", words.as_of_line(report)));
    let header: [String; 8] = [
        "report.column.standard",
        "report.column.period",
        "report.column.result",
        "report.column.target",
        "report.column.status",
        "report.column.events",
        "report.column.pending",
        "report.column.change",
    ]
    .map(|k| words.get(k).to_string());
    let tables: Vec<(&OwnerView<'_>, Vec<Row>)> = owners
        .iter()
        .map(|o| (o, o.standards.iter().map(|s| row(s, &words)).collect()))
        .collect();
    // One set of widths for every table, so the columns line up down the whole report.
    let mut widths = header.clone().map(|h| width(&h));
    for (_, rows) in &tables {
        for row in rows {
            for (w, cell) in widths.iter_mut().zip(&row.cells) {
                *w = (*w).max(width(cell));
            }
        }
    }
    for (owner, rows) in &tables {
        out.push('\n');
        out.push_str(&paint(&owner.name, BOLD, color));
        out.push('\n');
        out.push_str(&line(&header, &widths, None, None, color));
        for row in rows {
            out.push_str(&line(&row.cells, &widths, row.status, row.trend, color));
            for detail in &row.details {
                out.push_str("      ");
                out.push_str(detail);
                out.push('\n');
            }
        }
    }
    let all: Vec<&StandardView<'_>> = owners.iter().flat_map(|o| &o.standards).collect();
    out.push('\n');
    out.push_str(&Totals::of(all).line(&words));
    out.push('\n');
    out.push_str(&view::rows_line(&words, report));
    out.push('\n');
    out
}

fn row(s: &StandardView<'_>, words: &Words<'_>) -> Row {
    let t = &s.result.target;
    let none = words.get("label.none").to_string();
    let (period, result, target, events, pending) = match s.latest {
        Some(p) => (
            words.period_of(p),
            words.value_or_none(t, p.figures.value),
            words.target(t, p.target),
            words.cat.number(p.figures.events as f64),
            words.cat.number(p.figures.pending as f64),
        ),
        None => (
            none.clone(),
            none.clone(),
            words.target(t, t.share.unwrap_or(t.limit_value)),
            none.clone(),
            none.clone(),
        ),
    };
    let trend = s
        .latest
        .and_then(|p| p.trend)
        .map(|trend| words.trend(t, trend));
    let trend_colour = trend.as_ref().and_then(|t| match t.direction {
        Direction::Better => Some(GREEN),
        Direction::Worse => Some(RED),
        Direction::Same => None,
    });
    let status_colour = match s.status {
        Status::Held => Some(GREEN),
        Status::Missed => Some(RED),
        _ => None,
    };
    let mut details = vec![format!("{}: {}", s.title, s.target_words)];
    if let Some(p) = s.latest {
        let below = view::below(p, higher_is_better(t), BELOW);
        if !below.is_empty() {
            let names: Vec<String> = below
                .iter()
                .map(|a| {
                    format!(
                        "{} {} ({})",
                        words.who(&a.agent, "report.no_agent"),
                        words.value_or_none(t, a.figures.value),
                        words.count("report.count.events", a.figures.events)
                    )
                })
                .collect();
            details.push(format!(
                "{} {}",
                words.get("report.below"),
                names.join(", ")
            ));
        }
    }
    if let Some(p) = s.running {
        details.push(words.so_far(t, p));
    }
    Row {
        cells: [
            s.result.id.clone(),
            period,
            result,
            target,
            s.status.marked(words),
            events,
            pending,
            trend.map_or(none, |t| {
                let direction = words.get(t.direction.key());
                words.cat.fill(
                    "report.trend.line",
                    &[("amount", &t.amount), ("direction", direction)],
                )
            }),
        ],
        status: status_colour,
        trend: trend_colour,
        details,
    }
}

fn line(
    cells: &[String; 8],
    widths: &[usize; 8],
    status: Option<&str>,
    trend: Option<&str>,
    color: bool,
) -> String {
    // Figures are right-aligned; names, periods and the status left-aligned.
    const RIGHT: [bool; 8] = [false, false, true, true, false, true, true, true];
    let mut out = String::from("  ");
    for (i, cell) in cells.iter().enumerate() {
        let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
        let padded = match RIGHT[i] {
            true => format!("{pad}{cell}"),
            false => format!("{cell}{pad}"),
        };
        let colour = match i {
            4 => status,
            7 => trend,
            _ => None,
        };
        out.push_str(&match colour {
            Some(c) => paint(&padded, c, color),
            None => padded,
        });
        if i + 1 < cells.len() {
            out.push_str("  ");
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn paint(text: &str, colour: &str, color: bool) -> String {
    match color {
        true => format!("{colour}{text}{RESET}"),
        false => text.to_string(),
    }
}

/// Columns a text takes in a terminal: one per character for the scripts of the handbook
/// languages (Latin, Cyrillic) and the marks used here.
fn width(text: &str) -> usize {
    text.chars().count()
}
