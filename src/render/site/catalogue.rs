//! The standards catalogue of the site, in pages of a thousand rows: a handbook of 10,000
//! standards on one page was 5 MB. Each page lists them all (`catalogue_pages`).

use serde::Serialize;

use crate::render::address::layout::{CATALOGUE_ROWS, catalogue_pages, catalogue_path};
use crate::render::view::context::Ctx;
use crate::render::view::structure;

/// A page of the standards catalogue, in the list of its pages.
#[derive(Debug, Clone, Serialize)]
struct CataloguePage {
    label: String,
    href: String,
    current: bool,
}

/// Page `k + 1` of the catalogue: its rows, and the list of its pages when there are
/// several (`catalogue_pages`: `[{ label ("1001–2000"), href, current }]`).
pub(crate) fn fill(c: &mut tera::Context, ctx: &Ctx<'_>, k: usize) -> String {
    let hb = ctx.hb;
    let rows = k * CATALOGUE_ROWS..((k + 1) * CATALOGUE_ROWS).min(hb.standards.len());
    c.insert("catalogue", &structure::catalogue(ctx, rows));
    let count = catalogue_pages(hb);
    let list: Vec<CataloguePage> = if count > 1 {
        (0..count)
            .map(|page| {
                let first = page * CATALOGUE_ROWS + 1;
                let last = ((page + 1) * CATALOGUE_ROWS).min(hb.standards.len());
                CataloguePage {
                    label: format!(
                        "{}–{}",
                        ctx.cat.number(first as f64),
                        ctx.cat.number(last as f64)
                    ),
                    // The catalogue's pages share one folder, so a file name links them.
                    href: catalogue_path(page)
                        .rsplit('/')
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                    current: page == k,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    c.insert("catalogue_pages", &list);
    ctx.cat.get("section.standards").to_string()
}
