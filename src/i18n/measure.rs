//! The one measure in words. A standard's target is read by several people: staff on its
//! page ("90% połączeń odebranych w ciągu 2 min, liczone miesięcznie, w godzinach pracy"),
//! the catalogue table, the search index and handbook.md, staff in the change notice ("at
//! most 2 minutes in 90% of cases, each month"), and reviewers in `sok diff`
//! ("max 2 min, 90% of events, per month, business hours"). All of them start from the same
//! [`MeasureValue`], the target as plain typed values.

use serde::Serialize;

use super::Catalog;
use super::catalog::fill;
use super::format::{Form, capitalize};
use crate::model::{BoundValue, Direction, Hours, Measure, MetricKind, Period};
use crate::values::format_number;

/// A standard's target as plain typed values, without spans: what its words are made of, and
/// what two editions of it are compared by.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureValue {
    pub metric: String,
    pub kind: MetricKind,
    /// The unit of a custom metric, trimmed.
    pub unit: Option<String>,
    /// The metric's name as the handbook writes it, trimmed, if it gives one.
    pub name: Option<String>,
    pub direction: Direction,
    pub bound: BoundValue,
    /// Percent of events that must meet the bound: per-event metrics only (100 by default).
    pub share: Option<f64>,
    pub period: Option<Period>,
    pub hours: Hours,
}

impl MeasureValue {
    pub fn of(m: &Measure) -> MeasureValue {
        MeasureValue {
            metric: m.metric.value.clone(),
            kind: m.kind,
            unit: m.unit.as_ref().map(|u| u.value.trim().to_string()),
            name: m
                .name
                .as_ref()
                .map(|n| n.value.trim().to_string())
                .filter(|n| !n.is_empty()),
            direction: m.bound.direction,
            bound: m.bound.value.clone(),
            share: m.per_event.then(|| m.effective_share()),
            period: m.period.as_ref().map(|p| p.value),
            hours: m.hours,
        }
    }

    /// The unit to write after a number: a custom metric's, when it has one.
    fn unit(&self) -> Option<&str> {
        match self.kind {
            MetricKind::Custom => self.unit.as_deref().filter(|u| !u.is_empty()),
            _ => None,
        }
    }
}

/// The word the sources use for a bound's direction: `max` or `min`.
pub(crate) fn direction(direction: Direction) -> &'static str {
    match direction {
        Direction::Max => "max",
        Direction::Min => "min",
    }
}

/// The bound as the sources write it back: `2 min`, `90%`, `50`, `20 PLN`.
pub(crate) fn written(m: &MeasureValue) -> String {
    match &m.bound {
        BoundValue::Duration(d) => d.to_string(),
        BoundValue::Number(n) if m.kind == MetricKind::Percent => format!("{}%", format_number(*n)),
        BoundValue::Number(n) => match m.unit() {
            Some(unit) => format!("{} {unit}", format_number(*n)),
            None => format_number(*n),
        },
    }
}

/// One line for reviewers in the sources' own words (`sok diff` speaks English and source
/// keys): `max 2 min, 90% of events, per month, business hours (answer_time)`.
pub(crate) fn summary(m: &MeasureValue) -> String {
    let mut parts = vec![format!("{} {}", direction(m.direction), written(m))];
    if let Some(share) = m.share {
        parts.push(format!("{}% of events", format_number(share)));
    }
    if let Some(period) = m.period {
        parts.push(format!("per {}", period.keyword()));
    }
    if m.hours == Hours::Business {
        parts.push("business hours".to_string());
    }
    format!("{} ({})", parts.join(", "), m.metric)
}

/// The target in the words of the change notice: "at most 2 minutes in 90% of cases, each
/// month, in business hours".
pub(crate) fn target(m: &MeasureValue, cat: &Catalog) -> String {
    let value = bound(m, cat, Form::Words);
    let mut first = match m.direction {
        Direction::Max => cat.fill("notice.at_most", &[("value", &value)]),
        Direction::Min => cat.fill("notice.at_least", &[("value", &value)]),
    };
    if let Some(share) = m.share {
        let share = match share >= 100.0 {
            true => cat.get("notice.every_case").to_string(),
            false => cat.fill("notice.share", &[("share", &cat.percent(share))]),
        };
        first = format!("{first} {share}");
    }
    let mut parts = vec![first];
    parts.extend(window(m, cat, "notice.period", "notice.business_hours"));
    parts.join(", ")
}

/// The catalogue table's columns for one measure.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct MeasureCells {
    pub metric: String,
    pub bound: String,
    pub share: String,
    pub period: String,
    pub hours: String,
}

