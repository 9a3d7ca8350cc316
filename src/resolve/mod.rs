//! Mentions into entities: one per real-world thing in an article, with a
//! key that is the same in every article.
//!
//! Clustering, in document order:
//! - PERSON: a name with a given name joins the latest person with the same
//!   surname and a compatible given name (equal, or not yet known); a surname
//!   alone (`Putin`, `Mr. Putin`) joins the latest person with that surname,
//!   and a given name alone that is nobody's surname (`Bernie`) the one
//!   person named with it.
//!   Surnames and given names compare by their folded forms ([`fold`]), so
//!   `Zelensky` and `Zelenskyy` meet.
//! - GPE, LOC, FAC: names that lead to the same place of the shipped
//!   gazetteer are one (`Kiev` and `Kyiv`, `U.S.` and `United States`).
//! - NORP: a plural joins its singular (`Russians`, `Russian`).
//! - ORG: an acronym joins the name whose initials it spells, in the article
//!   or in the gazetteer (`UN`, `United Nations`); a name without its
//!   designator or last word joins the one name it shortens (`Microsoft`,
//!   `Microsoft Corp.`; `Goldman`, `Goldman Sachs`).
//! - Anything else: the same folded name and label; an acronym the article
//!   defines in brackets after an event, law, facility or product joins it
//!   (`Freedom of Information Act (FOIA)`).
//!
//! An entity's label is the majority of its mentions'; its name is the alias
//! with the most words (then one not in capitals, then the most frequent,
//! then the first); its key is
//! `given surname` folded for people, the gazetteer's name folded for places
//! (`kyiv`, `united states`), the expansion for acronyms and short forms,
//! else the folded name (an organisation's without its designator).

mod roles;

pub use roles::{REFERRING_NOUNS, ROLE_NOUNS};

use std::sync::LazyLock;

use crate::fxhash::{FxHashMap, FxHashSet};
use crate::doc::{Doc, Entity, Label, Mention};
use crate::lexicon::gazetteer::{Kind, Place, GAZETTEER};
use crate::ner::clusters::WORD_CLUSTERS;
use crate::ner::{is_honorific_or_title, is_syllabic_given_name, without_name_particle};
use crate::text::{fold, one_line};
use crate::lexicon::Words;

static NAME_SUFFIXES: Words = Words::new("name_suffixes");
/// Corporate designators a company's name is also printed without (`Corp.`).
static LEGAL_FORMS: Words = Words::new("legal_forms");
/// Words that end no short form of a name (`Bank of`).
static ORG_LINKS: Words = Words::new("organisation_links");
/// Last words of a body other than the one the words before them name (`PAC`).
static AFFILIATE_HEADS: Words = Words::new("affiliate_heads");
/// Short names news prints for organisations → their names (`Fed`).
static ORG_SHORT_NAMES: Words = Words::new("organisation_short_names");

/// A person's name split for matching.
#[derive(Clone, Debug, Default)]
struct PersonName {
    /// Folded given name, when the mention has one.
    given: Option<String>,
    /// Folded words between the given name and the surname (`Gómez` of
    /// `Julián Gómez Andrade`).
    middle: Vec<String>,
    surname: String,
    /// Printed family name first (`Kim Jong-un`).
    family_first: bool,
}

impl PersonName {
    /// Whether two names with given names may be one person's: the same
    /// given name, or a two-word name that ends another (`Gómez Andrade`
    /// of `Julián Gómez Andrade`, a compound surname printed alone).
    fn given_names_agree(&self, other: &PersonName) -> bool {
        let ends = |short: &PersonName, full: &PersonName| short.middle.is_empty() && full.middle.last() == short.given.as_ref();
        self.given == other.given || ends(self, other) || ends(other, self)
    }
}

fn person_name(alias: &str) -> PersonName {
    let mut words: Vec<&str> = alias
        .split_whitespace()
        .filter(|w| !is_honorific_or_title(w) && !NAME_SUFFIXES.contains(w))
        .map(without_name_particle)
        .collect();
    // The family name comes first before a given name of two syllables
    // (`Kim Jong-un`) and in a Chinese name (`Xi Jinping`).
    let family_first = words.len() == 2
        && (is_syllabic_given_name(words[1], &GAZETTEER)
            || CHINESE_SURNAMES.contains(words[0]) && is_pinyin(words[1]) && !GAZETTEER.kinds(words[1]).contains(&Kind::GivenName));
    if family_first {
        words.swap(0, 1);
    }
    let surname = words.last().map_or_else(|| fold(alias), |w| fold(w));
    let given = (words.len() > 1)
        .then(|| words[0])
        .filter(|w| !(w.len() <= 2 && w.ends_with('.')))
        .map(fold);
    let middle = words.get(1..words.len().saturating_sub(1)).unwrap_or_default().iter().map(|w| fold(w)).collect();
    PersonName { given, middle, surname, family_first }
}

/// Chinese family names, which come first (`Xi` of `Xi Jinping`).
static CHINESE_SURNAMES: Words = Words::new("chinese_surnames");

