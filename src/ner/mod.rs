//! Named entities: a statistical tagger over the story's tokens.
//!
//! [`model`] is an averaged structured perceptron with BILOU tags; its
//! [`features`] include the shipped [gazetteer](crate::lexicon::gazetteer); [`train`] fits it on
//! [`conll`] data; [`refine`] turns its CoNLL classes into OntoNotes labels.
//! The model trained on CoNLL-2003 ships in `data/ner.model`, embedded in
//! the extension. Names the caller lists ([`UserEntities`]) take precedence
//! over the tagger.

pub mod clusters;
pub mod conll;
mod document;
pub mod features;
pub mod model;
pub mod refine;
pub mod spelling;
pub mod train;
mod view;

pub(crate) use view::{is_syllabic_given_name, without_name_particle};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::calendar::is_day_or_month_name;
use crate::fxhash::{FxHashMap, FxHashSet};
use std::sync::{Arc, LazyLock, Mutex};

use std::ops::Range;

use bumpalo::Bump;

use crate::doc::{BlockKind, Doc, Label, Mention, Segmented};
use crate::text::{tokenize, Ranges};
use crate::lexicon::Words;
use document::NameSpan;
use features::normalise_word;
use crate::lexicon::gazetteer::GAZETTEER;
use model::Model;
use view::{View, Word};

const SHIPPED_MODEL: &[u8] = include_bytes!("../../data/ner.model");

/// The model trained on CoNLL-2003, loaded on first use.
pub static DEFAULT_MODEL: LazyLock<Arc<Model>> =
    LazyLock::new(|| Arc::new(Model::from_bytes(SHIPPED_MODEL).expect("the shipped data/ner.model is valid")));

static LOADED: LazyLock<Mutex<HashMap<PathBuf, Arc<Model>>>> = LazyLock::new(Default::default);

/// A model file, loaded once per path.
pub fn load_model(path: &Path) -> Result<Arc<Model>, String> {
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(model) = loaded.get(path) {
        return Ok(model.clone());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read model {}: {e}", path.display()))?;
    let model = Arc::new(Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?);
    loaded.insert(path.to_path_buf(), model.clone());
    Ok(model)
}

/// A name found in the story: bytes `start..end` of the text, in sentence
/// `sentence` of the segmented story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// Names the caller fixes, like spaCy's EntityRuler: phrase → label.
#[derive(Clone, Debug, Default)]
pub struct UserEntities {
    /// Normalised words of each phrase → label.
    phrases: FxHashMap<Vec<String>, String>,
    longest: usize,
}

impl UserEntities {
    /// The caller's phrases and labels; an error names a label that is no
    /// label ([`Label::from_caller`]).
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<UserEntities, String> {
        let mut entities = UserEntities::default();
        for (phrase, label) in pairs {
            Label::from_caller(label).map_err(|problem| format!("entities[{phrase:?}]: {problem}"))?;
            let words: Vec<String> = tokenize(phrase).iter().map(|t| normalise_word(t.text(phrase)).into_owned()).collect();
            if words.is_empty() {
                continue;
            }
            entities.longest = entities.longest.max(words.len());
            entities.phrases.insert(words, label.to_string());
        }
        Ok(entities)
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Longest matches, left to right, without overlaps: `(start, end, label)`.
    fn find(&self, words: &[Word]) -> Vec<(usize, usize, String)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hit = (1..=self.longest.min(words.len() - i)).rev().find_map(|len| {
                let key: Vec<String> = words[i..i + len].iter().map(|w| w.form.to_string()).collect();
                self.phrases.get(&key).map(|label| (i, i + len, label.clone()))
            });
            match hit {
                Some((start, end, label)) => {
                    i = end;
                    found.push((start, end, label));
                }
                None => i += 1,
            }
        }
        found
    }
}

