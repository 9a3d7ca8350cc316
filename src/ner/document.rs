//! Document-level corrections of the tagger's spans, in this order:
//!
//! 1. Drop names in title-case headings (and markdown bold lead-ins) that
//!    nothing else in the article backs (`Inching Toward Peril`): neither the
//!    gazetteer, nor a tag in the body, nor (for names of several words)
//!    capitals of the same words mid-sentence in the body.
//! 2. Trim words that cannot start a name: a sentence-initial function word
//!    (`Whereas Putin`) or a lower-case word (`pro-Western Ukrainska Pravda`),
//!    and a title or a group word before a person's name (`Sen. Rand Paul`,
//!    `Democrat Hillary Clinton`, the group word a NORP of its own, as is
//!    a place or body qualifying the title: `Army Lt. Gen. Mick Bednarek`);
//!    drop a lone honorific or title tagged as a person (`Ms.`); a chamber
//!    before a person's title is a name of its own (`House Speaker`); split
//!    places joined by `and` (`East and West`).
//! 3. Extend an organisation's head over `for`/`of`/`on` and the capitalised
//!    words after it (`Center for a New American Security`), a military
//!    unit over its ordinal (`93rd Mechanized Brigade`), and a person's
//!    name over the given name before an initial (`Grigory A. Yavlinsky`).
//!    A maker followed by a model designation becomes the product
//!    (`Boeing` + `737-800`, `Airbus` + `A380s`); an airline ends before
//!    `Flight 447`; a person after `near` is a place; a name after a noun
//!    of a kind of organisation is one (`magazine Stern`).
//! 4. Merge a nationality into the organisation it qualifies
//!    (`Indian` + `Foreign Ministry`), not a party's word (`Republican` +
//!    `Senate` stay two).
//! 5. One label per name in an article: the majority label of its mentions
//!    with a vote for what the gazetteer says it is, PERSON for a name
//!    ending in a word that is a person's name elsewhere (`Putin` after
//!    `Vladimir Putin`, `Volodymyr Zelensky` after `Zelensky`) or shaped like
//!    a Slavic surname and listed as nothing else (`Zelensky` tagged ORG),
//!    and GPE for a listed place tagged PERSON or a listed region tagged ORG,
//!    and for a listed city tagged ORG in prose or printed before its state
//!    (`Everett, Washington`): OntoNotes keeps a city
//!    named for its government GPE (`Kyiv said`), and the clubs named after
//!    cities that taught the tagger otherwise fill the results tables of
//!    sports pages, where the rule does not apply. Listed organisations and
//!    companies named like towns (`Toyota`) stay ORG.
//! 6. Tag the untagged repeats of a name the article tags elsewhere, and of
//!    its short form: a person's surname (`Jobs` after `Steve Jobs`), a
//!    company's name without its legal form (`Apple` after `Apple Inc.`).
//! 7. A named storm is an EVENT with its storm word (`Hurricane Katrina`).
//! 8. Keep an honorific before a person's name, as printed (`Mr. Putin`).
//!
//! Names the caller fixed are never changed.

use crate::fxhash::{hash_str, FxHashMap as HashMap, FxHashSet, SEED};
use crate::calendar::is_day_or_month_name;
use crate::text::{fold, Ranges};

use crate::lexicon::gazetteer::{Gazetteer, Kind, Kinds};
use super::clusters::{WORD_CASING, WORD_CLUSTERS};
use super::refine::{is_group_word, is_model_after_maker, is_nationality_or_group, named_as_a_place};
use super::view::{is_syllabic_given_name, View, Word, IDENTITY_HEADS, PARTY_INITIALS};
use crate::lexicon::Words;

/// A name over words `start..end` of sentence `sentence` of a [`View`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameSpan {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// Given by the caller: kept as it is.
    pub fixed: bool,
}

/// Words that start sentences but never names.
static NOT_NAME_STARTS: Words = Words::new("not_name_starts");

static ORG_LINKS: Words = Words::new("organisation_links");
static HONORIFICS: Words = Words::new("honorifics");
static NAME_SUFFIXES: Words = Words::new("name_suffixes");
static LEGAL_FORMS: Words = Words::new("legal_forms");
static MINOR_WORDS: Words = Words::new("minor_words");
static ARTICLES: Words = Words::new("articles");
static ABBREVIATIONS: Words = Words::new("abbreviations");

fn words_text(words: &[Word]) -> String {
    words.iter().map(|w| w.form).collect::<Vec<_>>().join(" ")
}

fn capitalised(word: &Word) -> bool {
    word.form.chars().next().is_some_and(char::is_uppercase)
}

/// Applies the corrections; returns spans sorted by position.
pub fn tidy(view: &View, mut spans: Vec<NameSpan>, gazetteer: &Gazetteer) -> Vec<NameSpan> {
    drop_unbacked_heading_names(view, &mut spans, gazetteer);
    for span in spans.iter_mut().filter(|s| !s.fixed) {
        trim_start(view, span);
    }
    split_titles_and_groups(view, &mut spans, gazetteer);
    // A lone honorific or title is no person (`Ms.` tagged apart from
    // `Lewinsky` would be repeated over every `Ms.` of the article); a lone
    // title may be a department (`Justice`). An acronym in the plural names
    // a kind of thing, not one (`PACs`, `CEOs`), unless listed.
    spans.retain(|s| {
        let lone_word = (s.end == s.start + 1).then(|| view.sentences[s.sentence][s.start].form);
        let no_person = s.label == "PERSON" && lone_word.is_some_and(|w| HONORIFICS.contains(w) || gazetteer.kinds(w).contains(&Kind::Title));
        let kind_of_thing = lone_word.is_some_and(|w| is_plural_acronym(w) && gazetteer.kinds(w).iter().next().is_none());
        s.start < s.end && (s.fixed || !(no_person || kind_of_thing))
    });
    bodies_before_titles(view, &mut spans, gazetteer);
    split_conjunctions(view, &mut spans, gazetteer);
    states_in_affiliations(view, &mut spans, gazetteer);
    hyphenated_identities(view, &mut spans, gazetteer);
    extend_organisations(view, &mut spans, gazetteer);
    join_listed_names(view, &mut spans, gazetteer);
    military_units(view, &mut spans);
    include_ordinals(view, &mut spans);
    extend_people_over_initials(view, &mut spans);
    extend_makers_over_models(view, &mut spans);
    end_airlines_before_flights(view, &mut spans);
    merge_nationality_into_organisation(view, &mut spans, gazetteer);
    people_after_honorifics(view, &mut spans, gazetteer);
    speakers_before_speech_verbs(view, &mut spans, gazetteer);
    coordinated_names(view, &mut spans, gazetteer);
    places_after_near(view, &mut spans);
    employers_after_at(view, &mut spans, gazetteer);
    organisations_after_kind_nouns(view, &mut spans);
    people_with_syllabic_given_names(view, &mut spans, gazetteer);
    make_labels_consistent(view, &mut spans, gazetteer);
    tag_repeats(view, &mut spans, gazetteer);
    named_storms(view, &mut spans);
    bills_and_court_cases(view, &mut spans);
    include_honorifics(view, &mut spans);
    spans.sort_by_key(|s| (s.sentence, s.start));
    spans
}

fn drop_unbacked_heading_names(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    // Heading words: a heading sentence's, or a bold label's.
    let in_heading = |sentence: usize, word: &Word| view.headings[sentence] || view.bold_label_ends[sentence].is_some_and(|end| word.end() <= end);
    let span_in_heading = |s: &NameSpan| in_heading(s.sentence, &view.sentences[s.sentence][s.end - 1]);
    if !spans.iter().any(|s| !s.fixed && span_in_heading(s)) {
        return;
    }
    let body_names: FxHashSet<String> = spans
        .iter()
        .filter(|s| !span_in_heading(s))
        .map(|s| words_text(&view.sentences[s.sentence][s.start..s.end]))
        .collect();
    let mid_sentence_capitals: FxHashSet<&str> = view
        .sentences
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.iter().skip(1).filter(move |w| capitalised(w) && !in_heading(k, w)))
        .map(|w| w.form)
        .collect();
    spans.retain(|s| {
        if s.fixed || !span_in_heading(s) {
            return true;
        }
        let words = &view.sentences[s.sentence][s.start..s.end];
        let name = words_text(words);
        body_names.contains(&name)
            || gazetteer.kinds(&name).iter().any(|k| !matches!(k, Kind::GivenName | Kind::Title | Kind::OrgSuffix))
            || (words.len() > 1 && words.iter().filter(|w| capitalised(w)).all(|w| mid_sentence_capitals.contains(w.form)))
    });
}

