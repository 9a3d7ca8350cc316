//! Dates, times and durations in the story, with TIMEX3-style values.
//!
//! Expressions are matched over each sentence's tokens (the longest match at
//! a position wins): full and partial dates (`Monday 12 May 2025`, `Feb. 24`,
//! `in February 2022`, `2014`, `the 1990s`), relative dates (`on Monday`,
//! `this Thursday`, `last October`, `this summer`, `two weeks ago`, `last
//! year`, `yesterday`), parts of periods (`early August`, `the end of
//! August`), quarters, seasons, holidays; times (`2am`, `5:30 p.m.`, `17:08
//! BST`, `noon`); durations (`30 months`, `the past three days`, `30-day`).
//!
//! Relative expressions resolve against the anchor (the article's
//! publication date). The sentence's tense picks the direction: `said on
//! Monday` is the Monday before, `will meet on Thursday` the one after;
//! `this Thursday` is the Thursday of the anchor's week. Without an anchor a
//! relative expression keeps an underspecified value (`XXXX-WXX-1`,
//! `XXXX-08-06`, `DCT-P1Y`) and `anchored` is false, rather than a guess.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

use crate::calendar::{month_names, weekday_names, Date};
use crate::lexicon::Words;
use crate::fxhash::FxHashSet;
use crate::doc::{Segmented, Timex};
use crate::text::{ascii_lower, lower_case};

/// Lower-case words that may open an expression, and the first words of holidays.
static OPENERS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| TEMPORAL_OPENERS.words().chain(HOLIDAYS.words().filter_map(|h| h.split(' ').next())).collect());

/// Whether a capitalised word starts like a month or a weekday (`Sept.`,
/// `Thursday`), without allocating.
fn names_a_day_or_month(word: &str) -> bool {
    word.get(..3).is_some_and(|start| month_names().chain(weekday_names()).any(|name| name[..3].eq_ignore_ascii_case(start)))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
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
static FUTURE_CUES: Words = Words::new("future_cues");
static PAST_CUES: Words = Words::new("past_cues");
static NUMBER_WORDS: Words = Words::new("number_words");

/// The temporal stage: the story's dates, times and durations, relative ones
/// resolved against the publication date.
pub fn annotate(doc: &mut crate::doc::Doc) {
    doc.times = find(&doc.text, &doc.segmented, doc.published.as_ref().and_then(|p| p.date));
}

/// Finds the temporal expressions of a story's sentences; `anchor` is the
/// publication date, when known.
pub fn find(text: &str, segmented: &Segmented, anchor: Option<Date>) -> Vec<Timex> {
    let mut found = Vec::new();
    for sentence in &segmented.sentences {
        let tokens = segmented.sentence_tokens(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let lower: Vec<Cow<str>> = words.iter().map(|w| lower_case(w)).collect();
        let reader = Reader { words: &words, lower: &lower, anchor, tense: OnceCell::new() };
        let mut i = 0;
        while i < words.len() {
            match reader.at(i) {
                Some(m) if m.end > i => {
                    found.push(Timex { start: tokens[i].start, end: tokens[m.end - 1].end, label: m.label, value: m.value, anchored: m.anchored });
                    i = m.end;
                }
                _ => i += 1,
            }
        }
    }
    found
}

fn tense(lower: &[Cow<str>]) -> Tense {
    let future = lower.iter().any(|w| FUTURE_CUES.contains(w));
    let past = lower.iter().any(|w| PAST_CUES.contains(w) || (w.len() > 4 && w.ends_with("ed") && w.chars().all(char::is_alphabetic)));
    match (past, future) {
        (true, false) => Tense::Past,
        (false, true) => Tense::Future,
        (true, true) if lower.iter().any(|w| w == "will" || w == "'ll") => Tense::Future,
        (true, true) => Tense::Past,
        _ => Tense::Unknown,
    }
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
}

struct Reader<'a> {
    words: &'a [&'a str],
    lower: &'a [Cow<'a, str>],
    anchor: Option<Date>,
    /// The sentence's tense, worked out when an expression needs it.
    tense: OnceCell<Tense>,
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

/// A unit of time (in lower case, maybe plural) as a TIMEX3 letter.
fn unit_of(w: &str) -> Option<&'static str> {
    let w = w.trim_end_matches('s');
    if w == "centurie" || w == "century" {
        return Some("CE");
    }
    TIME_UNITS.value(w)
}