/// Whether a capitalised word is spelt as pinyin syllables (`Jinping`,
/// `Keqiang`, `Yi`), as a Chinese given name is; `Davis` is not.
fn is_pinyin(word: &str) -> bool {
    const INITIALS: [&str; 23] = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"];
    const FINALS: [&str; 34] = [
        "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei", "ao", "ou", "an", "en", "er", "ia",
        "ie", "iu", "in", "ua", "uo", "ui", "un", "ue", "a", "o", "e", "i", "u", "v",
    ];
    let lower = word.to_ascii_lowercase();
    if !word.starts_with(char::is_uppercase) || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    // ends[i]: the first i letters are whole syllables.
    let mut ends = vec![false; lower.len() + 1];
    ends[0] = true;
    for i in 0..lower.len() {
        if !ends[i] {
            continue;
        }
        let rest = &lower[i..];
        for initial in INITIALS.iter().chain(std::iter::once(&"")) {
            let Some(after) = rest.strip_prefix(initial) else { continue };
            for last in FINALS.iter().filter(|f| after.starts_with(**f)) {
                ends[i + initial.len() + last.len()] = true;
            }
        }
    }
    ends[lower.len()]
}

/// One entity while mentions are gathered.
struct Cluster {
    mentions: Vec<usize>,
    person: Option<PersonName>,
    place: Option<&'static Place>,
    /// The name the key is made from, for non-person entities.
    key_name: String,
}

/// The place a name alone gives, as an article without other context
/// would resolve it: `City, State` or `City, Country` pinned there
/// (`Portland, Oregon`), a name in capitals read as prose prints it
/// (`TACOMA`), else countries first, then US states, then the most populous
/// city of that name.
pub fn place_named(name: &str) -> Option<&'static Place> {
    let name = name.trim();
    let name = shouted(name).unwrap_or_else(|| name.to_string());
    if let Some((city, within)) = name.split_once(',') {
        return GAZETTEER.region_or_country(within.trim()).and_then(|within| GAZETTEER.city_in(city.trim(), within));
    }
    GAZETTEER.choose([name.as_str()], &Default::default())
}

/// The resolution stage: the [`Doc`]'s mentions into entities, with roles,
/// places and keys; each mention learns its entity.
pub fn annotate(doc: &mut Doc) {
    let aliases: Vec<String> = doc.mentions.iter().map(|f| one_line(&doc.text[f.start..f.end])).collect();
    surnames_as_people(&mut doc.mentions, &aliases);
    let names_by_short = short_forms(&doc.mentions, &aliases);
    short_names_as_orgs(&mut doc.mentions, &aliases, &names_by_short);
    let defined = defined_acronyms(&doc.text, &doc.mentions, &aliases);
    for (mention, alias) in doc.mentions.iter_mut().zip(&aliases) {
        if let Some((label, _)) = defined.get(alias.as_str()) {
            mention.label = label.clone();
        }
    }
    let found = &doc.mentions;
    let named_by = country_context(found, &aliases);
    let context: FxHashSet<String> = named_by.keys().cloned().collect();
    let pinned = pinned_places(&doc.text, found, &aliases);
    let mut expansions = head_expansions(found, &aliases);
    expansions.extend(short_form_expansions(found, &aliases, &names_by_short));
    expansions.extend(acronym_expansions(found, &aliases));
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: FxHashMap<(String, String), usize> = FxHashMap::default();
    let mut people_by_surname: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut cluster_of = Vec::with_capacity(found.len());
    for (k, (f, alias)) in found.iter().zip(&aliases).enumerate() {
        let id = match family(&f.label) {
            "PERSON" => join_person(&mut clusters, &mut people_by_surname, alias),
            family => {
                let (key_name, place) = match family {
                    "PLACE" => match province_sense(alias, &named_by) {
                        // Keyed apart from the country of the same name.
                        Some((country, iso)) => (format!("{alias} {country}"), GAZETTEER.region_in(alias, &iso)),
                        None => match pinned[k].or_else(|| GAZETTEER.choose([alias.as_str()], &context)).or_else(|| {
                            // A dateline's `PARIS` is the `Paris` of the story.
                            shouted(alias).and_then(|name| GAZETTEER.choose([name.as_str()], &context))
                        }) {
                            Some(p) => (p.name.clone(), Some(p)),
                            None => (alias.clone(), None),
                        },
                    },
                    "NORP" => (singular(alias), None),
                    "ORG" => {
                        let defined_as = defined.get(alias.as_str()).map(|(_, expansion)| expansion);
                        (without_legal_form(defined_as.or_else(|| expansions.get(alias.as_str())).unwrap_or(alias)).to_string(), None)
                    }
                    _ => (defined.get(alias.as_str()).map_or_else(|| alias.clone(), |(_, expansion)| expansion.clone()), None),
                };
                let slot = (family.to_string(), place.map_or_else(|| fold(&key_name), |p| p.geonameid.to_string()));
                *by_key.entry(slot).or_insert_with(|| {
                    clusters.push(Cluster { mentions: Vec::new(), person: None, place, key_name });
                    clusters.len() - 1
                })
            }
        };
        clusters[id].mentions.push(k);
        cluster_of.push(id);
    }
    // Entities are numbered by first mention, which is cluster order.
    let roles = roles::find(&doc.text, &doc.segmented, found, &aliases, &cluster_of);
    doc.entities = clusters.iter().enumerate().map(|(id, c)| build_entity(c, found, &aliases, roles.get(&id))).collect();
    for (mention, entity) in doc.mentions.iter_mut().zip(cluster_of) {
        mention.entity = entity;
    }
}