/// `PACs`, `CEOs`: two or more capitals and a plural `s`.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()))
}

/// Titles and group words are no part of a person's name: `Sen. Rand Paul`
/// → `Rand Paul`, `Democrat Hillary Clinton` → `Democrat` (NORP) and
/// `Hillary Clinton`, and the words that qualify a title go with it (`Army
/// Lt. Gen. Mick Bednarek` → `Army` (ORG) and `Mick Bednarek`; `Texas Gov.`
/// → `Texas` (GPE)). Honorifics join later, as printed (`Mr. Obama`); a
/// word that is also a given name stays (`Christian Estrosi`), unless it is
/// a title too and a family name or a whole name follows (`Chancellor
/// Merz`, `Marshal Georgy Zhukov`; `King Abdullah` stays).
fn split_titles_and_groups(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    let mut split_off = Vec::new();
    for span in spans.iter_mut().filter(|s| !s.fixed && s.label == "PERSON") {
        let words = &view.sentences[span.sentence];
        let is_title = |i: usize| gazetteer.kinds(words[i].form).contains(&Kind::Title);
        while span.end - span.start > 1 {
            let word = words[span.start].form;
            let kinds = gazetteer.kinds(word);
            let before_given_name_alone =
                span.end - span.start == 2 && gazetteer.kinds(words[span.start + 1].form).contains(&Kind::GivenName);
            let name_not_title = kinds.contains(&Kind::GivenName) && (!kinds.contains(&Kind::Title) || before_given_name_alone);
            if HONORIFICS.contains(word) || name_not_title {
                break;
            }
            if kinds.contains(&Kind::Group) {
                split_off.push(NameSpan { sentence: span.sentence, start: span.start, end: span.start + 1, label: "NORP".to_string(), fixed: false });
            } else if !kinds.contains(&Kind::Title) {
                // A place or a body qualifying the title after it.
                let qualifies_title = span.start + 2 < span.end && is_title(span.start + 1);
                let body = kinds.contains(&Kind::OrgSuffix).then_some("ORG");
                match listed_label(kinds).or(body).filter(|_| qualifies_title) {
                    Some(label) => split_off.push(NameSpan { sentence: span.sentence, start: span.start, end: span.start + 1, label: label.to_string(), fixed: false }),
                    None => break,
                }
            }
            span.start += 1;
        }
    }
    spans.extend(split_off);
}

static CHAMBERS: Words = Words::new("chambers");
static TITLE_WORDS: Words = Words::new("title_words");

/// A chamber or a listed organisation before a person's title is a name of
/// its own (`House Speaker Paul Ryan`, `House Minority Whip Steve
/// Scalise`: the tagger tags the person and leaves `House` out).
fn bodies_before_titles(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    let covered = span_ranges(spans.iter());
    let mut bodies = Vec::new();
    for span in spans.iter().filter(|s| s.label == "PERSON") {
        let words = &view.sentences[span.sentence];
        let mut i = span.start;
        while i > 0 && capitalised(&words[i - 1]) && (gazetteer.kinds(words[i - 1].form).contains(&Kind::Title) || TITLE_WORDS.contains(words[i - 1].form)) {
            i -= 1;
        }
        let titled = i < span.start;
        let Some(body) = i.checked_sub(1).map(|j| &words[j]).filter(|w| titled && capitalised(w)) else { continue };
        let candidate = NameSpan { sentence: span.sentence, start: i - 1, end: i, label: "ORG".to_string(), fixed: false };
        if (CHAMBERS.contains(body.form) || gazetteer.kinds(body.form).contains(&Kind::Organisation)) && !overlaps(&covered, &candidate) {
            bodies.push(candidate);
        }
    }
    spans.extend(bodies);
}

/// `East and West` → `East`, `West`, when both sides are listed places
/// (the tagger may take the pair for one place or one MISC name); and
/// `Goldman Sachs and Jefferies` → two organisations, when the first is a
/// listed one, the words after `and` are mostly printed capitalised and the
/// pair is no listed name (`Procter and Gamble`, `Fox and Friends` stay).
fn split_conjunctions(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    let kinds = |words: &[Word]| gazetteer.kinds(&words_text(words));
    let is_place = |words: &[Word]| kinds(words).iter().any(|k| matches!(k, Kind::Country | Kind::City | Kind::Region | Kind::Place));
    let mut split = Vec::new();
    spans.retain(|s| {
        let words = &view.sentences[s.sentence][s.start..s.end];
        let Some(and) = words.iter().position(|w| w.form == "and") else { return true };
        let (left, right) = (&words[..and], &words[and + 1..]);
        let places = matches!(s.label.as_str(), "GPE" | "LOC" | "MISC") && !is_place(words) && is_place(left) && is_place(right);
        let organisations = s.label == "ORG"
            && kinds(words).iter().next().is_none()
            && kinds(left).contains(&Kind::Organisation)
            && !right.is_empty()
            && right.iter().all(|w| capitalised(w) && WORD_CASING.get(&w.form.to_lowercase()).is_none_or(|casing| casing.cap >= 5));
        if s.fixed || !(places || organisations) {
            return true;
        }
        for (start, end) in [(s.start, s.start + and), (s.start + and + 1, s.end)] {
            let label = match kinds(&view.sentences[s.sentence][start..end]) {
                _ if organisations => "ORG",
                found if found.contains(&Kind::Place) => "LOC",
                _ => "GPE",
            };
            split.push(NameSpan { sentence: s.sentence, start, end, label: label.to_string(), fixed: false });
        }
        false
    });
    spans.extend(split);
}

/// A US politician's affiliation tag names a state: `(R-Ky.)`, `, D-N.Y.,`,
/// `(R-TX)` → the state a GPE and the party's initial no name (the tagger
/// read `R-Fla` as a MISC, an ORG or a person).
fn states_in_affiliations(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    let mut tags = Vec::new();
    for (k, words) in view.sentences.iter().enumerate() {
        for i in 1..words.len().saturating_sub(2) {
            if matches!(words[i - 1].form, "(" | ",") && PARTY_INITIALS.contains(words[i].form) && words[i + 1].form == "-" && is_state(words[i + 2].form, gazetteer) {
                tags.push((k, i));
            }
        }
    }
    if tags.is_empty() {
        return;
    }
    // Names over a tag give way to its state (tags are sorted, so this is linear).
    let in_tag = |s: &NameSpan| {
        let next = tags.partition_point(|&(k, i)| (k, i + 3) <= (s.sentence, s.start));
        tags.get(next).is_some_and(|&(k, i)| k == s.sentence && i < s.end)
    };
    spans.retain(|s| s.fixed || !in_tag(s));
    let kept: FxHashSet<(usize, usize)> = spans.iter().filter(|s| in_tag(s)).map(|s| (s.sentence, s.start)).collect();
    for &(k, i) in tags.iter().filter(|&&(k, i)| !kept.contains(&(k, i + 2))) {
        // An abbreviation's full stop, split off after the hyphen, goes with it (`Ky.`).
        let words = &view.sentences[k];
        let end = if is_state_abbreviation(words[i + 2].form) && words.get(i + 3).is_some_and(|w| w.form == ".") { i + 4 } else { i + 3 };
        spans.push(NameSpan { sentence: k, start: i + 2, end, label: "GPE".to_string(), fixed: false });
    }
}

/// A hyphenated identity (`Iranian-American`, `African-Americans`) is a
/// NORP, found where the tagger missed it or gave it another label alone.
fn hyphenated_identities(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    spans.sort_by_key(|s| (s.sentence, s.start));
    let mut added = Vec::new();
    for (k, words) in view.sentences.iter().enumerate() {
        for (i, word) in words.iter().enumerate() {
            let identity = word.form.split_once('-').is_some_and(|(first, head)| IDENTITY_HEADS.contains(head) && is_nationality_or_group(first, gazetteer));
            if !identity {
                continue;
            }
            let first = spans.partition_point(|s| (s.sentence, s.end) <= (k, i));
            let overlapping: Vec<usize> = (first..spans.len()).take_while(|&n| spans[n].sentence == k && spans[n].start <= i).collect();
            match overlapping[..] {
                [] => added.push(NameSpan { sentence: k, start: i, end: i + 1, label: "NORP".to_string(), fixed: false }),
                [n] if !spans[n].fixed && spans[n].start == i && spans[n].end == i + 1 => spans[n].label = "NORP".to_string(),
                _ => {}
            }
        }
    }
    spans.extend(added);
}