/// The metric's name: the handbook's `name`, else the catalogue's for a built-in metric, else
/// the key in words.
pub(crate) fn metric_name(m: &MeasureValue, cat: &Catalog) -> String {
    if let Some(name) = &m.name {
        return name.clone();
    }
    match cat.try_get(&format!("metric.{}", m.metric)) {
        Some(label) if m.kind != MetricKind::Custom => label.to_string(),
        _ => m.metric.replace('_', " "),
    }
}

/// The bound in words: "2 min", "92,5%", "20 PLN".
fn bound(m: &MeasureValue, cat: &Catalog, form: Form) -> String {
    match &m.bound {
        BoundValue::Duration(d) => cat.duration(d, form),
        BoundValue::Number(n) if m.kind == MetricKind::Percent => cat.percent(*n),
        BoundValue::Number(n) => match m.unit() {
            Some(unit) => format!("{} {unit}", cat.number(*n)),
            None => cat.number(*n),
        },
    }
}

/// When the target is measured, in words: the period from the table `periods` ("measured
/// monthly", "each month"), then the string at `business` for business hours.
fn window(m: &MeasureValue, cat: &Catalog, periods: &str, business: &str) -> Vec<String> {
    let period = m
        .period
        .map(|p| cat.get(&format!("{periods}.{}", p.keyword())).to_string());
    let hours = (m.hours == Hours::Business).then(|| cat.get(business).to_string());
    period.into_iter().chain(hours).collect()
}

/// The measure as one sentence, starting with a capital letter.
pub(crate) fn sentence(m: &MeasureValue, cat: &Catalog) -> String {
    let share = cat.percent(m.share.unwrap_or(100.0));
    let count = bound(m, cat, Form::Count);
    let within = bound(m, cat, Form::Within);
    let metric = metric_name(m, cat);
    let args = [
        ("share", share.as_str()),
        ("bound", count.as_str()),
        ("within", within.as_str()),
        ("metric", metric.as_str()),
    ];
    let specific = format!("measure.{}", m.metric);
    let max = m.direction == Direction::Max;
    let pattern = match cat.try_get(&specific) {
        Some(p) if m.kind == MetricKind::Duration && max => p,
        _ => match (m.share.is_some(), max) {
            (true, true) => cat.get("measure.event_max"),
            (true, false) => cat.get("measure.event_min"),
            (false, true) => cat.get("measure.figure_max"),
            (false, false) => cat.get("measure.figure_min"),
        },
    };
    let mut parts = vec![fill(pattern, &args)];
    parts.extend(window(m, cat, "measure.period", "measure.hours.business"));
    capitalize(&parts.join(cat.get("measure.separator")))
}

/// The measure as one visit or call observes it, for a scorecard item: "call answered within
/// 2 min", "during business hours" when counted so; no share and no period, which belong to
/// many events. Only a per-event measure with a duration bound is observable this way.
pub(crate) fn observed(m: &MeasureValue, cat: &Catalog) -> Option<String> {
    if m.share.is_none() || !matches!(m.bound, BoundValue::Duration(_)) {
        return None;
    }
    let count = bound(m, cat, Form::Count);
    let within = bound(m, cat, Form::Within);
    let metric = metric_name(m, cat);
    let args = [
        ("bound", count.as_str()),
        ("within", within.as_str()),
        ("metric", metric.as_str()),
    ];
    let specific = format!("audit.measure.{}", m.metric);
    let pattern = match cat.try_get(&specific) {
        Some(p) if m.kind == MetricKind::Duration && m.direction == Direction::Max => p,
        _ if m.direction == Direction::Max => cat.get("measure.figure_max"),
        _ => cat.get("measure.figure_min"),
    };
    let mut parts = vec![fill(pattern, &args)];
    if m.hours == Hours::Business {
        parts.push(cat.get("measure.hours.business").to_string());
    }
    Some(capitalize(&parts.join(cat.get("measure.separator"))))
}

