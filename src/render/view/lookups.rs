//! Reverse lookups, computed once per build with hash maps: which standards apply to a step,
//! concern a touchpoint or a situation, what each owner is accountable for and what it
//! applies ([`crate::role`]). Pages read
//! these instead of scanning the handbook, so no page costs work proportional to the whole.

use std::collections::HashMap;

use super::memo::Memo;
use crate::model::{Handbook, Kind};
use crate::resolve::Index;
use crate::role::{Applies, Relations, applies_all};

pub(crate) use crate::role::StepPos;

/// Everything an owner is accountable for, as positions in the handbook's lists.
#[derive(Debug, Default, Clone)]
pub(crate) struct OwnerDuties {
    pub journeys: Vec<usize>,
    pub steps: Vec<StepPos>,
    pub touchpoints: Vec<usize>,
    pub standards: Vec<usize>,
    pub situations: Vec<usize>,
    /// Owners whose `reports_to` names this owner.
    pub reports: Vec<usize>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Lookups {
    /// Standards that apply to a step: its own `standards` and standards whose `steps` name it.
    pub step_standards: HashMap<StepPos, Vec<usize>>,
    /// Steps a standard applies to, from both directions.
    pub standard_steps: Vec<Vec<StepPos>>,
    pub touchpoint_standards: Vec<Vec<usize>>,
    pub touchpoint_situations: Vec<Vec<usize>>,
    pub touchpoint_steps: Vec<Vec<StepPos>>,
    /// Standards whose `situations` name a situation.
    pub situation_standards: Vec<Vec<usize>>,
    pub owners: Vec<OwnerDuties>,
    /// What each owner applies in daily work, in the order of `Handbook::owners`.
    pub applies: Vec<Applies>,
    /// Texts rendered once and shown in many places.
    pub memo: Memo,
}

fn tidy<T: Ord>(lists: &mut [Vec<T>]) {
    for list in lists {
        list.sort();
        list.dedup();
    }
}

impl Lookups {
    pub(crate) fn new(hb: &Handbook, index: &Index) -> Lookups {
        let rel = Relations::new(hb, index);
        let applies = applies_all(hb, index, &rel);
        let Relations {
            step_standards,
            standard_steps,
            touchpoint_standards,
            touchpoint_situations,
        } = rel;
        let mut l = Lookups {
            step_standards,
            standard_steps,
            touchpoint_standards,
            touchpoint_situations,
            touchpoint_steps: vec![Vec::new(); hb.touchpoints.len()],
            situation_standards: vec![Vec::new(); hb.situations.len()],
            owners: vec![OwnerDuties::default(); hb.owners.len()],
            applies,
            memo: Memo::default(),
        };
        let owner = |id: &str| index.of(Kind::Owner).get(id).copied();
        let touchpoint = |id: &str| index.of(Kind::Touchpoint).get(id).copied();
        for (j, journey) in hb.journeys.iter().enumerate() {
            if let Some(o) = journey.owner.as_ref().and_then(|r| owner(&r.value)) {
                l.owners[o].journeys.push(j);
            }
            for (s, step) in journey.steps.iter().enumerate() {
                if let Some(o) = owner(&step.owner.value) {
                    l.owners[o].steps.push((j, s));
                }
                for t in step.touchpoints.iter().filter_map(|r| touchpoint(&r.value)) {
                    l.touchpoint_steps[t].push((j, s));
                }
            }
        }
        for (i, standard) in hb.standards.iter().enumerate() {
            if let Some(o) = owner(&standard.owner.value) {
                l.owners[o].standards.push(i);
            }
            for s in standard
                .situations
                .iter()
                .filter_map(|r| index.of(Kind::Situation).get(&r.value))
            {
                l.situation_standards[*s].push(i);
            }
        }
        for (i, situation) in hb.situations.iter().enumerate() {
            if let Some(o) = owner(&situation.owner.value) {
                l.owners[o].situations.push(i);
            }
        }
        for (i, t) in hb.touchpoints.iter().enumerate() {
            if let Some(o) = owner(&t.owner.value) {
                l.owners[o].touchpoints.push(i);
            }
        }
        for (i, o) in hb.owners.iter().enumerate() {
            if let Some(boss) = o.reports_to.as_ref().and_then(|r| owner(&r.value)) {
                if boss != i {
                    l.owners[boss].reports.push(i);
                }
            }
        }
        tidy(&mut l.touchpoint_steps);
        tidy(&mut l.situation_standards);
        for d in &mut l.owners {
            d.journeys.sort();
            d.steps.sort();
            d.steps.dedup();
            d.touchpoints.sort();
            d.standards.sort();
            d.situations.sort();
            d.reports.sort();
        }
        l
    }

    /// Forgets what owners other than `members` apply (a role's handbook holds only part
    /// of it).
    pub(crate) fn keep_applies_of(&mut self, hb: &Handbook, members: &[String]) {
        for (owner, applies) in hb.owners.iter().zip(&mut self.applies) {
            if !members.contains(&owner.meta.id.value) {
                *applies = Applies::default();
            }
        }
    }
}
