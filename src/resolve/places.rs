//! Places with coordinates (`data/places.tsv`: GeoNames countries and cities
//! of 15,000+ people with their alternate names) and nationality words
//! (`data/demonyms.tsv`), and the choice of a place for a name.
//!
//! The sense rule: a name that names a country is that country. Otherwise,
//! among the cities it names, those in a country the article names (as a
//! country, through a nationality word such as `Ukrainian`, or through one of
//! its provinces or states such as `Texas`) come first,
//! and the most populous of them wins; without such context, the most
//! populous city of that name. So `Paris` is Paris, France unless the article
//! is about Texas, and `Washington` in an article about the United States is
//! the capital. (A country's name that is also a province of another country
//! the article is about, `Georgia` in a story on the United States, is the
//! province: see `province_sense` in the parent module.)

use std::sync::LazyLock;

use crate::fxhash::{FxHashMap, FxHashSet};

const PLACES: &str = include_str!("../../data/places.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");

/// A country or a city.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub geonameid: u64,
    pub is_country: bool,
    /// ISO 3166 alpha-2 code of the country (its own, for a country).
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The GeoNames name: `Kyiv`, `United States`.
    pub name: String,
}

/// The places and the names that lead to them.
pub struct Gazetteer {
    places: Vec<Place>,
    /// A name as printed → places it may be (countries before cities).
    by_name: FxHashMap<String, Vec<usize>>,
    /// `Ukrainians` → `Ukraine`, and provinces: `Texas` → `United States`.
    demonyms: FxHashMap<String, String>,
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut places = Vec::new();
        let mut by_name: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for line in PLACES.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let [id, kind, country, lat, lon, population, name, alternates] = f[..] else { continue };
            let k = places.len();
            places.push(Place {
                geonameid: id.parse().unwrap_or(0),
                is_country: kind == "country",
                country: country.to_string(),
                lat: lat.parse().unwrap_or(0.0),
                lon: lon.parse().unwrap_or(0.0),
                population: population.parse().unwrap_or(0),
                name: name.to_string(),
            });
            let mut seen = FxHashSet::default();
            for alias in std::iter::once(name).chain(alternates.split('|')).filter(|a| !a.is_empty()) {
                if seen.insert(alias) {
                    by_name.entry(alias.to_string()).or_default().push(k);
                }
            }
        }
        let demonyms = DEMONYMS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(word, country)| (word.to_string(), country.to_string()))
            .collect();
        Gazetteer { places, by_name, demonyms }
    }

    /// The places a name as printed may be.
    pub fn candidates(&self, name: &str) -> impl Iterator<Item = &Place> {
        self.by_name.get(name).into_iter().flatten().map(|&k| &self.places[k])
    }

    /// The country a nationality word or a province belongs to (`Russians` →
    /// `Russia`, `Texas` → `United States`).
    pub fn country_of_demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(word).map(String::as_str)
    }

    /// The country place named exactly `name` (`Russia`, `U.S.`).
    pub fn country_named(&self, name: &str) -> Option<&Place> {
        self.candidates(name).find(|p| p.is_country)
    }

    /// The ISO code of a country given its name, a nationality word or a province.
    pub fn country_code(&self, name: &str) -> Option<&str> {
        let country = self.country_of_demonym(name).unwrap_or(name);
        self.country_named(country).map(|p| p.country.as_str())
    }

    /// The place one of `names` most likely is, given the ISO codes of the
    /// countries the article mentions (see the module's rule).
    pub fn choose<'a>(&self, names: impl IntoIterator<Item = &'a str>, context: &FxHashSet<String>) -> Option<&Place> {
        let candidates: Vec<&Place> = names.into_iter().flat_map(|n| self.candidates(n)).collect();
        if let Some(country) = candidates.iter().find(|p| p.is_country) {
            return Some(country);
        }
        let in_context = candidates.iter().filter(|p| context.contains(&p.country)).max_by_key(|p| p.population);
        in_context.or_else(|| candidates.iter().max_by_key(|p| p.population)).copied()
    }
}

/// The shipped places, loaded on first use.
pub static PLACE_GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

#[cfg(test)]
mod tests {
    use super::*;

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
        let g = &*PLACE_GAZETTEER;
        let none = context(&[]);
        let id = |n: &str| g.choose([n], &none).map(|p| p.geonameid);
        assert_eq!(id("Kiev"), id("Kyiv"));
        assert_eq!(id("Odessa"), id("Odesa"));
        assert_eq!(id("U.S."), id("United States"));
        assert_eq!(id("US"), id("United States"));
        assert_eq!(g.country_code("Ukrainians"), Some("UA"));
    }

    #[test]
    fn context_and_population_choose_the_sense() {
        let g = &*PLACE_GAZETTEER;
        let paris = g.choose(["Paris"], &context(&[])).unwrap();
        assert_eq!(paris.country, "FR");
        let washington = g.choose(["Washington"], &context(&["US", "RU"])).unwrap();
        assert!(distance_km(washington.lat, washington.lon, 38.895, -77.036) < 20.0);
        let kyiv = g.choose(["Kyiv"], &context(&[])).unwrap();
        assert!(distance_km(kyiv.lat, kyiv.lon, 50.45, 30.52) < 20.0);
    }
}