/// The columns of the catalogue table.
pub(crate) fn cells(m: &MeasureValue, cat: &Catalog) -> MeasureCells {
    let bound_key = match m.direction {
        Direction::Max => "measure.bound_max",
        Direction::Min => "measure.bound_min",
    };
    let none = || cat.get("label.none").to_string();
    MeasureCells {
        metric: metric_name(m, cat),
        bound: cat.fill(bound_key, &[("bound", &bound(m, cat, Form::Count))]),
        share: m.share.map_or_else(none, |s| cat.percent(s)),
        period: m.period.map_or_else(none, |p| {
            cat.get(&format!("period.{}", p.keyword())).to_string()
        }),
        hours: cat.get(&format!("hours.{}", m.hours.keyword())).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::values::Duration;

    fn measure(
        metric: &str,
        kind: MetricKind,
        direction: Direction,
        bound: BoundValue,
    ) -> MeasureValue {
        MeasureValue {
            metric: metric.into(),
            kind,
            unit: None,
            name: None,
            direction,
            bound,
            share: (kind == MetricKind::Duration).then_some(90.0),
            period: Some(Period::Month),
            hours: Hours::Business,
        }
    }

    #[test]
    fn answer_time_reads_as_the_method_writes_it() {
        let m = measure(
            "answer_time",
            MetricKind::Duration,
            Direction::Max,
            BoundValue::Duration(Duration::parse("2 min").unwrap()),
        );
        let pl = Catalog::builtin(Language::Pl);
        assert_eq!(
            sentence(&m, &pl),
            "90% połączeń odebranych w ciągu 2 min, liczone miesięcznie, w godzinach pracy"
        );
        let en = Catalog::builtin(Language::En);
        assert_eq!(
            sentence(&m, &en),
            "90% of calls answered within 2 min, measured monthly, during business hours"
        );
        let ru = Catalog::builtin(Language::Ru);
        let mut days = m.clone();
        days.bound = BoundValue::Duration(Duration::parse("5 business days").unwrap());
        assert_eq!(
            sentence(&days, &ru),
            "90% звонков принимаются в течение 5 рабочих дней, по итогам месяца, в рабочее время"
        );
    }

    #[test]
    fn one_visit_sees_a_duration_not_a_period_figure() {
        let m = measure(
            "callback_time",
            MetricKind::Duration,
            Direction::Max,
            BoundValue::Duration(Duration::parse("30 min").unwrap()),
        );
        let pl = Catalog::builtin(Language::Pl);
        assert_eq!(
            observed(&m, &pl).as_deref(),
            Some("Oddzwonienie w ciągu 30 min, w godzinach pracy")
        );
        let csat = measure(
            "csat",
            MetricKind::Percent,
            Direction::Min,
            BoundValue::Number(90.0),
        );
        assert_eq!(observed(&csat, &pl), None);
    }

    #[test]
    fn figures_and_custom_metrics() {
        let mut m = measure(
            "csat",
            MetricKind::Percent,
            Direction::Min,
            BoundValue::Number(92.5),
        );
        m.hours = Hours::Calendar;
        let pl = Catalog::builtin(Language::Pl);
        assert_eq!(
            sentence(&m, &pl),
            "CSAT: co najmniej 92,5%, liczone miesięcznie"
        );
        let cells = cells(&m, &pl);
        assert_eq!(cells.bound, "≥ 92,5%");
        assert_eq!(cells.share, "—");
        let mut custom = measure(
            "gratis_value",
            MetricKind::Custom,
            Direction::Min,
            BoundValue::Number(20.0),
        );
        custom.share = Some(90.0);
        custom.unit = Some("PLN".into());
        assert_eq!(
            sentence(&custom, &pl),
            "Gratis value: co najmniej 20 PLN w 90% przypadków, liczone miesięcznie, w godzinach pracy"
        );
    }

    #[test]
    fn targets_in_every_language() {
        let d = |s: &str| BoundValue::Duration(Duration::parse(s).unwrap());
        let answer = MeasureValue {
            share: Some(100.0),
            period: Some(Period::Quarter),
            ..measure("m", MetricKind::Duration, Direction::Max, d("1.5 h"))
        };
        let cases = [
            (
                Language::En,
                "at most 1.5 hours in every case, each quarter, in business hours",
            ),
            (
                Language::Pl,
                "najwyżej 1,5 godziny w każdym przypadku, w każdym kwartale, w godzinach pracy",
            ),
            (
                Language::Ru,
                "максимум 1,5 часа в каждом случае, каждый квартал, в рабочее время",
            ),
            (
                Language::Sl,
                "največ 1,5 ure v vsakem primeru, vsako četrtletje, v delovnem času",
            ),
        ];
        for (language, expected) in cases {
            assert_eq!(target(&answer, &Catalog::builtin(language)), expected);
        }
        let rate = MeasureValue {
            period: Some(Period::Quarter),
            hours: Hours::Calendar,
            ..measure(
                "m",
                MetricKind::Percent,
                Direction::Min,
                BoundValue::Number(92.5),
            )
        };
        let sl = Catalog::builtin(Language::Sl);
        assert_eq!(target(&rate, &sl), "najmanj 92,5 %, vsako četrtletje");
        let gift = MeasureValue {
            unit: Some("PLN".into()),
            share: Some(95.0),
            period: Some(Period::Quarter),
            hours: Hours::Calendar,
            ..measure(
                "m",
                MetricKind::Custom,
                Direction::Max,
                BoundValue::Number(20.0),
            )
        };
        let pl = Catalog::builtin(Language::Pl);
        assert_eq!(
            target(&gift, &pl),
            "najwyżej 20 PLN w 95% przypadków, w każdym kwartale"
        );
        assert_eq!(summary(&gift), "max 20 PLN, 95% of events, per quarter (m)");
        assert_eq!(written(&rate), "92.5%");
    }
}
