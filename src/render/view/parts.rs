//! The single document (print.html, handbook.md) in pieces. At 100,000 standards the whole
//! document is larger than everything else sok holds, so it is never built at once: each
//! section is cut into pieces of a few dozen entities, each piece is viewed and drawn by its
//! section's template on its own (in parallel), and written out in order. The frame around
//! the sections (title page, contents) is [`super::document::frame`].

use std::ops::Range;

use serde::Serialize;

use super::card;
use super::context::Ctx;
use super::document::{ExtraChapter, TreeLine, chapter_order, extra_chapter, flatten};
use super::entities;
use super::structure::{self, Coverage, DutyRow, TreeNode};
use crate::render::address::target::Section;

/// Entities per piece: enough that a piece's fixed cost (its context, one template call) is
/// small beside its entities, few enough that the pieces in flight stay small.
const PIECE: usize = 48;

/// A top-level part of the document, in the method's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The glossary, principles, journeys, touchpoints, situations, standards or owners.
    Section(Section),
    /// The first chapter, the general provisions.
    General,
    /// The pocket cards (no page of the site, so no section).
    Cards,
    /// Another chapter, by its position in the handbook.
    Chapter(usize),
    /// An extra chapter (`--changes-since`, `--measurements`), by its position.
    Extra(usize),
}

impl Part {
    /// Its template's name under `html/print/` and `markdown/handbook/`.
    pub(crate) fn template(self) -> &'static str {
        match self {
            Part::Section(section) => section.key(),
            Part::General | Part::Chapter(_) | Part::Extra(_) => "chapter",
            Part::Cards => "cards",
        }
    }
}

/// One piece of a part: the entities at `items` (positions in the part's list), and whether
/// it opens or closes the part (its heading and section-wide tables, its closing tag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub part: Part,
    pub items: Range<usize>,
    pub first: bool,
    pub last: bool,
}

/// The owners section's own tables, drawn before the first owner.
#[derive(Debug, Clone, Serialize)]
struct OwnersHead {
    tree: Vec<TreeNode>,
    tree_lines: Vec<TreeLine>,
    responsibility: Vec<DutyRow>,
    coverage: Coverage,
}

/// The pieces of the whole document, in order. Glossary and principles are lists drawn by one
/// macro each, so each is one piece.
pub(crate) fn pieces(ctx: &Ctx<'_>, extras: &[ExtraChapter]) -> Vec<Piece> {
    let hb = ctx.hb;
    let chapters = chapter_order(hb);
    let mut out = Vec::new();
    cut(
        Part::Section(Section::Glossary),
        0..hb.terms.len(),
        usize::MAX,
        &mut out,
    );
    if let Some(&first) = chapters.first() {
        cut(Part::General, first..first + 1, 1, &mut out);
    }
    cut(
        Part::Section(Section::Principles),
        0..hb.principles.len(),
        usize::MAX,
        &mut out,
    );
    cut(
        Part::Section(Section::Journeys),
        0..hb.journeys.len(),
        PIECE,
        &mut out,
    );
    cut(
        Part::Section(Section::Touchpoints),
        0..hb.touchpoints.len(),
        PIECE,
        &mut out,
    );
    cut(
        Part::Section(Section::Situations),
        0..hb.situations.len(),
        PIECE,
        &mut out,
    );
    cut(
        Part::Section(Section::Standards),
        0..hb.standards.len(),
        PIECE,
        &mut out,
    );
    cut(
        Part::Section(Section::Owners),
        0..hb.owners.len(),
        PIECE,
        &mut out,
    );
    if card::any_card(ctx) {
        cut(Part::Cards, 0..hb.owners.len(), PIECE, &mut out);
    }
    for &i in chapters.iter().skip(1) {
        cut(Part::Chapter(i), i..i + 1, 1, &mut out);
    }
    for i in 0..extras.len() {
        cut(Part::Extra(i), i..i + 1, 1, &mut out);
    }
    out
}

