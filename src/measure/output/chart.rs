//! One standard's chart for the HTML report: an SVG bar per period (green held, red missed,
//! pale while the period is still running, none without a result) against the target drawn
//! as a dashed line. No script; the SVG scales with the page (`viewBox`), is one image to a
//! screen reader (`role="img"` with a title and a description), and each bar's `<title>`
//! gives its figure, the same text as the table beside it.

use std::fmt::Write;

use super::view::Status;
use super::words::Words;
use crate::measure::report::{PeriodResult, Target};
use crate::render::markdown::to_html::escape_attr as esc;

const TOP: f64 = 28.0;
const BOTTOM: f64 = 46.0;
const LEFT: f64 = 52.0;
/// Room for the target's figure beside its line, right of the bars.
const RIGHT: f64 = 64.0;
const HEIGHT: f64 = 240.0;
/// How much larger than its own units the chart is drawn on a wide screen (it shrinks to
/// fit a narrow one).
const ZOOM: f64 = 1.25;
/// The widest slot per period; with many periods slots narrow so the chart stays one screen.
const SLOT: f64 = 60.0;

/// The chart of `periods` (oldest first); `id` is unique in the page.
pub(crate) fn chart(
    id: &str,
    title: &str,
    target: &Target,
    periods: &[PeriodResult],
    words: &Words<'_>,
) -> String {
    let (lo, hi, step) = scale(target, periods);
    // Wide enough for the longest tick figure ("100 PLN"), at about 7 units a character.
    let ticks = ((hi - lo) / step).round() as usize;
    let longest = (0..=ticks)
        .map(|k| words.value(target, lo + step * k as f64).chars().count())
        .max()
        .unwrap_or(4);
    let left = LEFT.max(longest as f64 * 7.0 + 12.0);
    let n = periods.len().max(1) as f64;
    let slot = match periods.len() {
        0..=12 => SLOT,
        _ => (720.0 / n).max(6.0),
    };
    let width = (left + RIGHT + slot * n).max(400.0).round();
    let plot = width - left - RIGHT;
    let slot = plot / n;
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (HEIGHT - TOP - BOTTOM);
    let target_text = periods
        .last()
        .map(|p| words.target(target, p.target))
        .unwrap_or_default();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"0 0 {width} {HEIGHT}\" width=\"{}\" height=\"{}\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        (width * ZOOM).round(),
        (HEIGHT * ZOOM).round(),
        esc(&words.cat.fill("report.chart.title", &[("title", title)])),
        esc(&words
            .cat
            .fill("report.chart.desc", &[("target", &target_text)])),
    );
    // Grid lines and their figures.
    for k in 0..=ticks {
        let tick = lo + step * k as f64;
        let ty = y(tick);
        let class = if tick == 0.0 { "axis" } else { "grid" };
        let _ = write!(
            svg,
            "<line class=\"{class}\" x1=\"{left}\" x2=\"{}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left + plot,
            left - 6.0,
            ty + 4.0,
            esc(&words.value(target, tick)),
        );
    }
    let zero = y(0.0_f64.clamp(lo, hi));
    let label_every = (44.0 / slot).ceil().max(1.0) as usize;
    let mut last_sub = String::new();
    for (i, p) in periods.iter().enumerate() {
        let x = left + slot * i as f64;
        let centre = x + slot / 2.0;
        let status = Status::of_period(p);
        match p.figures.value {
            Some(v) => {
                let bar = (slot * 0.62).min(44.0);
                let (top, bottom) = if y(v) < zero {
                    (y(v), zero)
                } else {
                    (zero, y(v))
                };
                let class = match p.partial {
                    true => format!("bar bar--{} bar--partial", status.class()),
                    false => format!("bar bar--{}", status.class()),
                };
                let figure = words.value(target, v);
                let _ = write!(
                    svg,
                    "<rect class=\"{class}\" x=\"{:.1}\" y=\"{top:.1}\" width=\"{bar:.1}\" \
                     height=\"{:.1}\"><title>{}</title></rect>",
                    centre - bar / 2.0,
                    (bottom - top).max(1.0),
                    esc(&format!("{}: {figure}", words.period_of(p))),
                );
                if slot >= 40.0 {
                    let ly = if v >= 0.0 { top - 6.0 } else { bottom + 14.0 };
                    let _ = write!(
                        svg,
                        "<text class=\"figure\" x=\"{centre:.1}\" y=\"{ly:.1}\" \
                         text-anchor=\"middle\">{}</text>",
                        esc(&figure)
                    );
                }
            }
            None => {
                let _ = write!(
                    svg,
                    "<text class=\"figure figure--none\" x=\"{centre:.1}\" y=\"{:.1}\" \
                     text-anchor=\"middle\">{}<title>{}</title></text>",
                    zero - 6.0,
                    esc(words.get("label.none")),
                    esc(&format!(
                        "{}: {}",
                        words.period_of(p),
                        words.get("label.none")
                    )),
                );
            }
        }
        if i % label_every == 0 {
            let (main, sub) = words.axis(&p.period);
            let _ = write!(
                svg,
                "<text class=\"tick\" x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                HEIGHT - BOTTOM + 18.0,
                esc(&main)
            );
            if sub != last_sub {
                let _ = write!(
                    svg,
                    "<text class=\"tick\" x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                    HEIGHT - BOTTOM + 36.0,
                    esc(&sub)
                );
                last_sub = sub;
            }
        }
    }
    // The target, period by period (a target changed between editions shows as a step).
    let mut path = String::new();
    for (i, p) in periods.iter().enumerate() {
        let x0 = left + slot * i as f64;
        let ty = y(p.target.clamp(lo, hi));
        let verb = if i == 0 { 'M' } else { 'L' };
        let _ = write!(path, "{verb}{x0:.1} {ty:.1}H{:.1}", x0 + slot);
    }
    if !path.is_empty() {
        let last = periods.last().map_or(0.0, |p| p.target);
        let _ = write!(
            svg,
            "<path class=\"target\" d=\"{path}\"/><text class=\"target-label\" x=\"{:.1}\" \
             y=\"{:.1}\">{}</text>",
            left + plot + 6.0,
            y(last.clamp(lo, hi)) + 4.0,
            esc(&target_text)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The axis: its lowest and highest figure and the step between grid lines. Shares of
/// events and scores of a `min` target run from 0 to 100; a rate held to a small `max`
/// (complaints at most 1.5%) gets an axis that shows it; an NPS below zero goes below zero.
fn scale(target: &Target, periods: &[PeriodResult]) -> (f64, f64, f64) {
    let figures = periods
        .iter()
        .flat_map(|p| [p.figures.value, Some(p.target)])
        .flatten();
    let (min, max) = figures.fold((0.0_f64, 0.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    let percent = target.unit == "percent";
    let mut hi = nice(max * 1.15);
    if percent && (hi > 60.0 || hi == 0.0) {
        hi = 100.0;
    }
    let lo = if min < 0.0 { -nice(-min * 1.15) } else { 0.0 };
    let (lo, hi) = if target.unit == "nps" {
        (lo.max(-100.0), hi.min(100.0))
    } else {
        (lo, hi.max(1.0))
    };
    let step = nice((hi - lo) / 4.0);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    (lo, hi, step)
}

/// The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `x`.
fn nice(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let power = 10f64.powf(x.log10().floor());
    let f = x / power;
    let m = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|&m| f <= m + 1e-9)
        .unwrap_or(10.0);
    m * power
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice(0.0), 0.0);
        assert_eq!(nice(1.7), 2.0);
        assert_eq!(nice(23.0), 25.0);
        assert_eq!(nice(101.0), 200.0);
        assert_eq!(nice(0.4), 0.5);
    }
}
