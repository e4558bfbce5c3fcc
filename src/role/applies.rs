//! What a role applies: the steps it carries out, their touchpoints, every standard in force
//! there (named from either side: the standard's `steps`/`touchpoints` or the step's
//! `standards`), the situations at those touchpoints and the escalation ladders that name it.

use crate::model::{Handbook, Kind, Status};
use crate::resolve::Index;

/// A step's position: (journey, step).
pub type StepPos = (usize, usize);

/// What one owner applies, as sorted positions in the handbook's lists.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applies {
    /// Steps whose `owner` is this role.
    pub steps: Vec<StepPos>,
    /// The touchpoints of those steps.
    pub touchpoints: Vec<usize>,
    /// Standards that are not retired and apply to those steps or touchpoints.
    pub standards: Vec<usize>,
    /// Situations at those touchpoints.
    pub situations: Vec<usize>,
    /// Situations whose escalation ladder hands over to this role.
    pub escalations: Vec<usize>,
}

impl Applies {
    /// Whether the role applies nothing at all.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.standards.is_empty() && self.escalations.is_empty()
    }

    /// The union of several roles' lists (a team), still sorted and without repeats.
    pub fn union<'a>(all: impl IntoIterator<Item = &'a Applies>) -> Applies {
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
        fn sort<T: Ord>(list: &mut Vec<T>) {
            list.sort();
            list.dedup();
        }
        sort(&mut self.steps);
        sort(&mut self.touchpoints);
        sort(&mut self.standards);
        sort(&mut self.situations);
        sort(&mut self.escalations);
    }
}

/// What every owner applies, in the order of `hb.owners`: one pass over the handbook's
/// references, whatever the number of owners.
pub fn applies_all(hb: &Handbook, index: &Index) -> Vec<Applies> {
    let mut all = vec![Applies::default(); hb.owners.len()];
    let owner = |id: &str| index.of(Kind::Owner).get(id).copied();
    let touchpoint = |id: &str| index.of(Kind::Touchpoint).get(id).copied();
    let in_force = |i: &usize| {
        hb.standards
            .get(*i)
            .is_some_and(|s| s.status.value != Status::Retired)
    };

    // Standards per step and per touchpoint, from both directions.
    let mut step_standards: std::collections::HashMap<StepPos, Vec<usize>> = Default::default();
    let mut touchpoint_standards = vec![Vec::new(); hb.touchpoints.len()];
    let mut touchpoint_situations = vec![Vec::new(); hb.touchpoints.len()];
    for (j, journey) in hb.journeys.iter().enumerate() {
        for (s, step) in journey.steps.iter().enumerate() {
            let named = step
                .standards
                .iter()
                .filter_map(|r| index.of(Kind::Standard).get(&r.value).copied());
            step_standards.entry((j, s)).or_default().extend(named);
        }
    }
    for (i, standard) in hb.standards.iter().enumerate() {
        for step in &standard.steps {
            if let Some(pos) = index.step(&step.journey, &step.step) {
                step_standards.entry(pos).or_default().push(i);
            }
        }
        for t in standard
            .touchpoints
            .iter()
            .filter_map(|r| touchpoint(&r.value))
        {
            touchpoint_standards[t].push(i);
        }
    }
    for (i, situation) in hb.situations.iter().enumerate() {
        for t in situation
            .touchpoints
            .iter()
            .filter_map(|r| touchpoint(&r.value))
        {
            touchpoint_situations[t].push(i);
        }
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
            if let Some(list) = step_standards.get(&(j, s)) {
                role.standards.extend(list.iter().copied().filter(in_force));
            }
            for t in step.touchpoints.iter().filter_map(|r| touchpoint(&r.value)) {
                role.touchpoints.push(t);
            }
        }
    }
    for role in &mut all {
        role.touchpoints.sort();
        role.touchpoints.dedup();
        for &t in &role.touchpoints {
            role.standards
                .extend(touchpoint_standards[t].iter().copied().filter(in_force));
            role.situations.extend(&touchpoint_situations[t]);
        }
        role.tidy();
    }
    all
}

/// The owners whose `team` is `team` (compared without case and surrounding spaces), in
/// handbook order.
pub fn team_members(hb: &Handbook, team: &str) -> Vec<usize> {
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
