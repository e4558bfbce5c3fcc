//! `sok measure`: check the handbook, read the events, print the report and the rejected rows.

use std::path::Path;

use super::{Fatal, Outcome, print};
use crate::Checked;
use crate::cli::{MeasureArgs, MeasureFailOn, MeasureFormat, SqlDialect};
use crate::diagnostics::emit::{self, Style};
use crate::i18n::Catalog;
use crate::measure::{self, Evaluation, Options, Report, read};
use crate::render;

pub(super) fn execute(args: MeasureArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let mut checked = crate::check_dir(root)?;
    if checked.diagnostics.has_errors() {
        let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
        super::print_err(&emit::human(&diagnostics, &checked.sources, style));
        super::print_err("measure stopped: fix the errors above; nothing was measured\n");
        return Ok(Outcome::Problems);
    }
    let timezone = measure::timezone(&checked.handbook);
    let options = Options {
        as_of: match &args.as_of {
            Some(text) => measure::parse_as_of(text, &timezone).map_err(|help| {
                Fatal::new(format!("`--as-of {text}` is not a moment")).with_help(help)
            })?,
            None => jiff::Timestamp::now().as_second(),
        },
        from: date_option("--from", args.from.as_deref())?,
        to: date_option("--to", args.to.as_deref())?,
    };
    if let (Some(from), Some(to)) = (options.from, options.to)
        && from > to
    {
        return Err(Fatal::new(format!("`--from {from}` is after `--to {to}`"))
            .with_help("give the earlier date to --from"));
    }
    if let Some(dialect) = args.sql {
        let options = measure::sql::SqlOptions {
            as_of: options.as_of,
            from: options.from,
            to: options.to,
        };
        let program = measure::sql::program(&checked, sql_dialect(dialect), &args.table, &options)?;
        write_out(args.out.as_deref(), root, &checked, &program)?;
        return Ok(Outcome::Clean);
    }
    let cwd = std::env::current_dir()?;
    let inputs = read::inputs(&args.events, &cwd)?;
    let measured = {
        let handbook = &checked.handbook;
        let events = handbook
            .settings
            .as_ref()
            .map(|s| s.events.clone())
            .unwrap_or_default();
        let context = read::ReadContext {
            timezone: &timezone,
            columns: &events.columns,
        };
        let evaluation = Evaluation::new(handbook, options);
        evaluation.expect_rows(read::known_rows_with_ids(&inputs, &context));
        let sink = read::Sink {
            prepare: &|batch| evaluation.judge(batch),
            each: &|partial| evaluation.merge(partial),
        };
        // One file at a time, in the order given, so that the first row of a repeated id is
        // the same row on every machine.
        for input in &inputs {
            read::read_all(
                std::slice::from_ref(input),
                &context,
                &mut checked.sources,
                &sink,
            )?;
        }
        evaluation.finish(handbook)
    };
    let mut diagnostics = crate::diagnostics::Diagnostics::default();
    for d in measured.diagnostics {
        diagnostics.push(d);
    }
    let problems = !diagnostics.is_empty();
    if problems {
        let sorted = diagnostics.into_sorted(&checked.sources);
        let mut text = emit::human(&sorted, &checked.sources, style);
        for (code, count) in &measured.hidden {
            text.push_str(&format!("… and {count} more rows rejected with {code}\n"));
        }
        super::print_err(&text);
    }
    let report = measured.report;
    let text = render_report(&report, &checked, args.format, style)?;
    write_out(args.out.as_deref(), root, &checked, &text)?;
    let missed = args.fail_on == Some(MeasureFailOn::Missed) && !missed(&report).is_empty();
    if missed {
        super::print_err(&format!(
            "missed in the latest complete period: {}\n",
            missed_list(&report)
        ));
    }
    Ok(if problems || missed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn render_report(
    report: &Report,
    checked: &Checked,
    format: MeasureFormat,
    style: Style,
) -> Result<String, Fatal> {
    let theme = render::Theme::load(checked)?;
    let catalog: &Catalog = &theme.catalog;
    Ok(match format {
        MeasureFormat::Json => report.to_json(),
        MeasureFormat::Human => {
            measure::output::human(report, &checked.handbook, catalog, style.color)
        }
        MeasureFormat::Markdown => measure::output::markdown(report, &checked.handbook, catalog),
        MeasureFormat::Html => measure::output::html(report, checked, &theme)?,
    })
}

/// Standards whose latest complete period with a result missed its target.
fn missed(report: &Report) -> Vec<&str> {
    report
        .standards
        .iter()
        .filter(|s| {
            s.periods
                .iter()
                .rev()
                .find(|p| !p.partial && p.figures.held.is_some())
                .is_some_and(|p| p.figures.held == Some(false))
        })
        .map(|s| s.id.as_str())
        .collect()
}

fn missed_list(report: &Report) -> String {
    missed(report)
        .iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn sql_dialect(dialect: SqlDialect) -> measure::sql::Dialect {
    use measure::sql::Dialect;
    match dialect {
        SqlDialect::Postgres => Dialect::Postgres,
        SqlDialect::Duckdb => Dialect::Duckdb,
        SqlDialect::Bigquery => Dialect::Bigquery,
        SqlDialect::Snowflake => Dialect::Snowflake,
        SqlDialect::Spark => Dialect::Spark,
    }
}

fn date_option(flag: &str, text: Option<&str>) -> Result<Option<crate::values::Date>, Fatal> {
    let Some(text) = text else {
        return Ok(None);
    };
    crate::values::Date::parse(text).map(Some).ok_or_else(|| {
        Fatal::new(format!("`{flag} {text}` is not a date"))
            .with_help("write the date as YYYY-MM-DD, like 2026-10-01")
    })
}

/// Prints `text`, or writes it to `out` atomically; never over a file sok read.
fn write_out(out: Option<&Path>, root: &Path, checked: &Checked, text: &str) -> Result<(), Fatal> {
    let Some(out) = out else {
        return print(text);
    };
    let protected: Vec<std::path::PathBuf> = checked
        .sources
        .iter()
        .map(|(_, f)| root.join(&f.path))
        .chain(
            checked
                .sources
                .iter()
                .map(|(_, f)| std::path::PathBuf::from(&f.path)),
        )
        .collect();
    super::write_report(out, &protected, text)
}