/// Whether a span is followed by a comma and a US state or a country
/// (`Everett, Washington`, `Florence, Italy`).
fn is_before_state_or_country(view: &View, span: &NameSpan, gazetteer: &Gazetteer) -> bool {
    let words = &view.sentences[span.sentence];
    words.get(span.end).is_some_and(|w| w.form == ",")
        && words.get(span.end + 1).is_some_and(|w| is_state(w.form, gazetteer) || gazetteer.kinds(w.form).contains(&Kind::Country))
}

/// A US state as an affiliation tag prints it: `Ky.`, `N.Y.`, `Texas`, `TX`.
fn is_state(word: &str, gazetteer: &Gazetteer) -> bool {
    is_state_abbreviation(word) || gazetteer.kinds(word).contains(&Kind::Region) || word.len() == 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// `Ky`, `Calif.`, `N.Y`, `W.Va`, `S.Dak`: a listed abbreviation, or
/// initials and listed abbreviations joined by full stops.
fn is_state_abbreviation(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    let listed = |part: &str| ABBREVIATIONS.value(part) == Some("state");
    let initial = |part: &str| part.len() == 1 && part.chars().all(|c| c.is_ascii_uppercase());
    listed(bare) || bare.contains('.') && bare.split('.').all(|part| initial(part) || listed(part))
}

/// `A. Yavlinsky` after `Grigory` → `Grigory A. Yavlinsky`.
fn extend_people_over_initials(view: &View, spans: &mut [NameSpan]) {
    for span in spans.iter_mut().filter(|s| !s.fixed && s.label == "PERSON" && s.start > 0) {
        let words = &view.sentences[span.sentence];
        let starts_with_initial = {
            let f = &words[span.start].form;
            f.len() == 2 && f.ends_with('.') && f.starts_with(|c: char| c.is_uppercase())
        };
        let before = &words[span.start - 1];
        if starts_with_initial && capitalised(before) && !NOT_NAME_STARTS.contains(before.form) {
            span.start -= 1;
        }
    }
}

static STORM_WORDS: Words = Words::new("storm_words");
static STORM_QUALIFIERS: Words = Words::new("storm_qualifiers");

/// A named storm is an EVENT, with its storm word (`Hurricane Katrina`,
/// `Tropical Storm Harvey`; the tagger read `Katrina` as a person), and so
/// is its name alone elsewhere in the article (`after Katrina`).
fn named_storms(view: &View, spans: &mut Vec<NameSpan>) {
    spans.sort_by_key(|s| (s.sentence, s.start));
    let mut storms: Vec<NameSpan> = Vec::new();
    for (k, words) in view.sentences.iter().enumerate() {
        for i in 0..words.len().saturating_sub(1) {
            let name = &words[i + 1];
            if !capitalised(&words[i]) || !STORM_WORDS.contains(words[i].form) || !capitalised(name) || STORM_WORDS.contains(name.form) || NOT_NAME_STARTS.contains(name.form) {
                continue;
            }
            let start = if i > 0 && STORM_QUALIFIERS.contains(words[i - 1].form) { i - 1 } else { i };
            // The name is the tagged span that starts at or covers the word after the storm word, or that word.
            let latest = spans.partition_point(|s| (s.sentence, s.start) <= (k, i + 1));
            let end = latest.checked_sub(1).map(|n| &spans[n]).filter(|s| s.sentence == k && i + 1 < s.end).map_or(i + 2, |s| s.end);
            storms.push(NameSpan { sentence: k, start, end, label: "EVENT".to_string(), fixed: false });
        }
    }
    if storms.is_empty() {
        return;
    }
    let text_of = |s: &NameSpan, from: usize| words_text(&view.sentences[s.sentence][from..s.end]);
    let names: FxHashSet<String> = storms.iter().map(|s| text_of(s, s.start + 1 + usize::from(STORM_QUALIFIERS.contains(view.sentences[s.sentence][s.start].form)))).collect();
    for span in spans.iter_mut().filter(|s| !s.fixed && names.contains(&text_of(s, s.start))) {
        span.label = "EVENT".to_string();
    }
    put_in_place(spans, storms);
}

/// The spans as ranges of (sentence, word) positions.
fn span_ranges<'a>(spans: impl Iterator<Item = &'a NameSpan>) -> Ranges<(usize, usize)> {
    Ranges::new(spans.map(|s| ((s.sentence, s.start), (s.sentence, s.end))))
}

/// Whether one of `ranges` overlaps a span.
fn overlaps(ranges: &Ranges<(usize, usize)>, span: &NameSpan) -> bool {
    ranges.overlap((span.sentence, span.start), (span.sentence, span.end))
}

/// Puts names a rule found in place of the spans they overlap, except
/// that a name the caller fixed stays and the rule's name goes.
fn put_in_place(spans: &mut Vec<NameSpan>, mut added: Vec<NameSpan>) {
    let fixed = span_ranges(spans.iter().filter(|s| s.fixed));
    added.retain(|a| !overlaps(&fixed, a));
    let added_ranges = span_ranges(added.iter());
    spans.retain(|s| s.fixed || !overlaps(&added_ranges, s));
    spans.extend(added);
}

/// `Air France Flight 447`: the airline is `Air France`; the tagger took
/// `Flight` into its name and left the number out.
fn end_airlines_before_flights(view: &View, spans: &mut [NameSpan]) {
    for span in spans.iter_mut().filter(|s| !s.fixed && s.end - s.start >= 2) {
        let words = &view.sentences[span.sentence];
        let numbered = words.get(span.end).is_some_and(|w| w.form.starts_with(|c: char| c.is_ascii_digit()));
        if words[span.end - 1].form == "Flight" && numbered {
            span.end -= 1;
        }
    }
}

/// `Boeing` + `737-800` → the product `Boeing 737-800`.
fn extend_makers_over_models(view: &View, spans: &mut [NameSpan]) {
    for span in spans.iter_mut().filter(|s| !s.fixed && s.label == "ORG") {
        let words = &view.sentences[span.sentence];
        let Some(next) = words.get(span.end) else { continue };
        if next.start() == words[span.end - 1].end() {
            continue;
        }
        if is_model_after_maker(words[span.end - 1].form, next.form) {
            span.end += 1;
            span.label = "PRODUCT".to_string();
        }
    }
}

static BILL_WORDS: Words = Words::new("bill_words");

/// Laws by their number and cases by their parties: a capitalised name
/// ending in `Bill` or `Resolution` and its number (`Senate Bill 2420`,
/// which the maker-and-model rule read as a product; `Assembly Bill 5`), and
/// the capitalised words on each side of `v.` (`Free Speech Coalition v.
/// Paxton`, `Roe v. Wade`), each one LAW.
fn bills_and_court_cases(view: &View, spans: &mut Vec<NameSpan>) {
    let mut laws = Vec::new();
    for (k, words) in view.sentences.iter().enumerate() {
        // Not a word that opens sentences but never names (`In`).
        let name_word = |w: &Word| capitalised(w) && !NOT_NAME_STARTS.contains(w.form) && w.form.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''));
        for i in 1..words.len() {
            let numbered = words.get(i + 1).is_some_and(|w| w.form.chars().all(|c| c.is_ascii_digit()));
            if BILL_WORDS.contains(words[i].form) && numbered && capitalised(&words[i - 1]) {
                let start = (0..i).rev().take_while(|&j| name_word(&words[j])).last().unwrap_or(i - 1);
                laws.push(NameSpan { sentence: k, start, end: i + 2, label: "LAW".to_string(), fixed: false });
            }
            let read_whole = spans.iter().any(|s| s.sentence == k && s.start < i && i < s.end);
            if words[i].form == "v." && words.get(i + 1).is_some_and(name_word) && !read_whole {
                // Each party is the name the tagger found beside `v.` (`Whole Woman's Health`,
                // `Board of Education`), else the capitalised words there.
                let tagged = |at: &dyn Fn(&NameSpan) -> bool| spans.iter().find(|s| s.sentence == k && at(s)).map(|s| (s.start, s.end));
                let start = tagged(&|s| s.end == i).map(|(start, _)| start).or_else(|| (0..i).rev().take_while(|&j| name_word(&words[j])).last());
                let linked = |j: usize| name_word(&words[j]) || words[j].form == "of" && words.get(j + 1).is_some_and(name_word);
                let end = tagged(&|s| s.start == i + 1).map(|(_, end)| end).or_else(|| (i + 1..words.len()).take_while(|&j| linked(j)).last().map(|j| j + 1));
                if let (Some(start), Some(end)) = (start, end) {
                    laws.push(NameSpan { sentence: k, start, end, label: "LAW".to_string(), fixed: false });
                }
            }
        }
    }
    put_in_place(spans, laws);
}

