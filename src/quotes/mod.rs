//! Who said what: quotations in the story's paragraphs, their kind and
//! their speakers, and indirect speech from reporting verbs.
//!
//! - [`marks`] finds the quoted passages (curly and straight marks, nesting,
//!   quotes running over paragraphs, unbalanced marks).
//! - Each passage is `direct` (a sentence or clause of someone's words) or
//!   `partial` (a fragment woven into the reporter's sentence); names and
//!   scare quotes (`the so-called “sherpas”`, titles in Title Case) are
//!   nobody's words and are left out.
//! - The speaker comes from a reporting verb ([`lexicon`]) after the quote
//!   (`“...,” said X`, `“...,” X said`, `“...,” X, a ..., said`) or before it
//!   (`X said: “...”`, `X said that “...”`, `Putin promised to “...”`),
//!   `according to X`, a dash (`“...” — X`), or, failing those, the previous
//!   quote: the other half of a split quote, the next sentence or a
//!   quote-only paragraph continuing its speaker.
//! - A speaker is an entity mention, a pronoun (resolved to the person it
//!   refers to), or a description: a title that the article gives a named
//!   person (`the Kremlin spokesman` → Dmitry Peskov), a description seen
//!   before (`the official` → `one senior European official`), `One` of a
//!   group described before, or an unnamed source as printed, `anonymous`.
//! - Indirect speech: `X said (that) CLAUSE`, `X told Y CLAUSE`, `CLAUSE,
//!   X said`, `according to X, CLAUSE`, in sentences without quotation marks.

mod lexicon;
mod marks;

pub use lexicon::{names_a_person, reports_speech};

use std::ops::Range;

use crate::lexicon::Words;
use crate::lexicon::gazetteer::{Kind as GazetteerKind, GAZETTEER};
use crate::doc::{BlockKind, Doc, Entity, Label, Mention as Name, Quote, QuoteKind, Segmented, Speaker, Token};
use crate::text::{lower_case, one_line};
use lexicon::{Cue, Head};

/// The attribution stage: the quotations of the [`Doc`]'s paragraphs and
/// who said them, speakers resolved to the entities found before.
pub fn annotate(doc: &mut Doc) {
    let story: Vec<(usize, &Range<usize>)> =
        doc.structure.story.iter().enumerate().filter(|(_, b)| b.kind == BlockKind::Paragraph).map(|(i, b)| (i, &b.range)).collect();
    let paragraphs: Vec<Range<usize>> = story.iter().map(|(_, r)| (*r).clone()).collect();
    let continues: Vec<bool> = story.windows(2).map(|w| w[1].0 == w[0].0 + 1).collect();
    doc.quotes = find(doc, &paragraphs, &continues);
}

/// The quotations of an annotated article, read from its tokens, names,
/// entities and times. `paragraphs` are the story's paragraph blocks (byte
/// ranges, in order, with whether each directly follows the previous one).
pub fn find(annotated: &Doc, paragraphs: &[Range<usize>], continues: &[bool]) -> Vec<Quote> {
    let text = &annotated.text[..];
    let segmented = &annotated.segmented;
    let entity_of: Vec<usize> = annotated.mentions.iter().map(|m| m.entity).collect();
    let mut passages = marks::find(text, paragraphs, continues);
    // A title after a possessive (`on ABC’s “This Week,” Carson said`) is
    // the reporter's words: the sentence reads on through it.
    passages.retain(|p| !is_possessed_title(text, p));
    let doc = Reader::new(annotated, paragraphs, &entity_of, &passages);
    let mut memory = Memory::default();
    // Room for a quote per passage: an article of many quotations neither
    // regrows the list nor holds two copies of it while it grows.
    let mut quotes: Vec<Quote> = Vec::with_capacity(passages.len());
    // The latest attributed passage: its speaker, cue and closing sentence.
    let mut latest: Option<(Speaker, Option<String>, usize)> = None;
    let mut next_passage = 0;
    // The latest quote, when it has no speaker: its index and its passage's.
    let mut unattributed: Option<(usize, usize)> = None;
    // Short quotations of the sentence that nobody has said so far, held
    // back in case an attribution closing the sentence follows: where each
    // goes in the list, and the quote.
    let mut held: Vec<(usize, Quote)> = Vec::new();
    // Sentence by sentence, so that a description is remembered before the
    // quotes that refer back to it.
    for (s, sentence) in segmented.sentences.iter().enumerate() {
        held.clear();
        let first_passage = next_passage;
        while next_passage < passages.len() && doc.token_at(passages[next_passage].start) < sentence.end_token {
            let i = next_passage;
            next_passage += 1;
            let passage = &passages[i];
            let frame = doc.frame(&passages, i);
            let kind = doc.kind_of(passage, &frame);
            let own = doc.attribute(passage, &frame, &mut memory);
            let cued = own.is_some();
            // A quote opening its sentence right after a sentence about a
            // person, with no quote of its own, is that person's words
            // (`Cummings called him a master at deals. “He showed ...”`).
            let after_latest = latest.as_ref().is_none_or(|&(_, _, sentence)| sentence + 1 < frame.open_sentence);
            let own = own.or_else(|| after_latest.then(|| doc.previous_sentence_subject(&frame, &mut memory)).flatten());
            let found = own.or_else(|| {
                // The previous quote's speaker: the other half of a split quote,
                // or a quote that opens its sentence and has no cue of its own.
                let (speaker, cue, sentence) = latest.clone()?;
                let same_sentence = sentence == frame.open_sentence;
                let opens_sentence = frame.pre.is_empty() && frame.open_sentence <= sentence + 3;
                (same_sentence || opens_sentence).then_some((speaker, cue))
            });
            if doc.is_nobodys_words(passage, &frame, kind, found.is_some(), cued) {
                // Nobody's only for want of a speaker: `The plan is “a
                // disaster” and ... “a fool,” he said.` may still give one.
                if found.is_none() && frame.open_sentence == s && !doc.is_nobodys_words(passage, &frame, kind, true, cued) {
                    held.push((quotes.len(), passage_quote(text, passage, kind, None, None)));
                }
                continue;
            }
            // No cue: the quoted words are the sentence subject's (`Bolton thought
            // some of the “...” buzz was ...`, `The ad targets a “...”`).
            let found = found.or_else(|| doc.attribute_to_subject(&frame, &mut memory));
            // Else the words of the speaker quoted in the sentence before, in
            // the same paragraph (`“...,” said X. Unless ..., “...”`).
            let found = found.or_else(|| {
                let (speaker, cue, sentence) = latest.clone()?;
                (sentence + 1 == frame.open_sentence && doc.same_block(sentence, frame.open_sentence)).then_some((speaker, cue))
            });
            let (speaker, cue) = match found {
                Some((speaker, cue)) => (Some(speaker), cue),
                None => (None, None),
            };
            if let Some(speaker) = &speaker {
                latest = Some((speaker.clone(), cue.clone(), frame.close_sentence));
                // Quotes coordinated in one sentence share their attribution
                // (`“...” and “...,” Dean proclaimed`), as do the quotes of a
                // sentence its closing attribution follows (`“The campaign”
                // is “desperate,” he said.`).
                let closing = cued && speaker.span.start >= passage.end;
                let shares = |p: usize| {
                    doc.coordinated(&passages[p], passage) || (closing && doc.sentence_of(doc.token_at(passages[p].start)) == Some(frame.open_sentence))
                };
                if let Some((q, _)) = unattributed.filter(|&(_, p)| i > 0 && p == i - 1 && shares(p)) {
                    quotes[q].speaker = Some(speaker.clone());
                    quotes[q].cue = cue.clone();
                }
                if closing && frame.open_sentence == s {
                    for (n, (at, mut quote)) in held.drain(..).enumerate() {
                        quote.speaker = Some(speaker.clone());
                        quote.cue = cue.clone();
                        quotes.insert(at + n, quote);
                    }
                }
            }
            unattributed = speaker.is_none().then_some((quotes.len(), i));
            quotes.push(passage_quote(text, passage, kind, speaker, cue));
        }
        if next_passage == first_passage && doc.in_paragraph[s] {
            quotes.extend(doc.indirect_in(doc.sentence_bounds(s), &mut memory));
        }
    }
    quotes
}

/// The quote of a passage: its pieces joined on one line.
fn passage_quote(text: &str, passage: &marks::Passage, kind: QuoteKind, speaker: Option<Speaker>, cue: Option<String>) -> Quote {
    let pieces: Vec<&str> = passage.pieces.iter().map(|r| &text[r.clone()]).collect();
    Quote { text: one_line(&pieces.join(" ")), start: passage.start, end: passage.end, kind, speaker, cue }
}

/// A word of more than three letters: one that a title capitalises.
fn is_long_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 3
}

/// Whether every long word of `quoted` is capitalised, and there is one.
fn is_title_case(quoted: &str) -> bool {
    let mut long_words = quoted.split_whitespace().filter(|w| is_long_word(w)).peekable();
    long_words.peek().is_some() && long_words.all(|w| w.starts_with(char::is_uppercase))
}

/// A short title in marks right after a possessive: `MSNBC’s “Morning
/// Joe,”`, `NBC's ''Meet the Press''`.
fn is_possessed_title(text: &str, p: &marks::Passage) -> bool {
    let Some(open) = p.open else {
        return false;
    };
    let before = &text[..open];
    let possessive = before.strip_suffix(char::is_whitespace).is_some_and(|b| b.ends_with("’s") || b.ends_with("'s"));
    let quoted = &text[p.start..p.end];
    possessive && p.pieces.len() == 1 && quoted.split_whitespace().count() <= 6 && is_title_case(quoted)
}

/// What attribution remembers across an article: unnamed sources described
/// so far, so that `the official` or `One` can refer back to them.
#[derive(Default)]
struct Memory {
    descriptions: Vec<Speaker>,
}

/// Where a passage sits among the tokens: its sentence(s) and the reporter's
/// words before and after it in the sentence, up to the neighbouring quotes.
struct Frame {
    /// Tokens of the sentence before the opening mark, after any previous quote.
    pre: Range<usize>,
    /// Tokens of the sentence after the closing mark, before any next quote.
    post: Range<usize>,
    /// Whether `post` is the next sentence (the quote ends its own).
    post_is_next_sentence: bool,
    /// The whole sentence before the opening mark (where a subject may be).
    sentence_start: usize,
    open_sentence: usize,
    close_sentence: usize,
    /// The token just before the opening mark, if in the same sentence.
    before: Option<usize>,
}

/// A possible speaker in the tokens.
#[derive(Clone, Debug)]
struct Candidate {
    first: usize,
    end: usize,
    who: Who,
}

#[derive(Clone, Debug)]
enum Who {
    /// An entity mention (index into the names).
    Name(usize),
    /// `he`, `she`, `they`...
    Pronoun,
    /// `who` after a name (index into the names) it stands for: `Trump,
    /// who called them “...”`.
    Relative(usize),
    /// `One` (of a group described before).
    One,
    /// A description headed by a noun for a person or an institution.
    Description { head: String, kind: Head, definite: bool },
    /// Other words in a subject's place, as printed.
    Phrase,
}

/// The article as attribution reads it: tokens, sentences, names and
/// entities, indexed by where they start and end, and the quotation marks.
/// A conjunction that joins clauses of equal rank (`and`, `but`, `so`,
/// `yet`), not one that opens a subordinate clause (`after`, `when`).
fn is_coordinator(word: &str) -> bool {
    matches!(word, "and" | "but" | "so" | "yet")
}

/// (token, name) pairs for names in order, sorted by token, keeping the
/// last name of each token.
fn last_name_per_token(tokens: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = tokens.enumerate().map(|(k, token)| (token, k)).collect();
    pairs.sort_by_key(|&(token, _)| token);
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    for pair in pairs {
        match kept.last_mut() {
            Some(last) if last.0 == pair.0 => *last = pair,
            _ => kept.push(pair),
        }
    }
    kept
}

/// The name a [`last_name_per_token`] list gives a token.
fn name_at(pairs: &[(usize, usize)], token: usize) -> Option<usize> {
    pairs.binary_search_by_key(&token, |&(t, _)| t).ok().map(|i| pairs[i].1)
}

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    segmented: &'a Segmented,
    names: &'a [Name],
    entity_of: &'a [usize],
    entities: &'a [Entity],
    /// Each name's tokens: those it overlaps, so a name that starts or ends
    /// inside a token (the tagger splits `Erdoğan-led`) still covers one.
    name_tokens: Vec<Range<usize>>,
    /// (first token, name) and (end token, name), sorted by token, one name
    /// a token (the last).
    name_starting: Vec<(usize, usize)>,
    name_ending: Vec<(usize, usize)>,
    /// Byte ranges of the names, sorted.
    name_ranges: Vec<Range<usize>>,
    /// The names of each sentence in text order: sentence `s`'s are
    /// `names_by_sentence[first_name[s]..first_name[s + 1]]`. (Indexes of
    /// a story's size, not its tokens': a long story holds them by the million.)
    names_by_sentence: Vec<usize>,
    first_name: Vec<usize>,
    /// Token ranges inside quoted passages.
    quoted: Vec<Range<usize>>,
    /// Tokens that are the passages' quotation marks, sorted.
    marks: Vec<usize>,
    /// Token ranges of the time expressions, in text order.
    times: Vec<Range<usize>>,
    /// Whether each sentence is in a story paragraph.
    in_paragraph: Vec<bool>,
    /// The first token after the wire dateline (0 without one), in the
    /// sentence that the dateline opens.
    story_start: usize,
}

impl<'a> Reader<'a> {
    fn new(annotated: &'a Doc, paragraphs: &[Range<usize>], entity_of: &'a [usize], passages: &[marks::Passage]) -> Self {
        let (text, segmented, names, entities) = (&annotated.text[..], &annotated.segmented, &annotated.mentions[..], &annotated.entities[..]);
        let tokens = &segmented.tokens[..];
        let token_at = |byte: usize| tokens.partition_point(|t| t.start() < byte);
        let token_end = |byte: usize| tokens.partition_point(|t| t.end() <= byte);
        let name_tokens: Vec<Range<usize>> =
            names.iter().map(|n| tokens.partition_point(|t| t.end() <= n.start)..tokens.partition_point(|t| t.start() < n.end)).collect();
        let name_starting = last_name_per_token(name_tokens.iter().map(|r| r.start));
        let name_ending = last_name_per_token(name_tokens.iter().map(|r| r.end));
        let sentence_count = segmented.sentences.len();
        let mut names_by_sentence: Vec<usize> = (0..names.len()).filter(|&k| names[k].sentence < sentence_count).collect();
        names_by_sentence.sort_by_key(|&k| (names[k].sentence, names[k].start));
        let mut first_name = vec![0; sentence_count + 1];
        for &k in &names_by_sentence {
            first_name[names[k].sentence + 1] += 1;
        }
        for s in 0..sentence_count {
            first_name[s + 1] += first_name[s];
        }
        let mut name_ranges: Vec<Range<usize>> = names.iter().map(|n| n.start..n.end).collect();
        name_ranges.sort_by_key(|r| r.start);
        let quoted = passages.iter().map(|p| token_at(p.start)..token_end(p.end)).collect();
        let mut marks: Vec<usize> = passages
            .iter()
            .flat_map(|p| [p.open.map(token_at), p.close.map(|c| token_end(c).saturating_sub(1))])
            .flatten()
            .collect();
        marks.sort_unstable();
        let in_paragraph = segmented
            .sentences
            .iter()
            .map(|s| {
                let start = tokens[s.first_token].start();
                let after = paragraphs.partition_point(|p| p.start <= start);
                after > 0 && start < paragraphs[after - 1].end
            })
            .collect();
        let times = annotated.times.iter().map(|t| token_at(t.start)..token_end(t.end)).collect();
        let story_start = annotated.structure.dateline.as_ref().map_or(0, |d| token_end(d.end));
        Reader { text, tokens, segmented, names, entity_of, entities, name_tokens, name_starting, name_ending, name_ranges, names_by_sentence, first_name, quoted, marks, times, in_paragraph, story_start }
    }

    /// The sentence of a token of the text (0 for one outside the story's sentences).
    fn sentence_of(&self, token: usize) -> Option<usize> {
        let sentences = &self.segmented.sentences;
        (token < self.tokens.len()).then(|| {
            let s = sentences.partition_point(|s| s.end_token <= token);
            if s < sentences.len() && sentences[s].first_token <= token { s } else { 0 }
        })
    }

    /// The name that starts at a token.
    fn name_starting(&self, token: usize) -> Option<usize> {
        name_at(&self.name_starting, token)
    }

    /// The name that ends before a token.
    fn name_ending(&self, token: usize) -> Option<usize> {
        name_at(&self.name_ending, token)
    }

    /// The names of a sentence, in text order.
    fn names_in_sentence(&self, s: usize) -> &[usize] {
        &self.names_by_sentence[self.first_name[s]..self.first_name[s + 1]]
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn lower(&self, i: usize) -> std::borrow::Cow<'a, str> {
        lower_case(self.word(i))
    }

