//! Dates, times and durations in the story, with TIMEX3-style values.
//!
//! Expressions are matched over each sentence's tokens (the longest match at
//! a position wins): full and partial dates (`Monday 12 May 2025`, `Feb. 24`,
//! `in February 2022`, `2014`, `the 1990s`), relative dates (`on Monday`,
//! `this Thursday`, `last October`, `this summer`, `two weeks ago`, `last
//! year`, `yesterday`), parts of periods (`early August`, `the end of
//! August`), quarters, seasons, holidays; times (`2am`, `5:30 p.m.`, `17:08
//! BST`, `noon`, `Friday morning`); the present, past and future as TimeML
//! values them (`now` → `PRESENT_REF`, `recently` → `PAST_REF`); durations
//! (`30 months`, `the past three days`, `30-day`, `for years` → `PXY`) and
//! sets (`weekly`, `every year`, `twice a month` → `P1W`, `P1Y`, `P1M`).
//!
//! Relative expressions resolve against the anchor (the article's
//! publication date); `the following day`, `two days later` and a bare
//! clock time against the reference date (the last full date mentioned,
//! the anchor before any). The tense of the nearest verb picks the
//! direction: `said on Monday` is the Monday before, `will meet on Thursday`
//! the one after; `this Thursday` is the Thursday of the anchor's week.
//! Without an anchor a relative expression keeps an underspecified value
//! (`XXXX-WXX-1`, `XXXX-08-06`, `DCT-P1Y`) and `anchored` is false, rather
//! than a guess.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

use crate::calendar::{holiday_date, month_names, weekday_names, Date};
use crate::lexicon::Words;
use crate::fxhash::FxHashSet;
use crate::doc::{Segmented, Timex};
use crate::text::{ascii_lower, lower_case};

mod durations;

use durations::SET_WORDS;

/// Lower-case words that may open an expression, and the first words of holidays.
static OPENERS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| TEMPORAL_OPENERS.words().chain(SET_WORDS.words()).chain(DECADE_WORDS.words()).chain(PHRASE_STARTS.iter().copied()).collect());

/// The first words of holidays and of the present, past and future's phrases.
static PHRASE_STARTS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| HOLIDAYS.words().chain(REFERENCE_WORDS.words()).filter_map(|h| h.split(' ').next()).collect());

/// Every beginning of those phrases, so that reading one stops as soon as
/// no phrase goes on that way.
static PHRASE_PREFIXES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| HOLIDAYS.words().chain(REFERENCE_WORDS.words()).flat_map(|h| h.char_indices().map(move |(at, c)| &h[..at + c.len_utf8()])).collect());

/// Whether a capitalised word starts like a month or a weekday (`Sept.`,
/// `Thursday`), without allocating.
fn names_a_day_or_month(word: &str) -> bool {
    word.get(..3).is_some_and(|start| month_names().chain(weekday_names()).any(|name| name[..3].eq_ignore_ascii_case(start)))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
    /// The present of `be` before a month or date: the nearest such
    /// (`is set for April 14, Pitman said`).
    Present,
    Unknown,
}

static TEMPORAL_OPENERS: Words = Words::new("temporal_openers");
/// Seasons and their TIMEX3 codes.
static SEASONS: Words = Words::new("seasons");
/// Holidays and their month-day (`12-25`), when fixed.
static HOLIDAYS: Words = Words::new("holidays");
/// Plural count nouns after a four-digit number: a count, not a year (`2000 troops`).
static COUNTED_NOUNS: Words = Words::new("counted_nouns");
/// Words before a month, season or year that make it a date (`May` is otherwise a verb).
static DATE_CONTEXT: Words = Words::new("date_context");
/// Units of time and their TIMEX3 letters.
static TIME_UNITS: Words = Words::new("time_units");
/// Zones that name no offset of their own, standard or summer time by the
/// date (`3 p.m. ET`): part of the time, which keeps no offset.
static GENERIC_ZONES: Words = Words::new("generic_time_zones");
static FUTURE_CUES: Words = Words::new("future_cues");
static PAST_CUES: Words = Words::new("past_cues");
static FUTURE_BEFORE_TO: Words = Words::new("future_before_to");
static LINKING_VERBS: Words = Words::new("linking_verbs");
static PRESENT_CUES: Words = Words::new("present_cues");
static NUMBER_WORDS: Words = Words::new("number_words");
/// `now`, `recently`, `the future`: TimeML's `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
static REFERENCE_WORDS: Words = Words::new("reference_words");
/// Parts of a day and their TIMEX3 codes (`morning` → `MO`).
static DAY_PARTS: Words = Words::new("day_parts");
/// `the following day`: words that shift the date just mentioned, in days.
static ANAPHORIC_DAYS: Words = Words::new("anaphoric_days");
/// Words before `the day` that make it the day in focus (`ended the day`).
static FOCUS_DAY_CUES: Words = Words::new("focus_day_cues");
/// `later`, `earlier`: after a count and unit, the sign of the shift from the date just mentioned.
static SHIFT_WORDS: Words = Words::new("shift_words");
/// `several`, `few`, `many`: counts that leave a past vague (`several years ago`).
static VAGUE_COUNTS: Words = Words::new("vague_counts");
/// `first`, `second`...: ordinals in words, in order (for centuries).
static ORDINAL_WORDS: Words = Words::new("ordinal_words");
/// `first`, `third`, `final`: ordinals of quarters and halves.
static PERIOD_ORDINALS: Words = Words::new("period_ordinals");
/// `eighties` → 8: decades in words, of the 20th century.
static DECADE_WORDS: Words = Words::new("decade_words");

/// The temporal stage: the story's dates, times and durations, relative ones
/// resolved against the publication date.
pub fn annotate(doc: &mut crate::doc::Doc) {
    doc.times = find(&doc.text, &doc.segmented, doc.published.as_ref().and_then(|p| p.date));
}

/// Finds the temporal expressions of a story's sentences; `anchor` is the
/// publication date, when known.
pub fn find(text: &str, segmented: &Segmented, anchor: Option<Date>) -> Vec<Timex> {
    let mut found = Vec::new();
    // The date in focus: the last full date mentioned, the anchor before any;
    // the year and month in focus: those of the last date mentioned.
    let mut reference = anchor;
    let mut period = anchor.map(|a| (a.year, Some(a.month)));
    for sentence in &segmented.sentences {
        let tokens = segmented.sentence_tokens(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let lower: Vec<Cow<str>> = words.iter().map(|w| lower_case(w)).collect();
        let reader = Reader { words: &words, lower: &lower, anchor, reference: Cell::new(reference), period: Cell::new(period), start: Cell::new(0) };
        let mut matches: Vec<(usize, Match)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match reader.at(i) {
                Some(m) if m.end > i => {
                    let end = m.end;
                    if m.label == "DATE" {
                        if let Some(day) = m.value.as_deref().and_then(full_date) {
                            reader.reference.set(Some(day));
                        }
                        if let Some(in_focus) = m.value.as_deref().and_then(year_and_month) {
                            reader.period.set(Some(in_focus));
                        }
                    }
                    matches.push((i, m));
                    i = end;
                }
                _ => i += 1,
            }
        }
        let matches = join_clock_times_and_days(matches);
        let sentence_day = |k: usize| {
            let before = matches[..k].iter().rev().find_map(|(_, m)| m.day());
            before.or_else(|| matches[k + 1..].iter().find_map(|(_, m)| m.day()))
        };
        for (k, (start, m)) in matches.iter().enumerate() {
            let (value, anchored) = match m.value.as_deref() {
                // A bare clock time takes the sentence's date, else the date in focus.
                Some(clock) if clock.starts_with('T') => match sentence_day(k).or(reference) {
                    Some(day) => (Some(format!("{}{clock}", day.iso())), true),
                    None => (Some(format!("XXXX-XX-XX{clock}")), false),
                },
                _ => (m.value.clone(), m.anchored),
            };
            let timex = Timex { start: tokens[*start].start(), end: tokens[m.end - 1].end(), label: m.label, value, anchored };
            // `2020 – 21`: two digits after a year's dash are the range's end
            // (four are a year, read on their own).
            let dash = matches!(words.get(m.end).copied(), Some("-" | "–")) && words.get(m.end + 1).is_some_and(|w| w.len() == 2);
            let range_end = dash.then(|| year_after(&timex, words[m.end + 1])).flatten();
            found.extend(split_year_range(text, timex));
            if let Some(year) = range_end {
                let token = tokens[m.end + 1];
                found.push(Timex { start: token.start(), end: token.end(), label: "DATE", value: Some(year), anchored: true });
            }
        }
        reference = reader.reference.get();
        period = reader.period.get();
    }
    found
}

/// `1991-2020`, `2010-15`: a range of years printed as one word is two
/// dates, each over its own digits; anything else is itself.
fn split_year_range(text: &str, timex: Timex) -> Vec<Timex> {
    let printed = &text[timex.start..timex.end];
    let Some((from, to)) = printed.split_once('-').filter(|(from, _)| from.len() == 4) else {
        return vec![timex];
    };
    let Some(end_year) = year_after(&timex, to) else {
        return vec![timex];
    };
    let end_start = timex.start + from.len() + 1;
    vec![
        Timex { end: timex.start + from.len(), ..timex.clone() },
        Timex { start: end_start, end: timex.end, value: Some(end_year), ..timex },
    ]
}