/// A name printed in capitals (`PARIS`, `NEW YORK`, `ST. LOUIS`) as it is
/// printed in prose; `None` for other names and for short acronyms (`UAE`).
fn shouted(alias: &str) -> Option<String> {
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || alias.chars().any(char::is_lowercase) {
        return None;
    }
    let mut after_break = true;
    Some(alias
        .chars()
        .map(|c| {
            let out = if after_break { c } else { c.to_lowercase().next().unwrap_or(c) };
            after_break = !c.is_alphabetic();
            out
        })
        .collect())
}

/// A bare surname the tagger took for an organisation or a place is the
/// person the article names in full with a given name (`Trump` said,
/// tagged ORG beside one `Donald Trump`; the tagger's document memory
/// repeats a first mistake), unless the gazetteer lists the word as such
/// (`Ford`, `Jordan`), the type prior says it names places more than people
/// (`Washington`), or it is mostly no name at all (`Bible` beside a
/// mistagged `King James Bible`).
fn surnames_as_people(mentions: &mut [Mention], aliases: &[String]) {
    // Surnames of people named with a listed given name (`Donald Trump`, not `Automobile Craiova`).
    let full_names: FxHashSet<String> = mentions
        .iter()
        .zip(aliases)
        .filter(|(m, _)| m.label == Label::Person)
        .filter_map(|(_, alias)| {
            let name = person_name(alias);
            let given = alias.split_whitespace().find(|w| !is_honorific_or_title(w))?;
            (name.given.is_some() && GAZETTEER.kinds(given).contains(&Kind::GivenName)).then_some(name.surname)
        })
        .collect();
    for (mention, alias) in mentions.iter_mut().zip(aliases) {
        if alias.contains(char::is_whitespace) || !full_names.contains(&fold(alias)) {
            continue;
        }
        let prior = WORD_CLUSTERS.get(&alias.to_lowercase());
        let kinds = GAZETTEER.kinds(alias);
        let mistaken = match family(&mention.label) {
            "ORG" => !kinds.contains(&Kind::Organisation),
            "PLACE" => !kinds.contains(&Kind::Country) && !kinds.contains(&Kind::Region) && !prior.is_some_and(|class| class.names_places()),
            _ => false,
        };
        if mistaken && prior.is_none_or(|class| class.mostly_a_name()) {
            mention.label = Label::Person;
        }
    }
}

/// Labels that cluster alike.
fn family(label: &Label) -> &str {
    match label {
        Label::Gpe | Label::Loc | Label::Fac => "PLACE",
        other => other.as_str(),
    }
}

/// The person cluster `alias` joins, a new one if none; `by_surname` lists
/// the person clusters of each surname, so that only those are compared.
fn join_person(clusters: &mut Vec<Cluster>, by_surname: &mut FxHashMap<String, Vec<usize>>, alias: &str) -> usize {
    let name = person_name(alias);
    let compatible = |c: &Cluster| {
        c.person.as_ref().is_some_and(|p| {
            p.surname == name.surname && (name.given.is_none() || p.given.is_none() || name.given_names_agree(p))
        })
    };
    // The latest compatible person: the last one mentioned.
    let same_surname = by_surname.get(&name.surname).map_or(&[][..], Vec::as_slice);
    let latest = same_surname
        .iter()
        .map(|&id| (id, &clusters[id]))
        .filter(|(_, c)| compatible(c))
        .max_by_key(|(_, c)| c.mentions.last().copied())
        .map(|(id, _)| id);
    match latest {
        Some(id) => {
            let person = clusters[id].person.as_mut().expect("a person cluster");
            // A given name, or a fuller name than a compound surname printed alone.
            let fuller = person.middle.is_empty() && name.middle.last().is_some_and(|m| person.given.as_ref() == Some(m));
            if person.given.is_none() || fuller {
                person.given = name.given;
                person.middle = name.middle;
            }
            id
        }
        None => {
            // A given name alone (`Bernie`, `Mansur`) that is nobody's
            // surname here joins the one person the article names with it.
            if name.given.is_none() && !alias.contains(char::is_whitespace) {
                let mut named = clusters.iter().enumerate().filter(|(_, c)| c.person.as_ref().is_some_and(|p| p.given.as_ref() == Some(&name.surname)));
                if let (Some((id, _)), None) = (named.next(), named.next()) {
                    return id;
                }
            }
            by_surname.entry(name.surname.clone()).or_default().push(clusters.len());
            clusters.push(Cluster { mentions: Vec::new(), person: Some(name), place: None, key_name: String::new() });
            clusters.len() - 1
        }
    }
}

/// ISO codes of the countries an article names, as countries, through
/// nationality words or through provinces, each with the names that point to it.
fn country_context(found: &[Mention], aliases: &[String]) -> FxHashMap<String, FxHashSet<String>> {
    let mut named_by: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
    for (_, alias) in found.iter().zip(aliases).filter(|(f, _)| matches!(f.label, Label::Gpe | Label::Norp)) {
        if let Some(iso) = GAZETTEER.country_code(alias) {
            named_by.entry(iso.to_string()).or_default().insert(alias.clone());
        }
        // A name that is a country and a province (`Georgia`) points to both.
        if let Some(country) = GAZETTEER.country_named(alias) {
            named_by.entry(country.country.clone()).or_default().insert(alias.clone());
        }
    }
    named_by
}

