//! Writing a single document (print.html, handbook.md) as a stream. Its frame (title page,
//! contents, page layout) is drawn first with a mark where the sections go; the sections are
//! then drawn piece by piece (`view::parts`), a window of pieces at a time in parallel, and
//! written in order between the two halves of the frame. So the document is never held
//! whole, and both cores draw it.

use std::io;

use rayon::prelude::*;

use crate::error::Error;
use crate::render::error;
use crate::render::output::Sink;
use crate::render::templates::{Templates, template_error};
use crate::render::view::context::Ctx;
use crate::render::view::document::ExtraChapter;
use crate::render::view::parts::{self, Piece};

/// What the frame's template gets as `sections`, and writes where the sections go.
pub(crate) const SECTIONS: &str = "\u{1}sok:sections\u{1}";

/// One single document to write.
pub(crate) struct Single<'a> {
    /// In single-document mode, in the document's format.
    pub ctx: Ctx<'a>,
    pub templates: &'a Templates,
    pub extras: &'a [ExtraChapter],
    /// The folder of the part templates (`html/print/`) and their extension (`.html.tera`).
    pub parts: &'static str,
    pub extension: &'static str,
    /// What every piece's template gets besides its own (`site`; or `t`, `meta`, `pagebreak`).
    pub common: tera::Context,
    /// Applied to each drawn piece (the heading anchors of print.html).
    pub finish: &'a (dyn Fn(String) -> String + Sync),
}

impl Single<'_> {
    /// Writes the document to `out` (`path` names it in errors): `frame`, the drawn frame
    /// template `frame_template`, with the sections in place of [`SECTIONS`].
    pub(crate) fn write(
        &self,
        frame_template: &str,
        frame: &str,
        path: &str,
        out: &mut dyn io::Write,
    ) -> Result<(), Error> {
        let (head, tail) = frame.split_once(SECTIONS).ok_or_else(|| {
            template_error(
                frame_template,
                "it must write `{{ sections }}` once, where the sections go",
            )
        })?;
        let put = |out: &mut dyn io::Write, text: &str| {
            out.write_all(text.as_bytes())
                .map_err(|e| error::writing(path, &e))
        };
        put(out, head)?;
        let pieces = parts::pieces(&self.ctx, self.extras);
        let window = rayon::current_num_threads().max(1) * 4;
        for chunk in pieces.chunks(window) {
            let drawn: Vec<Result<String, Error>> =
                chunk.par_iter().map(|piece| self.draw(piece)).collect();
            for text in drawn {
                put(out, &text?)?;
            }
        }
        put(out, tail)
    }

    fn draw(&self, piece: &Piece) -> Result<String, Error> {
        let mut context = self.common.clone();
        parts::fill(&self.ctx, self.extras, piece, &mut context);
        let template = format!("{}{}{}", self.parts, piece.part.template(), self.extension);
        let text = self.templates.render(&template, &context)?;
        Ok((self.finish)(text))
    }
}

/// Writes the file `path` into `sink` from what `write` writes; its errors are returned as
/// they are, and the sink's own as errors writing `path`.
pub(crate) fn stream(
    sink: &dyn Sink,
    path: &str,
    write: impl Fn(&mut dyn io::Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut failure = None;
    let written = sink.write_stream(path, &mut |out| {
        write(out).map_err(|e| {
            failure = Some(e);
            io::Error::other("not drawn")
        })
    });
    match (written, failure) {
        (_, Some(failure)) => Err(failure),
        (Err(e), None) => Err(error::writing(path, &e)),
        (Ok(()), None) => Ok(()),
    }
}