/// The year that `digits` (two or four) end a range from a year's DATE
/// with: `2020` and `21` give `2021`.
fn year_after(from: &Timex, digits: &str) -> Option<String> {
    let first: i32 = from.value.as_deref().filter(|v| v.len() == 4)?.parse().ok()?;
    if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i32 = digits.parse().ok()?;
    let year = if digits.len() == 4 { number } else { first - first % 100 + number + if number < first % 100 { 100 } else { 0 } };
    (year > first && year - first <= 100).then(|| format!("{year:04}"))
}

/// `12:00 UTC Monday`, `Monday 12:00`: a clock time next to a day is one
/// TIME of that day.
fn join_clock_times_and_days(matches: Vec<(usize, Match)>) -> Vec<(usize, Match)> {
    let mut joined: Vec<(usize, Match)> = Vec::with_capacity(matches.len());
    for (start, m) in matches {
        if let Some((_, first)) = joined.last_mut().filter(|(_, last)| last.end == start) {
            let dated = first.day().zip(m.clock()).or_else(|| m.day().zip(first.clock())).map(|(day, clock)| format!("{}{clock}", day.iso()));
            if let Some(value) = dated {
                *first = Match { end: m.end, label: "TIME", value: Some(value), anchored: true };
                continue;
            }
        }
        joined.push((start, m));
    }
    joined
}

/// A value that names one day (`2025-05-12`).
/// The year and, if given, the month of a TIMEX3 value: `2012-02-14` and
/// `2012-02` give 2012 and February, `2012` and `2012-W07` 2012 alone.
fn year_and_month(value: &str) -> Option<(i32, Option<u32>)> {
    let year = value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()?;
    let rest = &value[4..];
    if !(rest.is_empty() || rest.starts_with('-')) {
        return None;
    }
    let month = rest.get(1..3).and_then(|m| m.parse().ok()).filter(|m| (1..=12).contains(m));
    Some((year, month))
}

fn full_date(value: &str) -> Option<Date> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Date::new(value[..4].parse().ok()?, value[5..7].parse().ok()?, value[8..].parse().ok()?)
}

/// A match: tokens up to `end` (exclusive).
struct Match {
    end: usize,
    label: &'static str,
    value: Option<String>,
    anchored: bool,
}

impl Match {
    fn date(end: usize, value: String, anchored: bool) -> Option<Match> {
        Some(Match { end, label: "DATE", value: Some(value), anchored })
    }

    /// The day this match names, if it names one.
    fn day(&self) -> Option<Date> {
        self.value.as_deref().filter(|_| self.label == "DATE").and_then(full_date)
    }

    /// The clock time of a TIME that has no date yet (`T12:00Z`).
    fn clock(&self) -> Option<&str> {
        self.value.as_deref().filter(|v| v.starts_with('T') && self.label == "TIME")
    }
}

struct Reader<'a> {
    words: &'a [&'a str],
    lower: &'a [Cow<'a, str>],
    anchor: Option<Date>,
    /// The date in focus (the last full date mentioned), for `the following day`.
    reference: Cell<Option<Date>>,
    /// The year and month in focus (of the last date mentioned), for `the following year`.
    period: Cell<Option<(i32, Option<u32>)>>,
    /// Where the expression being read starts, for the tense around it.
    start: Cell<usize>,
}

/// A word of 3 to 10 ASCII letters in lower case, without trailing full
/// stops, written into `buffer` (month and weekday names are no longer).
fn short_lower<'b>(word: &str, buffer: &'b mut [u8; 10]) -> Option<&'b str> {
    if !word.starts_with(|c: char| c.is_ascii_alphabetic()) || !(3..=10).contains(&word.len()) {
        return None;
    }
    ascii_lower(word.trim_end_matches('.'), buffer)
}

fn month_of(word: &str) -> Option<u32> {
    let mut buffer = [0; 10];
    let w = short_lower(word, &mut buffer)?;
    month_names().position(|m| m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept"))).map(|k| k as u32 + 1)
}

fn weekday_of(word: &str) -> Option<u32> {
    let mut buffer = [0; 10];
    let w = short_lower(word, &mut buffer)?;
    let w = w.strip_suffix('s').filter(|s| s.ends_with("day")).unwrap_or(w);
    weekday_names()
        .position(|d| d == w || (w.len() >= 3 && w.len() <= 5 && d.starts_with(w) && word.ends_with('.')))
        .map(|k| k as u32)
}

/// The value of digits with optional thousands commas (`1,200`).
fn digits_value(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    w.bytes().filter(|&b| b != b',').try_fold(0u32, |n, b| if b.is_ascii_digit() { n.checked_mul(10)?.checked_add((b - b'0') as u32) } else { None })
}

/// `twelve`, `12`, `a` (in lower case): small numbers for durations and `ago`.
fn number_of(w: &str) -> Option<u32> {
    if let Some(n) = NUMBER_WORDS.value(w).and_then(|v| v.parse().ok()) {
        return Some(n);
    }
    match w {
        "a" | "an" => Some(1),
        "hundred" => Some(100),
        "several" | "few" | "many" => None,
        _ => digits_value(w).filter(|&n| n < 10_000),
    }
}

/// A count in words or digits, hyphenated tens too (`twenty-five`).
fn count_of(w: &str) -> Option<u32> {
    number_of(w).or_else(|| {
        let (tens, unit) = w.split_once('-')?;
        let tens = number_of(tens).filter(|t| (20..100).contains(t) && t % 10 == 0)?;
        Some(tens + number_of(unit).filter(|u| (1..10).contains(u))?)
    })
}

/// A unit of time (in lower case, maybe plural) as a TIMEX3 letter.
fn unit_of(w: &str) -> Option<&'static str> {
    if w == "centuries" {
        return Some("CE");
    }
    TIME_UNITS.value(w.strip_suffix('s').unwrap_or(w))
}

/// A plural unit of time (`years`) as a TIMEX3 letter.
fn plural_unit_of(w: &str) -> Option<&'static str> {
    (w.ends_with('s') && w.len() > 3).then(|| unit_of(w)).flatten()
}

/// A TIMEX3 duration: `n` units (`X` when not counted), a half more when `half`.
fn duration_value(n: Option<u32>, unit: &str, half: bool) -> String {
    let amount = match (n, unit) {
        (None, _) => "X".to_string(),
        (Some(n), "DE") => (n * 10).to_string(),
        (Some(n), "CE") => (n * 100).to_string(),
        (Some(n), _) if half => format!("{n}.5"),
        (Some(n), _) => n.to_string(),
    };
    match (unit, n) {
        ("DE" | "CE", Some(_)) => format!("P{amount}Y"),
        _ if unit.starts_with('T') => format!("PT{amount}{}", &unit[1..]),
        _ => format!("P{amount}{unit}"),
    }
}

