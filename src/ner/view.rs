//! The story's words as the tagger reads them.
//!
//! Two changes from the text layer's tokens, both decided with what the
//! whole article says:
//! - Hyphenated compounds that join names to other words split at the
//!   hyphens (`Russian-backed` → `Russian - backed`, `Starmer-Macron-Merz-Tusk`,
//!   `US-Russia`, `Mexico-U.S.`, a politician's affiliation `R-Ky.`), while
//!   hyphenated names stay whole (`Kendall-Taylor`, `non-Western`,
//!   `Cuban-American`).
//! - Title-case headlines and section headings are truecased: a capitalised word the
//!   article otherwise writes in lower case is read in lower case, so that
//!   `Inching Toward Peril` is not taken for a name.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use bumpalo::Bump;

use super::features::{lower_case_hash, normalise_word};
use crate::fxhash::FxHashSet;
use crate::lexicon::gazetteer::{Gazetteer, Kind, NAME_PARTICLES};
use crate::doc::{BlockSentence, Segmented};
use crate::lexicon::Words;

/// Prefixes that make one word with what follows (`non-Western`).
static BOUND_PREFIXES: Words = Words::new("bound_prefixes");

/// Heads of compound adjectives that join a name to a word (`Trump-era`).
static COMPOUND_HEADS: Words = Words::new("compound_heads");

/// Party initials of an affiliation tag (`R-Ky.`), which splits like a compound.
pub(super) static PARTY_INITIALS: Words = Words::new("party_initials");

/// Nationalities that close a hyphenated identity (`Cuban-American`).
pub(super) static IDENTITY_HEADS: Words = Words::new("identity_heads");

/// Words that join a hyphenated place's name (`Rostov-on-Don`).
static PLACE_NAME_LINKS: Words = Words::new("place_name_links");

/// One word of the view: a byte range of the text and the form the tagger
/// reads, borrowed from the text or, when normalised or truecased, from the
/// view's arena (40 bytes a word, which a long article holds by the million;
/// the pipeline takes texts of up to 4 GiB, so offsets fit in 32 bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'t> {
    start: u32,
    end: u32,
    /// Normalised as printed (quotes and dashes in ASCII).
    pub form: &'t str,
    /// The lower-cased form, when truecasing says the capital is only the heading's.
    pub truecased: Option<&'t str>,
}

impl<'t> Word<'t> {
    /// The word at bytes `start..end` of a text of at most 4 GiB (the
    /// pipeline refuses longer ones before tagging).
    fn new(start: usize, end: usize, form: &'t str) -> Word<'t> {
        let offset = |at: usize| u32::try_from(at).expect("a text over 4 GiB reached the tagger");
        Word { start: offset(start), end: offset(end), form, truecased: None }
    }

    /// Where the word starts in the text, in bytes.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the word ends in the text, in bytes.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The form the tagger reads.
    pub fn cased(&self) -> &'t str {
        self.truecased.unwrap_or(self.form)
    }
}

/// A word reads as the form the tagger reads ([`Word::cased`]).
impl AsRef<str> for Word<'_> {
    fn as_ref(&self) -> &str {
        self.cased()
    }
}

/// The sentences of a story, as words.
pub struct View<'t> {
    pub sentences: Vec<Vec<Word<'t>>>,
    /// Whether each sentence is a title-case heading.
    pub headings: Vec<bool>,
    /// For a sentence opening with a markdown bold label (`- **Territorial
    /// Disputes**: ...`), the byte where the label ends: names before it are
    /// treated as a heading's.
    pub bold_label_ends: Vec<Option<usize>>,
}