/// The capitalised words after `Mr.`, `Mrs.`, `Ms.` name a person: such a
/// name the tagger missed becomes one (`Mr. Edd said`), and one it gave
/// another label is a person's (`Mr. Tribe`, `Mr. Ridge`). Not a title
/// (`Mr. President`), nor a name running on past them (`Mr. Altman of
/// Evercore`, `“Mr. Sanders Is Not a Brave Truth-Teller”`). After a title,
/// a name the tagger missed is a person when its words are no listed name
/// but a given one and mostly names (`President Milei`), or rare words that
/// a large corpus prints capitalised at least four times in ten
/// (`President Macron`: `macron` is also a diacritic).
fn people_after_honorifics(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    spans.sort_by_key(|s| (s.sentence, s.start));
    let mut added = Vec::new();
    for (k, words) in view.sentences.iter().enumerate() {
        for (i, word) in words.iter().enumerate() {
            let honorific = word.form.ends_with('.') && HONORIFICS.contains(word.form);
            let titled = capitalised(word) && gazetteer.kinds(word.form).contains(&Kind::Title);
            if !(honorific || titled) {
                continue;
            }
            let start = i + 1;
            let end = (start..words.len().min(start + 3)).take_while(|&j| capitalised(&words[j]) && words[j].form.chars().all(|c| c.is_alphabetic() || c == '-')).last().map_or(start, |j| j + 1);
            if end == start || gazetteer.kinds(words[start].form).contains(&Kind::Title) {
                continue;
            }
            if !honorific && !words[start..end].iter().all(|w| only_a_name(w, gazetteer)) {
                continue;
            }
            let first = spans.partition_point(|s| (s.sentence, s.end) <= (k, i));
            let overlapping: Vec<usize> = (first..spans.len()).take_while(|&n| spans[n].sentence == k && spans[n].start < end).collect();
            match overlapping[..] {
                [] => added.push(NameSpan { sentence: k, start, end, label: "PERSON".to_string(), fixed: false }),
                [n] if honorific && !spans[n].fixed && (i..=start).contains(&spans[n].start) && spans[n].end <= end => {
                    // The honorific joins the name as printed once it is a person's.
                    spans[n].start = start;
                    spans[n].label = "PERSON".to_string();
                }
                _ => {}
            }
        }
    }
    spans.extend(added);
}

/// Whether a word can only be (part of) a name: no list claims it but as a
/// given name, and it is mostly a name in the word tables or a rare word a
/// large corpus prints capitalised at least four times in ten (`Macron`,
/// which GloVe knows as a diacritic); not `Assembly` or `County`.
fn only_a_name(word: &Word, gazetteer: &Gazetteer) -> bool {
    let lower = word.form.to_lowercase();
    let rare_and_capitalised = || WORD_CASING.get(&lower).is_some_and(|c| c.cap >= 4 && c.freq >= 7);
    gazetteer.kinds(word.form).iter().all(|k| k == Kind::GivenName)
        && (WORD_CLUSTERS.get(&lower).is_none_or(|class| class.mostly_a_name()) || rare_and_capitalised())
}

/// The capitalised words (up to three) the tagger left untagged right
/// before a verb of speech are a person when they can only be a name
/// (`Macron said`, `Gallant told reporters`; not `Officials said`).
fn speakers_before_speech_verbs(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    let covered = span_ranges(spans.iter());
    let mut added = Vec::new();
    for (k, words) in view.sentences.iter().enumerate() {
        for (i, verb) in words.iter().enumerate().skip(1) {
            if !crate::quotes::reports_speech(verb.form) {
                continue;
            }
            let name_word = |w: &Word| capitalised(w) && w.form.chars().all(|c| c.is_alphabetic() || c == '-');
            let start = (0..i).rev().take_while(|&j| name_word(&words[j])).last().unwrap_or(i);
            let candidate = NameSpan { sentence: k, start, end: i, label: "PERSON".to_string(), fixed: false };
            if start < i && i - start <= 3 && words[start..i].iter().all(|w| only_a_name(w, gazetteer)) && !overlaps(&covered, &candidate) {
                added.push(candidate);
            }
        }
    }
    spans.extend(added);
}

/// Capitalised words the tagger left untagged, joined by `and` or `or` to
/// an organisation or a place, are one of the same kind when a list names
/// them so (`Meta and OpenAI`: `Meta` opens the sentence and is a common
/// word in the tables, but a listed company beside a tagged one).
fn coordinated_names(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    const MOST_WORDS: usize = 4;
    let covered = span_ranges(spans.iter());
    let listed_as = |words: &[Word], label: &str| {
        let kinds = gazetteer.kinds(&words_text(words));
        match label {
            "ORG" => kinds.contains(&Kind::Organisation),
            _ => kinds.iter().any(|k| matches!(k, Kind::Country | Kind::City | Kind::Region)),
        }
    };
    let mut added = Vec::new();
    for span in spans.iter().filter(|s| matches!(s.label.as_str(), "ORG" | "GPE")) {
        let words = &view.sentences[span.sentence];
        let joins = |i: usize| words.get(i).is_some_and(|w| matches!(w.form, "and" | "or"));
        let mut runs = Vec::new();
        if span.start >= 2 && joins(span.start - 1) {
            let end = span.start - 1;
            let start = (end.saturating_sub(MOST_WORDS)..end).rev().take_while(|&j| capitalised(&words[j])).last().unwrap_or(end);
            runs.push(start..end);
        }
        if joins(span.end) {
            let start = span.end + 1;
            let end = (start..words.len().min(start + MOST_WORDS)).take_while(|&j| capitalised(&words[j])).last().map_or(start, |j| j + 1);
            runs.push(start..end);
        }
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            let candidate = NameSpan { sentence: span.sentence, start: run.start, end: run.end, label: span.label.clone(), fixed: false };
            if listed_as(&words[run], &span.label) && !overlaps(&covered, &candidate) {
                added.push(candidate);
            }
        }
    }
    added.sort_by_key(|s| (s.sentence, s.start));
    added.dedup_by_key(|s| (s.sentence, s.start));
    spans.extend(added);
}

/// `Mr.` + `Putin` → `Mr. Putin`.
fn include_honorifics(view: &View, spans: &mut [NameSpan]) {
    for span in spans.iter_mut().filter(|s| s.label == "PERSON" && s.start > 0) {
        if HONORIFICS.contains(view.sentences[span.sentence][span.start - 1].form) {
            span.start -= 1;
        }
    }
}

fn trim_start(view: &View, span: &mut NameSpan) {
    let words = &view.sentences[span.sentence];
    while span.end - span.start > 1 {
        let first = &words[span.start];
        let function_word = span.start == 0 && NOT_NAME_STARTS.contains(first.form);
        if function_word || !capitalised(first) {
            span.start += 1;
        } else {
            break;
        }
    }
}

/// `82nd` + `Airborne Division` → one ORG: a unit's or a body's ordinal is
/// part of its name (`5th Fleet`, `116th Congress`).
fn include_ordinals(view: &View, spans: &mut [NameSpan]) {
    let mut sorted: Vec<&mut NameSpan> = spans.iter_mut().collect();
    sorted.sort_by_key(|s| (s.sentence, s.start));
    let mut previous_end = (usize::MAX, 0);
    for span in sorted {
        let free = previous_end.0 != span.sentence || previous_end.1 < span.start;
        if !span.fixed && span.label == "ORG" && span.start > 0 && free && is_ordinal(&view.sentences[span.sentence][span.start - 1]) {
            span.start -= 1;
        }
        previous_end = (span.sentence, span.end);
    }
}

