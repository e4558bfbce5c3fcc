//! Prose: word-level diffs of text, so a reviewer sees which words of a rule changed rather
//! than two whole paragraphs.
//!
//! Words are Unicode words (`similar`'s `unicode` feature), which suits Polish, Russian and
//! Slovenian as well as English. The patience algorithm anchors on rare words, and small
//! gaps between two edits are folded into one edit, so the result reads like a person's
//! correction. There is no time limit on the diff, so the output never depends on the
//! machine's speed.

use similar::{Algorithm, ChangeTag, TextDiff};

/// A run of text that is in both editions, only the old one, or only the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// How deletions and insertions are marked when rendered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks<'a> {
    pub deleted: (&'a str, &'a str),
    pub inserted: (&'a str, &'a str),
}

/// `[-old-]{+new+}`, the convention of `git diff --word-diff=plain`.
pub(crate) const PLAIN: Marks<'static> = Marks {
    deleted: ("[-", "-]"),
    inserted: ("{+", "+}"),
};

/// Texts longer than this together (in bytes) are compared line by line: a word diff costs
/// time proportional to the tokens times the edits, quadratic for two unrelated texts, and
/// there is no time limit. Real standards and chapters stay well below it.
const WORD_DIFF_LIMIT: usize = 10_000;

/// Texts with more lines than this together are not diffed at all: what lies between their
/// common first and last lines is shown as replaced, in linear time.
const LINE_DIFF_LIMIT: usize = 2_000;

