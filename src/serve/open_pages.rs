//! The pages open in a browser, rendered before the rest of the site. A full render of a
//! 1,000-standard handbook takes about a second (every page, print.html and the search
//! index: docs/serve.md), while the page an author is looking at takes milliseconds; so the
//! server renders the open pages first, reloads them, and only then renders the whole site.
//! The full render is what makes the site right (it replaces every page, these included);
//! this is only a head start, drawn exactly as `render::render` draws a page, so a page
//! rendered here is byte for byte the page the full render makes and is not reloaded twice.

use crate::check::Checked;
use crate::error::Error;
use crate::i18n::Catalog;
use crate::render::Theme;
use crate::render::address::layout::{pages, place};
use crate::render::address::linker::Targets;
use crate::render::site::pages::Site;
use crate::render::view::context::Ctx;
use crate::render::view::lookups::Lookups;

/// Rendered pages: their path in the site and their HTML.
pub(crate) type Pages = Vec<(String, Vec<u8>)>;

/// The pages among `wanted` (paths in the site: `standards/a.html`) that the handbook has,
/// rendered, with the theme's catalogue. Paths that are no page (an asset, a page that does
/// not exist) are left out.
pub(crate) fn render(checked: &Checked, wanted: &[String]) -> Result<(Pages, Catalog), Error> {
    let theme = Theme::load(checked)?;
    let hb = &checked.handbook;
    let chosen: Vec<_> = pages(hb, 0)
        .into_iter()
        .filter(|&page| {
            let (path, _, _) = place(hb, &[], page);
            wanted.contains(&path)
        })
        .collect();
    if chosen.is_empty() {
        return Ok((Vec::new(), theme.catalog));
    }
    let look = Lookups::new(hb, &checked.index);
    let targets = Targets::new(hb, &checked.sources);
    let ctx = Ctx::site_root(checked, &look, &targets, &theme.catalog);
    let site = Site::new(ctx, &theme.templates, &[], None);
    let mut out = Vec::new();
    for page in chosen {
        let (path, html) = site.render(page)?;
        out.push((path, html.into_bytes()));
    }
    Ok((out, theme.catalog))
}
