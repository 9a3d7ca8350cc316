//! Name lists: places, nationalities, organisations, titles and given names,
//! compiled by `scripts/build_gazetteers.py` into `data/gazetteer.tsv` and
//! embedded in the extension. They are tagger features and decide how
//! CoNLL's coarse classes refine into OntoNotes labels.

use std::sync::LazyLock;

use crate::fxhash::{FxHashMap, FxHashSet};

const SOURCE: &str = include_str!("../../data/gazetteer.tsv");

/// The longest entry, in words.
pub const MAX_WORDS: usize = 6;

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Country,
    /// A city of at least 15,000 people.
    City,
    /// A first-level region (state, province, oblast).
    Region,
    /// Continents, seas, oceans, mountain ranges: places without a government.
    Place,
    /// Nationalities and demonyms: `Ukrainian`, `Russians`, `Swiss`.
    Nationality,
    /// Religious and political groups: `Republicans`, `Muslims`.
    Group,
    Organisation,
    /// Titles and honorifics before names: `President`, `Mr.`.
    Title,
    /// Last words of organisation names: `Institute`, `Ministry`, `Inc.`.
    OrgSuffix,
    GivenName,
    Event,
    Law,
}

impl Kind {
    fn parse(code: &str) -> Option<Kind> {
        Some(match code {
            "country" => Kind::Country,
            "city" => Kind::City,
            "region" => Kind::Region,
            "place" => Kind::Place,
            "nationality" => Kind::Nationality,
            "group" => Kind::Group,
            "org" => Kind::Organisation,
            "title" => Kind::Title,
            "org_suffix" => Kind::OrgSuffix,
            "given" => Kind::GivenName,
            "event" => Kind::Event,
            "law" => Kind::Law,
            _ => return None,
        })
    }

    /// A short stable name, used in feature strings.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::City => "city",
            Kind::Region => "region",
            Kind::Place => "place",
            Kind::Nationality => "nationality",
            Kind::Group => "group",
            Kind::Organisation => "org",
            Kind::Title => "title",
            Kind::OrgSuffix => "org_suffix",
            Kind::GivenName => "given",
            Kind::Event => "event",
            Kind::Law => "law",
        }
    }
}

/// Phrases (words joined by single spaces, as printed) and their kinds.
pub struct Gazetteer {
    entries: FxHashMap<String, Entry>,
    /// First words of the few phrases that start in lower case (`al-Qaeda`);
    /// other lower-case words start no phrase and are skipped.
    lower_case_starts: FxHashSet<String>,
}

/// What the gazetteer knows of a phrase.
#[derive(Default)]
struct Entry {
    /// Empty when the phrase is only the start of longer ones.
    kinds: Vec<Kind>,
    /// Whether longer phrases start with this one (`New` of `New York`).
    continues: bool,
}

/// A gazetteer phrase found over words `start..end` of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Gazetteer {
    /// Reads `phrase<TAB>kind[,kind...]` lines; `#` starts a comment.
    pub fn from_tsv(tsv: &str) -> Gazetteer {
        let mut entries: FxHashMap<String, Entry> = FxHashMap::default();
        let mut lower_case_starts = FxHashSet::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let Some((phrase, kinds)) = line.split_once('\t') else { continue };
            if phrase.starts_with(char::is_lowercase) {
                lower_case_starts.insert(phrase.split(' ').next().unwrap_or(phrase).to_string());
            }
            for (at, _) in phrase.match_indices(' ') {
                entries.entry(phrase[..at].to_string()).or_default().continues = true;
            }
            let entry = entries.entry(phrase.to_string()).or_default();
            for kind in kinds.split(',').filter_map(Kind::parse) {
                if !entry.kinds.contains(&kind) {
                    entry.kinds.push(kind);
                }
            }
        }
        Gazetteer { entries, lower_case_starts }
    }

    /// The kinds of a phrase as printed.
    pub fn kinds(&self, phrase: &str) -> &[Kind] {
        self.entries.get(phrase).map_or(&[], |e| e.kinds.as_slice())
    }

    /// Every phrase of a kind, in no particular order (a scan of all phrases).
    pub fn phrases(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.entries.iter().filter(move |(_, e)| e.kinds.contains(&kind)).map(|(p, _)| p.as_str())
    }

    /// Every phrase of at most `MAX_WORDS` words found in a sentence.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Vec<Match> {
        let mut found = Vec::new();
        let mut phrase = String::new();
        for start in 0..words.len() {
            let first = words[start].as_ref();
            if first.starts_with(char::is_lowercase) && !self.lower_case_starts.contains(first) {
                continue;
            }
            phrase.clear();
            for end in start + 1..=(start + MAX_WORDS).min(words.len()) {
                if end > start + 1 {
                    phrase.push(' ');
                }
                phrase.push_str(words[end - 1].as_ref());
                let Some(entry) = self.entries.get(&phrase) else { break };
                found.extend(entry.kinds.iter().map(|&kind| Match { start, end, kind }));
                if !entry.continues {
                    break;
                }
            }
        }
        found
    }
}

/// The shipped gazetteer, parsed on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::from_tsv(SOURCE));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_multiword_phrases_with_all_their_kinds() {
        let g = Gazetteer::from_tsv("New York\tcity,region\nUkrainian\tnationality\n# comment\nal-Qaeda\torg\n");
        let found = g.find(&["the", "New", "York", "Ukrainian", "al-Qaeda"]);
        assert_eq!(
            found,
            [
                Match { start: 1, end: 3, kind: Kind::City },
                Match { start: 1, end: 3, kind: Kind::Region },
                Match { start: 3, end: 4, kind: Kind::Nationality },
                Match { start: 4, end: 5, kind: Kind::Organisation }
            ]
        );
    }
}