/// The entity stage: the story's names into the [`Doc`]'s mentions, with
/// OntoNotes labels. Names are neither bylines nor dates and numbers: a
/// name over one of those is dropped, except that a number or an ordinal
/// within a name is the name's (`Boeing 787`, `Channel 4`, `Group of
/// Seven`, `82nd Airborne Division`, `Second Amendment`), and so is a
/// time within a longer name (`Arab Spring`, `Good Friday Agreement`,
/// `Philadelphia 2016 Host Committee`): they leave the numbers and the dates.
pub fn annotate(doc: &mut Doc, model: &Model, user: &UserEntities) {
    let blocks: Vec<BlockKind> = doc.structure.story.iter().map(|b| b.kind).collect();
    let found = recognise(&doc.text, &doc.segmented, &blocks, model, user);
    let numbered_names = Ranges::new(found.iter().filter(|f| !is_counted(&doc.text[f.start..f.end])).map(|f| (f.start, f.end)));
    doc.quantities.retain(|q| !matches!(q.label, "CARDINAL" | "ORDINAL") || !numbered_names.hold(q.start, q.end));
    // A date that ends a name stays a date (the tagger ran on over `Supreme
    // Court Tuesday`, `Fox News Jan. 5`), unless it is a season or the like
    // (`Arab Spring`, `USA Today`).
    let names = Ranges::new(found.iter().map(|f| (f.start, f.end)));
    let name_ends: FxHashSet<usize> = found.iter().map(|f| f.end).collect();
    let within_longer_name = |start: usize, end: usize| start > 0 && names.hold(start - 1, end) || names.hold(start, end + 1);
    let text = &doc.text;
    doc.times.retain(|t| {
        let words = &text[t.start..t.end];
        let dated = words.contains(|c: char| c.is_ascii_digit()) || words.split_whitespace().last().is_some_and(is_day_or_month_name);
        name_ends.contains(&t.end) && dated || !within_longer_name(t.start, t.end)
    });
    let not_names = Ranges::new(
        doc.structure.bylines.iter().cloned().chain(doc.times.iter().map(|t| t.start..t.end)).chain(doc.quantities.iter().map(|q| q.start..q.end)).map(|r| (r.start, r.end)),
    );
    let segmented = &doc.segmented;
    doc.mentions = found
        .into_iter()
        .filter(|f| !not_names.overlap(f.start, f.end))
        .map(|f| {
            // The whole tokens of the name: none for a part of a compound (`Russian` of `Russian-backed`).
            let sentence = segmented.sentences[f.sentence];
            let tokens = &segmented.tokens[sentence.first_token..sentence.end_token];
            let first = sentence.first_token + tokens.partition_point(|t| t.start() < f.start);
            let end = (sentence.first_token + tokens.partition_point(|t| t.end() <= f.end)).max(first);
            // A wire dateline's first words are a place (`DALLAS (AP) —`), whatever the tagger read.
            let label = if doc.structure.dateline_place == Some(f.start..f.end) { Label::Gpe } else { Label::from(f.label.as_str()) };
            Mention { sentence: f.sentence, tokens: first..end, start: f.start, end: f.end, label, entity: 0 }
        })
        .collect();
}

static HONORIFICS: Words = Words::new("honorifics");
/// Abbreviations with their kinds; a title's (`Dr.`) is no part of a person's name.
static ABBREVIATIONS: Words = Words::new("abbreviations");

static UNSTOPPED_TITLES: Words = Words::new("unstopped_titles");

/// An honorific or an abbreviated title (`Mr.`, `Dr.`, `Sen.`; `Mr`, `Dr`
/// as British style prints them): never a name.
pub fn is_honorific_or_title(word: &str) -> bool {
    let word = stopped_title(word).unwrap_or(word);
    HONORIFICS.contains(word) || word.strip_suffix('.').is_some_and(|bare| ABBREVIATIONS.value(bare) == Some("title"))
}

/// The stopped form of an honorific or title printed without its full stop
/// (`Dr` → `Dr.`), which the lists hold.
pub fn stopped_title(word: &str) -> Option<&'static str> {
    UNSTOPPED_TITLES.value(word)
}

static COUNTERS: Words = Words::new("counters");

/// A counter and its number (`No. 1`, `Round 2`, `Day 1`): a number, no name.
fn is_counted(name: &str) -> bool {
    let mut words = name.split_whitespace();
    matches!((words.next(), words.next(), words.next()), (Some(counter), Some(_), None) if COUNTERS.contains(counter))
}