/// Appends the pieces of `part` over `items`, `size` entities each.
fn cut(part: Part, items: Range<usize>, size: usize, out: &mut Vec<Piece>) {
    let mut start = items.start;
    while start < items.end {
        let end = start.saturating_add(size).min(items.end);
        out.push(Piece {
            part,
            items: start..end,
            first: start == items.start,
            last: end == items.end,
        });
        start = end;
    }
}

fn views<T: Serialize>(
    c: &mut tera::Context,
    items: Range<usize>,
    view: impl Fn(usize) -> Option<T>,
) {
    c.insert("items", &items.filter_map(view).collect::<Vec<_>>());
}

/// Puts what `piece` draws into `c`: `first`, `last` and `items` (the views of its
/// entities); the first piece of the standards also gets `catalogue`, of the owners `owners`
/// (`tree`, `tree_lines`, `responsibility`, `coverage`); a chapter gets `chapter`.
pub(crate) fn fill(ctx: &Ctx<'_>, extras: &[ExtraChapter], piece: &Piece, c: &mut tera::Context) {
    c.insert("first", &piece.first);
    c.insert("last", &piece.last);
    let items = piece.items.clone();
    match piece.part {
        Part::Section(Section::Glossary) => views(c, items, |i| entities::term(ctx, i)),
        Part::Section(Section::Principles) => views(c, items, |i| entities::principle(ctx, i)),
        Part::Section(Section::Journeys) => views(c, items, |i| structure::journey(ctx, i)),
        Part::Section(Section::Touchpoints) => views(c, items, |i| entities::touchpoint(ctx, i)),
        Part::Section(Section::Situations) => views(c, items, |i| entities::situation(ctx, i)),
        Part::Section(Section::Standards) => {
            if piece.first {
                c.insert(
                    "catalogue",
                    &structure::catalogue(ctx, 0..ctx.hb.standards.len()),
                );
            }
            views(c, items, |i| entities::standard(ctx, i));
        }
        Part::Section(Section::Owners) => {
            if piece.first {
                let tree = structure::owner_tree(ctx);
                let mut tree_lines = Vec::new();
                flatten(&tree, 0, &mut tree_lines);
                let head = OwnersHead {
                    tree,
                    tree_lines,
                    responsibility: structure::responsibility(ctx),
                    coverage: structure::coverage(ctx),
                };
                c.insert("owners", &head);
            }
            views(c, items, |i| structure::owner(ctx, i));
        }
        Part::Cards => views(c, items, |i| card::card(ctx, i)),
        // Not parts of the document: `pieces` never cuts them.
        Part::Section(Section::Cover | Section::Search | Section::Print | Section::Tags) => {}
        Part::General | Part::Chapter(_) => {
            c.insert("chapter", &entities::chapter(ctx, items.start));
        }
        Part::Extra(i) => {
            c.insert("chapter", &extras.get(i).map(|e| extra_chapter(ctx, e)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_cut_into_pieces_that_cover_it_once_in_order() {
        let mut out = Vec::new();
        cut(
            Part::Section(Section::Standards),
            0..PIECE * 2 + 5,
            PIECE,
            &mut out,
        );
        let ranges: Vec<_> = out.iter().map(|p| p.items.clone()).collect();
        assert_eq!(
            ranges,
            [0..PIECE, PIECE..PIECE * 2, PIECE * 2..PIECE * 2 + 5]
        );
        let flags: Vec<_> = out.iter().map(|p| (p.first, p.last)).collect();
        assert_eq!(flags, [(true, false), (false, false), (false, true)]);
        cut(Part::Section(Section::Glossary), 0..3, usize::MAX, &mut out);
        assert_eq!(
            out.last().map(|p| (p.items.clone(), p.first, p.last)),
            Some((0..3, true, true))
        );
        let before = out.len();
        cut(Part::Section(Section::Owners), 0..0, PIECE, &mut out);
        assert_eq!(
            out.len(),
            before,
            "an empty part has no piece, so no section"
        );
    }
}
