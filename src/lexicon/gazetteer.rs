//! The gazetteer: names and what they are, and places with coordinates.
//!
//! Three files compiled by `scripts/build_gazetteers.py` and embedded in the
//! extension make one [`Gazetteer`]: `data/gazetteer.tsv` (phrases and their
//! kinds: places, nationalities, organisations, titles, given names...),
//! which are tagger features and decide how CoNLL's coarse classes refine
//! into OntoNotes labels; `data/places.tsv` (GeoNames countries, US states
//! and cities of 15,000+ people with their alternate names and coordinates);
//! and `data/demonyms.tsv` (nationality words and provinces by country).
//!
//! The sense rule for places: a name that names a country is that country,
//! and one that names a US state is the state (`Florida`, not Floridablanca
//! in Colombia; `New York` and `Washington` alone are the cities: the states
//! are `New York State` and `Washington State`). A city followed by its
//! state or country (`Reading, Pennsylvania`) is pinned there by `resolve`.
//! Otherwise, among the cities it names, those in a country the article
//! names (as a country, through a nationality word such as `Ukrainian`, or
//! through one of its provinces or states such as `Texas`) come first, and
//! the most populous of them wins; else, in an article that names
//! countries, the most populous city of 100,000 people or more abroad (a
//! small town abroad is more often a place the table lacks at home); without
//! such context, the most populous city of that name. So `Paris` is Paris, France unless the article is
//! about Texas, and `Washington` in an article about the United States is
//! the capital. (A country's name that is also a province of another country
//! the article is about, `Georgia` in a story on the United States, is the
//! province: see `province_sense` in `resolve`.)

use std::sync::LazyLock;

use crate::fxhash::{FxHashMap, FxHashSet};
use crate::lexicon::Words;
use crate::text::fold;

const PHRASES: &str = include_str!("../../data/gazetteer.tsv");
const PLACES: &str = include_str!("../../data/places.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");

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

/// A set of kinds, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kinds(u16);

impl Kinds {
    const ALL: [Kind; 12] = [
        Kind::Country,
        Kind::City,
        Kind::Region,
        Kind::Place,
        Kind::Nationality,
        Kind::Group,
        Kind::Organisation,
        Kind::Title,
        Kind::OrgSuffix,
        Kind::GivenName,
        Kind::Event,
        Kind::Law,
    ];

    pub fn contains(&self, kind: &Kind) -> bool {
        self.0 & 1 << *kind as u16 != 0
    }

    fn insert(&mut self, kind: Kind) {
        self.0 |= 1 << kind as u16;
    }

    /// The kinds in the set, in `Kind`'s order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kinds::ALL.into_iter().filter(move |kind| self.contains(kind))
    }
}

/// Phrases (words joined by single spaces, as printed) and their kinds, and
/// the places names lead to.
#[derive(Default)]
pub struct Gazetteer {
    /// Keyed by boxed strings: 175,000 entries, 8 bytes fewer each than `String`.
    entries: FxHashMap<Box<str>, Entry>,
    /// First words of the few phrases that start in lower case (`al-Qaeda`);
    /// other lower-case words start no phrase and are skipped.
    lower_case_starts: FxHashSet<String>,
    places: Vec<Place>,
    /// A name as printed → places it may be (countries before cities).
    places_by_name: FxHashMap<Box<str>, Vec<u32>>,
    /// `Ukrainians` → `Ukraine`, and provinces: `Texas` → `United States`.
    demonyms: FxHashMap<String, String>,
}

/// What kind of place a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// A first-level division: a US state.
    Region,
    City,
}

/// A country, a state or a city.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub geonameid: u64,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-2 code of the country (its own, for a country).
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The GeoNames name: `Kyiv`, `United States`.
    pub name: String,
    /// GeoNames' code of its first-level division (`FL` for Florida and its
    /// cities); empty for a country.
    pub admin1: String,
}