/// A name after `near` is a place, not a person (`attacks near Chasiv Yar`:
/// towns too small for the gazetteer), unless it owns what is near
/// (`near Cruz's suite`).
fn places_after_near(view: &View, spans: &mut [NameSpan]) {
    for span in spans.iter_mut().filter(|s| !s.fixed && s.label == "PERSON" && s.start > 0) {
        let words = &view.sentences[span.sentence];
        let possessive = words.get(span.end).is_some_and(|w| matches!(w.form, "'s" | "’s" | "'" | "’"));
        if words[span.start - 1].form == "near" && !possessive {
            span.label = "GPE".to_string();
        }
    }
}

/// A name after a person's noun and `at` that no list holds as a place is
/// where they work, an organisation (`analysts at Jefferies`, `economists
/// at Nomura`; not `officials at Kyiv`, a listed city, nor `protesters at
/// FDR Park` or `soldiers at Fort Hood`, named as places).
fn employers_after_at(view: &View, spans: &mut [NameSpan], gazetteer: &Gazetteer) {
    for span in spans.iter_mut().filter(|s| !s.fixed && s.start > 1 && matches!(s.label.as_str(), "GPE" | "LOC")) {
        let words = &view.sentences[span.sentence];
        let name = words_text(&words[span.start..span.end]);
        let place = gazetteer.kinds(&name).iter().any(|k| matches!(k, Kind::Country | Kind::City | Kind::Region | Kind::Place)) || named_as_a_place(words[span.start].form, words[span.end - 1].form);
        if words[span.start - 1].form == "at" && crate::quotes::names_a_person(&words[span.start - 2].form.to_lowercase()) && !place {
            span.label = "ORG".to_string();
        }
    }
}

static ORGANISATION_KIND_NOUNS: Words = Words::new("organisation_kind_nouns");

/// A name right after a noun of a kind of organisation is one (`German
/// magazine Stern`, `the conglomerate Adani`).
fn organisations_after_kind_nouns(view: &View, spans: &mut [NameSpan]) {
    for span in spans.iter_mut().filter(|s| !s.fixed && s.start > 0 && matches!(s.label.as_str(), "PERSON" | "MISC" | "GPE")) {
        let before = &view.sentences[span.sentence][span.start - 1];
        if before.form.starts_with(char::is_lowercase) && ORGANISATION_KIND_NOUNS.contains(before.form) {
            span.label = "ORG".to_string();
        }
    }
}

static MILITARY_UNIT_HEADS: Words = Words::new("military_unit_heads");
static ORDINAL_WORDS: Words = Words::new("ordinal_words");

/// Whether a word is an ordinal: `93rd`, `101st`, `Sixth`.
fn is_ordinal(word: &Word) -> bool {
    // Every ordinal, in figures or in words, ends so; most words do not.
    if !["st", "nd", "rd", "th"].iter().any(|ending| word.form.ends_with(ending)) {
        return false;
    }
    let digits = word.form.trim_end_matches(char::is_alphabetic);
    let numeric = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && matches!(&word.form[digits.len()..], "st" | "nd" | "rd" | "th");
    numeric || capitalised(word) && ORDINAL_WORDS.contains(&word.form.to_lowercase())
}

/// A military unit is an ORG: an ordinal, capitalised words and a unit's
/// head (`93rd Mechanized Brigade`, `101st Airborne`, `Sixth Fleet`), which
/// the tagger missed or split (`Airborne Division` a MISC).
fn military_units(view: &View, spans: &mut Vec<NameSpan>) {
    let mut units = Vec::new();
    for (k, words) in view.sentences.iter().enumerate() {
        for i in (0..words.len()).filter(|&i| is_ordinal(&words[i])) {
            // A unit's name is a few words (`47th Separate Mechanized Brigade`).
            let run = words[i + 1..].iter().take(6).take_while(|w| capitalised(w)).count();
            // The last unit head of the capitalised run ends the name (`82nd Airborne Division`).
            if let Some(last) = (1..=run).rev().find(|&n| MILITARY_UNIT_HEADS.contains(words[i + n].form)) {
                units.push(NameSpan { sentence: k, start: i, end: i + last + 1, label: "ORG".to_string(), fixed: false });
            }
        }
    }
    put_in_place(spans, units);
}

/// `Center` + `for a New American Security` → one ORG.
fn extend_organisations(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    let mut extended: Vec<(usize, usize, usize)> = Vec::new(); // (sentence, start, new end)
    for span in spans.iter_mut().filter(|s| !s.fixed) {
        let words = &view.sentences[span.sentence];
        let head = words[span.end - 1].form;
        if !gazetteer.kinds(head).contains(&Kind::OrgSuffix) {
            continue;
        }
        let mut at = span.end;
        if !words.get(at).is_some_and(|w| ORG_LINKS.contains(w.form)) {
            continue;
        }
        at += 1;
        if words.get(at).is_some_and(|w| ARTICLES.contains(w.form)) {
            at += 1;
        }
        let name_start = at;
        // Months and weekdays end an organisation's name: dates follow it.
        let name_word = |w: &Word| capitalised(w) && !is_day_or_month_name(w.form);
        while words.get(at).is_some_and(|w| name_word(w) || w.form == "and" && words.get(at + 1).is_some_and(name_word)) {
            at += 1;
        }
        if at > name_start {
            span.end = at;
            span.label = "ORG".to_string();
            extended.push((span.sentence, span.start, at));
        }
    }
    if extended.is_empty() {
        return;
    }
    // Drop the spans an extension swallowed (the extended spans themselves stay).
    let by_sentence: HashMap<usize, Vec<(usize, usize)>> = extended.iter().fold(HashMap::default(), |mut map, &(k, start, end)| {
        map.entry(k).or_default().push((start, end));
        map
    });
    spans.retain(|s| {
        by_sentence.get(&s.sentence).is_none_or(|ranges| {
            ranges.iter().all(|&(start, end)| s.end <= start || s.start >= end || (s.start == start && s.end == end))
        })
    });
}

/// Two names one lower-case word apart that together are a listed name are
/// that name (`United States` + `of` + `America`, `Bank` + `of` + `America`).
fn join_listed_names(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    spans.sort_by_key(|s| (s.sentence, s.start));
    let mut joined: Vec<NameSpan> = Vec::with_capacity(spans.len());
    for span in std::mem::take(spans) {
        if let Some(last) = joined.last_mut() {
            let words = &view.sentences[last.sentence];
            let linked = last.sentence == span.sentence && span.start == last.end + 1 && !last.fixed && !span.fixed && !capitalised(&words[last.end]);
            if let Some(label) = linked.then(|| listed_label(gazetteer.kinds(&words_text(&words[last.start..span.end])))).flatten() {
                last.end = span.end;
                last.label = label.to_string();
                continue;
            }
        }
        joined.push(span);
    }
    *spans = joined;
}

/// `Indian` (NORP) directly before `Foreign Ministry` (ORG) → one ORG; not
/// a party's word, which tells the body's majority (`a Democratic Senate`).
fn merge_nationality_into_organisation(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    spans.sort_by_key(|s| (s.sentence, s.start));
    let mut merged: Vec<NameSpan> = Vec::with_capacity(spans.len());
    for span in spans.drain(..) {
        if let Some(previous) = merged.last_mut() {
            let adjacent = previous.sentence == span.sentence && previous.end == span.start;
            let title_case_org = view.sentences[span.sentence][span.start..span.end].iter().all(capitalised);
            let group = || is_group_word(&words_text(&view.sentences[previous.sentence][previous.start..previous.end]), gazetteer);
            if adjacent && !previous.fixed && !span.fixed && previous.label == "NORP" && span.label == "ORG" && title_case_org && !group() {
                previous.end = span.end;
                previous.label = "ORG".to_string();
                continue;
            }
        }
        merged.push(span);
    }
    *spans = merged;
}

/// A family name before a given name of two syllables is a person (`Ban
/// Ki-moon`, `Park Geun-hye`), whatever the tagger made of the unknown word.
fn people_with_syllabic_given_names(view: &View, spans: &mut [NameSpan], gazetteer: &Gazetteer) {
    for span in spans.iter_mut().filter(|s| !s.fixed && s.end - s.start >= 2) {
        let words = &view.sentences[span.sentence][span.start..span.end];
        if words.iter().all(capitalised) && is_syllabic_given_name(words[words.len() - 1].form, gazetteer) {
            span.label = "PERSON".to_string();
        }
    }
}

