//! The rows of the journeys, touchpoints and situations indexes: each entity's link, its
//! owner, a label and one detail, in the handbook's order.

use serde::Serialize;

use crate::i18n::Form;
use crate::model::Kind;
use crate::render::view::context::{Ctx, Label, LinkView};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Row {
    link: LinkView,
    owner: Option<LinkView>,
    label: Option<Label>,
    detail: Option<String>,
    count: usize,
}

/// The rows of the journeys index.
pub(crate) fn journeys(ctx: &Ctx<'_>) -> Vec<Row> {
    ctx.hb
        .journeys
        .iter()
        .map(|j| Row {
            link: ctx.entity_link(Kind::Journey, &j.meta.id.value),
            owner: j
                .owner
                .as_ref()
                .map(|o| ctx.entity_link(Kind::Owner, &o.value)),
            label: None,
            detail: j
                .description
                .as_ref()
                .map(|d| ctx.plain_text(&super::search::excerpt(&d.value))),
            count: j.steps.len(),
        })
        .collect()
}

/// The rows of the touchpoints index.
pub(crate) fn touchpoints(ctx: &Ctx<'_>) -> Vec<Row> {
    ctx.hb
        .touchpoints
        .iter()
        .map(|t| Row {
            link: ctx.entity_link(Kind::Touchpoint, &t.meta.id.value),
            owner: Some(ctx.entity_link(Kind::Owner, &t.owner.value)),
            label: Some(ctx.label("channel", t.channel.value.keyword())),
            detail: ctx.inline_opt(t.hours.as_ref()),
            count: 0,
        })
        .collect()
}

/// The rows of the situations index.
pub(crate) fn situations(ctx: &Ctx<'_>) -> Vec<Row> {
    ctx.hb
        .situations
        .iter()
        .map(|s| Row {
            link: ctx.entity_link(Kind::Situation, &s.meta.id.value),
            owner: Some(ctx.entity_link(Kind::Owner, &s.owner.value)),
            label: s
                .severity
                .as_ref()
                .map(|v| ctx.label("severity", v.value.keyword())),
            detail: s
                .respond_within
                .as_ref()
                .map(|d| ctx.plain_text(&ctx.cat.duration(&d.value, Form::Count))),
            count: 0,
        })
        .collect()
}
