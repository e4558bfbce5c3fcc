//! Resolve: index every id and check that every reference names an existing entity.
//!
//! Lookups go through hash maps built once, so a handbook with thousands of standards costs
//! one pass over its references; suggestions for unknown ids are computed only on failure.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Diagnostics, codes, did_you_mean};
use crate::model::{Handbook, Kind, Ref, Sp};

/// Positions of entities by id, per kind.
#[derive(Debug, Default, Clone)]
pub struct Index {
    /// One map per kind, in [`Kind::ALL`] order.
    ids: [HashMap<String, usize>; Kind::ALL.len()],
    /// Steps by id, one map per journey (same positions as `Handbook::journeys`).
    pub steps: Vec<HashMap<String, usize>>,
    /// Entities whose file failed to load (`Handbook::unloaded`): their ids exist.
    pub unloaded: std::collections::HashSet<(Kind, String)>,
}

impl Index {
    pub fn of(&self, kind: Kind) -> &HashMap<String, usize> {
        &self.ids[kind as usize]
    }

    /// The position of step `step` of journey `journey`.
    pub fn step(&self, journey: &str, step: &str) -> Option<(usize, usize)> {
        let j = *self.of(Kind::Journey).get(journey)?;
        let s = *self.steps.get(j)?.get(step)?;
        Some((j, s))
    }
}

/// Builds the index and reports duplicate ids, unknown references and reporting cycles.
pub(crate) fn resolve(hb: &Handbook, diags: &mut Diagnostics) -> Index {
    let mut index = Index {
        ids: Kind::ALL.map(|kind| {
            if has_index_page(kind) {
                refuse_index(kind, hb.entities_of(kind).map(|e| &e.meta.id), diags);
            }
            unique_ids(kind.name(), hb.entities_of(kind).map(|e| &e.meta.id), diags)
        }),
        steps: Vec::new(),
        unloaded: hb.unloaded.iter().cloned().collect(),
    };
    for journey in &hb.journeys {
        let what = format!("step of journey `{}`", journey.meta.id.value);
        index.steps.push(unique_ids(
            &what,
            journey.steps.iter().map(|s| &s.id),
            diags,
        ));
    }
    check_references(hb, &index, diags);
    check_reporting_cycles(hb, &index, diags);
    index
}

/// Whether the site has a list page `<folder>/index.html` for the kind, beside the pages of
/// its entities (`<folder>/<id>.html`).
fn has_index_page(kind: Kind) -> bool {
    !matches!(kind, Kind::Term | Kind::Principle | Kind::Chapter)
}

/// An entity with the id `index` would have its page where its kind's list page is, and one
/// of the two would be lost.
fn refuse_index<'a>(
    kind: Kind,
    ids: impl Iterator<Item = &'a Sp<String>>,
    diags: &mut Diagnostics,
) {
    for id in ids.filter(|id| id.value == "index") {
        diags.push(
            Diagnostic::error(
                &codes::VALUE_ID,
                id.span,
                format!(
                    "`index` cannot be the id of {} {}",
                    article(kind),
                    kind.name()
                ),
            )
            .label("reserved: the list page of this kind is `index.html`")
            .help("rename the file or set another `id`, such as `index-page`"),
        );
    }
}

/// The indefinite article before a kind's name.
fn article(kind: Kind) -> &'static str {
    if kind == Kind::Owner { "an" } else { "a" }
}

fn unique_ids<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a Sp<String>>,
    diags: &mut Diagnostics,
) -> HashMap<String, usize> {
    let mut map: HashMap<String, usize> = HashMap::new();
    let mut first_spans = Vec::new();
    for (position, id) in ids.enumerate() {
        first_spans.push(id.span);
        if let Some(&first) = map.get(&id.value) {
            diags.push(
                Diagnostic::error(
                    &codes::ID_DUPLICATE,
                    id.span,
                    format!("duplicate {what} id `{}`", id.value),
                )
                .label("defined again here")
                .related(first_spans[first], "first defined here")
                .help("ids must be unique within their kind; rename one of them"),
            );
        } else {
            map.insert(id.value.clone(), position);
        }
    }
    map
}

fn check_ref(kind: Kind, reference: &Ref, index: &Index, diags: &mut Diagnostics) {
    let ids = index.of(kind);
    if reference.value.is_empty()
        || ids.contains_key(&reference.value)
        || index.unloaded.contains(&(kind, reference.value.clone()))
    {
        return;
    }
    let mut candidates: Vec<&str> = ids.keys().map(String::as_str).collect();
    candidates.sort_unstable();
    let help = did_you_mean(&reference.value, candidates.iter().copied()).unwrap_or_else(|| {
        if candidates.is_empty() {
            format!("the handbook defines no {} yet", kind.name())
        } else {
            format!(
                "define {} {} with this id, or use an existing one",
                article(kind),
                kind.name()
            )
        }
    });
    diags.push(
        Diagnostic::error(
            &codes::REF_UNKNOWN,
            reference.span,
            format!("unknown {} `{}`", kind.name(), reference.value),
        )
        .label(format!("no {} has this id", kind.name()))
        .help(help),
    );
}

