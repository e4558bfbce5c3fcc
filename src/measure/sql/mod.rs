//! `sok measure --sql DIALECT`: one SQL program that computes the report over an events
//! table in the user's warehouse (docs/measure-sql.md).
//!
//! sok writes what only it knows as constant tables (the calendar of `calendar.rs`: local
//! dates and business clocks per UTC day; the standards of `rules.rs`), and `query.rs`
//! joins the events to them by equality on the UTC day number. The program is written once
//! in a portable subset; `dialect.rs` is the one table of what differs per warehouse.

mod calendar;
mod dialect;
mod query;
mod rules;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use jiff::tz::TimeZone;

pub(crate) use dialect::Dialect;

use self::calendar::{KEYED, OpenDays};
use self::dialect::Type;
use self::query::Columns;
use super::clock::LocalCalendar;
use crate::error::Error;
use crate::model::{AbandonedPolicy, Handbook, Language, Period};
use crate::values::{Date, Schedule, parse_schedule};

/// The local days a program covers when `--from` is not given: 400 days up to `--to`.
pub(crate) const DEFAULT_DAYS: i64 = 400;

/// The longest range one program covers (its calendar tables grow with it).
pub(crate) const MOST_DAYS: i64 = 3_700;

/// What the program is asked, besides the dialect and the table.
#[derive(Debug, Clone)]
pub(crate) struct SqlOptions {
    /// Seconds since the epoch at which events without `end` are judged.
    pub as_of: i64,
    /// Events whose start falls on these local dates; by default the 400 days up to the
    /// local date of `as_of`.
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// The figures of the query that are constants of the program.
struct Constants {
    as_of: i64,
    /// Local dates, days since 1970-01-01.
    from: i64,
    to: i64,
    policy: AbandonedPolicy,
    short_abandon: Option<i64>,
    /// The periods, besides days, whose keys `calendar_day` carries.
    keyed: Vec<Period>,
}

/// What the query needs to know about the tables sok wrote.
struct Plan {
    constants: Constants,
    open: Option<OpenDays>,
    /// Interval columns per `open_day` row.
    width: usize,
}

/// The local dates a program covers, from the options: both ends inclusive.
pub(crate) fn range(handbook: &Handbook, options: &SqlOptions) -> Result<(Date, Date), Error> {
    let mut calendar = LocalCalendar::new(super::timezone(handbook));
    let as_of_local = calendar.date_of(options.as_of);
    let to = options.to.map_or(as_of_local, Date::to_days);
    let from = options.from.map_or(to - (DEFAULT_DAYS - 1), Date::to_days);
    if from > to {
        return Err(Error::new(format!(
            "--from {} is after --to {}",
            Date::from_days(from),
            Date::from_days(to)
        ))
        .with_help(
            "give a --from on or before --to (by default --to is the local date of --as-of)",
        ));
    }
    if to - from >= MOST_DAYS {
        return Err(Error::new(format!(
            "--from {} to --to {} is more than {MOST_DAYS} days",
            Date::from_days(from),
            Date::from_days(to)
        ))
        .with_help("write one program per range of at most ten years"));
    }
    Ok((Date::from_days(from), Date::from_days(to)))
}

/// The SQL program for `dialect` over the events table `table`.
pub(crate) fn program(
    checked: &crate::Checked,
    dialect: Dialect,
    table: &str,
    options: &SqlOptions,
) -> Result<String, Error> {
    check_table(table)?;
    let handbook = &checked.handbook;
    let d = dialect;
    let tz = super::timezone(handbook);
    let (from, to) = range(handbook, options)?;
    let (from, to) = (from.to_days(), to.to_days());
    let settings = handbook.settings.as_ref();
    let events = settings.map(|s| s.events.clone()).unwrap_or_default();
    let calendar = settings.map(|s| s.calendar.clone()).unwrap_or_default();
    let holidays: Vec<Date> = calendar.holidays.iter().map(|h| h.value).collect();

    let rules = rules::rules(handbook);
    let business_touchpoints = business_touchpoints(handbook, &rules);
    let schedules: BTreeMap<String, Schedule> = business_touchpoints
        .into_iter()
        .filter_map(|t| schedule(handbook, &t).map(|s| (t, s)))
        .collect();
    let pairs = rules::pairs(handbook, &rules, &|t| schedules.contains_key(t));

    // Starts fall on the UTC days around the local range; ends may run past it.
    let (first, last) = (from - 2, to + 2);
    let bound = rules
        .iter()
        .filter(|r| rules::business(r))
        .map(|r| r.limit)
        .fold(0.0, f64::max);
    let open = (!schedules.is_empty())
        .then(|| OpenDays::new(&schedules, &tz, &holidays, first, last, bound));
    let as_of_open = |t: &str| open.as_ref().map_or(0, |o| o.open_until(t, options.as_of));

    let periods: Vec<Period> = rules.iter().map(|r| r.period).collect();
    let keyed: Vec<Period> = KEYED.into_iter().filter(|p| periods.contains(p)).collect();
    let mut local = LocalCalendar::new(tz.clone());
    let as_of_local = local.date_of(options.as_of);

    let mut tables = vec![calendar::calendar_day(d, &tz, first, last, &keyed)];
    if let Some(open) = &open {
        tables.push(open.table(d));
    }
    tables.push(rules::standard_rule(d, handbook, &rules));
    tables.push(rules::measured_metric(d, &pairs));
    tables.push(rules::event_scope(d, &pairs, &as_of_open));
    tables.push(rules::rule_scope(d, &pairs));
    tables.push(rules::period_list(d, &rules, from, to, as_of_local));
    tables.push(
        d.inline_table(
            "breakdowns",
            &[("breakdown", Type::Text), ("breakdown_order", Type::Int)],
            &["all", "agent", "team", "touchpoint"]
                .iter()
                .enumerate()
                .map(|(i, b)| vec![d.string(b), i.to_string()])
                .collect::<Vec<_>>(),
        ),
    );

    let plan = Plan {
        width: open.as_ref().map_or(1, OpenDays::width),
        open,
        constants: Constants {
            as_of: options.as_of,
            from,
            to,
            policy: events.abandoned_policy(),
            short_abandon: events
                .short_abandon
                .as_ref()
                .map(|s| s.value.nominal_seconds() as i64),
            keyed,
        },
    };
    let column = |name: &str| {
        events
            .columns
            .get(name)
            .map_or_else(|| name.to_string(), |c| c.value.clone())
    };
    let columns = Columns {
        metric: column("metric"),
        touchpoint: column("touchpoint"),
        start: column("start"),
        end: column("end"),
        value: column("value"),
        abandoned: column("abandoned"),
        agent: column("agent"),
        team: column("team"),
        id: column("id"),
    };

    let mut out = header(handbook, d, table, options.as_of, from, to, &tz);
    out.push_str("WITH\n");
    for t in &tables {
        out.push_str(t);
        out.push_str(",\n");
    }
    out.push_str(&query::query(d, &plan, table, &columns));
    Ok(out)
}

/// The touchpoints whose events a business-hours standard measures.
fn business_touchpoints(handbook: &Handbook, rules: &[crate::measure::rule::Rule]) -> Vec<String> {
    handbook
        .touchpoints
        .iter()
        .map(|t| t.meta.id.value.clone())
        .filter(|t| rules.iter().any(|r| rules::business(r) && r.takes(Some(t))))
        .collect()
}

fn schedule(handbook: &Handbook, touchpoint: &str) -> Option<Schedule> {
    let language = handbook
        .settings
        .as_ref()
        .map_or(Language::En, |s| s.language.value);
    let t = handbook
        .touchpoints
        .iter()
        .find(|t| t.meta.id.value == touchpoint)?;
    parse_schedule(&t.hours.as_ref()?.value, language).ok()
}

/// A table name as the warehouse takes it (`events`, `analytics.events`,
/// `project.dataset.events`, quoted parts), and nothing that would end the statement.
fn check_table(table: &str) -> Result<(), Error> {
    let fine = !table.is_empty()
        && table
            .chars()
            .all(|c| c.is_alphanumeric() || "_.$-`\"".contains(c));
    if fine {
        Ok(())
    } else {
        Err(Error::new(format!("`{table}` is not a table name")).with_help(
            "give the events table as the warehouse names it, like `events` or `analytics.events`",
        ))
    }
}

fn header(
    handbook: &Handbook,
    d: Dialect,
    table: &str,
    as_of: i64,
    from: i64,
    to: i64,
    tz: &TimeZone,
) -> String {
    let title = handbook
        .settings
        .as_ref()
        .map(|s| format!("{} {}", s.title.value, s.version.value))
        .unwrap_or_default();
    let as_of = jiff::Timestamp::from_second(as_of)
        .map(|t| t.to_string())
        .unwrap_or_default();
    let zone = tz.iana_name().unwrap_or("UTC");
    format!(
        "-- sok measure --sql {dialect}: {title}
-- Events from {table} whose start falls on a local date from {from} to {to} ({zone}),
-- judged as of {as_of}. One row per standard and period ('all'), per agent, team and
-- touchpoint in it, then the rows read, rejected and unused (docs/measure-sql.md).
",
        dialect = d.name(),
        title = title.replace('\n', " "),
        from = Date::from_days(from),
        to = Date::from_days(to),
    )
}
