//! From CoNLL's four classes to OntoNotes labels, with the gazetteer and
//! the words of the name.
//!
//! - PER → PERSON.
//! - LOC → GPE for countries, cities and regions, LOC for continents, seas
//!   and other places, FAC for buildings and plants, else GPE unless the last
//!   word names a natural feature.
//! - ORG → ORG, except a country named as an actor (`Russia said`), which
//!   stays GPE as in OntoNotes, and a nationality, which is NORP. (Cities
//!   and regions tagged ORG are often clubs named after them: `Leeds`,
//!   `Lazio`; in news articles the document step settles those.)
//! - MISC → NORP (nationalities, groups, `-ian`/`-ese` adjectives), EVENT,
//!   LAW, or MISC when nothing types it further.
//! - Labels of other tag sets pass through unchanged.

use super::gazetteer::{Gazetteer, Kind};

const NATURAL_FEATURES: &[&str] = &[
    "Sea", "Ocean", "River", "Lake", "Mountains", "Mountain", "Mount", "Gulf", "Bay", "Strait", "Desert", "Peninsula",
    "Valley", "Island", "Islands", "Coast", "Basin", "Plain", "Plains", "Forest", "Range",
];
const FACILITIES: &[&str] = &[
    "Airport", "Plant", "Station", "Bridge", "Square", "Palace", "Tower", "Hospital", "Stadium", "Cathedral",
    "Church", "Mosque", "Dam", "Base", "Port", "Prison", "Museum", "Building", "Centre", "Center", "Hotel", "Arena",
];
const EVENT_WORDS: &[&str] = &[
    "War", "Revolution", "Olympics", "Games", "Cup", "Summit", "Crisis", "Conference", "Championship",
    "Championships", "Massacre", "massacre", "Uprising", "Election", "Festival", "Forum", "Invasion",
];
const LAW_WORDS: &[&str] = &[
    "Act", "Treaty", "Accord", "Accords", "Agreement", "Agreements", "Convention", "Constitution", "Charter",
    "Protocol", "Amendment", "Memorandum", "Initiative", "Bill", "Resolution", "Code", "Law",
];

/// The OntoNotes label of a name the tagger labelled `coarse`.
pub fn refine(coarse: &str, words: &[String], gazetteer: &Gazetteer) -> String {
    let phrase = words.join(" ");
    let kinds = gazetteer.kinds(&phrase);
    let has = |k: Kind| kinds.contains(&k);
    let last = words.last().map_or("", String::as_str);
    let is_place = has(Kind::Country) || has(Kind::City) || has(Kind::Region);
    let label = match coarse {
        // Listed organisations (`Kremlin`, `White House`, outlets) whatever the tagger says.
        "LOC" | "ORG" | "MISC" if has(Kind::Organisation) && !has(Kind::Country) => "ORG",
        "PER" => "PERSON",
        "LOC" if FACILITIES.contains(&last) => "FAC",
        "LOC" if has(Kind::Place) || (!is_place && NATURAL_FEATURES.contains(&last)) => "LOC",
        "LOC" => "GPE",
        "ORG" if has(Kind::Country) => "GPE",
        "ORG" if has(Kind::Nationality) => "NORP",
        "ORG" if FACILITIES.contains(&last) && last != "Centre" && last != "Center" => "FAC",
        "ORG" => "ORG",
        "MISC" if has(Kind::Nationality) || has(Kind::Group) || is_demonym_shaped(&phrase) || ends_in_nationality(words, gazetteer) => "NORP",
        "MISC" if has(Kind::Event) || EVENT_WORDS.contains(&last) => "EVENT",
        "MISC" if has(Kind::Law) || LAW_WORDS.contains(&last) => "LAW",
        "MISC" if has(Kind::Place) => "LOC",
        "MISC" if is_place => "GPE",
        "MISC" => "MISC",
        other => return other.to_string(),
    };
    label.to_string()
}

/// `East European`: a nationality or group qualified by other words.
fn ends_in_nationality(words: &[String], gazetteer: &Gazetteer) -> bool {
    words.len() > 1 && words.last().is_some_and(|w| gazetteer.kinds(w).iter().any(|k| matches!(k, Kind::Nationality | Kind::Group)))
}

/// `Ukrainian`, `Congolese`, `Kurdish`, `Pakistani`, `Israelis`: one
/// capitalised word with a demonym ending.
fn is_demonym_shaped(phrase: &str) -> bool {
    // `non-Western`, `pro-Russian`: a bound prefix on a demonym.
    let phrase = ["non-", "pro-", "anti-"].iter().find_map(|p| phrase.strip_prefix(p)).unwrap_or(phrase);
    let word = phrase.trim_end_matches('s');
    !phrase.contains(' ')
        && phrase.chars().next().is_some_and(char::is_uppercase)
        && ["ian", "ean", "ese", "ish", "an", "i"].iter().any(|end| word.ends_with(end))
}

/// The CoNLL class of an OntoNotes label, for scoring on CoNLL data.
pub fn coarse(label: &str) -> &str {
    match label {
        "PERSON" => "PER",
        "GPE" | "LOC" | "FAC" => "LOC",
        "ORG" => "ORG",
        "NORP" | "EVENT" | "LAW" | "PRODUCT" | "WORK_OF_ART" | "LANGUAGE" | "MISC" => "MISC",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(phrase: &str) -> Vec<String> {
        phrase.split(' ').map(str::to_string).collect()
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_tsv("Kyiv\tcity\nRussia\tcountry\nEurope\tplace\nUkrainian\tnationality\nCold War\tevent\nNATO\torg\n")
    }

    #[test]
    fn places_split_into_gpe_loc_and_fac() {
        let g = gazetteer();
        assert_eq!(refine("LOC", &words("Kyiv"), &g), "GPE");
        assert_eq!(refine("LOC", &words("Europe"), &g), "LOC");
        assert_eq!(refine("LOC", &words("Black Sea"), &g), "LOC");
        assert_eq!(refine("LOC", &words("Zaporizhzhia Nuclear Power Plant"), &g), "FAC");
        assert_eq!(refine("LOC", &words("Mariupol"), &g), "GPE");
    }

    #[test]
    fn countries_as_actors_stay_gpe_and_misc_is_typed() {
        let g = gazetteer();
        assert_eq!(refine("ORG", &words("Russia"), &g), "GPE");
        assert_eq!(refine("ORG", &words("NATO"), &g), "ORG");
        assert_eq!(refine("MISC", &words("Ukrainian"), &g), "NORP");
        assert_eq!(refine("MISC", &words("Congolese"), &g), "NORP");
        assert_eq!(refine("MISC", &words("Cold War"), &g), "EVENT");
        assert_eq!(refine("MISC", &words("Minsk Agreements"), &g), "LAW");
        assert_eq!(refine("MISC", &words("Eurovision Song Contest"), &g), "MISC");
        assert_eq!(refine("PER", &words("Vladimir Putin"), &g), "PERSON");
        assert_eq!(refine("DRUG", &words("aspirin"), &g), "DRUG");
    }

    #[test]
    fn coarse_maps_back_to_conll() {
        assert_eq!(coarse("GPE"), "LOC");
        assert_eq!(coarse("NORP"), "MISC");
        assert_eq!(coarse("PERSON"), "PER");
    }
}