fn check_references(hb: &Handbook, index: &Index, diags: &mut Diagnostics) {
    if let Some(owner) = hb.settings.as_ref().and_then(|s| s.owner.as_ref()) {
        check_ref(Kind::Owner, owner, index, diags);
    }
    for owner in &hb.owners {
        if let Some(r) = &owner.reports_to {
            check_ref(Kind::Owner, r, index, diags);
        }
    }
    for t in &hb.touchpoints {
        check_ref(Kind::Owner, &t.owner, index, diags);
    }
    for j in &hb.journeys {
        if let Some(r) = &j.owner {
            check_ref(Kind::Owner, r, index, diags);
        }
        for step in &j.steps {
            check_ref(Kind::Owner, &step.owner, index, diags);
            step.touchpoints
                .iter()
                .for_each(|r| check_ref(Kind::Touchpoint, r, index, diags));
            step.standards
                .iter()
                .for_each(|r| check_ref(Kind::Standard, r, index, diags));
        }
    }
    for s in &hb.situations {
        check_ref(Kind::Owner, &s.owner, index, diags);
        s.touchpoints
            .iter()
            .for_each(|r| check_ref(Kind::Touchpoint, r, index, diags));
        s.escalation
            .iter()
            .for_each(|e| check_ref(Kind::Owner, &e.to, index, diags));
    }
    for s in &hb.standards {
        check_ref(Kind::Owner, &s.owner, index, diags);
        s.touchpoints
            .iter()
            .for_each(|r| check_ref(Kind::Touchpoint, r, index, diags));
        s.situations
            .iter()
            .for_each(|r| check_ref(Kind::Situation, r, index, diags));
        for step in &s.steps {
            let journey = Sp::new(step.journey.clone(), step.span);
            if !index.of(Kind::Journey).contains_key(&step.journey) {
                check_ref(Kind::Journey, &journey, index, diags);
            } else if index.step(&step.journey, &step.step).is_none() {
                let j = &hb.journeys[index.of(Kind::Journey)[&step.journey]];
                let mut steps: Vec<&str> = j.steps.iter().map(|s| s.id.value.as_str()).collect();
                steps.sort_unstable();
                let help = did_you_mean(&step.step, steps.iter().copied())
                    .map(|h| h.replacen('`', &format!("`{}/", step.journey), 1))
                    .unwrap_or_else(|| {
                        format!("journey `{}` has steps: {}", step.journey, steps.join(", "))
                    });
                diags.push(
                    Diagnostic::error(
                        &codes::REF_UNKNOWN,
                        step.span,
                        format!("unknown step `{}` in journey `{}`", step.step, step.journey),
                    )
                    .label("no step has this id")
                    .help(help),
                );
            }
        }
    }
}

/// Follows `reports_to` from every owner; each cycle is reported once, at its first owner.
fn check_reporting_cycles(hb: &Handbook, index: &Index, diags: &mut Diagnostics) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    let next = |i: usize| -> Option<usize> {
        let r = hb.owners[i].reports_to.as_ref()?;
        index.of(Kind::Owner).get(&r.value).copied()
    };
    let mut state = vec![State::New; hb.owners.len()];
    for start in 0..hb.owners.len() {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(i) = current {
            match state[i] {
                State::Done => break,
                State::OnPath => {
                    let cycle = &path[path.iter().position(|&p| p == i).unwrap_or(0)..];
                    let first = *cycle.iter().min().unwrap_or(&i);
                    let owner = &hb.owners[first];
                    let names: Vec<&str> = cycle
                        .iter()
                        .map(|&c| hb.owners[c].meta.id.value.as_str())
                        .collect();
                    let mut d = Diagnostic::error(
                        &codes::REF_CYCLE,
                        owner
                            .reports_to
                            .as_ref()
                            .map_or(owner.meta.anchor, |r| r.span),
                        format!(
                            "reporting lines form a cycle: {} → {}",
                            names.join(" → "),
                            names[0]
                        ),
                    )
                    .label("this line leads back here")
                    .help("remove `reports_to` from the owner at the top of the chain");
                    for &c in cycle.iter().filter(|&&c| c != first) {
                        if let Some(r) = &hb.owners[c].reports_to {
                            d = d.related(r.span, "part of the cycle");
                        }
                    }
                    diags.push(d);
                    break;
                }
                State::New => {
                    state[i] = State::OnPath;
                    path.push(i);
                    current = next(i);
                }
            }
        }
        for p in path {
            state[p] = State::Done;
        }
    }
}
