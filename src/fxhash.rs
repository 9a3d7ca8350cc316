//! The Fx hash (from rustc): a fast, non-cryptographic hasher for the maps
//! and sets on the tagging path, where SipHash's flood resistance buys
//! nothing and costs a tenth of the run time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with the Fx hasher.
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with the Fx hasher.
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Multiply-rotate hashing over 8-byte words.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

/// The Fx multiplier.
pub const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hash of one string as a single word (Fx over 8-byte words, the
/// length folded into the last one): the tagger's feature parts and the
/// keys of its word tables.
pub fn hash_str(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(chunk.try_into().expect("8 bytes"))).wrapping_mul(SEED);
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    last[7] ^= bytes.len() as u8 | 0x80;
    (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(SEED)
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}