impl Reader<'_> {
    fn word(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }
    fn low(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w.as_ref())
    }

    /// The tense of the verb nearest before the expression, else after it:
    /// `said on Monday`, `will meet on Monday`, `on Monday, it said`; past
    /// after `since`.
    fn tense(&self) -> Tense {
        self.tense_reading(false)
    }

    /// The tense for a month or a date, which the present of `be` before it
    /// also sets (`is set for April 14, Pitman said`: the reporting verb
    /// dates the report). Not for a weekday: `is raising questions about
    /// Monday's debate` looks back.
    fn date_tense(&self) -> Tense {
        self.tense_reading(true)
    }

    fn tense_reading(&self, present_counts: bool) -> Tense {
        let start = self.start.get();
        // `since June`, `since the October endorsement`: a starting point is past.
        let before = if start > 0 && self.low(start - 1) == "the" { start.saturating_sub(2) } else { start.saturating_sub(1) };
        if start > 0 && self.low(before) == "since" {
            return Tense::Past;
        }
        // The present of `be` counts before the expression only: after it,
        // it is another clause's (`March's outcome is unclear`).
        let cue = |k: usize, backward: bool| {
            let w = self.low(k);
            let participle = w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()) && self.word(k).starts_with(|c: char| c.is_ascii_lowercase());
            // A past form after a modal or `to` is the bare verb it spells (`will last until Friday`).
            let bare = k > 0 && (matches!(self.low(k - 1), "to" | "can" | "must") || FUTURE_CUES.contains(self.low(k - 1)));
            let past = (PAST_CUES.contains(w) || participle) && !bare;
            // `to be held`, `should be completed`: a participle after `be` is not past.
            // `is set to begin on Wednesday`, `is due on Friday`; `was set
            // to`, `were due` look forward from the past.
            let from_the_past = k > 0 && matches!(self.low(k - 1), "was" | "were");
            let future_before_to = FUTURE_BEFORE_TO.contains(w) && self.low(k + 1) == "to";
            let future = (FUTURE_CUES.contains(w) || future_before_to) && !from_the_past;
            // `will stay closed`: the state sets no time, the verb before does.
            if participle && k > 0 && LINKING_VERBS.contains(self.low(k - 1)) {
                return None;
            }
            if future || (past && k > 0 && self.low(k - 1) == "be") {
                Some(Tense::Future)
            } else if past && k > 0 && matches!(self.low(k - 1), "has" | "have" | "'ve" | "’ve") {
                // The present perfect takes no definite past time (`*has said on
                // Monday`): the nearest verb sets no direction, and the date
                // is read without a tense.
                Some(Tense::Unknown)
            } else if past {
                Some(Tense::Past)
            } else if present_counts && backward && PRESENT_CUES.contains(w) {
                Some(Tense::Present)
            } else {
                None
            }
        };
        (0..start).rev().find_map(|k| cue(k, true)).or_else(|| (start + 1..self.words.len()).find_map(|k| cue(k, false))).unwrap_or(Tense::Unknown)
    }

    /// Whether anything can start at token `i`: a digit, a month, weekday
    /// or holiday, one of the few lower-case words that open an expression,
    /// or a hyphenated one (`five-year`, `mid-2011`). Most tokens are none of these.
    fn may_start(&self, i: usize) -> bool {
        let w = self.word(i);
        let low = self.low(i);
        w.starts_with(|c: char| c.is_ascii_digit())
            || OPENERS.contains(low)
            || (w.starts_with(char::is_uppercase) && names_a_day_or_month(w))
            || low.split_once('-').is_some_and(|(first, last)| OPENERS.contains(first) || count_of(first).is_some() || unit_of(last.trim_end_matches("-long")).is_some())
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Match> {
        if !self.may_start(i) {
            return None;
        }
        self.start.set(i);
        // `earlier this month`, `later today`: the period itself.
        if matches!(self.low(i), "earlier" | "later") {
            return self.at(i + 1).filter(|m| m.label == "DATE");
        }
        let best = [
            self.modified_period(i),
            self.calendar_date(i),
            self.prefixed_period(i),
            self.relative(i),
            self.anaphoric_day(i),
            self.ago(i),
            self.vague_ago(i),
            self.time(i),
            self.duration(i),
            self.vague_duration(i),
            self.recurrence(i),
            self.phrase(i, &REFERENCE_WORDS).filter(|_| self.not_a_name(i)).and_then(|(end, value)| Match::date(end, value.to_string(), true)),
            self.holiday(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|m| m.end)?;
        Some(self.with_day_part(best))
    }

    /// Whether token `i` is in lower case or opens the sentence: `now` and
    /// `this morning`, not `Liberty Now PAC` or `CBS This Morning`.
    fn not_a_name(&self, i: usize) -> bool {
        i == 0 || !self.word(i).starts_with(char::is_uppercase)
    }

    /// `Friday morning`, `yesterday afternoon`: a day and a part of it, a
    /// TIME; a weekday with no date to anchor it keeps its underspecified
    /// day (`XXXX-WXX-5TAF`).
    fn with_day_part(&self, m: Match) -> Match {
        let weekday = m.value.as_deref().filter(|v| m.label == "DATE" && v.starts_with("XXXX-WXX-"));
        let day = m.day().map(|day| day.iso()).or_else(|| weekday.map(str::to_string));
        match (day, DAY_PARTS.value(self.low(m.end))) {
            (Some(day), Some(part)) => Match { end: m.end + 1, label: "TIME", value: Some(format!("{day}T{part}")), anchored: m.anchored },
            _ => m,
        }
    }

    /// The longest phrase of `list` at token `i` (up to four words) and its value.
    fn phrase(&self, i: usize, list: &Words) -> Option<(usize, &'static str)> {
        if !PHRASE_STARTS.contains(self.low(i)) {
            return None;
        }
        let mut phrase = String::new();
        let mut longest = None;
        for k in i..self.words.len().min(i + 4) {
            let word = self.low(k);
            if k > i && !word.starts_with(['\'', '’']) {
                phrase.push(' ');
            }
            phrase.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }));
            if !PHRASE_PREFIXES.contains(phrase.as_str()) {
                break;
            }
            if let Some(value) = list.value(&phrase) {
                longest = Some((k + 1, value));
            }
        }
        longest
    }

    /// A year in a date context: 1800-2099, four digits.
    fn year_at(&self, i: usize) -> Option<i32> {
        let w = self.word(i);
        (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse().ok()).flatten().filter(|y| (1800..2100).contains(y))
    }

    fn day_at(&self, i: usize) -> Option<u32> {
        let w = self.word(i);
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &w[digits.len()..];
        let ok_suffix = suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix);
        (ok_suffix && !digits.is_empty() && digits.len() <= 2).then(|| digits.parse().ok()).flatten().filter(|d| (1..=31).contains(d))
    }

    /// `Monday 12 May 2025`, `May 12, 2025`, `Feb. 24`, `12 May`, `January
    /// 1996`, `February`, `2014`, `1990s`, with an optional weekday first.
    fn calendar_date(&self, i: usize) -> Option<Match> {
        if let Some(date) = numeric_date(self.word(i)) {
            return Match::date(i + 1, date.iso(), true);
        }
        let mut j = i;
        // A weekday before its date, with or without a comma: `Tuesday, Nov. 5`, `Tuesday 5 November`.
        let after_weekday = if self.word(j + 1) == "," { j + 2 } else { j + 1 };
        if weekday_of(self.word(j)).is_some() && (month_of(self.word(after_weekday)).is_some() || self.day_at(after_weekday).is_some()) {
            j = after_weekday;
        }
        let context = i > 0 && DATE_CONTEXT.contains(self.low(i - 1));
        // Day Month [Year]
        if let (Some(day), Some(month)) = (self.day_at(j), month_of(self.word(j + 1))) {
            return self.finish_date(j + 2, month, day);
        }
        if let Some(month) = month_of(self.word(j)) {
            let capital = self.word(j).starts_with(char::is_uppercase);
            if !capital {
                return None;
            }
            // Month Day [, Year]
            if let Some(day) = self.day_at(j + 1) {
                let mut end = j + 2;
                if self.word(end) == "," && self.year_at(end + 1).is_some() {
                    end += 1;
                }
                return self.finish_date(end, month, day);
            }
            // Month Year, Month of Year
            if let Some(year) = self.year_at(j + 1) {
                return Match::date(j + 2, format!("{year:04}-{month:02}"), true);
            }
            if let Some(year) = self.year_at(j + 2).filter(|_| self.low(j + 1) == "of") {
                return Match::date(j + 3, format!("{year:04}-{month:02}"), true);
            }
            // `October of next year`
            if let (Some(a), "of", "year") = (self.anchor, self.low(j + 1), self.low(j + 3)) {
                let shift = match self.low(j + 2) {
                    "last" => Some(-1),
                    "this" => Some(0),
                    "next" => Some(1),
                    _ => None,
                };
                if let Some(shift) = shift {
                    return Match::date(j + 4, format!("{:04}-{month:02}", a.year + shift), true);
                }
            }
            // Month alone: `May`, and an abbreviation without its full stop
            // (`Jun Saito`, `Mar-a-Lago`), only with a date word before it.
            let is_may = self.low(j) == "may";
            let bare_abbreviation = !self.word(j).ends_with('.') && month_names().all(|m| m != self.low(j));
            if (is_may || bare_abbreviation) && !context {
                return None;
            }
            return self.bare_month(j + 1, month);
        }
        // Years (unless a count follows: `2000 troops`, or money precedes) and year ranges.
        if let Some(year) = self.year_at(i) {
            let after = self.low(i + 1);
            let counted = COUNTED_NOUNS.contains(after) || (i > 0 && ["$", "€", "£", "no.", "number"].contains(&self.low(i - 1)));
            if !counted {
                return Match::date(i + 1, format!("{year:04}"), true);
            }
        }
        let w = self.word(i);
        if let Some((from, to)) = w.split_once('-') {
            let years = from.len() == 4 && (to.len() == 2 || to.len() == 4) && from.chars().chain(to.chars()).all(|c| c.is_ascii_digit());
            if years && (1800..2100).contains(&from.parse::<i32>().unwrap_or(0)) {
                return Match::date(i + 1, from.to_string(), true);
            }
        }
        if let Some(century) = self.century(i) {
            return Some(century);
        }
        // `fiscal 2013`, `fiscal year 2013`: TimeML's `FY2013`.
        if self.low(i) == "fiscal" {
            let at = if self.low(i + 1) == "year" { i + 2 } else { i + 1 };
            return self.year_at(at).and_then(|year| Match::date(at + 1, format!("FY{year:04}"), true));
        }
        let marked = i > 0 && ["'", "’", "the", "mid", "late", "early"].contains(&self.low(i - 1));
        let after_the = self.low(i.wrapping_sub(1)) == "the"
            || (self.low(i.wrapping_sub(2)) == "the" && matches!(self.low(i.wrapping_sub(1)), "mid" | "late" | "early"));
        if let Some(digit) = DECADE_WORDS.value(self.low(i)).filter(|_| after_the) {
            return Match::date(i + 1, format!("19{digit}"), true);
        }
        decade_of(w, marked).and_then(|decade| Match::date(i + 1, decade, true))
    }

    /// `the 19th century` → `18`, `the twenty-first century` → `20`: TimeML's century values.
    fn century(&self, i: usize) -> Option<Match> {
        let (ordinal, end) = match self.low(i).split_once('-') {
            Some((ordinal, "century")) => (ordinal, i + 1),
            Some(_) => return None,
            None if self.low(i + 1) == "century" => (self.low(i), i + 2),
            None => return None,
        };
        let digits = ordinal.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let number = match digits.parse::<u32>() {
            Ok(n) if ordinal.len() == digits.len() + 2 => n,
            _ => ORDINAL_WORDS.position(ordinal)? as u32 + 1,
        };
        (1..=30).contains(&number).then(|| Match::date(end, format!("{:02}", number - 1), true)).flatten()
    }

    /// `mid-2011`, `mid-1990s`, `mid-March`: one token, a period and where in it.
    fn prefixed_period(&self, i: usize) -> Option<Match> {
        let (lead, rest) = self.word(i).split_once('-')?;
        if !matches!(lead.to_ascii_lowercase().as_str(), "mid" | "early" | "late") {
            return None;
        }
        if let Some(month) = month_of(rest).filter(|_| rest.starts_with(char::is_uppercase)) {
            return self.bare_month(i + 1, month);
        }
        let year = (rest.len() == 4).then(|| rest.parse::<i32>().ok()).flatten().filter(|y| (1800..2100).contains(y));
        year.map(|y| format!("{y:04}")).or_else(|| decade_of(rest, true)).and_then(|value| Match::date(i + 1, value, true))
    }

    /// A day and month read up to `end`, with the year after it if there is one.
    fn finish_date(&self, end: usize, month: u32, day: u32) -> Option<Match> {
        if let Some(year) = self.year_at(end) {
            return Date::new(year, month, day).map(|d| Match { end: end + 1, label: "DATE", value: Some(d.iso()), anchored: true });
        }
        self.month_day_value(end, month, day)
    }

    /// A month and day without a year: the year comes from the anchor and the
    /// tense; without an anchor, `XXXX-MM-DD`.
    fn month_day_value(&self, end: usize, month: u32, day: u32) -> Option<Match> {
        if day > 31 {
            return None;
        }
        let Some(anchor) = self.anchor else {
            return Match::date(end, format!("XXXX-{month:02}-{day:02}"), false);
        };
        let candidates: Vec<Date> = (anchor.year - 1..=anchor.year + 1).filter_map(|y| Date::new(y, month, day)).collect();
        let pick = match self.date_tense() {
            Tense::Past => candidates.iter().filter(|d| **d <= anchor.plus_days(7)).max(),
            Tense::Future => candidates.iter().filter(|d| **d >= anchor.plus_days(-7)).min(),
            Tense::Present | Tense::Unknown => candidates.iter().min_by_key(|d| (d.days() - anchor.days()).abs()),
        };
        pick.map(|d| Match { end, label: "DATE", value: Some(d.iso()), anchored: true })
    }

    fn bare_month(&self, end: usize, month: u32) -> Option<Match> {
        let Some(anchor) = self.anchor else {
            return Match::date(end, format!("XXXX-{month:02}"), false);
        };
        let year = match self.date_tense() {
            Tense::Future if month < anchor.month => anchor.year + 1,
            Tense::Past if month > anchor.month => anchor.year - 1,
            // No tense: the nearest such month.
            Tense::Present | Tense::Unknown if (month as i32 - anchor.month as i32) > 6 => anchor.year - 1,
            Tense::Present | Tense::Unknown if (anchor.month as i32 - month as i32) > 6 => anchor.year + 1,
            _ => anchor.year,
        };
        Match::date(end, format!("{year:04}-{month:02}"), true)
    }

    /// `early August`, `the end of August`, `mid-March`, `late 2021`.
    fn modified_period(&self, i: usize) -> Option<Match> {
        let mut j = i;
        if self.low(j) == "the" {
            j += 1;
        }
        let lead = match (self.low(j), self.low(j + 1)) {
            ("end" | "beginning" | "start" | "middle", "of") => j + 2,
            ("early" | "late" | "mid" | "mid-", _) => j + 1,
            _ => return None,
        };
        if self.low(lead) == "-" {
            return self.calendar_date(lead + 1).map(|m| Match { end: m.end, ..m });
        }
        // `the end of the year`: the period in focus.
        if self.low(lead) == "the" {
            if let Some((value, anchored)) = self.period_value(self.low(lead + 1), 0) {
                return Some(Match { end: lead + 2, label: "DATE", value: Some(value), anchored });
            }
        }
        self.calendar_date(lead).or_else(|| self.relative(lead)).filter(|m| m.label == "DATE")
    }

    /// `this Thursday`, `last October`, `next week`, `this summer`, `last
    /// year`, `on Monday`, `Friday`, `yesterday`, `the day after tomorrow`,
    /// `the first quarter`.
    fn relative(&self, i: usize) -> Option<Match> {
        match self.low(i) {
            "today" => return self.shift_days(i + 1, 0, "DCT"),
            "yesterday" => return self.shift_days(i + 1, -1, "DCT-P1D"),
            "tomorrow" => return self.shift_days(i + 1, 1, "DCT+P1D"),
            "tonight" => return Some(Match { end: i + 1, label: "TIME", value: Some(self.anchor.map_or("DCT".into(), |a| format!("{}TNI", a.iso()))), anchored: self.anchor.is_some() }),
            // `the day after tomorrow`, `the day before yesterday`.
            "the" if self.low(i + 1) == "day" => match (self.low(i + 2), self.low(i + 3)) {
                ("after", "tomorrow") => return self.shift_days(i + 4, 2, "DCT+P2D"),
                ("before", "yesterday") => return self.shift_days(i + 4, -2, "DCT-P2D"),
                _ => {}
            },
            _ => {}
        }
        let (direction, j) = match self.low(i) {
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" | "that" | "current" => (0, i + 1),
            _ => (2, i), // none
        };
        let target = self.low(j);
        if let Some(weekday) = weekday_of(self.word(j)).filter(|_| self.word(j).starts_with(char::is_uppercase)) {
            return Some(self.weekday_value(j + 1, weekday, direction));
        }
        if direction == 2 {
            if let Some(season) = SEASONS.value(target) {
                // `fall` is mostly a verb: it needs a date word before it or a
                // year after; not `to`, nor `and` after no season (`need to
                // fall`, `rise and fall`; `summer and fall`), nor `the fall
                // of` a thing (`the fall of Kabul`).
                let before = if i > 0 { self.low(i - 1) } else { "" };
                let after_a_season = i > 1 && SEASONS.contains(self.low(i - 2));
                let verb_before = target == "fall" && (before == "to" || before == "and" && !after_a_season);
                let context = DATE_CONTEXT.contains(before) && !verb_before;
                // `summer 2012`, `the spring of 2012`
                let year = match (self.year_at(j + 1), self.low(j + 1)) {
                    (Some(y), _) => Some((y, j + 2)),
                    (None, "of") => self.year_at(j + 2).map(|y| (y, j + 3)),
                    _ => None,
                };
                let of_a_thing = self.low(j + 1) == "of" && year.is_none();
                if target == "fall" && (of_a_thing || !(context || year.is_some())) {
                    return None;
                }
                return match year {
                    Some((y, end)) => Match::date(end, format!("{y:04}-{season}"), true),
                    None => self.season_value(j + 1, season, 0),
                };
            }
            if target == "the" && self.low(j + 1) == "weekend" {
                return self.weekend(j + 2);
            }
            return self.quarter(i);
        }
        if let Some(month) = month_of(self.word(j)).filter(|_| self.word(j).starts_with(char::is_uppercase)) {
            return Some(self.relative_month(j + 1, month, direction));
        }
        if let Some(season) = SEASONS.value(target) {
            return self.season_value(j + 1, season, direction);
        }
        if let Some(part) = DAY_PARTS.value(target).filter(|_| direction <= 0 && self.not_a_name(i)) {
            // `this morning`, `last night`; `that night` is the day in focus's.
            let day = if self.low(i) == "that" { self.reference.get() } else { self.anchor.map(|a| a.plus_days(direction.into())) };
            let value = day.map_or(format!("XXXX-XX-XXT{part}"), |d| format!("{}T{part}", d.iso()));
            return Some(Match { end: j + 1, label: "TIME", value: Some(value), anchored: day.is_some() });
        }
        if self.low(i) == "that" && target == "day" {
            return self.reference_day(j + 1, 0);
        }
        match self.period_value(target, direction) {
            Some((value, anchored)) => Some(Match { end: j + 1, label: "DATE", value: Some(value), anchored }),
            None => self.quarter(i),
        }
    }

    /// The year, quarter, month, week or weekend `direction` away from the
    /// anchor's, and whether the anchor fixed it.
    fn period_value(&self, target: &str, direction: i32) -> Option<(String, bool)> {
        let Some(a) = self.anchor else {
            let unit = match target {
                "year" => "Y",
                "quarter" => "Q",
                "month" => "M",
                "week" | "weekend" => "W",
                "decade" => "DE",
                "century" => "CE",
                _ => return None,
            };
            let value = match direction {
                -1 => format!("DCT-P1{unit}"),
                1 => format!("DCT+P1{unit}"),
                _ => format!("DCT-P0{unit}"),
            };
            return Some((value, false));
        };
        let value = match target {
            "year" => format!("{:04}", a.year + direction),
            "quarter" => {
                let quarters = a.year * 4 + (a.month as i32 - 1) / 3 + direction;
                format!("{:04}-Q{}", quarters.div_euclid(4), quarters.rem_euclid(4) + 1)
            }
            "month" => {
                let months = a.year * 12 + a.month as i32 - 1 + direction;
                format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
            }
            // `this decade`: `202`; `last century`: `19`, TIMEX3's truncated
            // years. `the last decade` is mostly the past ten years, a duration.
            "decade" if direction == 0 => format!("{:03}", a.year.div_euclid(10)),
            "century" => format!("{:02}", a.year.div_euclid(100) + direction),
            "week" | "weekend" => {
                let (y, w) = a.plus_days(7 * direction as i64).iso_week();
                if target == "weekend" {
                    format!("{y:04}-W{w:02}-WE")
                } else {
                    format!("{y:04}-W{w:02}")
                }
            }
            _ => return None,
        };
        Some((value, true))
    }

    /// `the weekend`: the last one when the verb is past, else the anchor week's.
    fn weekend(&self, end: usize) -> Option<Match> {
        let Some(a) = self.anchor else {
            return Some(Match { end, label: "DATE", value: Some("XXXX-WXX-WE".into()), anchored: false });
        };
        let back = if self.tense() == Tense::Past && a.weekday() < 5 { -7 } else { 0 };
        let (y, w) = a.plus_days(back).iso_week();
        Match::date(end, format!("{y:04}-W{w:02}-WE"), true)
    }

    /// The date in focus `days` on: `the following day`, `that day`.
    fn reference_day(&self, end: usize, days: i64) -> Option<Match> {
        let day = self.reference.get()?;
        Match::date(end, day.plus_days(days).iso(), true)
    }

    /// The week, month or year `shift` away from the one in focus: `the
    /// following week` (from the date in focus), `the year before` (from the
    /// last year mentioned: `in February 2012 ... the following year`).
    fn reference_period(&self, end: usize, unit: &str, shift: i64) -> Option<Match> {
        let value = match (unit, self.period.get()) {
            ("week", _) => {
                let (year, week) = self.reference.get()?.plus_days(7 * shift).iso_week();
                format!("{year:04}-W{week:02}")
            }
            ("month", Some((year, Some(month)))) => {
                let months = year as i64 * 12 + month as i64 - 1 + shift;
                format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
            }
            ("year", Some((year, _))) => format!("{:04}", year as i64 + shift),
            _ => return None,
        };
        Match::date(end, value, true)
    }

    /// `the following day`, `the same day`, `the previous day`, `the
    /// following week`, `the day before` or `the year after` closing a
    /// clause, and `the day` after `on`, `for`, `ended` (`closed up 2% on
    /// the day`): the date in focus, or the period around it.
    fn anaphoric_day(&self, i: usize) -> Option<Match> {
        if self.low(i) != "the" {
            return None;
        }
        if let Some(shift) = ANAPHORIC_DAYS.value(self.low(i + 1)).and_then(|v| v.parse().ok()) {
            // `the next week`, `the previous year` count from the publication
            // date (see `relative`); `the following week` from the date in focus.
            return match self.low(i + 2) {
                "day" => self.reference_day(i + 3, shift),
                unit @ ("week" | "month" | "year") if matches!(self.low(i + 1), "following" | "preceding") => self.reference_period(i + 3, unit, shift),
                _ => None,
            };
        }
        // `had left the day before.`: the day before the date in focus (not `the day before the vote`).
        let closes_clause = !self.word(i + 3).starts_with(char::is_alphanumeric);
        let shift = match self.low(i + 2) {
            "before" => -1,
            "after" => 1,
            _ => 0,
        };
        if closes_clause && shift != 0 {
            match self.low(i + 1) {
                "day" => return self.reference_day(i + 3, shift),
                unit @ ("week" | "month" | "year") => return self.reference_period(i + 3, unit, shift),
                _ => {}
            }
        }
        let cued = i > 0 && FOCUS_DAY_CUES.contains(self.low(i - 1));
        let qualified = matches!(self.low(i + 2), "of" | "before" | "after" | "when" | "that" | "which" | "the");
        if self.low(i + 1) == "day" && cued && !qualified {
            return self.reference_day(i + 2, 0);
        }
        None
    }

    fn shift_days(&self, end: usize, days: i64, unanchored: &str) -> Option<Match> {
        Some(match self.anchor {
            Some(a) => Match { end, label: "DATE", value: Some(a.plus_days(days).iso()), anchored: true },
            None => Match { end, label: "DATE", value: Some(unanchored.to_string()), anchored: false },
        })
    }

    /// A weekday: `direction` -1 last, 1 next, 0 this week, 2 by tense.
    fn weekday_value(&self, end: usize, weekday: u32, direction: i32) -> Match {
        let Some(anchor) = self.anchor else {
            return Match { end, label: "DATE", value: Some(format!("XXXX-WXX-{}", weekday + 1)), anchored: false };
        };
        let today = anchor.weekday() as i64;
        let target = weekday as i64;
        let offset = match direction {
            0 => target - today,
            -1 => -((today - target).rem_euclid(7)) - if today == target { 7 } else { 0 },
            1 => (target - today).rem_euclid(7) + if today == target { 7 } else { 0 },
            // By tense; a bare weekday that is the anchor's own is that day
            // (`will speak on Thursday` in Thursday's paper).
            _ => match self.tense() {
                Tense::Future => (target - today).rem_euclid(7),
                _ => -((today - target).rem_euclid(7)),
            },
        };
        Match { end, label: "DATE", value: Some(anchor.plus_days(offset).iso()), anchored: true }
    }

    fn relative_month(&self, end: usize, month: u32, direction: i32) -> Match {
        let Some(anchor) = self.anchor else {
            return Match { end, label: "DATE", value: Some(format!("XXXX-{month:02}")), anchored: false };
        };
        let year = match direction {
            -1 if month >= anchor.month => anchor.year - 1,
            1 if month <= anchor.month => anchor.year + 1,
            _ => anchor.year,
        };
        Match { end, label: "DATE", value: Some(format!("{year:04}-{month:02}")), anchored: true }
    }

    fn season_value(&self, end: usize, season: &str, direction: i32) -> Option<Match> {
        Some(match self.anchor {
            Some(a) => Match { end, label: "DATE", value: Some(format!("{:04}-{season}", a.year + direction)), anchored: true },
            None => Match { end, label: "DATE", value: Some(format!("XXXX-{season}")), anchored: false },
        })
    }

    /// `the first quarter`, `the last quarter of 1997`, `third-quarter`,
    /// `Q3 2013`, `the second half of last year`.
    fn quarter(&self, i: usize) -> Option<Match> {
        let mut j = i;
        if self.low(j) == "the" {
            j += 1;
        }
        let (ordinal, period, mut end) = match self.low(j).split_once('-') {
            Some((ordinal, period)) => (ordinal, period, j + 1),
            None if self.low(j).len() == 2 && self.low(j).starts_with('q') => ("", self.low(j), j + 1),
            None => (self.low(j), self.low(j + 1), j + 2),
        };
        let last = ordinal == "last";
        let ordinal = PERIOD_ORDINALS.value(ordinal).and_then(|n| n.parse::<i32>().ok());
        if ordinal.is_none() && !last && matches!(period, "quarter" | "half") {
            return None;
        }
        let (letter, number) = match period {
            "quarter" => ('Q', ordinal),
            "half" => ('H', ordinal.filter(|&n| n <= 2)),
            q => ('Q', Some(q.strip_prefix('q').and_then(|n| n.parse().ok()).filter(|n| (1..=4).contains(n))?)),
        };
        let stated_year = match (self.low(end), self.year_at(end), self.year_at(end + 1)) {
            (_, Some(y), _) => Some((y, end + 1)),
            ("of", _, Some(y)) => Some((y, end + 2)),
            ("of", _, _) => match (self.low(end + 1), self.low(end + 2), self.anchor) {
                ("last", "year", Some(a)) => Some((a.year - 1, end + 3)),
                ("this", "year", Some(a)) => Some((a.year, end + 3)),
                ("next", "year", Some(a)) => Some((a.year + 1, end + 3)),
                _ => None,
            },
            _ => None,
        };
        let (year, number) = match (stated_year, self.anchor, number) {
            (Some((year, after)), _, number) => {
                end = after;
                (Some(year), number.or(last.then_some(if letter == 'Q' { 4 } else { 2 })))
            }
            // `the last quarter`: the one before the anchor's.
            (None, Some(a), None) if last && letter == 'Q' => {
                let previous = a.year * 4 + (a.month as i32 - 1) / 3 - 1;
                (Some(previous.div_euclid(4)), Some(previous.rem_euclid(4) + 1))
            }
            // A quarter still to come is last year's when the verb is past (`reported a loss in the fourth quarter`).
            (None, Some(a), Some(n)) => {
                let current = if letter == 'Q' { (a.month as i32 - 1) / 3 + 1 } else { (a.month as i32 - 1) / 6 + 1 };
                (Some(if n > current && self.tense() == Tense::Past { a.year - 1 } else { a.year }), Some(n))
            }
            (None, None, number) => (None, number),
            _ => return None,
        };
        let number = number?;
        let value = year.map_or(format!("XXXX-{letter}{number}"), |y| format!("{y:04}-{letter}{number}"));
        Some(Match { end, label: "DATE", value: Some(value), anchored: year.is_some() })
    }

    /// `two weeks ago`, `three years ago`, `half a century ago` (from the
    /// anchor); `two days later`, `a year earlier` (from the date in focus).
    fn ago(&self, i: usize) -> Option<Match> {
        // `half a decade`, `half a century`: five and fifty years.
        let half = self.low(i) == "half" && matches!(self.low(i + 1), "a" | "an");
        let i = if half { i + 1 } else { i };
        let n = count_of(self.low(i))?;
        let (n, unit) = match (half, unit_of(self.low(i + 1))?) {
            (false, unit) => (n, unit),
            (true, "DE") => (5, "Y"),
            (true, "CE") => (50, "Y"),
            (true, _) => return None,
        };
        let end = i + 3;
        let (from, sign) = match (self.low(i + 2), SHIFT_WORDS.value(self.low(i + 2))) {
            ("ago", _) => (self.anchor, -1),
            // Years and months later count from the last year or month mentioned
            // (`in February 2012 ... two years later`), days and weeks from the last day.
            (_, Some(sign)) => {
                let from = match (unit, self.period.get()) {
                    ("Y" | "DE" | "CE", Some((year, _))) => Date::new(year, 1, 1),
                    ("M", Some((year, Some(month)))) => Date::new(year, month, 1),
                    _ => self.reference.get(),
                };
                (from, sign.parse().ok()?)
            }
            _ => return None,
        };
        let Some(from) = from else {
            let value = match self.low(i + 2) {
                "ago" => format!("DCT-{}", duration_value(Some(n), unit, false)),
                // No date in focus: only the granularity is known.
                _ => match unit {
                    "Y" | "DE" | "CE" => "XXXX".to_string(),
                    "M" => "XXXX-XX".to_string(),
                    _ => "XXXX-XX-XX".to_string(),
                },
            };
            return Some(Match { end, label: "DATE", value: Some(value), anchored: false });
        };
        let n = i64::from(n) * sign;
        let value = match unit {
            "D" => from.plus_days(n).iso(),
            "W" => from.plus_days(7 * n).iso(),
            "M" => {
                let months = from.year as i64 * 12 + from.month as i64 - 1 + n;
                format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
            }
            "Y" => format!("{:04}", from.year as i64 + n),
            // `a decade ago`: the year, as `ten years ago` gives it.
            "DE" => format!("{:04}", from.year as i64 + 10 * n),
            "CE" => format!("{:04}", from.year as i64 + 100 * n),
            _ => return None,
        };
        Some(Match { end, label: "DATE", value: Some(value), anchored: true })
    }

    /// `years ago`, `several weeks ago`, `a few months ago`: a past the
    /// count does not fix, TimeML's `PAST_REF`.
    fn vague_ago(&self, i: usize) -> Option<Match> {
        let unit_at = match (self.low(i), self.low(i + 1)) {
            ("a", "few") => i + 2,
            (count, _) if VAGUE_COUNTS.contains(count) => i + 1,
            _ => i,
        };
        let unit = self.low(unit_at);
        let plural = unit.ends_with('s') && unit_of(unit).is_some();
        (plural && self.low(unit_at + 1) == "ago").then(|| Match { end: unit_at + 2, label: "DATE", value: Some("PAST_REF".into()), anchored: true })
    }

    /// `2am`, `5:30 p.m.`, `17:08 BST`, `noon`, `midnight`.
    fn time(&self, i: usize) -> Option<Match> {
        let w = self.low(i);
        if w == "noon" || w == "midday" {
            return Some(Match { end: i + 1, label: "TIME", value: Some("T12:00".into()), anchored: true });
        }
        if w == "midnight" {
            return Some(Match { end: i + 1, label: "TIME", value: Some("T00:00".into()), anchored: true });
        }
        let (clock, meridiem_inside) = match w.find(|c: char| c.is_alphabetic()) {
            Some(k) if ["am", "pm", "a.m", "p.m", "a.m.", "p.m."].contains(&&w[k..]) => (&w[..k], Some(w[k..].starts_with('p'))),
            Some(_) => return None,
            None => (w, None),
        };
        let military = clock.len() == 4 && meridiem_inside.is_none() && crate::article::zone_suffix(self.word(i + 1)).is_some();
        let (hour, minute) = match clock.split_once(':') {
            Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            // `0800 UTC`
            None if military => (clock[..2].parse::<u32>().ok()?, clock[2..].parse::<u32>().ok()?),
            None if meridiem_inside.is_some() || matches!(self.low(i + 1).trim_end_matches('.'), "a.m" | "p.m" | "am" | "pm") => (clock.parse::<u32>().ok()?, 0),
            _ => return None,
        };
        let mut end = i + 1;
        let meridiem = meridiem_inside.or_else(|| match self.low(i + 1).trim_end_matches('.') {
            "a.m" | "am" => Some(false),
            "p.m" | "pm" => Some(true),
            _ => None,
        });
        if meridiem_inside.is_none() && meridiem.is_some() {
            end += 1;
        }
        let hour = match meridiem {
            Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
            Some(_) => return None,
            None => hour,
        };
        if hour > 23 || minute > 59 {
            return None;
        }
        let zone = crate::article::zone_suffix(self.word(end)).map(|z| if z == "+00:00" { "Z".to_string() } else { z });
        if zone.is_some() || GENERIC_ZONES.contains(self.word(end)) {
            end += 1;
        }
        Some(Match { end, label: "TIME", value: Some(format!("T{hour:02}:{minute:02}{}", zone.unwrap_or_default())), anchored: true })
    }

    /// Christmas, St. Patrick's Day, New Year's Day...
    fn holiday(&self, i: usize) -> Option<Match> {
        let (end, rule) = self.phrase(i, &HOLIDAYS)?;
        let fixed = rule.len() == 5 && holiday_date(rule, 2000).is_some();
        let value = match (self.anchor.and_then(|a| holiday_date(rule, a.year)), fixed) {
            (Some(day), _) => day.iso(),
            (None, true) => format!("XXXX-{rule}"),
            (None, false) => "XXXX".to_string(),
        };
        Match::date(end, value, self.anchor.is_some() || rule.is_empty())
    }
}