fn make_labels_consistent(view: &View, spans: &mut [NameSpan], gazetteer: &Gazetteer) {
    let text_of = |s: &NameSpan| words_text(&view.sentences[s.sentence][s.start..s.end]);
    let prose = !is_tabular(view);
    let mut votes: HashMap<String, HashMap<String, usize>> = HashMap::default();
    let mut person_words: HashMap<String, usize> = HashMap::default();
    // Words of people's full names in the article: `Mao` after `Mao Zedong`.
    let mut full_name_words: FxHashSet<String> = FxHashSet::default();
    // The last words of people's full names: `Bolton` after `John Bolton`.
    let mut family_names: FxHashSet<String> = FxHashSet::default();
    // Names the article gives a person's title or honorific: `President Obama`.
    let mut titled: FxHashSet<String> = FxHashSet::default();
    // Listed cities the article prints before a state or a country: `Everett, Washington`.
    let mut cities_before_states: FxHashSet<String> = FxHashSet::default();
    for span in spans.iter() {
        let name = text_of(span);
        if gazetteer.kinds(&name).contains(&Kind::City) && is_before_state_or_country(view, span, gazetteer) {
            cities_before_states.insert(name.clone());
        }
        let ballot = votes.entry(name.clone()).or_insert_with(|| gazetteer_vote(&name, gazetteer));
        *ballot.entry(span.label.clone()).or_default() += 1;
        if span.label == "PERSON" {
            let before = span.start.checked_sub(1).map(|i| view.sentences[span.sentence][i].form);
            if before.is_some_and(|w| HONORIFICS.contains(w) || gazetteer.kinds(w).contains(&Kind::Title)) {
                titled.insert(name.clone());
            }
            for word in &view.sentences[span.sentence][span.start..span.end] {
                *person_words.entry(word.form.to_string()).or_default() += 1;
                if span.end - span.start > 1 {
                    full_name_words.insert(word.form.to_string());
                }
            }
            if span.end - span.start > 1 {
                family_names.insert(view.sentences[span.sentence][span.end - 1].form.to_string());
            }
        }
    }
    for span in spans.iter_mut().filter(|s| !s.fixed) {
        let name = text_of(span);
        let kinds = gazetteer.kinds(&name);
        let listed = kinds.iter().any(|k| matches!(k, Kind::Country | Kind::City | Kind::Region | Kind::Organisation | Kind::Nationality));
        let last = view.sentences[span.sentence][span.end - 1].form;
        let surname_elsewhere = person_words.get(last).copied().unwrap_or(0) >= 2 && !gazetteer.kinds(last).contains(&Kind::OrgSuffix);
        let words = &view.sentences[span.sentence][span.start..span.end];
        let slavic_surname = matches!(span.label.as_str(), "ORG" | "MISC")
            && words.len() <= 2
            && words.iter().all(capitalised)
            && has_slavic_surname_ending(last)
            && !gazetteer.kinds(last).iter().any(|k| matches!(k, Kind::OrgSuffix | Kind::Country | Kind::Region));
        // A listed name that is also a word of someone's full name in the
        // article is that person (`Mao` after `Mao Zedong`).
        let of_full_name = words.len() == 1 && full_name_words.contains(&name);
        // The family name of someone the article names in full is that
        // person, when it is mostly printed capitalised, no chamber (`Chris
        // Paul House`, then `House Speaker`), and every place of that name is
        // a town or a district of under 500,000 people (`Bolton`, `Lincoln`;
        // not `Houston`, nor a dateline's `WASHINGTON`).
        let family_name = words.len() == 1
            && family_names.contains(&name)
            && name.chars().any(char::is_lowercase)
            && !CHAMBERS.contains(&name)
            && WORD_CASING.get(&name.to_lowercase()).is_none_or(|casing| casing.cap >= 5)
            && !kinds.iter().any(|k| matches!(k, Kind::Country | Kind::Organisation | Kind::Nationality | Kind::Group))
            && gazetteer.candidates(&name).all(|place| place.population < 500_000);
        if (surname_elsewhere || slavic_surname) && (!listed || of_full_name) || family_name {
            span.label = "PERSON".to_string();
            continue;
        }
        if let Some(best) = votes[&name].iter().max_by_key(|(label, n)| (**n, *label == &span.label)).map(|(l, _)| l.clone()) {
            span.label = best;
        }
        // A listed place that is no one's given name, nor part of a person's
        // full name or titled in the article, is no person (`Kyiv is making a
        // bet`; but `President Obama`, though Obama is a town in Japan),
        // and a listed region no organisation (`Crimea`).
        let place = kinds.iter().any(|k| matches!(k, Kind::Country | Kind::City | Kind::Region));
        let region = kinds.iter().any(|k| matches!(k, Kind::Country | Kind::Region) || prose && k == Kind::City) && !kinds.contains(&Kind::Organisation);
        let named_person = span.label == "PERSON" && (full_name_words.contains(&name) || titled.contains(&name));
        let given = kinds.contains(&Kind::GivenName);
        // A given name keeps a person (`Cleveland` may be one), not an
        // organisation, unless the article prints it as a city before its
        // state or country (`Everett, Washington`).
        let city_by_state = cities_before_states.contains(&name);
        if span.label == "PERSON" && (place && !named_person && !given || city_by_state) || span.label == "ORG" && (region || city_by_state) {
            span.label = "GPE".to_string();
        }
    }
}

/// Whether a document is mostly tables (results, listings): at least a
/// third of its sentences hold a number and no lower-case word.
fn is_tabular(view: &View) -> bool {
    let rows = view
        .sentences
        .iter()
        .filter(|s| s.iter().any(|w| w.form.starts_with(|c: char| c.is_ascii_digit())) && !s.iter().any(|w| w.form.starts_with(char::is_lowercase)))
        .count();
    rows * 3 >= view.sentences.len().max(1)
}

/// Surname endings of Ukrainian, Russian, Georgian and Polish names
/// (`-enko`, `-chuk`, `-vich`, `-ov`/`-ova`, `-sky`/`-ska`, `-shvili`), which
/// the 1996 Reuters training text has too few of to tag `Zelensky` well.
/// Names without such an ending (`Kuleba`, `Yermak`) are not helped.
fn has_slavic_surname_ending(word: &str) -> bool {
    static ENDINGS: Words = Words::new("slavic_surname_endings");
    let lower = word.to_lowercase();
    lower.chars().count() > 4 && ENDINGS.words().any(|e| lower.ends_with(e))
}

/// The label of a name the gazetteer lists as a place, an organisation or
/// a nationality.
fn listed_label(kinds: Kinds) -> Option<&'static str> {
    if kinds.iter().any(|k| matches!(k, Kind::Country | Kind::City | Kind::Region)) {
        Some("GPE")
    } else if kinds.contains(&Kind::Organisation) {
        Some("ORG")
    } else if kinds.contains(&Kind::Nationality) {
        Some("NORP")
    } else {
        None
    }
}

/// One vote for the label the gazetteer gives a name, if any.
fn gazetteer_vote(name: &str, gazetteer: &Gazetteer) -> HashMap<String, usize> {
    let mut vote = HashMap::default();
    if let Some(l) = listed_label(gazetteer.kinds(name)) {
        vote.insert(l.to_string(), 1);
    }
    vote
}

/// The shorter name an article may use for a name it gives in full: a
/// person's surname (`Jobs` after `Steve Jobs`) and a company's name without
/// its legal form (`General Motors` after `General Motors Corp.`). A surname
/// that names a country, region, nationality or organisation has none.
fn short_form<'v, 't>(words: &'v [Word<'t>], label: &str, gazetteer: &Gazetteer) -> Option<&'v [Word<'t>]> {
    let listed_as = |form: &str, kinds: &[Kind]| gazetteer.kinds(form).iter().any(|k| kinds.contains(&k));
    match label {
        "PERSON" => {
            let last = words.iter().rposition(|w| !NAME_SUFFIXES.contains(w.form))?;
            let surname = words[last].form;
            let word_like = surname.chars().count() > 1 && surname.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'));
            let acronym = surname.chars().all(|c| !c.is_lowercase());
            let function_word = MINOR_WORDS.contains(&surname.to_lowercase());
            let listed = listed_as(surname, &[Kind::Country, Kind::Region, Kind::Nationality, Kind::Organisation]);
            (last > 0 && word_like && !acronym && !function_word && !listed).then(|| &words[last..=last])
        }
        "ORG" => {
            let end = words.iter().rposition(|w| !LEGAL_FORMS.contains(w.form) && w.form != ",")? + 1;
            (end < words.len()).then(|| &words[..end])
        }
        _ => None,
    }
}

