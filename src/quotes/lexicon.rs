//! The words attribution is read from: reporting verbs in every form, the
//! nouns that head a description of a source, and the little words around
//! them.

use std::sync::LazyLock;

use crate::fxhash::{FxHashMap, FxHashSet};
use crate::lexicon::Words;

/// Verbs that report speech or writing, and may introduce indirect speech
/// (`X said that ...`). Regular forms are derived; irregular ones are listed.
static SPEECH_VERBS: Words = Words::new("speech_verbs");

/// Verbs that attribute a quotation but do not introduce indirect speech.
static QUOTING_VERBS: Words = Words::new("quoting_verbs");

/// Irregular forms: form → lemma.
static IRREGULAR: Words = Words::new("irregular_verb_forms");

/// Forms of reporting verbs whose object is the one addressed: `told reporters`.
static ADDRESSED: Words = Words::new("addressed_verb_forms");

/// Verbs that report speech only with their particle: lemma → particle.
static PHRASAL_CUES: Words = Words::new("phrasal_cues");

/// Forms of verbs whose object may be the one asked: `asked the candidate`.
static QUESTIONING: Words = Words::new("questioning_verb_forms");

/// Verbs that attribute a quotation only as participles: `later speaking of a “...”`
/// (but not `she could speak directly to “white people”`).
static PARTICIPLES: Words = Words::new("quoting_participles");

/// Nouns that head a description of a person who speaks.
static PERSON_NOUNS: Words = Words::new("person_nouns");

/// Nouns that head a description of an institution that speaks.
static INSTITUTION_NOUNS: Words = Words::new("institution_nouns");

/// Auxiliaries (`has`, `would`): between a subject and its verb, or the
/// finite verb that makes a phrase a clause.
pub static AUXILIARIES: Words = Words::new("auxiliaries");

/// Adverbs, none a negation, that may come between a subject and its verb.
pub static BETWEEN_SUBJECT_AND_VERB: Words = Words::new("between_subject_and_verb");

/// Determiners and quantifiers that open a description of a source.
pub static DETERMINERS: Words = Words::new("source_determiners");

/// Words that may stand inside a description before its head noun.
pub static MODIFIERS: Words = Words::new("source_modifiers");

/// Words that start a description's tail: `familiar with the talks`.
pub static POSTMODIFIER_OPENERS: Words = Words::new("postmodifier_openers");

/// The sex a given name tells (`Hillary` → `F`), from the SSA's baby names.
pub static GIVEN_NAME_SEX: Words = Words::new("given_name_sex");

/// Nouns of something said (`statement`, `accusation`, `post`): their
/// owner speaks the quotation they introduce.
pub static SPEECH_NOUNS: Words = Words::new("speech_nouns");

/// Forms of verbs of speech that are more often nouns (`states`): cues
/// only before `that` or a colon, or after a determiner and a noun.
pub static NOUN_LIKE_CUES: Words = Words::new("noun_like_cues");

/// Forms of verbs of speech with another sense that takes an object (`charged
/// Corey Lewandowski`): cues only when no word but `that` follows them.
pub static OBJECT_SENSE_CUES: Words = Words::new("object_sense_cues");

/// Forms of verbs of speech that may end a sentence after times and
/// adverbials (`Holloway said on Tuesday in Paris.`).
pub static CLOSING_CUES: Words = Words::new("closing_cues");

/// Words that open an adverbial after a closing cue (`said in a statement`).
pub static ADVERBIAL_OPENERS: Words = Words::new("adverbial_openers");

/// Words that open a clause chunk before its subject: `As X, a lawyer, put it`.
pub static CONJUNCTIONS: Words = Words::new("clause_conjunctions");

/// Personal pronouns that may be the subject of a reporting verb.
pub static SUBJECT_PRONOUNS: Words = Words::new("subject_pronouns");
/// Personal pronouns as the one told (`, the president told her.`).
pub static OBJECT_PRONOUNS: Words = Words::new("object_pronouns");

/// Words before a quotation that make it a name or a scare quote, nobody's words.
pub static SCARE_MARKERS: Words = Words::new("scare_markers");

