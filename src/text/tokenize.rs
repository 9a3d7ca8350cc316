//! A rule-based word tokenizer for news English, with byte offsets.
//!
//! Whitespace separates; punctuation is split off words except where it is
//! part of one: abbreviations and initials keep their full stop (`Mr.`, `V.`,
//! `U.S.`, `Feb.`), numbers keep their separators (`1,000.5`, `17:08`),
//! hyphenated words stay whole (`government-in-exile`), URLs and e-mail
//! addresses stay whole. Clitics are split as in the Penn Treebank
//! (`Putin’s` → `Putin` `’s`, `didn’t` → `did` `n’t`).

use crate::doc::Token;
use crate::lexicon::Words;

/// Words that take a full stop as part of themselves (compared without it,
/// case-sensitively; single capital letters are initials and always do),
/// besides the months' and weekdays' abbreviations.
static ABBREVIATIONS: Words = Words::new("abbreviations");
static CLITICS: Words = Words::new("clitics");

/// Whether `word` (without its full stop) is an abbreviation that keeps it.
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() && c != 'I');
    // `U.S`, `a.m`, `e.g`, `Ph.D`: letters joined by full stops.
    let dotted = word.contains('.')
        && word.split('.').all(|part| !part.is_empty() && part.chars().count() <= 2 && part.chars().all(char::is_alphabetic));
    single_capital || dotted || ABBREVIATIONS.contains(word) || crate::calendar::is_day_or_month_abbreviation(word)
}

/// Whether `c` can join two alphanumeric runs into one word.
fn is_connector(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‑' | '&' | '·' | '_')
}

/// Whether `c` can join two digit runs into one number.
fn is_number_connector(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/')
}

/// Characters that separate tokens besides `char::is_whitespace`: NUL and
/// other controls, the byte-order mark, zero-width spaces and joiners.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents written as separate code points) stay in words.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    tokenize_range(text, 0, text.len(), &mut tokens);
    tokens
}

/// Appends the tokens of `text[start..end]` to `tokens`.
pub fn tokenize_range(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let mut chunk_start = None;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if is_space(c) {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, at, tokens);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(at);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, end, tokens);
    }
}

/// Splits one whitespace-free chunk into tokens.
fn split_chunk(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let chunk = &text[start..end];
    if let Some(len) = url_or_email_len(chunk) {
        tokens.push(Token::new(start, start + len));
        if len < chunk.len() {
            split_chunk(text, start + len, end, tokens);
        }
        return;
    }
    let mut at = start;
    while let Some(c) = char_at(text, at, end) {
        let next = at + c.len_utf8();
        if is_word_char(c) {
            let mut word_end = scan_word(text, at, end);
            // A full stop that belongs to the word (abbreviation, initial).
            if char_at(text, word_end, end) == Some('.') && is_abbreviation(&text[at..word_end]) {
                word_end += 1;
            }
            push_word(text, at, word_end, tokens);
            at = word_end;
        } else if (c == '.' || c == '-') && char_at(text, next, end) == Some(c) {
            // `...` (any number of dots) and `--`.
            let run_end = if c == '.' { next + text[next..end].bytes().take_while(|&b| b == b'.').count() } else { next + 1 };
            tokens.push(Token::new(at, run_end));
            at = run_end;
        } else {
            tokens.push(Token::new(at, next));
            at = next;
        }
    }
}

/// The char starting at byte `at`, if before `end`.
fn char_at(text: &str, at: usize, end: usize) -> Option<char> {
    if at >= end {
        return None;
    }
    text[at..end].chars().next()
}

/// Byte index just past the word starting at `start`.
fn scan_word(text: &str, start: usize, end: usize) -> usize {
    let mut at = start;
    let mut prev = ' ';
    while let Some(c) = char_at(text, at, end) {
        let next_at = at + c.len_utf8();
        if is_word_char(c) {
            prev = c;
            at = next_at;
            continue;
        }
        let joins = match char_at(text, next_at, end) {
            Some(n) if is_word_char(n) => {
                is_connector(c)
                    || (is_number_connector(c) && prev.is_ascii_digit() && n.is_ascii_digit())
                    // `U.S`, `a.m`, `Ph.D`: full stops between runs of at most two
                    // letters, also after a hyphen (`D-N.Y`, a politician's affiliation).
                    || (c == '.' && n.is_alphabetic() && short_dotted_run(after_hyphen(&text[start..at])) && short_letter_run(&text[next_at..end]))
            }
            _ => false,
        };
        if !joins {
            break;
        }
        prev = c;
        at = next_at;
    }
    at
}

