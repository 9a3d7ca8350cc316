//! The words attribution is read from: reporting verbs in every form, the
//! nouns that head a description of a source, and the little words around
//! them.

use std::sync::LazyLock;

use crate::fxhash::{FxHashMap, FxHashSet};

/// Verbs that report speech or writing, and may introduce indirect speech
/// (`X said that ...`). Regular forms are derived; irregular ones are listed.
const SPEECH_VERBS: &[&str] = &[
    "say", "tell", "add", "note", "explain", "state", "declare", "announce", "insist", "argue", "claim", "warn",
    "write", "acknowledge", "admit", "concede", "confirm", "deny", "suggest", "predict", "promise", "pledge", "vow",
    "report", "reveal", "tweet", "contend", "maintain", "assert", "stress", "emphasize", "emphasise", "testify",
    "allege", "indicate", "disclose", "assure", "caution", "reiterate", "conclude", "complain", "charge", "recall",
    "inform", "remind", "observe", "reply", "respond", "answer", "counter", "retort", "agree", "concur", "hint",
    "signal", "speculate", "boast", "brag",
];

/// Verbs that attribute a quotation but do not introduce indirect speech.
const QUOTING_VERBS: &[&str] = &[
    "ask", "continue", "comment", "remark", "recount", "joke", "quip", "shout", "scream", "chant", "demand",
    "threaten", "lament", "relay", "muse", "call", "describe", "characterize", "characterise", "proclaim",
    "wonder", "urge", "plead", "beg", "implore", "slam", "blast", "criticize", "criticise", "praise", "hail",
    "mock", "grumble", "sigh", "laugh", "exclaim", "whisper", "murmur", "cry", "yell", "post", "accuse",
    "put", "recommend", "propose", "repeat", "order", "interject", "affirm", "reaffirm", "advise", "pronounce",
    "tout", "dismiss", "decry", "denounce", "condemn", "question", "echo", "summarize", "summarise", "reflect",
    "elaborate", "offer", "greet", "welcome", "believe", "think", "estimate", "worry", "fear", "hope", "laud",
    "scold", "frame", "contradict", "tease", "taunt", "sing", "rap", "pray", "vent", "rail", "fume", "gush", "marvel", "insult",
];

/// Irregular forms: form → lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"), ("says", "say"), ("saying", "say"), ("told", "tell"), ("wrote", "write"), ("written", "write"),
    ("writing", "write"), ("thought", "think"), ("put", "put"),
    ("putting", "put"), ("cried", "cry"), ("cries", "cry"), ("replied", "reply"), ("replies", "reply"),
    ("testified", "testify"), ("testifies", "testify"), ("worried", "worry"), ("worries", "worry"),
    ("summarized", "summarize"), ("tweeted", "tweet"), ("admitted", "admit"), ("admitting", "admit"),
    ("quipped", "quip"), ("quipping", "quip"), ("begged", "beg"), ("begging", "beg"), ("bragged", "brag"),
    ("bragging", "brag"), ("signaled", "signal"), ("signalled", "signal"), ("referring", "refer"),
];

/// Verbs that attribute a quotation only as participles: `later speaking of a “...”`
/// (but not `she could speak directly to “white people”`).
const PARTICIPLES: &[&str] = &["speaking"];

/// Nouns that head a description of a person who speaks.
const PERSON_NOUNS: &[&str] = &[
    "source", "official", "person", "aide", "insider", "observer", "witness", "resident", "protester", "voter",
    "supporter", "critic", "colleague", "friend", "ally", "companion", "underling", "associate", "employee",
    "worker", "staffer", "legislator", "investigator", "participant", "attendee", "organizer", "organiser",
    "student", "teacher", "doctor", "nurse", "farmer", "owner", "veteran", "survivor", "victim", "relative",
    "neighbor", "neighbour", "mother", "father", "son", "daughter", "wife", "husband", "man", "woman", "parent",
    "local", "citizen", "fan", "delegate", "envoy", "operative", "strategist", "pollster", "businessman",
    "businesswoman", "announcer", "narrator", "host", "moderator", "questioner", "reader", "viewer", "listener",
    "caller", "congressman", "congresswoman", "senator", "nominee", "candidate", "owner", "developer", "lawyer",
];

/// Nouns that head a description of an institution that speaks.
const INSTITUTION_NOUNS: &[&str] = &[
    "ministry", "department", "agency", "company", "government", "administration", "committee", "office", "campaign",
    "spokesperson", "statement", "report", "military", "army", "police", "court", "council", "commission", "party",
    "embassy", "kremlin", "firm", "group", "organization", "organisation", "bank", "board", "union", "newspaper",
    "outlet", "network", "study", "survey", "poll", "clip", "ad", "advertisement", "letter", "piece", "memo",
    "document", "book", "complaint", "lawsuit", "ruling", "filing", "brief", "website", "article", "editorial",
    "bylaws", "resolution", "transcript", "video",
];