impl<'t> View<'t> {
    /// The view of sentences `window` of the segmented story, which the
    /// view's sentence 0 starts. `heading_blocks[b]`: block `b` is a
    /// headline or section heading. Forms that are not the text's own are
    /// allocated in `arena`.
    pub fn new(text: &'t str, segmented: &Segmented, window: Range<usize>, heading_blocks: &[bool], gazetteer: &Gazetteer, arena: &'t Bump) -> View<'t> {
        let window = &segmented.sentences[window];
        let standalone = DocumentWords { text, segmented, window, set: OnceCell::new() };
        let mut sentences: Vec<Vec<Word<'t>>> = window
            .iter()
            .map(|sentence| {
                let tokens = segmented.sentence_tokens(sentence);
                let mut words = Vec::with_capacity(tokens.len());
                for (i, token) in tokens.iter().enumerate() {
                    // Only split what normalisation left as printed (borrowed), so byte offsets hold.
                    let form = match normalise_word(token.text(text)) {
                        Cow::Borrowed(form) => {
                            split_compound(token.start(), form, &standalone, gazetteer, &mut words);
                            form
                        }
                        Cow::Owned(form) => arena.alloc_str(&form),
                    };
                    // `Dr Sarah Jones` is read as `Dr. Sarah Jones` (such titles have at most four letters).
                    let before_a_capital = || tokens.get(i + 1).is_some_and(|next| next.text(text).starts_with(char::is_uppercase));
                    let stopped = (form.len() <= 4).then(|| super::stopped_title(form)).flatten();
                    let form = stopped.filter(|_| before_a_capital()).unwrap_or(form);
                    let word = Word::new(token.start(), token.end(), form);
                    if words.last().is_none_or(|w: &Word| w.end != word.end) {
                        words.push(word);
                    }
                }
                words
            })
            .collect();
        // A heading block is judged whole (`What Are the Chances...? It’s Complicated.`).
        let mut block_words: Vec<Vec<&Word>> = vec![Vec::new(); heading_blocks.len()];
        for (s, words) in window.iter().zip(&sentences) {
            if let Some(bucket) = block_words.get_mut(s.block) {
                bucket.extend(words.iter());
            }
        }
        let title_blocks: Vec<bool> =
            block_words.iter().zip(heading_blocks).map(|(words, &heading)| heading && is_title_case(words)).collect();
        let headings: Vec<bool> =
            window.iter().map(|s| title_blocks.get(s.block).copied().unwrap_or(false)).collect();
        let bold_label_ends = sentences.iter().map(|words| bold_label_end(text, words)).collect();
        truecase_headings(&mut sentences, &headings, arena);
        View { sentences, headings, bold_label_ends }
    }
}

/// The words a document (the view's window of it) prints on their own, as
/// a set built on first use (few documents have a compound that needs it).
struct DocumentWords<'a, 't> {
    text: &'t str,
    segmented: &'a Segmented,
    window: &'a [BlockSentence],
    set: OnceCell<FxHashSet<Cow<'t, str>>>,
}

impl DocumentWords<'_, '_> {
    fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| {
                self.window.iter().flat_map(|s| self.segmented.sentence_tokens(s)).map(|t| normalise_word(t.text(self.text))).collect()
            })
            .contains(word)
    }
}

