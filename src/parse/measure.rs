//! `[measure]`: the metric registry applied to one standard's target.

use toml::de::DeValue;

use super::fields::{Ctx, Table, number_of};
use crate::diagnostics::{Diagnostic, codes};
use crate::metrics;
use crate::model::fields;
use crate::model::{Bound, BoundValue, Direction, Hours, Measure, MetricKind, Period};
use crate::values::Duration;

pub(crate) fn measure(cx: &mut Ctx<'_>, t: &Table<'_, '_>) -> Option<Measure> {
    t.check_keys(cx, &fields::keys(fields::MEASURE));
    let metric = t.string(cx, "metric", "\"answer_time\"");
    if metric.is_none() && !t.has("metric") {
        t.missing(cx, "metric", "\"answer_time\"");
    }
    let unit = t.text(cx, "unit");
    let name = t.text(cx, "name");
    let period = t.choice(cx, "period", Period::KEYWORDS);
    let hours = t.choice(cx, "hours", Hours::KEYWORDS);
    let hours_span = hours.as_ref().map(|h| h.span);
    let hours = hours.map_or(Hours::Calendar, |h| h.value);
    let share = t.number(cx, "share");
    if let Some(share) = &share {
        check_percent(cx, "share", share.value, share.span);
    }
    let metric = metric?;
    let builtin = metrics::builtin(&metric.value);
    let (kind, per_event) = match builtin {
        Some(m) => (m.kind, m.kind == MetricKind::Duration),
        None => {
            if unit.is_none() {
                cx.push(
                    Diagnostic::error(
                        &codes::MEASURE_UNIT_MISSING,
                        metric.span,
                        format!("custom metric `{}` has no `unit`", metric.value),
                    )
                    .label("not a built-in metric")
                    .help(
                        match crate::diagnostics::did_you_mean(
                            &metric.value.to_lowercase(),
                            metrics::BUILTIN.iter().map(|m| m.name),
                        ) {
                            Some(hint) => format!(
                                "{hint} Otherwise add `unit = \"count\"` (or PLN, min, ...)"
                            ),
                            None => {
                                "add its unit, like `unit = \"count\"` or `unit = \"PLN\"`".into()
                            }
                        },
                    ),
                );
                // Most likely a misspelt built-in metric: its bound cannot be judged.
                return None;
            }
            (MetricKind::Custom, share.is_some())
        }
    };
    if let (Some(share), false) = (&share, per_event) {
        cx.push(
            Diagnostic::error(
                &codes::MEASURE_SHARE,
                share.span,
                format!(
                    "`{}` is one figure per period and takes no `share`",
                    metric.value
                ),
            )
            .label("share of events does not apply")
            .help("remove `share`; the bound applies to the period's figure"),
        );
    }
    let bound = bound(
        cx,
        t,
        &metric.value,
        kind,
        unit.as_ref().map(|u| u.value.as_str()),
    );
    if let (Some(b), Some(m)) = (&bound, builtin) {
        if b.direction != m.direction {
            let (wrong, right) = match m.direction {
                Direction::Max => ("min", "max"),
                Direction::Min => ("max", "min"),
            };
            cx.push(
                Diagnostic::error(
                    &codes::MEASURE_DIRECTION,
                    b.span,
                    format!(
                        "`{}` is bounded with `{right}`, not `{wrong}`",
                        metric.value
                    ),
                )
                .label(format!("`{wrong}` rewards the wrong direction"))
                .help(format!("write `{right} = ...` instead of `{wrong} = ...`")),
            );
        }
    }
    Some(Measure {
        span: t.header,
        metric,
        kind,
        per_event,
        unit,
        name,
        bound: bound?,
        share,
        period,
        hours,
        hours_span,
    })
}

