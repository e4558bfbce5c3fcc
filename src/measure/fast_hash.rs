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

/// The set of id hashes seen, for finding repeated ids: one eight-byte slot per hash in an
/// open-addressed table with linear probing, at most three quarters full. The hashes are
/// XXH3's, already spread evenly, so a hash's top bits are its slot and a lookup is one
/// cache line of one array (a general hash set reads a control byte, then the slot, in two
/// places of memory). Slot value 0 means empty; a hash of 0 is remembered apart.
#[derive(Debug, Default)]
pub(crate) struct IdSet {
    slots: Vec<u64>,
    len: usize,
    zero: bool,
}

impl IdSet {
    /// Makes room for `additional` more hashes without growing.
    pub(crate) fn reserve(&mut self, additional: usize) {
        let wanted = (self.len + additional).saturating_mul(4) / 3 + 1;
        if wanted > self.slots.len() {
            self.grow(wanted.next_power_of_two());
        }
    }

    /// Adds `hash`; `false` when it was already in.
    pub(crate) fn insert(&mut self, hash: u64) -> bool {
        if hash == 0 {
            return !std::mem::replace(&mut self.zero, true);
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow((self.slots.len() * 2).max(1024));
        }
        if Self::put(&mut self.slots, hash) {
            self.len += 1;
            true
        } else {
            false
        }
    }

    fn put(slots: &mut [u64], hash: u64) -> bool {
        let mask = slots.len() - 1;
        let mut at = (hash >> (64 - slots.len().trailing_zeros())) as usize;
        loop {
            match slots[at] {
                0 => {
                    slots[at] = hash;
                    return true;
                }
                seen if seen == hash => return false,
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn grow(&mut self, size: usize) {
        // At least 1,024 slots: a slot is a hash's top bits, and a table of one slot would
        // shift a hash by all its 64 bits.
        let mut slots = vec![0u64; size.max(1024)];
        for &hash in self.slots.iter().filter(|&&h| h != 0) {
            Self::put(&mut slots, hash);
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_set_finds_each_repeat_through_growth() {
        let mut set = IdSet::default();
        let hashes: Vec<u64> = (0..100_000u64).map(|i| id_hash(&i.to_string())).collect();
        for &h in &hashes {
            assert!(set.insert(h));
        }
        assert!(set.insert(0));
        assert!(!set.insert(0));
        // Hashes that share their top bits probe past each other.
        for i in 1..=50u64 {
            assert!(set.insert(i));
        }
        for &h in hashes.iter().chain(&(1..=50).collect::<Vec<_>>()) {
            assert!(!set.insert(h));
        }
        let mut sized = IdSet::default();
        sized.reserve(1_000);
        let slots = sized.slots.len();
        for i in 1..=1_000u64 {
            assert!(sized.insert(i.wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        }
        assert_eq!(sized.slots.len(), slots, "reserved, never grown");
        for room in [0, 1, 2] {
            let mut small = IdSet::default();
            small.reserve(room);
            assert!(small.insert(u64::MAX) && small.insert(1) && !small.insert(1));
        }
    }

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
