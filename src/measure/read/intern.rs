//! The text that repeats from row to row (metrics, touchpoints, agents, teams) kept once per
//! chunk: a row's cell is looked up by its bytes, so a repeated value costs neither a
//! UTF-8 check nor an allocation, only a hash and a comparison.

use std::sync::Arc;

use crate::measure::fast_hash::FastMap;

/// The distinct cells seen in one chunk, as the trimmed text they mean (`None`: blank).
#[derive(Default)]
pub(super) struct Interner {
    seen: FastMap<Box<[u8]>, Option<Arc<str>>>,
}

impl Interner {
    /// The cell's trimmed text, `None` when blank, or `Err` when it is not UTF-8.
    pub(super) fn text(&mut self, bytes: &[u8]) -> Result<Option<Arc<str>>, std::str::Utf8Error> {
        if let Some(text) = self.seen.get(bytes) {
            return Ok(text.clone());
        }
        let trimmed = std::str::from_utf8(bytes)?.trim();
        let text = (!trimmed.is_empty()).then(|| Arc::from(trimmed));
        self.seen.insert(bytes.into(), text.clone());
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_cell_is_the_same_text() {
        let mut interner = Interner::default();
        let a = interner.text(b" Anna ").unwrap().unwrap();
        let b = interner.text(b" Anna ").unwrap().unwrap();
        assert_eq!(&*a, "Anna");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(interner.text(b"  ").unwrap(), None);
        assert!(interner.text(b"\xff").is_err());
    }
}
