//! How values read in the change notice, in each language: targets ("at most 2 minutes in
//! 90% of cases, each month"), durations with the right plural, numbers with the right
//! decimal mark, and dates with the month's name.

use super::fill;
use super::strings::{Strings, plural};
use crate::diff::output::escape;
use crate::i18n::measure::MeasureValue;
use crate::model::{BoundValue, Direction, Hours, Language, MetricKind};
use crate::values::{Date, Duration, DurationUnit, format_number};

pub(super) fn number(s: &Strings, n: f64) -> String {
    format_number(n).replace('.', s.decimal)
}

pub(super) fn duration(s: &Strings, language: Language, d: &Duration) -> String {
    let row = match d.unit {
        DurationUnit::Second => 0,
        DurationUnit::Minute => 1,
        DurationUnit::Hour => 2,
        DurationUnit::Day => 3,
        DurationUnit::BusinessDay => 4,
        DurationUnit::Week => 5,
        DurationUnit::Month => 6,
        DurationUnit::Year => 7,
    };
    let unit = s.units[row][plural(language, d.amount)];
    format!("{} {unit}", number(s, d.amount))
}

/// "at most 2 minutes in 90% of cases, each month, in business hours".
pub(super) fn target(s: &Strings, language: Language, m: &MeasureValue) -> String {
    let value = match (&m.bound, m.kind) {
        (BoundValue::Duration(d), _) => duration(s, language, d),
        (BoundValue::Number(n), MetricKind::Percent) => fill(s.percent, &[("n", &number(s, *n))]),
        (BoundValue::Number(n), _) => match &m.unit {
            Some(unit) if m.kind == MetricKind::Custom => {
                format!("{} {}", number(s, *n), escape(unit))
            }
            _ => number(s, *n),
        },
    };
    let bound = if m.direction == Direction::Min {
        s.at_least
    } else {
        s.at_most
    };
    let mut first = fill(bound, &[("value", &value)]);
    if let Some(share) = m.share {
        let share = match share >= 100.0 {
            true => s.every_case.to_string(),
            false => fill(
                s.share,
                &[("share", &fill(s.percent, &[("n", &number(s, share))]))],
            ),
        };
        first = format!("{first} {share}");
    }
    let mut parts = vec![first];
    if let Some(period) = m.period {
        parts.push(s.periods[period as usize].to_string());
    }
    if m.hours == Hours::Business {
        parts.push(s.business_hours.to_string());
    }
    parts.join(", ")
}

pub(super) fn date(s: &Strings, d: &Date) -> String {
    let month = s.months[(d.month.clamp(1, 12) - 1) as usize];
    let (day, year) = (d.day.to_string(), d.year.to_string());
    fill(s.date, &[("day", &day), ("month", month), ("year", &year)])
}

#[cfg(test)]
mod tests {
    use super::super::strings::strings;
    use super::*;
    use crate::model::Period;

    fn measure(bound: BoundValue, kind: MetricKind, share: Option<f64>) -> MeasureValue {
        MeasureValue {
            metric: "m".into(),
            kind,
            unit: Some("PLN".into()),
            direction: Direction::Max,
            bound,
            share,
            period: Some(Period::Quarter),
            hours: Hours::Business,
        }
    }

    #[test]
    fn targets_in_every_language() {
        let d = |s: &str| BoundValue::Duration(Duration::parse(s).unwrap());
        let answer = measure(d("1.5 h"), MetricKind::Duration, Some(100.0));
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
            assert_eq!(target(strings(language), language, &answer), expected);
        }
        let rate = MeasureValue {
            direction: Direction::Min,
            hours: Hours::Calendar,
            ..measure(BoundValue::Number(92.5), MetricKind::Percent, None)
        };
        let sl = strings(Language::Sl);
        assert_eq!(
            target(sl, Language::Sl, &rate),
            "najmanj 92,5 %, vsako četrtletje"
        );
        let gift = MeasureValue {
            hours: Hours::Calendar,
            ..measure(BoundValue::Number(20.0), MetricKind::Custom, Some(95.0))
        };
        let pl = strings(Language::Pl);
        assert_eq!(
            target(pl, Language::Pl, &gift),
            "najwyżej 20 PLN w 95% przypadków, w każdym kwartale"
        );
    }

    #[test]
    fn dates_and_durations() {
        let date = Date::parse("2026-09-01").unwrap();
        let expected = [
            (Language::En, "1 September 2026"),
            (Language::Pl, "1 września 2026 r."),
            (Language::Ru, "1 сентября 2026 г."),
            (Language::Sl, "1. septembra 2026"),
        ];
        for (language, text) in expected {
            assert_eq!(super::date(strings(language), &date), text);
        }
        let days = Duration::parse("5 business days").unwrap();
        let ru = strings(Language::Ru);
        assert_eq!(duration(ru, Language::Ru, &days), "5 рабочих дней");
        let sl = strings(Language::Sl);
        assert_eq!(duration(sl, Language::Sl, &days), "5 delovnih dni");
    }
}
