//! Quotation marks → quoted passages of the story's paragraphs.
//!
//! Curly and straight, double and single marks (single ones only when they
//! pair up within a paragraph, since `’` is also the apostrophe); single
//! marks inside double ones are nested quotes and stay part of the outer
//! passage. A passage left open at the end of a paragraph continues when the
//! next paragraph opens with a mark (the convention for quotes running over
//! several paragraphs); otherwise it ends with its paragraph. A closing mark
//! with no opening one closes a passage from the paragraph's start. Nothing
//! here fails: unbalanced marks give the passages that can be recovered.

use std::ops::Range;

/// A quoted passage: the words inside the marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Bytes of the quoted words, marks excluded; for a passage running over
    /// several paragraphs, from its first word to its last.
    pub start: usize,
    pub end: usize,
    /// The quoted words of each paragraph the passage runs through.
    pub pieces: Vec<Range<usize>>,
    /// Byte offset of the opening mark, when there is one.
    pub open: Option<usize>,
    /// Byte offset just after the closing mark, when there is one.
    pub close: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open(Style),
    Close(Style),
    /// A straight double mark whose context does not tell.
    Either,
}

fn is_opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\''))
}

fn is_closing_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'' && c != '"') || matches!(c, '—' | '–' | '…' | '”' | '’'))
}

/// What `c`, between `prev` and `next`, is as a quotation mark.
fn mark(prev: Option<char>, c: char, next: Option<char>) -> Option<Mark> {
    let word_before = prev.is_some_and(|p| !p.is_whitespace());
    let word_after = next.is_some_and(char::is_alphanumeric);
    Some(match c {
        // A curly mark printed the wrong way round is read by its context.
        '“' | '„' | '«' if word_before && is_closing_context(next) => Mark::Close(Style::Double),
        '“' | '„' | '«' => Mark::Open(Style::Double),
        '”' | '»' if is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => Mark::Open(Style::Double),
        '”' | '»' => Mark::Close(Style::Double),
        '"' if is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => Mark::Open(Style::Double),
        '"' if word_before && is_closing_context(next) => Mark::Close(Style::Double),
        '"' => Mark::Either,
        '‘' | '\'' if is_opening_context(prev) && next.is_some_and(char::is_alphabetic) => Mark::Open(Style::Single),
        '’' | '\'' if word_before && !word_after => Mark::Close(Style::Single),
        _ => return None,
    })
}

/// An open passage while a paragraph is scanned.
struct Open {
    style: Style,
    /// Opened by a straight or doubled mark rather than a curly one.
    straight: bool,
    /// Inside a quote nested with the other kind of double marks
    /// (`"...question: “As you know...?” Forty-three..."`).
    nested: bool,
    mark: Option<usize>,
    /// Where its words start in the current paragraph.
    piece_start: usize,
    pieces: Vec<Range<usize>>,
}

impl Open {
    fn double(mark: Option<usize>, piece_start: usize, straight: bool) -> Open {
        Open { style: Style::Double, straight, nested: false, mark, piece_start, pieces: Vec::new() }
    }
}

/// The passages of consecutive paragraphs (byte ranges of `text`, in order);
/// `continues[i]` says whether paragraph `i + 1` directly follows paragraph `i`
/// in the story, so that a quote may run on into it.
pub fn find(text: &str, paragraphs: &[Range<usize>], continues: &[bool]) -> Vec<Passage> {
    let mut passages = Vec::new();
    let mut carried: Option<Open> = None;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let open = carried.take();
        let next_opens = continues.get(i).copied().unwrap_or(false)
            && paragraphs.get(i + 1).is_some_and(|next| opens_with_mark(&text[next.clone()]));
        carried = scan_paragraph(text, paragraph.clone(), open, next_opens, &mut passages);
    }
    passages
}

fn opens_with_mark(paragraph: &str) -> bool {
    let rest = paragraph.trim_start();
    let rest = rest.strip_prefix("''").or_else(|| rest.strip_prefix("``")).or_else(|| rest.strip_prefix(['“', '"', '„', '«']));
    rest.is_some_and(|r| r.starts_with(|c: char| !c.is_whitespace()))
}