/// Tags other occurrences of a tagged name (capitalised, the same words up
/// to spelling: `Erdogan` after `Erdoğan`) or of its short form.
///
/// Linear in the words whatever the names' lengths: names are matched by
/// rolling hashes of their folded words, extended word by word while the
/// words so far begin some name, and only the longest match is spelt out
/// and checked.
fn tag_repeats(view: &View, spans: &mut Vec<NameSpan>, gazetteer: &Gazetteer) {
    // Names by their folded words joined with a unit separator, with their
    // label and, for a short form, the words as printed, which a repeat must
    // match exactly (`Un` of `Kim Jong Un` is no `UN`).
    const JOIN: char = '\u{1f}';
    let extend = |hash: u64, word: &str| (hash.rotate_left(5) ^ hash_str(word)).wrapping_mul(SEED);
    let mut names: HashMap<String, (String, Option<String>)> = HashMap::default();
    // Hashes of every name and of every name's leading words.
    let mut name_hashes: FxHashSet<u64> = FxHashSet::default();
    let mut prefix_hashes: FxHashSet<u64> = FxHashSet::default();
    let mut longest = 0;
    let full_names = spans.iter().map(|s| (&view.sentences[s.sentence][s.start..s.end], &s.label, false));
    let short_forms = spans.iter().filter_map(|s| Some((short_form(&view.sentences[s.sentence][s.start..s.end], &s.label, gazetteer)?, &s.label, true)));
    // Full names first: a short form never relabels a name the article tags.
    for (words, label, short) in full_names.chain(short_forms).collect::<Vec<_>>() {
        if words.iter().all(capitalised) {
            let folded: Vec<String> = words.iter().map(|w| fold(w.form)).collect();
            let key = folded.join(&JOIN.to_string());
            if names.contains_key(&key) {
                continue;
            }
            names.insert(key, (label.clone(), short.then(|| words_text(words))));
            let hash = folded.iter().fold(0, |hash, word| {
                let hash = extend(hash, word);
                prefix_hashes.insert(hash);
                hash
            });
            name_hashes.insert(hash);
            longest = longest.max(words.len());
        }
    }
    let mut taken_by_sentence: HashMap<usize, Vec<(usize, usize)>> = HashMap::default();
    for s in spans.iter() {
        taken_by_sentence.entry(s.sentence).or_default().push((s.start, s.end));
    }
    let mut added = Vec::new();
    let mut key = String::new();
    // Each distinct capitalised word folded once per article.
    let mut folds: HashMap<&str, String> = HashMap::default();
    for word in view.sentences.iter().flatten().filter(|w| capitalised(w)) {
        folds.entry(word.form).or_insert_with(|| fold(word.form));
    }
    for (k, sentence) in view.sentences.iter().enumerate() {
        let taken = taken_by_sentence.get(&k).map_or(&[][..], Vec::as_slice);
        let folded: Vec<&str> = sentence.iter().map(|w| if capitalised(w) { folds[w.form].as_str() } else { "" }).collect();
        let mut i = 0;
        while i < sentence.len() {
            // Names are capitalised words only: no name starts at a word that is not.
            if folded[i].is_empty() {
                i += 1;
                continue;
            }
            let mut hash = 0;
            let mut longest_match = None;
            for len in 1..=longest.min(sentence.len() - i) {
                hash = extend(hash, folded[i + len - 1]);
                if !prefix_hashes.contains(&hash) {
                    break;
                }
                if name_hashes.contains(&hash) {
                    longest_match = Some(len);
                }
            }
            let hit = longest_match.and_then(|len| {
                key.clear();
                for (n, word) in folded[i..i + len].iter().enumerate() {
                    if n > 0 {
                        key.push(JOIN);
                    }
                    key.push_str(word);
                }
                let (label, printed) = names.get(&key)?;
                let exact = printed.as_ref().is_none_or(|printed| *printed == words_text(&sentence[i..i + len]));
                exact.then(|| (len, label.clone()))
            });
            match hit {
                Some((len, label))
                    if !taken.iter().any(|&(s, e)| s < i + len && i < e)
                        && (i > 0 || len > 1 || !NOT_NAME_STARTS.contains(sentence[0].form)) =>
                {
                    added.push(NameSpan { sentence: k, start: i, end: i + len, label, fixed: false });
                    i += len;
                }
                _ => i += 1,
            }
        }
    }
    spans.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;
    use bumpalo::Bump;

    /// The names and labels `tidy` leaves of the spans `tagged` gives over
    /// the view of `text` (one paragraph), with a gazetteer of `listed` lines.
    fn tidied(text: &str, listed: &str, tagged: impl Fn(&View) -> Vec<NameSpan>) -> Vec<(String, String)> {
        let gazetteer = Gazetteer::from_tsv(listed);
        let segmented = segment(text, [&(0..text.len())]);
        let arena = Bump::new();
        let view = View::new(text, &segmented, 0..segmented.sentences.len(), &[false], &gazetteer, &arena);
        let spans = tidy(&view, tagged(&view), &gazetteer);
        spans.iter().map(|s| (words_text(&view.sentences[s.sentence][s.start..s.end]), s.label.clone())).collect()
    }

    fn span(sentence: usize, start: usize, end: usize, label: &str) -> NameSpan {
        NameSpan { sentence, start, end, label: label.to_string(), fixed: false }
    }

    #[test]
    fn bills_and_court_cases_are_laws() {
        let text = "Texas passed Senate Bill 2420. In Free Speech Coalition v. Paxton, the court cited Brown v. Board of Education. He met Bill Clinton.";
        let names = tidied(text, "", |view| {
            let at = |k: usize, form: &str| view.sentences[k].iter().position(|w| w.form == form).unwrap();
            vec![span(0, 0, 1, "GPE"), span(0, at(0, "Senate"), at(0, "2420") + 1, "PRODUCT"), span(1, at(1, "Paxton"), at(1, "Paxton") + 1, "PERSON"), span(2, 2, 4, "PERSON")]
        });
        let law = |name: &str| (name.to_string(), "LAW".to_string());
        assert_eq!(names[1..4], [law("Senate Bill 2420"), law("Free Speech Coalition v. Paxton"), law("Brown v. Board of Education")]);
        assert_eq!(names[4], ("Bill Clinton".to_string(), "PERSON".to_string()));
    }

    #[test]
    fn a_lone_honorific_is_no_person_and_is_not_repeated() {
        // The tagger took the first `Ms.` apart from the name after it.
        let names = tidied("Mr. Clinton met Ms. Lewinsky. Ms. Lewinsky left.", "", |_| {
            vec![span(0, 1, 2, "PERSON"), span(0, 3, 4, "PERSON"), span(0, 4, 5, "PERSON"), span(1, 1, 2, "PERSON")]
        });
        let names: Vec<&str> = names.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["Mr. Clinton", "Ms. Lewinsky", "Ms. Lewinsky"]);
    }

    #[test]
    fn an_affiliation_tag_names_a_state() {
        let text = "Sen. Rand Paul (R-Ky.) and Rep. Frank Pallone, D-N.J., met Sen. Ted Cruz (R-Texas).";
        // The tagger read `R-Ky` as one MISC name and missed the other two tags.
        let names = tidied(text, "Texas\tregion\n", |view| {
            let at = |form: &str| view.sentences[0].iter().position(|w| w.form == form).unwrap();
            vec![span(0, at("R"), at("Ky") + 1, "MISC")]
        });
        let gpe = |name: &str| (name.to_string(), "GPE".to_string());
        assert_eq!(names, [gpe("Ky ."), gpe("N.J ."), gpe("Texas")]);
    }

    #[test]
    fn a_city_before_its_state_is_the_place_though_a_given_name() {
        let listed = "Everett\tcity,given\nWashington\tregion\nChina\tcountry,given\n";
        // `Everett` alone stays the person the tagger saw; by its state it is the city.
        let names = tidied("Everett spoke. The plant in Everett, Washington, closed.", listed, |_| vec![span(0, 0, 1, "PERSON"), span(1, 3, 4, "PERSON"), span(1, 5, 6, "GPE")]);
        assert_eq!(names[..2], [("Everett".to_string(), "GPE".to_string()), ("Everett".to_string(), "GPE".to_string())]);
        let names = tidied("Everett spoke in Seattle.", listed, |_| vec![span(0, 0, 1, "PERSON")]);
        assert_eq!(names, [("Everett".to_string(), "PERSON".to_string())]);
        // A country's name is no Slavic surname (`China` ends as `Karina` does).
        let names = tidied("Air China flew.", listed, |_| vec![span(0, 0, 2, "ORG")]);
        assert_eq!(names, [("Air China".to_string(), "ORG".to_string())]);
    }

    #[test]
    fn a_chamber_before_a_title_is_an_organisation() {
        let names = tidied("House Speaker Paul Ryan met House Minority Whip Steve Scalise in the house. Chris Paul House spoke.", "Speaker\ttitle\n", |_| {
            vec![span(0, 2, 4, "PERSON"), span(0, 8, 10, "PERSON"), span(1, 0, 3, "PERSON")]
        });
        let org = |name: &str| (name.to_string(), "ORG".to_string());
        let person = |name: &str| (name.to_string(), "PERSON".to_string());
        assert_eq!(names, [org("House"), person("Paul Ryan"), org("House"), person("Steve Scalise"), person("Chris Paul House")]);
    }

    #[test]
    fn a_name_after_a_kind_of_organisation_is_one() {
        let got = tidied("He told German magazine Stern so. The manufacturer Ron Johnson ran.", "", |_| vec![span(0, 4, 5, "PERSON"), span(1, 2, 4, "PERSON")]);
        assert_eq!(got, [("Stern".to_string(), "ORG".to_string()), ("Ron Johnson".to_string(), "PERSON".to_string())]);
    }

    #[test]
    fn a_person_after_near_is_a_place() {
        let names = tidied("Fighting raged near Chasiv Yar, near Cruz's suite.", "", |_| vec![span(0, 3, 5, "PERSON"), span(0, 7, 8, "PERSON")]);
        assert_eq!(names, [("Chasiv Yar".to_string(), "GPE".to_string()), ("Cruz".to_string(), "PERSON".to_string())]);
    }

    #[test]
    fn a_name_after_a_title_is_a_person_unless_listed_or_common() {
        let names = tidied("President Milei and Chair Yellen met President Macron at the General Assembly.", "President\ttitle\nChair\ttitle\nGeneral\ttitle\n", |_| vec![]);
        let person = |name: &str| (name.to_string(), "PERSON".to_string());
        assert_eq!(names, [person("Milei"), person("Yellen"), person("Macron")]);
    }

    #[test]
    fn the_family_name_of_someone_named_in_full_is_that_person_not_a_town() {
        let names = tidied("John Bolton spoke in BOLTON. Bolton said no.", "Bolton\tcity,region\n", |_| {
            vec![span(0, 0, 2, "PERSON"), span(0, 4, 5, "GPE"), span(1, 0, 1, "GPE")]
        });
        let person = |name: &str| (name.to_string(), "PERSON".to_string());
        assert_eq!(names, [person("John Bolton"), ("BOLTON".to_string(), "GPE".to_string()), person("Bolton")]);
    }

    #[test]
    fn a_listed_organisation_and_another_name_are_two() {
        let names = tidied("Goldman Sachs and Jefferies advised. Procter and Gamble rose.", "Goldman Sachs\torg\nProcter and Gamble\torg\n", |_| {
            vec![span(0, 0, 4, "ORG"), span(1, 0, 3, "ORG")]
        });
        let org = |name: &str| (name.to_string(), "ORG".to_string());
        assert_eq!(names, [org("Goldman Sachs"), org("Jefferies"), org("Procter and Gamble")]);
    }

    #[test]
    fn a_listed_name_coordinated_with_a_tagged_one_is_of_its_kind() {
        let names = tidied("Meta and OpenAI signed; Apple and Pears did not.", "Meta\tgiven,org,region\nApple\torg\n", |_| {
            vec![span(0, 2, 3, "ORG"), span(0, 5, 6, "ORG")]
        });
        let org = |name: &str| (name.to_string(), "ORG".to_string());
        assert_eq!(names, [org("Meta"), org("OpenAI"), org("Apple")]);
    }

    #[test]
    fn a_name_where_people_work_is_an_organisation() {
        let names = tidied("Analysts at Jefferies agreed; officials at Kyiv and protesters at FDR Park did not, nor soldiers at Fort Hood.", "Kyiv\tcity\n", |_| {
            vec![span(0, 2, 3, "GPE"), span(0, 7, 8, "GPE"), span(0, 11, 13, "GPE"), span(0, 19, 21, "GPE")]
        });
        assert_eq!(names[0], ("Jefferies".to_string(), "ORG".to_string()));
        assert_eq!(names[1], ("Kyiv".to_string(), "GPE".to_string()));
        assert_eq!(names[2], ("FDR Park".to_string(), "GPE".to_string()));
        assert_eq!(names[3], ("Fort Hood".to_string(), "GPE".to_string()));
    }

    #[test]
    fn an_untagged_name_before_a_verb_of_speech_is_a_person() {
        let names = tidied("Macron said the talks went well. Officials said nothing, and Police told reporters so.", "", |_| vec![]);
        assert_eq!(names, [("Macron".to_string(), "PERSON".to_string())]);
    }

    #[test]
    fn names_split_at_a_linking_word_that_are_one_listed_name_join() {
        let names = tidied("This is the United States of America, he said.", "United States of America\tcountry\n", |_| vec![span(0, 3, 5, "GPE"), span(0, 6, 7, "GPE")]);
        assert_eq!(names, [("United States of America".to_string(), "GPE".to_string())]);
    }

    #[test]
    fn a_military_unit_is_an_organisation() {
        let names = tidied("The 93rd Mechanized Brigade and the 82nd Airborne Division met the Sixth Fleet and the 101st Airborne.", "", |_| vec![span(0, 8, 10, "MISC")]);
        let org = |name: &str| (name.to_string(), "ORG".to_string());
        assert_eq!(names, [org("93rd Mechanized Brigade"), org("82nd Airborne Division"), org("Sixth Fleet"), org("101st Airborne")]);
        assert!(tidied("The 21st Century Fox deal and the Second Amendment.", "", |_| vec![]).is_empty());
    }

    #[test]
    fn an_airline_ends_before_its_flight_number() {
        let names = tidied("Air France Flight 447 fell. Flight 447 was lost.", "", |_| vec![span(0, 0, 3, "ORG")]);
        assert_eq!(names, [("Air France".to_string(), "ORG".to_string())]);
    }

    #[test]
    fn a_named_storm_is_an_event() {
        let names = tidied("Tropical Storm Harvey hit Houston. After Hurricane Katrina, Katrina was a byword.", "", |_| {
            vec![span(0, 1, 3, "PERSON"), span(0, 4, 5, "GPE"), span(1, 2, 3, "PERSON"), span(1, 4, 5, "PERSON")]
        });
        let event = |name: &str| (name.to_string(), "EVENT".to_string());
        assert_eq!(names, [event("Tropical Storm Harvey"), ("Houston".to_string(), "GPE".to_string()), event("Hurricane Katrina"), event("Katrina")]);
    }

    #[test]
    fn a_hyphenated_identity_is_one_nationality() {
        let names = tidied("An Iranian-American pastor met Muslim-Americans.", "Iranian\tnationality\nMuslim\tgroup\n", |_| vec![span(0, 4, 5, "ORG")]);
        let norp = |name: &str| (name.to_string(), "NORP".to_string());
        assert_eq!(names, [norp("Iranian-American"), norp("Muslim-Americans")]);
    }

    #[test]
    fn an_ordinal_is_part_of_a_units_name() {
        let names = tidied("The 82nd Airborne Division and the 5th Fleet moved.", "", |_| vec![span(0, 2, 4, "ORG"), span(0, 7, 8, "ORG")]);
        let org = |name: &str| (name.to_string(), "ORG".to_string());
        assert_eq!(names, [org("82nd Airborne Division"), org("5th Fleet")]);
    }

    #[test]
    fn an_acronym_in_the_plural_is_no_name() {
        assert!(is_plural_acronym("PACs") && is_plural_acronym("CEOs"));
        assert!(!is_plural_acronym("NATO") && !is_plural_acronym("Us") && !is_plural_acronym("USs."));
    }
}