/// Nouns for pieces of language (`word`, `phrase`, `slogan`): a quotation
/// after one is a term unless a verb of speech governs the noun.
pub static TERM_NOUNS: Words = Words::new("term_nouns");

/// Nouns of works: a capitalised quotation after one is a title.
pub static WORK_NOUNS: Words = Words::new("work_nouns");

/// Words that open a clause: a quotation beginning with one of them is a
/// clause of someone's words (`direct`), not a fragment.
pub static CLAUSE_OPENERS: Words = Words::new("clause_openers");

/// Quantifiers, which may open a reported clause's subject: `said some
/// voters were angry`.
pub static QUANTIFIERS: Words = Words::new("quantifiers");

static IRREGULAR_PAST: Words = Words::new("irregular_past_forms");
static MODAL_VERBS: Words = Words::new("modal_verbs");
/// Words that open an approximate amount (`about`, `nearly`).
pub static APPROXIMATORS: Words = Words::new("approximators");

/// Whether a lower-cased word is a finite verb that can follow a bare
/// subject: an auxiliary or a modal (`can`), an irregular past form (`rose`,
/// `agreed`) or a regular one (`increased`, `stopped`; not `hundred`, `need`).
pub fn is_finite_verb(lower: &str) -> bool {
    let regular_past = lower.len() >= 4 && lower.ends_with("ed") && !lower.ends_with("dred") && !lower.ends_with("eed");
    AUXILIARIES.contains(lower) || MODAL_VERBS.contains(lower) || IRREGULAR_PAST.contains(lower) || regular_past
}

/// Words before `to` and a verb of speech that leave the speaker the
/// sentence's subject: `went on to say`, `was quick to add`.
pub static INFINITIVE_CARRIERS: Words = Words::new("infinitive_carriers");

/// Verbs whose object speaks the infinitive of speech after it:
/// `leading advisers to counter that ...`.
pub static OBJECT_CONTROL_VERBS: Words = Words::new("object_control_verbs");

/// What a reporting verb may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Reports speech and may introduce indirect speech.
    Speech,
    /// Attributes a quotation only.
    Quoting,
}

static CUES: LazyLock<FxHashMap<String, Cue>> = LazyLock::new(|| {
    let mut lemmas = Vec::new();
    for (list, cue) in [(&QUOTING_VERBS, Cue::Quoting), (&SPEECH_VERBS, Cue::Speech)] {
        lemmas.extend(list.words().map(|lemma| (lemma, cue)));
    }
    let mut forms = inflected(lemmas);
    for participle in PARTICIPLES.words() {
        forms.insert(participle.to_string(), Cue::Quoting);
    }
    forms
});

/// Each form of the phrasal cues' verbs, with its particle: `shot` → `back`.
static PHRASAL_CUE_FORMS: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| inflected(PHRASAL_CUES.entries().iter().map(|e| (e.word, e.value))));