    /// The first token starting at or after `byte`.
    fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < byte)
    }

    /// The first token not ending by `byte`: the end of a token range that
    /// stops at `byte`.
    fn token_end(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.end() <= byte)
    }

    /// A sentence's tokens, after the wire dateline that may open it (its
    /// place and agency are no one's subject).
    fn sentence_bounds(&self, s: usize) -> Range<usize> {
        let sentence = &self.segmented.sentences[s];
        let dated = (sentence.first_token..sentence.end_token).contains(&self.story_start);
        (if dated { self.story_start } else { sentence.first_token })..sentence.end_token
    }

    /// The first token from `from` (before `end`) that is not part of a time
    /// (`last week`, `on Tuesday`).
    fn past_times(&self, from: usize, end: usize) -> usize {
        (from..end).find(|&i| !(self.is_time(i) || (self.word(i) == "on" && self.is_time(i + 1)))).unwrap_or(end)
    }

    /// Whether token `i` may stand between a speaker and the verb: an
    /// auxiliary, an adverb or a time (`Feinstein last week said`, `Clinton
    /// on Tuesday said`).
    fn between_subject_and_verb(&self, i: usize) -> bool {
        lexicon::is_between_subject_and_verb(&self.lower(i)) || self.is_time(i) || (self.word(i) == "on" && self.is_time(i + 1))
    }

    /// Whether the verb at `k` is a past participle after a form of `be`,
    /// over adverbs (`has been sharply criticized`).
    fn is_passive(&self, k: usize) -> bool {
        let lower = self.lower(k);
        if !(lower.ends_with("ed") || matches!(lower.as_ref(), "told" | "said" | "written")) {
            return false;
        }
        let before = (0..k).rev().find(|&i| !lexicon::BETWEEN_SUBJECT_AND_VERB.contains(self.lower(i).as_ref()));
        before.is_some_and(|i| matches!(self.lower(i).as_ref(), "is" | "are" | "was" | "were" | "be" | "been" | "being"))
    }

    /// A word in -ing: a participle or gerund (`saying`, `recalling`).
    fn is_participle(&self, i: usize) -> bool {
        self.lower(i).ends_with("ing")
    }

    fn is_time(&self, i: usize) -> bool {
        let after = self.times.partition_point(|r| r.start <= i);
        after > 0 && self.times[after - 1].contains(&i)
    }

    fn is_quoted(&self, i: usize) -> bool {
        let after = self.quoted.partition_point(|r| r.start <= i);
        after > 0 && self.quoted[after - 1].contains(&i)
    }

    fn frame(&self, passages: &[marks::Passage], i: usize) -> Frame {
        let p = &passages[i];
        let open_token = p.open.map_or_else(|| self.token_at(p.start), |o| self.token_at(o));
        let mut close_token = self.token_end(p.close.unwrap_or(p.end));
        // Marks glued after the closing one close a quote nested in it:
        // `''... 'Kosovo is a special case,''' Mr. Putin said.`
        while close_token > 0 && close_token < self.tokens.len() && matches!(self.word(close_token), "'" | "’" | "”") && self.tokens[close_token].start() == self.tokens[close_token - 1].end() {
            close_token += 1;
        }
        let open_sentence = self.sentence_of(open_token).unwrap_or(0);
        let last = close_token.saturating_sub(1).min(self.tokens.len().saturating_sub(1));
        let close_sentence = self.sentence_of(last).unwrap_or(open_sentence);
        let open_bounds = self.sentence_bounds(open_sentence);
        let close_bounds = self.sentence_bounds(close_sentence);
        let previous_close = i
            .checked_sub(1)
            .and_then(|j| passages[j].close.or(Some(passages[j].end)))
            .map(|c| self.token_end(c))
            .filter(|&t| t > open_bounds.start && t <= open_token);
        let next_open = passages
            .get(i + 1)
            .map(|n| self.token_at(n.open.unwrap_or(n.start)))
            .filter(|&t| t >= close_token && t < close_bounds.end);
        let mut pre = previous_close.unwrap_or(open_bounds.start)..open_token.max(open_bounds.start);
        let mut sentence_start = open_bounds.start;
        // `He said:` closing the previous paragraph introduces this one's quote.
        if pre.is_empty() && open_sentence > 0 {
            let previous = self.sentence_bounds(open_sentence - 1);
            if previous.end == open_bounds.start && self.word(previous.end - 1) == ":" {
                pre = previous.start..previous.end - 1;
                sentence_start = previous.start;
            }
        }
        let mut post = close_token.min(close_bounds.end)..next_open.unwrap_or(close_bounds.end);
        // `“...?” Graham asked.`: a quote ending its sentence may be attributed in the next one.
        let following = self.segmented.sentences.get(close_sentence + 1);
        let mut post_is_next_sentence = false;
        if let Some(next) = following.filter(|_| post.is_empty() && self.same_block(close_sentence, close_sentence + 1)) {
            if !self.is_quote_mark(next.first_token) {
                let next_open = passages.get(i + 1).map(|n| self.token_at(n.open.unwrap_or(n.start)));
                post = next.first_token..next_open.filter(|&t| t < next.end_token).unwrap_or(next.end_token);
                post_is_next_sentence = true;
            }
        }
        Frame {
            before: (open_token > open_bounds.start).then(|| open_token - 1),
            pre,
            post,
            post_is_next_sentence,
            sentence_start,
            open_sentence,
            close_sentence,
        }
    }

    /// Direct when the passage is a sentence or clause of its own, partial
    /// when it is a fragment of the reporter's sentence.
    fn kind_of(&self, p: &marks::Passage, frame: &Frame) -> QuoteKind {
        let quoted = &self.text[p.start..p.end];
        let Some(first) = quoted.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'').find(|w| !w.is_empty()) else {
            return QuoteKind::Partial;
        };
        let introduced = frame.before.is_none_or(|b| {
            matches!(self.word(b), ":" | "," | "-" | "(") || self.is_dash(b) || lexicon::cue(&self.lower(b)).is_some()
        });
        let capital = first.chars().next().is_some_and(char::is_uppercase);
        let words = quoted.split_whitespace().count();
        let clause = lexicon::CLAUSE_OPENERS.contains(lower_case(first).as_ref()) && words >= 4;
        let sentences = quoted.match_indices(". ").filter(|(at, _)| quoted[at + 2..].starts_with(char::is_uppercase)).count();
        // The second half of a split quote: `“...,” he added, “and they have
        // ...”`; not a fragment right after its verb (`would respond “in a
        // proportionate manner.”`).
        let continues_after_cue = frame.before.is_some_and(|b| !self.word(b).chars().all(char::is_alphabetic)) && introduced && words >= 4;
        if (capital && introduced) || clause || continues_after_cue || sentences > 0 {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    }

    /// Scare quotes, names and titles: the so-called “sherpas”, a film
    /// called “The Godfather”, a lone word nobody is said to have said.
    /// `attributed` when a speaker was found, `cued` when by the passage's
    /// own attribution (`chanting “Lock Her Up”` is someone's words).
    fn is_nobodys_words(&self, p: &marks::Passage, frame: &Frame, kind: QuoteKind, attributed: bool, cued: bool) -> bool {
        let quoted = &self.text[p.start..p.end];
        let capitalised = quoted.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let marked = (frame.pre.start..frame.pre.end)
            .rev()
            .filter(|&i| !matches!(self.lower(i).as_ref(), "of" | "the" | "a" | "an" | "his" | "her" | "its" | "their" | "as" | "what" | "is"))
            .take(2)
            .any(|i| self.marks_a_name(i, frame.pre.start, capitalised));
        // A title before a person noun: `the “Avatar” star` (not `“...,” columnist X wrote`).
        let before_person_noun = !frame.post_is_next_sentence
            && !quoted.ends_with(|c: char| c.is_ascii_punctuation())
            && quoted.split_whitespace().count() <= 4
            && frame.post.start < frame.post.end
            && lexicon::head(&self.lower(frame.post.start)).is_some_and(|(_, kind)| kind == Head::Person);
        if marked || (capitalised && before_person_noun) {
            return true;
        }
        let words: Vec<&str> = quoted.split_whitespace().collect();
        // Titles and names: every long word capitalised (`All Bets Are Off.`,
        // `Morning Joe`), unless the passage's own cue governs it (`called
        // Rubio “Little Marco”`, not `writes a column and leads “America with
        // Jorge Ramos”`, where the cue is another verb's).
        let long_words = words.iter().filter(|w| is_long_word(w)).count();
        let cue_after = (frame.post.start..frame.post.end.min(frame.post.start + 6)).any(|i| self.cue_at(i).is_some());
        let cue_before = (frame.pre.start..frame.pre.end).rev().find(|&i| self.cue_at(i).is_some());
        let coordinated_away = |c: usize| (c + 1..frame.pre.end).any(|i| matches!(self.lower(i).as_ref(), "and" | "or" | "but"));
        let governed = cued && (cue_after || cue_before.is_some_and(|c| !coordinated_away(c)));
        if !governed && long_words >= 2 && is_title_case(quoted) {
            return true;
        }
        !attributed && kind == QuoteKind::Partial && words.len() <= 3
    }

    /// Whether token `i` (at or after `floor`) makes a quotation after it a
    /// name or a term, nobody's words: `so-called`, `known as`, `a film`,
    /// `the word`, `a plan dubbed`. Not a term that a verb of speech
    /// governs (`repeated the phrase “...”`), nor a naming verb with its
    /// own subject (`what critics have dubbed “...”`), nor a work's noun
    /// before a quotation that is no title (`called the article “terrific”`:
    /// `capitalised` says whether it opens with a capital).
    fn marks_a_name(&self, i: usize, floor: usize, capitalised: bool) -> bool {
        let lower = self.lower(i);
        if lexicon::TERM_NOUNS.contains(lower.as_ref()) {
            let mut j = i;
            while j > floor && lexicon::DETERMINERS.contains(self.lower(j - 1).as_ref()) {
                j -= 1;
            }
            return !(j > floor && self.cue_at(j - 1).is_some());
        }
        if lower == "known" {
            return true;
        }
        if lexicon::WORK_NOUNS.contains(lower.as_ref()) {
            return capitalised;
        }
        if !lexicon::SCARE_MARKERS.contains(lower.as_ref()) {
            return false;
        }
        if self.cue_at(i).is_some() {
            let active = i > floor
                && (lexicon::AUXILIARIES.contains(self.lower(i - 1).as_ref())
                    || lexicon::SUBJECT_PRONOUNS.contains(self.lower(i - 1).as_ref())
                    || self.name_ending(i).is_some()
                    || lexicon::head(&self.lower(i - 1)).is_some());
            return !active;
        }
        true
    }

    /// The speaker of a passage and the cue, from the reporter's words
    /// around it: after it first, unless the quote is a whole sentence
    /// introduced by the words before it (`he added, “They have ... agenda.”`).
    fn attribute(&self, p: &marks::Passage, frame: &Frame, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        let ends_sentence = self.text[p.start..p.end].ends_with(['.', '?', '!']);
        let introduced = frame.before.is_some_and(|b| matches!(self.word(b), ":" | ",") || self.lower(b) == "that");
        // A quote inside the reporter's sentence is attributed there before
        // the next sentence is read (`He calls her “...” He adds, “...”`).
        let embedded = frame.post_is_next_sentence && !frame.pre.is_empty();
        if (ends_sentence && introduced) || embedded {
            self.attribute_before(frame, memory).or_else(|| self.attribute_after(frame, memory))
        } else {
            self.attribute_after(frame, memory).or_else(|| self.attribute_before(frame, memory))
        }
    }

    /// `“...,” said X`, `“...,” X said`, `“...” — X`.
    fn attribute_after(&self, frame: &Frame, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        let post = frame.post.clone();
        if post.start < post.end && self.is_dash(post.start) {
            let c = self.candidate_starting_at(post.start + 1, post.end);
            match c.and_then(|c| self.speaker(&c, memory)) {
                Some(speaker) => return Some((speaker, None)),
                None => {
                    if let Some(speaker) = self.capitalised_name(post.start + 1, post.end) {
                        return Some((speaker, None));
                    }
                }
            }
        }
        let opening = post.start + usize::from(post.start < post.end && (self.word(post.start) == "," || self.is_dash(post.start)));
        for k in post.start..post.end.min(post.start + 25) {
            if self.cue_at(k).is_some() {
                if let Some((candidate, cue)) = self.cue_candidate(k, post.start, post.end) {
                    // The attribution follows the quote (`said X`, `X said`,
                    // `panel Chairman Rep. X (R-Utah) said`) or ends the sentence
                    // (`“...” for criminal behavior, she said.`).
                    // A lowercase noun right before a name is its title
                    // (`former speechwriter Noam Neusner wrote`).
                    let bare_title = |i: usize| i + 1 == candidate.first && matches!(candidate.who, Who::Name(_)) && self.is_phrase_word(i);
                    // After an `as` (`“...,” as Mayor Reed put it`).
                    let titles = opening + usize::from(opening < candidate.first && self.lower(opening) == "as");
                    let titled = (titles..candidate.first).all(|i| self.may_stand_before_a_speaker(i) || bare_title(i));
                    // The attribution's clause, from the titles before its speaker
                    // (`, Republican candidate Ben Carson said`) to the sentence end,
                    // where only words that report no clause of their own may follow
                    // (`said after the attacks.`, not `said the plan would work.`).
                    let mut tail_start = candidate.first.min(k);
                    while tail_start > opening && self.word(tail_start - 1) != "," && (self.may_stand_before_a_speaker(tail_start - 1) || bare_title(tail_start - 1)) {
                        tail_start -= 1;
                    }
                    let rest = candidate.end.max(k + 1)..post.end;
                    let reports_clause = self.reported_clause(k.max(candidate.end.saturating_sub(1)), post.end).is_some();
                    let after_comma = tail_start > post.start && self.word(tail_start - 1) == ",";
                    let ends_sentence = after_comma && !reports_clause && !rest.clone().any(|i| self.is_quote_mark(i));
                    // Or stands between commas in the sentence the quote opens
                    // (`''...'' income, he said, rather than ...`).
                    let parenthetical = !frame.post_is_next_sentence && after_comma && !rest.is_empty() && self.word(rest.start) == ",";
                    let phrase = matches!(cue.as_str(), "according to" | "in the words of" | "per");
                    // A next sentence that reports a clause or introduces a
                    // quote of its own (`“...” Park said Kim's state is ...`,
                    // `“...” Smith added, “...”`) is not this quote's attribution.
                    let introduces_own_quote = post.end > post.start && post.end < self.tokens.len() && self.is_quote_mark(post.end) && matches!(self.word(post.end - 1), "," | ":");
                    let own_clause = frame.post_is_next_sentence && (reports_clause || introduces_own_quote);
                    if (titled || k <= opening || ends_sentence || parenthetical || phrase) && !own_clause {
                        if let Some(speaker) = self.speaker(&candidate, memory) {
                            return Some((speaker, Some(cue)));
                        }
                    }
                }
            }
            // A verb in a relative clause is not the attribution's: `one
            // resident, who asked not to be named, said`.
            let relative = k > post.start && matches!(self.lower(k - 1).as_ref(), "who" | "which");
            if (self.cue_at(k).is_some() && !relative) || matches!(self.word(k), ";" | "“" | "\"") {
                break;
            }
        }
        self.unlisted_verb_after(frame, memory)
    }

    /// `“...,” an angry Hollande retaliated.`, `“...?” reacted Trump.`:
    /// after a quote that ends in a comma, a question or an exclamation
    /// mark, a verb in the past that the lexicon does not list reports it
    /// when it and a speaker are all the rest of the sentence.
    fn unlisted_verb_after(&self, frame: &Frame, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        let post = frame.post.clone();
        let inside_last = post.start.checked_sub(2)?;
        if post.is_empty() || !self.is_quote_mark(post.start - 1) || !matches!(self.word(inside_last), "," | "?" | "!") {
            return None;
        }
        let end = if matches!(self.word(post.end - 1), "." | "!") { post.end - 1 } else { post.end };
        let past = |i: usize| {
            let word = self.word(i);
            word.len() > 4 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase())
        };
        // Before the speaker only words that may stand there (`an angry Hollande`).
        let opens = |c: &Candidate| (post.start..c.first).all(|i| self.may_stand_before_a_speaker(i));
        let (candidate, verb) = if end > post.start + 1 && past(end - 1) {
            (self.candidate_ending_at(end - 1, post.start).filter(|c| c.end == end - 1 && opens(c))?, end - 1)
        } else if past(post.start) {
            (self.candidate_starting_at(post.start + 1, end).filter(|c| c.end == end)?, post.start)
        } else {
            return None;
        };
        Some((self.speaker(&candidate, memory)?, Some(self.word(verb).to_string())))
    }

    /// `X said: “...”`, `X said that “...”`, `X promised to “...”`.
    fn attribute_before(&self, frame: &Frame, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        if let Some(found) = self.speech_noun_speaker(frame, memory) {
            return Some(found);
        }
        for k in (frame.pre.start..frame.pre.end).rev() {
            if self.is_quoted(k) {
                continue;
            }
            let outer = self.reporting_verb_over(k, frame).and_then(|j| self.cue_speaker(j, frame.sentence_start, frame.pre.end, memory));
            if let Some(found) = outer.or_else(|| self.cue_speaker(k, frame.sentence_start, frame.pre.end, memory)) {
                return Some(found);
            }
        }
        None
    }

    /// The owner of a noun of something said that introduces the quote,
    /// with no verb of speech around it: `Trump’s accusation that Clinton
    /// plays the “woman’s card”`, `her March comment that, “...”`, `From
    /// Bush’s Facebook post: “...”`, not `Ryan said that Ginsburg’s
    /// comments “show bias”` (Ryan's words). The noun is the cue.
    fn speech_noun_speaker(&self, frame: &Frame, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        for h in (frame.pre.start..frame.pre.end).rev() {
            if self.is_quoted(h) {
                continue;
            }
            let noun = lexicon::SPEECH_NOUNS.contains(self.lower(h).as_ref());
            if !noun {
                if self.cue_at(h).is_some() {
                    return None;
                }
                continue;
            }
            // Followed by what was said: `that`, a colon or comma, `for` or
            // `of` right before the quotation (`his call for “...”`, `his
            // promise of “free college”`), or `to` and a verb (`her pledge to
            // be “neutral”`).
            let next = |i: usize| (h + i < frame.pre.end).then(|| self.lower(h + i));
            let introduces = h + 1 == frame.pre.end
                || matches!(self.lower(h + 1).as_ref(), "that" | ":" | ",")
                || (h + 2 == frame.pre.end && next(1).is_some_and(|w| matches!(w.as_ref(), "for" | "of")))
                || (h + 3 == frame.pre.end && next(1).is_some_and(|w| w == "to") && self.word(h + 2).starts_with(char::is_lowercase));
            if !introduces {
                continue;
            }
            // The owner before up to two words (`Bush’s Facebook post`, `her March comment`).
            for owner in (frame.sentence_start.max(h.saturating_sub(3))..h).rev() {
                let word = self.lower(owner);
                let candidate = match word.as_ref() {
                    "’s" | "'s" => self.candidate_ending_at(owner, frame.sentence_start),
                    "his" | "her" | "their" => Some(Candidate { first: owner, end: owner + 1, who: Who::Pronoun }),
                    _ => continue,
                };
                if (frame.sentence_start..owner).any(|i| !self.is_quoted(i) && self.cue_at(i).is_some()) {
                    return None;
                }
                let speaker = candidate.and_then(|c| self.speaker(&c, memory))?;
                return Some((speaker, Some(self.word(h).to_string())));
            }
            return None;
        }
        None
    }

    /// The verb of speech whose reported clause holds the quoting verb at
    /// `k` and its subject, with no break between them: `She said that her
    /// campaign would continue “...”`, `critics say he had proposed to
    /// “...”` are hers and the critics' words, not the campaign's or his
    /// (within 40 words). Not when the quoting verb introduces the quote (`O'Malley
    /// interjected: “...”`).
    fn reporting_verb_over(&self, k: usize, frame: &Frame) -> Option<usize> {
        let introduced = frame.before.is_some_and(|b| self.word(b) == ":");
        if introduced || self.cue_at(k) != Some(Cue::Quoting) {
            return None;
        }
        let (inner, _) = self.cue_candidate(k, frame.sentence_start, frame.pre.end)?;
        let breaks = |i: usize| matches!(self.word(i), "," | ";" | ":") || self.is_dash(i) || self.is_quoted(i);
        let outer = (frame.sentence_start..inner.first.min(k)).rev().take(40).take_while(|&j| !breaks(j)).find(|&j| self.cue_at(j) == Some(Cue::Speech))?;
        self.reported_clause(outer, frame.pre.end).is_some_and(|clause| clause.start < inner.end).then_some(outer)
    }

    /// The speaker of a quote without a cue: the one a colon before it
    /// introduces, or the subject of the sentence it stands in, if the
    /// reporter's words before the quote have one.
    fn attribute_to_subject(&self, frame: &Frame, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        // `More from Jones: “...”`: the speaker the colon introduces.
        // Not a preposition's object (`an appeal to voters: “...”`), but `from`'s,
        // nor the second of two (`Blumenthal and Cohen: “...”`), nor what
        // was said, whose sayer is the sentence's subject (`McConnell issued
        // a statement: “...”`).
        let object = |c: &Candidate| c.first > frame.pre.start && !matches!(self.lower(c.first - 1).as_ref(), "from" | "and") && PREPOSITIONS.contains(self.lower(c.first - 1).as_ref());
        let said = |c: &Candidate| !matches!(c.who, Who::Name(_) | Who::Pronoun | Who::Relative(_)) && (c.first..c.end).any(|i| lexicon::SPEECH_NOUNS.contains(self.lower(i).as_ref()));
        let before_colon = frame
            .before
            .filter(|&b| b > frame.pre.start && self.word(b) == ":")
            .and_then(|b| self.candidate_ending_at(b, frame.pre.start))
            .filter(|c| !object(c) && !said(c));
        // `Here’s Clinton in December 1992: “...”`: the one presented.
        let is_one_of = |i: usize, words: &[&str]| i < frame.pre.end && words.contains(&self.lower(i).as_ref());
        let here = frame.sentence_start;
        let presented = (frame.before.is_some_and(|b| self.word(b) == ":") && is_one_of(here, &["here"]) && is_one_of(here + 1, &["is", "’s", "'s", "are", "was"]))
            .then(|| self.candidate_starting_at(here + 2, frame.pre.end))
            .flatten()
            .filter(|c| !said(c));
        let subject = before_colon.or(presented).or_else(|| self.sentence_subject(frame.sentence_start, frame.pre.end))?;
        Some((self.speaker(&subject, memory)?, None))
    }

    /// Whether passage `b` follows passage `a` in its sentence with only a
    /// conjunction or comma between them: `“...” and “...”`.
    fn coordinated(&self, a: &marks::Passage, b: &marks::Passage) -> bool {
        let (Some(close), Some(open)) = (a.close, b.open) else {
            return false;
        };
        let between = self.token_end(close)..self.token_at(open);
        self.sentence_of(between.start) == self.sentence_of(between.end) && between.len() <= 2 && between.clone().all(|t| matches!(self.lower(t).as_ref(), "and" | "or" | ","))
    }

    /// Where the clause chunk ending before token `end` opens: after the last
    /// comma, semicolon, bracket, dash or quotation mark from `floor`.
    fn chunk_start(&self, floor: usize, end: usize) -> usize {
        (floor..end).rev().find(|&i| matches!(self.word(i), "," | ";" | "(") || self.is_dash(i) || self.is_quote_mark(i)).map_or(floor, |i| i + 1)
    }

    /// Whether sentences `a` and `b` are in one paragraph.
    fn same_block(&self, a: usize, b: usize) -> bool {
        self.segmented.sentences[a].block == self.segmented.sentences[b].block
    }

    /// The person the sentence before the quote's is about, when the quote
    /// is a sentence of its own in the same paragraph.
    fn previous_sentence_subject(&self, frame: &Frame, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        let whole_sentence = frame.pre.is_empty() && (frame.post.is_empty() || frame.post_is_next_sentence);
        if !whole_sentence || frame.open_sentence == 0 || !self.same_block(frame.open_sentence - 1, frame.open_sentence) {
            return None;
        }
        let previous = self.sentence_bounds(frame.open_sentence - 1);
        let subject = self.sentence_subject(previous.start, previous.end).filter(|c| match c.who {
            Who::Name(k) => self.names[k].label == Label::Person,
            Who::Description { kind, .. } => kind == Head::Person,
            _ => false,
        })?;
        Some((self.speaker(&subject, memory)?, None))
    }

    /// The cue word at token `k`: a reporting verb, or `according` of `according to`.
    fn cue_at(&self, k: usize) -> Option<Cue> {
        // Cues are lower-case words, but for one opening a sentence (`According to`, `Said X, “...”`).
        let word = self.word(k);
        if !(word.starts_with(|c: char| c.is_ascii_lowercase()) || self.is_sentence_start(k)) {
            return None;
        }
        let lower = self.lower(k);
        if lower == "according" {
            return (k + 1 < self.tokens.len() && self.lower(k + 1) == "to").then_some(Cue::Speech);
        }
        // `continued` reports speech only at a pause: `he continued: “...”`, not `continued backing`.
        if lower.starts_with("continu") && self.tokens.get(k + 1).is_some_and(|_| self.word(k + 1).starts_with(char::is_alphabetic)) {
            return None;
        }
        if lower == "words" {
            let in_the_words_of = k >= 2 && self.lower(k - 1) == "the" && self.lower(k - 2) == "in" && k + 1 < self.tokens.len() && self.lower(k + 1) == "of";
            return in_the_words_of.then_some(Cue::Quoting);
        }
        if lower == "per" {
            return (k > 0 && self.word(k - 1) == ",").then_some(Cue::Quoting);
        }
        let cue = lexicon::cue(&lower).or_else(|| self.particle_after(k).map(|_| Cue::Speech))?;
        if lexicon::OBJECT_SENSE_CUES.contains(lower.as_ref()) && k + 1 < self.tokens.len() && self.word(k + 1).starts_with(char::is_alphanumeric) && self.lower(k + 1) != "that" {
            return None;
        }
        if lexicon::NOUN_LIKE_CUES.contains(lower.as_ref()) {
            let clause_follows = k + 1 < self.tokens.len() && matches!(self.lower(k + 1).as_ref(), "that" | ":");
            let determined_subject = k >= 2 && lexicon::DETERMINERS.contains(self.lower(k - 2).as_ref()) && self.word(k - 1).starts_with(char::is_lowercase);
            if !clause_follows && !determined_subject {
                return None;
            }
        }
        // After a form of `be` a participle is passive: its subject is who
        // was spoken of, not the speaker (`was widely ridiculed`, `are mentioned`).
        if self.is_passive(k) {
            return None;
        }
        // After a determiner it is a noun: `the states`, `a report`.
        let noun = k > 0 && matches!(self.lower(k - 1).as_ref(), "a" | "an" | "the" | "this" | "these" | "those" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "any" | "no" | "every" | "each" | "’s" | "'s");
        // After a preposition too, as printed (`Secretary of State`, `for
        // comment`; `From said` is Al From), but a gerund (`by saying`) and
        // an infinitive (`to say`) are verbs.
        let after_preposition = k > 0
            && PREPOSITIONS.contains(self.word(k - 1))
            && !matches!(self.word(k - 1), "to" | "and" | "told" | "than")
            && !lower.ends_with("ing");
        let noun = noun || after_preposition;
        // Between a determiner and the noun a source is named by, a
        // participle is an adjective: `most informed observers agree`, not
        // `Ramos reminded viewers`.
        let determined = k > 0 && (lexicon::DETERMINERS.contains(self.lower(k - 1).as_ref()) || self.lower(k - 1) == "most");
        let adjective = determined && lower.ends_with("ed") && k + 1 < self.tokens.len() && lexicon::head(&self.lower(k + 1)).is_some_and(|(_, kind)| kind == Head::Person);
        (!noun && !adjective).then_some(cue)
    }

    /// The particle after token `k` that makes it a cue (`shot back`), if any.
    fn particle_after(&self, k: usize) -> Option<&'static str> {
        lexicon::cue_particle(&self.lower(k)).filter(|&particle| k + 1 < self.tokens.len() && self.lower(k + 1) == particle)
    }

    /// The speaker of the reporting verb at `k`, with the cue as printed;
    /// `floor..ceil` are the tokens the speaker may be found in.
    fn cue_speaker(&self, k: usize, floor: usize, ceil: usize, memory: &mut Memory) -> Option<(Speaker, Option<String>)> {
        self.cue_at(k)?;
        let (candidate, cue) = self.cue_candidate(k, floor, ceil)?;
        Some((self.speaker(&candidate, memory)?, Some(cue)))
    }

    /// Who the cue at `k` belongs to, and the cue's words.
    fn cue_candidate(&self, k: usize, floor: usize, ceil: usize) -> Option<(Candidate, String)> {
        match self.lower(k).as_ref() {
            "according" => return Some((self.source_after_phrase(k + 2, ceil)?, "according to".to_string())),
            "per" => return Some((self.candidate_starting_at(k + 1, ceil)?, "per".to_string())),
            "words" => return Some((self.source_after_phrase(k + 2, ceil)?, "in the words of".to_string())),
            _ => {}
        }
        let cue = match self.particle_after(k) {
            Some(particle) => format!("{} {particle}", self.word(k)),
            None => self.word(k).to_string(),
        };
        // An infinitive of speech after a verb that carries it speaks for
        // that verb's subject: `went on to say`, `continuing to insist`,
        // `was quick to add`. The subject is sought before the carrier.
        let carrier = (k > floor + 1 && self.lower(k - 1) == "to" && lexicon::INFINITIVE_CARRIERS.contains(self.lower(k - 2).as_ref()))
            .then(|| if self.lower(k - 2) == "on" && k > floor + 2 { k - 3 } else { k - 2 });
        let verb = carrier.unwrap_or(k);
        // The object of a verb that makes it speak: `leading Clinton advisers
        // like Gene Sperling to counter that ...`, `prompted Rubio to call`.
        if carrier.is_none() && k > floor + 1 && self.lower(k - 1) == "to" {
            let object = self.candidate_ending_at(k - 1, floor).or_else(|| self.bare_subject(floor, k - 1));
            if let Some(c) = object.filter(|c| c.first > floor && lexicon::OBJECT_CONTROL_VERBS.contains(self.lower(c.first - 1).as_ref())) {
                return Some((c, cue));
            }
        }
        // A subject before the verb, over auxiliaries, adverbs and times.
        let progressive = self.is_participle(verb);
        let mut j = verb;
        loop {
            while j > floor && (self.between_subject_and_verb(j - 1) || (progressive && matches!(self.word(j - 1), "’s" | "'s"))) {
                j -= 1;
            }
            match self.parenthesis_before(j, floor, !progressive) {
                Some(open) => j = open,
                None => break,
            }
        }
        // A participle after a comma shares the subject of the clause before it
        // (`Putin said, later speaking of ...`), else of the sentence
        // (`Clinton spoke out about a death in Tulsa, Oklahoma, arguing that ...`).
        if progressive && j > floor && self.word(j - 1) == "," {
            let clause_start = (floor..j - 1).rev().find(|&i| self.word(i) == "," || self.is_dash(i) || self.is_quote_mark(i)).map_or(floor, |i| i + 1);
            let clause_has_cue = (clause_start..j - 1).any(|i| self.cue_at(i).is_some());
            let clause_subject = clause_has_cue.then(|| self.sentence_subject(clause_start, j - 1)).flatten();
            if let Some(c) = clause_subject.or_else(|| self.sentence_subject(floor, k)) {
                return Some((c, cue));
            }
        }
        if j > floor {
            if let Some(c) = self.subject_before_relative_clause(j, floor) {
                return Some((c, cue));
            }
            if let Some(c) = self.candidate_ending_at(j, floor).map(|c| self.widened(c, floor)) {
                // Before a participle, a noun that follows another verb is its
                // object: `emailed supporters saying` is the sentence subject's.
                // Titles before the name do not make it an object (`with Sen. John McCain calling`).
                let mut before = c.first;
                while before > floor && self.is_title(before - 1) {
                    before -= 1;
                }
                let object = progressive && before > floor && !matches!(self.lower(before - 1).as_ref(), "with" | "," | "and");
                if let Some(subject) = object.then(|| self.sentence_subject(floor, c.first)).flatten() {
                    return Some((subject, cue));
                }
                return Some((c, cue));
            }
            if matches!(self.word(j - 1), "," | ")") || self.is_dash(j - 1) {
                if let Some(c) = self.subject_before_apposition(j - 1, floor) {
                    return Some((c, cue));
                }
            }
            if let Some(c) = self.bare_subject(floor, j).filter(|_| !progressive) {
                return Some((c, cue));
            }
        }
        // The inverted order: `said X`, `added the official`.
        // Not a participle's object (`, telling reporters`), nor a verb of
        // telling's unless its speaker ends the clause (`,” warned Clinton.`).
        let addressed = lexicon::is_addressed(&self.lower(k));
        let imperative = self.word(k).starts_with(char::is_uppercase) && self.is_sentence_start(k) && lexicon::is_base_form(&self.lower(k));
        let inverted = !progressive && !imperative && (k == floor || self.word(k - 1) == "," || self.is_dash(k - 1) || self.is_quote_mark(k - 1));
        if inverted {
            // Not the subject of a reported clause (`said the candidate could win`).
            let found = self
                .candidate_starting_at(k + 1, ceil)
                .or_else(|| self.titled_name_closing(k + 1, ceil))
                .or_else(|| self.bare_phrase_from(k + 1, ceil))
                .filter(|c| c.end >= ceil || !lexicon::AUXILIARIES.contains(self.lower(c.end).as_ref()));
            if let Some(c) = found.filter(|c| !addressed || c.end == ceil || matches!(self.word(c.end), "." | ",")) {
                return Some((c, cue));
            }
        }
        // A participle or a second verb shares the sentence's subject:
        // `Trump unleashed tweets saying ...`, `The nominee outlined a plan and vowed to ...`.
        let shares_subject = progressive || (j > floor && matches!(self.lower(j - 1).as_ref(), "and" | "but" | "or"));
        if shares_subject {
            return self.sentence_subject(floor, k).map(|c| (c, cue));
        }
        None
    }

    /// The comma that opens a parenthesis closed by the comma before token
    /// `j`, between a subject and its verb: adverbs (`Proponents of the
    /// bill, however, say`), a party and state (`Mike Johnson, R-La., said`)
    /// or, before a finite verb (`relative`), a relative clause (`one
    /// engineer, who asked not to be named, said`; a participle after one
    /// has the sentence's subject).
    fn parenthesis_before(&self, j: usize, floor: usize, relative: bool) -> Option<usize> {
        const MOST_TOKENS: usize = 12;
        if j < floor + 3 || self.word(j - 1) != "," {
            return None;
        }
        let open = (floor.max(j.saturating_sub(MOST_TOKENS))..j - 1).rev().find(|&i| self.word(i) == ",")?;
        let inside = open + 1..j - 1;
        // A person's, right after the person's name or description (`which`
        // follows the organisation of an apposition; a place or an age ends a
        // longer one: `Harry Bond, 67, of Charlotte, N.C., who ...`).
        let person_before = |c: Candidate| match c.who {
            Who::Name(k) => self.names[k].label == Label::Person,
            Who::Description { kind, .. } => kind == Head::Person,
            _ => false,
        };
        let relative = relative
            && self.lower(inside.start) == "who"
            && self.candidate_ending_at(open, floor).is_some_and(person_before)
            && inside.clone().all(|i| !self.is_quote_mark(i) && !self.is_dash(i) && self.cue_at(i).is_none());
        if relative {
            return Some(open);
        }
        if inside.len() > 3 {
            return None;
        }
        let adverb = |i: usize| {
            let lower = self.lower(i);
            lexicon::is_between_subject_and_verb(&lower) && !lexicon::AUXILIARIES.contains(lower.as_ref())
        };
        let party_and_state = matches!(self.word(inside.start).as_bytes(), [b'R' | b'D' | b'I', b'-', c, ..] if c.is_ascii_uppercase())
            && (inside.start + 1..inside.end).all(|i| self.word(i) == ".");
        (!inside.is_empty() && (inside.clone().all(adverb) || party_and_state)).then_some(open)
    }

    /// The first speaker opening a chunk of the sentence before token `before`
    /// (past an introductory phrase: `At a forum on Monday, one questioner ...`;
    /// past a place, a dateline or setting: `Salem, New Hampshire, Trump ...`).
    fn sentence_subject(&self, floor: usize, before: usize) -> Option<Candidate> {
        // The subject of a subordinate clause only when the sentence has no
        // other: `when I asked Sanders ..., he looked ... and said`.
        let mut subordinate = None;
        let mut start = floor;
        while start < before {
            // Past conjunctions and adverbs: `Then he cut into Bush, calling ...`.
            let mut first = start;
            while first < before && (lexicon::CONJUNCTIONS.contains(self.lower(first).as_ref()) || lexicon::BETWEEN_SUBJECT_AND_VERB.contains(self.lower(first).as_ref())) {
                first += 1;
            }
            let end = (first..before).find(|&i| self.word(i) == "," || self.is_dash(i) || self.is_quote_mark(i)).unwrap_or(before);
            // A place only when a verb follows it (`Japan branded ...`, not
            // the setting `Salem, New Hampshire, Trump ...`).
            let subject = |c: &Candidate| !self.is_place(c) || (c.end < end && self.word(c.end).starts_with(char::is_lowercase));
            if let Some(c) = self.candidate_starting_at(first, end).filter(subject) {
                if first == start || is_coordinator(&self.lower(start)) {
                    return Some(c);
                }
                subordinate.get_or_insert(c);
            }
            start = end + 1;
        }
        subordinate
    }

    fn is_place(&self, c: &Candidate) -> bool {
        matches!(c.who, Who::Name(k) if self.is_place_name(k))
    }

    fn is_place_name(&self, k: usize) -> bool {
        matches!(self.names[k].label, Label::Gpe | Label::Loc | Label::Fac)
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "—" | "–" | "―" | "--")
    }

    /// Titles, descriptions and punctuation that may come between a quote
    /// and the name of its speaker: `“...,” panel Chairman Rep. X said`.
    fn may_stand_before_a_speaker(&self, i: usize) -> bool {
        let lower = self.lower(i);
        self.word(i).starts_with(char::is_uppercase)
            || lexicon::head(&lower).is_some()
            || lexicon::MODIFIERS.contains(lower.as_ref())
            || lexicon::DETERMINERS.contains(lower.as_ref())
            || matches!(lower.as_ref(), "," | "’s" | "'s")
    }

    /// A speaker the tagger did not name: up to five capitalised words at
    /// `first` (`“...” ― Christina N Luis Olidem`).
    fn capitalised_name(&self, first: usize, ceil: usize) -> Option<Speaker> {
        let end = (first..ceil.min(first + 5)).find(|&i| !self.word(i).starts_with(char::is_uppercase)).unwrap_or(ceil.min(first + 5));
        (end > first).then(|| {
            let span = self.bytes(first, end);
            Speaker { name: Some(one_line(&self.text[span.clone()])), entity: None, span, anonymous: false }
        })
    }

    /// Whether token `i` is a quotation mark: curly double marks always,
    /// others (`"`, `'`, `’`) when they open or close a passage.
    fn is_quote_mark(&self, i: usize) -> bool {
        matches!(self.word(i), "”" | "“" | "»" | "«") || self.marks.binary_search(&i).is_ok()
    }

    /// The subject of a verb after an apposition or parenthesis ending at
    /// token `at` (a comma, dash or bracket): `Grigory A. Yavlinsky, a longtime
    /// Russian politician who ..., said`; `Last month, Rajan Menon, director
    /// of ..., argued`. Walks back chunk by chunk; a chunk that opens with a
    /// name wins, else the nearest that opens with a description. The names
    /// of a relative clause opened by `whose` are not the subject, which
    /// stands before it (`Mr. Slinker, whose start-up, Paradata, uses big
    /// data, said`).
    fn subject_before_apposition(&self, at: usize, floor: usize) -> Option<Candidate> {
        const MOST_TOKENS: usize = 24;
        let whose = (floor.max(at.saturating_sub(MOST_TOKENS)) + 1..at).rev().find(|&i| self.lower(i) == "whose" && self.word(i - 1) == ",");
        let mut end = whose.map_or(at, |i| i - 1);
        let mut fallback = None;
        // Four chunks, not counting the parts of addresses passed over.
        let mut chunks = 4;
        while chunks > 0 {
            chunks -= 1;
            if end <= floor {
                break;
            }
            // `Paul D. Ryan (R-Wis.) said`, `Jim Jordan (R-Ohio), a member, said`: the name before the bracket.
            let bracket = [end, end.saturating_sub(1)].into_iter().find(|&i| i > floor && self.word(i) == ")");
            if let Some(close) = bracket {
                let open = (floor..close).rev().find(|&i| self.word(i) == "(")?;
                return self.candidate_ending_at(open, floor);
            }
            let start = self.chunk_start(floor, end);
            let mut first = start;
            while first < end && lexicon::CONJUNCTIONS.contains(self.lower(first).as_ref()) {
                first += 1;
            }
            // The second part of an address is no subject: `Clinton, at a
            // town hall in Columbus, Ohio, said`.
            let address = start > floor + 1 && self.word(start - 1) == "," && self.name_ending(start - 1).is_some_and(|k| self.is_place_name(k));
            // The subject of a whole subordinate clause is not the speaker
            // (`“...” if she did not win by more, said David Wasserman`); the
            // subject alone is (`As Tom Ridge, a former secretary, put it`).
            let subordinate = first > start && !is_coordinator(&self.lower(start));
            let candidate = self.candidate_starting_at(first, end).filter(|c| !subordinate || c.end == end);
            if address && candidate.as_ref().is_some_and(|c| c.end == end && self.is_place(c)) {
                chunks += 1;
                end = start - 1;
                continue;
            }
            if let Some(c) = candidate {
                match c.who {
                    Who::Name(_) | Who::Pronoun => return Some(c),
                    _ => {
                        fallback.get_or_insert(c);
                    }
                }
            }
            // `The issue came up after Mr. Trump, asked about ..., had said`:
            // a subordinate clause opening inside the chunk, whose subject
            // ends it (not a name after `and`: `who voted for JFK and Bill
            // Clinton, said`; but a subject pronoun: `and he, once again,
            // pledged`).
            let clause_subject = (first + 1..end)
                .rev()
                .filter(|&i| lexicon::CONJUNCTIONS.contains(self.lower(i - 1).as_ref()))
                .find_map(|i| {
                    let coordinated = is_coordinator(&self.lower(i - 1));
                    self.candidate_starting_at(i, end)
                        .filter(|c| c.end == end && (matches!(c.who, Who::Pronoun) || !coordinated && matches!(c.who, Who::Name(_))))
                });
            if let Some(c) = clause_subject {
                return Some(c);
            }
            if start == floor || self.is_quote_mark(start - 1) {
                break;
            }
            end = start - 1;
        }
        fallback
    }

    /// A subject neither the tagger nor the lexicon knows, a whole clause
    /// chunk before its verb at `end`: `“...,” the 43-year-old asked`,
    /// `The email said, “...”`, `A flabbergasted Noah quipped, “...”`. It
    /// opens with a capital or a determiner and has a few words, none a verb
    /// of speech or a conjunction.
    fn bare_subject(&self, floor: usize, end: usize) -> Option<Candidate> {
        let first = (floor..end).rev().find(|&i| matches!(self.word(i), "," | ":" | ";" | "(" | ")") || self.is_dash(i) || self.is_quote_mark(i)).map_or(floor, |i| i + 1);
        // A determiner marks where a noun phrase opens, so a chunk opening
        // with one may be longer: `the Florida senator and Republican
        // presidential candidate`.
        let determined = first < end && lexicon::DETERMINERS.contains(self.lower(first).as_ref());
        // Before an infinitive (`took to Twitter to say`) the subject is the sentence's.
        if first >= end || end - first > if determined { 8 } else { 5 } || self.lower(end - 1) == "to" {
            return None;
        }
        // Not a clause of its own: a person's name only at its end or after a
        // determiner (`his nephew Jack Soheil`, `the Lincoln actor`, not
        // `Sharpton avoided a declarative`).
        let clause = !determined
            && (first..end).any(|i| self.name_starting(i).is_some_and(|k| self.names[k].label == Label::Person && self.name_tokens[k].end < end));
        let words = (first..end).all(|i| self.is_phrase_word(i) || (i > first && self.joins_titles(i)));
        (!clause && self.opens_phrase(first) && words).then_some(Candidate { first, end, who: Who::Phrase })
    }

    /// Whether token `i` is an `and` joining two titles of one person:
    /// `the senator and Republican presidential candidate`.
    fn joins_titles(&self, i: usize) -> bool {
        self.lower(i) == "and" && lexicon::head(&self.lower(i - 1)).is_some_and(|(_, k)| k == Head::Person)
    }

    /// A description or name widened to the start of its clause chunk over
    /// words the lexicon does not know: `the real estate developer`, not
    /// `developer`; `his nephew Jack Soheil`.
    fn widened(&self, c: Candidate, floor: usize) -> Candidate {
        if !matches!(c.who, Who::Description { .. } | Who::Name(_)) {
            return c;
        }
        match self.bare_subject(floor, c.end) {
            Some(chunk) if chunk.first < c.first => {
                // An indefinite description that the one found ends a tail
                // of: its head is the tail's (`a source close to the
                // company`: a source, not a company).
                let indefinite = lexicon::DETERMINERS.contains(self.lower(chunk.first).as_ref()) && !self.is_definite(chunk.first, c.first);
                let tail_head = (chunk.first..c.first).filter(|_| indefinite).find_map(|i| {
                    let (head, kind) = lexicon::head(&self.lower(i))?;
                    lexicon::POSTMODIFIER_OPENERS.contains(self.lower(i + 1).as_ref()).then_some((head, kind, i))
                });
                let who = match (tail_head, c.who) {
                    (Some((head, kind, h)), Who::Description { .. }) => Who::Description { head, kind, definite: self.is_definite(chunk.first, h) },
                    (_, Who::Description { head, kind, definite }) => Who::Description { head, kind, definite: definite || self.is_definite(chunk.first, c.first) },
                    (_, who) => who,
                };
                Candidate { first: chunk.first, end: c.end, who }
            }
            _ => c,
        }
    }

    /// The same after an inverted verb, up to its tail: `said another
    /// leading advocate, ...`, `asked the 43-year-old in ...`.
    fn bare_phrase_from(&self, first: usize, ceil: usize) -> Option<Candidate> {
        let end = (first..ceil.min(first + 6))
            .find(|&i| !self.is_phrase_word(i) || lexicon::POSTMODIFIER_OPENERS.contains(self.lower(i).as_ref()))
            .unwrap_or(ceil.min(first + 6));
        (end > first && end - first <= 5 && self.opens_phrase(first)).then_some(Candidate { first, end, who: Who::Phrase })
    }

    /// The subject before a relative clause that ends right before its verb
    /// at `end`, with no comma: `Another Muslim who worshiped at the mosque
    /// said`, `People who know him said`. The clause must open with a verb
    /// (`the candidate who Trump said would win` is no such clause).
    fn subject_before_relative_clause(&self, end: usize, floor: usize) -> Option<Candidate> {
        const MOST_TOKENS: usize = 12;
        let who = (floor.max(end.saturating_sub(MOST_TOKENS))..end).rev().find(|&i| self.lower(i) == "who")?;
        let opens_with_verb = who + 1 < end && self.word(who + 1).starts_with(char::is_lowercase) && !lexicon::SUBJECT_PRONOUNS.contains(self.lower(who + 1).as_ref());
        let clear = (who + 1..end).all(|i| !matches!(self.word(i), "," | ";" | ":" | "(" | ")") && !self.is_quote_mark(i) && !self.is_dash(i) && self.cue_at(i).is_none());
        if who <= floor || !opens_with_verb || !clear {
            return None;
        }
        self.candidate_ending_at(who, floor).or_else(|| self.bare_subject(floor, who))
    }

    /// The source after `according to` or `in the words of`: a speaker, or
    /// else the words up to the clause's end, which name a source whatever
    /// they are (`according to calculations by Amy Glasmeier`, `according
    /// to his longtime physician`).
    fn source_after_phrase(&self, first: usize, ceil: usize) -> Option<Candidate> {
        const MOST_TOKENS: usize = 10;
        self.candidate_starting_at(first, ceil).or_else(|| {
            let breaks = |i: usize| matches!(self.word(i), "," | "." | ";" | ":" | "(" | ")" | "?" | "!") || self.is_quote_mark(i) || self.is_dash(i);
            let end = (first..ceil.min(first + MOST_TOKENS + 1)).find(|&i| breaks(i)).unwrap_or(ceil.min(first + MOST_TOKENS + 1));
            let pronoun = lexicon::SUBJECT_PRONOUNS.contains(self.lower(first).as_ref());
            let whole = end > first && end - first <= MOST_TOKENS && !lexicon::DETERMINERS.contains(self.lower(end - 1).as_ref());
            (whole && !pronoun && self.word(first).starts_with(char::is_alphanumeric)).then_some(Candidate { first, end, who: Who::Phrase })
        })
    }

    /// Whether a phrase in a speaker's place may open at token `i`: with a
    /// capital or a determiner.
    fn opens_phrase(&self, i: usize) -> bool {
        self.word(i).starts_with(char::is_uppercase) || lexicon::DETERMINERS.contains(self.lower(i).as_ref())
    }

    /// Whether token `i` may stand in a phrase in a speaker's place: a word,
    /// neither a verb of speech nor an auxiliary (`said the plan would
    /// fail` has no speaker after the verb), a conjunction or a pronoun.
    fn is_phrase_word(&self, i: usize) -> bool {
        let lower = self.lower(i);
        self.word(i).chars().next().is_some_and(char::is_alphanumeric)
            && self.cue_at(i).is_none()
            && !lexicon::AUXILIARIES.contains(lower.as_ref())
            && !lexicon::CONJUNCTIONS.contains(lower.as_ref())
            && !lexicon::SUBJECT_PRONOUNS.contains(lower.as_ref())
            && !matches!(lower.as_ref(), "who" | "which" | "that" | "what")
    }

    /// A speaker ending just before token `end`.
    fn candidate_ending_at(&self, end: usize, floor: usize) -> Option<Candidate> {
        // No words between the floor and `end` (`(` the first token): no speaker.
        if end <= floor {
            return None;
        }
        let last = end - 1;
        // A description whose tail ends here: `officials close to the Kremlin`.
        for h in (floor..end).rev().take(12) {
            if matches!(self.word(h), "," | ";" | "(" | ")") || self.is_quote_mark(h) {
                break;
            }
            if let Some(c) = self.description_at(h, floor, end) {
                if c.end == end {
                    return Some(c);
                }
            }
        }
        if let Some(k) = self.name_ending(end).filter(|&k| self.may_speak(k)) {
            let first = self.token_at(self.names[k].start);
            // `Mr. Morgan of the Sierra Club said`: the person, not the organisation.
            let mut at = first;
            while at > floor + 1 && matches!(self.lower(at - 1).as_ref(), "the") {
                at -= 1;
            }
            if at > floor + 1 && matches!(self.lower(at - 1).as_ref(), "of" | "at" | "from" | "for" | "with") {
                if let Some(person) = self.name_ending(at - 1).filter(|&p| self.names[p].label == Label::Person) {
                    let first = self.token_at(self.names[person].start);
                    return Some(Candidate { first, end, who: Who::Name(person) });
                }
            }
            // `Another intelligence source speaking to Fox News said`: the
            // one who opens the chunk, not a preposition's object.
            if at > floor && PREPOSITIONS.contains(self.lower(at - 1).as_ref()) && self.names[k].label != Label::Person {
                if let Some(c) = self.candidate_starting_at(self.chunk_start(floor, at), at - 1).filter(|c| !matches!(c.who, Who::Pronoun)) {
                    return Some(c);
                }
            }
            return Some(Candidate { first, end, who: Who::Name(k) });
        }
        let lower = self.lower(last);
        let opens_clause = last == floor || matches!(self.word(last - 1), "," | ":" | ";") || self.is_dash(last - 1) || self.is_quote_mark(last - 1);
        if lexicon::SUBJECT_PRONOUNS.contains(lower.as_ref()) {
            return Some(Candidate { first: last, end, who: Who::Pronoun });
        }
        if matches!(lower.as_ref(), "one" | "another") && opens_clause {
            return Some(Candidate { first: last, end, who: Who::One });
        }
        if lower == "who" && last > floor {
            let name_end = if self.word(last - 1) == "," { last - 1 } else { last };
            if let Some(k) = self.name_ending(name_end).filter(|&k| self.names[k].label == Label::Person) {
                return Some(Candidate { first: last, end, who: Who::Relative(k) });
            }
            // `A senator, who said`: the description `who` stands for.
            let description = (name_end < last).then(|| self.candidate_ending_at(name_end, floor)).flatten();
            if let Some(c) = description.filter(|c| matches!(c.who, Who::Description { .. })) {
                return Some(c);
            }
        }
        None
    }

    /// A speaker starting at token `first`, within `..ceil`.
    fn candidate_starting_at(&self, first: usize, ceil: usize) -> Option<Candidate> {
        if first >= ceil {
            return None;
        }
        // A description (which may be a title before a name) first, since it
        // may begin with a name: `French officials`, `Kremlin spokesman Dmitry Peskov`.
        for h in first..ceil.min(first + 10) {
            if matches!(self.word(h), "," | ";" | "(" | ")" | ".") || self.is_quote_mark(h) {
                break;
            }
            if let Some(c) = self.description_at(h, first, ceil) {
                if c.first == first {
                    return Some(c);
                }
            }
        }
        // An organisation's article: `according to the Daily Caller`.
        if self.lower(first) == "the" {
            if let Some(k) = self.name_starting(first + 1).filter(|&k| self.names[k].label == Label::Org && self.name_tokens[k].end <= ceil) {
                return Some(Candidate { first, end: self.name_tokens[k].end, who: Who::Name(k) });
            }
        }
        // Titles before a name: `Rep. Elijah Cummings`, `former Sen. Evan Bayh`,
        // a place's (`Texas Sen. Ted Cruz`, `former Pennsylvania Gov. Ed Rendell`).
        let mut at = first;
        while let Some(next) = self.past_title(at, ceil) {
            at = next;
        }
        // A title phrase before a person's name, ending in a person noun or a
        // title, with no other person's name and no preposition in it:
        // `Republican presidential candidate Donald Trump`, `retired Army Lt.
        // Gen. Mick Bednarek`.
        let person_at = (first + 1..ceil.min(first + 5)).find_map(|i| self.name_starting(i).filter(|&k| self.names[k].label == Label::Person).map(|k| (i, k)));
        if let Some((at, k)) = person_at.filter(|&(at, _)| {
            let titled = lexicon::head(&self.lower(at - 1)).is_some_and(|(_, kind)| kind == Head::Person) || self.is_title(at - 1);
            let title_word = |i: usize| self.is_phrase_word(i) && !PREPOSITIONS.contains(self.lower(i).as_ref()) && self.name_starting(i).is_none_or(|k| self.names[k].label != Label::Person);
            titled && (first..at).all(title_word)
        }) {
            return Some(Candidate { first: at, end: self.name_tokens[k].end, who: Who::Name(k) });
        }
        if let Some(k) = self.name_starting(at).filter(|&k| self.may_speak(k)) {
            let end = self.name_tokens[k].end;
            return Some(Candidate { first: at, end, who: Who::Name(k) });
        }
        let lower = self.lower(first);
        if lexicon::SUBJECT_PRONOUNS.contains(lower.as_ref()) {
            return Some(Candidate { first, end: first + 1, who: Who::Pronoun });
        }
        None
    }

    /// A person's name after up to three lower-case words, closing the
    /// clause before a comma or a full stop, from token `first`: the words are
    /// the person's title, though the lexicon does not know them (`said
    /// neurosurgeon Ben Carson.`). Not after a determiner, which opens a
    /// description (`said the younger Mr. Trump`), nor after `whether`, which
    /// opens a clause (`Asked whether Clinton “...”`).
    fn titled_name_closing(&self, first: usize, ceil: usize) -> Option<Candidate> {
        let title_word = |i: usize| {
            let lower = self.lower(i);
            self.word(i).starts_with(char::is_lowercase)
                && self.is_phrase_word(i)
                && !PREPOSITIONS.contains(self.word(i))
                && !lexicon::DETERMINERS.contains(lower.as_ref())
                && lower != "whether"
        };
        let (at, k) = (first + 1..ceil.min(first + 4))
            .take_while(|&i| title_word(i - 1))
            .find_map(|i| self.name_starting(i).filter(|&k| self.names[k].label == Label::Person).map(|k| (i, k)))?;
        let end = self.name_tokens[k].end;
        (end < ceil && matches!(self.word(end), "." | "," | ";")).then_some(Candidate { first: at, end, who: Who::Name(k) })
    }

    /// The description headed by the noun at token `h`, within `floor..ceil`:
    /// determiners, modifiers and names before it, a tail (`familiar with
    /// the talks`) after it. A title followed by a person's name is that
    /// person (`German government spokesman Steffen Hebestreit`).
    fn description_at(&self, h: usize, floor: usize, ceil: usize) -> Option<Candidate> {
        let lower = self.lower(h);
        let (head, kind) = lexicon::head(&lower)?;
        // Not a head that qualifies a title after it (`Army Lt. Gen. Mick Bednarek`).
        let next_is_head = h + 1 < ceil && (lexicon::head(&self.lower(h + 1)).is_some() || self.is_title(h + 1));
        if next_is_head || self.inside_name(h) || (self.word(h).starts_with(char::is_uppercase) && h > floor && kind == Head::Institution) {
            return None;
        }
        // Left: determiners, modifiers, names and possessives.
        let mut first = h;
        while first > floor {
            let i = first - 1;
            let w = self.lower(i);
            // `that` before another determiner opens a clause (`wrote that the senator said`).
            let complementiser = w == "that" && lexicon::DETERMINERS.contains(self.lower(i + 1).as_ref());
            let allowed = lexicon::DETERMINERS.contains(w.as_ref()) && !complementiser
                || lexicon::MODIFIERS.contains(w.as_ref())
                || matches!(w.as_ref(), "’s" | "'s")
                // The possessor of a possessive: `the paper's editorial board`.
                || (i + 1 < h && matches!(self.word(i + 1), "’s" | "'s"))
                || (i > floor && self.joins_titles(i))
                || (w == "of" && i > floor && lexicon::DETERMINERS.contains(self.lower(i - 1).as_ref()))
                || self.inside_name(i)
                || (self.word(i).starts_with(char::is_uppercase) && !self.is_sentence_start(i))
                || w.chars().all(|c| c.is_ascii_digit())
                || lexicon::head(&w).is_some_and(|(_, k)| k == Head::Institution);
            if !allowed {
                break;
            }
            first = i;
        }
        // Up to four words the lexicon does not know, after a determiner:
        // `a prominent Republican National Committee member`, `a former
        // senior law enforcement official`, `the bespectacled, 71-year-old diplomat`.
        if !lexicon::DETERMINERS.contains(self.lower(first).as_ref()) {
            let determiner = (floor.max(first.saturating_sub(5))..first).rev().find(|&i| lexicon::DETERMINERS.contains(self.lower(i).as_ref()));
            let unknown = |i: usize| {
                let lower = self.lower(i);
                self.is_phrase_word(i) && !self.word(i).starts_with(char::is_uppercase) && lexicon::head(&lower).is_none() && !PREPOSITIONS.contains(lower.as_ref())
            };
            if let Some(d) = determiner.filter(|&d| (d + 1..first).all(|i| unknown(i) || (i > d + 1 && i + 1 < first && self.word(i) == ","))) {
                first = d;
            }
        }
        // Not the conjunction of a coordinated subject (`experts and U.S. officials`).
        while first < h && is_coordinator(&self.lower(first)) {
            first += 1;
        }
        // A title before a person's name names that person.
        if let Some(k) = self.name_starting(h + 1) {
            if self.names[k].label == Label::Person {
                let end = self.name_tokens[k].end;
                return Some(Candidate { first, end, who: Who::Name(k) });
            }
        }
        // Right: a tail opened by `familiar`, `close`, `with`, `at`...
        let mut end = h + 1;
        if end < ceil && lexicon::POSTMODIFIER_OPENERS.contains(self.lower(end).as_ref()) {
            let mut i = end + 1;
            while i < ceil && i < h + 10 {
                let w = self.lower(i);
                let stop = !w.chars().next().is_some_and(char::is_alphanumeric)
                    || matches!(w.as_ref(), "who" | "which" | "that" | "and" | "but" | "as")
                    || lexicon::cue(&w).is_some()
                    || lexicon::is_between_subject_and_verb(&w);
                if stop {
                    break;
                }
                i += 1;
            }
            if i > end + 1 {
                end = i;
            }
        }
        Some(Candidate { first, end, who: Who::Description { head, kind, definite: self.is_definite(first, h) } })
    }

    /// Whether the description from token `first` to its head `h` is
    /// definite: `the official`, `his lawyer`, `Trump’s spokesman`.
    fn is_definite(&self, first: usize, h: usize) -> bool {
        matches!(self.lower(first).as_ref(), "the" | "his" | "her" | "their" | "its" | "this" | "that") || (first..h).any(|i| matches!(self.word(i), "’s" | "'s"))
    }

    /// Whether name `k` can be a speaker: a nationality or group only as a
    /// plural (`Republicans said`, not the adjective of `Republican nominee`).
    fn may_speak(&self, k: usize) -> bool {
        let name = &self.names[k];
        name.label != Label::Norp || self.text[name.start..name.end].ends_with('s')
    }

    /// A capitalised title: `Rep.`, `President`, `Gov.`.
    /// The token after a title word at `at`, a modifier before a title
    /// (`former`), the name of a place or body before a title (`Texas` of
    /// `Texas Sen.`, `DNC` of `DNC Chairman`), or an `and` between titles.
    fn past_title(&self, at: usize, ceil: usize) -> Option<usize> {
        if at >= ceil {
            return None;
        }
        let name_before_title = |i: usize| {
            self.name_starting(i)
                .filter(|&k| self.names[k].label != Label::Person)
                .map(|k| self.name_tokens[k].end)
                .filter(|&end| end < ceil && self.is_title(end))
        };
        let title_follows = |i: usize| i < ceil && (self.is_title(i) || name_before_title(i).is_some());
        match self.name_starting(at) {
            Some(_) => name_before_title(at),
            None if self.is_title(at) => Some(at + 1),
            None => {
                let lower = self.lower(at);
                let modifier = lexicon::MODIFIERS.contains(lower.as_ref());
                let joins = lower == "and" && at > 0 && self.is_title(at - 1);
                ((modifier || joins) && (title_follows(at + 1) || (joins && self.past_title(at + 1, ceil).is_some()))).then_some(at + 1)
            }
        }
    }

    fn is_title(&self, i: usize) -> bool {
        let word = crate::ner::stopped_title(self.word(i)).unwrap_or(self.word(i));
        word.starts_with(char::is_uppercase)
            && (GAZETTEER.kinds(word).contains(&GazetteerKind::Title) || lexicon::head(&self.lower(i)).is_some_and(|(_, k)| k == Head::Person))
    }

    fn inside_name(&self, i: usize) -> bool {
        let byte = self.tokens[i].start();
        let after = self.name_ranges.partition_point(|n| n.start <= byte);
        after > 0 && self.name_ranges[after - 1].end > byte
    }

    fn is_sentence_start(&self, i: usize) -> bool {
        self.segmented.sentences[self.sentence_of(i).unwrap_or(0)].first_token == i || (i > 0 && self.is_quote_mark(i - 1))
    }

    fn bytes(&self, first: usize, end: usize) -> Range<usize> {
        self.tokens[first].start()..self.tokens[end - 1].end()
    }

    /// The speaker a candidate stands for.
    fn speaker(&self, c: &Candidate, memory: &mut Memory) -> Option<Speaker> {
        let span = self.bytes(c.first, c.end);
        match &c.who {
            Who::Name(k) => {
                let name = &self.names[*k];
                let entity = self.entity_of[*k];
                Some(self.named(entity, name.start..name.end))
            }
            // The relative pronoun is the span, as a pronoun is.
            Who::Relative(k) => Some(self.named(self.entity_of[*k], span)),
            Who::Pronoun => Some(match self.antecedent(c.first) {
                Some(entity) => self.named(entity, span),
                None => match self.described_antecedent(c.first, memory) {
                    Some(described) => Speaker { span, ..described.clone() },
                    None => Speaker { name: None, entity: None, span, anonymous: false },
                },
            }),
            Who::One => {
                // `one of several officials`; after a single source, another of its kind (`another diplomat`).
                let group = memory.descriptions.iter().rev().find(|d| d.anonymous)?;
                let name = group.name.as_ref().map(|g| {
                    let head = description_head(g);
                    let plural = head.is_empty() || lexicon::singular(&head) != head;
                    if plural { format!("one of {g}") } else { format!("{} {head}", self.lower(c.first)) }
                });
                Some(Speaker { name, entity: None, span, anonymous: true })
            }
            Who::Phrase => {
                // `One of them`, `one of the diplomats`: an unnamed member of a group.
                let unnamed_member = self.lower(c.first) == "one" && c.first + 1 < c.end && self.lower(c.first + 1) == "of";
                let name = printed_description(&self.text[span.clone()], self.is_sentence_start(c.first));
                Some(Speaker { name: Some(name), entity: None, span, anonymous: unnamed_member })
            }
            Who::Description { head, kind, definite } => {
                // `Mrs. Clinton's advisers` are no one person who is an adviser.
                let printed_head = description_head(&self.text[span.clone()]);
                let plural = lexicon::singular(&printed_head) != printed_head;
                if *definite {
                    if let Some(entity) = self.entity_titled(head, *kind, span.start).filter(|_| !plural).or_else(|| self.organisation_referred_to(&span, head, *kind)) {
                        return Some(self.named(entity, span));
                    }
                    let same_head = |d: &&Speaker| d.name.as_deref().is_some_and(|n| lexicon::head(&description_head(n)).is_some_and(|(h, _)| &h == head));
                    if let Some(earlier) = memory.descriptions.iter().rev().find(same_head) {
                        return Some(Speaker { span, ..earlier.clone() });
                    }
                }
                let name = printed_description(&self.text[span.clone()], self.is_sentence_start(c.first));
                let speaker = Speaker { name: Some(name), entity: None, span, anonymous: *kind == Head::Person };
                memory.descriptions.push(speaker.clone());
                Some(speaker)
            }
        }
    }

    fn named(&self, entity: usize, span: Range<usize>) -> Speaker {
        Speaker { name: Some(self.entities[entity].name.clone()), entity: Some(entity), span, anonymous: false }
    }

    /// The named person an article gives the title `head` (`spokesman`),
    /// the latest mentioned before byte `before` first; or, for an
    /// institution (`the ministry`), the organisation whose name ends so.
    fn entity_titled(&self, head: &str, kind: Head, before: usize) -> Option<usize> {
        let matches = |e: &Entity| match kind {
            Head::Person => e.label == Label::Person && e.roles.iter().any(|r| r.split_whitespace().any(|w| lexicon::singular(&w.to_lowercase()) == head)),
            Head::Institution => e.label == Label::Org && e.name.split_whitespace().last().is_some_and(|w| w.to_lowercase() == head),
        };
        // Most descriptions match nobody: then there is no mention to look through.
        if !self.entities.iter().any(matches) {
            return None;
        }
        let latest = self
            .names
            .iter()
            .zip(self.entity_of)
            .filter(|(n, &e)| n.start < before && matches(&self.entities[e]))
            .max_by_key(|(n, _)| n.start)
            .map(|(_, &e)| e);
        latest.or_else(|| self.entities.iter().position(matches))
    }

    /// The organisation `the company`, `the group` (the noun alone after
    /// `the`, at bytes `span`) stands for: the first one named in the
    /// nearest of its sentence and the two before that names one before it.
    fn organisation_referred_to(&self, span: &Range<usize>, head: &str, kind: Head) -> Option<usize> {
        let refers = kind == Head::Institution && crate::resolve::REFERRING_NOUNS.value(head) == Some("organisation");
        if !refers || !self.text[span.clone()].eq_ignore_ascii_case(&format!("the {head}")) {
            return None;
        }
        let here = self.sentence_of(self.token_at(span.start))?;
        (here.saturating_sub(2)..=here).rev().find_map(|s| {
            self.names_in_sentence(s)
                .iter()
                .find(|&&k| self.names[k].label == Label::Org && self.names[k].end <= span.start)
                .map(|&k| self.entity_of[k])
        })
    }

    /// The person a `he`/`she` at token `at` refers to: in the nearest
    /// sentence back that names a fitting person as a subject (not after a
    /// preposition, not possessive, not inside a quote), the first one.
    fn antecedent(&self, at: usize) -> Option<usize> {
        let pronoun = self.lower(at);
        let wanted = match pronoun.as_ref() {
            "he" | "his" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            _ => return None,
        };
        let here = self.sentence_of(at).unwrap_or(0);
        let byte = self.tokens[at].start();
        for s in (here.saturating_sub(8)..=here).rev() {
            if !self.in_paragraph[s] {
                continue;
            }
            let bounds = self.sentence_bounds(s);
            // People of this sentence who may be the pronoun's antecedent, and whether each is a possessive.
            let people: Vec<(usize, bool)> = self.names_in_sentence(s)
                .iter()
                .map(|&k| (k, &self.names[k]))
                .filter(|(k, n)| n.label == Label::Person && n.start < byte && !self.is_quoted(self.name_tokens[*k].start))
                .filter(|(k, _)| self.gender(self.entity_of[*k]).is_none_or(|g| Some(g) == wanted))
                .filter_map(|(k, _)| {
                    let Range { start: first, end } = self.name_tokens[k].clone();
                    // Past its titles: `the murder of Father Jacques Hamel`.
                    let lead = (bounds.start..first).rev().take_while(|&i| self.is_title(i)).last().unwrap_or(first);
                    let after_preposition = lead > bounds.start && PREPOSITIONS.contains(self.lower(lead - 1).as_ref());
                    let possessive = end < bounds.end && matches!(self.word(end), "’s" | "'s" | "’" | "'");
                    (!after_preposition).then_some((k, possessive))
                })
                .collect();
            // A subject first; a possessive (`Gatilov’s dismissal ... he complained`) only failing one.
            let chosen = people.iter().find(|(_, possessive)| !possessive).or_else(|| people.first());
            if let Some(&(k, _)) = chosen {
                return Some(self.entity_of[k]);
            }
        }
        None
    }

    /// The people last described as a source, in this sentence or the two
    /// before, when a pronoun at token `at` has no named antecedent: one
    /// person for `he` or `she` (`The spokeswoman said ... “...,” she
    /// added`), several for `they` (`Former prosecutors said ... Take action
    /// now, they said, ...`).
    fn described_antecedent<'m>(&self, at: usize, memory: &'m Memory) -> Option<&'m Speaker> {
        let plural = match self.lower(at).as_ref() {
            "he" | "she" => false,
            "they" => true,
            _ => return None,
        };
        let byte = self.tokens[at].start();
        let earliest = self.sentence_of(at).unwrap_or(0).saturating_sub(2);
        let described = memory.descriptions.iter().rev().find(|d| d.span.start < byte)?;
        let people = described.anonymous
            && described.name.as_deref().is_some_and(|n| {
                let head = description_head(n);
                (lexicon::singular(&head) != head) == plural
            });
        let near = self.sentence_of(self.token_at(described.span.start)).is_some_and(|s| s >= earliest);
        (people && near).then_some(described)
    }

    /// A person's gender as the article's honorifics (`Mr. Putin`) or else
    /// the given name of a full name (`Hillary Clinton`) tell it.
    fn gender(&self, entity: usize) -> Option<Gender> {
        let entity = &self.entities[entity];
        let honorific = entity.aliases.iter().find_map(|a| match a.split_whitespace().next() {
            Some("Mr." | "Mr") => Some(Gender::Male),
            Some("Ms." | "Mrs." | "Ms" | "Mrs" | "Miss") => Some(Gender::Female),
            _ => None,
        });
        let given_name = || {
            let (given, _) = entity.name.split_once(' ')?;
            lexicon::GIVEN_NAME_SEX.value(given).map(|sex| if sex == "F" { Gender::Female } else { Gender::Male })
        };
        honorific.or_else(given_name)
    }

    /// The reported clauses of one sentence and their speakers: one, or one
    /// for each coordinated report (`X agreed that ..., but he said that ...`).
    fn indirect_in(&self, bounds: Range<usize>, memory: &mut Memory) -> Vec<Quote> {
        if bounds.clone().any(|i| self.is_quote_mark(i) || self.is_quoted(i)) {
            return Vec::new();
        }
        self.reports(bounds, memory)
    }

    fn reports(&self, bounds: Range<usize>, memory: &mut Memory) -> Vec<Quote> {
        let Some((quote, next)) = self.reported_in(bounds.clone(), true, memory) else {
            return Vec::new();
        };
        let Some(next) = next else {
            return vec![quote];
        };
        let rest = self.reports(next..bounds.end, memory);
        if rest.is_empty() {
            // The second report has no speaker after all: the first runs on.
            return self.reported_in(bounds, false, memory).map(|(quote, _)| quote).into_iter().collect();
        }
        std::iter::once(quote).chain(rest).collect()
    }

    /// The first reported clause in `bounds` and its speaker, with where a
    /// coordinated report that ends the clause starts (`, but he said ...`)
    /// when `split`.
    fn reported_in(&self, bounds: Range<usize>, split: bool, memory: &mut Memory) -> Option<(Quote, Option<usize>)> {
        let cues: Vec<usize> = bounds.clone().filter(|&k| self.cue_at(k) == Some(Cue::Speech)).collect();
        if cues.is_empty() {
            return None;
        }
        // The clause ends before the sentence's closing punctuation, not before a per cent sign.
        let mut end = bounds.end;
        while end > bounds.start && self.word(end - 1) != "%" && !self.word(end - 1).chars().any(char::is_alphanumeric) {
            end -= 1;
        }
        for &k in &cues {
            let according = self.lower(k) == "according";
            let inverted = self.inverted_speaker(k, bounds.start, end);
            let Some((candidate, cue)) = inverted.clone().or_else(|| self.cue_candidate(k, bounds.start, end)) else { continue };
            // Known first, so that a source described here is remembered even without a clause.
            let Some(speaker) = self.speaker(&candidate, memory) else { continue };
            // `CLAUSE, X said.`, `CLAUSE, according to X.`: the clause before the comma.
            // Or ends the clause before a participle: `..., the Post reported, citing ...`.
            let participle_follows = k + 2 < end && self.word(k + 1) == "," && self.is_participle(k + 2);
            // `ADVERBIAL, according to X, CLAUSE`: the clause before must be one.
            let adverbials = self.adverbials_close(k, candidate.end, end)
                && (!according || (bounds.start..k).any(|i| lexicon::is_finite_verb(&self.lower(i))));
            let at_the_end = k + 1 == end || candidate.end >= end || inverted.is_some() || participle_follows || adverbials;
            if let Some(quote) = self.reported_around(bounds.start..end, &candidate, k, &speaker, &cue) {
                return Some((quote, None));
            }
            let clause = if at_the_end {
                let Some(comma) = (bounds.start..candidate.first.min(k)).rev().find(|&i| self.word(i) == ",") else { continue };
                bounds.start..comma
            } else if according {
                // `According to X, CLAUSE.`
                let Some(comma) = (candidate.end..end).find(|&i| self.word(i) == ",") else { continue };
                (comma + 1)..end
            } else {
                let Some(clause) = self.reported_clause(k.max(candidate.end.saturating_sub(1)), end) else { continue };
                clause
            };
            // After a verb of speech that also takes an object (`announced
            // the duties last week, saying ...`), a clause opened by a
            // determiner needs a finite verb before any comma (`announced
            // the plant would close`); after `say`, none (`said the plan works`).
            let after_that = clause.start > 0 && self.lower(clause.start - 1) == "that";
            let object_like = !after_that
                && !according
                && !at_the_end
                && lexicon::DETERMINERS.contains(self.lower(clause.start).as_ref())
                && !lexicon::is_say_or_tell(&self.lower(k))
                && !(clause.start..clause.end).take_while(|&i| self.word(i) != ",").any(|i| lexicon::is_finite_verb(&self.lower(i)));
            if object_like {
                continue;
            }
            // A second report coordinated inside the clause ends it.
            let next = (split && !at_the_end).then(|| self.coordinated_report(clause.clone(), &cues)).flatten();
            let clause = clause.start..next.map_or(clause.end, |n| n - 1);
            // Three words make a clause after `that` or `according to X,`
            // (`that aftershocks were expected`) or from a subject pronoun
            // (`says he respects Clinton`); four otherwise.
            let marked = according || after_that || lexicon::SUBJECT_PRONOUNS.contains(self.lower(clause.start).as_ref());
            if clause.end <= clause.start || clause.end - clause.start < if marked { 3 } else { 4 } {
                continue;
            }
            let bytes = self.bytes(clause.start, clause.end);
            let quote = Quote {
                text: one_line(&self.text[bytes.clone()]),
                start: bytes.start,
                end: bytes.end,
                kind: QuoteKind::Indirect,
                speaker: Some(speaker),
                cue: Some(cue),
            };
            return Some((quote, next));
        }
        None
    }

    /// Whether the attribution with its cue at `k` and its speaker ending
    /// before `speaker_end` ends the sentence at `end` with times and
    /// adverbials only: `, Holloway said Tuesday.`, `, she wrote in a
    /// statement on Monday.`, not `, he said on Tuesday that ...`, nor `,
    /// Oracle announced last week, may be ...`.
    fn adverbials_close(&self, k: usize, speaker_end: usize, end: usize) -> bool {
        // `According to X,` opening the sentence introduces the clause after it.
        if !lexicon::CLOSING_CUES.contains(self.lower(k).as_ref()) || self.lower(k) == "according" && !(k > 0 && self.word(k - 1) == ",") {
            return false;
        }
        let mut after = self.past_times((k + 1).max(speaker_end), end);
        // Past the one told: `, an official told The New York Times.`, `, the president told her.`
        if lexicon::may_have_an_addressee(&self.lower(k)) {
            let addressee = if lexicon::OBJECT_PRONOUNS.contains(self.lower(after).as_ref()) {
                Some(after + 1)
            } else {
                self.candidate_starting_at(after, end).map(|c| c.end)
            };
            after = addressee.map_or(after, |a| self.past_times(a, end));
        }
        after == end
            // Not an attribution inside a noun phrase, the sentence's verb
            // after it (`a venture with Oracle announced last week, may be`).
            || (self.word(after) == "," && !lexicon::is_finite_verb(&self.lower(after + 1)))
            || (lexicon::ADVERBIAL_OPENERS.contains(self.lower(after).as_ref())
                && self.reported_clause(k.max(speaker_end.saturating_sub(1)), end).is_none()
                && !(after..end).any(|i| self.cue_at(i).is_some() || self.lower(i) == "to"))
    }

    /// A clause that runs around its attribution: `The library, Holloway
    /// said, will stay open.` The speaker stands after a comma and the cue at
    /// `k` before one; the words before hold no verb of speech.
    fn reported_around(&self, bounds: Range<usize>, candidate: &Candidate, k: usize, speaker: &Speaker, cue: &str) -> Option<Quote> {
        let cue_end = self.past_times(k + 1 + usize::from(self.particle_after(k).is_some()), bounds.end);
        // `, X said,` as one unit: the speaker right before a finite verb.
        let tight = candidate.end <= k && (candidate.end..k).all(|i| self.between_subject_and_verb(i));
        let opens = tight && !self.is_participle(k) && candidate.first > bounds.start + 1 && self.word(candidate.first - 1) == ",";
        if !opens || cue_end + 1 >= bounds.end || self.word(cue_end) != "," {
            return None;
        }
        let (before, after) = (bounds.start..candidate.first - 1, cue_end + 1..bounds.end);
        // Not a participle of speech, which reports on its own (`Cruz explained, recalling ...`),
        // nor the attribution's own circumstance (`, lawmakers said Friday, as they left`).
        if (self.is_participle(after.start) && self.cue_at(after.start).is_some()) || self.lower(after.start) == "as" {
            return None;
        }
        if before.len() < 2 || before.len() + after.len() < 4 || before.clone().any(|i| self.cue_at(i).is_some() || self.word(i) == ",") {
            return None;
        }
        let (first, second) = (self.bytes(before.start, before.end), self.bytes(after.start, after.end));
        Some(Quote {
            text: one_line(&format!("{} {}", &self.text[first.clone()], &self.text[second.clone()])),
            start: first.start,
            end: second.end,
            kind: QuoteKind::Indirect,
            speaker: Some(speaker.clone()),
            cue: Some(cue.to_string()),
        })
    }

    /// Where a report with its own speaker starts inside `clause`, after a
    /// `;` or a comma and a conjunction: `agreed that the rules should
    /// change, but he said that it should wait`.
    fn coordinated_report(&self, clause: Range<usize>, cues: &[usize]) -> Option<usize> {
        cues.iter().filter(|&&k| clause.start < k && k < clause.end).find_map(|&k| {
            let boundary = (clause.start..k).rev().find(|&i| {
                self.word(i) == ";" || (self.word(i) == "," && matches!(self.lower(i + 1).as_ref(), "but" | "and" | "while" | "yet"))
            })?;
            self.cue_candidate(k, boundary + 1, clause.end).map(|_| boundary + 1)
        })
    }

    /// `CLAUSE, said Mark Jones, a political scientist at Rice.`: a verb of
    /// speech right after a comma whose speaker, a name, closes the sentence
    /// (alone or with a description after it) is inverted, and its clause is
    /// the one before the comma, not the name after it. Not a verb of
    /// telling (`, told Reuters.`).
    fn inverted_speaker(&self, k: usize, floor: usize, end: usize) -> Option<(Candidate, String)> {
        let after_comma = k > floor && self.word(k - 1) == ",";
        if !after_comma || lexicon::is_addressed(&self.lower(k)) || self.particle_after(k).is_some() {
            return None;
        }
        let c = self.candidate_starting_at(k + 1, end)?;
        match c.who {
            Who::Name(_) => {
                let described = c.end + 1 < end && self.word(c.end) == "," && lexicon::DETERMINERS.contains(self.lower(c.end + 1).as_ref());
                (c.end >= end || described).then(|| (c, self.word(k).to_string()))
            }
            // `CLAUSE, said a senior diplomat who asked not to be named.`: a
            // description with its article or number, closing the sentence
            // alone or with a relative or participial tail; a person's, or
            // any after `said` (not a clause's subject: `noted that Cruz's
            // manager, Jeff Roe, is`; nor an object: `denied the report, saying`).
            Who::Description { kind, .. } if kind == lexicon::Head::Person || lexicon::is_say_or_tell(&self.lower(k)) => {
                let opener = self.lower(c.first);
                let demonstrative = matches!(opener.as_ref(), "that" | "this" | "these" | "those");
                let determined = !demonstrative && lexicon::DETERMINERS.contains(opener.as_ref()) || self.opens_with_quantifier(c.first, end);
                let tail = c.end < end && (self.lower(c.end) == "who" || self.is_participle(c.end) || self.word(c.end) == ",");
                (determined && (c.end >= end || tail)).then(|| (c, self.word(k).to_string()))
            }
            _ => None,
        }
    }

    /// The clause a reporting verb ending at `after` introduces: after
    /// `that` when it comes within a few words (`said in an interview that`),
    /// else right after the verb (and its object, for `told`) when a clause
    /// opens there.
    fn reported_clause(&self, after: usize, end: usize) -> Option<Range<usize>> {
        let start = after + 1;
        // A `that` after the clause's subject is the clause's own (`said she
        // would jump to that conclusion`).
        let that = (start..end.min(start + 8))
            .take_while(|&i| self.word(i) != "," && !lexicon::SUBJECT_PRONOUNS.contains(self.lower(i).as_ref()))
            .find(|&i| self.lower(i) == "that");
        if let Some(that) = that {
            return Some((that + 1)..end);
        }
        let mut first = start;
        if lexicon::may_have_an_addressee(&self.lower(after)) {
            first = self.candidate_starting_at(start, end).map_or(start + 1, |c| c.end);
        }
        let opens = |i: usize| {
            let opener = self.lower(i);
            i < end
                && (lexicon::CLAUSE_OPENERS.contains(opener.as_ref())
                    || matches!(opener.as_ref(), "a" | "an")
                    || self.word(i).starts_with(char::is_uppercase)
                    || self.name_starting(i).is_some()
                    || self.opens_with_bare_subject(after, i, end)
                    || self.opens_with_quantifier(i, end))
        };
        // Past a time when a clause opens after it: `said Tuesday the plan
        // would work`. The time opens one itself before an auxiliary (`said
        // Monday was the deadline`) or as a possessive (`said last week's
        // vote was rigged`), else it is the attribution's (`said Tuesday in Paris.`).
        let past_time = self.past_times(first, end);
        // `said Thursday during a taping in Buffalo, New York, that ...`; or
        // without `that`, from a subject pronoun, which no adverbial holds:
        // `said in a statement Thursday night they pulled ...`.
        if lexicon::ADVERBIAL_OPENERS.contains(self.lower(past_time).as_ref()) && !self.opens_with_quantifier(past_time, end) {
            return (past_time..end).take_while(|&i| self.cue_at(i).is_none()).find_map(|i| match self.lower(i).as_ref() {
                "that" => Some(i + 1..end),
                lower if lexicon::SUBJECT_PRONOUNS.contains(lower) => Some(i..end),
                _ => None,
            });
        }
        if past_time > first {
            if opens(past_time) {
                return Some(past_time..end);
            }
            let subject = past_time < end && (matches!(self.word(past_time), "'s" | "’s") || lexicon::AUXILIARIES.contains(self.lower(past_time).as_ref()));
            return subject.then_some(first..end);
        }
        opens(first).then_some(first..end)
    }

    /// A quantifier or an amount opening the reported clause's subject, its
    /// verb before any comma: `says some constraints are necessary`, `said
    /// none of them were listed`, `said at least 40 people died`, `said
    /// about 1,200 migrants crossed`; not an object (`denied any role in
    /// the attacks`), nor what it was about (`said about the vote`).
    fn opens_with_quantifier(&self, i: usize, end: usize) -> bool {
        let first = self.lower(i);
        let quantifier = |j: usize| crate::quantities::is_number(self.word(j)) || lexicon::QUANTIFIERS.contains(self.lower(j).as_ref());
        let approximate = |j: usize| lexicon::APPROXIMATORS.contains(self.lower(j).as_ref()) && quantifier(j + 1);
        let amount = quantifier(i) || approximate(i) || (first == "at" && matches!(self.lower(i + 1).as_ref(), "least" | "most") && quantifier(i + 2));
        amount && (i + 1..end).take_while(|&j| self.word(j) != ",").any(|j| lexicon::is_finite_verb(&self.lower(j)))
    }

    /// Whether a clause opens at `i`, after the verb of speech at `cue`,
    /// with a subject of one to three lower-case words and no determiner,
    /// then an auxiliary or a verb in the past: `said prices had risen`,
    /// `said oil prices would fall`, `said down-ballot races rose` (not
    /// `said goodbye`). Only after a finite verb of speech that is seldom a
    /// noun (`said`, `warned`; not `state`, `declared`).
    fn opens_with_bare_subject(&self, cue: usize, i: usize, end: usize) -> bool {
        let cue = self.lower(cue);
        if !lexicon::CLOSING_CUES.contains(cue.as_ref()) || lexicon::NOUN_LIKE_CUES.contains(cue.as_ref()) {
            return false;
        }
        let is_noun_like = |j: usize| {
            let lower = self.lower(j);
            lower.chars().all(|c| c.is_alphabetic() || c == '-')
                && self.word(j).starts_with(char::is_lowercase)
                && self.cue_at(j).is_none()
                && !lexicon::is_finite_verb(&lower)
                && !lexicon::is_between_subject_and_verb(&lower)
                && !lexicon::CONJUNCTIONS.contains(lower.as_ref())
                && !PREPOSITIONS.contains(lower.as_ref())
        };
        is_noun_like(i)
            && (i + 1..end.min(i + 4))
                .find(|&j| !is_noun_like(j))
                .is_some_and(|j| lexicon::is_finite_verb(&self.lower(j)))
    }
}

