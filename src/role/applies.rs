//! What a role applies: the steps it carries out, their touchpoints, every standard in force
//! there (named from either side: the standard's `steps`/`touchpoints` or the step's
//! `standards`), the situations at those touchpoints and the escalation ladders that name it.

use std::collections::HashMap;

use crate::model::{Handbook, Kind, Status};
use crate::resolve::Index;

/// A step's position: (journey, step).
pub(crate) type StepPos = (usize, usize);

/// What one owner applies, as sorted positions in the handbook's lists.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Applies {
    /// Steps whose `owner` is this role.
    pub(crate) steps: Vec<StepPos>,
    /// The touchpoints of those steps.
    pub(crate) touchpoints: Vec<usize>,
    /// Standards that are not retired and apply to those steps or touchpoints.
    pub(crate) standards: Vec<usize>,
    /// Situations at those touchpoints.
    pub(crate) situations: Vec<usize>,
    /// Situations whose escalation ladder hands over to this role.
    pub(crate) escalations: Vec<usize>,
}

impl Applies {
    /// Whether the role applies nothing at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.standards.is_empty() && self.escalations.is_empty()
    }

    /// The union of several roles' lists (a team), still sorted and without repeats.
    pub(crate) fn union<'a>(all: impl IntoIterator<Item = &'a Applies>) -> Applies {
        let mut out = Applies::default();
        for a in all {
            out.steps.extend(&a.steps);
            out.touchpoints.extend(&a.touchpoints);
            out.standards.extend(&a.standards);
            out.situations.extend(&a.situations);
            out.escalations.extend(&a.escalations);
        }
        out.tidy();
        out
    }

    fn tidy(&mut self) {
        sort(&mut self.steps);
        sort(&mut self.touchpoints);
        sort(&mut self.standards);
        sort(&mut self.situations);
        sort(&mut self.escalations);
    }
}

/// Which standards and situations hang on each step and touchpoint, from both directions of
/// every reference: what [`applies_all`] and the pages' reverse lookups are built from.
#[derive(Debug, Default, Clone)]
pub(crate) struct Relations {
    /// Standards that apply to a step: its own `standards` and standards whose `steps` name it.
    pub(crate) step_standards: HashMap<StepPos, Vec<usize>>,
    /// Steps a standard applies to, from both directions.
    pub(crate) standard_steps: Vec<Vec<StepPos>>,
    /// Standards whose `touchpoints` name a touchpoint.
    pub(crate) touchpoint_standards: Vec<Vec<usize>>,
    /// Situations whose `touchpoints` name a touchpoint.
    pub(crate) touchpoint_situations: Vec<Vec<usize>>,
}

impl Relations {
    /// One pass over the handbook's references; every list sorted, without repeats.
    pub(crate) fn new(hb: &Handbook, index: &Index) -> Relations {
        let mut r = Relations {
            step_standards: HashMap::new(),
            standard_steps: vec![Vec::new(); hb.standards.len()],
            touchpoint_standards: vec![Vec::new(); hb.touchpoints.len()],
            touchpoint_situations: vec![Vec::new(); hb.touchpoints.len()],
        };
        let touchpoint = |id: &str| index.of(Kind::Touchpoint).get(id).copied();
        for (j, journey) in hb.journeys.iter().enumerate() {
            for (s, step) in journey.steps.iter().enumerate() {
                for &st in step
                    .standards
                    .iter()
                    .filter_map(|r| index.of(Kind::Standard).get(&r.value))
                {
                    r.step_standards.entry((j, s)).or_default().push(st);
                    r.standard_steps[st].push((j, s));
                }
            }
        }
        for (i, standard) in hb.standards.iter().enumerate() {
            for step in &standard.steps {
                if let Some(pos) = index.step(&step.journey, &step.step) {
                    r.step_standards.entry(pos).or_default().push(i);
                    r.standard_steps[i].push(pos);
                }
            }
            for t in standard
                .touchpoints
                .iter()
                .filter_map(|r| touchpoint(&r.value))
            {
                r.touchpoint_standards[t].push(i);
            }
        }
        for (i, situation) in hb.situations.iter().enumerate() {
            for t in situation
                .touchpoints
                .iter()
                .filter_map(|r| touchpoint(&r.value))
            {
                r.touchpoint_situations[t].push(i);
            }
        }
        r.step_standards.values_mut().for_each(sort);
        r.standard_steps.iter_mut().for_each(sort);
        r.touchpoint_standards.iter_mut().for_each(sort);
        r.touchpoint_situations.iter_mut().for_each(sort);
        r
    }
}

fn sort<T: Ord>(list: &mut Vec<T>) {
    list.sort();
    list.dedup();
}

/// What every owner applies, in the order of `hb.owners`: one pass over the handbook's
/// references, whatever the number of owners.
pub(crate) fn applies_all(hb: &Handbook, index: &Index, rel: &Relations) -> Vec<Applies> {
    let mut all = vec![Applies::default(); hb.owners.len()];
    let owner = |id: &str| index.of(Kind::Owner).get(id).copied();
    let touchpoint = |id: &str| index.of(Kind::Touchpoint).get(id).copied();
    let in_force = |i: &usize| {
        hb.standards
            .get(*i)
            .is_some_and(|s| s.status.value != Status::Retired)
    };
    for (i, situation) in hb.situations.iter().enumerate() {
        for rung in &situation.escalation {
            if let Some(o) = owner(&rung.to.value) {
                all[o].escalations.push(i);
            }
        }
    }
    for (j, journey) in hb.journeys.iter().enumerate() {
        for (s, step) in journey.steps.iter().enumerate() {
            let Some(o) = owner(&step.owner.value) else {
                continue;
            };
            let role = &mut all[o];
            role.steps.push((j, s));
            if let Some(list) = rel.step_standards.get(&(j, s)) {
                role.standards.extend(list.iter().copied().filter(in_force));
            }
            role.touchpoints
                .extend(step.touchpoints.iter().filter_map(|r| touchpoint(&r.value)));
        }
    }
    for role in &mut all {
        sort(&mut role.touchpoints);
        for &t in &role.touchpoints {
            role.standards
                .extend(rel.touchpoint_standards[t].iter().copied().filter(in_force));
            role.situations.extend(&rel.touchpoint_situations[t]);
        }
        role.tidy();
    }
    all
}

/// The owners whose `team` is `team` (compared without case and surrounding spaces), in
/// handbook order.
pub(crate) fn team_members(hb: &Handbook, team: &str) -> Vec<usize> {
    let wanted = team.trim().to_lowercase();
    hb.owners
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            o.team
                .as_ref()
                .is_some_and(|t| t.value.trim().to_lowercase() == wanted)
        })
        .map(|(i, _)| i)
        .collect()
}