/// Every form of each lemma, regular and listed irregular, with its lemma's value.
fn inflected<T: Copy>(lemmas: impl IntoIterator<Item = (&'static str, T)>) -> FxHashMap<String, T> {
    let mut forms = FxHashMap::default();
    let mut of_lemma = FxHashMap::default();
    for (lemma, value) in lemmas {
        of_lemma.insert(lemma, value);
        for form in regular_forms(lemma) {
            forms.insert(form, value);
        }
    }
    for irregular in IRREGULAR.entries() {
        if let Some(&value) = of_lemma.get(irregular.value) {
            forms.insert(irregular.word.to_string(), value);
        }
    }
    forms
}

/// The base form, third person, past and present participle of a regular verb.
fn regular_forms(lemma: &str) -> Vec<String> {
    let stem_e = lemma.strip_suffix('e');
    let third = if lemma.ends_with('s') || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('x') {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let past = match (stem_e, lemma.strip_suffix('y')) {
        (Some(_), _) => format!("{lemma}d"),
        (_, Some(stem)) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ied"),
        _ => format!("{lemma}ed"),
    };
    let participle = match stem_e {
        Some(stem) if !lemma.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{lemma}ing"),
    };
    vec![lemma.to_string(), third, past, participle]
}

/// The cue a lower-cased word is, if any.
pub fn cue(lower: &str) -> Option<Cue> {
    CUES.get(lower).copied()
}

/// Whether a lower-cased word is a form of `say` or `tell`, which take a
/// clause rather than an object.
pub fn is_say_or_tell(lower: &str) -> bool {
    let lemma = IRREGULAR.value(lower).or_else(|| lower.strip_suffix('s')).unwrap_or(lower);
    matches!(lemma, "say" | "tell")
}

/// Whether a lower-cased noun names a person, singular or plural
/// (`analysts`, `spokeswoman`).
pub fn names_a_person(lower: &str) -> bool {
    head(lower).is_some_and(|(_, kind)| kind == Head::Person)
}

/// Whether a lower-cased word is an inflected verb of speech (`said`,
/// `tells`, `noted`), as after a speaker's name.
pub fn reports_speech(lower: &str) -> bool {
    cue(lower) == Some(Cue::Speech) && !is_base_form(lower)
}

/// Whether a lower-cased word is the base form of a verb of speech (`read`,
/// `say`): opening a sentence, an imperative (`Read the statement below:`).
pub fn is_base_form(lower: &str) -> bool {
    SPEECH_VERBS.contains(lower) || QUOTING_VERBS.contains(lower)
}

/// The particle that makes a lower-cased verb form a cue: `back` of `shot back`.
pub fn cue_particle(lower: &str) -> Option<&'static str> {
    PHRASAL_CUE_FORMS.get(lower).copied()
}

static PERSON_HEADS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| PERSON_NOUNS.words().chain(crate::resolve::ROLE_NOUNS.words()).collect());

/// What a noun heading a description names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    Person,
    Institution,
}

/// The singular of a lower-cased head noun and what it names, if it heads descriptions of sources.
pub fn head(lower: &str) -> Option<(String, Head)> {
    let singular = singular(lower);
    if PERSON_HEADS.contains(singular.as_str()) || lower == "people" {
        Some((singular, Head::Person))
    } else if INSTITUTION_NOUNS.contains(singular.as_str()) {
        Some((singular, Head::Institution))
    } else {
        None
    }
}

/// `officials` → `official`, `people` → `person`, `women` → `woman`.
pub fn singular(lower: &str) -> String {
    match lower {
        "people" => "person".to_string(),
        "men" => "man".to_string(),
        "women" => "woman".to_string(),
        _ => match lower.strip_suffix("ies") {
            Some(stem) if lower.len() > 4 => format!("{stem}y"),
            _ => match lower.strip_suffix('s') {
                Some(stem) if !lower.ends_with("ss") && stem.len() > 2 => stem.to_string(),
                _ => lower.to_string(),
            },
        },
    }
}

/// Whether a lower-cased verb form's object is the one addressed, not the speaker: `told reporters`.
pub fn is_addressed(lower: &str) -> bool {
    ADDRESSED.contains(lower)
}

/// Whether a lower-cased verb form may have the one addressed or asked as
/// its object before any reported clause: `told reporters that`, `asked the candidate`.
pub fn may_have_an_addressee(lower: &str) -> bool {
    ADDRESSED.contains(lower) || QUESTIONING.contains(lower)
}

/// Whether a word may stand between a subject and its reporting verb.
pub fn is_between_subject_and_verb(lower: &str) -> bool {
    // Not `never` or `not`: denied speech is not attribution.
    AUXILIARIES.contains(lower) || BETWEEN_SUBJECT_AND_VERB.contains(lower) || (lower.len() > 4 && lower.ends_with("ly") && lower != "only")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_and_heads() {
        for word in ["said", "says", "added", "adding", "noted", "argued", "tweeted", "replied", "told", "insisting", "writes", "charged"] {
            assert!(cue(word).is_some(), "{word}");
        }
        assert_eq!(cue("called"), Some(Cue::Quoting));
        assert_eq!(cue("table"), None);
        assert_eq!(head("officials"), Some(("official".to_string(), Head::Person)));
        assert_eq!(head("spokesman"), Some(("spokesman".to_string(), Head::Person)));
        assert_eq!(head("ministry").map(|h| h.1), Some(Head::Institution));
        assert_eq!(head("business"), None);
    }
}