/// The city a state or country printed after it pins (`Reading,
/// Pennsylvania`, `SPRINGFIELD, Ill. (AP)`, `Portland, Maine`), for each
/// place mention: its own, or else the one place the article pins its name to.
fn pinned_places(text: &str, found: &[Mention], aliases: &[String]) -> Vec<Option<&'static Place>> {
    // Each place's name as prose prints it (`SPRINGFIELD` → `Springfield`).
    let printed: Vec<Option<String>> = found
        .iter()
        .zip(aliases)
        .map(|(m, alias)| (family(&m.label) == "PLACE").then(|| shouted(alias).unwrap_or_else(|| alias.clone())))
        .collect();
    let own: Vec<Option<&'static Place>> = (0..found.len())
        .map(|k| {
            let (Some(city), Some(Some(region))) = (&printed[k], printed.get(k + 1)) else { return None };
            if text[found[k].end..found[k + 1].start].trim() != "," {
                return None;
            }
            GAZETTEER.region_or_country(region).and_then(|within| GAZETTEER.city_in(city, within))
        })
        .collect();
    // A name pinned to two places (`Portland, Maine` and `Portland, Oregon`) pins neither elsewhere.
    let mut by_name: FxHashMap<&str, Option<&'static Place>> = FxHashMap::default();
    for (name, place) in printed.iter().zip(&own) {
        if let (Some(name), Some(place)) = (name, place) {
            by_name
                .entry(name)
                .and_modify(|pin| {
                    if pin.is_some_and(|p| p.geonameid != place.geonameid) {
                        *pin = None;
                    }
                })
                .or_insert(Some(place));
        }
    }
    own.iter()
        .zip(&printed)
        .map(|(place, name)| place.or_else(|| by_name.get(name.as_deref()?).copied().flatten()))
        .collect()
}

/// `Georgia` in an article about the United States is the state: a country's
/// name that is also a province of a country the article names otherwise,
/// while nothing else in it names the first country. Returns the province's
/// country and its ISO code.
fn province_sense(alias: &str, named_by: &FxHashMap<String, FxHashSet<String>>) -> Option<(String, String)> {
    let province_of = GAZETTEER.country_of_demonym(alias)?;
    let country = GAZETTEER.country_named(alias)?;
    let province_iso = GAZETTEER.country_named(province_of)?.country.as_str();
    let named_besides = |iso: &str| named_by.get(iso).is_some_and(|names| names.iter().any(|n| n != alias));
    (province_iso != country.country && named_besides(province_iso) && !named_besides(&country.country)).then(|| (province_of.to_string(), province_iso.to_string()))
}

/// `Russians` → `Russian`: a plural whose singular is a nationality or group.
fn singular(alias: &str) -> String {
    match alias.strip_suffix('s') {
        Some(one) if GAZETTEER.kinds(one).iter().any(|k| matches!(k, Kind::Nationality | Kind::Group)) => one.to_string(),
        _ => alias.to_string(),
    }
}

/// The letters of an acronym (`U.N.` → `UN`), if the alias is one.
fn acronym_letters(alias: &str) -> Option<String> {
    let letters: String = alias.chars().filter(|c| *c != '.').collect();
    ((2..=6).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase())).then_some(letters)
}

/// `United Nations` → `UN`: the initials of the capitalised words.
fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next().filter(|c| c.is_uppercase())).collect()
}

/// Initials → the gazetteer's organisation with them (`UN` → `United
/// Nations`; of several, the alphabetically first, so the choice is stable).
static KNOWN_EXPANSIONS: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    let mut known: FxHashMap<String, &'static str> = FxHashMap::default();
    for phrase in GAZETTEER.phrases(Kind::Organisation).filter(|p| p.contains(' ')) {
        let entry = known.entry(initials(phrase)).or_insert(phrase);
        if phrase < *entry {
            *entry = phrase;
        }
    }
    known
});

/// Acronym → expansion, from names in the article, else from the
/// gazetteer's organisations.
fn acronym_expansions<'a>(found: &[Mention], aliases: &'a [String]) -> FxHashMap<&'a str, String> {
    let orgs: Vec<&String> = found.iter().zip(aliases).filter(|(f, _)| f.label == Label::Org).map(|(_, a)| a).collect();
    // The first name of several words with each initials.
    let mut by_initials: FxHashMap<String, &String> = FxHashMap::default();
    for name in orgs.iter().filter(|name| name.contains(' ')) {
        by_initials.entry(initials(name)).or_insert(name);
    }
    let mut expansions = FxHashMap::default();
    for alias in &orgs {
        let Some(letters) = acronym_letters(alias) else { continue };
        let in_article = by_initials.get(&letters);
        let known = || KNOWN_EXPANSIONS.get(&letters).copied();
        if let Some(expansion) = in_article.map(|s| s.as_str()).or_else(known) {
            expansions.insert(alias.as_str(), expansion.to_string());
        }
    }
    expansions
}

/// A company's name without the corporate designator after it
/// (`Microsoft Corp.` → `Microsoft`, `JPMorgan Chase & Co.` → `JPMorgan
/// Chase`), so that both print forms are one entity with one key; the
/// whole name when what is left is one word that ends organisations'
/// names (`News Corp.`) or a common word no list names as an organisation.
fn without_legal_form(name: &str) -> &str {
    let mut rest = name.trim_end();
    while let Some((head, last)) = rest.rsplit_once(' ') {
        let last = last.trim_end_matches(',');
        if !(LEGAL_FORMS.contains(last) || last == "&") {
            break;
        }
        rest = head.trim_end_matches(',').trim_end();
    }
    let kinds = GAZETTEER.kinds(rest);
    let common_word = WORD_CLUSTERS.get(&rest.to_lowercase()).is_some_and(|class| !class.mostly_a_name());
    let too_plain = !rest.contains(' ') && (kinds.contains(&Kind::OrgSuffix) || common_word && !kinds.contains(&Kind::Organisation));
    if too_plain { name } else { rest }
}

