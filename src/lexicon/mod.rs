//! Word lists as data, like spaCy's lookups: every list a stage reads
//! (titles, months, reporting verbs, organisation suffixes, stop lists...)
//! is in one of the `data/lexicon/*.tsv` files, each list in one place, and
//! is read here.
//!
//! A line is `list<TAB>entry[<TAB>value]`; `#` starts a comment. A list keeps
//! its entries in file order and answers membership and lookups of values.
//! A stage names the lists it reads with [`Words::new`]; a test checks that
//! every name is in the files and every list in the files is read.

pub mod gazetteer;

use std::ops::Deref;
use std::sync::{LazyLock, OnceLock};

use crate::fxhash::FxHashMap;

/// The lexicon files, embedded in the extension.
const FILES: &[(&str, &str)] = &[
    ("calendar", include_str!("../../data/lexicon/calendar.tsv")),
    ("given_names", include_str!("../../data/lexicon/given_names.tsv")),
    ("names", include_str!("../../data/lexicon/names.tsv")),
    ("numbers", include_str!("../../data/lexicon/numbers.tsv")),
    ("speech", include_str!("../../data/lexicon/speech.tsv")),
    ("text", include_str!("../../data/lexicon/text.tsv")),
    ("web", include_str!("../../data/lexicon/web.tsv")),
];

/// One entry of a list: a word or phrase, and its value when the list maps
/// words to something (`january` → `1`, `euro` → `EUR`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub word: &'static str,
    pub value: &'static str,
}

/// One list of the lexicon.
#[derive(Debug, Default)]
pub struct List {
    entries: Vec<Entry>,
    /// Each word's first place in `entries`.
    index: FxHashMap<&'static str, usize>,
}

impl List {
    /// Whether the list holds `word` (compared as printed).
    pub fn contains(&self, word: &str) -> bool {
        self.index.contains_key(word)
    }

    /// The words, in file order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.word)
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The value of `word`, if the list holds it.
    pub fn value(&self, word: &str) -> Option<&'static str> {
        self.position(word).map(|i| self.entries[i].value)
    }

    /// Where `word` is in the list (its first place).
    pub fn position(&self, word: &str) -> Option<usize> {
        self.index.get(word).copied()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Reads `list<TAB>entry[<TAB>value]` lines into lists by name.
fn read(files: &[(&str, &'static str)]) -> Result<FxHashMap<&'static str, List>, String> {
    let mut lists: FxHashMap<&'static str, List> = FxHashMap::default();
    for (file, text) in files {
        for (number, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cells = line.split('\t');
            let (Some(name), Some(word)) = (cells.next(), cells.next()) else {
                return Err(format!("data/lexicon/{file}.tsv:{}: expected list<TAB>entry", number + 1));
            };
            let list = lists.entry(name).or_default();
            list.index.entry(word).or_insert(list.entries.len());
            list.entries.push(Entry { word, value: cells.next().unwrap_or("") });
        }
    }
    Ok(lists)
}

static LISTS: LazyLock<FxHashMap<&'static str, List>> = LazyLock::new(|| read(FILES).expect("the shipped lexicon is well formed"));

/// A list of the lexicon by name, read on first use: a stage's
/// `static HONORIFICS: Words = Words::new("honorifics");`.
pub struct Words {
    name: &'static str,
    list: OnceLock<&'static List>,
}

impl Words {
    pub const fn new(name: &'static str) -> Words {
        Words { name, list: OnceLock::new() }
    }
}

impl Deref for Words {
    type Target = List;

    fn deref(&self) -> &List {
        self.list.get_or_init(|| LISTS.get(self.name).unwrap_or_else(|| panic!("no list {:?} in data/lexicon", self.name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fxhash::FxHashSet;

    #[test]
    fn lists_keep_order_values_and_membership() {
        let lists = read(&[("t", "# comment\nmonths\tjanuary\t1\nmonths\tfebruary\t2\nhonorifics\tMr.\n")]).unwrap();
        let months = &lists["months"];
        assert_eq!(months.words().collect::<Vec<_>>(), ["january", "february"]);
        assert_eq!(months.value("february"), Some("2"));
        assert_eq!(months.position("february"), Some(1));
        assert!(lists["honorifics"].contains("Mr.") && !lists["honorifics"].contains("Mr"));
        assert!(read(&[("t", "no tab here\n")]).unwrap_err().contains("t.tsv:1"));
    }

    /// Every list a stage names is in the files, and every list in the files
    /// is named by a stage: no list is missing, none is dead.
    #[test]
    fn every_list_is_read_and_every_read_list_exists() {
        let mut named = FxHashSet::default();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for piece in source.split("Words::new(\"").skip(1) {
                        named.insert(piece.split('"').next().unwrap().to_string());
                    }
                }
            }
        }
        let mut lists: Vec<&str> = LISTS.keys().copied().collect();
        lists.sort();
        for name in &named {
            assert!(LISTS.contains_key(name.as_str()), "{name} is named in src/ but not in data/lexicon");
        }
        for name in lists {
            assert!(named.contains(name), "{name} is in data/lexicon but no stage reads it");
        }
    }
}
