//! Sentence boundaries over tokens.
//!
//! A sentence ends at `.`, `!`, `?`, `…` or `...` (with any closing quotes and
//! brackets that follow it) when the next token opens a sentence: a capital,
//! a digit or an opening quote, glued on (`agenda.”Two`) or not. A word that
//! keeps its full stop ends a sentence only in the cases a reader would
//! accept: never a title or an initial (`Mr.`, `Vladimir V. Putin`), a month
//! only before a non-number, and `U.S.`, `Inc.` or `a.m.` only before a word
//! that typically starts a sentence.

use crate::doc::Token;
use crate::lexicon::Words;

/// A sentence: indices into the token slice it was split from, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub first_token: usize,
    pub end_token: usize,
}

/// Abbreviations with their kind: titles (`Mr.`), places (`St.`) and
/// references (`No.`) never end a sentence.
static ABBREVIATIONS: Words = Words::new("abbreviations");
/// Words that typically open a sentence; after `U.S.` or `Inc.` they mark a boundary.
static SENTENCE_STARTERS: Words = Words::new("sentence_starters");

const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', ']', '}', '»'];
const OPENERS: &[char] = &['“', '‘', '"', '\'', '`', '(', '[', '«'];

/// The most tokens a sentence may have: longer runs without a boundary
/// (tables, lists, binary junk) are cut here, which keeps every later stage
/// linear in the input.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// Splits the tokens of one block (paragraph, headline, caption) into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    // A wire dateline opening the block is a sentence of its own, as
    // CoNLL-2003 prints it: `KYIV, Ukraine (AP) — Russia said...`.
    if let Some(end) = wire_dateline_end(text, tokens) {
        sentences.push(Sentence { first_token: 0, end_token: end });
        first = end;
    }
    let mut i = first;
    while i < tokens.len() {
        if i - first >= MAX_SENTENCE_TOKENS {
            sentences.push(Sentence { first_token: first, end_token: i });
            first = i;
        }
        let word = tokens[i].text(text);
        if let Some(strength) = terminal_strength(word) {
            // Closing quotes and brackets glued to the terminal belong to this sentence.
            let mut end = i + 1;
            while end < tokens.len() && is_closer(tokens[end].text(text)) && tokens[end].start() == tokens[end - 1].end() {
                end += 1;
            }
            if end < tokens.len() && opens_sentence(text, &tokens[end..], strength) {
                sentences.push(Sentence { first_token: first, end_token: end });
                first = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    if first < tokens.len() {
        sentences.push(Sentence { first_token: first, end_token: tokens.len() });
    }
    sentences
}

/// The end (past its dash) of a wire dateline opening a block: a place in
/// capitals, maybe its region after a comma, maybe the agency in brackets,
/// then a dash and the story (`WASHINGTON (Reuters) -`, `KYIV, Ukraine (AP)
/// —`, `NAIROBI, Kenya (AP) _`, `LONDON —`). A place alone must have three
/// letters or more (`UK - France talks` is a headline).
fn wire_dateline_end(text: &str, tokens: &[Token]) -> Option<usize> {
    let word = |i: usize| tokens[i].text(text);
    let is_capitals = |w: &str| w.chars().any(char::is_alphabetic) && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'));
    if tokens.is_empty() || !is_capitals(word(0)) {
        return None;
    }
    let (mut i, mut agency, mut letters) = (0, false, 0);
    while i < tokens.len().min(16) {
        let w = word(i);
        match w {
            "-" | "–" | "—" | "--" | "_" => {
                let enough = agency || letters >= 3;
                return (enough && i > 0 && i + 1 < tokens.len()).then_some(i + 1);
            }
            "," => {}
            "(" if !agency => {
                let close = (i + 1..tokens.len().min(i + 6)).find(|&j| word(j) == ")")?;
                if close == i + 1 || !(i + 1..close).all(|j| word(j).starts_with(char::is_uppercase)) {
                    return None;
                }
                agency = true;
                i = close;
            }
            _ if agency => return None,
            _ if is_capitals(w) => letters += w.chars().filter(|c| c.is_alphabetic()).count(),
            // A region after a comma: `, Ukraine`, `, Calif.`.
            _ if i > 0 && w.starts_with(char::is_uppercase) && (word(i - 1) == "," || !is_capitals(word(i - 1))) => {}
            _ => return None,
        }
        i += 1;
    }
    None
}

/// How readily a token ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// `.`, `!`, `?`, `…`: before any capital, digit or opening quote.
    Full,
    /// A month abbreviation: unless a number follows.
    Month,
    /// `U.S.`, `Inc.`, `a.m.`: only before a typical sentence opener.
    Weak,
}

fn terminal_strength(word: &str) -> Option<Strength> {
    if matches!(word, "." | "!" | "?" | "…") || word.starts_with("..") || (word.len() > 1 && word.chars().all(|c| c == '!' || c == '?')) {
        return Some(Strength::Full);
    }
    let bare = word.strip_suffix('.').unwrap_or(word);
    let never_final = matches!(ABBREVIATIONS.value(bare), Some("title" | "place" | "reference"));
    if word.len() < 2 || !word.ends_with('.') || never_final || is_initial(word) {
        return None;
    }
    if crate::calendar::is_month_abbreviation(bare) {
        return Some(Strength::Month);
    }
    Some(Strength::Weak)
}

/// `V.`: a single capital letter and its full stop.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

fn is_closer(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if CLOSERS.contains(&c))
}