/// The most tokens the tagger reads as one document. A news article has a
/// few thousand; a longer text (a report, a whole site saved as one file) is
/// read in windows of whole sentences of up to this many tokens, each with
/// its own document rules, so that the tagger's memory stays bounded
/// whatever the text's length.
const WINDOW_TOKENS: usize = 200_000;

/// Finds the names in the story's sentences, with OntoNotes labels.
/// `blocks[b]` is the kind of story block `b`. Paragraphs are tagged before
/// headlines, deks, captions and headings, so that what the tagger learns of
/// a word in the body (its prediction history) informs the titles, not the
/// other way round.
pub fn recognise(text: &str, segmented: &Segmented, blocks: &[BlockKind], model: &Model, user: &UserEntities) -> Vec<Found> {
    recognise_in_windows(text, segmented, blocks, model, user, WINDOW_TOKENS)
}

fn recognise_in_windows(text: &str, segmented: &Segmented, blocks: &[BlockKind], model: &Model, user: &UserEntities, most_tokens: usize) -> Vec<Found> {
    let headings: Vec<bool> = blocks.iter().map(|k| matches!(k, BlockKind::Headline | BlockKind::Section)).collect();
    let mut found = Vec::new();
    for window in windows(segmented, most_tokens) {
        let first = window.start;
        let arena = Bump::new();
        let view = View::new(text, segmented, window, &headings, &GAZETTEER, &arena);
        let is_body = |k: &usize| blocks.get(segmented.sentences[first + *k].block) == Some(&BlockKind::Paragraph);
        let (body, titles): (Vec<usize>, Vec<usize>) = (0..view.sentences.len()).partition(is_body);
        let tagged = model.tag_words(&view.sentences, &GAZETTEER, body.into_iter().chain(titles));
        let mut spans = Vec::new();
        for (k, (words, tagged)) in view.sentences.iter().zip(tagged).enumerate() {
            let fixed = if user.is_empty() { Vec::new() } else { user.find(words) };
            for span in tagged {
                if fixed.iter().any(|&(start, end, _)| span.start < end && start < span.end) {
                    continue;
                }
                let forms: Vec<String> = words[span.start..span.end].iter().map(|w| w.form.to_string()).collect();
                let label = refine::refine(&span.label, &forms, &GAZETTEER);
                spans.push(NameSpan { sentence: k, start: span.start, end: span.end, label, fixed: false });
            }
            for (start, end, label) in fixed {
                spans.push(NameSpan { sentence: k, start, end, label, fixed: true });
            }
        }
        found.extend(document::tidy(&view, spans, &GAZETTEER).into_iter().map(|s| {
            let words = &view.sentences[s.sentence];
            Found { sentence: first + s.sentence, start: words[s.start].start(), end: words[s.end - 1].end(), label: s.label }
        }));
    }
    found
}

/// The story's sentences in consecutive windows of at most `most_tokens`
/// tokens (or one sentence, when a sentence is longer); one window for a
/// story of no sentences.
fn windows(segmented: &Segmented, most_tokens: usize) -> Vec<Range<usize>> {
    let sentences = &segmented.sentences;
    let mut windows = Vec::new();
    let mut first = 0;
    for (k, sentence) in sentences.iter().enumerate() {
        if k > first && sentence.end_token - sentences[first].first_token > most_tokens {
            windows.push(first..k);
            first = k;
        }
    }
    windows.push(first..sentences.len());
    windows
}

