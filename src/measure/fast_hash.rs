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

/// A 64-bit hash of an event id, for the set that finds repeated ids in eight bytes per id.
/// The multiply-rotate hash above is not enough here: ids that differ in a few digits
/// (`SOC-00084099`, `EV-00579866`) collide in it, and a collision would reject an event as
/// a repeat. XXH3 spreads every input bit over the whole hash, so a false repeat needs two
/// of n ids to meet in 2⁶⁴ values: about n² / 2⁶⁵, one in 300,000 runs of 10 million ids.
pub(crate) fn id_hash(id: &str) -> u64 {
    twox_hash::XxHash3_64::oneshot(id.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_differ_hash_apart() {
        // Export-style ids: a prefix per channel and a zero-padded counter.
        let ids: Vec<String> = ["EV", "SOC", "CALL", "T"]
            .iter()
            .flat_map(|p| (0..100_000).map(move |i| format!("{p}-{i:08}")))
            .collect();
        let hashes: FastSet<u64> = ids.iter().map(|id| id_hash(id)).collect();
        assert_eq!(hashes.len(), ids.len());
        assert_ne!(id_hash("ab"), id_hash("ab\0"));
    }
}