/// Pushes the parts of a compound that should split; pushes nothing otherwise.
fn split_compound<'t>(start: usize, form: &'t str, standalone: &DocumentWords, gazetteer: &Gazetteer, out: &mut Vec<Word<'t>>) {
    if !form.contains('-') || !form.chars().any(char::is_uppercase) || form.starts_with('-') || form.ends_with('-') {
        return;
    }
    let parts: Vec<&str> = form.split('-').collect();
    if parts.iter().any(|p| p.is_empty()) || BOUND_PREFIXES.contains(parts[0].to_lowercase().as_str()) {
        return;
    }
    let capitalised = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
    // A listed name, a place's name of linked parts (`Stoke-on-Trent`) or a
    // hyphenated identity (`Cuban-American`) stays whole.
    let linked = parts.len() >= 3 && capitalised(parts[0]) && capitalised(parts[parts.len() - 1]) && parts[1..parts.len() - 1].iter().all(|p| PLACE_NAME_LINKS.contains(p));
    let identity = parts.len() == 2 && capitalised(parts[0]) && IDENTITY_HEADS.contains(parts[1]);
    // An Arabic article with its name (`al-Assad`, `el-Sisi`).
    let particle = parts.len() == 2 && NAME_PARTICLES.contains(parts[0]) && capitalised(parts[1]);
    if linked || identity || particle || gazetteer.kinds(form).iter().next().is_some() {
        return;
    }
    // Countries and nationalities, not cities: `Kendall` and `Taylor` are US towns.
    // A final part's full stop is split off (`Mexico-U.S` + `.`).
    let place = |p: &str| gazetteer.kinds(p).iter().any(|k| matches!(k, Kind::Country | Kind::Nationality));
    let listed = |p: &str| place(p) || p.contains('.') && place(&format!("{p}."));
    let known = |p: &str| standalone.contains(p) || listed(p);
    // A given name of two syllables after a family name (`Kim Jong-un`),
    // its first part never printed alone.
    let after_a_name = out.last().is_some_and(|w| capitalised(w.form) && w.form.chars().all(char::is_alphabetic));
    if after_a_name && is_syllabic_given_name(form, gazetteer) && !known(parts[0]) {
        return;
    }
    let affiliation = parts.len() == 2 && PARTY_INITIALS.contains(parts[0]) && capitalised(parts[1]);
    let splits = affiliation
        || parts.iter().any(|p| !capitalised(p) && p.chars().all(char::is_alphabetic))
        || parts.len() >= 3 && parts.iter().all(|p| capitalised(p))
        || parts.iter().all(|p| capitalised(p) && known(p));
    if !splits {
        return;
    }
    let mut at = start;
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            out.push(Word::new(at, at + 1, "-"));
            at += 1;
        }
        out.push(Word::new(at, at + part.len(), part));
        at += part.len();
    }
}

/// Whether a hyphenated word is a given name of two syllables (`Jong-un`,
/// `Jae-in`, `Ki-moon`): short parts, the first capitalised and listed as
/// nothing, the second in lower case and no head of a compound adjective
/// (`York-based`, `II-era`, `Trump-led`).
pub(crate) fn is_syllabic_given_name(form: &str, gazetteer: &Gazetteer) -> bool {
    let Some((first, second)) = form.split_once('-') else { return false };
    let syllable = |p: &str| (2..=5).contains(&p.chars().count()) && p.chars().skip(1).all(char::is_lowercase);
    syllable(first)
        && syllable(second)
        && first.starts_with(char::is_uppercase)
        && second.starts_with(char::is_lowercase)
        && !COMPOUND_HEADS.contains(second)
        && gazetteer.kinds(first).iter().next().is_none()
}

/// A family name without the Arabic article it is printed with (`Assad`
/// of `al-Assad`).
pub(crate) fn without_name_particle(word: &str) -> &str {
    match word.split_once('-') {
        Some((particle, name)) if NAME_PARTICLES.contains(particle) && name.starts_with(char::is_uppercase) => name,
        _ => word,
    }
}

/// Lower-cases the capitals of title-case sentences where the rest of the
/// article writes the word in lower case and never capitalises it mid-sentence.
fn truecase_headings<'t>(sentences: &mut [Vec<Word<'t>>], headings: &[bool], arena: &'t Bump) {
    if !headings.contains(&true) {
        return;
    }
    // Words of the body by the hash of their lower case.
    let mut lower = FxHashSet::default();
    let mut capitalised = FxHashSet::default();
    for (sentence, _) in sentences.iter().zip(headings).filter(|(_, &h)| !h) {
        for (i, word) in sentence.iter().enumerate() {
            match word.form.chars().next() {
                Some(c) if c.is_lowercase() => {
                    lower.insert(lower_case_hash(word.form));
                }
                Some(c) if c.is_uppercase() && i > 0 => {
                    capitalised.insert(lower_case_hash(word.form));
                }
                _ => {}
            }
        }
    }
    for (sentence, _) in sentences.iter_mut().zip(headings).filter(|(_, &h)| h) {
        for word in sentence.iter_mut().filter(|w| w.form.chars().any(char::is_uppercase)) {
            let key = lower_case_hash(word.form);
            if lower.contains(&key) && !capitalised.contains(&key) {
                word.truecased = Some(arena.alloc_str(&word.form.to_lowercase()));
            }
        }
    }
}

