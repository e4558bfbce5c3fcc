//! View models that connect entities: journeys with their stages and steps, owners with
//! their reporting tree and duties, the responsibility and coverage matrices, the catalogue
//! of standards and the title page.

use serde::Serialize;

use super::context::{Ctx, Label, LinkView};
use super::entities::{self, StandardRef};
use crate::i18n::Form;
use crate::i18n::measure::{self, MeasureCells, MeasureValue};
use crate::model::Kind;
use crate::render::address::target::Target;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct StepView {
    pub id: String,
    pub anchor: String,
    pub level: u8,
    pub number: usize,
    pub name: String,
    pub owner: LinkView,
    pub touchpoints: Vec<LinkView>,
    pub instruction: Option<String>,
    pub standards: Vec<StandardRef>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct StageView {
    pub key: String,
    pub anchor: String,
    pub name: String,
    pub steps: Vec<StepView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct JourneyView {
    pub id: String,
    pub anchor: String,
    pub level: u8,
    pub name: String,
    pub owner: Option<LinkView>,
    pub description: Option<String>,
    pub stages: Vec<StageView>,
    pub step_count: usize,
    pub tags: Vec<LinkView>,
}

pub(crate) fn journey(ctx: &Ctx<'_>, j: usize) -> Option<JourneyView> {
    let e = ctx.hb.journeys.get(j)?;
    let id = &e.meta.id.value;
    let target = Target::Entity(Kind::Journey, id.clone());
    let level = ctx.entity_level();
    let anchor = ctx.anchor(&target, true);
    let mut number = 0;
    let stages = ctx
        .hb
        .stages_of(e)
        .into_iter()
        .map(|stage| {
            let steps = e
                .steps
                .iter()
                .enumerate()
                .filter(|(_, s)| s.stage.value == stage)
                .map(|(s, step)| {
                    number += 1;
                    let target = Target::Step(id.clone(), step.id.value.clone());
                    StepView {
                        id: step.id.value.clone(),
                        anchor: ctx.anchor(&target, false),
                        level: level + 2,
                        number,
                        name: ctx.inline(&step.name),
                        owner: ctx.entity_link(Kind::Owner, &step.owner.value),
                        touchpoints: ctx.links(
                            Kind::Touchpoint,
                            step.touchpoints.iter().map(|r| r.value.as_str()),
                        ),
                        instruction: ctx.block_opt(
                            step.instruction.as_ref(),
                            &target,
                            false,
                            level + 2,
                        ),
                        standards: ctx
                            .look
                            .step_standards
                            .get(&(j, s))
                            .into_iter()
                            .flatten()
                            .filter_map(|i| entities::standard_ref(ctx, *i))
                            .collect(),
                    }
                })
                .collect::<Vec<_>>();
            let stage_anchor = if anchor.is_empty() {
                format!("stage-{stage}")
            } else {
                format!("{anchor}--stage-{stage}")
            };
            StageView {
                key: stage.to_string(),
                anchor: stage_anchor,
                name: ctx.stage_name(stage),
                steps,
            }
        })
        .filter(|s| !s.steps.is_empty())
        .collect();
    Some(JourneyView {
        id: id.clone(),
        anchor,
        level,
        name: ctx.inline(&e.name),
        owner: e
            .owner
            .as_ref()
            .map(|r| ctx.entity_link(Kind::Owner, &r.value)),
        description: ctx.block_opt(e.description.as_ref(), &target, true, level),
        stages,
        step_count: e.steps.len(),
        tags: super::tags::links(ctx, &e.meta.tags),
    })
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct OwnerView {
    pub id: String,
    pub anchor: String,
    pub level: u8,
    pub name: String,
    pub team: Option<String>,
    pub person: Option<String>,
    pub contact: Option<String>,
    pub reports_to: Option<LinkView>,
    pub reports: Vec<LinkView>,
    pub description: Option<String>,
    pub journeys: Vec<LinkView>,
    pub steps: Vec<LinkView>,
    pub touchpoints: Vec<LinkView>,
    pub standards: Vec<StandardRef>,
    pub situations: Vec<LinkView>,
    /// What the role applies in daily work ([`crate::role::Applies`]), if anything.
    pub applies: Option<AppliesView>,
    /// Its pocket card, when it applies anything.
    pub card: Option<LinkView>,
    pub tags: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AppliesView {
    pub steps: Vec<LinkView>,
    pub touchpoints: Vec<LinkView>,
    pub standards: Vec<StandardRef>,
    pub situations: Vec<LinkView>,
    /// Situations whose escalation ladder hands over to this role.
    pub escalations: Vec<LinkView>,
}

pub(crate) fn owner(ctx: &Ctx<'_>, i: usize) -> Option<OwnerView> {
    let e = ctx.hb.owners.get(i)?;
    let duties = ctx.look.owners.get(i)?;
    let hb = ctx.hb;
    let target = Target::Entity(Kind::Owner, e.meta.id.value.clone());
    let level = ctx.entity_level();
    let ids = |kind: Kind, list: &[usize]| -> Vec<LinkView> {
        list.iter()
            .filter_map(|&x| match kind {
                Kind::Owner => hb.owners.get(x).map(|o| &o.meta.id.value),
                Kind::Journey => hb.journeys.get(x).map(|o| &o.meta.id.value),
                Kind::Touchpoint => hb.touchpoints.get(x).map(|o| &o.meta.id.value),
                _ => hb.situations.get(x).map(|o| &o.meta.id.value),
            })
            .map(|id| ctx.entity_link(kind, id))
            .collect()
    };
    Some(OwnerView {
        id: e.meta.id.value.clone(),
        anchor: ctx.anchor(&target, true),
        level,
        name: ctx.inline(&e.name),
        team: ctx.inline_opt(e.team.as_ref()),
        person: ctx.inline_opt(e.person.as_ref()),
        contact: ctx.inline_opt(e.contact.as_ref()),
        reports_to: e
            .reports_to
            .as_ref()
            .map(|r| ctx.entity_link(Kind::Owner, &r.value)),
        reports: ids(Kind::Owner, &duties.reports),
        description: ctx.block_opt(e.description.as_ref(), &target, true, level),
        journeys: ids(Kind::Journey, &duties.journeys),
        steps: duties
            .steps
            .iter()
            .filter_map(|p| ctx.step_link(*p))
            .collect(),
        touchpoints: ids(Kind::Touchpoint, &duties.touchpoints),
        standards: duties
            .standards
            .iter()
            .filter_map(|s| entities::standard_ref(ctx, *s))
            .collect(),
        situations: ids(Kind::Situation, &duties.situations),
        applies: ctx
            .look
            .applies
            .get(i)
            .filter(|a| !a.is_empty())
            .map(|a| AppliesView {
                steps: a.steps.iter().filter_map(|p| ctx.step_link(*p)).collect(),
                touchpoints: ids(Kind::Touchpoint, &a.touchpoints),
                standards: a
                    .standards
                    .iter()
                    .filter_map(|s| entities::standard_ref(ctx, *s))
                    .collect(),
                situations: ids(Kind::Situation, &a.situations),
                escalations: ids(Kind::Situation, &a.escalations),
            }),
        card: ctx.look.applies.get(i).filter(|a| !a.is_empty()).map(|_| {
            let text = ctx.plain_text(ctx.cat.get("label.pocket_card"));
            ctx.link(&Target::Card(e.meta.id.value.clone()), text)
        }),
        tags: super::tags::links(ctx, &e.meta.tags),
    })
}

/// One owner in the reporting tree.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TreeNode {
    pub link: LinkView,
    pub team: Option<String>,
    pub children: Vec<TreeNode>,
}

/// The reporting lines: owners without a (resolvable) boss at the top.
pub(crate) fn owner_tree(ctx: &Ctx<'_>) -> Vec<TreeNode> {
    fn node(ctx: &Ctx<'_>, i: usize, depth: usize) -> Option<TreeNode> {
        let e = ctx.hb.owners.get(i)?;
        let mut link = ctx.entity_link(Kind::Owner, &e.meta.id.value);
        link.note = ctx.inline_opt(e.person.as_ref());
        let children = match ctx.look.owners.get(i) {
            Some(d) if depth < 64 => d
                .reports
                .iter()
                .filter_map(|&c| node(ctx, c, depth + 1))
                .collect(),
            _ => Vec::new(),
        };
        Some(TreeNode {
            link,
            team: ctx.inline_opt(e.team.as_ref()),
            children,
        })
    }
    let has_boss = |i: usize, o: &crate::model::Owner| {
        o.reports_to
            .as_ref()
            .and_then(|r| ctx.index.of(Kind::Owner).get(&r.value))
            .is_some_and(|&boss| boss != i)
    };
    ctx.hb
        .owners
        .iter()
        .enumerate()
        .filter(|(i, o)| !has_boss(*i, o))
        .filter_map(|(i, _)| node(ctx, i, 0))
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct DutyRow {
    pub owner: LinkView,
    pub team: Option<String>,
    pub journeys: usize,
    pub steps: usize,
    pub touchpoints: usize,
    pub standards: usize,
    pub situations: usize,
}

pub(crate) fn responsibility(ctx: &Ctx<'_>) -> Vec<DutyRow> {
    ctx.hb
        .owners
        .iter()
        .zip(&ctx.look.owners)
        .map(|(o, d)| DutyRow {
            owner: ctx.entity_link(Kind::Owner, &o.meta.id.value),
            team: ctx.inline_opt(o.team.as_ref()),
            journeys: d.journeys.len(),
            steps: d.steps.len(),
            touchpoints: d.touchpoints.len(),
            standards: d.standards.len(),
            situations: d.situations.len(),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CoverageRow {
    pub touchpoint: LinkView,
    /// One cell per stage: the owners of the steps at that stage on this touchpoint.
    pub cells: Vec<Vec<LinkView>>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Coverage {
    pub stages: Vec<String>,
    pub rows: Vec<CoverageRow>,
}

/// Stage × touchpoint: who owns the steps where the customer meets each touchpoint.
pub(crate) fn coverage(ctx: &Ctx<'_>) -> Coverage {
    let stages = ctx.hb.handbook_stages();
    let rows = ctx
        .hb
        .touchpoints
        .iter()
        .enumerate()
        .map(|(t, tp)| {
            let mut cells: Vec<Vec<String>> = vec![Vec::new(); stages.len()];
            for &(j, s) in ctx.look.touchpoint_steps.get(t).into_iter().flatten() {
                let Some(step) = ctx.hb.journeys.get(j).and_then(|jj| jj.steps.get(s)) else {
                    continue;
                };
                if let Some(col) = stages.iter().position(|st| *st == step.stage.value) {
                    if !cells[col].contains(&step.owner.value) {
                        cells[col].push(step.owner.value.clone());
                    }
                }
            }
            CoverageRow {
                touchpoint: ctx.entity_link(Kind::Touchpoint, &tp.meta.id.value),
                cells: cells
                    .iter()
                    .map(|ids| {
                        let mut ids = ids.clone();
                        ids.sort();
                        ids.iter()
                            .map(|id| ctx.entity_link(Kind::Owner, id))
                            .collect()
                    })
                    .collect(),
            }
        })
        .collect();
    Coverage {
        stages: stages.iter().map(|s| ctx.stage_name(s)).collect(),
        rows,
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CatalogueRow {
    pub link: LinkView,
    pub status: Label,
    pub measure: Option<MeasureCells>,
    pub owner: LinkView,
}

/// The catalogue's rows of the standards at `rows` (positions in the handbook).
pub(crate) fn catalogue(ctx: &Ctx<'_>, rows: std::ops::Range<usize>) -> Vec<CatalogueRow> {
    ctx.hb
        .standards
        .iter()
        .take(rows.end)
        .skip(rows.start)
        .map(|e| CatalogueRow {
            link: ctx.link(
                &Target::Entity(Kind::Standard, e.meta.id.value.clone()),
                ctx.name(&e.title),
            ),
            status: ctx.label("status", e.status.value.keyword()),
            measure: e.measure.as_ref().map(|m| {
                entities::escape_cells(ctx, measure::cells(&MeasureValue::of(m), ctx.cat))
            }),
            owner: ctx.entity_link(Kind::Owner, &e.owner.value),
        })
        .collect()
}

/// The title page's facts.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct CoverView {
    pub title: String,
    pub organization: Option<String>,
    pub version: String,
    pub effective: Option<String>,
    pub owner: Option<LinkView>,
    pub last_reviewed: Option<String>,
    pub review_every: Option<String>,
    pub next_review: Option<String>,
}

pub(crate) fn cover(ctx: &Ctx<'_>) -> CoverView {
    let Some(s) = &ctx.hb.settings else {
        return CoverView::default();
    };
    let cat = ctx.cat;
    let next = match (&s.last_reviewed, &s.review_every) {
        (Some(last), Some(every)) => Some(cat.date(last.value.after(&every.value))),
        _ => None,
    };
    CoverView {
        title: ctx.inline(&s.title),
        organization: ctx.inline_opt(s.organization.as_ref()),
        version: ctx.plain_text(&s.version.value.to_string()),
        effective: s
            .effective
            .as_ref()
            .map(|d| ctx.plain_text(&cat.date(d.value))),
        owner: s
            .owner
            .as_ref()
            .map(|r| ctx.entity_link(Kind::Owner, &r.value)),
        last_reviewed: s
            .last_reviewed
            .as_ref()
            .map(|d| ctx.plain_text(&cat.date(d.value))),
        review_every: s
            .review_every
            .as_ref()
            .map(|d| ctx.plain_text(&cat.duration(&d.value, Form::Count))),
        next_review: next.map(|d| ctx.plain_text(&d)),
    }
}
