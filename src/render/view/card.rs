//! A role's pocket card: what one employee keeps at hand, on one or two printed pages. The
//! standards in force that the role applies with their targets in one line each, what to say
//! and never to say, whom to hand a difficult case to, and when the card is next reviewed.
//! Built from the same [`crate::role::Applies`] as the owner page, so the two always agree.
//! The card is a sheet of paper: its texts carry no links.

use serde::Serialize;

use super::context::Ctx;
use crate::i18n::Form;
use crate::i18n::measure::{self, MeasureValue};
use crate::model::{Escalation, Kind, Situation, Status, Text};
use crate::render::address::target::Target;
use crate::values::Date;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CardLine {
    pub title: String,
    pub measure: Option<String>,
}

/// One person to turn to, with the cases handed to them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContactLine {
    pub to: String,
    pub contact: Option<String>,
    /// Whether this is the role's line manager (`reports_to`).
    pub manager: bool,
    /// "Agresywny klient na infolinii (po 5 minutach)", in the order met.
    pub cases: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CardView {
    pub id: String,
    /// The card's anchor in print.html and handbook.md.
    pub anchor: String,
    pub role: String,
    pub team: Option<String>,
    pub standards: Vec<CardLine>,
    pub say: Vec<String>,
    pub never_say: Vec<String>,
    /// Cases other roles hand over to this one: "Agresywny klient (po 1 godz.)".
    pub handed: Vec<String>,
    pub contacts: Vec<ContactLine>,
    pub next_review: Option<String>,
}

/// Whether owner `i` gets a card: whether its role applies anything.
pub(crate) fn has_card(ctx: &Ctx<'_>, i: usize) -> bool {
    i < ctx.hb.owners.len()
        && i < ctx.look.owners.len()
        && ctx.look.applies.get(i).is_some_and(|a| !a.is_empty())
}

/// Whether any role gets a pocket card (then the document has a cards section).
pub(crate) fn any_card(ctx: &Ctx<'_>) -> bool {
    (0..ctx.hb.owners.len()).any(|i| has_card(ctx, i))
}

/// The card of owner `i`; `None` when the role applies nothing (it gets no card).
pub(crate) fn card(ctx: &Ctx<'_>, i: usize) -> Option<CardView> {
    if !has_card(ctx, i) {
        return None;
    }
    let hb = ctx.hb;
    let owner = hb.owners.get(i)?;
    let applies = ctx.look.applies.get(i)?;
    let cat = ctx.cat;
    let in_force: Vec<_> = applies
        .standards
        .iter()
        .filter_map(|&s| hb.standards.get(s))
        .filter(|s| s.status.value == Status::Active)
        .collect();
    let mut say = Phrases::default();
    let mut never = Phrases::default();
    for s in &in_force {
        say.add(ctx, &s.say);
        never.add(ctx, &s.never_say);
    }
    let situations: Vec<_> = applies
        .situations
        .iter()
        .chain(&ctx.look.owners.get(i)?.situations)
        .filter_map(|&s| hb.situations.get(s))
        .collect();
    for s in &situations {
        say.add(ctx, &s.say);
        never.add(ctx, &s.never_say);
    }
    let mut contacts: Vec<(String, ContactLine)> = Vec::new();
    if let Some(boss) = &owner.reports_to {
        let at = contact_at(&mut contacts, ctx, &boss.value);
        contacts[at].1.manager = true;
    }
    let mut seen = std::collections::HashSet::new();
    for s in &situations {
        if !seen.insert(&s.meta.id.value) {
            continue;
        }
        for rung in &s.escalation {
            let case = case(ctx, s, rung);
            let at = contact_at(&mut contacts, ctx, &rung.to.value);
            contacts[at].1.cases.push(case);
        }
    }
    let mut handed = Vec::new();
    for &x in &applies.escalations {
        let Some(s) = hb.situations.get(x) else {
            continue;
        };
        let mine = s
            .escalation
            .iter()
            .filter(|r| r.to.value == owner.meta.id.value);
        handed.extend(mine.map(|rung| case(ctx, s, rung)));
    }
    let next_review: Option<Date> = in_force
        .iter()
        .filter_map(|s| {
            Some(
                s.last_reviewed
                    .as_ref()?
                    .value
                    .after(&s.review_every.as_ref()?.value),
            )
        })
        .min()
        .or_else(|| {
            let s = hb.settings.as_ref()?;
            Some(
                s.last_reviewed
                    .as_ref()?
                    .value
                    .after(&s.review_every.as_ref()?.value),
            )
        });
    Some(CardView {
        id: owner.meta.id.value.clone(),
        anchor: Target::Card(owner.meta.id.value.clone()).single_anchor(),
        role: ctx.name(&owner.name),
        team: owner.team.as_ref().map(|t| ctx.name(t)),
        standards: in_force
            .iter()
            .map(|s| CardLine {
                title: ctx.name(&s.title),
                measure: s
                    .measure
                    .as_ref()
                    .map(|m| ctx.plain_text(&measure::sentence(&MeasureValue::of(m), cat))),
            })
            .collect(),
        say: say.0,
        never_say: never.0,
        handed,
        contacts: contacts.into_iter().map(|(_, c)| c).collect(),
        next_review: next_review.map(|d| ctx.plain_text(&cat.date(d))),
    })
}

/// "Agresywny klient na infolinii (po 5 min)": a situation and when it is handed over.
fn case(ctx: &Ctx<'_>, situation: &Situation, rung: &Escalation) -> String {
    let cat = ctx.cat;
    let after = cat.fill(
        "format.escalation_after",
        &[
            ("count", &cat.duration(&rung.after.value, Form::Count)),
            ("within", &cat.duration(&rung.after.value, Form::Within)),
        ],
    );
    format!("{} ({})", ctx.name(&situation.name), ctx.plain_text(&after))
}

/// The position of the contact line of owner `id` in `contacts`, added if new.
fn contact_at(contacts: &mut Vec<(String, ContactLine)>, ctx: &Ctx<'_>, id: &str) -> usize {
    if let Some(at) = contacts.iter().position(|(known, _)| known == id) {
        return at;
    }
    let hb = ctx.hb;
    let o = ctx
        .index
        .of(Kind::Owner)
        .get(id)
        .and_then(|&o| hb.owners.get(o));
    contacts.push((
        id.to_string(),
        ContactLine {
            to: o.map_or_else(|| ctx.plain_text(id), |o| ctx.name(&o.name)),
            contact: o.and_then(|o| o.contact.as_ref()).map(|c| ctx.name(c)),
            manager: false,
            cases: Vec::new(),
        },
    ));
    contacts.len() - 1
}

/// Phrases in the order met, each once.
#[derive(Default)]
struct Phrases(Vec<String>);

impl Phrases {
    fn add(&mut self, ctx: &Ctx<'_>, phrases: &[Text]) {
        for p in phrases {
            let p = ctx.name(p);
            if !self.0.contains(&p) {
                self.0.push(p);
            }
        }
    }
}