/// What the gazetteer knows of a phrase.
#[derive(Default)]
struct Entry {
    /// Empty when the phrase is only the start of longer ones.
    kinds: Kinds,
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

/// Arabic articles that open family and place names (`al-Assad`, `el-Sisi`).
pub static NAME_PARTICLES: Words = Words::new("name_particles");

/// A name opening with an Arabic article and a hyphen (`al-Qaeda`,
/// `Al-Shabaab`) is printed with a space as often (`Al Qaeda`): each such
/// phrase is listed in that form too, with the same kinds.
fn add_spaced_particle_forms(entries: &mut FxHashMap<Box<str>, Entry>) {
    let spaced: Vec<(String, Kinds)> = entries
        .iter()
        .filter_map(|(phrase, entry)| {
            let (particle, rest) = phrase.split_once('-')?;
            let mut initial = particle.chars();
            let first = initial.next()?;
            let listed = NAME_PARTICLES.contains(particle.to_lowercase().as_str()) && rest.starts_with(char::is_uppercase);
            listed.then(|| (format!("{}{} {rest}", first.to_uppercase(), initial.as_str()), entry.kinds))
        })
        .collect();
    for (phrase, kinds) in spaced {
        if let Some((first, _)) = phrase.split_once(' ') {
            entries.entry(first.into()).or_default().continues = true;
        }
        let entry = entries.entry(phrase.into()).or_default();
        for kind in kinds.iter() {
            entry.kinds.insert(kind);
        }
    }
}

impl Gazetteer {
    /// The shipped gazetteer: phrases, places and demonyms.
    fn shipped() -> Gazetteer {
        Gazetteer::from_tsv(PHRASES).with_places(PLACES, DEMONYMS)
    }

    /// Reads `phrase<TAB>kind[,kind...]` lines; `#` starts a comment.
    pub fn from_tsv(tsv: &str) -> Gazetteer {
        let mut entries: FxHashMap<Box<str>, Entry> = FxHashMap::default();
        let mut lower_case_starts = FxHashSet::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let Some((phrase, kinds)) = line.split_once('\t') else { continue };
            if phrase.starts_with(char::is_lowercase) {
                lower_case_starts.insert(phrase.split(' ').next().unwrap_or(phrase).to_string());
            }
            for (at, _) in phrase.match_indices(' ') {
                entries.entry(phrase[..at].into()).or_default().continues = true;
            }
            let entry = entries.entry(phrase.into()).or_default();
            for kind in kinds.split(',').filter_map(Kind::parse) {
                entry.kinds.insert(kind);
            }
        }
        add_spaced_particle_forms(&mut entries);
        Gazetteer { entries, lower_case_starts, ..Gazetteer::default() }
    }

