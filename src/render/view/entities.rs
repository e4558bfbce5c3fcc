//! View models of single entities, as the templates see them (documented in
//! docs/templates.md). Text fields are already rendered (HTML or Markdown) and sanitized;
//! references are [`LinkView`]s. Building one never scans the whole handbook: reverse
//! relations come from [`super::lookups::Lookups`].

use serde::Serialize;

use super::context::{Ctx, Label, LinkView};
use super::memo::Use;
use crate::i18n::Form;
use crate::i18n::measure::{self, MeasureCells, MeasureValue};
use crate::model::{Kind, Measure, Standard};
use crate::render::address::target::Target;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TermView {
    pub id: String,
    pub anchor: String,
    pub term: String,
    pub definition: String,
    pub aka: Vec<String>,
    pub ambiguous: bool,
    pub not: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PrincipleView {
    pub id: String,
    pub anchor: String,
    pub number: usize,
    pub title: String,
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct StandardRef {
    pub link: LinkView,
    pub measure: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MeasureView {
    pub sentence: String,
    pub cells: MeasureCells,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct StandardView {
    pub id: String,
    pub anchor: String,
    pub level: u8,
    pub title: String,
    pub owner: LinkView,
    pub status: Label,
    pub text: Option<String>,
    pub measure: Option<MeasureView>,
    pub touchpoints: Vec<LinkView>,
    pub steps: Vec<LinkView>,
    pub situations: Vec<LinkView>,
    pub say: Vec<String>,
    pub never_say: Vec<String>,
    pub review_every: Option<String>,
    pub last_reviewed: Option<String>,
    pub next_review: Option<String>,
    /// The review banner, when the review fell due before the build's day (the rule of
    /// lint's `review-overdue`: the handbook's cycle where the standard has none; never for
    /// a retired standard).
    pub overdue: Option<String>,
    pub tags: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct EscalationView {
    pub after: String,
    pub to: LinkView,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SituationView {
    pub id: String,
    pub anchor: String,
    pub level: u8,
    pub name: String,
    pub trigger: Option<String>,
    pub severity: Option<Label>,
    pub respond_within: Option<String>,
    pub owner: LinkView,
    pub touchpoints: Vec<LinkView>,
    pub say: Vec<String>,
    pub never_say: Vec<String>,
    pub escalation: Vec<EscalationView>,
    pub procedure: Option<String>,
    /// Whether the procedure starts with its own heading (then the template adds none).
    pub procedure_titled: bool,
    pub standards: Vec<StandardRef>,
    pub tags: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TouchpointView {
    pub id: String,
    pub anchor: String,
    pub level: u8,
    pub name: String,
    pub channel: Label,
    pub hours: Option<String>,
    pub owner: LinkView,
    pub description: Option<String>,
    pub steps: Vec<LinkView>,
    pub standards: Vec<StandardRef>,
    pub situations: Vec<LinkView>,
    pub tags: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChapterView {
    pub id: String,
    pub anchor: String,
    pub title: String,
    pub body: String,
}

pub(crate) fn term(ctx: &Ctx<'_>, i: usize) -> Option<TermView> {
    let e = ctx.hb.terms.get(i)?;
    let target = Target::Entity(Kind::Term, e.meta.id.value.clone());
    Some(TermView {
        id: e.meta.id.value.clone(),
        anchor: ctx.anchor(&target, false),
        term: ctx.inline(&e.term),
        definition: ctx.block(&e.definition, &target, false, 2),
        aka: e.aka.iter().map(|a| ctx.inline(a)).collect(),
        ambiguous: e.ambiguous,
        not: ctx.block_opt(e.not.as_ref(), &target, false, 2),
    })
}

pub(crate) fn principle(ctx: &Ctx<'_>, i: usize) -> Option<PrincipleView> {
    let e = ctx.hb.principles.get(i)?;
    let target = Target::Entity(Kind::Principle, e.meta.id.value.clone());
    Some(PrincipleView {
        id: e.meta.id.value.clone(),
        anchor: ctx.anchor(&target, false),
        number: i + 1,
        title: ctx.inline(&e.title),
        text: ctx.block_opt(e.text.as_ref(), &target, false, 2),
    })
}

pub(crate) fn chapter(ctx: &Ctx<'_>, i: usize) -> Option<ChapterView> {
    let e = ctx.hb.chapters.get(i)?;
    let target = Target::Entity(Kind::Chapter, e.meta.id.value.clone());
    Some(ChapterView {
        id: e.meta.id.value.clone(),
        anchor: ctx.anchor(&target, true),
        title: ctx.inline(&e.title),
        body: ctx.block(&e.body, &target, !ctx.single(), 1),
    })
}

pub(crate) fn standard_ref(ctx: &Ctx<'_>, i: usize) -> Option<StandardRef> {
    let e = ctx.hb.standards.get(i)?;
    Some(StandardRef {
        link: ctx.link(
            &Target::Entity(Kind::Standard, e.meta.id.value.clone()),
            ctx.name(&e.title),
        ),
        measure: e.measure.as_ref().map(|m| measure_sentence(ctx, e, m)),
    })
}

/// A standard's measure as a sentence ("90% of calls answered within 2 min"), made once per
/// format.
fn measure_sentence(ctx: &Ctx<'_>, e: &Standard, m: &Measure) -> String {
    ctx.look
        .memo
        .get(e.title.span, ctx.format, Use::Measure, || {
            ctx.plain_text(&measure::sentence(&MeasureValue::of(m), ctx.cat))
        })
}

pub(crate) fn standard(ctx: &Ctx<'_>, i: usize) -> Option<StandardView> {
    let e = ctx.hb.standards.get(i)?;
    let target = Target::Entity(Kind::Standard, e.meta.id.value.clone());
    let level = ctx.entity_level();
    let cat = ctx.cat;
    let next = match (&e.last_reviewed, &e.review_every) {
        (Some(last), Some(every)) => Some(cat.date(last.value.after(&every.value))),
        _ => None,
    };
    Some(StandardView {
        id: e.meta.id.value.clone(),
        anchor: ctx.anchor(&target, true),
        level,
        title: ctx.inline(&e.title),
        owner: ctx.entity_link(Kind::Owner, &e.owner.value),
        status: ctx.label("status", e.status.value.keyword()),
        text: ctx.block_opt(e.text.as_ref(), &target, true, level),
        measure: e.measure.as_ref().map(|m| MeasureView {
            sentence: measure_sentence(ctx, e, m),
            cells: escape_cells(ctx, measure::cells(&MeasureValue::of(m), cat)),
        }),
        touchpoints: ctx.links(
            Kind::Touchpoint,
            e.touchpoints.iter().map(|r| r.value.as_str()),
        ),
        steps: ctx
            .look
            .standard_steps
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|p| ctx.step_link(*p))
            .collect(),
        situations: ctx.links(
            Kind::Situation,
            e.situations.iter().map(|r| r.value.as_str()),
        ),
        say: e.say.iter().map(|t| ctx.inline(t)).collect(),
        never_say: e.never_say.iter().map(|t| ctx.inline(t)).collect(),
        review_every: e
            .review_every
            .as_ref()
            .map(|d| ctx.plain_text(&cat.duration(&d.value, Form::Count))),
        last_reviewed: e
            .last_reviewed
            .as_ref()
            .map(|d| ctx.plain_text(&cat.date(d.value))),
        next_review: next.map(|d| ctx.plain_text(&d)),
        overdue: overdue(ctx, e)
            .map(|due| ctx.plain_text(&cat.fill("ui.review_overdue", &[("date", &cat.date(due))]))),
        tags: super::tags::links(ctx, &e.meta.tags),
    })
}

/// The day the review of standard `e` fell due, if that is before the build's day.
fn overdue(ctx: &Ctx<'_>, e: &crate::model::Standard) -> Option<crate::values::Date> {
    if e.status.value == crate::model::Status::Retired {
        return None;
    }
    let handbook = ctx
        .hb
        .settings
        .as_ref()
        .and_then(|s| s.review_every.as_ref());
    let every = e.review_every.as_ref().or(handbook)?;
    let due = e.last_reviewed.as_ref()?.value.review_due(&every.value)?;
    (due < ctx.today).then_some(due)
}

/// The catalogue cells, escaped for the output format.
pub(crate) fn escape_cells(ctx: &Ctx<'_>, c: MeasureCells) -> MeasureCells {
    MeasureCells {
        metric: ctx.plain_text(&c.metric),
        bound: ctx.plain_text(&c.bound),
        share: ctx.plain_text(&c.share),
        period: ctx.plain_text(&c.period),
        hours: ctx.plain_text(&c.hours),
    }
}

pub(crate) fn situation(ctx: &Ctx<'_>, i: usize) -> Option<SituationView> {
    let e = ctx.hb.situations.get(i)?;
    let target = Target::Entity(Kind::Situation, e.meta.id.value.clone());
    let level = ctx.entity_level();
    let cat = ctx.cat;
    Some(SituationView {
        id: e.meta.id.value.clone(),
        anchor: ctx.anchor(&target, true),
        level,
        name: ctx.inline(&e.name),
        trigger: ctx.block_opt(e.trigger.as_ref(), &target, true, level),
        severity: e
            .severity
            .as_ref()
            .map(|s| ctx.label("severity", s.value.keyword())),
        respond_within: e
            .respond_within
            .as_ref()
            .map(|d| ctx.plain_text(&cat.duration(&d.value, Form::Count))),
        owner: ctx.entity_link(Kind::Owner, &e.owner.value),
        touchpoints: ctx.links(
            Kind::Touchpoint,
            e.touchpoints.iter().map(|r| r.value.as_str()),
        ),
        say: e.say.iter().map(|t| ctx.inline(t)).collect(),
        never_say: e.never_say.iter().map(|t| ctx.inline(t)).collect(),
        escalation: e
            .escalation
            .iter()
            .map(|x| EscalationView {
                after: ctx.plain_text(&cat.fill(
                    "format.escalation_after",
                    &[
                        ("count", &cat.duration(&x.after.value, Form::Count)),
                        ("within", &cat.duration(&x.after.value, Form::Within)),
                    ],
                )),
                to: ctx.entity_link(Kind::Owner, &x.to.value),
            })
            .collect(),
        procedure: ctx.block_opt(e.procedure.as_ref(), &target, true, level),
        procedure_titled: e
            .procedure
            .as_ref()
            .is_some_and(|p| crate::render::markdown::headings::starts_with_heading(&p.value)),
        standards: ctx
            .look
            .situation_standards
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|s| standard_ref(ctx, *s))
            .collect(),
        tags: super::tags::links(ctx, &e.meta.tags),
    })
}

pub(crate) fn touchpoint(ctx: &Ctx<'_>, i: usize) -> Option<TouchpointView> {
    let e = ctx.hb.touchpoints.get(i)?;
    let target = Target::Entity(Kind::Touchpoint, e.meta.id.value.clone());
    let level = ctx.entity_level();
    let look = ctx.look;
    Some(TouchpointView {
        id: e.meta.id.value.clone(),
        anchor: ctx.anchor(&target, true),
        level,
        name: ctx.inline(&e.name),
        channel: ctx.label("channel", e.channel.value.keyword()),
        hours: ctx.inline_opt(e.hours.as_ref()),
        owner: ctx.entity_link(Kind::Owner, &e.owner.value),
        description: ctx.block_opt(e.description.as_ref(), &target, true, level),
        steps: look
            .touchpoint_steps
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|p| ctx.step_link(*p))
            .collect(),
        standards: look
            .touchpoint_standards
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|s| standard_ref(ctx, *s))
            .collect(),
        situations: look
            .touchpoint_situations
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|s| ctx.hb.situations.get(*s))
            .map(|s| ctx.entity_link(Kind::Situation, &s.meta.id.value))
            .collect(),
        tags: super::tags::links(ctx, &e.meta.tags),
    })
}
