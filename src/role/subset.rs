//! The handbook cut down to one role or one team, for `sok build --role`/`--team`: what its
//! members apply and are accountable for, plus everything general (glossary, principles,
//! chapters, assets). The cut-down handbook is re-indexed, so every reference to what was
//! left out resolves to nothing and renders as plain text rather than a broken link.

use std::collections::BTreeSet;

use super::applies::{Applies, Relations, applies_all, team_members};
use crate::check::Checked;
use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::model::{Handbook, Kind};
use crate::resolve;

/// Whose handbook to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// One owner, by id.
    Role(String),
    /// Every owner whose `team` is this.
    Team(String),
}

/// The part of `checked` that `scope` needs, and the members it was cut for (positions in the
/// original handbook); an error in the user's terms when the role or team does not exist.
pub(crate) fn subset(checked: &Checked, scope: &Scope) -> Result<(Checked, Vec<usize>), String> {
    let hb = &checked.handbook;
    let members = match scope {
        Scope::Role(id) => match checked.index.of(Kind::Owner).get(id) {
            Some(&i) => vec![i],
            None => {
                let hint = did_you_mean(id, hb.owners.iter().map(|o| o.meta.id.value.as_str()))
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                return Err(format!(
                    "no owner `{id}` in this handbook{hint} (`sok build --role` takes an owner id)"
                ));
            }
        },
        Scope::Team(team) => {
            let members = team_members(hb, team);
            if members.is_empty() {
                let teams: BTreeSet<&str> = hb
                    .owners
                    .iter()
                    .filter_map(|o| o.team.as_ref().map(|t| t.value.as_str()))
                    .collect();
                let known = if teams.is_empty() {
                    "no owner has a `team`".to_string()
                } else {
                    let quoted: Vec<String> = teams.iter().map(|t| format!("\"{t}\"")).collect();
                    format!("the teams are {}", quoted.join(", "))
                };
                return Err(format!("no owner has `team = \"{team}\"`: {known}"));
            }
            members
        }
    };
    let all = applies_all(hb, &checked.index, &Relations::new(hb, &checked.index));
    let applies = Applies::union(members.iter().map(|&m| &all[m]));
    let kept = kept(hb, &members, &applies);
    let handbook = cut(hb, &kept);
    // The references into what was cut are what make links plain text; they are not problems.
    let index = resolve::resolve(&handbook, &mut Diagnostics::default());
    let cut = Checked {
        sources: checked.sources.clone(),
        handbook,
        index,
        diagnostics: Diagnostics::default(),
        templates: checked.templates.clone(),
        world: checked.world.clone(),
    };
    Ok((cut, members))
}

/// Positions kept, per kind, in the original handbook.
#[derive(Debug, Default)]
struct Kept {
    owners: BTreeSet<usize>,
    journeys: BTreeSet<usize>,
    touchpoints: BTreeSet<usize>,
    standards: BTreeSet<usize>,
    situations: BTreeSet<usize>,
}

fn kept(hb: &Handbook, members: &[usize], applies: &Applies) -> Kept {
    let mut k = Kept::default();
    let is_member = |id: &str| members.iter().any(|&m| hb.owners[m].meta.id.value == id);
    k.journeys.extend(applies.steps.iter().map(|(j, _)| *j));
    k.touchpoints.extend(&applies.touchpoints);
    k.standards.extend(&applies.standards);
    k.situations.extend(&applies.situations);
    k.situations.extend(&applies.escalations);
    for (i, j) in hb.journeys.iter().enumerate() {
        if j.owner.as_ref().is_some_and(|o| is_member(&o.value)) {
            k.journeys.insert(i);
        }
    }
    for (i, t) in hb.touchpoints.iter().enumerate() {
        if is_member(&t.owner.value) {
            k.touchpoints.insert(i);
        }
    }
    for (i, s) in hb.standards.iter().enumerate() {
        if is_member(&s.owner.value) {
            k.standards.insert(i);
        }
    }
    for (i, s) in hb.situations.iter().enumerate() {
        if is_member(&s.owner.value) {
            k.situations.insert(i);
        }
    }
    // The members, whom they report to, and whom their situations escalate to.
    let mut owners: BTreeSet<&str> = BTreeSet::new();
    for &m in members {
        let o = &hb.owners[m];
        owners.insert(&o.meta.id.value);
        if let Some(boss) = &o.reports_to {
            owners.insert(&boss.value);
        }
    }
    for &s in &k.situations {
        for rung in &hb.situations[s].escalation {
            owners.insert(&rung.to.value);
        }
    }
    k.owners = hb
        .owners
        .iter()
        .enumerate()
        .filter(|(_, o)| owners.contains(o.meta.id.value.as_str()))
        .map(|(i, _)| i)
        .collect();
    k
}

fn cut(hb: &Handbook, k: &Kept) -> Handbook {
    fn pick<T: Clone>(items: &[T], keep: &BTreeSet<usize>) -> Vec<T> {
        keep.iter().filter_map(|&i| items.get(i).cloned()).collect()
    }
    Handbook {
        settings: hb.settings.clone(),
        owners: pick(&hb.owners, &k.owners),
        touchpoints: pick(&hb.touchpoints, &k.touchpoints),
        journeys: pick(&hb.journeys, &k.journeys),
        situations: pick(&hb.situations, &k.situations),
        standards: pick(&hb.standards, &k.standards),
        terms: hb.terms.clone(),
        principles: hb.principles.clone(),
        chapters: hb.chapters.clone(),
        assets: hb.assets.clone(),
        unloaded: Vec::new(),
    }
}
