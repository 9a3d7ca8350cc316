//! Word representations learned from a large corpus, for words the tagger's
//! training data never showed it.
//!
//! `data/word_clusters.tsv`, built by `scripts/build_word_clusters.py` from
//! GloVe 6B's 50-dimensional vectors (Wikipedia and Gigaword, 355,000
//! lower-cased words), gives each word its k-means cluster at three
//! granularities and a type prior predicted from its vector: how likely it
//! is to be part of a name, and of which kind. `Ryanair` shares its finest
//! cluster with `Lufthansa` and `Qantas`, so what the tagger learned of
//! airlines in 1996 carries over.

use std::sync::LazyLock;

use crate::fxhash::{hash_str, FxHashMap};

const SOURCE: &str = include_str!("../../data/word_clusters.tsv");

/// What the table knows of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordClass {
    /// Cluster ids with 64, 512 and 4,096 clusters.
    pub clusters: [u16; 3],
    /// P(part of a name) in tenths, 0 to 9.
    pub name: u8,
    /// The likeliest kind of name (0 PER, 1 ORG, 2 LOC, 3 MISC) and its
    /// probability among names in tenths.
    pub class: u8,
    pub class_p: u8,
}

impl WordClass {
    /// The type prior as one small code: the kind of name, with the odds of
    /// being a name and of that kind each cut into three bands.
    pub fn prior(&self) -> u16 {
        let band = |tenths: u8| match tenths {
            0..=3 => 0,
            4..=6 => 1,
            _ => 2,
        };
        (self.class as u16) * 9 + band(self.name) * 3 + band(self.class_p)
    }

    /// Whether the word is more often part of a name than not.
    pub fn mostly_a_name(&self) -> bool {
        self.name >= 5
    }

    /// Whether the likeliest kind of name the word makes is a place.
    pub fn names_places(&self) -> bool {
        self.class == 2
    }
}

/// Lower-cased words and their classes, by the hash of the word.
pub struct WordClusters {
    words: FxHashMap<u64, WordClass>,
}

const CLASSES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A small decimal number, without the generic parser's checks.
fn number(cell: &[u8]) -> Option<u16> {
    if cell.is_empty() || cell.len() > 4 || !cell.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(cell.iter().fold(0, |n, b| n * 10 + (b - b'0') as u16))
}

/// The cells after the word.
fn parse_class<'a>(cells: &mut impl Iterator<Item = &'a [u8]>) -> Option<WordClass> {
    let mut next = || cells.next().and_then(number);
    let clusters = [next()?, next()?, next()?];
    let name = next()?.min(9) as u8;
    let kind = cells.next()?;
    let class = CLASSES.iter().position(|k| k.as_bytes() == kind)? as u8;
    let class_p = cells.next().and_then(number)?.min(9) as u8;
    Some(WordClass { clusters, name, class, class_p })
}

impl WordClusters {
    /// Reads `word<TAB>c64<TAB>c512<TAB>c4096<TAB>name<TAB>class<TAB>class_p`
    /// lines; `#` starts a comment, malformed lines are skipped. Cells are
    /// split as bytes: the shipped table has 355,000 lines and is read at
    /// start-up.
    pub fn from_tsv(tsv: &str) -> WordClusters {
        let mut words = FxHashMap::default();
        words.reserve(tsv.len() / 24);
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, rest)) = line.split_once('\t') else { continue };
            let Some(class) = parse_class(&mut rest.as_bytes().split(|&b| b == b'\t')) else { continue };
            words.insert(hash_str(word), class);
        }
        WordClusters { words }
    }

    /// The class of a lower-cased word, if the table has it.
    pub fn get(&self, lower: &str) -> Option<WordClass> {
        self.words.get(&hash_str(lower)).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The shipped table, parsed on first use.
pub static WORD_CLUSTERS: LazyLock<WordClusters> = LazyLock::new(|| WordClusters::from_tsv(SOURCE));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_skips_malformed_ones() {
        let table = WordClusters::from_tsv("# header\nryanair\t11\t125\t533\t7\tORG\t6\nbad\tline\nlufthansa\t11\t125\t533\t9\tORG\t9\nx\t1\t2\t3\t4\tFOO\t5\n");
        assert_eq!(table.len(), 2);
        let ryanair = table.get("ryanair").unwrap();
        assert_eq!(ryanair.clusters, [11, 125, 533]);
        assert_eq!((ryanair.name, ryanair.class, ryanair.class_p), (7, 1, 6));
        assert_eq!(ryanair.clusters, table.get("lufthansa").unwrap().clusters);
        assert!(table.get("Ryanair").is_none(), "keys are lower case");
    }

    #[test]
    fn the_shipped_table_puts_airlines_together() {
        let get = |w: &str| WORD_CLUSTERS.get(w).unwrap_or_else(|| panic!("{w} in the table"));
        assert!(WORD_CLUSTERS.len() > 350_000);
        assert_eq!(get("ryanair").clusters[1], get("lufthansa").clusters[1]);
        assert_ne!(get("ryanair").clusters[0], get("said").clusters[0]);
    }
}
