//! What a mystery shopper or QA reviewer checks at one touchpoint: every standard in force
//! there and every situation at it, broken into yes/no items with stable ids, so that a
//! filled form still matches its handbook after the handbook is reworded.

use crate::i18n::Catalog;
use crate::i18n::measure::{MeasureValue, observed};
use crate::model::{Handbook, Kind, Status};
use crate::resolve::Index;
use crate::role::Applies;

/// What an item asks about, named as in the JSON form's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemKind {
    Say,
    NeverSay,
    Measure,
    Step,
}

impl ItemKind {
    pub(crate) fn word(self) -> &'static str {
        match self {
            ItemKind::Say => "say",
            ItemKind::NeverSay => "never_say",
            ItemKind::Measure => "measure",
            ItemKind::Step => "step",
        }
    }
}

/// One question of the form: "yes" means the standard was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// `<standard-id>/say-1`, `/never-1`, `/measure`, `/step-<journey>-<step>`; a
    /// situation's items are `situation/<situation-id>/say-1`.
    pub id: String,
    pub kind: ItemKind,
    /// Plain text in the handbook's language, Markdown stripped.
    pub text: String,
    pub weight: u32,
    pub critical: bool,
}

/// The items of one standard or one situation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// The standard's id, or `situation/<id>`.
    pub id: String,
    pub title: String,
    pub kind: Kind,
    /// The entity's own id.
    pub entity: String,
    pub critical: bool,
    pub items: Vec<Item>,
}

/// The form of one touchpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scorecard {
    pub touchpoint: String,
    pub touchpoint_name: String,
    /// "Scorecard: Infolinia …", in the handbook's language.
    pub title: String,
    pub handbook: String,
    pub language: &'static str,
    pub version: String,
    pub sections: Vec<Section>,
}

impl Scorecard {
    pub(crate) fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }
}

/// The scorecard of touchpoint `t` (a position in `hb.touchpoints`). With `role`, only the
/// standards and situations that role applies.
pub(crate) fn scorecard(
    hb: &Handbook,
    index: &Index,
    cat: &Catalog,
    t: usize,
    role: Option<&Applies>,
) -> Scorecard {
    let touchpoint = &hb.touchpoints[t];
    let tp = touchpoint.meta.id.value.as_str();
    let mut sections = Vec::new();
    for (i, standard) in hb.standards.iter().enumerate() {
        if standard.status.value != Status::Active
            || role.is_some_and(|r| !r.standards.contains(&i))
        {
            continue;
        }
        let id = standard.meta.id.value.as_str();
        let steps = steps_at(hb, index, tp, id, &standard.steps);
        let named_here = standard.touchpoints.iter().any(|r| r.value == tp);
        if !named_here && steps.is_empty() {
            continue;
        }
        let (weight, critical) = standard
            .audit
            .map_or((1, false), |a| (a.weight, a.critical));
        let mut items = phrases(
            cat,
            id,
            &standard.say,
            &standard.never_say,
            weight,
            critical,
        );
        if let Some(text) = standard
            .measure
            .as_ref()
            .and_then(|m| observed(&MeasureValue::of(m), cat))
        {
            items.push(Item {
                id: format!("{id}/measure"),
                kind: ItemKind::Measure,
                text,
                weight,
                critical,
            });
        }
        for (j, s) in steps {
            let journey = &hb.journeys[j];
            let step = &journey.steps[s];
            let Some(instruction) = &step.instruction else {
                continue;
            };
            items.push(Item {
                id: format!("{id}/step-{}-{}", journey.meta.id.value, step.id.value),
                kind: ItemKind::Step,
                text: plain(&instruction.value),
                weight,
                critical,
            });
        }
        if items.is_empty() {
            continue;
        }
        sections.push(Section {
            id: id.to_string(),
            title: plain(&standard.title.value),
            kind: Kind::Standard,
            entity: id.to_string(),
            critical,
            items,
        });
    }
    for (i, situation) in hb.situations.iter().enumerate() {
        if !situation.touchpoints.iter().any(|r| r.value == tp)
            || role.is_some_and(|r| !r.situations.contains(&i))
        {
            continue;
        }
        let id = format!("situation/{}", situation.meta.id.value);
        let items = phrases(cat, &id, &situation.say, &situation.never_say, 1, false);
        if items.is_empty() {
            continue;
        }
        let name = plain(&situation.name.value);
        sections.push(Section {
            id,
            title: cat.fill("audit.situation", &[("name", &name)]),
            kind: Kind::Situation,
            entity: situation.meta.id.value.clone(),
            critical: false,
            items,
        });
    }
    let name = plain(&touchpoint.name.value);
    let settings = hb.settings.as_ref();
    Scorecard {
        touchpoint: tp.to_string(),
        title: cat.fill("audit.title", &[("touchpoint", &name)]),
        touchpoint_name: name,
        handbook: settings.map_or_else(String::new, |s| plain(&s.title.value)),
        language: cat.language.keyword(),
        version: settings.map_or_else(String::new, |s| s.version.value.to_string()),
        sections,
    }
}

/// The steps at touchpoint `tp` that standard `id` applies to, from either side (its
/// `steps`, or the step's `standards`), in handbook order.
fn steps_at(
    hb: &Handbook,
    index: &Index,
    tp: &str,
    id: &str,
    named: &[crate::model::StepRef],
) -> Vec<(usize, usize)> {
    let named: Vec<(usize, usize)> = named
        .iter()
        .filter_map(|r| index.step(&r.journey, &r.step))
        .collect();
    let mut out = Vec::new();
    for (j, journey) in hb.journeys.iter().enumerate() {
        for (s, step) in journey.steps.iter().enumerate() {
            let here = step.touchpoints.iter().any(|r| r.value == tp);
            let from_step = step.standards.iter().any(|r| r.value == id);
            if here && (from_step || named.contains(&(j, s))) {
                out.push((j, s));
            }
        }
    }
    out
}

fn phrases(
    cat: &Catalog,
    id: &str,
    say: &[crate::model::Text],
    never_say: &[crate::model::Text],
    weight: u32,
    critical: bool,
) -> Vec<Item> {
    let said = say.iter().enumerate().map(|(n, p)| Item {
        id: format!("{id}/say-{}", n + 1),
        kind: ItemKind::Say,
        text: cat.fill("audit.said", &[("phrase", &plain(&p.value))]),
        weight,
        critical,
    });
    let avoided = never_say.iter().enumerate().map(|(n, p)| Item {
        id: format!("{id}/never-{}", n + 1),
        kind: ItemKind::NeverSay,
        text: cat.fill("audit.avoided", &[("phrase", &plain(&p.value))]),
        weight,
        critical,
    });
    said.chain(avoided).collect()
}

/// Markdown as one line of plain text: what a printed form or a spreadsheet cell can hold.
pub(crate) fn plain(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::new();
    for event in crate::markdown::parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn markdown_becomes_one_plain_line() {
        assert_eq!(
            plain("Ask **twice**,\nthen [check](x.md):\n\n- `order` number\n- date"),
            "Ask twice, then check: order number date"
        );
    }
}
