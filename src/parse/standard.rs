//! Reading a standard: the rule, its references and its `[measure]`.

use super::entities::{Origin, anchor, main_text, meta, placeholder_ref, placeholder_text};
use super::fields::{Ctx, Table};
use super::measure::measure;
use crate::diagnostics::{Diagnostic, codes};
use crate::model::fields;
use crate::model::*;

pub(crate) fn standard(cx: &mut Ctx<'_>, t: &Table<'_, '_>, origin: &Origin) -> Option<Standard> {
    t.check_keys(cx, &fields::keys(fields::STANDARD));
    let title = t.req_text(cx, "title");
    let owner = t.req_id(cx, "owner");
    let status = t
        .choice(cx, "status", Status::KEYWORDS)
        .unwrap_or_else(|| Sp::new(Status::Active, t.header));
    let touchpoints = t.ids(cx, "touchpoints");
    let steps = t
        .strings(cx, "steps", "[\"journey-id/step-id\"]")
        .into_iter()
        .filter_map(|s| step_ref(cx, s))
        .collect();
    let situations = t.ids(cx, "situations");
    let say = t.texts(cx, "say");
    let never_say = t.texts(cx, "never_say");
    let review_every = t.duration(cx, "review_every");
    let last_reviewed = t.date(cx, "last_reviewed");
    let text = main_text(cx, t, "text", origin);
    let measure = t
        .table(cx, "measure", "`[measure]`")
        .map(|m| m.inside(t, fields::STANDARD))
        .and_then(|m| measure(cx, &m));
    let audit = t
        .table(cx, "audit", "`audit` table")
        .and_then(|a| audit(cx, &a));
    let meta = meta(cx, t, origin, anchor(t, title.as_ref()), None);
    Some(Standard {
        meta: meta?,
        title: title.unwrap_or_else(|| placeholder_text(t)),
        owner: owner.unwrap_or_else(|| placeholder_ref(t)),
        status,
        touchpoints,
        steps,
        situations,
        say,
        never_say,
        review_every,
        last_reviewed,
        text,
        measure,
        audit,
    })
}

/// `audit = { weight = 3, critical = true }`: a sok extension, read like every other table.
fn audit(cx: &mut Ctx<'_>, t: &Table<'_, '_>) -> Option<AuditWeight> {
    t.check_keys(cx, &fields::keys(fields::AUDIT));
    let critical = t.bool(cx, "critical").unwrap_or(false);
    let weight = match t.integer(cx, "weight") {
        None => 1,
        Some(w) => match u32::try_from(w.value) {
            Ok(n) if n >= 1 => n,
            _ => {
                cx.push(
                    Diagnostic::error(
                        &codes::VALUE_NUMBER,
                        w.span,
                        format!(
                            "`weight` must be a positive whole number, found {}",
                            w.value
                        ),
                    )
                    .label("not a positive weight")
                    .help("write `weight = 1` or more; leave it out for 1"),
                );
                return None;
            }
        },
    };
    Some(AuditWeight {
        weight,
        critical,
        span: t.header,
    })
}

fn step_ref(cx: &mut Ctx<'_>, s: Sp<String>) -> Option<StepRef> {
    match s.value.split_once('/') {
        Some((journey, step))
            if crate::values::is_valid_id(journey) && crate::values::is_valid_id(step) =>
        {
            Some(StepRef {
                journey: journey.to_string(),
                step: step.to_string(),
                span: s.span,
            })
        }
        _ => {
            cx.push(
                Diagnostic::error(
                    &codes::VALUE_ID,
                    s.span,
                    format!("`{}` is not a step reference", s.value),
                )
                .label("expected `journey-id/step-id`")
                .help("name a step by its journey and its own id, like `online-order/callback`"),
            );
            None
        }
    }
}
