//! The report's figures in the handbook's words: periods ("październik 2026", "IV kw. 2026"),
//! results and targets in their unit, the trend, statuses and counted phrases. Every output
//! format writes its figures through here, so the terminal, the e-mail, the page and the
//! handbook's chapter never show one figure two ways.

use crate::i18n::Catalog;
use crate::measure::report::{PeriodResult, Report, Target};
use crate::values::Date;

/// The report's numbers rounded for reading: one decimal.
pub(crate) fn rounded(n: f64) -> f64 {
    let r = (n * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// Writes figures with the words of one catalogue.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    pub cat: &'a Catalog,
}

impl<'a> Words<'a> {
    pub(crate) fn new(cat: &'a Catalog) -> Words<'a> {
        Words { cat }
    }

    /// A string of the `[report]` table.
    pub(crate) fn get(&self, key: &'static str) -> &'a str {
        self.cat.get(key)
    }

    fn list(&self, key: &str, index: usize) -> Option<String> {
        self.cat
            .try_list(key)
            .and_then(|items| items.get(index).cloned())
    }

    /// A period key in words: `2026-10` → "październik 2026", `2026-W40` → "tydzień
    /// 2026-W40", `2026-Q4` → "IV kw. 2026", `2026-10-05` → "5 października 2026", `2026`.
    /// A key of another shape is shown as it is.
    pub(crate) fn period(&self, key: &str) -> String {
        match Key::parse(key) {
            Some(Key::Day(date)) => self.cat.date(date),
            Some(Key::Week(..)) => self.cat.fill("report.periods.week", &[("key", key)]),
            Some(Key::Month(year, month)) => match self.list("report.months", month - 1) {
                Some(name) => self.cat.fill(
                    "report.periods.month",
                    &[("month", &name), ("year", &year.to_string())],
                ),
                None => key.to_string(),
            },
            Some(Key::Quarter(year, quarter)) => match self.list("report.quarters", quarter - 1) {
                Some(name) => self.cat.fill(
                    "report.periods.quarter",
                    &[("quarter", &name), ("year", &year.to_string())],
                ),
                None => key.to_string(),
            },
            Some(Key::Year(year)) => year.to_string(),
            None => key.to_string(),
        }
    }

    /// A period in words, marked when it was still running at the report's moment.
    pub(crate) fn period_of(&self, p: &PeriodResult) -> String {
        let name = self.period(&p.period);
        match p.partial {
            true => self.cat.fill("report.running", &[("period", &name)]),
            false => name,
        }
    }

    /// A period's label under a chart's bar, in two short lines: ("paź", "2026"),
    /// ("W40", "2026"), ("IV kw.", "2026"), ("5", "paź"), ("2026", "").
    pub(crate) fn axis(&self, key: &str) -> (String, String) {
        let short = |month: u32| {
            self.list("report.months_short", month as usize - 1)
                .unwrap_or_else(|| format!("{month:02}"))
        };
        match Key::parse(key) {
            Some(Key::Day(date)) => (date.day.to_string(), short(date.month)),
            Some(Key::Week(year, week)) => (format!("W{week:02}"), year.to_string()),
            Some(Key::Month(year, month)) => (short(month as u32), year.to_string()),
            Some(Key::Quarter(year, quarter)) => (
                self.list("report.quarters", quarter - 1)
                    .unwrap_or_else(|| format!("Q{quarter}")),
                year.to_string(),
            ),
            Some(Key::Year(year)) => (year.to_string(), String::new()),
            None => (key.to_string(), String::new()),
        }
    }

    /// A result in its unit: "86,4%", "48" (NPS), "21,5 PLN".
    pub(crate) fn value(&self, target: &Target, value: f64) -> String {
        let n = rounded(value);
        match target.unit.as_str() {
            "percent" => self.cat.percent(n),
            "nps" | "" => self.cat.number(n),
            unit => format!("{} {unit}", self.cat.number(n)),
        }
    }

    /// A result, or the "no result" mark.
    pub(crate) fn value_or_none(&self, target: &Target, value: Option<f64>) -> String {
        match value {
            Some(v) => self.value(target, v),
            None => self.get("label.none").to_string(),
        }
    }

    /// The figure a period is held to, with its direction: "≥ 90%", "≤ 1,5%".
    pub(crate) fn target(&self, target: &Target, figure: f64) -> String {
        let key = match higher_is_better(target) {
            true => "measure.bound_min",
            false => "measure.bound_max",
        };
        self.cat
            .fill(key, &[("bound", &self.value(target, figure))])
    }

    /// The change against the previous period: "+2,1 p.p.", "−4", with whether it is
    /// better, worse or no change.
    pub(crate) fn trend(&self, target: &Target, trend: f64) -> Trend {
        let n = rounded(trend);
        let number = self.cat.number(n.abs());
        let amount = match target.unit.as_str() {
            "percent" => self.cat.fill("report.trend.points", &[("n", &number)]),
            "nps" | "" => number,
            unit => format!("{number} {unit}"),
        };
        let sign = match n {
            n if n > 0.0 => "+",
            n if n < 0.0 => "\u{2212}",
            _ => "±",
        };
        let better = higher_is_better(target);
        let direction = if n == 0.0 {
            Direction::Same
        } else if (n > 0.0) == better {
            Direction::Better
        } else {
            Direction::Worse
        };
        Trend {
            amount: format!("{sign}{amount}"),
            direction,
        }
    }

    /// A trend in words: "+2,1 p.p., lepiej".
    pub(crate) fn trend_words(&self, target: &Target, trend: Option<f64>) -> String {
        match trend {
            Some(t) => {
                let t = self.trend(target, t);
                self.cat.fill(
                    "report.trend.line",
                    &[
                        ("amount", &t.amount),
                        ("direction", self.get(t.direction.key())),
                    ],
                )
            }
            None => self.get("label.none").to_string(),
        }
    }

    /// The `[report]` phrase at `key` for the count `n`.
    pub(crate) fn count(&self, key: &str, n: u64) -> String {
        self.cat.count(key, n as f64, &[])
    }

    /// An agent's or team's name; `""` stands for events that name none.
    pub(crate) fn who(&self, name: &str, none_key: &'static str) -> String {
        match name.trim() {
            "" => self.get(none_key).to_string(),
            name => name.to_string(),
        }
    }

    /// The moment of the report in the calendar's time zone: "5 listopada 2026, 10:30
    /// (Europe/Warsaw)". A moment that does not parse is shown as written.
    pub(crate) fn as_of(&self, as_of: &str, timezone: &str) -> String {
        let local = as_of
            .parse::<jiff::Timestamp>()
            .ok()
            .and_then(|t| Some(t.to_zoned(jiff::tz::TimeZone::get(timezone).ok()?)));
        let Some(local) = local else {
            return as_of.to_string();
        };
        let date = Date::new(
            i32::from(local.year()),
            local.month() as u32,
            local.day() as u32,
        );
        let Some(date) = date else {
            return as_of.to_string();
        };
        self.cat.fill(
            "report.moment",
            &[
                ("date", &self.cat.date(date)),
                (
                    "time",
                    &format!("{:02}:{:02}", local.hour(), local.minute()),
                ),
                ("timezone", timezone),
            ],
        )
    }

    /// "Stan na 5 listopada 2026, 10:30 (Europe/Warsaw). Zdarzenia od 1 sierpnia 2026."
    pub(crate) fn as_of_line(&self, report: &Report) -> String {
        let moment = self.as_of(&report.as_of, &report.timezone);
        let mut line = self.cat.fill("report.as_of", &[("moment", &moment)]);
        let (from, to) = (report.from.as_deref(), report.to.as_deref());
        let range = match (from, to) {
            (Some(from), Some(to)) => Some(self.cat.fill(
                "report.range.from_to",
                &[("from", &self.date(from)), ("to", &self.date(to))],
            )),
            (Some(from), None) => Some(
                self.cat
                    .fill("report.range.from", &[("from", &self.date(from))]),
            ),
            (None, Some(to)) => Some(self.cat.fill("report.range.to", &[("to", &self.date(to))])),
            (None, None) => None,
        };
        if let Some(range) = range {
            line = format!("{line} {range}");
        }
        line
    }

    /// The period still running: "listopad 2026 (trwa): 92% (187 zdarzeń, 3 w toku)".
    pub(crate) fn so_far(&self, target: &Target, p: &PeriodResult) -> String {
        self.cat.fill(
            "report.so_far",
            &[
                ("period", &self.period_of(p)),
                ("value", &self.value_or_none(target, p.figures.value)),
                (
                    "events",
                    &self.count("report.count.events", p.figures.events),
                ),
                (
                    "pending",
                    &self.count("report.count.pending", p.figures.pending),
                ),
            ],
        )
    }

    /// A local date of `--from` / `--to` in words, or as written.
    pub(crate) fn date(&self, text: &str) -> String {
        Date::parse(text).map_or_else(|| text.to_string(), |d| self.cat.date(d))
    }
}

/// Whether a higher result is the better one: shares of events that met a bound and figures
/// with a `min` bound.
pub(crate) fn higher_is_better(target: &Target) -> bool {
    target.per_event || target.bound != "max"
}

/// Which way a result moved, as the reader's target sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Better,
    Worse,
    Same,
}

impl Direction {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Direction::Better => "report.trend.better",
            Direction::Worse => "report.trend.worse",
            Direction::Same => "report.trend.same",
        }
    }
}