/// Short forms of an article's organisations → the names they shorten.
type ShortForms<'a> = FxHashMap<String, FxHashSet<&'a str>>;

/// The shorter name of each organisation the article names in several
/// words → the names it shortens: the name without its designator
/// (`Evercore Partners` of `Evercore Partners LLC`), else without its last
/// word (`Goldman` of `Goldman Sachs`, `Hofstra` of `Hofstra University`),
/// and its first words short of those (`Kestrel` of `Kestrel Micro Devices`).
/// Never a name the gazetteer lists as an organisation, place, nationality,
/// group or given name, nor a listed last word of organisations' names
/// (`Senate` of `Senate Judiciary Committee`, `China` of `China Telecom`,
/// `Chelsea` of `Chelsea Clinton Foundation`), a word mostly printed as no
/// name (`House` of `House Intelligence Committee`), the surname of a person
/// the article names in full (`Ford` beside `Henry Ford`), nor the first
/// words of another body's name (`Gingrich PAC`). A listed short name
/// (`Fed`, `Goldman`) shortens its listed name when the article gives it
/// none, unless it is the surname of a person named in full.
fn short_forms<'a>(found: &[Mention], aliases: &'a [String]) -> ShortForms<'a> {
    let surnames: FxHashSet<String> = found
        .iter()
        .zip(aliases)
        .filter(|(m, a)| m.label == Label::Person && a.contains(' '))
        .map(|(_, a)| person_name(a).surname)
        .collect();
    let mut names_by_short = ShortForms::default();
    for (_, name) in found.iter().zip(aliases).filter(|(m, a)| m.label == Label::Org && a.contains(' ')) {
        let base = without_legal_form(name);
        let first_short = match base.rsplit_once(' ') {
            _ if base != name => base,
            Some((short, last)) if !AFFILIATE_HEADS.contains(last) => short,
            _ => continue,
        };
        // Its first words, from all but the last (`Kestrel Micro`, `Kestrel` of `Kestrel Micro Devices`),
        // unless it joins two names (`Justice Department and Congress`).
        let joined = name.split_whitespace().any(|w| matches!(w, "and" | "&"));
        let shorter = first_short.match_indices(' ').map(|(at, _)| &first_short[..at]).rev().filter(|_| !joined);
        for short in std::iter::once(first_short).chain(shorter) {
            let last = short.rsplit(' ').next().unwrap_or(short);
            let listed = GAZETTEER.kinds(short).iter().any(|k| {
                matches!(k, Kind::Organisation | Kind::OrgSuffix | Kind::Country | Kind::Region | Kind::City | Kind::Nationality | Kind::Group | Kind::GivenName)
            });
            let common_word = !short.contains(' ') && WORD_CLUSTERS.get(&short.to_lowercase()).is_some_and(|class| !class.mostly_a_name());
            let ends_well = last.starts_with(char::is_uppercase) && !ORG_LINKS.contains(&last.to_lowercase());
            if ends_well && !listed && !common_word && !surnames.contains(&fold(short)) {
                // By its name without a designator, so `Veridian Semiconductor` and
                // `Veridian Semiconductor Inc.` are one name that `Veridian` shortens.
                names_by_short.entry(short.to_string()).or_default().insert(base);
            }
        }
    }
    for alias in found.iter().zip(aliases).filter(|(m, _)| matches!(m.label, Label::Org | Label::Person)).map(|(_, a)| a) {
        if let Some(name) = ORG_SHORT_NAMES.value(alias).filter(|_| !surnames.contains(&fold(alias))) {
            names_by_short.entry(alias.clone()).or_insert_with(|| FxHashSet::from_iter([name]));
        }
    }
    names_by_short
}

/// An organisation named by the short form of the one longer name the
/// article gives it (`Goldman` after `Goldman Sachs`), or by a listed short
/// name (`Fed`) → that name.
fn short_form_expansions<'a>(found: &[Mention], aliases: &'a [String], names_by_short: &ShortForms) -> FxHashMap<&'a str, String> {
    found
        .iter()
        .zip(aliases)
        .filter(|(m, _)| m.label == Label::Org)
        .filter_map(|(_, alias)| {
            let names = names_by_short.get(alias.as_str()).filter(|names| names.len() == 1)?;
            Some((alias.as_str(), names.iter().next().expect("one name").to_string()))
        })
        .collect()
}

/// A lone word the tagger took for a person that is the short form of one
/// organisation the article names (`Goldman said` after `Goldman Sachs`) is
/// that organisation.
fn short_names_as_orgs(mentions: &mut [Mention], aliases: &[String], names_by_short: &ShortForms) {
    for (mention, alias) in mentions.iter_mut().zip(aliases) {
        let shortens_one = names_by_short.get(alias.as_str()).is_some_and(|names| names.len() == 1);
        if mention.label == Label::Person && !alias.contains(' ') && shortens_one {
            mention.label = Label::Org;
        }
    }
}

