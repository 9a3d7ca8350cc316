//! A word class for words the word table does not hold, guessed from the
//! word's spelling.
//!
//! `data/word_spelling.bin`, built by `scripts/build_word_spelling.py`,
//! holds a MIMICK-style model (Pinter et al. 2017): rows for hashed
//! character n-grams whose mean predicts a word's GloVe vector and its type
//! prior, and the centroids of the word table's 512 and 4,096 clusters. A
//! new word takes the clusters of the nearest 4,096-centroid within its
//! nearest 512-cluster, and its own predicted prior: `zelensky` is spelled
//! like a person's surname.

use std::sync::LazyLock;

use super::clusters::WordClass;
use super::model::Reader;

const SOURCE: &[u8] = include_bytes!("../../data/word_spelling.bin");
const MAGIC: &[u8] = b"NSSPELL1";
/// Character n-grams of `<word>`, as the build script takes them.
const NGRAMS: std::ops::RangeInclusive<usize> = 2..=5;
/// Longer words are not guessed (no name is that long; hostile input is).
const MAX_CHARS: usize = 40;

/// One of the 4,096 clusters: its centroid, and the 64- and 512-cluster
/// its words mostly share.
struct Cluster {
    centroid: Vec<i8>,
    coarser: [u16; 2],
}

/// What a row holds after the vector: P(name), then P(kind | name) for
/// PER, ORG, LOC and MISC.
const PRIOR: usize = 5;

/// The spelling model, read from the shipped file.
pub struct Spelling {
    dims: usize,
    buckets: usize,
    /// What one unit of a row is worth.
    scale: f32,
    rows: &'static [u8],
    coarse: Vec<Vec<i8>>,
    fine: Vec<Cluster>,
    /// The fine clusters whose words mostly sit in each coarse cluster.
    fine_by_coarse: Vec<Vec<u16>>,
}

/// FNV-1a over the bytes, as the build script hashes n-grams.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The id of the centroid most like the vector (largest dot product).
fn nearest<'a>(vector: &[f32], centroids: impl Iterator<Item = (usize, &'a [i8])>) -> Option<usize> {
    let dot = |centroid: &[i8]| -> f32 { vector.iter().zip(centroid).map(|(x, &y)| x * f32::from(y)).sum() };
    centroids.map(|(id, c)| (dot(c), id)).max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, id)| id)
}

impl Spelling {
    /// Parses the model; `None` when the bytes are not one.
    pub fn from_bytes(bytes: &'static [u8]) -> Option<Spelling> {
        let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)?, at: 0 };
        let (buckets, dims, scale) = (r.u32().ok()? as usize, r.u32().ok()? as usize, r.f32().ok()?);
        let rows = r.take(buckets.checked_mul(dims + PRIOR)?).ok()?;
        let i8s = |r: &mut Reader<'static>| r.take(dims).map(|b| b.iter().map(|&b| b as i8).collect::<Vec<i8>>());
        let coarse = (0..r.u32().ok()?).map(|_| i8s(&mut r)).collect::<Result<Vec<_>, _>>().ok()?;
        let fine = (0..r.u32().ok()?)
            .map(|_| Ok(Cluster { centroid: i8s(&mut r)?, coarser: [r.u16()?, r.u16()?] }))
            .collect::<Result<Vec<_>, String>>()
            .ok()?;
        let mut fine_by_coarse = vec![Vec::new(); coarse.len()];
        for (id, cluster) in fine.iter().enumerate() {
            if let Some(list) = fine_by_coarse.get_mut(usize::from(cluster.coarser[1])) {
                list.push(id as u16);
            }
        }
        Some(Spelling { dims, buckets, scale, rows, coarse, fine, fine_by_coarse })
    }

    /// What its spelling predicts of a word: the mean of its n-grams' rows,
    /// the vector then the prior.
    fn predict(&self, lower: &str) -> Vec<f32> {
        let width = self.dims + PRIOR;
        let padded = format!("<{lower}>");
        let bounds: Vec<usize> = padded.char_indices().map(|(i, _)| i).chain([padded.len()]).collect();
        let mut sum = vec![0f32; width];
        let mut grams = 0;
        for n in NGRAMS {
            for window in bounds.windows(n + 1) {
                let bucket = (fnv1a(&padded.as_bytes()[window[0]..window[n]]) % self.buckets as u64) as usize;
                for (s, &b) in sum.iter_mut().zip(&self.rows[bucket * width..(bucket + 1) * width]) {
                    *s += f32::from(b as i8);
                }
                grams += 1;
            }
        }
        let unit = self.scale / grams.max(1) as f32;
        sum.iter_mut().for_each(|s| *s *= unit);
        sum
    }

    /// The class of the known words a new word is spelled like; `None` for
    /// words that are not a letter followed by letters, digits, `'`, `.`,
    /// `&` and `-` (as the word table keeps), or are over 40 characters.
    pub fn guess(&self, lower: &str) -> Option<WordClass> {
        let mut chars = lower.chars();
        let first_is_letter = chars.next().is_some_and(char::is_alphabetic);
        if !first_is_letter || lower.chars().count() > MAX_CHARS || !chars.all(|c| c.is_alphanumeric() || matches!(c, '\'' | '.' | '&' | '-')) {
            return None;
        }
        let predicted = self.predict(lower);
        let (vector, prior) = predicted.split_at(self.dims);
        let coarse = nearest(vector, self.coarse.iter().map(Vec::as_slice).enumerate())?;
        let fine = match self.fine_by_coarse[coarse].as_slice() {
            [] => nearest(vector, self.fine.iter().map(|c| c.centroid.as_slice()).enumerate())?,
            ids => nearest(vector, ids.iter().map(|&id| (usize::from(id), self.fine[usize::from(id)].centroid.as_slice())))?,
        };
        let tenths = |p: f32| (p * 9.0).round().clamp(0.0, 9.0) as u8;
        let (class, class_p) = prior[1..].iter().enumerate().fold((0, f32::MIN), |best, (k, &p)| if p > best.1 { (k, p) } else { best });
        let [c64, c512] = self.fine[fine].coarser;
        Some(WordClass { clusters: [c64, c512, fine as u16], name: tenths(prior[0]), class: class as u8, class_p: tenths(class_p) })
    }
}

/// The shipped model, parsed on first use.
pub static SPELLING: LazyLock<Spelling> =
    LazyLock::new(|| Spelling::from_bytes(SOURCE).expect("data/word_spelling.bin is a spelling model"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::clusters::WORD_CLUSTERS;

    #[test]
    fn new_names_are_spelled_like_known_ones_of_their_kind() {
        assert!(WORD_CLUSTERS.get("zelensky").is_none() && WORD_CLUSTERS.get("bakhmut").is_none());
        let zelensky = SPELLING.guess("zelensky").unwrap();
        assert!(zelensky.mostly_a_name() && zelensky.class == 0, "{zelensky:?} a person");
        let oblast = SPELLING.guess("zaporizhzhia").unwrap();
        assert!(oblast.mostly_a_name(), "{oblast:?} a name");
    }

    #[test]
    fn only_words_are_guessed() {
        for word in ["", "1999", "-x", "a b", "@user", &"a".repeat(41)] {
            assert!(SPELLING.guess(word).is_none(), "{word:?}");
        }
        assert!(SPELLING.guess("ab").is_some());
        assert!(Spelling::from_bytes(b"NSSPELL1\x01").is_none());
    }
}
