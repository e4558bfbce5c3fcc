//! The handbook as a whole, and one way to walk its entities of every kind.

use super::*;

/// One entity of any kind, seen through what every kind has: most code that walks "every
/// entity" needs only this, so it is one loop rather than eight.
#[derive(Debug, Clone, Copy)]
pub struct Entity<'a> {
    pub kind: Kind,
    pub meta: &'a Meta,
    /// Its name or title (a term's `term`).
    pub name: &'a Text,
    /// Its main text (FORMAT.md §7): the body, or `description`, `procedure`, `text`, a
    /// term's `definition`.
    pub main_text: Option<&'a Text>,
}

/// Everything read from one handbook directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Handbook {
    /// `None` when `sok.toml` itself could not be read; other files are still checked.
    pub settings: Option<Settings>,
    pub owners: Vec<Owner>,
    pub touchpoints: Vec<Touchpoint>,
    pub journeys: Vec<Journey>,
    pub situations: Vec<Situation>,
    pub standards: Vec<Standard>,
    pub terms: Vec<Term>,
    pub principles: Vec<Principle>,
    pub chapters: Vec<Chapter>,
    /// Files under `assets/`, relative to the root with `/` separators, sorted.
    pub assets: Vec<String>,
    /// Entities whose file failed to load, by kind and the id their file name gives. Their
    /// problem is reported already, so references to them are not reported again.
    pub unloaded: Vec<(Kind, String)>,
}

impl Handbook {
    /// The stage list steps are checked against for `journey`.
    pub fn stages_of<'a>(&'a self, journey: &'a Journey) -> Vec<&'a str> {
        match &journey.stages {
            Some(own) => own.iter().map(|s| s.value.as_str()).collect(),
            None => self.handbook_stages(),
        }
    }

    /// Every entity of `kind`, in the order read, seen through what all kinds have.
    pub fn entities_of(&self, kind: Kind) -> Box<dyn Iterator<Item = Entity<'_>> + '_> {
        fn view<'a, T>(
            kind: Kind,
            items: &'a [T],
            parts: fn(&'a T) -> (&'a Meta, &'a Text, Option<&'a Text>),
        ) -> Box<dyn Iterator<Item = Entity<'a>> + 'a> {
            Box::new(items.iter().map(move |e| {
                let (meta, name, main_text) = parts(e);
                Entity {
                    kind,
                    meta,
                    name,
                    main_text,
                }
            }))
        }
        match kind {
            Kind::Term => view(kind, &self.terms, |e| {
                (&e.meta, &e.term, Some(&e.definition))
            }),
            Kind::Principle => view(kind, &self.principles, |e| {
                (&e.meta, &e.title, e.text.as_ref())
            }),
            Kind::Owner => view(kind, &self.owners, |e| {
                (&e.meta, &e.name, e.description.as_ref())
            }),
            Kind::Touchpoint => view(kind, &self.touchpoints, |e| {
                (&e.meta, &e.name, e.description.as_ref())
            }),
            Kind::Journey => view(kind, &self.journeys, |e| {
                (&e.meta, &e.name, e.description.as_ref())
            }),
            Kind::Situation => view(kind, &self.situations, |e| {
                (&e.meta, &e.name, e.procedure.as_ref())
            }),
            Kind::Standard => view(kind, &self.standards, |e| {
                (&e.meta, &e.title, e.text.as_ref())
            }),
            Kind::Chapter => view(kind, &self.chapters, |e| (&e.meta, &e.title, Some(&e.body))),
        }
    }

    /// Every entity, kind by kind in [`Kind::ALL`] order.
    pub fn entities(&self) -> impl Iterator<Item = Entity<'_>> {
        Kind::ALL
            .into_iter()
            .flat_map(|kind| self.entities_of(kind))
    }

    /// The common data of every entity, kind by kind.
    pub fn metas(&self) -> impl Iterator<Item = &Meta> {
        self.entities().map(|e| e.meta)
    }

    /// Moves every entity of `other` after this handbook's own, kind by kind.
    pub fn extend(&mut self, other: Handbook) {
        self.owners.extend(other.owners);
        self.touchpoints.extend(other.touchpoints);
        self.journeys.extend(other.journeys);
        self.situations.extend(other.situations);
        self.standards.extend(other.standards);
        self.terms.extend(other.terms);
        self.principles.extend(other.principles);
        self.chapters.extend(other.chapters);
        self.unloaded.extend(other.unloaded);
    }

    /// Every `lint.allow` list: the entities' and the journey steps'.
    pub fn lint_allow_lists(&self) -> impl Iterator<Item = &[Sp<String>]> {
        self.metas().map(|m| &m.lint_allow[..]).chain(
            self.journeys
                .iter()
                .flat_map(|j| j.steps.iter().map(|s| &s.lint_allow[..])),
        )
    }

    /// How many entities of `kind` were read.
    pub fn count(&self, kind: Kind) -> usize {
        self.entities_of(kind).count()
    }

    pub fn handbook_stages(&self) -> Vec<&str> {
        match &self.settings {
            Some(s) => s.stages.iter().map(|s| s.value.as_str()).collect(),
            None => DEFAULT_STAGES.to_vec(),
        }
    }
}