/// A lone head word (`Council`, `Ministry`: a listed last word of
/// organisations' names, not itself an organisation) → the one organisation
/// the article names that ends with it (`the Council` after `the
/// Springfield City Council`); none when two do.
fn head_expansions<'a>(found: &[Mention], aliases: &'a [String]) -> FxHashMap<&'a str, String> {
    let orgs: Vec<&'a String> = found.iter().zip(aliases).filter(|(f, _)| f.label == Label::Org).map(|(_, a)| a).collect();
    let mut names_by_head: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
    for name in &orgs {
        if let Some((_, head)) = name.rsplit_once(' ') {
            names_by_head.entry(head).or_default().insert(name.as_str());
        }
    }
    let mut expansions = FxHashMap::default();
    for alias in orgs.into_iter().filter(|a| !a.contains(' ')) {
        let kinds = GAZETTEER.kinds(alias);
        if !kinds.contains(&Kind::OrgSuffix) || kinds.contains(&Kind::Organisation) {
            continue;
        }
        if let Some(names) = names_by_head.get(alias.as_str()).filter(|names| names.len() == 1) {
            expansions.insert(alias.as_str(), names.iter().next().expect("one name").to_string());
        }
    }
    expansions
}

/// Acronyms the article defines in brackets after a name (`Worldwide
/// Developers Conference (WWDC)`, `Affordable Care Act (ACA)`): each mention
/// of the acronym takes the name's label (the tagger reads an acronym as an
/// organisation) and joins its entity. After an event, law, facility or
/// product the letters must spell the name; after an organisation the
/// brackets are definition enough, since parties and agencies abroad are
/// known by their own language's initials (`Republican People's Party
/// (CHP)`).
fn defined_acronyms<'a>(text: &str, found: &[Mention], aliases: &'a [String]) -> FxHashMap<&'a str, (Label, String)> {
    let mut defined = FxHashMap::default();
    for (k, pair) in found.windows(2).enumerate() {
        let (name, acronym) = (&pair[0], &pair[1]);
        // `(WWDC)`, or a ticker after its exchange: `(NASDAQ: VRDN)`.
        let opens = |between: &str| {
            let between = between.trim();
            between == "(" || between.strip_prefix('(').and_then(|b| b.trim_end().strip_suffix(':')).is_some_and(|exchange| acronym_letters(exchange.trim()).is_some())
        };
        let in_brackets = text.get(name.end..acronym.start).is_some_and(opens) && text[acronym.end..].trim_start().starts_with(')');
        let letters = acronym_letters(&aliases[k + 1]);
        let named_thing = matches!(name.label, Label::Event | Label::Law | Label::Fac | Label::Product)
            && letters.as_ref().is_some_and(|letters| spells(letters, &aliases[k]));
        let organisation = name.label == Label::Org && acronym.label == Label::Org && letters.is_some();
        let defines = in_brackets && (named_thing || organisation);
        if defines {
            defined.entry(aliases[k + 1].as_str()).or_insert_with(|| (name.label.clone(), aliases[k].clone()));
        }
    }
    defined
}

/// Whether an acronym's letters are drawn, in order, from a name's, the
/// first at a word's start (Schwartz and Hearst 2003): `WWDC` from
/// `Worldwide Developers Conference`, `ACA` from `Affordable Care Act`.
fn spells(letters: &str, name: &str) -> bool {
    let name: Vec<char> = name.to_lowercase().chars().collect();
    let mut at = name.len();
    let letters: Vec<char> = letters.to_lowercase().chars().collect();
    for (k, &letter) in letters.iter().enumerate().rev() {
        loop {
            let Some(i) = at.checked_sub(1) else { return false };
            at = i;
            let word_start = i == 0 || !name[i - 1].is_alphanumeric();
            if name[i] == letter && (k > 0 || word_start) {
                break;
            }
        }
    }
    true
}

