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
    let last = tail_word(chunks.remainder()) ^ (u64::from(bytes.len() as u8 | 0x80) << 56);
    (h.rotate_left(5) ^ last).wrapping_mul(SEED)
}

/// Up to seven bytes as the little-endian word they make when padded with
/// zeros, read with two overlapping loads instead of a copy (which would
/// call `memcpy` for every string hashed).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!(n < 8);
    let two = |at: usize| u64::from(u16::from_le_bytes([rest[at], rest[at + 1]]));
    let four = |at: usize| u64::from(u32::from_le_bytes([rest[at], rest[at + 1], rest[at + 2], rest[at + 3]]));
    match n {
        0 => 0,
        1 => u64::from(rest[0]),
        2..=3 => two(0) | two(n - 2) << (8 * (n - 2)),
        _ => four(0) | four(n - 4) << (8 * (n - 4)),
    }
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
            self.add(tail_word(rest));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_word_is_the_zero_padded_word() {
        let bytes = *b"\x01\x82\x03\xf4\x05\x66\x07";
        for n in 0..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }
}