fn duration_value(n: Option<u32>, unit: &str) -> String {
    let amount = n.map_or("X".to_string(), |n| n.to_string());
    match unit {
        "H" | "S" => format!("PT{amount}{unit}"),
        "DE" => format!("P{}Y", n.map_or("X".to_string(), |n| (n * 10).to_string())),
        "CE" => format!("P{}Y", n.map_or("X".to_string(), |n| (n * 100).to_string())),
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

    /// Whether anything can start at token `i`: a digit, a month, weekday
    /// or holiday, or one of the few lower-case words that open an
    /// expression. Most tokens are none of these.
    fn tense(&self) -> Tense {
        *self.tense.get_or_init(|| tense(self.lower))
    }

    fn may_start(&self, i: usize) -> bool {
        let w = self.word(i);
        w.starts_with(|c: char| c.is_ascii_digit()) || OPENERS.contains(self.low(i)) || (w.starts_with(char::is_uppercase) && names_a_day_or_month(w))
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Match> {
        if !self.may_start(i) {
            return None;
        }
        [
            self.modified_period(i),
            self.calendar_date(i),
            self.relative(i),
            self.ago(i),
            self.time(i),
            self.duration(i),
            self.holiday(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|m| m.end)
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
        let mut j = i;
        let weekday = weekday_of(self.word(j));
        if weekday.is_some() && (month_of(self.word(j + 1)).is_some() || self.day_at(j + 1).is_some()) {
            j += 1;
            if self.word(j) == "," {
                j += 1;
            }
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
            // Month Year
            if let Some(year) = self.year_at(j + 1) {
                return Match::date(j + 2, format!("{year:04}-{month:02}"), true);
            }
            // Month alone: `May` only with a date word before it.
            let is_may = self.low(j) == "may";
            if is_may && !context {
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
        if let Some(decade) = w.strip_suffix('s').filter(|d| d.len() == 4 && d.ends_with('0') && d.chars().all(|c| c.is_ascii_digit())) {
            return Match::date(i + 1, format!("{}X", &decade[..3]), true);
        }
        // `'60s`, `the 80s`: a decade of the twentieth century.
        if let Some(decade) = w.strip_suffix('s').filter(|d| d.len() == 2 && d.ends_with('0') && d.chars().all(|c| c.is_ascii_digit())) {
            let marked = i > 0 && ["'", "’", "the", "mid", "late", "early"].contains(&self.low(i - 1));
            if marked {
                return Match::date(i + 1, format!("19{}X", &decade[..1]), true);
            }
        }
        None
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
        let pick = match self.tense() {
            Tense::Past => candidates.iter().filter(|d| **d <= anchor.plus_days(7)).max(),
            Tense::Future => candidates.iter().filter(|d| **d >= anchor.plus_days(-7)).min(),
            Tense::Unknown => candidates.iter().min_by_key(|d| (d.days() - anchor.days()).abs()),
        };
        pick.map(|d| Match { end, label: "DATE", value: Some(d.iso()), anchored: true })
    }

    fn bare_month(&self, end: usize, month: u32) -> Option<Match> {
        let Some(anchor) = self.anchor else {
            return Match::date(end, format!("XXXX-{month:02}"), false);
        };
        let year = match self.tense() {
            Tense::Future if month < anchor.month => anchor.year + 1,
            Tense::Past if month > anchor.month => anchor.year - 1,
            // No tense: the nearest such month.
            Tense::Unknown if (month as i32 - anchor.month as i32) > 6 => anchor.year - 1,
            Tense::Unknown if (anchor.month as i32 - month as i32) > 6 => anchor.year + 1,
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
        self.calendar_date(lead).or_else(|| self.relative(lead)).filter(|m| m.label == "DATE")
    }

    /// `this Thursday`, `last October`, `next week`, `this summer`, `last
    /// year`, `on Monday`, `Friday`, `yesterday`, `the first quarter`.
    fn relative(&self, i: usize) -> Option<Match> {
        match self.low(i) {
            "today" => return self.shift_days(i + 1, 0, "DCT"),
            "yesterday" => return self.shift_days(i + 1, -1, "DCT-P1D"),
            "tomorrow" => return self.shift_days(i + 1, 1, "DCT+P1D"),
            "tonight" => return Some(Match { end: i + 1, label: "TIME", value: Some(self.anchor.map_or("DCT".into(), |a| format!("{}TNI", a.iso()))), anchored: self.anchor.is_some() }),
            _ => {}
        }
        let (direction, j) = match self.low(i) {
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" | "that" => (0, i + 1),
            _ => (2, i), // none
        };
        let target = self.low(j);
        if let Some(weekday) = weekday_of(self.word(j)).filter(|_| self.word(j).starts_with(char::is_uppercase)) {
            return Some(self.weekday_value(j + 1, weekday, direction));
        }
        if direction == 2 {
            if let Some(season) = SEASONS.value(target) {
                // `fall` is mostly a verb: it needs a date word before it or a year after.
                let context = i > 0 && DATE_CONTEXT.contains(self.low(i - 1));
                let year = self.year_at(j + 1);
                if target == "fall" && !(context || year.is_some()) {
                    return None;
                }
                return match year {
                    Some(y) => Match::date(j + 2, format!("{y:04}-{season}"), true),
                    None => self.season_value(j + 1, season, 0),
                };
            }
            return self.quarter(i);
        }
        if let Some(month) = month_of(self.word(j)).filter(|_| self.word(j).starts_with(char::is_uppercase)) {
            return Some(self.relative_month(j + 1, month, direction));
        }
        if let Some(season) = SEASONS.value(target) {
            return self.season_value(j + 1, season, direction);
        }
        let anchored = self.anchor.is_some();
        let value = match (target, self.anchor) {
            ("year", Some(a)) => format!("{:04}", a.year + direction),
            ("month", Some(a)) => {
                let months = a.year * 12 + a.month as i32 - 1 + direction;
                format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
            }
            ("week" | "weekend", Some(a)) => {
                let (y, w) = a.plus_days(7 * direction as i64).iso_week();
                if target == "weekend" {
                    format!("{y:04}-W{w:02}-WE")
                } else {
                    format!("{y:04}-W{w:02}")
                }
            }
            ("year" | "month" | "week" | "weekend", None) => {
                let unit = match target {
                    "year" => "Y",
                    "month" => "M",
                    _ => "W",
                };
                match direction {
                    -1 => format!("DCT-P1{unit}"),
                    1 => format!("DCT+P1{unit}"),
                    _ => format!("DCT-P0{unit}"),
                }
            }
            _ => return self.quarter(i),
        };
        Some(Match { end: j + 1, label: "DATE", value: Some(value), anchored })
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
            _ => match self.tense() {
                Tense::Future => {
                    let ahead = (target - today).rem_euclid(7);
                    if ahead == 0 { 7 } else { ahead }
                }
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

    /// `the first quarter`, `last quarter of 1997`.
    fn quarter(&self, i: usize) -> Option<Match> {
        let mut j = i;
        if self.low(j) == "the" {
            j += 1;
        }
        let q = match self.low(j) {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" | "last" => 4,
            _ => return None,
        };
        if self.low(j + 1) != "quarter" {
            return None;
        }
        let (end, year) = match (self.low(j + 2), self.year_at(j + 3)) {
            ("of", Some(y)) => (j + 4, Some(y)),
            _ => (j + 2, self.anchor.map(|a| a.year)),
        };
        Some(Match { end, label: "DATE", value: Some(year.map_or(format!("XXXX-Q{q}"), |y| format!("{y:04}-Q{q}"))), anchored: year.is_some() })
    }

    /// `two weeks ago`, `three years ago`.
    fn ago(&self, i: usize) -> Option<Match> {
        let n = number_of(self.low(i))?;
        let unit = unit_of(self.low(i + 1))?;
        if self.low(i + 2) != "ago" {
            return None;
        }
        let end = i + 3;
        let Some(anchor) = self.anchor else {
            return Some(Match { end, label: "DATE", value: Some(format!("DCT-{}", duration_value(Some(n), unit))), anchored: false });
        };
        let n = n as i64;
        let value = match unit {
            "D" => anchor.plus_days(-n).iso(),
            "W" => anchor.plus_days(-7 * n).iso(),
            "M" => {
                let months = anchor.year as i64 * 12 + anchor.month as i64 - 1 - n;
                format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
            }
            "Y" => format!("{:04}", anchor.year as i64 - n),
            _ => return None,
        };
        Some(Match { end, label: "DATE", value: Some(value), anchored: true })
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
        let (hour, minute) = match clock.split_once(':') {
            Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
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
        let zone = crate::article::zone_suffix(self.word(end));
        if zone.is_some() {
            end += 1;
        }
        Some(Match { end, label: "TIME", value: Some(format!("T{hour:02}:{minute:02}{}", zone.unwrap_or_default())), anchored: true })
    }

    /// `30 months`, `the past three days`, `20 years`, `30-day`.
    fn duration(&self, i: usize) -> Option<Match> {
        let mut j = i;
        if self.low(j) == "the" && matches!(self.low(j + 1), "past" | "last" | "next" | "first") {
            j += 2;
        } else if matches!(self.low(j), "past" | "last" | "next") {
            j += 1;
        }
        // `30-day`: a number and a unit in one token.
        if let Some((n, unit)) = self.low(j).split_once('-') {
            if let (Some(n), Some(unit)) = (number_of(n), unit_of(unit)) {
                return Some(Match { end: j + 1, label: "DURATION", value: Some(duration_value(Some(n), unit)), anchored: true });
            }
        }
        let n = number_of(self.low(j));
        let unit = unit_of(self.low(j + 1))?;
        let word = self.low(j);
        if n.is_none() && !["several", "few", "many"].contains(&word) {
            return None;
        }
        if matches!(self.low(j + 2), "ago" | "old" | "later" | "earlier") || (word == "a" && j == i) {
            return None;
        }
        Some(Match { end: j + 2, label: "DURATION", value: Some(duration_value(n, unit)), anchored: true })
    }

    /// Christmas, St. Patrick's Day, New Year's Day...
    fn holiday(&self, i: usize) -> Option<Match> {
        if !HOLIDAYS.words().any(|h| h.split(' ').next() == Some(self.low(i))) {
            return None;
        }
        for len in (1..=4).rev() {
            if i + len > self.words.len() {
                continue;
            }
            let phrase = self.lower[i..i + len].join(" ").replace(" 's", "'s").replace(" ’s", "'s").replace('’', "'");
            if let Some(month_day) = HOLIDAYS.value(&phrase) {
                let value = match (month_day, self.anchor) {
                    ("", _) => "XXXX".to_string(),
                    (month_day, Some(a)) => format!("{:04}-{month_day}", a.year),
                    (month_day, None) => format!("XXXX-{month_day}"),
                };
                return Match::date(i + len, value, self.anchor.is_some() || month_day.is_empty());
            }
        }
        None
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
        assert!(got.contains(&("2am".into(), "TIME", "T02:00".into())));
        assert!(got.contains(&("Sunday".into(), "DATE", "2025-05-11".into())));
        assert!(got.contains(&("this Thursday".into(), "DATE", "2025-05-15".into())));
    }

    #[test]
    fn absolute_dates_and_periods() {
        let got = values("It began on Monday 12 May 2025, after talks in February 2022, in 2014 and in the 1990s, and ends Feb. 24.", None);
        assert!(got.contains(&("Monday 12 May 2025".into(), "DATE", "2025-05-12".into())));
        assert!(got.contains(&("February 2022".into(), "DATE", "2022-02".into())));
        assert!(got.contains(&("2014".into(), "DATE", "2014".into())));
        assert!(got.contains(&("1990s".into(), "DATE", "199X".into())));
        assert!(got.contains(&("Feb. 24".into(), "DATE", "XXXX-02-24".into())));
    }

    #[test]
    fn relative_dates_follow_tense_and_anchor() {
        let got = values("He said last October that this summer would be hard. She will meet him on Thursday. Two weeks ago it rained.", may_12());
        assert!(got.contains(&("last October".into(), "DATE", "2024-10".into())));
        assert!(got.contains(&("this summer".into(), "DATE", "2025-SU".into())));
        assert!(got.contains(&("Thursday".into(), "DATE", "2025-05-15".into())));
        assert!(got.contains(&("Two weeks ago".into(), "DATE", "2025-04-28".into())));
    }

    #[test]
    fn durations_and_times() {
        let got = values("The 30-day truce held for 30 months, the past three days were calm, and at 5:30 p.m. GMT it ended.", None);
        assert!(got.contains(&("30-day".into(), "DURATION", "P30D".into())));
        assert!(got.contains(&("30 months".into(), "DURATION", "P30M".into())));
        assert!(got.contains(&("the past three days".into(), "DURATION", "P3D".into())));
        assert!(got.contains(&("5:30 p.m. GMT".into(), "TIME", "T17:30+00:00".into())));
    }

    #[test]
    fn may_as_a_verb_and_impossible_dates_are_not_dates() {
        assert!(values("Officials may meet again. Prices may fall.", None).is_empty());
        let got = values("The deal was signed on 31 February 2024.", None);
        assert!(got.iter().all(|(t, _, _)| t != "31 February 2024"));
    }
}