/// Whether the tokens after a terminal open a new sentence.
fn opens_sentence(text: &str, rest: &[Token], strength: Strength) -> bool {
    // An opening quote or bracket counts by what it opens; typewriter
    // quotes open with two marks (`''I think`, ``` ``I think ```).
    let is_opener = |t: &Token| {
        let mut chars = t.text(text).chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if OPENERS.contains(&c))
    };
    let opened = rest.iter().take(2).take_while(|t| is_opener(t)).count();
    let Some(word) = rest.get(opened).map(|t| t.text(text)) else { return false };
    let first = word.chars().next().unwrap_or(' ');
    match strength {
        Strength::Full => first.is_uppercase() || first.is_ascii_digit(),
        Strength::Month => first.is_uppercase() && !first.is_ascii_digit(),
        Strength::Weak => SENTENCE_STARTERS.contains(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[tokens[s.first_token].start()..tokens[s.end_token - 1].end()])
            .collect()
    }

    #[test]
    fn honorifics_initials_and_dates_do_not_split() {
        assert_eq!(
            sentences("Mr. Putin met Vladimir V. Putin and George W. Bush on Feb. 24 in the U.S. capital. Then he left. Roe v. Wade stood."),
            ["Mr. Putin met Vladimir V. Putin and George W. Bush on Feb. 24 in the U.S. capital.", "Then he left.", "Roe v. Wade stood."]
        );
    }

    #[test]
    fn quotes_closing_after_the_full_stop_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said, “We are ready.” Then he left. “Why?” she asked."),
            ["He said, “We are ready.”", "Then he left.", "“Why?” she asked."]
        );
    }

    #[test]
    fn typewriter_quotes_open_a_sentence() {
        assert_eq!(
            sentences("He would not change his position. ''I think so,'' he said. ``Why?'' she asked."),
            ["He would not change his position.", "''I think so,'' he said.", "``Why?'' she asked."]
        );
    }

    #[test]
    fn glued_sentences_split() {
        assert_eq!(
            sentences("“They have removed them from the agenda.”Two former officials said so."),
            ["“They have removed them from the agenda.”", "Two former officials said so."]
        );
    }

    #[test]
    fn runaway_sentences_are_cut() {
        let text = "word ".repeat(2500);
        let lengths: Vec<usize> = split_sentences(&text, &tokenize(&text)).iter().map(|s| s.end_token - s.first_token).collect();
        assert_eq!(lengths, [1000, 1000, 500]);
    }

    #[test]
    fn a_wire_dateline_is_a_sentence_of_its_own() {
        assert_eq!(sentences("WASHINGTON (Reuters) - The Senate voted. It passed."), ["WASHINGTON (Reuters) -", "The Senate voted.", "It passed."]);
        assert_eq!(sentences("KYIV, Ukraine (AP) — Russia fired missiles."), ["KYIV, Ukraine (AP) —", "Russia fired missiles."]);
        assert_eq!(sentences("NEW YORK — Stocks fell."), ["NEW YORK —", "Stocks fell."]);
        assert_eq!(sentences("UK - France talks fail."), ["UK - France talks fail."]);
        assert_eq!(sentences("The US - the world's largest economy - grew."), ["The US - the world's largest economy - grew."]);
    }

    #[test]
    fn abbreviations_end_sentences_before_sentence_openers() {
        assert_eq!(sentences("He flew to the U.S. The talks began."), ["He flew to the U.S.", "The talks began."]);
        assert_eq!(sentences("It was Aug. The heat was bad."), ["It was Aug.", "The heat was bad."]);
    }
}
