//! The roles and affiliations an article gives people, read from the words
//! around their mentions:
//!
//! - titles before the name: `Russian Foreign Minister Sergei Lavrov`
//!   (role `Foreign Minister`, affiliation Russia), `Kremlin spokesman Dmitry
//!   Peskov`, `former German chancellor Gerhard Schröder` (`former
//!   chancellor`, Germany), `committee chair Representative Adam Smith` (two
//!   roles: a capitalised title and a description);
//! - an appositive or a copula after it: `Evelyn Farkas, the director of the
//!   McCain Institute,` and `Mark Almond is director of the Crisis Research
//!   Institute` (role `director`, affiliation the institute), `a senior fellow
//!   and Russia specialist at the Center for a New American Security` (two
//!   roles);
//! - `of` and a place after a titled name: `Prime Minister Narendra Modi of
//!   India`;
//! - a possessive appositive before it: `Mr. Putin’s foreign policy adviser,
//!   Yuri Ushakov` (role `foreign policy adviser`).
//!
//! A phrase is a role only if it holds a role noun (`minister`, `spokesman`,
//! `director`...). The affiliation is the organisation or place named with the
//! role, a nationality word standing for its country (`Russian` → Russia).

use crate::fxhash::FxHashMap;
use crate::lexicon::gazetteer::{Kind, GAZETTEER};
use crate::doc::{Label, Mention as Found, Segmented};

use crate::lexicon::Words;

/// What an article says a person is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonRoles {
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
}

/// Nouns that make a phrase a role.
pub static ROLE_NOUNS: Words = Words::new("role_nouns");

/// Words that join role words (`chief of staff`, `Secretary of State`).
static CONNECTORS: Words = Words::new("role_connectors");

/// Modifiers that place a role in time (`former`, `acting`): they belong to
/// the title after them, capitalised or not (`former President`).
static TIME_MODIFIERS: Words = Words::new("role_time_modifiers");

/// Words that may stand in a title besides role nouns.
static ROLE_MODIFIERS: Words = Words::new("role_modifiers");

/// Nouns that, after `the` and before a possessive, stand for the last
/// organisation, or place of a kind (`country`, `city`, `region`),
/// named: `the company’s`, `the state’s`.
pub static REFERRING_NOUNS: Words = Words::new("referring_nouns");

static DETERMINERS: Words = Words::new("role_determiners");
static PREPOSITIONS: Words = Words::new("role_prepositions");
static STOPS: Words = Words::new("role_stops");

fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(word.to_lowercase().as_str()) || GAZETTEER.kinds(word).contains(&Kind::Title)
}

static AGENT_NOUN_ENDINGS: Words = Words::new("agent_noun_endings");

/// A lower-case noun of an agent (`virologist`, `researcher`), by its ending.
fn is_agent_noun(word: &str) -> bool {
    word.len() >= 5
        && word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !word.ends_with("ment")
        && AGENT_NOUN_ENDINGS.words().any(|ending| word.ends_with(ending))
}

fn is_role_word(word: &str) -> bool {
    is_role_noun(word) || ROLE_MODIFIERS.contains(word.to_lowercase().as_str())
}

/// A mention seen from the tokens: where it is and what it names.
struct Spot {
    first: usize,
    end: usize,
}