/// The word-level difference between two texts (line-level for long ones, one replaced
/// stretch for very long ones).
pub(crate) fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    if old.len() + new.len() > WORD_DIFF_LIMIT
        && old.lines().count() + new.lines().count() > LINE_DIFF_LIMIT
    {
        return fold(&replaced(old, new));
    }
    let mut config = TextDiff::configure();
    config.algorithm(Algorithm::Patience);
    let diff = match old.len() + new.len() > WORD_DIFF_LIMIT {
        true => config.diff_lines(old, new),
        false => config.diff_unicode_words(old, new),
    };
    let mut raw: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), raw.last_mut()) {
            (ChangeTag::Equal, Some(Piece::Same(s)))
            | (ChangeTag::Delete, Some(Piece::Deleted(s)))
            | (ChangeTag::Insert, Some(Piece::Inserted(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => raw.push(Piece::Same(text.to_string())),
            (ChangeTag::Delete, _) => raw.push(Piece::Deleted(text.to_string())),
            (ChangeTag::Insert, _) => raw.push(Piece::Inserted(text.to_string())),
        }
    }
    fold(&raw)
}

/// The lines both texts start and end with, and the rest of each as deleted and inserted.
fn replaced(old: &str, new: &str) -> Vec<Piece> {
    let old: Vec<&str> = old.split_inclusive('\n').collect();
    let new: Vec<&str> = new.split_inclusive('\n').collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let pieces = [
        Piece::Same(old[..head].concat()),
        Piece::Deleted(old[head..old.len() - tail].concat()),
        Piece::Inserted(new[head..new.len() - tail].concat()),
        Piece::Same(old[old.len() - tail..].concat()),
    ];
    pieces
        .into_iter()
        .filter(|piece| match piece {
            Piece::Same(t) | Piece::Deleted(t) | Piece::Inserted(t) => !t.is_empty(),
        })
        .collect()
}

/// Whether a stretch of unchanged text between two edits is small enough to fold into them.
fn is_gap(text: &str) -> bool {
    !text.contains('\n') && (text.trim().is_empty() || text.trim().chars().count() <= 2)
}

/// Joins edits separated only by a space or a short word, and moves whitespace both sides
/// share out of the edit.
fn fold(raw: &[Piece]) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    for (i, piece) in raw.iter().enumerate() {
        match piece {
            Piece::Deleted(t) => deleted.push_str(t),
            Piece::Inserted(t) => inserted.push_str(t),
            Piece::Same(t) => {
                let editing = !deleted.is_empty() || !inserted.is_empty();
                let more = matches!(raw.get(i + 1), Some(Piece::Deleted(_) | Piece::Inserted(_)));
                if editing && more && is_gap(t) {
                    deleted.push_str(t);
                    inserted.push_str(t);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    push_same(&mut out, t);
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

fn push_same(out: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Same(s)) => s.push_str(text),
        _ => out.push(Piece::Same(text.to_string())),
    }
}

fn flush(out: &mut Vec<Piece>, deleted: &mut String, inserted: &mut String) {
    let (d, i) = (std::mem::take(deleted), std::mem::take(inserted));
    if d.is_empty() || i.is_empty() {
        out.extend((!d.is_empty()).then_some(Piece::Deleted(d)));
        out.extend((!i.is_empty()).then_some(Piece::Inserted(i)));
        return;
    }
    let lead = common_whitespace(d.chars(), i.chars());
    let mut trail: String = common_whitespace(d.chars().rev(), i.chars().rev());
    if lead.len() + trail.len() > d.len().min(i.len()) {
        trail.clear();
    }
    let core = |s: &str| {
        let end = s.len().saturating_sub(trail.len());
        s.get(lead.len()..end).unwrap_or("").to_string()
    };
    let (d, i) = (core(&d), core(&i));
    push_same(out, &lead);
    out.extend((!d.is_empty()).then_some(Piece::Deleted(d)));
    out.extend((!i.is_empty()).then_some(Piece::Inserted(i)));
    push_same(out, &trail.chars().rev().collect::<String>());
}

fn common_whitespace(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> String {
    a.zip(b)
        .take_while(|(x, y)| x == y && x.is_whitespace() && *x != '\n')
        .map(|(x, _)| x)
        .collect()
}

/// The lines of the merged text that contain a change, with `…` for the lines left out.
/// Deleted line breaks become spaces; whitespace-only edits are shown as the new text.
pub(crate) fn render(pieces: &[Piece], marks: Marks<'_>) -> Vec<String> {
    let mut lines: Vec<(String, bool)> = vec![(String::new(), false)];
    let mut append = |text: &str, mark: Option<(&str, &str)>| {
        for (n, part) in text.split('\n').enumerate() {
            if n > 0 {
                lines.push((String::new(), false));
            }
            let Some(line) = lines.last_mut() else {
                continue;
            };
            match mark {
                Some((open, close)) if !part.is_empty() => {
                    line.0.push_str(&format!("{open}{part}{close}"));
                    line.1 = true;
                }
                _ => line.0.push_str(part),
            }
        }
    };
    for piece in pieces {
        match piece {
            Piece::Same(t) => append(t, None),
            Piece::Deleted(t) if t.trim().is_empty() => {}
            Piece::Deleted(t) => append(&t.replace('\n', " "), Some(marks.deleted)),
            Piece::Inserted(t) if t.trim().is_empty() => append(t, None),
            Piece::Inserted(t) => append(t, Some(marks.inserted)),
        }
    }
    let mut out = Vec::new();
    let mut skipped = false;
    for (text, changed) in lines {
        if changed {
            if skipped {
                out.push("…".to_string());
            }
            skipped = false;
            out.push(text.trim_end().to_string());
        } else if !text.trim().is_empty() {
            skipped = true;
        }
    }
    if skipped && !out.is_empty() {
        out.push("…".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(old: &str, new: &str) -> String {
        render(&word_diff(old, new), PLAIN).join("\n")
    }

    #[test]
    fn marks_changed_words() {
        assert_eq!(
            plain("Odbieramy w ciągu 2 minut.", "Odbieramy w ciągu 1 minuty."),
            "Odbieramy w ciągu [-2 minut-]{+1 minuty+}."
        );
        assert_eq!(plain("a b c", "a b c d"), "a b c{+ d+}");
        assert_eq!(plain("Один два три.", "Один три."), "Один [-два -]три.");
    }

    #[test]
    fn shows_only_changed_lines() {
        let old = "First line.\n\nSecond line.\n\nThird line.";
        let new = "First line.\n\nSecond row.\n\nThird line.";
        assert_eq!(plain(old, new), "…\nSecond [-line-]{+row+}.\n…");
    }

    #[test]
    fn new_paragraphs_keep_their_breaks() {
        assert_eq!(plain("A.", "A.\n\nB."), "…\n{+B.+}");
        assert_eq!(plain("A.", "B.\n\nA."), "{+B.+}\n…");
        // Only whitespace changed: nothing to mark.
        assert_eq!(plain("A.\n\nB.", "A. B."), "");
    }

    #[test]
    fn long_texts_are_compared_by_line_in_reasonable_time() {
        let words = |seed: u64| -> String {
            let mut x = seed;
            (0..30_000)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let word = format!("w{}", x >> 50);
                    if i % 12 == 11 {
                        word + ".\n"
                    } else {
                        word + " "
                    }
                })
                .collect()
        };
        let started = std::time::Instant::now();
        let lines = render(&word_diff(&words(1), &words(2)), PLAIN);
        assert!(!lines.is_empty());
        assert!(started.elapsed().as_secs() < 10);
    }

    #[test]
    fn very_long_texts_are_one_replaced_stretch_between_their_common_lines() {
        // 4,000 lines of unrelated words: no diff algorithm runs, whatever the length.
        for n in [4_000, 16_000] {
            let old = format!("Same start.\n{}Same end.\n", "a b c\n".repeat(n));
            let new = format!("Same start.\n{}Same end.\n", "x y z\n".repeat(n));
            let pieces = word_diff(&old, &new);
            assert_eq!(pieces.len(), 4, "{n}");
            assert_eq!(pieces[0], Piece::Same("Same start.\n".into()));
            assert_eq!(pieces[3], Piece::Same("Same end.\n".into()));
        }
        // Two unrelated texts just over the word limit are diffed by line, not by word.
        let old = "a1 ".repeat(WORD_DIFF_LIMIT / 5);
        let new = "b2 ".repeat(WORD_DIFF_LIMIT / 5);
        let pieces = word_diff(&old, &new);
        let deleted = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Deleted(_)))
            .count();
        assert_eq!(deleted, 1, "{:?}", &pieces[..pieces.len().min(4)]);
    }

    #[test]
    fn identical_texts_render_nothing() {
        assert!(plain("same", "same").is_empty());
        assert!(plain("", "").is_empty());
    }
}