/// At least two longer words, four in five of them capitalised.
fn is_title_case(words: &[&Word]) -> bool {
    let long: Vec<&&Word> = words.iter().filter(|w| w.form.chars().count() > 3 && w.form.chars().all(char::is_alphabetic)).collect();
    long.len() >= 2 && long.iter().filter(|w| w.form.chars().next().is_some_and(char::is_uppercase)).count() * 5 >= long.len() * 4
}

/// Where the markdown bold label opening a sentence ends, if it has one.
fn bold_label_end(text: &str, words: &[Word]) -> Option<usize> {
    let first = words.first()?;
    let rest = &text[first.start()..];
    let opened = rest.trim_start_matches(['-', ' ', '\t']);
    let label = opened.strip_prefix("**")?;
    let close = label.find("**")?;
    Some(first.start() + (rest.len() - opened.len()) + 2 + close)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn view(text: &str) -> View<'_> {
        let gazetteer = Gazetteer::from_tsv("Russia\tcountry\nUS\tcountry\n");
        let segmented = segment(text, [&(0..text.len())]);
        let window = 0..segmented.sentences.len();
        View::new(text, Box::leak(Box::new(segmented)), window, &[false], &gazetteer, Box::leak(Box::default()))
    }

    fn forms(v: &View) -> Vec<String> {
        v.sentences.iter().flatten().map(|w| w.form.to_string()).collect()
    }

    #[test]
    fn compounds_with_names_split_and_names_stay_whole() {
        let v = view("Russian-backed rebels, the US-Russia talks, the Starmer-Macron-Merz-Tusk line, Andrea Kendall-Taylor, non-Western states, Stoke-on-Trent, Cuban-American voters.");
        let f = forms(&v);
        for expected in ["Russian", "backed", "US", "Russia", "Starmer", "Tusk", "Kendall-Taylor", "non-Western", "Stoke-on-Trent", "Cuban-American"] {
            assert!(f.contains(&expected.to_string()), "{expected} in {f:?}");
        }
        let russian = v.sentences[0].iter().find(|w| w.form == "Russian").unwrap();
        assert_eq!((russian.start(), russian.end()), (0, 7));
        // An Arabic article and a given name of two syllables stay with their names; a word joined to a name does not.
        let f = forms(&view("Bashar al-Assad met Kim Jong-un and Ban Ki-moon at a New York-based group of the World War II-era."));
        for expected in ["al-Assad", "Jong-un", "Ki-moon", "York", "based", "II", "era"] {
            assert!(f.contains(&expected.to_string()), "{expected} in {f:?}");
        }
    }

    #[test]
    fn title_case_headings_are_truecased_from_the_article() {
        let text = "Inching Toward Peril For Kyiv\n\nThe peril of inching toward war grows, Kyiv says.";
        let gazetteer = Gazetteer::from_tsv("");
        let segmented = segment(text, [&(0..29), &(31..text.len())]);
        let arena = Bump::new();
        let v = View::new(text, &segmented, 0..segmented.sentences.len(), &[true, false], &gazetteer, &arena);
        let cased: Vec<&str> = v.sentences[0].iter().map(|w| w.cased()).collect();
        assert_eq!(cased, ["inching", "toward", "peril", "For", "Kyiv"]);
    }
}