/// Roles of each person entity (by entity id).
pub fn find(text: &str, segmented: &Segmented, found: &[Found], aliases: &[String], entity_of: &[usize]) -> FxHashMap<usize, PersonRoles> {
    let spots: Vec<Option<Spot>> = found.iter().map(token_span).collect();
    // Token index → the mention starting or ending there.
    let mut starting: FxHashMap<usize, usize> = FxHashMap::default();
    let mut ending: FxHashMap<usize, usize> = FxHashMap::default();
    for (k, spot) in spots.iter().enumerate() {
        if let Some(s) = spot {
            starting.insert(s.first, k);
            ending.insert(s.end, k);
        }
    }
    let words = |i: usize| segmented.tokens[i].text(text);
    let affiliation_of = |k: usize| -> Option<String> {
        match found[k].label {
            // A nationality stands for its country; a historical one (`Prussian`) for `Prussia`.
            Label::Norp => GAZETTEER
                .country_of_demonym(&aliases[k])
                .map(str::to_string)
                .or_else(|| aliases[k].strip_suffix("ian").map(|stem| format!("{stem}ia"))),
            Label::Gpe | Label::Org | Label::Fac | Label::Loc => Some(aliases[k].clone()),
            _ => None,
        }
    };
    // `the company’s` at token `t`, said of the mention `k`: the last
    // organisation, or place of the noun's kind, named before it in its
    // sentence or the two before.
    let referent = |t: usize, k: usize| -> Option<usize> {
        if t == 0 || !(words(t - 1).eq_ignore_ascii_case("the") && matches!(words(t + 1), "’s" | "'s")) {
            return None;
        }
        let place = match REFERRING_NOUNS.value(&words(t).to_lowercase())? {
            "organisation" => None,
            "country" => Some(Kind::Country),
            "city" => Some(Kind::City),
            _ => Some(Kind::Region),
        };
        let refers_to = |m: usize| match place {
            None => found[m].label == Label::Org,
            Some(kind) => found[m].label == Label::Gpe && GAZETTEER.kinds(&aliases[m]).contains(&kind),
        };
        let earliest = found[k].sentence.saturating_sub(2);
        (0..k)
            .rev()
            .take_while(|&m| found[m].sentence >= earliest)
            .find(|&m| refers_to(m) && spots[m].as_ref().is_some_and(|s| s.end <= t))
    };
    let mut out: FxHashMap<usize, PersonRoles> = FxHashMap::default();
    for (k, f) in found.iter().enumerate().filter(|(_, f)| f.label == Label::Person) {
        let Some(spot) = &spots[k] else { continue };
        let sentence = &segmented.sentences[f.sentence];
        let bounds = (sentence.first_token, sentence.end_token);
        let mut found_roles: Vec<String> = Vec::new();
        let mut affiliation: Option<String> = None;

        // Titles before the name, walking left.
        let (runs, before_affiliation, stopped_at) = title_before(spot.first, bounds.0, &words, &ending, &spots, found);
        found_roles.extend(runs);
        if affiliation.is_none() {
            affiliation = before_affiliation.and_then(affiliation_of);
        }
        // A titled appositive before the name: `Mr. Putin’s foreign policy
        // adviser, Yuri Ushakov`, `Russian ambassador to the United States, Anatoly Antonov`.
        if found_roles.is_empty() && stopped_at + 1 == spot.first && words(stopped_at) == "," {
            let end = skip_prepositional_mention(stopped_at, bounds.0, &words, &ending, &spots);
            let (runs, owner, at) = title_before(end, bounds.0, &words, &ending, &spots, found);
            if !runs.is_empty() {
                found_roles.push(runs.into_iter().rev().collect::<Vec<_>>().join(" "));
                let possessive = at > bounds.0 && matches!(words(at), "’s" | "'s");
                let owner = owner
                    .or_else(|| possessive.then(|| ending.get(&at).copied()).flatten())
                    .or_else(|| possessive.then(|| referent(at - 1, k)).flatten());
                affiliation = affiliation.or_else(|| owner.and_then(affiliation_of));
            }
        }
        // An appositive (`, the director of X,`), a copula (`is director of X`) or `of India`.
        let mut at = spot.end;
        let after = |i: usize| (i < bounds.1).then(|| words(i));
        match after(at) {
            Some(",") => at += 1,
            Some("is" | "was") => at += 1,
            Some("of") if !found_roles.is_empty() => {
                if let Some(&place) = starting.get(&(at + 1)) {
                    affiliation = affiliation.or_else(|| affiliation_of(place));
                }
                at = bounds.1;
            }
            // `Vivek Arya of Bank of America`: an organisation right after `of` is where one works
            // (not a place: `John Smith of Boston` is where one lives).
            Some("of") => match starting.get(&(at + 1)).filter(|&&m| found[m].label == Label::Org) {
                Some(&organisation) => {
                    affiliation = affiliation.or_else(|| affiliation_of(organisation));
                    // An appositive may follow: `Vivek Arya of Bank of America, an analyst,`.
                    let end = spots[organisation].as_ref().map_or(bounds.1, |s| s.end);
                    at = if after(end) == Some(",") { end + 1 } else { bounds.1 };
                }
                None => at = bounds.1,
            },
            _ => at = bounds.1,
        }
        if at < bounds.1 {
            let (roles, phrase_affiliation) = appositive(at, bounds.1, &words, &starting, &spots, found, |t| referent(t, k));
            if !roles.is_empty() {
                found_roles.extend(roles);
                affiliation = phrase_affiliation.and_then(affiliation_of).or(affiliation);
            }
        }
        let entry = out.entry(entity_of[k]).or_default();
        for role in found_roles {
            if !entry.roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
                entry.roles.push(role);
            }
        }
        if entry.affiliation.is_none() {
            entry.affiliation = affiliation;
        }
    }
    out
}

