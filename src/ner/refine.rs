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
//! - Whatever the class, a name with a model designation after a
//!   capitalised maker is a PRODUCT (`Airbus A320`, `Boeing 787 Dreamliner`,
//!   `F-35` after `Lockheed Martin`; not `Flight 447`), and an organisation or place ending in the
//!   head noun of a gathering is an EVENT (`Paris Air Show`, `Worldwide
//!   Developers Conference`).
//! - Labels of other tag sets pass through unchanged.

use crate::lexicon::gazetteer::{Gazetteer, Kind};
use crate::lexicon::Words;

static NATURAL_FEATURES: Words = Words::new("natural_features");
static FACILITIES: Words = Words::new("facilities");
static PLACE_OPENERS: Words = Words::new("place_openers");
static EVENT_WORDS: Words = Words::new("event_words");
static LAW_WORDS: Words = Words::new("law_words");
static GATHERING_QUALIFIERS: Words = Words::new("gathering_qualifiers");
static STATUTE_HEADS: Words = Words::new("statute_heads");
static CASE_LINKS: Words = Words::new("case_links");

/// Adjectives of listed groups that the gazetteer does not list
/// (`Democratic` beside `Democrats`): listed, they would change the tagger's
/// features, which measured worse.
static GROUP_ADJECTIVES: Words = Words::new("group_adjectives");

/// Last words of the names of gatherings that the tagger may take for an
/// organisation or a place (the venue's name often leads them).
static GATHERINGS: Words = Words::new("gatherings");

/// Words that open a company's name before a place's: `Air France`.
static COMPANY_PREFIXES: Words = Words::new("company_prefixes");

/// Capitalised words that a number follows in names that are no products.
static NOT_MAKERS: Words = Words::new("not_makers");

/// Whether a name's words make it a place: its last word a facility's or a
/// natural feature's (`FDR Park`, `Hudson River`), or its first a word that
/// opens places' names (`Fort Hood`, `Camp David`).
pub fn named_as_a_place(first: &str, last: &str) -> bool {
    FACILITIES.contains(last) || NATURAL_FEATURES.contains(last) || PLACE_OPENERS.contains(first)
}

/// Whether `model` names a model of the maker `maker` ends with:
/// `Boeing` + `737-800s`, `Airbus` + `A380`; not `Flight` + `447`.
pub fn is_model_after_maker(maker: &str, model: &str) -> bool {
    let model = model.strip_suffix('s').filter(|m| m.ends_with(|c: char| c.is_ascii_digit())).unwrap_or(model);
    maker.starts_with(char::is_uppercase) && !NOT_MAKERS.contains(maker) && !is_model_designation(maker) && is_model_designation(model)
}

/// A model designation: letters and digits mixed (`A320`, `F-35`, `MD-11`,
/// `787-9`), or a number of three digits or more that is not a year (`787`).
fn is_model_designation(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && word.chars().next().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let ordinal = word.trim_start_matches(|c: char| c.is_ascii_digit());
    if !shaped || digits == 0 || matches!(ordinal, "st" | "nd" | "rd" | "th") {
        return false;
    }
    if letters > 0 {
        return letters <= 3 && word.len() >= 3;
    }
    let number: String = word.chars().take_while(char::is_ascii_digit).collect();
    // A variant after the hyphen is one digit or a round number (`787-9`,
    // `737-800`, `787-10`); other pairs are scores (`beat the Celtics 110-102`).
    let variant = word[number.len()..].strip_prefix('-').is_none_or(|v| v.len() == 1 || v.ends_with('0'));
    number.len() >= 3 && variant && !(number.len() == 4 && (number.starts_with("19") || number.starts_with("20")))
}

/// Whether the gazetteer lists `name` as a country, city, region or nationality.
fn is_place_or_nationality(name: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer.kinds(name).iter().any(|k| matches!(k, Kind::Country | Kind::City | Kind::Region | Kind::Nationality))
}

