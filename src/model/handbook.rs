//! The handbook as a whole, and one way to walk its entities of every kind.

use super::*;

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

    /// The common data of every entity, kind by kind.
    pub fn metas(&self) -> impl Iterator<Item = &Meta> {
        (self.terms.iter().map(|e| &e.meta))
            .chain(self.principles.iter().map(|e| &e.meta))
            .chain(self.owners.iter().map(|e| &e.meta))
            .chain(self.touchpoints.iter().map(|e| &e.meta))
            .chain(self.journeys.iter().map(|e| &e.meta))
            .chain(self.situations.iter().map(|e| &e.meta))
            .chain(self.standards.iter().map(|e| &e.meta))
            .chain(self.chapters.iter().map(|e| &e.meta))
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
        match kind {
            Kind::Term => self.terms.len(),
            Kind::Principle => self.principles.len(),
            Kind::Owner => self.owners.len(),
            Kind::Touchpoint => self.touchpoints.len(),
            Kind::Journey => self.journeys.len(),
            Kind::Situation => self.situations.len(),
            Kind::Standard => self.standards.len(),
            Kind::Chapter => self.chapters.len(),
        }
    }

    pub fn handbook_stages(&self) -> Vec<&str> {
        match &self.settings {
            Some(s) => s.stages.iter().map(|s| s.value.as_str()).collect(),
            None => DEFAULT_STAGES.to_vec(),
        }
    }
}