/// A change against the previous period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Trend {
    /// Signed, in the result's unit: "+2,1 p.p.".
    pub amount: String,
    pub direction: Direction,
}

/// A period key of the report, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Day(Date),
    Week(i32, u32),
    Month(i32, usize),
    Quarter(i32, usize),
    Year(i32),
}

impl Key {
    fn parse(key: &str) -> Option<Key> {
        let (year, rest) = match key.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (key, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let number = |text: &str, range: std::ops::RangeInclusive<u32>| {
            let digits = text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit());
            let n: u32 = text.parse().ok().filter(|_| digits)?;
            range.contains(&n).then_some(n)
        };
        match rest {
            None => Some(Key::Year(year)),
            Some(rest) if rest.len() == 5 => Date::parse(key).map(Key::Day),
            Some(rest) => match rest.split_at_checked(1) {
                Some(("W", week)) => number(week, 1..=53).map(|w| Key::Week(year, w)),
                Some(("Q", q)) if q.len() == 1 => {
                    let q: usize = q.parse().ok().filter(|q| (1..=4).contains(q))?;
                    Some(Key::Quarter(year, q))
                }
                _ => number(rest, 1..=12).map(|m| Key::Month(year, m as usize)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn target(unit: &str, bound: &str, per_event: bool) -> Target {
        Target {
            bound: bound.into(),
            limit: String::new(),
            limit_value: 0.0,
            share: None,
            period: "month".into(),
            hours: "calendar".into(),
            per_event,
            unit: unit.into(),
        }
    }

    #[test]
    fn periods_read_in_every_language() {
        let cases = [
            (
                Language::Pl,
                [
                    "październik 2026",
                    "tydzień 2026-W40",
                    "IV kw. 2026",
                    "5 października 2026",
                    "2026",
                ],
            ),
            (
                Language::En,
                [
                    "October 2026",
                    "week 2026-W40",
                    "Q4 2026",
                    "5 October 2026",
                    "2026",
                ],
            ),
            (
                Language::Ru,
                [
                    "октябрь 2026",
                    "неделя 2026-W40",
                    "IV кв. 2026",
                    "5 октября 2026 г.",
                    "2026",
                ],
            ),
            (
                Language::Sl,
                [
                    "oktober 2026",
                    "teden 2026-W40",
                    "4. četrtletje 2026",
                    "5. oktobra 2026",
                    "2026",
                ],
            ),
        ];
        for (language, expected) in cases {
            let cat = Catalog::builtin(language);
            let words = Words::new(&cat);
            let got =
                ["2026-10", "2026-W40", "2026-Q4", "2026-10-05", "2026"].map(|k| words.period(k));
            assert_eq!(got, expected, "{language:?}");
        }
        let cat = Catalog::builtin(Language::En);
        let words = Words::new(&cat);
        for odd in [
            "2026-13", "2026-W54", "2026-Q5", "26-10", "2026-1", "autumn",
        ] {
            assert_eq!(words.period(odd), odd);
        }
        assert_eq!(words.axis("2026-10"), ("Oct".into(), "2026".into()));
        assert_eq!(words.axis("2026-W05"), ("W05".into(), "2026".into()));
    }

    #[test]
    fn figures_in_their_unit_with_the_decimal_comma() {
        let pl = Catalog::builtin(Language::Pl);
        let words = Words::new(&pl);
        let share = target("percent", "max", true);
        assert_eq!(words.value(&share, 86.3636), "86,4%");
        assert_eq!(words.target(&share, 90.0), "≥ 90%");
        let rate = target("percent", "max", false);
        assert_eq!(words.target(&rate, 1.5), "≤ 1,5%");
        let down = words.trend(&rate, -0.44);
        assert_eq!(down.amount, "\u{2212}0,4 p.p.");
        assert_eq!(down.direction, Direction::Better);
        let nps = target("nps", "min", false);
        assert_eq!(words.value(&nps, 42.04), "42");
        assert_eq!(words.trend(&nps, -5.0).direction, Direction::Worse);
        assert_eq!(words.trend(&nps, 0.01).direction, Direction::Same);
        assert_eq!(words.value(&target("PLN", "min", false), 21.55), "21,6 PLN");
        assert_eq!(
            words.as_of("2026-11-05T09:30:00Z", "Europe/Warsaw"),
            "5 listopada 2026, 10:30 (Europe/Warsaw)"
        );
        assert_eq!(words.as_of("yesterday", "Europe/Warsaw"), "yesterday");
        assert_eq!(words.count("report.summary.standards", 5), "5 standardów");
    }
}