/// The OntoNotes label of a name the tagger labelled `coarse`.
pub fn refine(coarse: &str, words: &[String], gazetteer: &Gazetteer) -> String {
    let phrase = words.join(" ");
    let last = words.last().map_or("", String::as_str);
    if matches!(coarse, "ORG" | "MISC" | "LOC" | "PER") {
        if words.windows(2).any(|pair| is_model_after_maker(&pair[0], &pair[1])) {
            return "PRODUCT".to_string();
        }
        if matches!(coarse, "ORG" | "LOC") && words.len() >= 2 && GATHERINGS.contains(last) && !gazetteer.kinds(&phrase).contains(&Kind::Organisation) {
            return "EVENT".to_string();
        }
    }
    // A court case, whatever its parties are: `Roe v. Wade`.
    if words.len() >= 3 && words[1..words.len() - 1].iter().any(|w| CASE_LINKS.contains(w)) {
        return "LAW".to_string();
    }
    // An airline named after its country or city (`Air France`, `Air China`),
    // which the tagger takes for the place or a person.
    if words.len() >= 2 && COMPANY_PREFIXES.contains(&words[0]) && is_place_or_nationality(&words[1..].join(" "), gazetteer) {
        return "ORG".to_string();
    }
    let kinds = gazetteer.kinds(&phrase);
    let has = |k: Kind| kinds.contains(&k);
    let is_place = has(Kind::Country) || has(Kind::City) || has(Kind::Region);
    let label = match coarse {
        // Listed organisations (`Kremlin`, `White House`, outlets) whatever the tagger says.
        "LOC" | "ORG" | "MISC" if has(Kind::Organisation) && !has(Kind::Country) => "ORG",
        // A listed company of several words is no person (`Lockheed Martin`, `Northrop Grumman`).
        "PER" if words.len() >= 2 && has(Kind::Organisation) => "ORG",
        "PER" => "PERSON",
        "LOC" if FACILITIES.contains(last) => "FAC",
        // A name headed by an institution's noun is the institution (`High Court`), unless listed as a place (`West Bank`).
        "LOC" if words.len() >= 2 && !is_place && !has(Kind::Place) && gazetteer.kinds(last).contains(&Kind::OrgSuffix) => "ORG",
        "LOC" if has(Kind::Place) || (!is_place && NATURAL_FEATURES.contains(last)) => "LOC",
        "LOC" => "GPE",
        "ORG" if has(Kind::Country) => "GPE",
        "ORG" if has(Kind::Nationality) => "NORP",
        "ORG" if FACILITIES.contains(last) && last != "Centre" && last != "Center" => "FAC",
        "ORG" if words.len() >= 2 && STATUTE_HEADS.contains(last) => "LAW",
        "ORG" => "ORG",
        "MISC" if is_nationality_or_group(&phrase, gazetteer) || ends_in_nationality(words, gazetteer) => "NORP",
        "MISC" if has(Kind::Event) || EVENT_WORDS.contains(last) => "EVENT",
        // A party's national convention is a gathering, a treaty is international.
        "MISC" if words.len() >= 2 && LAW_WORDS.contains(last) && GATHERING_QUALIFIERS.contains(&words[words.len() - 2]) => "EVENT",
        "MISC" if has(Kind::Law) || LAW_WORDS.contains(last) => "LAW",
        "MISC" if has(Kind::Place) => "LOC",
        "MISC" if is_place => "GPE",
        "MISC" => "MISC",
        other => return other.to_string(),
    };
    label.to_string()
}

/// A listed nationality or group, or a word shaped like a demonym, with or
/// without a bound prefix (`non-Western`, `pro-Russian`).
pub fn is_nationality_or_group(phrase: &str, gazetteer: &Gazetteer) -> bool {
    let base = without_bound_prefix(phrase);
    gazetteer.kinds(base).contains(&Kind::Nationality) || is_group_word(base, gazetteer) || is_demonym_shaped(base)
}

/// A political or religious group's word (`Republican`, `Democratic`,
/// `Muslims`), not a nationality.
pub fn is_group_word(phrase: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer.kinds(phrase).contains(&Kind::Group) || GROUP_ADJECTIVES.contains(phrase)
}

/// `East European`: a nationality or group qualified by other words.
fn ends_in_nationality(words: &[String], gazetteer: &Gazetteer) -> bool {
    words.len() > 1 && words.last().is_some_and(|w| gazetteer.kinds(w).iter().any(|k| matches!(k, Kind::Nationality | Kind::Group)))
}

/// A phrase without a bound prefix: `non-Western` → `Western`, `pro-Russian` → `Russian`.
fn without_bound_prefix(phrase: &str) -> &str {
    ["non-", "pro-", "anti-"].iter().find_map(|p| phrase.strip_prefix(p)).unwrap_or(phrase)
}