/// `7/8/07`, `07/08/2007` (month first, as English news writes them), `2007-07-08`.
fn numeric_date(word: &str) -> Option<Date> {
    let separator = if word.contains('/') { '/' } else { '-' };
    let parts: Vec<u32> = word.split(separator).map(|p| p.parse().ok().filter(|_| (1..=4).contains(&p.len()))).collect::<Option<_>>()?;
    let &[a, b, c] = parts.as_slice() else {
        return None;
    };
    let widened = |y: u32| if y < 100 { if y < 50 { 2000 + y } else { 1900 + y } } else { y };
    match separator {
        '/' if c < 100 || (1800..2100).contains(&c) => Date::new(widened(c) as i32, a, b),
        '-' if (1800..2100).contains(&a) && word.len() == 10 => Date::new(a as i32, b, c),
        _ => None,
    }
}

/// `1990s` → `199`, `'80s` → `198` (and `80s` when `marked` by `the` or an
/// apostrophe): TimeML's decade values.
fn decade_of(word: &str, marked: bool) -> Option<String> {
    let digits = word.trim_start_matches(['\'', '’']).strip_suffix('s')?;
    if !digits.ends_with('0') || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        4 => Some(digits[..3].to_string()),
        2 if marked || word.len() > digits.len() + 1 => Some(format!("19{}", &digits[..1])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn values(text: &str, anchor: Option<Date>) -> Vec<(String, &'static str, String)> {
        let segmented = segment(text, [&(0..text.len())]);
        find(text, &segmented, anchor).into_iter().map(|f| (text[f.start..f.end].to_string(), f.label, f.value.unwrap_or_default())).collect()
    }

    fn may_12() -> Option<Date> {
        Date::new(2025, 5, 12)
    }

    #[test]
    fn seed_002_dates_from_monday_12_may_2025() {
        let got = values("Putin’s 2am press conference on Sunday was theatre. Russia was ready for talks in Turkey this Thursday, Putin said.", may_12());
        assert!(got.contains(&("2am".into(), "TIME", "2025-05-11T02:00".into())), "a clock time takes the sentence's day: {got:?}");
        assert!(got.contains(&("Sunday".into(), "DATE", "2025-05-11".into())));
        assert!(got.contains(&("this Thursday".into(), "DATE", "2025-05-15".into())));
    }

    #[test]
    fn absolute_dates_and_periods() {
        let got = values("It began on Monday 12 May 2025, after talks in February 2022, in 2014 and in the 1990s, and ends Feb. 24.", None);
        assert!(got.contains(&("Monday 12 May 2025".into(), "DATE", "2025-05-12".into())));
        assert!(got.contains(&("February 2022".into(), "DATE", "2022-02".into())));
        assert!(got.contains(&("2014".into(), "DATE", "2014".into())));
        assert!(got.contains(&("1990s".into(), "DATE", "199".into())));
        assert!(got.contains(&("Feb. 24".into(), "DATE", "XXXX-02-24".into())));
    }

    #[test]
    fn relative_dates_follow_tense_and_anchor() {
        let got = values("He said last October that this summer would be hard. She will meet him on Thursday. Two weeks ago it rained.", may_12());
        assert!(got.contains(&("last October".into(), "DATE", "2024-10".into())));
        assert!(got.contains(&("this summer".into(), "DATE", "2025-SU".into())));
        assert!(got.contains(&("Thursday".into(), "DATE", "2025-05-15".into())));
        assert!(got.contains(&("Two weeks ago".into(), "DATE", "2025-04-28".into())));
        let got = values("The firm was founded a decade ago, the town two centuries ago, the club half a century ago.", may_12());
        assert!(got.contains(&("a decade ago".into(), "DATE", "2015".into())), "{got:?}");
        assert!(got.contains(&("two centuries ago".into(), "DATE", "1825".into())));
        assert!(got.contains(&("half a century ago".into(), "DATE", "1975".into())));
        // A count that leaves the past vague is TimeML's PAST_REF.
        let got = values("Several years ago, and a few weeks ago, and decades ago, it rained.", may_12());
        let past = |text: &str| (text.to_string(), "DATE", "PAST_REF".to_string());
        assert_eq!(got, [past("Several years ago"), past("a few weeks ago"), past("decades ago")]);
        let got = values("This decade and the current quarter differ from the last decade.", may_12());
        assert_eq!(got, [("This decade".into(), "DATE", "202".into()), ("current quarter".into(), "DATE", "2025-Q2".into()), ("the last decade".into(), "DURATION", "P10Y".into())]);
    }

    #[test]
    fn forward_looking_phrases_set_the_direction() {
        let got = values("The trial is set to begin on Wednesday. Applicants were due to file by March 15.", Date::new(2016, 4, 9));
        assert!(got.contains(&("Wednesday".into(), "DATE", "2016-04-13".into())), "`is set to` looks ahead: {got:?}");
        assert!(got.contains(&("March 15".into(), "DATE", "2016-03-15".into())), "`were due` looks ahead from the past");
        let got = values("The convention, which begins Monday, is in Philadelphia.", Date::new(2016, 7, 20));
        assert!(got.contains(&("Monday".into(), "DATE", "2016-07-25".into())), "a scheduled start in the present looks ahead: {got:?}");
    }

    #[test]
    fn a_range_of_years_is_two_dates() {
        let got = values("From 2001 - 2002, above the 1991-2020 average, in the 2020–21 season and in 2010-15.", None);
        assert_eq!(got, [
            ("2001".into(), "DATE", "2001".into()), ("2002".into(), "DATE", "2002".into()),
            ("1991".into(), "DATE", "1991".into()), ("2020".into(), "DATE", "2020".into()),
            ("2020".into(), "DATE", "2020".into()), ("21".into(), "DATE", "2021".into()),
            ("2010".into(), "DATE", "2010".into()), ("15".into(), "DATE", "2015".into()),
        ]);
    }

    #[test]
    fn a_reporting_verb_after_the_clause_does_not_date_its_event() {
        let march_6 = Date::new(2026, 3, 6);
        let got = values("A status conference is set for April 14, Pitman said in an order.", march_6);
        assert!(got.contains(&("April 14".into(), "DATE", "2026-04-14".into())), "{got:?}");
        let got = values("The hearing, on April 14, was adjourned.", march_6);
        assert!(got.contains(&("April 14".into(), "DATE", "2025-04-14".into())), "{got:?}");
        // After the expression, `is` is another clause's; a weekday keeps the tense of its verb.
        let got = values("April's outcome is unclear, he said. He is raising questions about Monday's debate.", march_6);
        assert!(got.contains(&("April".into(), "DATE", "2025-04".into())), "{got:?}");
        assert!(got.contains(&("Monday".into(), "DATE", "2026-03-02".into())), "{got:?}");
    }

    #[test]
    fn holidays_and_named_days_by_their_rules() {
        let got = values("Shops opened on Black Friday, after Thanksgiving and before Christmas; on Super Tuesday voters go out.", Date::new(2016, 2, 20));
        assert!(got.contains(&("Black Friday".into(), "DATE", "2016-11-25".into())), "{got:?}");
        assert!(got.contains(&("Thanksgiving".into(), "DATE", "2016-11-24".into())));
        assert!(got.contains(&("Christmas".into(), "DATE", "2016-12-25".into())));
        assert!(got.contains(&("Super Tuesday".into(), "DATE", "XXXX".into())), "a named day is not the nearest Tuesday");
        let got = values("It was Good Friday.", None);
        assert!(got.contains(&("Good Friday".into(), "DATE", "XXXX".into())), "{got:?}");
    }

    #[test]
    fn durations_and_times() {
        let got = values("The 30-day truce held for 30 months, the past three days were calm, and at 5:30 p.m. GMT it ended.", None);
        assert!(got.contains(&("30-day".into(), "DURATION", "P30D".into())));
        assert!(got.contains(&("30 months".into(), "DURATION", "P30M".into())));
        assert!(got.contains(&("the past three days".into(), "DURATION", "P3D".into())));
        assert!(got.contains(&("5:30 p.m. GMT".into(), "TIME", "XXXX-XX-XXT17:30Z".into())));
        assert!(values("The vote is at 3 p.m. ET on Tuesday.", None).contains(&("3 p.m. ET".into(), "TIME", "XXXX-XX-XXT15:00".into())));
    }

    fn march_14_2013() -> Option<Date> {
        Date::new(2013, 3, 14) // a Thursday, ISO week 11
    }

    #[test]
    fn two_days_away() {
        let got = values("Talks resume the day after tomorrow; they broke off the day before yesterday.", march_14_2013());
        assert!(got.contains(&("the day after tomorrow".into(), "DATE", "2013-03-16".into())), "{got:?}");
        assert!(got.contains(&("the day before yesterday".into(), "DATE", "2013-03-12".into())), "{got:?}");
    }

    #[test]
    fn clock_times_take_their_day() {
        let got = values("The plane took off at 16:15 UTC. It landed at 0800 UTC Monday. Trading resumes at 9 a.m. tomorrow.", march_14_2013());
        assert!(got.contains(&("16:15 UTC".into(), "TIME", "2013-03-14T16:15Z".into())));
        assert!(got.contains(&("0800 UTC Monday".into(), "TIME", "2013-03-11T08:00Z".into())), "{got:?}");
        assert!(got.contains(&("9 a.m. tomorrow".into(), "TIME", "2013-03-15T09:00".into())), "{got:?}");
    }

    #[test]
    fn parts_of_days_are_times() {
        let got = values("Apple said Friday morning that it would act. Shares fell last night and rose this afternoon.", march_14_2013());
        assert!(got.contains(&("Friday morning".into(), "TIME", "2013-03-08TMO".into())), "{got:?}");
        assert!(got.contains(&("last night".into(), "TIME", "2013-03-13TNI".into())));
        assert!(got.contains(&("this afternoon".into(), "TIME", "2013-03-14TAF".into())));
        // With no publication date the span is the same, the day underspecified.
        assert_eq!(values("Apple said Friday afternoon that it would act.", None), [("Friday afternoon".into(), "TIME", "XXXX-WXX-5TAF".into())]);
    }

    #[test]
    fn present_past_and_future_references() {
        let got = values("Prices are now falling; they recently rose, and in the past they doubled. They will rise again in the future, soon.", march_14_2013());
        assert!(got.contains(&("now".into(), "DATE", "PRESENT_REF".into())));
        assert!(got.contains(&("recently".into(), "DATE", "PAST_REF".into())));
        assert!(got.contains(&("the past".into(), "DATE", "PAST_REF".into())));
        assert!(got.contains(&("the future".into(), "DATE", "FUTURE_REF".into())));
        assert!(got.contains(&("soon".into(), "DATE", "FUTURE_REF".into())));
    }

    #[test]
    fn weeks_quarters_halves_and_decades() {
        let got = values(
            "Sales rose this week and in Q3 2012. The company reported a loss in the fourth quarter. Third-quarter profit will rise. \
             Growth slowed in the first half of last year, and in the last quarter. Rates were high in the 1990s and the '80s.",
            march_14_2013(),
        );
        assert!(got.contains(&("this week".into(), "DATE", "2013-W11".into())));
        assert!(got.contains(&("Q3 2012".into(), "DATE", "2012-Q3".into())));
        assert!(got.contains(&("the fourth quarter".into(), "DATE", "2012-Q4".into())), "a quarter to come is last year's in the past tense: {got:?}");
        assert!(got.contains(&("Third-quarter".into(), "DATE", "2013-Q3".into())));
        assert!(got.contains(&("the first half of last year".into(), "DATE", "2012-H1".into())));
        assert!(got.contains(&("the last quarter".into(), "DATE", "2012-Q4".into())));
        assert!(got.iter().any(|(_, l, v)| *l == "DATE" && v == "198"), "{got:?}");
        let got = values("Music of the sixties and the late seventies is back; she is in her forties.", march_14_2013());
        assert_eq!(got, [("sixties".into(), "DATE", "196".into()), ("the late seventies".into(), "DATE", "197".into())]);
    }

    #[test]
    fn relative_to_the_anchor_and_to_the_date_in_focus() {
        let got = values(
            "Talks opened on March 4. The following day they stalled, and two days later they ended. \
             Prices rose earlier this month and will fall next Monday; they fell two years ago and in March.",
            march_14_2013(),
        );
        assert!(got.contains(&("March 4".into(), "DATE", "2013-03-04".into())));
        assert!(got.contains(&("The following day".into(), "DATE", "2013-03-05".into())), "{got:?}");
        assert!(got.contains(&("two days later".into(), "DATE", "2013-03-07".into())));
        assert!(got.contains(&("earlier this month".into(), "DATE", "2013-03".into())));
        assert!(got.contains(&("next Monday".into(), "DATE", "2013-03-18".into())));
        assert!(got.contains(&("two years ago".into(), "DATE", "2011".into())));
        assert!(got.contains(&("March".into(), "DATE", "2013-03".into())));
        let got = values("Talks opened on March 4. They had met the day before. They met the day before the vote.", march_14_2013());
        assert_eq!(got, [("March 4".into(), "DATE", "2013-03-04".into()), ("the day before".into(), "DATE", "2013-03-03".into())]);
        let got = values("Talks opened on March 4. They ended the following week; the year before, they had failed.", march_14_2013());
        assert_eq!(got[1..], [("the following week".into(), "DATE", "2013-W11".into()), ("the year before".into(), "DATE", "2012".into())]);
        let got = values("He was charged in February 2012 and acquitted the following year; two years later he left.", march_14_2013());
        assert_eq!(got[1..], [("the following year".into(), "DATE", "2013".into()), ("two years later".into(), "DATE", "2015".into())]);
    }

    #[test]
    fn the_tense_of_the_nearest_verb_picks_the_weekday() {
        let got = values("GM said on Monday that the plant will reopen on Friday.", march_14_2013());
        assert!(got.contains(&("Monday".into(), "DATE", "2013-03-11".into())));
        assert!(got.contains(&("Friday".into(), "DATE", "2013-03-15".into())), "{got:?}");
        // A participle after a linking verb is a state: the verb before it sets the tense.
        let got = values("The markets will stay closed until Friday.", march_14_2013());
        assert!(got.contains(&("Friday".into(), "DATE", "2013-03-15".into())), "{got:?}");
        let got = values("The markets remained closed until Friday.", march_14_2013());
        assert!(got.contains(&("Friday".into(), "DATE", "2013-03-08".into())), "{got:?}");
        // A past form after a modal is the bare verb: `last` here is no `last Friday`.
        let got = values("The strike began on Monday and will last until Friday.", march_14_2013());
        assert!(got.contains(&("Friday".into(), "DATE", "2013-03-15".into())), "{got:?}");
    }

    #[test]
    fn a_weekday_and_its_date_are_one_date() {
        let got = values("Election Day is Tuesday, Nov. 5, and the count starts Wednesday.", Date::new(2024, 11, 1));
        assert!(got.contains(&("Tuesday, Nov. 5".into(), "DATE", "2024-11-05".into())), "{got:?}");
        assert_eq!(values("On Tuesday, 5 people died.", march_14_2013()), [("Tuesday".into(), "DATE", "2013-03-12".into())]);
    }

    #[test]
    fn an_irregular_past_dates_a_quarter_or_month_to_the_past() {
        let got = values("Revenue rose 3% in the third quarter and fell in November.", Date::new(2025, 1, 10));
        assert_eq!(got, [("the third quarter".into(), "DATE", "2024-Q3".into()), ("November".into(), "DATE", "2024-11".into())]);
    }

    #[test]
    fn the_present_perfect_is_no_past_and_since_is() {
        // `has focused` takes no definite past time: the nearest May, not last year's.
        let got = values("He has focused on states that vote in May.", march_14_2013());
        assert!(got.contains(&("May".into(), "DATE", "2013-05".into())), "{got:?}");
        // `since` opens in the past, whatever the verb.
        for text in ["Shares have gained since April.", "Shares have gained since the April low."] {
            let got = values(text, march_14_2013());
            assert!(got.contains(&("April".into(), "DATE", "2012-04".into())), "{text}: {got:?}");
        }
    }

    #[test]
    fn contracted_futures_and_the_anchors_own_weekday() {
        // `won’t` is tokenised `wo` + `n’t`; `’ll` has a curly apostrophe.
        for text in ["Democrats won’t vote until Friday, the unionized staff noted.", "They said we’ll meet on Friday, the unionized staff noted."] {
            let got = values(text, march_14_2013());
            assert!(got.contains(&("Friday".into(), "DATE", "2013-03-15".into())), "{text}: {got:?}");
        }
        // A bare weekday that is the anchor's own is that day, whatever the tense.
        for text in ["The senator will speak on Thursday.", "The senator spoke on Thursday."] {
            let got = values(text, march_14_2013());
            assert!(got.contains(&("Thursday".into(), "DATE", "2013-03-14".into())), "{text}: {got:?}");
        }
    }

    #[test]
    fn durations_with_units_vague_counts_and_fillers() {
        let got = values(
            "The fifty-year lease ran for years; shares fell for six straight days, over the past decade, \
             in thirty minutes and for almost two and a half years, in a decades-long dispute lasting a week.",
            march_14_2013(),
        );
        assert!(got.contains(&("fifty-year".into(), "DURATION", "P50Y".into())));
        assert!(got.contains(&("years".into(), "DURATION", "PXY".into())));
        assert!(got.contains(&("six straight days".into(), "DURATION", "P6D".into())));
        assert!(got.contains(&("the past decade".into(), "DURATION", "P10Y".into())));
        assert!(got.contains(&("thirty minutes".into(), "DURATION", "PT30M".into())));
        assert!(got.contains(&("two and a half years".into(), "DURATION", "P2.5Y".into())), "{got:?}");
        assert!(got.contains(&("decades-long".into(), "DURATION", "PXDE".into())));
        assert!(got.contains(&("a week".into(), "DURATION", "P1W".into())));
    }

    #[test]
    fn recurrences_are_sets() {
        let got = values(
            "The weekly magazine, published annually, meets every year and twice a month, every two weeks and every Monday, and pays $5 million a year.",
            march_14_2013(),
        );
        assert!(got.contains(&("weekly".into(), "SET", "P1W".into())));
        assert!(got.contains(&("annually".into(), "SET", "P1Y".into())));
        assert!(got.contains(&("every year".into(), "SET", "P1Y".into())));
        assert!(got.contains(&("twice a month".into(), "SET", "P1M".into())));
        assert!(got.contains(&("every two weeks".into(), "SET", "P2W".into())));
        assert!(got.contains(&("every Monday".into(), "SET", "XXXX-WXX-1".into())));
        assert!(got.contains(&("a year".into(), "SET", "P1Y".into())), "{got:?}");
    }

    #[test]
    fn centuries_seasons_and_months_of_a_year() {
        let got = values("Emissions need to fall by 43%; prices rise and fall; after the fall of Kabul. Talks resume in the fall, or by fall 2027.", march_14_2013());
        assert_eq!(got.iter().map(|(t, _, v)| (t.as_str(), v.as_str())).collect::<Vec<_>>(), [("fall", "2013-FA"), ("fall 2027", "2027-FA")]);
        let got = values("Shifts run long in summer and fall.", march_14_2013());
        assert_eq!(got.iter().map(|(t, _, _)| t.as_str()).collect::<Vec<_>>(), ["summer", "fall"]);
        let got = values("Built in the 19th century, it opened in the spring of 2012 and closed in March of 2013, on New Year's Eve.", march_14_2013());
        assert!(got.contains(&("19th century".into(), "DATE", "18".into())), "{got:?}");
        assert!(got.contains(&("spring of 2012".into(), "DATE", "2012-SP".into())));
        assert!(got.contains(&("March of 2013".into(), "DATE", "2013-03".into())));
        assert!(values("Sales rose in fiscal 2012 and will in fiscal year 2014.", march_14_2013()).iter().map(|(_, _, v)| v.as_str()).eq(["FY2012", "FY2014"]));
        assert!(values("Licences end after October of next year.", march_14_2013()).contains(&("October of next year".into(), "DATE", "2014-10".into())));
        assert!(values("The event will be held on October 12.", march_14_2013()).contains(&("October 12".into(), "DATE", "2013-10-12".into())));
        assert!(got.contains(&("New Year's Eve".into(), "DATE", "2013-12-31".into())), "{got:?}");
    }

    #[test]
    fn numeric_dates_and_the_day_in_focus() {
        let got = values("It was unveiled on 7/8/07. The Dow fell on Tuesday and ended the day down 2%.", march_14_2013());
        assert!(got.contains(&("7/8/07".into(), "DATE", "2007-07-08".into())));
        assert!(got.contains(&("the day".into(), "DATE", "2013-03-12".into())), "{got:?}");
        assert!(values("Sales fell by a quarter of their value, three quarters of them abroad.", march_14_2013()).is_empty());
    }

    #[test]
    fn may_as_a_verb_and_impossible_dates_are_not_dates() {
        assert!(values("Officials may meet again. Prices may fall.", None).is_empty());
        let got = values("The deal was signed on 31 February 2024.", None);
        assert!(got.iter().all(|(t, _, _)| t != "31 February 2024"));
    }

    #[test]
    fn a_bare_month_abbreviation_needs_a_date_word_before_it() {
        assert!(values("Former governor Jan Brewer endorsed him, columnist Ai Jun wrote.", march_14_2013()).is_empty());
        let got = values("Sales fell in Jun and rose on Jan 5 and in Feb.", march_14_2013());
        assert_eq!(got.iter().map(|(t, _, _)| t.as_str()).collect::<Vec<_>>(), ["Jun", "Jan 5", "Feb."], "{got:?}");
    }
}
