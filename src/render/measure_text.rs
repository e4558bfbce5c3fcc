//! A standard's measure written out for people: one sentence in the handbook's language
//! ("90% połączeń odebranych w ciągu 2 min, liczone miesięcznie, w godzinach pracy") and the
//! cells of the catalogue table. Pages, the search index and handbook.md all use these.

use serde::Serialize;

use super::i18n::{Catalog, Form, fill};
use crate::model::{BoundValue, Direction, Hours, Measure, MetricKind};
use crate::texts::capitalize;

/// The catalogue table's columns for one measure.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MeasureCells {
    pub metric: String,
    pub bound: String,
    pub share: String,
    pub period: String,
    pub hours: String,
}

pub fn metric_name(measure: &Measure, cat: &Catalog) -> String {
    let name = &measure.metric.value;
    match cat.try_get(&format!("metric.{name}")) {
        Some(label) if measure.kind != MetricKind::Custom => label.to_string(),
        _ => name.replace('_', " "),
    }
}

fn bound_text(measure: &Measure, cat: &Catalog, form: Form) -> String {
    match &measure.bound.value {
        BoundValue::Duration(d) => cat.duration(d, form),
        BoundValue::Number(n) => match measure.kind {
            MetricKind::Percent => cat.percent(*n),
            MetricKind::Score | MetricKind::Duration => cat.number(*n),
            MetricKind::Custom => match &measure.unit {
                Some(unit) if !unit.value.trim().is_empty() => {
                    format!("{} {}", cat.number(*n), unit.value.trim())
                }
                _ => cat.number(*n),
            },
        },
    }
}

/// The measure as one sentence, starting with a capital letter.
pub fn sentence(measure: &Measure, cat: &Catalog) -> String {
    let share = cat.percent(measure.effective_share());
    let bound = bound_text(measure, cat, Form::Count);
    let within = bound_text(measure, cat, Form::Within);
    let metric = metric_name(measure, cat);
    let args = [
        ("share", share.as_str()),
        ("bound", bound.as_str()),
        ("within", within.as_str()),
        ("metric", metric.as_str()),
    ];
    let specific = format!("measure.{}", measure.metric.value);
    let max = measure.bound.direction == Direction::Max;
    let pattern = match cat.try_get(&specific) {
        Some(p) if measure.kind == MetricKind::Duration && max => p,
        _ => match (measure.per_event, max) {
            (true, true) => cat.get("measure.event_max"),
            (true, false) => cat.get("measure.event_min"),
            (false, true) => cat.get("measure.figure_max"),
            (false, false) => cat.get("measure.figure_min"),
        },
    };
    let mut parts = vec![fill(pattern, &args)];
    if let Some(period) = &measure.period {
        parts.push(
            cat.get(&format!("measure.period.{}", period.value.keyword()))
                .to_string(),
        );
    }
    if measure.hours == Hours::Business {
        parts.push(cat.get("measure.hours.business").to_string());
    }
    capitalize(&parts.join(cat.get("measure.separator")))
}

/// The columns of the catalogue table.
pub fn cells(measure: &Measure, cat: &Catalog) -> MeasureCells {
    let bound = bound_text(measure, cat, Form::Count);
    let bound_key = match measure.bound.direction {
        Direction::Max => "measure.bound_max",
        Direction::Min => "measure.bound_min",
    };
    MeasureCells {
        metric: metric_name(measure, cat),
        bound: cat.fill(bound_key, &[("bound", &bound)]),
        share: if measure.per_event {
            cat.percent(measure.effective_share())
        } else {
            cat.get("label.none").to_string()
        },
        period: measure.period.as_ref().map_or_else(
            || cat.get("label.none").to_string(),
            |p| {
                cat.get(&format!("period.{}", p.value.keyword()))
                    .to_string()
            },
        ),
        hours: match measure.hours {
            Hours::Business => cat.get("hours.business").to_string(),
            Hours::Calendar => cat.get("hours.calendar").to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bound, Language, Period, Sp, Text};
    use crate::source::{FileId, Span};
    use crate::values::Duration;

    fn span() -> Span {
        Span::file_start(FileId(0))
    }

    fn measure(metric: &str, kind: MetricKind, direction: Direction, bound: BoundValue) -> Measure {
        Measure {
            metric: Sp::new(metric.into(), span()),
            kind,
            per_event: kind == MetricKind::Duration,
            unit: None,
            bound: Bound {
                direction,
                value: bound,
                span: span(),
            },
            share: Some(Sp::new(90.0, span())),
            period: Some(Sp::new(Period::Month, span())),
            hours: Hours::Business,
            span: span(),
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
        days.bound.value = BoundValue::Duration(Duration::parse("5 business days").unwrap());
        assert_eq!(
            sentence(&days, &ru),
            "90% звонков принимаются в течение 5 рабочих дней, по итогам месяца, в рабочее время"
        );
    }

    #[test]
    fn figures_and_custom_metrics() {
        let mut m = measure(
            "csat",
            MetricKind::Percent,
            Direction::Min,
            BoundValue::Number(92.5),
        );
        m.per_event = false;
        m.share = None;
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
        custom.per_event = true;
        custom.unit = Some(Text::exact("PLN".into(), span()));
        assert_eq!(
            sentence(&custom, &pl),
            "Gratis value: co najmniej 20 PLN w 90% przypadków, liczone miesięcznie, w godzinach pracy"
        );
    }
}