/// Scans one paragraph, pushing its finished passages; returns the passage
/// that runs on into the next paragraph, if any.
fn scan_paragraph(text: &str, paragraph: Range<usize>, mut open: Option<Open>, next_opens: bool, passages: &mut Vec<Passage>) -> Option<Open> {
    let body = &text[paragraph.clone()];
    let base = paragraph.start;
    // Passages found before this paragraph all start before its own (and
    // before a carried one's), so only the new ones need sorting.
    let first_new = passages.len();
    let mut single_candidates: Vec<(usize, usize)> = Vec::new();
    let mut pending_single: Option<usize> = None;
    let mut chars = body.char_indices().peekable();
    let mut prev: Option<char> = None;
    // A passage carried from the previous paragraph restarts after this one's opening mark.
    if let Some(o) = open.as_mut() {
        let lead = body.len() - body.trim_start().len();
        let mark_len = body[lead..].chars().next().map_or(0, char::len_utf8);
        o.piece_start = base + lead + mark_len;
        while chars.peek().is_some_and(|&(at, _)| at < lead + mark_len) {
            prev = chars.next().map(|(_, c)| c);
        }
    }
    let mut emitted_here = false;
    while let Some((at, c)) = chars.next() {
        let mut next = chars.peek().map(|&(_, n)| n);
        let mut width = c.len_utf8();
        // Doubled single marks (```` `` ```` and `''`, as in typewriter and
        // Treebank-style text) are one double mark.
        let doubled = matches!((c, next), ('\'', Some('\'')) | ('`', Some('`')));
        if doubled {
            chars.next();
            next = chars.peek().map(|&(_, n)| n);
            width = 2;
        }
        let found = match (doubled, c) {
            (true, '`') => Some(Mark::Open(Style::Double)),
            (true, _) => mark(prev, '"', next),
            (false, _) => mark(prev, c, next),
        };
        prev = Some(c);
        let Some(found) = found else { continue };
        let here = base + at;
        let after = here + width;
        let straight = doubled || c == '"';
        match (&mut open, found) {
            (Some(o), Mark::Close(Style::Double) | Mark::Either) if o.nested && o.straight != straight => o.nested = false,
            (Some(o), Mark::Open(Style::Double)) if o.style == Style::Double && o.straight != straight => o.nested = true,
            (Some(o), Mark::Close(Style::Double) | Mark::Either) if o.style == Style::Double => {
                let o = open.take().expect("open passage");
                passages.extend(finish(text, o, here, Some(after)));
                emitted_here = true;
            }
            // A second opening mark: the first was never closed.
            (Some(o), Mark::Open(Style::Double)) if o.style == Style::Double => {
                let o = open.take().expect("open passage");
                passages.extend(finish(text, o, here, None));
                open = Some(Open::double(Some(here), after, straight));
                emitted_here = true;
            }
            (Some(_), _) => {}
            (None, Mark::Open(Style::Double) | Mark::Either) => {
                pending_single = None;
                open = Some(Open::double(Some(here), after, straight));
            }
            (None, Mark::Close(Style::Double)) => {
                // A lone closing mark: recover the passage from the paragraph's
                // start, unless it is an inch mark or follows other passages.
                let after_digit = text[..here].chars().next_back().is_some_and(|p| p.is_ascii_digit());
                if !emitted_here && !after_digit {
                    let start = base + (body.len() - body.trim_start().len());
                    let o = Open::double(None, start, straight);
                    passages.extend(finish(text, o, here, Some(after)));
                    emitted_here = true;
                }
            }
            (None, Mark::Open(Style::Single)) => pending_single = Some(here),
            (None, Mark::Close(Style::Single)) => {
                if let Some(start) = pending_single.take() {
                    single_candidates.push((start, after));
                }
            }
        }
    }
    // Single-quoted passages count only outside double ones and when paired.
    for (open_at, close_after) in single_candidates {
        let mark_len = text[open_at..].chars().next().map_or(1, char::len_utf8);
        let close_len = text[..close_after].chars().next_back().map_or(1, char::len_utf8);
        let o = Open { style: Style::Single, mark: Some(open_at), piece_start: open_at + mark_len, ..Open::double(None, 0, false) };
        passages.extend(finish(text, o, close_after - close_len, Some(close_after)));
    }
    passages[first_new..].sort_by_key(|p| p.start);
    match open {
        Some(mut o) if o.style == Style::Double => {
            let end = paragraph.end;
            if next_opens {
                o.pieces.push(trimmed(text, o.piece_start..end));
                Some(o)
            } else {
                passages.extend(finish(text, o, end, None));
                None
            }
        }
        _ => None,
    }
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// The passage of `open` ending before byte `end`, if it holds any words.
fn finish(text: &str, mut open: Open, end: usize, close: Option<usize>) -> Option<Passage> {
    let last = trimmed(text, open.piece_start..end);
    if !last.is_empty() {
        open.pieces.push(last);
    }
    open.pieces.retain(|p| text[p.clone()].chars().any(char::is_alphanumeric));
    let (first, last) = (open.pieces.first()?, open.pieces.last()?);
    Some(Passage { start: first.start, end: last.end, open: open.mark, close, pieces: open.pieces.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for part in text.split("\n\n") {
            paragraphs.push(at..at + part.len());
            at += part.len() + 2;
        }
        let continues = vec![true; paragraphs.len()];
        find(text, &paragraphs, &continues)
            .iter()
            .map(|p| p.pieces.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join(" | "))
            .collect()
    }

    #[test]
    fn curly_straight_and_single_marks() {
        assert_eq!(quoted("“Everything helps,” he said. \"It is good.\""), ["Everything helps,", "It is good."]);
        assert_eq!(quoted("The so-called ‘sherpas’ met; don’t worry, the players’ union said."), ["sherpas"]);
        assert_eq!(quoted("He said “she called it ‘absurd’ twice.”"), ["she called it ‘absurd’ twice."]);
        assert_eq!(quoted("\"Read it: “As you know?” Yes.\" Next"), ["Read it: “As you know?” Yes."]);
        assert_eq!(quoted("''This isn't tax reform,'' he said. ``Quite.''"), ["This isn't tax reform,", "Quite."]);
        // Mixed marks: a straight opening closed by a curly mark.
        assert_eq!(quoted("\"Never underestimate him,” Reid said. \"Or her.\""), ["Never underestimate him,", "Or her."]);
    }

    #[test]
    fn quotes_run_over_paragraphs_when_the_next_one_opens_with_a_mark() {
        assert_eq!(quoted("“First part.\n\n“Second part,” he said."), ["First part. | Second part,"]);
        assert_eq!(quoted("“Never closed.\n\nNew paragraph."), ["Never closed."]);
    }

    #[test]
    fn unbalanced_marks_are_recovered_not_fatal() {
        assert_eq!(quoted("Missing its opening,” he said."), ["Missing its opening,"]);
        assert_eq!(quoted("A 12” screen and “one” more."), ["one"]);
        assert_eq!(quoted("“One “two” three"), ["One", "two"]);
        assert_eq!(quoted("”"), Vec::<String>::new());
        assert!(quoted("It’s the ’90s, rock ’n’ roll").len() <= 1);
    }
}