/// `Ukrainian`, `Congolese`, `Kurdish`, `Pakistani`, `Israelis`: one
/// capitalised word with a demonym ending.
fn is_demonym_shaped(phrase: &str) -> bool {
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
        Gazetteer::from_tsv("Kyiv\tcity\nRussia\tcountry\nEurope\tplace\nUkrainian\tnationality\nCold War\tevent\nNATO\torg\nCourt\torg_suffix\nBank\torg_suffix\nWest Bank\tregion\n")
    }

    #[test]
    fn places_split_into_gpe_loc_and_fac() {
        let g = gazetteer();
        assert_eq!(refine("LOC", &words("Kyiv"), &g), "GPE");
        assert_eq!(refine("LOC", &words("Europe"), &g), "LOC");
        assert_eq!(refine("LOC", &words("Black Sea"), &g), "LOC");
        assert_eq!(refine("LOC", &words("Zaporizhzhia Nuclear Power Plant"), &g), "FAC");
        assert_eq!(refine("LOC", &words("Wall Street"), &g), "FAC");
        assert_eq!(refine("PER", &words("Lockheed Martin"), &Gazetteer::from_tsv("Lockheed Martin\torg\n")), "ORG");
        assert_eq!(refine("LOC", &words("Mariupol"), &g), "GPE");
        // An institution's noun heads an organisation, unless the name is a listed place.
        assert_eq!(refine("LOC", &words("High Court"), &g), "ORG");
        assert_eq!(refine("LOC", &words("West Bank"), &g), "GPE");
        // An airline named after its country is no place, nor a person.
        assert_eq!(refine("LOC", &words("Air Russia"), &g), "ORG");
        assert_eq!(refine("PER", &words("Air Kyiv"), &g), "ORG");
        assert_eq!(refine("LOC", &words("Air Force"), &g), "GPE");
    }

    #[test]
    fn countries_as_actors_stay_gpe_and_misc_is_typed() {
        let g = gazetteer();
        assert_eq!(refine("ORG", &words("Russia"), &g), "GPE");
        assert_eq!(refine("ORG", &words("NATO"), &g), "ORG");
        assert_eq!(refine("MISC", &words("Ukrainian"), &g), "NORP");
        assert_eq!(refine("MISC", &words("Congolese"), &g), "NORP");
        assert_eq!(refine("MISC", &words("non-Western"), &Gazetteer::from_tsv("Western\tgroup\n")), "NORP");
        assert_eq!(refine("MISC", &words("Cold War"), &g), "EVENT");
        assert_eq!(refine("MISC", &words("Minsk Agreements"), &g), "LAW");
        assert_eq!(refine("MISC", &words("Eurovision Song Contest"), &g), "MISC");
        assert_eq!(refine("PER", &words("Vladimir Putin"), &g), "PERSON");
        assert_eq!(refine("DRUG", &words("aspirin"), &g), "DRUG");
    }

    #[test]
    fn models_are_products_and_gatherings_events() {
        let g = gazetteer();
        assert_eq!(refine("MISC", &words("Democratic National Convention"), &g), "EVENT");
        assert_eq!(refine("MISC", &words("Geneva Convention"), &g), "LAW");
        assert_eq!(refine("PER", &words("Roe v. Wade"), &g), "LAW");
        assert_eq!(refine("ORG", &words("Affordable Care Act"), &g), "LAW");
        assert_eq!(refine("MISC", &words("Democratic"), &g), "NORP");
        assert_eq!(refine("MISC", &words("Islamic"), &g), "NORP");
        assert_eq!(refine("ORG", &words("Equal Rights Amendment"), &g), "LAW");
        for name in ["Airbus A320", "Boeing 787", "Boeing 737-800", "Boeing 787-9", "Boeing 787-10", "McDonnell Douglas MD-11", "Lockheed Martin F-35"] {
            assert_eq!(refine("ORG", &words(name), &g), "PRODUCT", "{name}");
        }
        assert_eq!(refine("ORG", &words("Boeing 787 Dreamliners"), &g), "PRODUCT");
        for name in ["Channel 4", "Radio 1", "Expo 2010", "G7", "Apple", "Air France Flight 447", "Celtics 110-102", "The 13th", "West 23rd"] {
            assert_ne!(refine("ORG", &words(name), &g), "PRODUCT", "{name}");
        }
        assert_eq!(refine("ORG", &words("Paris Air Show"), &g), "EVENT");
        assert_eq!(refine("LOC", &words("Worldwide Developers Conference"), &g), "EVENT");
        assert_eq!(refine("ORG", &words("Conference"), &g), "ORG");
    }

    #[test]
    fn coarse_maps_back_to_conll() {
        assert_eq!(coarse("GPE"), "LOC");
        assert_eq!(coarse("NORP"), "MISC");
        assert_eq!(coarse("PERSON"), "PER");
    }
}
