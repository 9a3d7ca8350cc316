//! Durations (`30 months`, `the past decade`, `for years`) and recurrences
//! (`weekly`, `every year`, `twice a month`): TIMEX3 DURATION and SET.

use super::{count_of, duration_value, plural_unit_of, unit_of, weekday_of, Match, Reader};
use crate::lexicon::Words;

/// Words between a count and its unit (`six straight days`).
static DURATION_FILLERS: Words = Words::new("duration_fillers");
/// Words before a bare plural unit that make a vague duration (`for years`).
static VAGUE_DURATION_CUES: Words = Words::new("vague_duration_cues");
/// Words before `a week` that make it a duration (`for a week`).
static ARTICLE_DURATION_CUES: Words = Words::new("article_duration_cues");
/// Words after `a week` that make it a duration (`a day after`).
static ARTICLE_DURATION_FOLLOWERS: Words = Words::new("article_duration_followers");
/// Recurrence words and their periods (`weekly` → `P1W`).
pub(super) static SET_WORDS: Words = Words::new("set_words");
/// `every`, `each`, `per`: a unit after them is a recurrence.
static SET_QUANTIFIERS: Words = Words::new("set_quantifiers");
/// `once`, `twice`, `times`: `a` + unit after them is a recurrence.
static SET_FREQUENCIES: Words = Words::new("set_frequencies");
/// Scale words after an amount (`$5 million a year`).
static SCALES: Words = Words::new("scales");

fn duration(end: usize, value: String) -> Option<Match> {
    Some(Match { end, label: "DURATION", value: Some(value), anchored: true })
}

fn recurrence(end: usize, value: String) -> Option<Match> {
    Some(Match { end, label: "SET", value: Some(value), anchored: true })
}

impl Reader<'_> {
    /// `30 months`, `the past three days`, `the past decade`, `six straight
    /// days`, `two and a half years`, `a week`, `30-day`, `fifty-year`,
    /// `decades-long`; `a year` after an amount is a rate (`$5 million a year`), a SET.
    pub(super) fn duration(&self, i: usize) -> Option<Match> {
        let mut j = i;
        let mut implied_one = false;
        if self.low(j) == "the" && matches!(self.low(j + 1), "past" | "last" | "next" | "coming" | "first") {
            j += 2;
            // `the past year`, `the next month`; `the last year` is a date,
            // `the last decade` mostly the past ten years.
            implied_one = matches!(self.low(j - 1), "past" | "next" | "coming") || (self.low(j - 1) == "last" && self.low(j) == "decade");
        } else if matches!(self.low(j), "past" | "last" | "next") || (self.low(j) == "a" && self.low(j + 1) == "few") {
            j += 1;
        }
        let word = self.low(j);
        if let Some((count, unit)) = word.rsplit_once('-') {
            return self.hyphenated(j + 1, count, unit);
        }
        let (n, mut k) = match count_of(word) {
            Some(n) => (Some(n), j + 1),
            None if matches!(word, "several" | "few" | "many") => (None, j + 1),
            None if implied_one => (plural_unit_of(word).is_none().then_some(1), j),
            None => return None,
        };
        let half = n.is_some() && self.low(k) == "and" && self.low(k + 1) == "a" && self.low(k + 2) == "half";
        if half {
            k += 3;
        }
        if DURATION_FILLERS.contains(self.low(k)) {
            k += 1;
        }
        let unit = unit_of(self.low(k))?;
        let article = matches!(word, "a" | "an");
        let refers_to_a_day = implied_one && unit == "D" && self.low(j - 1) == "next";
        // `a second time`, `a quarter of its dealers`, `three quarters of them` are no durations.
        let fraction = unit == "Q" && (article || (self.low(k + 1) == "of" && k == j + 1));
        if matches!(self.low(k + 1), "ago" | "old" | "later" | "earlier") || refers_to_a_day || fraction || (article && unit == "TS") {
            return None;
        }
        if article && j == i && self.after_amount(i) {
            return recurrence(k + 1, duration_value(Some(1), unit, false));
        }
        let cued = (i > 0 && ARTICLE_DURATION_CUES.contains(self.low(i - 1))) || ARTICLE_DURATION_FOLLOWERS.contains(self.low(k + 1));
        if article && j == i && !cued {
            return None;
        }
        duration(k + 1, duration_value(n, unit, half))
    }

    /// `30-day`, `fifty-year`, `twenty-five-year`, `year-long`, `decades-long`.
    fn hyphenated(&self, end: usize, count: &str, unit: &str) -> Option<Match> {
        if let (Some(n), Some(unit)) = (count_of(count), unit_of(unit).filter(|_| !unit.ends_with('s'))) {
            return duration(end, duration_value(Some(n), unit, false));
        }
        if unit != "long" {
            return None;
        }
        match plural_unit_of(count) {
            Some(unit) => duration(end, duration_value(None, unit, false)),
            None => duration(end, duration_value(Some(1), unit_of(count)?, false)),
        }
    }

    /// Whether the token before `i` ends an amount (`$5 million`, `20%`).
    fn after_amount(&self, i: usize) -> bool {
        i > 0 && {
            let before = self.low(i - 1);
            before.ends_with(|c: char| c.is_ascii_digit()) || SCALES.contains(before) || matches!(before, "%" | "percent")
        }
    }

    /// `for years`, `in recent months`, `over the years`, `within hours`:
    /// an uncounted span of time (`PXY`, `PXM`, `PTXH`).
    pub(super) fn vague_duration(&self, i: usize) -> Option<Match> {
        let cued = |k: usize| k > 0 && VAGUE_DURATION_CUES.contains(self.low(k - 1));
        let j = match self.low(i) {
            "recent" | "past" | "coming" => i + 1,
            "the" if cued(i) => i + 1,
            _ if cued(i) => i,
            _ => return None,
        };
        let unit = plural_unit_of(self.low(j))?;
        if matches!(self.low(j + 1), "ago" | "old" | "later" | "earlier" | "of") {
            return None;
        }
        duration(j + 1, duration_value(None, unit, false))
    }

    /// `weekly`, `annually`, `every year`, `every two weeks`, `every other
    /// day`, `every Monday`, `twice a month`, `three times a year`: a SET.
    pub(super) fn recurrence(&self, i: usize) -> Option<Match> {
        if let Some(period) = SET_WORDS.value(self.low(i)).filter(|_| self.word(i).starts_with(|c: char| c.is_ascii_lowercase())) {
            return recurrence(i + 1, period.to_string());
        }
        let j = if SET_FREQUENCIES.contains(self.low(i)) {
            i + 1
        } else if count_of(self.low(i)).is_some() && self.low(i + 1) == "times" {
            i + 2
        } else {
            i
        };
        let quantifier = self.low(j);
        if !(SET_QUANTIFIERS.contains(quantifier) || (j > i && matches!(quantifier, "a" | "an"))) {
            return None;
        }
        let mut k = j + 1;
        let every_other = self.low(k) == "other";
        if every_other {
            k += 1;
        }
        if let Some(weekday) = weekday_of(self.word(k)).filter(|_| self.word(k).starts_with(char::is_uppercase)) {
            return recurrence(k + 1, format!("XXXX-WXX-{}", weekday + 1));
        }
        let mut n = count_of(self.low(k)).filter(|_| quantifier == "every");
        if n.is_some() {
            k += 1;
        } else {
            n = Some(if every_other { 2 } else { 1 });
        }
        let unit = unit_of(self.low(k))?;
        recurrence(k + 1, duration_value(n, unit, false))
    }
}
