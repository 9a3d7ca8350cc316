//! Lines of the input grouped into units: one unit per paragraph, title,
//! caption or other line of the page, with the byte range of its text.

use crate::text::is_space;

/// A trimmed, non-empty stretch of the input: one line, or the lines of one
/// hard-wrapped paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    /// A blank line (or the end of the text) follows.
    pub ends_block: bool,
}

impl Unit {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Trimmed, non-empty lines of `text`, in order, with `None` for blank lines,
/// and whether each starts indented (a tab or two spaces). `\n`, `\r\n`
/// and a lone `\r` all end a line.
fn lines_with_indent(text: &str) -> Vec<Option<(Unit, bool)>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let indented = text[line_start..i].starts_with('\t') || text[line_start..i].starts_with("  ");
            out.push(trimmed(text, line_start, i).map(|u| (u, indented)));
            if !at_end && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            line_start = i + 1;
        }
        i += 1;
    }
    out
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Unit> {
    let line = &text[start..end];
    let left = line.len() - line.trim_start_matches(is_space).len();
    let right = line.trim_end_matches(is_space).len();
    (right > left).then_some(Unit { start: start + left, end: start + right, ends_block: false })
}

fn char_len(text: &str, unit: &Unit) -> usize {
    unit.text(text).chars().count()
}

/// Whether a line ends a sentence (possibly inside closing quotes or brackets).
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['”', '’', '"', '\'', ')', ']', '*'])
        .ends_with(['.', '!', '?', '…', ':'])
}

/// Groups lines into units. A block of lines without blank lines between is
/// one hard-wrapped paragraph when its lines have the even width of wrapped
/// text; otherwise each line is a unit of its own, except that a line
/// starting in lower case continues a previous line that ended mid-sentence.
pub fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let all = lines_with_indent(text);
    for block in all.split(Option::is_none) {
        let indents: Vec<bool> = block.iter().flatten().map(|(_, indented)| *indented).collect();
        let block: Vec<Unit> = block.iter().flatten().map(|(unit, _)| *unit).collect();
        if block.is_empty() {
            continue;
        }
        // Wire copy: paragraphs start with an indent and run on over the
        // lines that do not (`\t   NAIROBI, Kenya (AP) _ Thousands of...`).
        let indented = indents.iter().filter(|&&i| i).count();
        if indented >= 2 && indented < block.len() {
            let mut current = block[0];
            for (line, &starts_paragraph) in block.iter().zip(&indents).skip(1) {
                if starts_paragraph {
                    out.push(Unit { ends_block: false, ..current });
                    current = *line;
                } else {
                    current.end = line.end;
                }
            }
            out.push(Unit { ends_block: true, ..current });
            continue;
        }
        if is_hard_wrapped(text, &block) {
            out.push(Unit { start: block[0].start, end: block[block.len() - 1].end, ends_block: true });
            continue;
        }
        let mut current = block[0];
        for line in &block[1..] {
            let continues = !ends_sentence(current.text(text))
                && line.text(text).chars().next().is_some_and(char::is_lowercase);
            if continues {
                current.end = line.end;
            } else {
                out.push(current);
                current = *line;
            }
        }
        out.push(Unit { ends_block: true, ..current });
    }
    out
}

/// Lines of even width (40 to 100 characters, the last one shorter) are a
/// paragraph wrapped by its writer, not separate lines, when each line
/// broke because the next word would not fit: a wrapper that fills lines
/// up to a column breaks nowhere else (a headline, an `Updated ...` line
/// and a byline can be as wide, but do not break so).
fn is_hard_wrapped(text: &str, block: &[Unit]) -> bool {
    if block.len() < 2 {
        return false;
    }
    if block.iter().any(|u| u.text(text).starts_with('#')) {
        return false;
    }
    let widths: Vec<usize> = block.iter().map(|u| char_len(text, u)).collect();
    let (body, last) = widths.split_at(widths.len() - 1);
    let even = body.iter().all(|&w| (40..=100).contains(&w)) && last[0] <= 100;
    let column = body.iter().copied().max().unwrap_or(0);
    let first_word = |u: &Unit| u.text(text).split_whitespace().next().map_or(0, |w| w.chars().count());
    let full = body.iter().zip(&block[1..]).all(|(&width, next)| width + 1 + first_word(next) > column);
    // Two lines could as well be a title and its subtitle: the first must run on.
    even && full && (block.len() > 2 || (widths[0] >= 60 && !ends_sentence(block[0].text(text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit_texts(text: &str) -> Vec<&str> {
        units(text).iter().map(|u| u.text(text)).collect()
    }

    #[test]
    fn blank_lines_and_single_newlines_both_separate_paragraphs() {
        let text = "Headline\n\nFirst paragraph.\nSecond paragraph.\r\n\r\n  Third.  ";
        assert_eq!(unit_texts(text), ["Headline", "First paragraph.", "Second paragraph.", "Third."]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The company said on Monday that it would cut 500 jobs in\nits European division, where sales have fallen for three\nyears.\n\nNext paragraph.";
        assert_eq!(units(text).len(), 2);
    }

    #[test]
    fn a_headline_date_and_byline_of_even_width_are_not_a_wrapped_paragraph() {
        let text = "Harris concedes, urges supporters to keep fighting\nUpdated November 6, 2024 at 6:45 p.m. ET\nBy Tom Reyes and Maria Lopez\n\nBody.";
        assert_eq!(unit_texts(text).len(), 4);
    }

    #[test]
    fn indented_wire_paragraphs_run_over_their_lines() {
        let text = "\t   NAIROBI, Kenya (AP) _ Thousands of laborers on Saturday protested tax hikes imposed by\ntheir government.\n\t   Beneath a scorching sun, they sang songs and\nchanted slogans.\n";
        let got = unit_texts(text);
        assert_eq!(got.len(), 2);
        assert!(got[0].ends_with("their government."));
    }

    #[test]
    fn lower_case_continuation_joins() {
        let text = "A sentence broken by a stray newline in\nthe middle of a line.";
        assert_eq!(unit_texts(text), [text]);
    }
}
