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
//!
//! `data/word_casing.tsv`, built by `scripts/build_word_casing.py` from
//! spaCy's cased English lexeme tables, says how often each word is printed
//! capitalised (`apple` 0.7 of the time, `general` 0.1) and gives the Brown
//! clusters of its capitalised and lower-case forms (`Apple` with `Boeing`,
//! `apple` with foods).

use std::sync::LazyLock;

use crate::fxhash::{hash_str, FxHashMap};

const SOURCE: &str = include_str!("../../data/word_clusters.tsv");
const CASING_SOURCE: &str = include_str!("../../data/word_casing.tsv");

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

/// How a lower-cased word is printed in a large cased corpus
/// (`data/word_casing.tsv`, built by `scripts/build_word_casing.py`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordCasing {
    /// The share of its occurrences printed capitalised, in tenths (0-10).
    pub cap: u8,
    /// How common it is: minus its log probability, in bands of two.
    pub freq: u8,
    /// Brown clusters of its capitalised and its lower-case form (0: none),
    /// the path from the root in the low bits.
    pub brown: [u32; 2],
}

impl WordCasing {
    /// The Brown cluster of the form printed, capitalised or not.
    pub fn brown(&self, capitalised: bool) -> u32 {
        self.brown[usize::from(!capitalised)]
    }
}

/// Lower-cased words and how they are cased, by the hash of the word.
pub struct WordCasings {
    words: FxHashMap<u64, WordCasing>,
}

impl WordCasings {
    /// Reads `word<TAB>cap<TAB>freq<TAB>brown_cap<TAB>brown_lower` lines;
    /// `#` starts a comment, malformed lines are skipped.
    pub fn from_tsv(tsv: &str) -> WordCasings {
        let mut words = FxHashMap::default();
        words.reserve(tsv.len() / 20);
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut cells = line.split('\t');
            let Some(word) = cells.next() else { continue };
            let mut next = || cells.next().and_then(|c| c.parse::<u32>().ok());
            let (Some(cap), Some(freq), Some(brown_cap), Some(brown_lower)) = (next(), next(), next(), next()) else { continue };
            words.insert(hash_str(word), WordCasing { cap: cap.min(10) as u8, freq: freq.min(9) as u8, brown: [brown_cap, brown_lower] });
        }
        WordCasings { words }
    }

    /// How a lower-cased word is cased, if the table has it.
    pub fn get(&self, lower: &str) -> Option<WordCasing> {
        self.words.get(&hash_str(lower)).copied()
    }
}

/// The shipped casing table, parsed on first use.
pub static WORD_CASING: LazyLock<WordCasings> = LazyLock::new(|| WordCasings::from_tsv(CASING_SOURCE));

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
    fn casing_table_reads_lines_and_tells_the_company_from_the_fruit() {
        let table = WordCasings::from_tsv("# header\napple\t7\t4\t294\t633\nbad\tline\n");
        let apple = table.get("apple").unwrap();
        assert_eq!((apple.cap, apple.freq, apple.brown(true), apple.brown(false)), (7, 4, 294, 633));
        assert!(table.get("bad").is_none());
        let get = |w: &str| WORD_CASING.get(w).unwrap_or_else(|| panic!("{w} in the table"));
        assert_eq!(get("apple").brown(true), get("boeing").brown(true));
        assert!(get("lockheed").cap >= 9 && get("general").cap <= 1);
    }

    #[test]
    fn the_shipped_table_puts_airlines_together() {
        let get = |w: &str| WORD_CLUSTERS.get(w).unwrap_or_else(|| panic!("{w} in the table"));
        assert!(WORD_CLUSTERS.len() > 350_000);
        assert_eq!(get("ryanair").clusters[1], get("lufthansa").clusters[1]);
        assert_ne!(get("ryanair").clusters[0], get("said").clusters[0]);
    }
}