fn build_entity(cluster: &Cluster, found: &[Mention], aliases: &[String], roles: Option<&roles::PersonRoles>) -> Entity {
    let mut votes: FxHashMap<&Label, usize> = FxHashMap::default();
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    for &m in &cluster.mentions {
        *votes.entry(&found[m].label).or_default() += 1;
        let alias = aliases[m].as_str();
        if *counts.entry(alias).or_default() == 0 {
            distinct.push(alias);
        }
        *counts.get_mut(alias).expect("counted") += 1;
    }
    let first_label = &found[cluster.mentions[0]].label;
    let label = votes.iter().max_by_key(|(l, n)| (**n, **l == first_label)).map_or(first_label, |(l, _)| *l);
    let name_words = |a: &str| a.split_whitespace().filter(|w| !is_honorific_or_title(w)).count();
    let name = distinct
        .iter()
        .enumerate()
        .max_by_key(|(order, a)| (name_words(a), shouted(a).is_none(), counts[**a], std::cmp::Reverse(*order)))
        .map(|(_, a)| a.to_string())
        .unwrap_or_default();
    let key = match &cluster.person {
        Some(p) => match &p.given {
            None => p.surname.clone(),
            Some(g) if p.family_first => format!("{} {g}", p.surname),
            Some(g) => format!("{g} {}", p.surname),
        },
        None => fold(&cluster.key_name),
    };
    Entity {
        label: label.clone(),
        name,
        aliases: distinct.iter().map(|a| a.to_string()).collect(),
        roles: roles.map(|r| r.roles.clone()).unwrap_or_default(),
        affiliation: roles.and_then(|r| r.affiliation.clone()),
        key,
        place: cluster.place,
        mentions: cluster.mentions.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_read_as_printed_in_prose() {
        assert_eq!(shouted("PARIS").as_deref(), Some("Paris"));
        assert_eq!(shouted("NEW YORK").as_deref(), Some("New York"));
        assert_eq!(shouted("ST. LOUIS").as_deref(), Some("St. Louis"));
        assert_eq!(shouted("WINSTON-SALEM").as_deref(), Some("Winston-Salem"));
        assert_eq!(shouted("UAE"), None);
        assert_eq!(shouted("Paris"), None);
    }

    /// The given phrases of `text` tagged with the given labels, resolved:
    /// each mention's text, its entity's label and its entity.
    fn resolved(text: &str, tagged: &[(&str, Label)]) -> Vec<(String, Label, usize)> {
        let mut doc = Doc { text: text.to_string(), ..Doc::default() };
        crate::article::annotate(&mut doc);
        crate::text::annotate(&mut doc);
        let mut from = 0;
        for (phrase, label) in tagged {
            let start = from + text[from..].find(phrase).expect("phrase in text");
            from = start + phrase.len();
            doc.mentions.push(Mention { sentence: 0, tokens: 0..0, start, end: from, label: label.clone(), entity: 0 });
        }
        annotate(&mut doc);
        doc.mentions.iter().map(|m| (text[m.start..m.end].to_string(), doc.entities[m.entity].label.clone(), m.entity)).collect()
    }

    #[test]
    fn a_state_after_a_city_pins_the_city_and_its_later_mentions() {
        let text = "SPRINGFIELD, Ill. (AP) — Rallies in Portland, Maine, and Portland, Oregon, echoed one in Springfield. Portland police watched.";
        let g = Label::Gpe;
        let tagged = [("SPRINGFIELD", g.clone()), ("Ill.", g.clone()), ("Portland", g.clone()), ("Maine", g.clone()), ("Portland", g.clone()), ("Oregon", g.clone()), ("Springfield", g.clone()), ("Portland", g.clone())];
        let mut doc = Doc { text: text.to_string(), ..Doc::default() };
        crate::article::annotate(&mut doc);
        crate::text::annotate(&mut doc);
        let mut from = 0;
        for (phrase, label) in &tagged {
            let start = from + text[from..].find(phrase).expect("phrase in text");
            from = start + phrase.len();
            doc.mentions.push(Mention { sentence: 0, tokens: 0..0, start, end: from, label: label.clone(), entity: 0 });
        }
        annotate(&mut doc);
        let place = |k: usize| doc.entities[doc.mentions[k].entity].place.map(|p| (p.country.as_str(), p.admin1.as_str()));
        assert_eq!((place(0), place(6)), (Some(("US", "IL")), Some(("US", "IL"))), "the dateline's Springfield, then the story's");
        assert_eq!(place(1).map(|p| p.1), Some("IL"), "Ill. is Illinois");
        assert_eq!((place(2), place(4)), (Some(("US", "ME")), Some(("US", "OR"))));
        assert_ne!(doc.mentions[2].entity, doc.mentions[4].entity, "two Portlands, two entities");
    }

    #[test]
    fn a_bare_surname_tagged_an_organisation_is_the_person_named_in_full() {
        let text = "Trump spoke first. Donald Trump then left, and Trump returned. Ford cut prices; Gerald Ford was president.";
        let got = resolved(text, &[("Trump", Label::Org), ("Donald Trump", Label::Person), ("Trump", Label::Org), ("Ford", Label::Org), ("Gerald Ford", Label::Person)]);
        assert_eq!(got[0].1, Label::Person);
        assert!(got[0].2 == got[1].2 && got[1].2 == got[2].2, "{got:?}");
        // A listed company keeps its label and its own entity.
        assert_eq!(got[3].1, Label::Org);
        assert_ne!(got[3].2, got[4].2);
        // A place the same: a surname, unless the word names places more than people.
        let text = "George Bush spoke in Washington. The Bush years ended; George Washington was the first.";
        let got = resolved(text, &[("George Bush", Label::Person), ("Washington", Label::Gpe), ("Bush", Label::Gpe), ("George Washington", Label::Person)]);
        assert_eq!((&got[2].1, got[2].2), (&Label::Person, got[0].2));
        assert_eq!(got[1].1, Label::Gpe);
    }

    #[test]
    fn a_given_name_alone_is_the_one_person_named_with_it() {
        let p = Label::Person;
        let text = "Bernie Sanders and Hillary Clinton met; Donald Trump and Donald Glover did not. Bernie won. Donald lost.";
        let got = resolved(text, &[("Bernie Sanders", p.clone()), ("Hillary Clinton", p.clone()), ("Donald Trump", p.clone()), ("Donald Glover", p.clone()), ("Bernie", p.clone()), ("Donald", p.clone())]);
        assert_eq!(got[4].2, got[0].2);
        // Two people share the name: neither.
        assert!(got[5].2 != got[2].2 && got[5].2 != got[3].2, "{got:?}");
        // A given name no list holds.
        let text = "Mansur Yavaş won. The party stood behind Mansur.";
        let got = resolved(text, &[("Mansur Yavaş", p.clone()), ("Mansur", p.clone())]);
        assert_eq!(got[1].2, got[0].2);
    }

    #[test]
    fn pinyin_is_read_as_syllables() {
        assert!(is_pinyin("Jinping") && is_pinyin("Keqiang") && is_pinyin("Yi") && is_pinyin("Xiaoping"));
        assert!(!is_pinyin("Davis") && !is_pinyin("Smith") && !is_pinyin("jinping"));
    }

    #[test]
    fn family_names_after_an_article_or_before_a_syllabic_given_name() {
        let text = "Bashar al-Assad fled. Assad ruled. Kim Jong-un watched. Kim left. Xi Jinping came. Xi spoke. Kim Davis left. Davis spoke.";
        let got = resolved(
            text,
            &[
                ("Bashar al-Assad", Label::Person),
                ("Assad", Label::Person),
                ("Kim Jong-un", Label::Person),
                ("Kim", Label::Person),
                ("Xi Jinping", Label::Person),
                ("Xi", Label::Person),
                ("Kim Davis", Label::Person),
                ("Davis", Label::Person),
            ],
        );
        assert_eq!((got[0].2, got[2].2, got[4].2, got[6].2), (got[1].2, got[3].2, got[5].2, got[7].2), "{got:?}");
    }

    #[test]
    fn an_organisation_named_by_its_first_words_is_one_entity() {
        let o = Label::Org;
        let text = "Goldman Sachs and Microsoft Corp. gained. Goldman said Microsoft would grow. JPMorgan Chase & Co. fell; JPMorgan Chase said so.";
        let got = resolved(text, &[("Goldman Sachs", o.clone()), ("Microsoft Corp.", o.clone()), ("Goldman", Label::Person), ("Microsoft", o.clone()), ("JPMorgan Chase & Co.", o.clone()), ("JPMorgan Chase", o.clone())]);
        assert_eq!((&got[2].1, got[2].2), (&o, got[0].2), "a person-tagged short form is the organisation");
        assert_eq!(got[3].2, got[1].2, "the name without its designator is the company");
        assert_eq!(got[5].2, got[4].2);
        // Not a body listed on its own, nor a common word, nor one of two names, nor a person named in full.
        let text = "The Senate Judiciary Committee met. The Senate voted. The House Intelligence Committee met; the House voted. Fox News and Fox Business ran it; Fox said so. Henry Ford founded Ford Motor Co.; Ford spoke.";
        let got = resolved(text, &[("Senate Judiciary Committee", o.clone()), ("Senate", o.clone()), ("House Intelligence Committee", o.clone()), ("House", o.clone()), ("Fox News", o.clone()), ("Fox Business", o.clone()), ("Fox", o.clone()), ("Henry Ford", Label::Person), ("Ford Motor Co.", o.clone()), ("Ford", Label::Person)]);
        assert_ne!(got[1].2, got[0].2);
        assert_ne!(got[3].2, got[2].2);
        assert!(got[6].2 != got[4].2 && got[6].2 != got[5].2);
        assert_eq!((&got[9].1, got[9].2), (&Label::Person, got[7].2));
        // Listed short names: the Fed is the Federal Reserve; Goldman a person when one is named in full.
        let text = "The Fed held rates. The Federal Reserve said so. Goldman said so. Rep. Dan Goldman spoke; Goldman left.";
        let got = resolved(text, &[("Fed", o.clone()), ("Federal Reserve", o.clone()), ("Goldman", o.clone()), ("Dan Goldman", Label::Person), ("Goldman", Label::Person)]);
        assert_eq!(got[0].2, got[1].2);
        assert_eq!(got[4].2, got[3].2);
        // Its first word, of a longer name; not of two names joined.
        let text = "Kestrel Micro Devices rose. Kestrel said so. The Justice Department and Congress met; the Justice Department left.";
        let got = resolved(text, &[("Kestrel Micro Devices", o.clone()), ("Kestrel", o.clone()), ("Justice Department and Congress", o.clone()), ("Justice Department", o.clone())]);
        assert_eq!(got[1].2, got[0].2);
        assert_ne!(got[3].2, got[2].2);
    }

    #[test]
    fn an_acronym_defined_in_brackets_is_its_name() {
        let text = "Apple opened the Worldwide Developers Conference (WWDC) on Monday. WWDC runs all week. The EPA (WWDC) agreed.";
        let got = resolved(text, &[("Worldwide Developers Conference", Label::Event), ("WWDC", Label::Org), ("WWDC", Label::Org), ("EPA", Label::Org)]);
        assert_eq!(got[1], ("WWDC".to_string(), Label::Event, got[0].2));
        assert_eq!(got[2], ("WWDC".to_string(), Label::Event, got[0].2));
        assert_eq!(got[3].1, Label::Org);
        assert!(spells("ACA", "Affordable Care Act") && spells("NAFTA", "North American Free Trade Agreement"));
        // After an organisation the brackets define it, whatever the letters.
        let text = "The Republican People's Party (CHP) won. The CHP said so. Veridian Semiconductor (NASDAQ: VRDN) rose.";
        let got = resolved(text, &[("Republican People's Party", Label::Org), ("CHP", Label::Org), ("CHP", Label::Org), ("Veridian Semiconductor", Label::Org), ("VRDN", Label::Org)]);
        assert!(got[1].2 == got[0].2 && got[2].2 == got[0].2, "{got:?}");
        assert_eq!(got[4].2, got[3].2, "a ticker after its exchange");
        assert!(!spells("WWDC", "Developers Conference") && !spells("ABC", "Bank of China"));
    }
}