fn bound(
    cx: &mut Ctx<'_>,
    t: &Table<'_, '_>,
    metric: &str,
    kind: MetricKind,
    unit: Option<&str>,
) -> Option<Bound> {
    let (key, direction, value) = match (t.get("max"), t.get("min")) {
        (Some(v), None) => ("max", Direction::Max, v),
        (None, Some(v)) => ("min", Direction::Min, v),
        (None, None) => {
            cx.push(
                Diagnostic::error(&codes::MEASURE_BOUND, t.header, "measure has no bound")
                    .label("needs `max` or `min`")
                    .help("add `max = \"2 min\"` (at most) or `min = 90` (at least)"),
            );
            return None;
        }
        (Some(_), Some(min)) => {
            cx.push(
                Diagnostic::error(
                    &codes::MEASURE_BOUND,
                    cx.span(min.span()),
                    "measure has both `max` and `min`",
                )
                .label("second bound")
                .help(
                    "keep one bound per measure; split the rule into two standards if both matter",
                ),
            );
            return None;
        }
    };
    let span = cx.span(value.span());
    let time_unit = unit.and_then(|u| Duration::parse(&format!("1 {u}")).ok());
    let bound_value = match (value.get_ref(), kind) {
        (DeValue::String(s), MetricKind::Duration) => parse_duration(cx, key, s, span)?,
        (DeValue::String(s), MetricKind::Custom) if time_unit.is_some() => {
            parse_duration(cx, key, s, span)?
        }
        (v, MetricKind::Custom) if number_of(v).is_some() => {
            let n = number_of(v)?;
            match time_unit {
                Some(unit) => BoundValue::Duration(Duration {
                    amount: n,
                    unit: unit.unit,
                }),
                None => BoundValue::Number(n),
            }
        }
        (v, MetricKind::Percent) if number_of(v).is_some() => {
            let n = number_of(v)?;
            check_percent(cx, key, n, span).then_some(BoundValue::Number(n))?
        }
        (v, MetricKind::Score) if number_of(v).is_some() => {
            let n = number_of(v)?;
            if !(-100.0..=100.0).contains(&n) {
                cx.push(
                    Diagnostic::error(
                        &codes::VALUE_NUMBER,
                        span,
                        format!("`{metric}` runs from -100 to 100, not {n}"),
                    )
                    .label("out of range")
                    .help("NPS is the share of promoters minus the share of detractors: -100..100"),
                );
                return None;
            }
            BoundValue::Number(n)
        }
        _ => {
            let (expected, example) = match kind {
                MetricKind::Duration => ("a duration", "\"2 min\""),
                MetricKind::Percent => ("a percentage", "90"),
                MetricKind::Score => ("a score from -100 to 100", "50"),
                MetricKind::Custom if time_unit.is_some() => {
                    ("a duration or a number", "\"15 min\"")
                }
                MetricKind::Custom => ("a number in its unit", "20"),
            };
            cx.push(
                Diagnostic::error(
                    &codes::MEASURE_BOUND_KIND,
                    span,
                    format!("the bound of `{metric}` must be {expected}"),
                )
                .label(format!("expected {expected}"))
                .help(format!("write it like `{key} = {example}`")),
            );
            return None;
        }
    };
    Some(Bound {
        direction,
        value: bound_value,
        span,
    })
}

fn parse_duration(
    cx: &mut Ctx<'_>,
    key: &str,
    text: &str,
    span: crate::source::Span,
) -> Option<BoundValue> {
    match Duration::parse(text) {
        Ok(d) => Some(BoundValue::Duration(d)),
        Err(help) => {
            cx.push(
                Diagnostic::error(
                    &codes::VALUE_DURATION,
                    span,
                    format!("`{key}` is not a duration: `{text}`"),
                )
                .label("not a duration")
                .help(help),
            );
            None
        }
    }
}

pub(crate) fn check_percent(
    cx: &mut Ctx<'_>,
    key: &str,
    value: f64,
    span: crate::source::Span,
) -> bool {
    let ok = (0.0..=100.0).contains(&value);
    if !ok {
        cx.push(
            Diagnostic::error(
                &codes::VALUE_PERCENT,
                span,
                format!(
                    "`{key}` must be a percentage from 0 to 100, found {}",
                    crate::values::format_number(value)
                ),
            )
            .label("out of range")
            .help("write a number between 0 and 100, without a % sign"),
        );
    }
    ok
}