/// Where a role phrase ends before `end` once a trailing `to the United
/// States` (a preposition, maybe `the`, and a mention) is set aside.
fn skip_prepositional_mention<'t>(
    end: usize,
    sentence_start: usize,
    words: &impl Fn(usize) -> &'t str,
    ending: &FxHashMap<usize, usize>,
    spots: &[Option<Spot>],
) -> usize {
    let Some(first) = ending.get(&end).and_then(|&m| spots[m].as_ref()).map(|s| s.first) else { return end };
    let mut i = first;
    if i > sentence_start && words(i - 1) == "the" {
        i -= 1;
    }
    if i > sentence_start && PREPOSITIONS.contains(words(i - 1)) {
        i - 1
    } else {
        end
    }
}

/// The tokens of a mention, when it has whole ones (not a part of a compound).
fn token_span(m: &Found) -> Option<Spot> {
    (!m.tokens.is_empty()).then_some(Spot { first: m.tokens.start, end: m.tokens.end })
}

/// Walks left from `before` over title words. Returns the role runs (a
/// capitalised title next to the name and a lower-case description are two
/// roles), the affiliation mention met, and where the walk stopped.
fn title_before<'t>(
    before: usize,
    sentence_start: usize,
    words: &impl Fn(usize) -> &'t str,
    ending: &FxHashMap<usize, usize>,
    spots: &[Option<Spot>],
    found: &[Found],
) -> (Vec<String>, Option<usize>, usize) {
    let mut collected: Vec<&str> = Vec::new(); // right to left
    let mut affiliation = None;
    let mut i = before;
    while i > sentence_start {
        if let Some(&m) = ending.get(&i) {
            if affiliation.is_none() && matches!(found[m].label, Label::Norp | Label::Gpe | Label::Org) {
                affiliation = Some(m);
                // Step over the mention; modifiers before it still count (`former German chancellor`).
                i = spots[m].as_ref().map_or(i - 1, |s| s.first);
                continue;
            }
            break;
        }
        let word = words(i - 1);
        let connects = CONNECTORS.contains(word) && i >= 2 && i - 2 >= sentence_start && is_role_word(words(i - 2)) && !collected.is_empty();
        if !(is_role_word(word) || connects) {
            break;
        }
        collected.push(word);
        i -= 1;
    }
    // Trim a connector that ends the phrase (`secretary of` before an unknown
    // word) and modifiers that end no role (`Foreign` alone is none), but not
    // the object of a connector (`Secretary of State`).
    while collected.first().is_some_and(|w| {
        CONNECTORS.contains(w) || (!is_role_noun(w) && !collected.iter().take_while(|w| !is_role_noun(w)).any(|w| CONNECTORS.contains(w)))
    }) {
        collected.remove(0);
    }
    let mut runs: Vec<Vec<&str>> = Vec::new();
    let mut capitalised_run = None;
    let in_order: Vec<&str> = collected.iter().rev().copied().collect();
    // The sentence's first word is capitalised whatever it is: it goes with
    // the word after it (`Chief financial officer Arno Antlitz`).
    let opens_sentence = i == sentence_start;
    for (k, word) in in_order.iter().enumerate() {
        // A connector and its object join their run (`secretary of State`),
        // unless the object is a title of its own (`government of President`);
        // a word like `former` the title after it (`former President`).
        let after_connector = k > 0 && CONNECTORS.contains(in_order[k - 1]) && !is_role_noun(word);
        let capitalised = if CONNECTORS.contains(word) || after_connector {
            capitalised_run.unwrap_or(false)
        } else if TIME_MODIFIERS.contains(word) || (k == 0 && opens_sentence) {
            in_order.get(k + 1).is_some_and(|next| next.starts_with(char::is_uppercase))
        } else {
            word.starts_with(char::is_uppercase)
        };
        if capitalised_run != Some(capitalised) {
            runs.push(Vec::new());
            capitalised_run = Some(capitalised);
        }
        runs.last_mut().expect("a run").push(word);
    }
    // A run of modifiers alone opens the run after it (`Council` `member`,
    // `state` `Sen.`), but not one ending in a connector (`government of`
    // `President`).
    let mut roles = Vec::new();
    let mut modifiers: Vec<&str> = Vec::new();
    for run in runs {
        if run.iter().any(|w| is_role_noun(w)) {
            modifiers.extend(run);
            roles.push(join_words(&modifiers));
            modifiers.clear();
        } else {
            modifiers = if run.iter().any(|w| CONNECTORS.contains(w)) { Vec::new() } else { run };
        }
    }
    (roles, affiliation, i.saturating_sub(1).max(sentence_start))
}