/// Words before a name that make it an object rather than a subject.
static PREPOSITIONS: Words = Words::new("object_prepositions");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// The last word of a description before its tail: its head noun.
fn description_head(description: &str) -> String {
    let words: Vec<&str> = description.split_whitespace().collect();
    let before_tail = words
        .iter()
        .position(|w| lexicon::POSTMODIFIER_OPENERS.contains(w.to_lowercase().as_str()) && !w.eq_ignore_ascii_case("of"))
        .unwrap_or(words.len());
    words[..before_tail].iter().rev().find(|w| lexicon::head(&w.to_lowercase()).is_some()).map_or_else(String::new, |w| w.to_lowercase())
}

/// A description as printed, on one line, its opening determiner lower-cased
/// when it only has a capital for opening the sentence (`One senior official`).
fn printed_description(text: &str, sentence_start: bool) -> String {
    let text = one_line(text);
    let first = text.split_whitespace().next().unwrap_or("");
    if sentence_start && lexicon::DETERMINERS.contains(first.to_lowercase().as_str()) {
        format!("{}{}", first.to_lowercase(), &text[first.len()..])
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{parse, Input, Options};

    /// Asserts that every quoted (not indirect) passage of a story under a
    /// headline is `speaker`'s, and that there is one.
    fn all_said_by(speaker: &str, body: &str) {
        let quotes = quotes_and_speakers(body);
        assert!(!quotes.is_empty() && quotes.iter().all(|(_, s)| s == speaker), "{body}: {quotes:?}");
    }

    fn all_said_by_holloway(body: &str) {
        all_said_by("Margaret Holloway", body);
    }

    #[test]
    fn a_parenthesis_of_adverbs_between_subject_and_verb_is_skipped() {
        all_said_by("Proponents of the new bill", "Proponents of the new bill, however, say it would act as a “neutral umpire.”");
        all_said_by_holloway("Margaret Holloway, meanwhile, said the plan was “a waste of money.”");
    }

    #[test]
    fn a_party_and_state_after_a_name_is_no_speaker() {
        all_said_by("Nancy Pelosi", "Rep. Nancy Pelosi, D-Calif., told reporters she was “appalled.”");
        all_said_by("Ted Cruz", "Sen. Ted Cruz (R-Texas) said it was “a disgrace.”");
    }

    #[test]
    fn the_company_is_the_organisation_named_before() {
        let quotes = quotes_and_speakers("Nvidia shares fell on Monday after DeepSeek released a model. “We are watching,” the company said.");
        assert_eq!(quotes, [("We are watching,".to_string(), "Nvidia".to_string())]);
        // A described one stays as described: a new name, not a reference.
        let quotes = quotes_and_speakers("Nvidia shares fell on Monday. “We are watching,” the rights group said.");
        assert_eq!(quotes, [("We are watching,".to_string(), "the rights group".to_string())]);
    }

    #[test]
    fn a_share_of_those_polled_speaks_for_them() {
        let quotes = quotes_and_speakers("In the poll, 21 percent said “not too likely” and 14 percent said “not at all likely.”");
        let speakers: Vec<&str> = quotes.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(speakers, ["21 percent", "14 percent"]);
    }

    #[test]
    fn who_after_a_comma_stands_for_the_description_before_it() {
        all_said_by("a senator", "A senator, who said the vote was “a sham,” left early.");
        // Without the comma the clause restricts a noun that does not speak.
        assert!(quotes_and_speakers("Mr. Bush tells voters who wonder why he is so calm that he “wasn't brought up that way.”")
            .iter()
            .all(|(_, s)| s != "voters"));
    }

    #[test]
    fn a_coordinated_subject_keeps_no_conjunction() {
        let speakers: Vec<String> = story("Cyber security experts and U.S. officials, however, said they believed Russia engineered the release.")
            .quotes
            .into_iter()
            .filter_map(|q| q.speaker)
            .collect();
        assert!(!speakers.is_empty() && speakers.iter().all(|s| !s.starts_with("and ")), "{speakers:?}");
    }

    #[test]
    fn a_quote_without_a_cue_is_the_subjects() {
        all_said_by_holloway("Margaret Holloway thought the plan was “a waste of everyone’s time and money” from the start.");
    }

    #[test]
    fn a_place_opening_the_sentence_is_not_the_subject() {
        all_said_by_holloway("Speaking at a school in Dayton, Ohio, Margaret Holloway praised the teachers, calling them “the backbone of this town.”");
    }

    #[test]
    fn the_one_told_is_not_the_speaker() {
        all_said_by_holloway("Margaret Holloway called the vote “a disgrace,” telling reporters that the council “has lost its way.”");
    }

    #[test]
    fn a_cue_opening_the_sentence_comes_before_its_speaker() {
        all_said_by_holloway("The library reopened on Monday. Said Margaret Holloway, who runs it, “We have waited two years for this.”");
    }

    #[test]
    fn a_colon_introduces_its_speaker() {
        all_said_by_holloway("TURNOUT WAS LOW - More from Margaret Holloway: “Fewer than one in five voters came out, and most were over sixty.”");
    }

    #[test]
    fn the_object_before_a_participle_is_not_the_speaker() {
        all_said_by_holloway("Margaret Holloway emailed supporters on Monday evening saying “the fight is not over.”");
        // After `with` the name is the participle's subject, titles and all.
        all_said_by_holloway("The council was irritated, with Mayor Margaret Holloway calling it “a farce.”");
    }

    #[test]
    fn a_subject_nobody_tagged_is_the_speaker_as_printed() {
        all_said_by("the 43-year-old", "“What if the council had listened?” the 43-year-old asked in the video.");
        all_said_by("the email", "The email said, “Effective immediately, we are closing the branch.”");
        all_said_by("another leading advocate", "“The odds are long,” said another leading advocate, who asked not to be named.");
    }

    #[test]
    fn a_speaker_runs_over_words_the_lexicon_does_not_know() {
        all_said_by("the real estate developer", "“He is a great gentleman,” the real estate developer said of the mayor.");
        all_said_by("Jack Soheil", "“We had called him just before he boarded,” his nephew Jack Soheil added.");
        all_said_by("Evan Bayh", "“Almost everybody was opposed to the thing,” said former Sen. Evan Bayh, a moderate.");
    }

    #[test]
    fn documents_read_and_people_bark() {
        all_said_by("the editorial", "“If she wants to be president, she should act like one,” the editorial read.");
        all_said_by_holloway("“Go back to your seat,” Margaret Holloway barked at the heckler.");
    }

    #[test]
    fn a_bracket_and_an_apposition_after_the_name() {
        all_said_by("Jim Jordan", "“They would just go get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in an interview.");
        all_said_by("Jason Chaffetz", "“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said on Thursday.");
    }

    #[test]
    fn a_title_case_quote_with_its_own_cue_is_someones_words() {
        all_said_by_holloway("Outside the hall, Margaret Holloway chanted “Save Our Library Now” with the crowd.");
    }

    /// A story under a headline, parsed.
    fn story(body: &str) -> crate::Article {
        parse(Input::new(format!("Council Meets in Springfield\n\n{body}")), &Options::default())
    }

    /// Each quoted (not indirect) passage of a story, with its speaker
    /// (empty when it has none).
    fn quotes_and_speakers(body: &str) -> Vec<(String, String)> {
        story(body).quotes.into_iter().filter(|q| q.kind != "indirect").map(|q| (q.text, q.speaker.unwrap_or_default())).collect()
    }

    /// Checks a story's indirect quotes and their speakers (empty when none).
    fn assert_indirect(body: &str, expected: &[(&str, &str)]) {
        let article = story(body);
        let got: Vec<(&str, &str)> =
            article.quotes.iter().filter(|q| q.kind == "indirect").map(|q| (q.text.as_str(), q.speaker.as_deref().unwrap_or_default())).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn reported_clauses_without_that() {
        // A bare subject, then an auxiliary; not a bare object.
        assert_indirect("Margaret Holloway said oil prices had risen sharply.", &[("oil prices had risen sharply", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway said goodbye and was gone.", &[]);
        // Or a modal, or a verb in the past; the subject may be hyphenated.
        assert_indirect("Margaret Holloway said down-ballot races can help.", &[("down-ballot races can help", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway said library fines rose sharply.", &[("library fines rose sharply", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway said two hundred people attended.", &[("two hundred people attended", "Margaret Holloway")]);
        // Three words make a clause from a subject pronoun.
        assert_indirect("Margaret Holloway says she supported it.", &[("she supported it", "Margaret Holloway")]);
        // Past an adverbial to a subject pronoun; past `on` and a time.
        assert_indirect(
            "The Springfield Library said in a statement Thursday night it would close the branch.",
            &[("it would close the branch", "Springfield Library")],
        );
        assert_indirect("Margaret Holloway said on Friday she met the mayor this week.", &[("she met the mayor this week", "Margaret Holloway")]);
        // A `that` after the clause's subject is the clause's own.
        assert_indirect("Margaret Holloway said she would not jump to that conclusion.", &[("she would not jump to that conclusion", "Margaret Holloway")]);
        // Three words make a clause after `that` or `according to`.
        assert_indirect("Margaret Holloway added that aftershocks were expected.", &[("aftershocks were expected", "Margaret Holloway")]);
        assert_indirect("According to Margaret Holloway, 40 people died.", &[("40 people died", "Margaret Holloway")]);
        // A quantifier opens a subject whose verb comes before any comma; not an object.
        assert_indirect("Margaret Holloway says some branches are too small.", &[("some branches are too small", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway denied any role in the closure.", &[]);
        // So does an amount, approximate or not; `about` alone opens no clause.
        assert_indirect("Margaret Holloway said at least 40 branches closed.", &[("at least 40 branches closed", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway said about half of the branches were closed.", &[("about half of the branches were closed", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway said about the closure that nothing was decided.", &[("nothing was decided", "Margaret Holloway")]);
        // A clause that ends in a percentage keeps its sign.
        assert_indirect("Margaret Holloway said that prices rose 5%.", &[("prices rose 5%", "Margaret Holloway")]);
    }

    #[test]
    fn an_object_is_no_reported_clause() {
        // After a verb that takes an object, a determiner opens a clause only
        // with a finite verb before any comma; after `say`, always.
        assert_indirect("Margaret Holloway announced her candidacy last week, citing the closures.", &[]);
        assert_indirect("Margaret Holloway announced the branch would close.", &[("the branch would close", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway estimated the cost at 5 million dollars.", &[]);
        assert_indirect("The closures could cost 5 million dollars a year, Margaret Holloway estimated.", &[("The closures could cost 5 million dollars a year", "Margaret Holloway")]);
        assert_indirect("Margaret Holloway said the branch stays open.", &[("the branch stays open", "Margaret Holloway")]);
        // Nor is an attribution inside a noun phrase, the sentence's verb after it.
        assert_indirect("Investors worried that the Stargate project, a venture with OpenAI and Oracle announced last week, may be overbuilt.", &[]);
    }

    #[test]
    fn a_clause_before_the_one_told() {
        assert_indirect("The branch will close in the spring, Margaret Holloway told The Springfield Gazette.", &[("The branch will close in the spring", "Margaret Holloway")]);
        assert_indirect("The branch will close in the spring, the librarian told her.", &[("The branch will close in the spring", "the librarian")]);
    }

    #[test]
    fn a_term_or_a_name_is_someones_words_only_when_they_said_it() {
        let quoted = |body: &str| quotes_and_speakers(body).into_iter().map(|(_, speaker)| speaker).collect::<Vec<_>>();
        assert_eq!(quoted("Margaret Holloway has dubbed the new tax “a disgrace.”"), ["Margaret Holloway"]);
        assert_eq!(quoted("Margaret Holloway repeated the phrase “stronger together” twice."), ["Margaret Holloway"]);
        assert!(quoted("The plan, dubbed “the Springfield deal,” passed on Monday.").is_empty());
        assert!(quoted("Margaret Holloway avoided the word “deal” on Monday.").is_empty());
        assert!(quoted("Margaret Holloway wrote a book, “Springfield at Dusk,” last year.").is_empty());
    }

    #[test]
    fn a_time_between_the_speaker_and_the_verb() {
        assert_eq!(
            quotes_and_speakers("Mayor Tom Reed on Tuesday said the plan was “reckless.” Margaret Holloway last week called it “overdue.”"),
            [("reckless.".to_string(), "Tom Reed".to_string()), ("overdue.".to_string(), "Margaret Holloway".to_string())]
        );
    }

    #[test]
    fn who_after_a_name_speaks_for_it() {
        assert_eq!(
            quotes_and_speakers("The council thanked Mayor Tom Reed, who called the plan “reckless,” and left."),
            [("reckless,".to_string(), "Tom Reed".to_string())]
        );
    }

    #[test]
    fn a_title_after_a_possessive_is_nobodys_words() {
        assert_eq!(
            quotes_and_speakers("Speaking on WSPR’s “Morning Report,” Margaret Holloway said the library would “stay open.”"),
            [("stay open.".to_string(), "Margaret Holloway".to_string())]
        );
    }

    #[test]
    fn the_second_part_of_an_address_is_no_speaker() {
        assert_eq!(
            quotes_and_speakers("Margaret Holloway, 59, of Springfield, Ohio, who spoke at the hall, said the library was “the heart of this town.”"),
            [("the heart of this town.".to_string(), "Margaret Holloway".to_string())]
        );
    }

    #[test]
    fn a_phrase_with_an_auxiliary_after_the_verb_is_a_clause_not_a_speaker() {
        // Not `Smithers, in an interview with the radio` said by `the plan would fail`.
        let article = story("Smithers, in an interview with the radio, said the plan would fail.");
        assert!(article.quotes.iter().all(|q| q.speaker.as_deref() != Some("the plan would fail")), "{:?}", article.quotes);
    }

    #[test]
    fn one_or_another_after_a_source_is_one_of_its_kind() {
        assert_eq!(
            quotes_and_speakers("“Nobody wants this,” said one diplomat. “But here we are,” another added."),
            [("Nobody wants this,".to_string(), "one diplomat".to_string()), ("But here we are,".to_string(), "another diplomat".to_string())]
        );
        assert_eq!(
            quotes_and_speakers("“It is over,” said several officials. “We lost,” one added."),
            [("It is over,".to_string(), "several officials".to_string()), ("We lost,".to_string(), "one of several officials".to_string())]
        );
    }

    #[test]
    fn a_pronoun_with_no_named_antecedent_is_the_person_described() {
        assert_eq!(
            quotes_and_speakers("The spokeswoman said the library would close. “We are looking at it,” she added."),
            [("We are looking at it,".to_string(), "the spokeswoman".to_string())]
        );
        assert_eq!(
            quotes_and_speakers("Former prosecutors said the case was weak. “It will not hold,” they added."),
            [("It will not hold,".to_string(), "Former prosecutors".to_string())]
        );
    }

    #[test]
    fn a_place_or_body_before_a_title_is_no_speaker() {
        assert_eq!(
            quotes_and_speakers("“The library stays,” said former Ohio Gov. Tom Reed. “It is ours,” said Springfield Library Chairwoman Margaret Holloway."),
            [("The library stays,".to_string(), "Tom Reed".to_string()), ("It is ours,".to_string(), "Margaret Holloway".to_string())]
        );
    }

    #[test]
    fn coordinated_reports_are_two_quotes() {
        let article = story("Margaret Holloway agreed that the rules should change, but she said that the vote should wait until spring.");
        let reports: Vec<_> = article.quotes.iter().map(|q| (q.text.as_str(), q.cue.as_deref().unwrap_or_default())).collect();
        assert_eq!(reports, [("the rules should change", "agreed"), ("the vote should wait until spring", "said")]);
    }

    #[test]
    fn a_verb_in_a_relative_clause_after_the_quote_is_not_the_attribution() {
        assert_eq!(
            quotes_and_speakers("“It is a disaster,” one resident, who asked not to be named, said."),
            [("It is a disaster,".to_string(), "one resident".to_string())]
        );
    }

    #[test]
    fn a_clause_runs_around_its_attribution() {
        let reports = |body: &str| story(body).quotes.into_iter().map(|q| (q.text, q.speaker.unwrap_or_default())).collect::<Vec<_>>();
        let expected = |text: &str, speaker: &str| vec![(text.to_string(), speaker.to_string())];
        assert_eq!(reports("The library, Margaret Holloway said Tuesday, will stay open."), expected("The library will stay open", "Margaret Holloway"));
        assert_eq!(reports("Margaret Holloway said Tuesday the library would stay open."), expected("the library would stay open", "Margaret Holloway"));
        assert_eq!(reports("The library will stay open, Margaret Holloway said, citing the budget."), expected("The library will stay open", "Margaret Holloway"));
    }

    #[test]
    fn a_participle_between_a_determiner_and_its_noun_is_no_cue() {
        let article = story("At this stage, most informed observers agree that the library will close.");
        let speakers: Vec<_> = article.quotes.iter().map(|q| q.speaker.clone().unwrap_or_default()).collect();
        assert_eq!(speakers, ["most informed observers"]);
    }

    #[test]
    fn a_sentence_opening_with_a_verbs_base_form_is_an_imperative() {
        assert_eq!(quotes_and_speakers("Read the statement below: “We are watching.”")[0].1, "");
        all_said_by_holloway("Said Margaret Holloway: “We are watching.”");
    }

    #[test]
    fn that_before_a_determiner_opens_a_clause_not_a_description() {
        let speakers = |body: &str| quotes_and_speakers(body).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
        assert_eq!(speakers("He wrote that the senator said “it was booked.”"), ["the senator"]);
        assert_eq!(speakers("That official said “it was booked.”"), ["that official"]);
    }

    #[test]
    fn here_presents_a_speaker_before_a_colon() {
        all_said_by_holloway("Here’s Margaret Holloway in December 1992: “We are watching.”");
        assert_eq!(quotes_and_speakers("Here is the full statement: “We are watching.”")[0].1, "");
    }

    #[test]
    fn a_naming_verb_after_a_name_is_the_names_words() {
        assert_eq!(quotes_and_speakers("Margaret Holloway dubbed it a “press conference.”"), [("press conference.".to_string(), "Margaret Holloway".to_string())]);
        assert!(quotes_and_speakers("A plan dubbed “Operation Warp Speed” began.").is_empty());
    }

    #[test]
    fn any_verb_in_the_past_closing_a_quotes_sentence_reports_it() {
        all_said_by_holloway("“Would it be negotiable?” Margaret Holloway pressed. “We will see,” bristled Holloway.");
        assert_eq!(quotes_and_speakers("“Hamilton,” the musical, opened.")[0].1, "");
    }

    #[test]
    fn a_passive_verb_of_speech_has_no_speaker_for_subject() {
        assert_indirect("Margaret Holloway was declared the winner in the county.", &[]);
        assert_indirect("The council was told that the library would close.", &[]);
        let speakers = |body: &str| quotes_and_speakers(body).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
        assert_eq!(speakers("The plan, Margaret Holloway wrote, was widely ridiculed as “a fantasy.”"), ["Margaret Holloway"]);
    }

    #[test]
    fn a_quoting_verb_inside_a_reported_clause_is_the_reporters() {
        let speakers = |body: &str| quotes_and_speakers(body).into_iter().map(|(_, s)| s).collect::<Vec<_>>();
        assert_eq!(speakers("Margaret Holloway said that the council would continue “to fight for the library.”"), ["Margaret Holloway"]);
        assert_eq!(speakers("Mayor Tom Reed said that Margaret Holloway begged him for money and “would not stop.”"), ["Tom Reed"]);
        assert_eq!(speakers("Mayor Tom Reed spoke, to which Margaret Holloway interjected: “It is not true.”"), ["Margaret Holloway"]);
    }

    #[test]
    fn a_next_sentence_with_its_own_clause_or_quote_does_not_attribute_the_quote_before() {
        let expected = |pairs: [(&str, &str); 2]| pairs.map(|(q, s)| (q.to_string(), s.to_string())).to_vec();
        assert_eq!(
            quotes_and_speakers("Margaret Holloway accused the board of “reckless spending.” Mayor Tom Reed said the board was “spiraling out of control.”"),
            expected([("reckless spending.", "Margaret Holloway"), ("spiraling out of control.", "Tom Reed")])
        );
        assert_eq!(
            quotes_and_speakers("Margaret Holloway praised the librarians, calling them “the heart of this town.” Mayor Tom Reed added, “We will find the money.”"),
            expected([("the heart of this town.", "Margaret Holloway"), ("We will find the money.", "Tom Reed")])
        );
    }

    #[test]
    fn a_person_after_a_preposition_and_a_title_is_no_antecedent() {
        all_said_by("Tom Reed", "After the murder of Father Jacques Hamel, Mayor Tom Reed spoke at the church. “We are not the same town,” he said.");
    }

    #[test]
    fn a_description_may_open_with_a_possessor() {
        all_said_by("the paper's editorial board", "“The library must stay open,” the paper's editorial board wrote.");
    }

    #[test]
    fn a_description_may_join_two_titles() {
        all_said_by(
            "the Springfield mayor and former school board member",
            "“We will find the money,” the Springfield mayor and former school board member said.",
        );
    }

    #[test]
    fn a_speaker_named_after_the_clause_is_inverted() {
        let body = "Reed's strategy was to attend every meeting in the state, said Mark Jones, a political scientist at Rice University. \
                    The plan will work, said Tom Reed.";
        assert_indirect(body, &[("Reed's strategy was to attend every meeting in the state", "Mark Jones"), ("The plan will work", "Tom Reed")]);
    }

    #[test]
    fn a_description_after_an_inverted_verb_is_the_speaker() {
        let body = "Several ministers urged Israel to reopen the crossing, said a senior diplomat who asked not to be named. \
                    The talks went badly, said two officials familiar with them.";
        assert_indirect(body, &[("Several ministers urged Israel to reopen the crossing", "a senior diplomat"), ("The talks went badly", "two officials familiar with them")]);
        // Not a clause's subject, nor the object of a verb that takes one.
        assert_indirect("Tom Reed noted that the council's chairman, Mark Jones, is from the state.", &[("the council's chairman, Mark Jones, is from the state", "Tom Reed")]);
        assert_indirect("The company, which does not disclose its finances, denied the report, saying the year will meet expectations.", &[("the year will meet expectations", "the company")]);
    }

    #[test]
    fn a_fragment_right_after_its_verb_is_partial_and_a_second_half_after_a_comma_direct() {
        let kinds = |body: &str| story(body).quotes.iter().map(|q| q.kind.to_string()).collect::<Vec<_>>();
        assert_eq!(kinds("Tom Reed said the council would respond “in a proportionate manner.”"), ["partial"]);
        assert_eq!(kinds("“The library will close,” Tom Reed said, “and nobody will miss it.”"), ["direct", "direct"]);
    }

    #[test]
    fn one_of_a_group_is_an_unnamed_source() {
        let article = story("Two diplomats briefed reporters on the offer. One of them described the offer as “a trial balloon that nobody expects to fly.”");
        let quote = &article.quotes[0];
        assert_eq!((quote.speaker.as_deref(), quote.anonymous), (Some("one of them"), true));
    }

    #[test]
    fn according_to_after_a_comma_reports_the_clause_before_it() {
        assert_indirect(
            "Negotiators agreed on Friday to exchange 1,200 prisoners, according to officials from both countries, after six hours of talks.",
            &[("Negotiators agreed on Friday to exchange 1,200 prisoners", "officials from both countries")],
        );
        assert_indirect("Tom Reed won the seat, according to the council, a body of nine members.", &[("Tom Reed won the seat", "the council")]);
        // Unless no clause stands before it, or it opens the sentence.
        assert_indirect(
            "Since last November, according to the council, the police have closed nine roads.",
            &[("the police have closed nine roads", "the council")],
        );
        assert_indirect("According to the council, the police have closed nine roads.", &[("the police have closed nine roads", "the council")]);
    }

    #[test]
    fn an_attribution_may_close_its_sentence_with_times_and_adverbials() {
        let body = "The library will stay open, Tom Reed said on Tuesday in Springfield. \
                    The plan is a disgrace, Anne Eaton said Friday afternoon, as she left the hall. \
                    Mark Jones said Thursday during a visit to Springfield, Illinois, that the vote was rigged. \
                    The council will act to reach voters in key swing states, the officials said.";
        assert_indirect(
            body,
            &[
                ("The library will stay open", "Tom Reed"),
                ("The plan is a disgrace", "Anne Eaton"),
                ("the vote was rigged", "Mark Jones"),
                ("The council will act to reach voters in key swing states", "the officials"),
            ],
        );
    }

    #[test]
    fn the_subject_of_a_subordinate_clause_before_an_inverted_attribution_is_not_the_speaker() {
        all_said_by("Tom Reed", "The council met on Monday. “Many would call that a defeat” if she lost by more, said Tom Reed, an analyst.");
        all_said_by("Tom Reed", "The council met on Monday. As Tom Reed, an analyst, put it: “Many would call that a defeat.”");
    }

    #[test]
    fn a_participle_shares_the_subject_after_an_opening_adverb() {
        all_said_by_holloway("Margaret Holloway spoke first. Then she turned to the mayor, calling him “a disgrace.”");
    }

    #[test]
    fn an_infinitive_of_speech_after_a_carrying_verb_is_its_subjects() {
        all_said_by_holloway("Margaret Holloway spoke first. She went on to say that the plan was “a disaster.”");
        all_said_by_holloway("The council met on Monday. “It is over,” Margaret Holloway said, going on to say that it had been “a waste.”");
        all_said_by("the email", "The council met on Monday. The email went on to say: “The library will close in May.”");
        // The object of a verb that makes it speak.
        all_said_by_holloway("Margaret Holloway spoke first. That prompted Holloway to call the plan “a disgrace.”");
    }

    #[test]
    fn according_to_names_any_source() {
        assert_indirect(
            "The council met on Monday. The library cost $2 million, according to calculations by the county auditor.",
            &[("The library cost $2 million", "calculations by the county auditor")],
        );
        all_said_by("his longtime physician", "The council met on Monday. According to his longtime physician, the mayor had “astonishingly excellent” results.");
    }

    #[test]
    fn titles_with_an_organisation_before_a_name_name_that_person() {
        all_said_by("Mick Bednarek", "The council met on Monday. “The plan is over,” said retired Army Lt. Gen. Mick Bednarek.");
    }

    #[test]
    fn a_labelling_verb_with_its_own_subject_attributes() {
        all_said_by_holloway("Margaret Holloway spoke first. She labeled the tax “a disgrace.”");
        all_said_by_holloway("Margaret Holloway spoke first. She portrayed the mayor as “a menace.”");
        // A label without a subject is nobody's words.
        assert!(quotes_and_speakers("The council met on Monday. The plan, labeled “Project Library,” failed.").iter().all(|(_, s)| s.is_empty()));
    }

    #[test]
    fn a_works_noun_or_a_person_noun_after_marks_a_title() {
        all_said_by_holloway("Margaret Holloway spoke first. She called the article “terrific.”");
        assert!(quotes_and_speakers("Margaret Holloway spoke first. She stars in the film “Bloodline.”").is_empty());
        assert!(quotes_and_speakers("Margaret Holloway spoke first. After the news broke, the “Avatar” star posted a message.").is_empty());
        assert!(quotes_and_speakers("Margaret Holloway spoke first. She stars in the serial thriller, “Bloodline,” again.").is_empty());
    }

    #[test]
    fn a_closing_attribution_covers_the_earlier_quotes_of_its_sentence() {
        all_said_by_holloway("Margaret Holloway spoke first. “The library” is “a waste of money,” she said.");
        let quoted = quotes_and_speakers("Margaret Holloway spoke first. The plan is “a disaster” and the mayor is “a fool,” she said.");
        assert_eq!(quoted.len(), 2, "{quoted:?}");
        assert!(quoted.iter().all(|(_, speaker)| speaker == "Margaret Holloway"), "{quoted:?}");
    }

    #[test]
    fn a_prepositions_object_before_a_colon_is_not_the_speaker() {
        all_said_by_holloway("Margaret Holloway spoke first. She ended with an appeal to voters: “The library must stay open.”");
        all_said_by_holloway("Margaret Holloway spoke first. More from Holloway: “The library must stay open.”");
    }

    #[test]
    fn a_quote_alone_before_another_speakers_introduced_quote_continues_the_first() {
        let quotes = quotes_and_speakers("“The state is falling apart,” Margaret Holloway said. “Conflicts continue.” John Smith added, “And you want us to repeat these mistakes?”");
        let speakers: Vec<&str> = quotes.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(speakers, ["Margaret Holloway", "Margaret Holloway", "John Smith"], "{quotes:?}");
    }

    #[test]
    fn a_pronoun_after_and_before_an_aside_is_the_subject() {
        all_said_by_holloway("Margaret Holloway spoke first. She pledged to fix the system and she, once again, pledged a “political revolution.”");
    }

    #[test]
    fn state_before_a_title_is_no_cue() {
        all_said_by("Jason Holsman", "The council met on Monday. “We are tying their hands,” state Sen. Jason Holsman (D) said.");
    }

    #[test]
    fn a_verb_with_an_object_sense_reports_only_without_an_object() {
        all_said_by_holloway("The council met on Monday. Under what Margaret Holloway called “the prior economy model,” the club charged a fee.");
        all_said_by_holloway("Margaret Holloway spoke first. “That is a disservice to them,” Holloway charged.");
    }

    #[test]
    fn crowds_and_marchers_speak() {
        all_said_by("many marchers", "The council met on Monday. Orlando was not far from their thoughts, with many marchers chanting “We are Orlando.”");
        all_said_by("the crowd", "The council met on Monday. The crowd chanted “Build the wall!”");
    }

    #[test]
    fn what_was_said_before_a_colon_is_the_subjects() {
        all_said_by_holloway("The council met on Monday. Margaret Holloway issued a statement: “The plan is over.”");
        all_said_by_holloway("The council met on Monday. Margaret Holloway delivered a blunt message to the mayor: “The plan is over.”");
    }

    #[test]
    fn an_unknown_title_before_a_name_after_the_verb_is_the_names() {
        all_said_by("Ben Carson", "The council met on Monday. “It is a mistake,” said retired neurosurgeon Ben Carson.");
    }

    #[test]
    fn the_names_of_a_whose_clause_are_not_the_subject() {
        all_said_by_holloway("Margaret Holloway spoke first. Holloway, whose latest start-up, Paradata, uses big data, said: “He is a start-up kind of guy.”");
    }

    #[test]
    fn the_subject_before_a_relative_clause_without_commas_speaks() {
        assert_indirect(
            "The council met on Monday. Residents who use the library say it should stay open.",
            &[("it should stay open", "Residents")],
        );
        all_said_by("Margaret Holloway", "Margaret Holloway met Tom Reed on Monday. The candidate who Reed said would win called the plan “a disgrace,” Margaret Holloway said.");
    }

    #[test]
    fn a_verb_of_speech_after_a_preposition_is_a_noun() {
        all_said_by("the former secretary of state", "The council met on Monday. The former secretary of state said the library is “clearly” needed.");
        // (The tagger reads the second `From` as a name given an apposition
        // or a second quote; in PolNeAR's article on him it finds all three.)
        all_said_by("Al From", "Al From, the group’s founder, spoke first. “The party has changed,” From said.");
    }

    #[test]
    fn a_pronoun_skips_people_whose_given_name_tells_another_gender() {
        all_said_by("Anne Eaton", "Anne Eaton met Tom Reed on Monday. “The library will close,” she said.");
        all_said_by("Tom Reed", "Tom Reed met Anne Eaton on Monday. “The library will close,” he said.");
    }

    #[test]
    fn the_owner_of_a_noun_of_something_said_speaks() {
        all_said_by_holloway("The council met on Monday. Margaret Holloway’s claim that the library is “a waste of money” drew fire.");
        all_said_by_holloway("The council met on Monday. From Margaret Holloway’s Facebook post: “The library will close in May.”");
        all_said_by_holloway("Margaret Holloway spoke first. Her standing rose after her call for “a total and complete ban” on cars.");
        all_said_by_holloway("Margaret Holloway spoke first. She pushed her promise of “free buses” for years.");
        all_said_by_holloway("Margaret Holloway spoke first. Her pledge to be “neutral” worried them.");
        // Not when a verb of speech reports the noun: Reed's words.
        all_said_by("Tom Reed", "The council met on Monday. Tom Reed said that Margaret Holloway’s comments “show bias.”");
    }

    #[test]
    fn the_subject_of_a_reported_clause_is_no_inverted_speaker() {
        all_said_by("Tom Reed", "The council met on Monday. Tom Reed, citing “the unique needs of the town,” said the mayor could win again.");
    }

    #[test]
    fn a_typewriter_quote_closing_a_nested_one_is_attributed_after_it() {
        all_said_by("Tom Reed", "Tom Reed spoke first. ''We are told all the time, 'The library is a special case,''' Mr. Reed said. ''It is not.''");
    }

    #[test]
    fn the_subject_of_a_subordinate_clause_before_an_apposition_speaks() {
        all_said_by("Tom Reed", "The issue came up after Tom Reed, asked about the library, had said, “Most of the cost comes from heating.”");
        // A name joined by `and` inside an apposition is not the subject.
        all_said_by("Anne Eaton", "Anne Eaton, who voted for Bill Clinton and Tom Reed, said, “There is only one choice.”");
    }

    #[test]
    fn an_attribution_may_stand_between_commas_inside_the_quotes_sentence() {
        all_said_by("Tom Reed", "Mayor Tom Reed spoke first. “Most of the cost comes from heating” the building, he said, rather than from the books.");
    }

    #[test]
    fn a_description_may_have_adjectives_the_lexicon_does_not_know() {
        all_said_by(
            "a prominent Springfield City Council member",
            "“We will not give up,” said a prominent Springfield City Council member who asked not to be named.",
        );
        all_said_by("a former senior law enforcement official", "“We will not give up,” said a former senior law enforcement official.");
        all_said_by("the bespectacled, 71-year-old diplomat", "“We will not give up,” the bespectacled, 71-year-old diplomat said in an interview.");
        // Not over a preposition: `the war, with British defense minister Ben Wallace`.
        all_said_by(
            "Ben Wallace",
            "It’s likely that these are among the reasons that Zelensky has repeatedly urged Western governments to be more involved in negotiations to end the war, with British defense minister Ben Wallace accidentally revealing in March that he knew there was “a desire for the UK and US” to be at the table.",
        );
    }

    #[test]
    fn a_lowercase_noun_right_before_a_name_is_its_title() {
        all_said_by("Tom Reed", "“We will find the money,” former speechwriter Tom Reed wrote in a letter.");
    }

    #[test]
    fn an_organisation_may_keep_its_article() {
        all_said_by("Washington Post", "Mayor Tom Reed spoke. According to the Washington Post, “The library will close in May.”");
    }

    #[test]
    fn a_subordinate_clause_does_not_give_the_sentence_its_subject() {
        let said = quotes_and_speakers("When I asked Tom Reed about the library, he looked at the shelves and said, “We will find the money.”");
        assert_eq!(said, [("We will find the money.".to_string(), "Tom Reed".to_string())]);
    }

    #[test]
    fn the_one_asked_after_a_question_is_no_reported_clause() {
        all_said_by("Margaret Holloway", "Mayor Tom Reed met the board. “Where is the money?” Margaret Holloway asked the mayor.");
    }

    #[test]
    fn a_verb_with_its_particle_is_a_cue() {
        all_said_by("Margaret Holloway", "Mayor Tom Reed defended the plan. “You cut the budget,” Margaret Holloway shot back.");
        let said = quotes_and_speakers("Mayor Tom Reed defended the plan. “You cut the budget,” Margaret Holloway shot him.");
        assert_eq!(said, [("You cut the budget,".to_string(), String::new())]);
    }

    #[test]
    fn a_quote_after_a_sentence_about_a_person_in_its_paragraph_is_theirs() {
        all_said_by("Tom Reed", "The library will close. Mayor Tom Reed praised the plan on Monday. “It is the best plan we have.”");
        let said = quotes_and_speakers("Mayor Tom Reed praised the plan on Monday.\n\n“It is the best plan we have.”");
        assert_eq!(said, [("It is the best plan we have.".to_string(), String::new())]);
    }

    #[test]
    fn a_quote_without_a_speaker_of_its_own_is_the_previous_sentences_speakers() {
        all_said_by("Tom Reed", "“We will find the money,” said Mayor Tom Reed. Unless the council objects, “the library stays open all summer.”");
    }

    #[test]
    fn quotes_coordinated_in_one_sentence_share_their_speaker() {
        all_said_by("Tom Reed", "The council met on Monday. The plan is “a disgrace to this whole town” and “a waste of everyone’s money,” Mayor Tom Reed told reporters at City Hall on Monday.");
    }

    #[test]
    fn an_attribution_ending_the_sentence_may_have_titles_and_adverbials() {
        all_said_by("Tom Reed", "“Closing the library would be a mistake” for the town, council member Tom Reed said after the meeting.");
        all_said_by("Tom Reed", "“We looked at every branch,” the Springfield library director, Tom Reed, told The Springfield Gazette in 2013.");
    }

    #[test]
    fn a_verb_of_telling_may_be_inverted_when_its_speaker_ends_the_clause() {
        all_said_by("Margaret Holloway", "The council met on Monday. “That means the library closes for good,” warned Margaret Holloway.");
        all_said_by("Tom Reed", "The council met on Monday. “That means the library closes for good,” Tom Reed warned Margaret Holloway.");
    }

    #[test]
    fn a_country_followed_by_its_verb_is_the_sentences_subject() {
        all_said_by("Japan", "North Korea tested a missile on Friday. Japan branded North Korea an “outlaw nation in the neighborhood.”");
        all_said_by("Tom Reed", "The library will close. In Springfield, Illinois, Mayor Tom Reed called the plan “a disgrace to this whole town.”");
    }

    #[test]
    fn an_organisation_after_a_preposition_is_not_the_subject() {
        all_said_by("another city official", "The council met on Monday. Another city official speaking to Fox News said, “The library will close in May.”");
    }

    #[test]
    fn an_attribution_may_open_with_as() {
        all_said_by("Tom Reed", "The council met on Monday. The plan is “a disgrace to this whole town,” as Mayor Tom Reed put it.");
    }

    #[test]
    fn a_title_phrase_before_a_name_opens_the_subject() {
        all_said_by("Tom Reed", "The library closed on Thursday. Democratic mayoral candidate Tom Reed quickly took to Twitter, writing: “This is a sad day for our town.”");
    }
}
