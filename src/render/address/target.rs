//! What a link can point at: the sections of the handbook, its entities and steps, the
//! extra chapters and the assets, with the path of each in the site and its anchor in the
//! single-document outputs.

use crate::model::Kind;

/// The top-level parts of the handbook that are not one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Section {
    Cover,
    Glossary,
    Principles,
    Journeys,
    Touchpoints,
    Situations,
    Standards,
    Owners,
    Search,
    Print,
    /// The tag index (`tags.html`, a page per tag under `tags/`), only in a handbook whose
    /// entities carry tags.
    Tags,
}

impl Section {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Section::Cover => "cover",
            Section::Glossary => "glossary",
            Section::Principles => "principles",
            Section::Journeys => "journeys",
            Section::Touchpoints => "touchpoints",
            Section::Situations => "situations",
            Section::Standards => "standards",
            Section::Owners => "owners",
            Section::Search => "search",
            Section::Print => "print",
            Section::Tags => "tags",
        }
    }

    fn path(self) -> &'static str {
        match self {
            Section::Cover => "index.html",
            Section::Glossary => "glossary.html",
            Section::Principles => "principles.html",
            Section::Journeys => "journeys/index.html",
            Section::Touchpoints => "touchpoints/index.html",
            Section::Situations => "situations/index.html",
            Section::Standards => "standards/index.html",
            Section::Owners => "owners/index.html",
            Section::Search => "search.html",
            Section::Print => "print.html",
            Section::Tags => "tags.html",
        }
    }
}

/// Something a link can point at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    Section(Section),
    Entity(Kind, String),
    Step(String, String),
    /// An extra chapter given by the caller (`BuildOptions::extras`), by its id.
    Extra(String),
    /// A file under `assets/`, root-relative.
    Asset(String),
    /// The pocket card of an owner, by its id: a file beside the site (`OUT/cards/`), a
    /// section in the single documents.
    Card(String),
    /// The page of one tag, by its slug ([`tag_slug`]).
    Tag(String),
}

/// The slug of a tag: two spellings with one slug ("Reklamacja", "reklamacja") are one tag.
/// A name with no letter or digit is `_`, which no other slug can be.
pub(crate) fn tag_slug(name: &str) -> String {
    let slug = crate::values::slugify(name);
    if slug.is_empty() { "_".into() } else { slug }
}

impl Target {
    /// The page and fragment in the multi-page site, relative to the site root.
    pub(crate) fn page_path(&self) -> String {
        match self {
            Target::Section(s) => s.path().to_string(),
            Target::Entity(Kind::Term, id) => format!("glossary.html#{id}"),
            Target::Entity(Kind::Principle, id) => format!("principles.html#{id}"),
            Target::Entity(kind, id) => {
                format!(
                    "{}/{id}.html",
                    crate::layout::kind_folder(*kind).unwrap_or("pages")
                )
            }
            Target::Step(journey, step) => format!("journeys/{journey}.html#{step}"),
            Target::Extra(id) => format!("{id}.html"),
            Target::Asset(path) => encode_path(path),
            Target::Card(id) => format!("../cards/{id}.html"),
            Target::Tag(slug) => format!("tags/{slug}.html"),
        }
    }

    /// The anchor in the single-document outputs (print.html, handbook.md).
    pub(crate) fn single_anchor(&self) -> String {
        match self {
            Target::Section(s) => format!("section-{}", s.key()),
            Target::Entity(kind, id) => format!("{}-{id}", kind.name()),
            Target::Step(journey, step) => format!("step-{journey}-{step}"),
            Target::Extra(id) => format!("section-{id}"),
            Target::Asset(path) => encode_path(path),
            Target::Card(id) => format!("card-{id}"),
            Target::Tag(slug) => format!("tag-{slug}"),
        }
    }
}

/// Percent-encodes a relative path for a URL, keeping `/`.
pub(crate) fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The section that lists entities of `kind`.
pub(crate) fn section_of(kind: Kind) -> Section {
    match kind {
        Kind::Term => Section::Glossary,
        Kind::Principle => Section::Principles,
        Kind::Owner => Section::Owners,
        Kind::Touchpoint => Section::Touchpoints,
        Kind::Journey => Section::Journeys,
        Kind::Situation => Section::Situations,
        Kind::Standard => Section::Standards,
        Kind::Chapter => Section::Cover,
    }
}
