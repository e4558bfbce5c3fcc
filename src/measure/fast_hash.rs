//! The hasher of the evaluation's maps: every event looks up its metric, touchpoint, id,
//! agent and team, and the standard library's SipHash (built against hash flooding by
//! untrusted keys) costs more than the lookups themselves. Event files are the user's own
//! data, so the multiply-rotate hash of rustc's `FxHasher` is enough.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// A 64-bit hash of an event id, spread over all bits (a final mix after the words), so a
/// set of them keeps ids as eight bytes each.
pub(crate) fn id_hash(id: &str) -> u64 {
    let mut h = FastHasher::default();
    h.write(id.as_bytes());
    h.add(id.len() as u64);
    // splitmix64's finaliser.
    let mut z = h.0;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_differ_hash_apart() {
        let hashes: FastSet<u64> = (0..100_000).map(|i| id_hash(&format!("T-{i}"))).collect();
        assert_eq!(hashes.len(), 100_000);
        assert_ne!(id_hash("ab"), id_hash("ab\0"));
    }
}