/// Words that may come between a subject and its verb: auxiliaries,
/// negation-free adverbs.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "might", "may", "did", "does",
    "do", "later", "again", "then", "once", "earlier", "previously", "recently", "first", "further", "even",
    "still", "however", "too", "now", "just", "often", "always", "’d", "'d",
];

/// Determiners and quantifiers that open a description of a source.
pub const DETERMINERS: &[&str] = &[
    "a", "an", "the", "some", "several", "many", "few", "other", "another", "his", "her", "their", "its", "our",
    "this", "that", "these", "those", "all", "both", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "most", "numerous", "multiple", "various", "more", "dozens", "hundreds",
];

/// Words that may stand inside a description before its head noun.
pub const MODIFIERS: &[&str] = &[
    "former", "current", "senior", "top", "high-ranking", "high-level", "veteran", "longtime", "chief",
    "deputy", "foreign", "defense", "defence", "policy", "government", "administration", "campaign", "military",
    "intelligence", "security", "diplomatic", "congressional", "western", "local", "police", "state", "federal",
    "european", "american", "white", "house", "party", "press", "own", "close", "anonymous", "unnamed", "other",
    "outside", "independent", "political", "economic", "legal", "health", "public", "private", "regional",
    "international", "national", "u.s.", "us", "un", "eu", "nato", "trade", "energy", "finance", "interior",
    "justice", "industry", "business", "republican", "democratic", "conservative", "liberal", "young", "elderly",
    "dinner", "government-run", "ukrainian", "russian", "retired", "new",
];

/// Words that start a description's tail: `familiar with the talks`.
pub const POSTMODIFIER_OPENERS: &[&str] = &[
    "familiar", "close", "briefed", "involved", "knowledgeable", "with", "at", "in", "from", "for", "of", "under",
    "to", "on",
];

/// Words that open a clause chunk before its subject: `As X, a lawyer, put it`.
pub const CONJUNCTIONS: &[&str] = &[
    "and", "but", "while", "as", "when", "because", "after", "before", "since", "though", "although", "if", "so", "yet",
];

/// Personal pronouns that may be the subject of a reporting verb.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// Words before a quotation that make it a name or a scare quote, nobody's words.
pub const SCARE_MARKERS: &[&str] = &[
    "so-called", "dubbed", "termed", "nicknamed", "labeled", "labelled", "titled", "entitled", "headlined",
    "branded", "billed", "word", "words", "term", "phrase", "slogan", "hashtag", "motto", "song", "film", "movie",
    "book", "album", "show", "series", "novel", "poem", "play", "article", "column", "essay", "op-ed", "memo",
    "podcast", "documentary", "painting", "concept",
];

/// Words that open a clause: a quotation beginning with one of them is a
/// clause of someone's words (`direct`), not a fragment.
pub const CLAUSE_OPENERS: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "there", "this", "that", "these", "those", "the", "our", "my",
    "your", "his", "her", "their", "its", "if", "when", "what", "nobody", "no", "everyone", "everything", "nothing",
    "someone", "people",
];

/// What a reporting verb may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Reports speech and may introduce indirect speech.
    Speech,
    /// Attributes a quotation only.
    Quoting,
}

static CUES: LazyLock<FxHashMap<String, Cue>> = LazyLock::new(|| {
    let mut forms = FxHashMap::default();
    for (lemmas, cue) in [(QUOTING_VERBS, Cue::Quoting), (SPEECH_VERBS, Cue::Speech)] {
        for lemma in lemmas {
            for form in regular_forms(lemma) {
                forms.insert(form, cue);
            }
        }
    }
    for participle in PARTICIPLES {
        forms.insert(participle.to_string(), Cue::Quoting);
    }
    let lemma_cue: FxHashMap<String, Cue> = forms.clone();
    for (form, lemma) in IRREGULAR {
        if let Some(&cue) = lemma_cue.get(*lemma) {
            forms.insert(form.to_string(), cue);
        }
    }
    forms
});

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

static PERSON_HEADS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| PERSON_NOUNS.iter().chain(crate::resolve::ROLE_NOUNS).copied().collect());

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
    } else if INSTITUTION_NOUNS.contains(&singular.as_str()) {
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

/// Whether a word may stand between a subject and its reporting verb.
pub fn is_between_subject_and_verb(lower: &str) -> bool {
    // Not `never` or `not`: denied speech is not attribution.
    BETWEEN_SUBJECT_AND_VERB.contains(&lower) || (lower.len() > 4 && lower.ends_with("ly") && lower != "only")
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