/// Whether a word so far is letters and full stops, its last run at most two letters.
fn short_dotted_run(word: &str) -> bool {
    word.chars().all(|c| c.is_alphabetic() || c == '.') && word.rsplit('.').next().is_some_and(|run| run.chars().count() <= 2)
}

/// The part of a word after its last hyphen.
fn after_hyphen(word: &str) -> &str {
    word.rsplit('-').next().unwrap_or(word)
}

/// Whether at most two letters start `rest`, so that glued sentences
/// (`to.The`) are not taken for abbreviations.
fn short_letter_run(rest: &str) -> bool {
    rest.chars().take(3).take_while(|c| c.is_alphabetic()).count() <= 2
}

/// Pushes a word, splitting a trailing clitic (`’s`, `n’t`, `’re`, ...).
fn push_word(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let word = &text[start..end];
    if let Some(split) = clitic_start(word) {
        tokens.push(Token::new(start, start + split));
        tokens.push(Token::new(start + split, end));
        return;
    }
    tokens.push(Token::new(start, end));
}

/// Where a trailing clitic starts: `’s`, `’re`, `’ve`, `’ll`, `’d`, `’m`, `n’t`
/// (either apostrophe, any case), leaving a non-empty stem.
fn clitic_start(word: &str) -> Option<usize> {
    let apostrophe = word.rfind(['\'', '’'])?;
    let clitic = &word[apostrophe..];
    let after = &clitic[clitic.chars().next()?.len_utf8()..];
    if !CLITICS.words().any(|c| c.eq_ignore_ascii_case(after)) {
        return None;
    }
    let start = if after.eq_ignore_ascii_case("t") {
        // `n’t`: the n goes with the clitic.
        let n = word[..apostrophe].chars().next_back()?;
        if !n.eq_ignore_ascii_case(&'n') {
            return None;
        }
        apostrophe - 1
    } else {
        apostrophe
    };
    (start > 0).then_some(start)
}

/// Length of a URL or e-mail address at the start of `chunk`, without
/// trailing punctuation.
fn url_or_email_len(chunk: &str) -> Option<usize> {
    let starts = |prefix: &str| chunk.as_bytes().get(..prefix.len()).is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()));
    let is_url = starts("http://") || starts("https://") || starts("www.");
    let is_email = !is_url
        && chunk.find('@').is_some_and(|at| {
            at > 0 && chunk[at + 1..].contains('.') && chunk[..at].chars().all(|c| c.is_alphanumeric() || "._+-".contains(c))
        });
    if !(is_url || is_email) {
        return None;
    }
    let trimmed = chunk.trim_end_matches(|c: char| ".,;:!?)]}”’\"'".contains(c));
    Some(trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn honorifics_initials_and_abbreviations_keep_their_full_stop() {
        assert_eq!(words("Mr. Putin met Vladimir V. Putin"), ["Mr.", "Putin", "met", "Vladimir", "V.", "Putin"]);
        assert_eq!(words("the U.S. and Feb. 24"), ["the", "U.S.", "and", "Feb.", "24"]);
        assert_eq!(words("at 5 p.m. today."), ["at", "5", "p.m.", "today", "."]);
        assert_eq!(words("to $12.63. But"), ["to", "$", "12.63", ".", "But"]);
        assert_eq!(words("(D-N.Y.) and U.S.-led"), ["(", "D-N.Y", ".", ")", "and", "U.S.", "-", "led"]);
    }

    #[test]
    fn punctuation_quotes_and_clitics_split() {
        assert_eq!(words("Putin’s “demilitarization,”"), ["Putin", "’s", "“", "demilitarization", ",", "”"]);
        assert_eq!(words("didn’t, can't"), ["did", "n’t", ",", "ca", "n't"]);
        assert_eq!(words("agenda.”Two former"), ["agenda", ".", "”", "Two", "former"]);
        assert_eq!(words("offer—given"), ["offer", "—", "given"]);
    }

    #[test]
    fn numbers_hyphens_urls_stay_whole() {
        assert_eq!(words("$750 billion, 1,000.5 and 66%"), ["$", "750", "billion", ",", "1,000.5", "and", "66", "%"]);
        assert_eq!(words("a 30-day government-in-exile at 17:08"), ["a", "30-day", "government-in-exile", "at", "17:08"]);
        assert_eq!(words("see https://example.com/a?b=1."), ["see", "https://example.com/a?b=1", "."]);
        assert_eq!(words("wait..."), ["wait", "..."]);
    }

    #[test]
    fn offsets_point_into_the_text_and_controls_separate() {
        let text = "\u{feff}Kyiv\u{0}said\r\n“No”";
        let tokens = tokenize(text);
        let got: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(got, ["Kyiv", "said", "“", "No", "”"]);
    }
}