    /// Adds places (`geonameid<TAB>kind<TAB>country<TAB>lat<TAB>lon<TAB>population<TAB>name<TAB>alternate|...`)
    /// and demonyms (`word<TAB>country`).
    fn with_places(mut self, places: &str, demonyms: &str) -> Gazetteer {
        for line in places.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let [id, kind, country, lat, lon, population, name, alternates, admin1] = f[..] else { continue };
            let k = self.places.len() as u32;
            self.places.push(Place {
                geonameid: id.parse().unwrap_or(0),
                kind: match kind {
                    "country" => PlaceKind::Country,
                    "region" => PlaceKind::Region,
                    _ => PlaceKind::City,
                },
                country: country.to_string(),
                lat: lat.parse().unwrap_or(0.0),
                lon: lon.parse().unwrap_or(0.0),
                population: population.parse().unwrap_or(0),
                name: name.to_string(),
                admin1: admin1.to_string(),
            });
            let mut seen = FxHashSet::default();
            for alias in std::iter::once(name).chain(alternates.split('|')).filter(|a| !a.is_empty()) {
                if seen.insert(alias) {
                    self.places_by_name.entry(alias.into()).or_default().push(k);
                }
            }
        }
        self.demonyms = demonyms
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(word, country)| (word.to_string(), country.to_string()))
            .collect();
        self
    }

    /// The kinds of a phrase as printed.
    pub fn kinds(&self, phrase: &str) -> Kinds {
        self.entries.get(phrase).map_or(Kinds::default(), |e| e.kinds)
    }

    /// Every phrase of a kind, in no particular order (a scan of all phrases).
    pub fn phrases(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.entries.iter().filter(move |(_, e)| e.kinds.contains(&kind)).map(|(p, _)| &**p)
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
                let Some(entry) = self.entries.get(phrase.as_str()) else { break };
                found.extend(entry.kinds.iter().map(|kind| Match { start, end, kind }));
                if !entry.continues {
                    break;
                }
            }
        }
        found
    }

    /// The places a name as printed may be.
    pub fn candidates(&self, name: &str) -> impl Iterator<Item = &Place> {
        self.places_by_name.get(name).into_iter().flatten().map(|&k| &self.places[k as usize])
    }

    /// The country a nationality word or a province belongs to (`Russians` →
    /// `Russia`, `Texas` → `United States`).
    pub fn country_of_demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(word).map(String::as_str)
    }

    /// The country place named exactly `name` (`Russia`, `U.S.`).
    pub fn country_named(&self, name: &str) -> Option<&Place> {
        self.candidates(name).find(|p| p.kind == PlaceKind::Country)
    }

    /// The state or province named `name` in the country with ISO code `country`.
    pub fn region_in(&self, name: &str, country: &str) -> Option<&Place> {
        self.candidates(name).find(|p| p.kind == PlaceKind::Region && p.country == country)
    }

    /// The ISO code of a country given its name, a nationality word or a province.
    pub fn country_code(&self, name: &str) -> Option<&str> {
        let country = self.country_of_demonym(name).unwrap_or(name);
        self.country_named(country).map(|p| p.country.as_str())
    }

    /// The state or country a name gives: `Pennsylvania`, `Ill.`, `France`.
    pub fn region_or_country(&self, name: &str) -> Option<&Place> {
        self.candidates(name).find(|p| p.kind != PlaceKind::City)
    }

    /// The most populous city named `name` in a state or country
    /// (`Reading` in Pennsylvania, not in England).
    pub fn city_in(&self, name: &str, within: &Place) -> Option<&Place> {
        self.candidates(name)
            .filter(|p| p.kind == PlaceKind::City && p.country == within.country)
            .filter(|p| within.kind == PlaceKind::Country || p.admin1 == within.admin1)
            .max_by_key(|p| p.population)
    }

    /// The place one of `names` most likely is, given the ISO codes of the
    /// countries the article mentions (see the module's rule).
    ///
    /// A country first, then a US state. In an article that names
    /// countries, a city outside them must have 100,000 people (`Paris`, not
    /// Palm Beach, Australia, for a Florida town the table lacks), and one
    /// named like another state or province (`Bavaria`) a million (`Madrid`,
    /// `Berlin`): else the name gets no place, rather than a small town abroad.
    pub fn choose<'a>(&self, names: impl IntoIterator<Item = &'a str>, context: &FxHashSet<String>) -> Option<&Place> {
        let names: Vec<&str> = names.into_iter().collect();
        let candidates: Vec<&Place> = names.iter().flat_map(|n| self.candidates(n)).collect();
        for kind in [PlaceKind::Country, PlaceKind::Region] {
            if let Some(place) = candidates.iter().find(|p| p.kind == kind) {
                return Some(place);
            }
        }
        // A place in a country the article names, unless a place twenty
        // times its size has the name as its own (`Paris` in a story that
        // names the U.S. is still in France, not Texas; `Frankfurt` is
        // Frankfurt am Main), not as an alternate (`Petersburg`).
        let printed: Vec<String> = names.iter().map(|n| fold(n)).collect();
        let own_name = |p: &Place| {
            let own = fold(&p.name);
            printed.iter().any(|n| own == *n || own.strip_prefix(n.as_str()).is_some_and(|rest| rest.starts_with(' ')))
        };
        let largest = candidates.iter().filter(|p| own_name(p)).map(|p| p.population).max().unwrap_or(0);
        let in_context = candidates
            .iter()
            .filter(|p| context.contains(&p.country) && p.population.saturating_mul(20) >= largest)
            .max_by_key(|p| p.population);
        let region = !context.is_empty()
            && names.iter().any(|n| self.kinds(n).contains(&Kind::Region) && !self.kinds(n).contains(&Kind::Country));
        let least = match (context.is_empty(), region) {
            (true, _) => 0,
            (false, false) => 100_000,
            (false, true) => 1_000_000,
        };
        let elsewhere = candidates.iter().filter(|p| p.population >= least);
        in_context.or_else(|| elsewhere.max_by_key(|p| p.population)).copied()
    }
}