/// Tags CoNLL documents token by token, keeping their tokenisation, and
/// returns each sentence's spans with the CoNLL class of the refined label
/// (so that `Russia` acting as a government scores as LOC, as CoNLL marks it).
pub fn tag_conll(documents: &[conll::Document], model: &Model) -> Vec<Vec<conll::TagSpan>> {
    let mut out = Vec::new();
    for doc in documents {
        let words: Vec<Vec<String>> = doc.iter().map(|s| s.words.iter().map(|w| normalise_word(w).into_owned()).collect()).collect();
        let tagged = model.tag_words(&words, &GAZETTEER, 0..words.len());
        for (words, spans) in words.iter().zip(tagged) {
            let refined = spans.into_iter().map(|span| {
                let label = refine::refine(&span.label, &words[span.start..span.end], &GAZETTEER);
                conll::TagSpan { label: refine::coarse(&label).to_string(), ..span }
            });
            out.push(refined.collect());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn names(text: &str, user: &UserEntities) -> Vec<(String, String)> {
        let segmented = segment(text, [&(0..text.len())]);
        recognise(text, &segmented, &[BlockKind::Paragraph], &DEFAULT_MODEL, user).iter().map(|f| (text[f.start..f.end].to_string(), f.label.clone())).collect()
    }

    #[test]
    fn the_shipped_model_finds_people_and_places() {
        let found = names("Russian President Vladimir Putin met Ukrainian officials in Kyiv on Monday.", &UserEntities::default());
        assert!(found.contains(&("Vladimir Putin".into(), "PERSON".into())));
        assert!(found.contains(&("Kyiv".into(), "GPE".into())));
        assert!(found.contains(&("Ukrainian".into(), "NORP".into())));
    }

    #[test]
    fn a_long_story_is_tagged_in_windows_of_whole_sentences() {
        let text = "Vladimir Putin met Emmanuel Macron in Paris. ".repeat(30);
        let segmented = segment(&text, [&(0..text.len())]);
        let windows = windows(&segmented, 25);
        assert_eq!(windows.len(), 10, "{windows:?}");
        assert!(windows.iter().all(|w| w.len() == 3) && windows.windows(2).all(|p| p[0].end == p[1].start));
        let whole = recognise_in_windows(&text, &segmented, &[BlockKind::Paragraph], &DEFAULT_MODEL, &UserEntities::default(), usize::MAX);
        let windowed = recognise_in_windows(&text, &segmented, &[BlockKind::Paragraph], &DEFAULT_MODEL, &UserEntities::default(), 25);
        assert_eq!(whole.len(), 90);
        assert_eq!(windowed, whole);
        // A sentence longer than a window is a window of its own.
        assert_eq!(super::windows(&segmented, 5).len(), 30);
    }

    #[test]
    fn cached_word_scores_tag_as_the_full_features_do() {
        let sentences: Vec<Vec<&str>> = ["Russian President Vladimir Putin met Ukrainian officials in Kyiv .", "Putin said the talks in KYIV went well ."]
            .iter()
            .map(|s| s.split(' ').collect())
            .collect();
        let full = features::document_features(&sentences, &GAZETTEER, DEFAULT_MODEL.bits);
        let expected = DEFAULT_MODEL.tag_document_in_order(&full, [1, 0]);
        assert!(expected.iter().flatten().count() >= 5);
        for _ in 0..2 {
            // The second pass finds every word in the thread's cache.
            assert_eq!(DEFAULT_MODEL.tag_words(&sentences, &GAZETTEER, [1, 0]), expected);
        }
    }

    #[test]
    fn document_step_settles_cities_and_surnames() {
        // In prose a listed city is the place, whatever the tagger's clubs say.
        let found = names("Russian missiles struck Kyiv on Monday. Kyiv said it would respond to the attack.", &UserEntities::default());
        assert!(found.iter().filter(|(name, _)| name == "Kyiv").all(|(_, label)| label == "GPE"), "{found:?}");
        // Also a city that is someone's given name.
        let found = names("The Republican convention met in Cleveland. Delegates arrived in Cleveland on Monday.", &UserEntities::default());
        assert!(found.iter().filter(|(name, _)| name == "Cleveland").all(|(_, label)| label == "GPE"), "{found:?}");
        // A listed place that is a word of a person's full name is that person.
        let found = names("Mao Zedong led China for decades. Later, Mao was criticised by the party, and Mao's portrait stayed.", &UserEntities::default());
        assert!(found.contains(&("Mao".into(), "PERSON".into())), "{found:?}");
        // A maker and a model designation make a product.
        let found = names("Ryanair said it had ordered Boeing 737-800s, not Air France Flight 447.", &UserEntities::default());
        assert!(found.contains(&("Boeing 737-800s".into(), "PRODUCT".into())), "{found:?}");
        assert!(!found.contains(&("Air France Flight 447".into(), "PRODUCT".into())), "{found:?}");
    }

    #[test]
    fn a_name_given_in_full_is_found_again_in_its_short_form() {
        let found = names("Steve Jobs founded the firm. Tim Cook will be succeeding Jobs as chief. Jobs resigned in a letter.", &UserEntities::default());
        assert_eq!(found.iter().filter(|(name, label)| name == "Jobs" && label == "PERSON").count(), 2, "{found:?}");
        let found = names("Carrier Corp. will move 1,400 jobs. Carrier and Ford need to know that.", &UserEntities::default());
        assert!(found.contains(&("Carrier".into(), "ORG".into())), "{found:?}");
        // A short form must be printed as it was: `UN` is no `Un`.
        let found = names("Kim Jong Un spoke. The UN said nothing.", &UserEntities::default());
        assert!(!found.iter().any(|(name, label)| name == "UN" && label == "PERSON"), "{found:?}");
    }

    #[test]
    fn titles_and_group_words_are_no_part_of_a_persons_name() {
        let found = names("Democrat Hillary Clinton said on Monday that Sen. Rand Paul was wrong.", &UserEntities::default());
        assert!(found.contains(&("Democrat".into(), "NORP".into())), "{found:?}");
        assert!(found.contains(&("Hillary Clinton".into(), "PERSON".into())), "{found:?}");
        assert!(found.contains(&("Rand Paul".into(), "PERSON".into())), "{found:?}");
        // A body or place qualifying the title goes with it.
        let found = names("The plan is over, said retired Army Lt. Gen. Mick Bednarek.", &UserEntities::default());
        assert!(found.contains(&("Mick Bednarek".into(), "PERSON".into())), "{found:?}");
        assert!(!found.iter().any(|(name, label)| name.starts_with("Army") && label == "PERSON"), "{found:?}");
        // A title that is also a given name is a title before a family name.
        let found = names("Chancellor Merz met Marshal Zhukov in Berlin.", &UserEntities::default());
        assert!(found.contains(&("Merz".into(), "PERSON".into())) && found.contains(&("Zhukov".into(), "PERSON".into())), "{found:?}");
    }

    #[test]
    fn an_auxiliary_opening_a_question_is_no_part_of_a_name() {
        let found = names("Tom Reed will vote for Marco Rubio. Does Rubio, like Reed, oppose the plan? Has Rubio changed his mind?", &UserEntities::default());
        assert_eq!(found.iter().filter(|(name, _)| name == "Rubio").count(), 2, "{found:?}");
    }

    #[test]
    fn a_titled_person_named_like_a_town_stays_a_person() {
        // Obama is also a town in Japan.
        let found = names("President Obama is rolling out a new campaign message. Obama spoke in Ohio on Monday.", &UserEntities::default());
        assert!(found.iter().filter(|(name, _)| name == "Obama").all(|(_, label)| label == "PERSON"), "{found:?}");
    }

    #[test]
    fn the_name_after_an_honorific_is_a_person() {
        let found = names("Tom Ridge spoke first. Mr. Ridge said: Bombast does not cut it. Then Mr. Edd said he was not certain.", &UserEntities::default());
        for name in ["Mr. Ridge", "Mr. Edd"] {
            assert!(found.contains(&(name.into(), "PERSON".into())), "{name} in {found:?}");
        }
        let found = names("Mr. President, they gave you $5 million.", &UserEntities::default());
        assert!(found.iter().all(|(name, _)| !name.contains("President")), "{found:?}");
    }

    #[test]
    fn user_entities_take_precedence() {
        let user = UserEntities::new([("Wagner Group", "ORG"), ("hypersonic missiles", "PRODUCT")]).unwrap();
        let found = names("The Wagner Group fired hypersonic missiles.", &user);
        assert!(found.contains(&("Wagner Group".into(), "ORG".into())));
        assert!(found.contains(&("hypersonic missiles".into(), "PRODUCT".into())));
    }
}
