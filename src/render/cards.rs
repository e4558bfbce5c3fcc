//! `OUT/cards/<owner>.html`: each role's pocket card as a page of its own, beside the site, with
//! the stylesheet inlined so that the file can be printed, mailed or pinned up alone.

use rayon::prelude::*;

use crate::error::Error;
use crate::render::error;
use crate::render::output::Sink;
use crate::render::templates::Templates;
use crate::render::view::card;
use crate::render::view::context::{Ctx, plain};
use crate::render::view::document::page_footer;

/// Renders the card of every role that applies anything into `sink`; returns how many.
pub(crate) fn render_all(
    ctx: &Ctx<'_>,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<usize, Error> {
    let css = templates
        .statics
        .iter()
        .find(|(name, _)| name == "sok.css")
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default();
    let settings = ctx.hb.settings.as_ref();
    let handbook = settings.map(|s| plain(&s.title.value)).unwrap_or_default();
    let version = settings
        .map(|s| s.version.value.to_string())
        .unwrap_or_default();
    let date = settings
        .and_then(|s| s.effective.as_ref())
        .map(|d| ctx.cat.date(d.value))
        .unwrap_or_default();
    let mut common = tera::Context::new();
    common.insert("lang", ctx.cat.language.keyword());
    common.insert("t", &ctx.cat.to_json());
    common.insert("css", &css);
    common.insert(
        "edition",
        &format!(
            "{handbook} · {}",
            ctx.cat
                .fill("ui.version_line", &[("version", &version), ("date", &date)])
        ),
    );
    common.insert("handbook", &handbook);
    common.insert("footer", &page_footer(ctx));
    let written: Result<Vec<()>, Error> = ctx
        .hb
        .owners
        .par_iter()
        .enumerate()
        .filter_map(|(i, owner)| Some((owner, card::card(ctx, i)?)))
        .map(|(owner, card)| {
            let mut c = common.clone();
            c.insert("title_role", &plain(&owner.name.value));
            c.insert("card", &card);
            let html = templates.render("html/card.html.tera", &c)?;
            let path = format!("cards/{}.html", card.id);
            sink.write(&path, html.as_bytes())
                .map_err(|e| error::writing(&path, &e))
        })
        .collect();
    Ok(written?.len())
}