/// Roles and the affiliation mention in a phrase after a name, up to the
/// next comma, full stop or clause word; `referent(t)` is the mention that
/// `the company’s` at token `t` stands for.
fn appositive<'t>(
    start: usize,
    end: usize,
    words: &impl Fn(usize) -> &'t str,
    starting: &FxHashMap<usize, usize>,
    spots: &[Option<Spot>],
    found: &[Found],
    referent: impl Fn(usize) -> Option<usize>,
) -> (Vec<String>, Option<usize>) {
    let mut i = start;
    // `Sarah Jones, a virologist at ...`: an indefinite description of the person.
    let indefinite = i < end && matches!(words(i), "a" | "an");
    while i < end && DETERMINERS.contains(words(i).to_lowercase().as_str()) {
        i += 1;
    }
    let mut roles: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut affiliation = None;
    let mut affiliation_after_preposition = false;
    let mut after_preposition = false;
    while i < end {
        let word = words(i);
        let lower = word.to_lowercase();
        if [",", ".", ";", ":", "(", ")", "—", "–", "“", "”", "\""].contains(&word) || (STOPS.contains(lower.as_str()) && lower != "and") {
            break;
        }
        if let Some(&m) = starting.get(&i) {
            let end_of_mention = spots[m].as_ref().map_or(i + 1, |s| s.end);
            let next = (end_of_mention < end).then(|| words(end_of_mention));
            if found[m].label == Label::Person && !after_preposition && !next.is_some_and(is_role_word) {
                // `Bennett, Ukrainian President Volodymyr Zelensky and ...`: a list, not an appositive.
                return (Vec::new(), None);
            }
            let possessive = matches!(next, Some("’s" | "'s"));
            let is_affiliation = matches!(found[m].label, Label::Org | Label::Gpe | Label::Norp | Label::Fac | Label::Loc);
            // The first organisation or place after `of`/`at` (or an owner with `’s`) wins
            // over one inside the role (`Russia specialist`) and over later ones (`in Oxford`).
            let stronger = (after_preposition || possessive) && !affiliation_after_preposition;
            if is_affiliation && (stronger || affiliation.is_none()) {
                affiliation = Some(m);
                affiliation_after_preposition |= after_preposition || possessive;
            }
            if possessive {
                // `the United States Institute of Peace’s Russia expert`: the owner is the affiliation.
                i = end_of_mention + 1;
                continue;
            }
            if !after_preposition && found[m].label != Label::Norp {
                // `Russia specialist`, `former John Kasich advisor`: a name inside the role is part of it.
                current.extend((i..end_of_mention).map(words));
            }
            i = end_of_mention;
            continue;
        }
        if let Some(m) = referent(i).filter(|_| !affiliation_after_preposition) {
            // `the company’s chief executive`: the company named before is the owner.
            affiliation = Some(m);
            affiliation_after_preposition = true;
            i += 2;
            continue;
        }
        if lower == "and" && !after_preposition {
            roles.extend(finish(&mut current, indefinite));
            // `consultant and a CNN contributor`
            while i + 1 < end && DETERMINERS.contains(words(i + 1).to_lowercase().as_str()) {
                i += 1;
            }
        } else if PREPOSITIONS.contains(lower.as_str()) {
            roles.extend(finish(&mut current, indefinite));
            after_preposition = true;
        } else if !after_preposition {
            current.push(word);
        }
        i += 1;
    }
    roles.extend(finish(&mut current, indefinite));
    (roles, affiliation)
}

/// A collected phrase as a role, if it holds a role noun, or, in an
/// indefinite description, ends in an agent noun.
fn finish(current: &mut Vec<&str>, indefinite: bool) -> Option<String> {
    let mut phrase = std::mem::take(current);
    // A phrase cut at a stop word leaves no connector at its end (`nominee or`).
    while phrase.last().is_some_and(|w| CONNECTORS.contains(w) || matches!(*w, "or" | "and")) {
        phrase.pop();
    }
    // The phrase ends at its last role noun when a verb in -ed or -ing follows
    // it (`the jailed mayor urged the party` → `jailed mayor`).
    let verb = |w: &str| w.len() > 4 && w.chars().all(|c| c.is_ascii_lowercase()) && (w.ends_with("ed") || w.ends_with("ing"));
    if let Some(last) = phrase.iter().rposition(|w| is_role_noun(w)) {
        if phrase.get(last + 1).is_some_and(|w| verb(w)) {
            phrase.truncate(last + 1);
        }
    }
    let agent = indefinite && phrase.last().is_some_and(|w| is_agent_noun(w));
    (agent || phrase.iter().any(|w| is_role_noun(w))).then(|| join_words(&phrase))
}

/// Words as printed: spaced, but a possessive's ending stays on its word
/// (`Clinton campaign’s communications director`).
fn join_words(words: &[&str]) -> String {
    let mut joined = String::new();
    for word in words {
        let possessive = matches!(*word, "’s" | "'s") || matches!(*word, "’" | "'") && joined.ends_with('s');
        if !joined.is_empty() && !possessive {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}