/// The shipped gazetteer, parsed on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::shipped);

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
        // The Arabic article printed apart: `Al Qaeda`, as `al-Qaeda` is listed.
        assert_eq!(g.find(&["Al", "Qaeda", "said"]), [Match { start: 0, end: 2, kind: Kind::Organisation }]);
        assert!(g.kinds("Al").iter().next().is_none());
    }

    /// Great-circle distance in kilometres.
    fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * 6371.0 * a.sqrt().asin()
    }

    fn context(codes: &[&str]) -> FxHashSet<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn variants_name_the_same_place() {
        let g = &*GAZETTEER;
        let none = context(&[]);
        let id = |n: &str| g.choose([n], &none).map(|p| p.geonameid);
        assert_eq!(id("Kiev"), id("Kyiv"));
        assert_eq!(id("Odessa"), id("Odesa"));
        assert_eq!(id("U.S."), id("United States"));
        assert_eq!(id("US"), id("United States"));
        assert_eq!(g.country_code("Ukrainians"), Some("UA"));
    }

    #[test]
    fn a_state_is_no_small_city_abroad_in_an_article_that_names_countries() {
        let g = &*GAZETTEER;
        let us: FxHashSet<String> = ["US".to_string()].into_iter().collect();
        assert_eq!(g.choose(["Madrid"], &us).map(|p| p.country.as_str()), Some("ES"));
        assert_eq!(g.choose(["Washington"], &us).map(|p| p.country.as_str()), Some("US"));
        assert!(g.choose(["Palm Beach"], &us).is_none(), "not Palm Beach, Australia");
        assert_eq!(g.choose(["Palm Beach"], &context(&["AU"])).map(|p| p.country.as_str()), Some("AU"));
        assert_eq!(g.choose(["Paris"], &context(&["GB"])).map(|p| p.country.as_str()), Some("FR"));
        // A town of the named country loses to a city twenty times its size
        // whose own name it is, not to one it is an alternate name of.
        assert_eq!(g.choose(["Paris"], &us).map(|p| p.country.as_str()), Some("FR"));
        assert_eq!(g.choose(["Frankfurt"], &us).map(|p| p.name.as_str()), Some("Frankfurt am Main"));
        assert_eq!(g.choose(["Petersburg"], &us).map(|p| p.country.as_str()), Some("US"));
    }

    #[test]
    fn a_state_or_country_after_a_city_says_which_city() {
        let g = &*GAZETTEER;
        let within = |city: &str, region: &str| g.city_in(city, g.region_or_country(region).unwrap()).map(|p| (p.country.as_str(), p.admin1.as_str()));
        assert_eq!(within("Reading", "Pennsylvania"), Some(("US", "PA")));
        assert_eq!(within("Springfield", "Ill."), Some(("US", "IL")));
        assert_eq!(within("Portland", "Maine"), Some(("US", "ME")));
        assert_eq!(within("Paris", "France"), Some(("FR", "11")));
        assert_eq!(within("Paris", "Ill."), None, "no Paris of 15,000 people in Illinois");
    }

    #[test]
    fn a_us_state_is_the_state_with_or_without_context() {
        let g = &*GAZETTEER;
        for codes in [&[][..], &["US"], &["CO", "CU"]] {
            let florida = g.choose(["Florida"], &context(codes)).expect("Florida");
            assert_eq!((florida.kind, florida.country.as_str()), (PlaceKind::Region, "US"), "not Floridablanca, Colombia");
            assert!(distance_km(florida.lat, florida.lon, 28.0, -81.7) < 150.0);
            assert_eq!(g.choose(["Delaware"], &context(codes)).map(|p| p.kind), Some(PlaceKind::Region), "not Delaware, Ohio");
        }
        // The bare names of these two are their cities.
        let new_york = g.choose(["New York"], &context(&[])).unwrap();
        assert_eq!((new_york.kind, new_york.name.as_str()), (PlaceKind::City, "New York City"));
        assert_eq!(g.choose(["New York State"], &context(&[])).map(|p| p.kind), Some(PlaceKind::Region));
        assert_eq!(g.choose(["Washington"], &context(&[])).map(|p| p.kind), Some(PlaceKind::City));
        assert_eq!(g.region_in("Georgia", "US").map(|p| p.name.as_str()), Some("Georgia"));
        assert_eq!(g.country_of_demonym("Florida"), Some("United States"), "not Puerto Rico");
        assert_eq!(g.country_of_demonym("Madrid"), Some("Spain"), "not South Sudan");
    }

    #[test]
    fn context_and_population_choose_the_sense() {
        let g = &*GAZETTEER;
        let paris = g.choose(["Paris"], &context(&[])).unwrap();
        assert_eq!(paris.country, "FR");
        let washington = g.choose(["Washington"], &context(&["US", "RU"])).unwrap();
        assert!(distance_km(washington.lat, washington.lon, 38.895, -77.036) < 20.0);
        let kyiv = g.choose(["Kyiv"], &context(&[])).unwrap();
        assert!(distance_km(kyiv.lat, kyiv.lon, 50.45, 30.52) < 20.0);
    }
}
