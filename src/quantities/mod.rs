//! Money, percentages, quantities and numbers, with numeric values.
//!
//! - MONEY: a currency sign or code and an amount (`$750 billion`, `€2.5bn`,
//!   `£1 million`, `$8-billion`, `US$5`), or an amount and a currency word
//!   (`10 million dollars`, `500 euros`); `unit` is the ISO 4217 code.
//! - PERCENT: an amount and `percent`, `pct`, `per cent`, `%` or `percentage
//!   point(s)` (`53 percent`, `66%`, `Twenty-eight percent`).
//! - QUANTITY: an amount and a unit of measure (`720,000 tons`, `5 km`).
//! - CARDINAL: other numbers, in digits or words (`5,000`, `thirty-three`,
//!   `92-country` → 92).
//! - ORDINAL: `third`, `21st`.
//!
//! Amounts read digits with separators, decimals, scale words (`million`,
//! `bn`) and number words (`twenty-eight`). Spans already taken by dates and
//! durations are skipped.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::fxhash::FxHashSet;
use crate::lexicon::{self, Words};
use crate::doc::{Amount, Segmented};
use crate::text::{lower_case, Ranges};

static CURRENCY_SIGNS: Words = Words::new("currency_signs");
static CURRENCY_CODES: Words = Words::new("currency_codes");
/// Country prefixes glued to a dollar sign (`US$`, `A$`, `HK$`), which the
/// tokenizer splits off the sign, and the currency they make.
static DOLLAR_PREFIXES: Words = Words::new("dollar_prefixes");
/// Countries' adjectives before `dollars` (`9.99 US dollars`).
static DOLLAR_COUNTRIES: Words = Words::new("dollar_countries");
static CURRENCY_WORDS: Words = Words::new("currency_words");
/// Words after an amount that make it a percentage (`%`, `percent`, `pct`).
static PERCENT_WORDS: Words = Words::new("percent_words");
static SCALES: Words = Words::new("scales");
static MEASURES: Words = Words::new("measures");
static SI_PREFIXES: Words = Words::new("si_prefixes");
static SI_UNITS: Words = Words::new("si_units");
static TEMPERATURE_SCALES: Words = Words::new("temperature_scales");
static PER_TIME_UNITS: Words = Words::new("per_time_units");
/// Number words (`zero` to `nineteen`, `twenty` to `ninety`) and their values.
static NUMBER_WORDS: Words = Words::new("number_words");
static ORDINAL_WORDS: Words = Words::new("ordinal_words");
/// Words that start a vague amount (`hundreds of millions of dollars`).
static VAGUE_AMOUNTS: Words = Words::new("vague_amounts");
static COINS: Words = Words::new("coins");

/// A unit word in lower case, singular or plural, as its symbol: a listed
/// measure (`kilometres` → `km`) or an SI prefix and unit (`zettajoules` →
/// `ZJ`); with `²` or `³` (or `2`, `3`: `km²`, `m3`), its square or cube.
fn unit_word(word: &str) -> Option<String> {
    for (mark, power) in [("²", "2"), ("³", "3")] {
        if let Some(base) = word.strip_suffix(mark) {
            return unit_word(base).map(|unit| format!("{unit}{power}"));
        }
    }
    if let Some(base) = word.strip_suffix(['2', '3']).filter(|base| base.chars().all(char::is_alphabetic)) {
        // `m2`: a symbol (`m` alone is a million, `5m`) with its power.
        let power = &word[base.len()..];
        let symbol = MEASURES.value(base).or_else(|| MEASURES.entries().iter().find(|e| e.value == base).map(|e| e.value));
        return symbol.map(|unit| format!("{unit}{power}"));
    }
    let singular = word.trim_end_matches('s');
    if let Some(unit) = MEASURES.value(singular).or_else(|| MEASURES.value(word)).or_else(|| SI_UNITS.value(singular)) {
        return Some(unit.to_string());
    }
    SI_PREFIXES.entries().iter().find_map(|prefix| {
        let unit = SI_UNITS.value(singular.strip_prefix(prefix.word)?)?;
        Some(format!("{}{unit}", prefix.value))
    })
}

/// The value of a list's entry as a number (the lists hold only numbers there).
fn number_value(list: &Words, word: &str) -> Option<f64> {
    list.value(word).and_then(|v| v.parse().ok())
}

/// Whether a lower-case word names a currency, singular or plural (`euros`,
/// `reais`), and its code unless several countries use the name (`pesos`).
fn currency_word(word: &str) -> Option<Option<&'static str>> {
    let listed = |w: &str| CURRENCY_WORDS.contains(w).then(|| CURRENCY_WORDS.value(w).filter(|code| !code.is_empty()));
    listed(word).or_else(|| listed(word.strip_suffix('s')?))
}

/// The first letters of the currency codes: most words start with none.
static CODE_INITIALS: LazyLock<FxHashSet<char>> = LazyLock::new(|| CURRENCY_CODES.words().filter_map(|c| c.chars().next()).collect());

/// Words that may start an amount, a vague sum, a coin or an ordinal.
static STARTERS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let coins = COINS.words().flat_map(|coin| [coin.to_string(), format!("{coin}s")]);
    NUMBER_WORDS.words().chain(ORDINAL_WORDS.words()).chain(VAGUE_AMOUNTS.words()).map(str::to_string).chain(coins).collect()
});

/// The value of a number word or hyphenated pair (`twenty-eight`).
fn word_number(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    if let Some(value) = number_value(&NUMBER_WORDS, &w) {
        return Some(value);
    }
    let (tens, unit) = w.split_once('-')?;
    let t = number_value(&NUMBER_WORDS, tens).filter(|&t| t >= 20.0)?;
    let u = number_value(&NUMBER_WORDS, unit).filter(|&u| (1.0..10.0).contains(&u))?;
    Some(t + u)
}

/// Digits with thousands separators and decimals (`1,000.5`); a trailing
/// scale letter glued on (`2.5bn`) is returned apart.
fn digits(word: &str) -> Option<(f64, Option<f64>)> {
    let split = word.find(|c: char| c.is_alphabetic()).unwrap_or(word.len());
    let (number, suffix) = word.split_at(split);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) || !number.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    let value: f64 = number.replace(',', "").parse().ok()?;
    let scale = if suffix.is_empty() { None } else { Some(number_value(&SCALES, &suffix.to_lowercase())?) };
    Some((value, scale))
}

struct Reader<'a> {
    words: &'a [&'a str],
    lower: &'a [Cow<'a, str>],
    /// Whether each token ends where the next begins (`US` in `US$`).
    glued: &'a [bool],
    /// Whether each token is part of a date, time or duration.
    taken: &'a [bool],
}

/// An amount: its value and the tokens it covers.
struct Figure {
    value: f64,
    end: usize,
}

impl Reader<'_> {
    fn word(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }
    fn low(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w.as_ref())
    }

    /// An amount at `i`: digits or number words, then maybe a scale word.
    fn amount(&self, i: usize) -> Option<Figure> {
        let word = self.word(i);
        let (mut value, glued) = match digits(word) {
            Some((v, scale)) => (v * scale.unwrap_or(1.0), scale.is_some()),
            None => (word_number(word)?, false),
        };
        let mut end = i + 1;
        if !glued {
            (value, end) = self.scaled(value, end);
        }
        Some(Figure { value, end })
    }

    /// `value` times the scale words from token `end` on (`3 million`,
    /// `3.2 lakh crore`), and the token after them.
    fn scaled(&self, mut value: f64, mut end: usize) -> (f64, usize) {
        while let Some(scale) = number_value(&SCALES, self.low(end)).filter(|_| self.low(end).len() > 2) {
            value *= scale;
            end += 1;
        }
        (value, end)
    }

    /// Whether anything can start at token `i`: a digit, a currency sign or
    /// code, or a number, ordinal, coin or vague-amount word.
    fn may_start(&self, i: usize) -> bool {
        let w = self.word(i);
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let low = self.low(i);
        STARTERS.contains(low)
            || low.split_once('-').is_some_and(|(tens, _)| STARTERS.contains(tens))
            || CURRENCY_SIGNS.words().any(|s| w.starts_with(s))
            || (w.starts_with(|c: char| CODE_INITIALS.contains(&c)) && CURRENCY_CODES.words().any(|c| w.starts_with(c)))
            || DOLLAR_PREFIXES.contains(w)
    }

    fn at(&self, i: usize) -> Option<Amount> {
        if !self.may_start(i) {
            return None;
        }
        self.money(i)
            .or_else(|| self.vague_money(i))
            .or_else(|| self.coin(i))
            .or_else(|| self.percent_or_measure(i))
            .or_else(|| self.ordinal(i))
    }

    /// `hundreds of billions of dollars`, `several thousand dollars`,
    /// `millions of ringgit`: money without a figure (no value).
    fn vague_money(&self, i: usize) -> Option<Amount> {
        if !VAGUE_AMOUNTS.contains(self.low(i)) {
            return None;
        }
        let mut j = i + 1;
        while matches!(self.low(j), "of" | "few" | "thousand" | "thousands" | "million" | "millions" | "billion" | "billions" | "hundred" | "hundreds") {
            j += 1;
        }
        let code = currency_word(self.low(j))?;
        // At least one scale word between: `a dollar` is no vague sum.
        let scaled = self.lower[i..j].iter().any(|w| ["thousand", "million", "billion", "hundred"].iter().any(|s| w.starts_with(s)));
        scaled.then(|| Amount { start: i, end: j + 1, label: "MONEY", value: None, unit: code.map(str::to_string) })
    }

    /// `penny`, `dime`, `nickel`: coins named as sums.
    fn coin(&self, i: usize) -> Option<Amount> {
        let value = number_value(&COINS, self.low(i).trim_end_matches('s'))?;
        Some(found(i, i + 1, "MONEY", value, Some("USD")))
    }

    /// `$750 billion`, `$8-billion`, `US$5`, `€2.5bn`, `500 euros`, `9.99 US dollars`.
    fn money(&self, i: usize) -> Option<Amount> {
        let prefixed = DOLLAR_PREFIXES.value(self.word(i)).filter(|_| self.glued.get(i) == Some(&true) && self.word(i + 1) == "$");
        let (code, start_of_amount) = if let Some(code) = prefixed {
            (code, i + 2)
        } else if let Some(code) = CURRENCY_SIGNS.value(self.word(i)) {
            (code, i + 1)
        } else if let Some(code) = CURRENCY_CODES.value(self.word(i)) {
            (code, i + 1)
        } else if let Some(lexicon::Entry { word: prefix, value: code }) =
            CURRENCY_CODES.entries().iter().find(|c| c.word.len() > 1 && self.word(i).starts_with(c.word) && digits(&self.word(i)[c.word.len()..]).is_some())
        {
            // `RM50,000`: the code glued to the amount.
            let (value, scale) = digits(&self.word(i)[prefix.len()..])?;
            let (value, end) = self.scaled(value * scale.unwrap_or(1.0), i + 1);
            return Some(found(i, end, "MONEY", value, Some(code)));
        } else {
            let amount = self.amount(i)?;
            if let Some(code) = DOLLAR_COUNTRIES.value(self.word(amount.end)) {
                if self.low(amount.end + 1).trim_end_matches('s') == "dollar" {
                    return Some(found(i, amount.end + 2, "MONEY", amount.value, Some(code)));
                }
            }
            let unit = self.low(amount.end);
            let code = currency_word(unit)?;
            let value = if matches!(unit, "cent" | "cents") { amount.value / 100.0 } else { amount.value };
            return Some(found(i, amount.end + 1, "MONEY", value, code));
        };
        // `$8-billion`: the amount and the scale in one token.
        if let Some((number, scale)) = self.word(start_of_amount).split_once('-') {
            if let (Some((v, None)), Some(s)) = (digits(number), number_value(&SCALES, &scale.to_lowercase())) {
                return Some(found(i, start_of_amount + 1, "MONEY", v * s, Some(code)));
            }
        }
        let amount = self.amount(start_of_amount)?;
        Some(found(i, amount.end, "MONEY", amount.value, Some(code)))
    }

    /// `53 percent`, `66%`, `720,000 tons`; otherwise a CARDINAL.
    fn percent_or_measure(&self, i: usize) -> Option<Amount> {
        // `92-country`: a number glued to a noun is the number.
        if let Some((number, rest)) = self.word(i).split_once('-') {
            if let (Some((v, None)), true) = (digits(number), rest.chars().all(char::is_alphabetic)) {
                return Some(found(i, i + 1, "CARDINAL", v, None));
            }
        }
        // `150mg`, `5km`, `0.97C`: a number glued to a unit's symbol or a temperature scale's initial.
        let word = self.low(i);
        if let Some(split) = word.find(|c: char| c.is_alphabetic() || c == '°').filter(|&at| at > 0) {
            let (number, symbol) = (&word[..split], &word[split..]);
            // `0.97C`, `at 40C`; not `Class 5C`.
            let temperature = number.contains('.') || i == 0 || !self.word(i - 1).starts_with(char::is_uppercase);
            let scale = |s: &str| TEMPERATURE_SCALES.value(s).filter(|_| temperature && s.len() == 1 && self.word(i).ends_with(|c: char| c.is_ascii_uppercase()));
            let unit = scale(symbol).or_else(|| symbol.strip_prefix('°').and_then(scale)).map(str::to_string).or_else(|| MEASURES.value(symbol).map(str::to_string));
            if let (Some((v, None)), Some(unit)) = (digits(number), unit) {
                return Some(found(i, i + 1, "QUANTITY", v, Some(&unit)));
            }
        }
        let amount = self.amount(i)?;
        let next = self.low(amount.end);
        if PERCENT_WORDS.contains(next) {
            return Some(found(i, amount.end + 1, "PERCENT", amount.value, None));
        }
        if next == "per" && self.low(amount.end + 1) == "cent" {
            return Some(found(i, amount.end + 2, "PERCENT", amount.value, None));
        }
        if next == "percentage" && self.low(amount.end + 1).starts_with("point") {
            return Some(found(i, amount.end + 2, "PERCENT", amount.value, Some("pp")));
        }
        if next == "basis" && self.low(amount.end + 1).starts_with("point") {
            return Some(found(i, amount.end + 2, "PERCENT", amount.value / 100.0, Some("bp")));
        }
        if let Some((unit, end)) = self.unit_at(amount.end) {
            return Some(found(i, end, "QUANTITY", amount.value, Some(&unit)));
        }
        Some(found(i, amount.end, "CARDINAL", amount.value, None))
    }

    /// The unit at token `j` and the token after it: `km`, `square
    /// kilometres` (`km2`), `degrees Celsius` or `° C` (`°C`), and a rate
    /// (`watts per square metre`: `W/m2`; `kilometres per hour`: `km/h`).
    fn unit_at(&self, j: usize) -> Option<(String, usize)> {
        let (unit, end) = self.plain_unit_at(j)?;
        // Not into a recurrence the temporal stage read (`per hour`).
        if self.low(end) == "per" && !self.taken.get(end + 1).copied().unwrap_or(true) {
            let per = self.plain_unit_at(end + 1).or_else(|| PER_TIME_UNITS.value(self.low(end + 1).trim_end_matches('s')).map(|u| (u.to_string(), end + 2)));
            if let Some((per, after)) = per {
                return Some((format!("{unit}/{per}"), after));
            }
        }
        Some((unit, end))
    }

    fn plain_unit_at(&self, j: usize) -> Option<(String, usize)> {
        let low = self.low(j);
        match low {
            "square" | "sq" | "cubic" | "cu" => {
                let power = if low.starts_with('s') { 2 } else { 3 };
                if let Some(unit) = unit_word(self.low(j + 1)) {
                    return Some((format!("{unit}{power}"), j + 2));
                }
            }
            "degree" | "degrees" | "°" => {
                if let Some(scale) = TEMPERATURE_SCALES.value(self.low(j + 1)) {
                    return Some((scale.to_string(), j + 2));
                }
                return Some(("degree".to_string(), j + 1));
            }
            _ => {}
        }
        unit_word(low).map(|unit| (unit, j + 1))
    }

    /// `third`, `21st`.
    fn ordinal(&self, i: usize) -> Option<Amount> {
        let w = self.low(i);
        if let Some(k) = ORDINAL_WORDS.position(w) {
            return Some(found(i, i + 1, "ORDINAL", (k + 1) as f64, None));
        }
        let digits_part = w.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &w[digits_part.len()..];
        if !digits_part.is_empty() && ["st", "nd", "rd", "th"].contains(&suffix) {
            return Some(found(i, i + 1, "ORDINAL", digits_part.parse().ok()?, None));
        }
        None
    }
}

/// A match over tokens `start..end`; the caller turns token indices into bytes.
fn found(start: usize, end: usize, label: &'static str, value: f64, unit: Option<&str>) -> Amount {
    Amount { start, end, label, value: value.is_finite().then_some(value), unit: unit.map(str::to_string) }
}

/// Whether a word is a number, in digits or words (`1,200`, `forty`, `twenty-eight`).
pub fn is_number(word: &str) -> bool {
    digits(word).is_some() || word_number(word).is_some()
}

/// The quantities stage: money, percentages, quantities and numbers outside
/// the dates and times found before.
pub fn annotate(doc: &mut crate::doc::Doc) {
    let taken: Vec<Range<usize>> = doc.times.iter().map(|t| t.start..t.end).collect();
    doc.quantities = find(&doc.text, &doc.segmented, &taken);
}

/// Finds the numeric expressions of a story's sentences, skipping `taken`
/// byte ranges (dates, times, durations).
pub fn find(text: &str, segmented: &Segmented, taken: &[Range<usize>]) -> Vec<Amount> {
    let taken = Ranges::new(taken.iter().map(|r| (r.start, r.end)));
    let mut out = Vec::new();
    for sentence in &segmented.sentences {
        let tokens = segmented.sentence_tokens(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let lower: Vec<Cow<str>> = words.iter().map(|w| lower_case(w)).collect();
        let glued: Vec<bool> = tokens.windows(2).map(|pair| pair[0].end() == pair[1].start()).collect();
        let taken: Vec<bool> = tokens.iter().map(|t| taken.overlap(t.start(), t.end())).collect();
        let reader = Reader { words: &words, lower: &lower, glued: &glued, taken: &taken };
        let is_taken = |k: usize| taken[k];
        let mut amounts = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if is_taken(i) {
                i += 1;
                continue;
            }
            match reader.at(i).filter(|f| f.end > i && !(i..f.end).any(is_taken)) {
                Some(f) => {
                    i = f.end.max(i + 1);
                    amounts.push(f);
                }
                None => i += 1,
            }
        }
        share_ranges_units(&lower, &mut amounts);
        out.extend(amounts.into_iter().map(|f| Amount { start: tokens[f.start].start(), end: tokens[f.end - 1].end(), ..f }));
    }
    out
}

/// The first number of a range takes the unit and scale printed after the
/// second (`600 to 1,200 mg`: 600 mg; `between 5 and 10 million dollars`:
/// 5 million dollars; `3 to 5 percent`). Amounts are in tokens of the
/// sentence whose lower-cased words are `lower`.
fn share_ranges_units(lower: &[Cow<str>], amounts: &mut [Amount]) {
    for k in 1..amounts.len() {
        let (first, second) = (&amounts[k - 1], &amounts[k]);
        let between: Vec<&str> = lower[first.end..second.start].iter().map(|w| w.as_ref()).collect();
        let joined = match between[..] {
            ["to" | "-" | "–" | "or"] => true,
            ["and"] => first.start > 0 && lower[first.start - 1] == "between",
            _ => false,
        };
        let bare = first.label == "CARDINAL" && first.end == first.start + 1;
        let same_money = first.label == "MONEY" && second.label == "MONEY" && first.unit == second.unit && first.end == first.start + 2;
        if !joined || !(bare && second.label != "CARDINAL" && second.label != "ORDINAL" || same_money) {
            continue;
        }
        // The scale words of the second (`million`) multiply the first too,
        // when it is no larger than the second's figure (not `$500,000 and $1 million`).
        let scale: f64 = lower[second.start..second.end].iter().filter(|w| w.len() > 2).filter_map(|w| number_value(&SCALES, w)).product();
        let figure = second.value.map(|v| v / scale);
        let scale = if first.value.zip(figure).is_some_and(|(a, b)| a <= b) { scale } else { 1.0 };
        let (label, unit) = (second.label, second.unit.clone());
        let first = &mut amounts[k - 1];
        first.value = first.value.map(|v| v * scale);
        first.label = label;
        first.unit = unit;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn all(text: &str) -> Vec<(String, &'static str, Option<f64>, Option<String>)> {
        let segmented = segment(text, [&(0..text.len())]);
        find(text, &segmented, &[]).into_iter().map(|f| (text[f.start..f.end].to_string(), f.label, f.value, f.unit)).collect()
    }

    #[test]
    fn units_of_science_and_ranges() {
        let got = all("It was 9.6°C, then 0.97C warmer, over 1.71 million km² and 420,000 square kilometres; 16 zettajoules, 450 gigatonnes, 3.5 watts per square metre and 0.3 degrees Celsius. Class 5C met.");
        let units: Vec<(&str, Option<&str>)> = got.iter().map(|(t, _, _, u)| (t.as_str(), u.as_deref())).collect();
        assert_eq!(units, [
            ("9.6°C", Some("°C")), ("0.97C", Some("°C")), ("1.71 million km²", Some("km2")), ("420,000 square kilometres", Some("km2")),
            ("16 zettajoules", Some("ZJ")), ("450 gigatonnes", Some("Gt")), ("3.5 watts per square metre", Some("W/m2")),
            ("0.3 degrees Celsius", Some("°C")),
        ]);
        let got = all("Doses of 600 to 1,200 mg; between $5 and $10 million; between $500,000 and $1 million; 3 to 5 percent; 3 to 2 goals.");
        let first: Vec<(&str, &str, Option<f64>)> = got.iter().map(|(t, l, v, _)| (t.as_str(), *l, *v)).collect();
        assert_eq!(first[0], ("600", "QUANTITY", Some(600.0)));
        assert_eq!(first[2], ("$5", "MONEY", Some(5e6)));
        assert_eq!(first[4], ("$500,000", "MONEY", Some(5e5)));
        assert_eq!(first[6], ("3", "PERCENT", Some(3.0)));
        assert_eq!(first[8], ("3", "CARDINAL", Some(3.0)));
    }

    #[test]
    fn dollars_of_other_countries() {
        let got = all("A US$ 40 billion deal, HK$2m, A$5 million and C$ 3 billion; it cost 9.99 US dollars. The US said $5 was enough.");
        assert_eq!(got[0], ("US$ 40 billion".into(), "MONEY", Some(40e9), Some("USD".into())));
        assert_eq!(got[1], ("HK$2m".into(), "MONEY", Some(2e6), Some("HKD".into())));
        assert_eq!(got[2], ("A$5 million".into(), "MONEY", Some(5e6), Some("AUD".into())));
        assert_eq!(got[3], ("C$ 3 billion".into(), "MONEY", Some(3e9), Some("CAD".into())));
        assert_eq!(got[4], ("9.99 US dollars".into(), "MONEY", Some(9.99), Some("USD".into())));
        // `US` before a spaced-off sign is the country.
        assert_eq!(got[5], ("$5".into(), "MONEY", Some(5.0), Some("USD".into())));
    }

    #[test]
    fn money_in_its_forms() {
        let got = all("It costs $750 billion, €2.5bn, £1 million, $8-billion and 500 euros.");
        assert_eq!(got[0], ("$750 billion".into(), "MONEY", Some(750e9), Some("USD".into())));
        assert_eq!(got[1], ("€2.5bn".into(), "MONEY", Some(2.5e9), Some("EUR".into())));
        assert_eq!(got[2], ("£1 million".into(), "MONEY", Some(1e6), Some("GBP".into())));
        assert_eq!(got[3], ("$8-billion".into(), "MONEY", Some(8e9), Some("USD".into())));
        assert_eq!(got[4], ("500 euros".into(), "MONEY", Some(500.0), Some("EUR".into())));
    }

    #[test]
    fn currencies_of_the_world_and_indian_scales() {
        let got = all("Fees of 500 shillings, 40,000 naira and 1,200 reais; Rs 5 crore, 3.2 lakh crore rupees and KSh2 billion. Shares fell 2 pct. 8 Rand Paul; RMB 236 billion");
        assert_eq!(got[0], ("500 shillings".into(), "MONEY", Some(500.0), None));
        assert_eq!(got[1], ("40,000 naira".into(), "MONEY", Some(40e3), Some("NGN".into())));
        assert_eq!(got[2], ("1,200 reais".into(), "MONEY", Some(1200.0), Some("BRL".into())));
        assert_eq!(got[3], ("Rs 5 crore".into(), "MONEY", Some(5e7), Some("INR".into())));
        assert_eq!(got[4].0, "3.2 lakh crore rupees");
        assert!((got[4].2.unwrap() - 3.2e12).abs() < 1.0);
        assert_eq!(got[5], ("KSh2 billion".into(), "MONEY", Some(2e9), Some("KES".into())));
        assert_eq!(got[6], ("2 pct".into(), "PERCENT", Some(2.0), None));
        assert_eq!(got[7], ("8".into(), "CARDINAL", Some(8.0), None));
        assert_eq!(got[8], ("RMB 236 billion".into(), "MONEY", Some(236e9), Some("CNY".into())));
    }

    #[test]
    fn percents_quantities_cardinals_ordinals() {
        let got = all("Some 53 percent, 66% and Twenty-eight percent; 720,000 tons of grain; thirty-three ships at a 92-country summit in its third week.");
        assert!(got.contains(&("53 percent".into(), "PERCENT", Some(53.0), None)));
        assert!(got.contains(&("66%".into(), "PERCENT", Some(66.0), None)) || got.contains(&("66 %".into(), "PERCENT", Some(66.0), None)));
        assert!(got.contains(&("Twenty-eight percent".into(), "PERCENT", Some(28.0), None)));
        assert!(got.contains(&("720,000 tons".into(), "QUANTITY", Some(720_000.0), Some("ton".into()))));
        assert!(got.contains(&("thirty-three".into(), "CARDINAL", Some(33.0), None)));
        assert!(got.contains(&("92-country".into(), "CARDINAL", Some(92.0), None)));
        assert!(got.contains(&("third".into(), "ORDINAL", Some(3.0), None)));
    }

    #[test]
    fn doses_distances_and_glued_units_are_quantities() {
        let got = all("Patients took 300 micrograms, then 150mg and 2.5 ml; he ran 60 yards and 5km; it raised 5m.");
        for (text, value, unit) in [("300 micrograms", 300.0, "µg"), ("150mg", 150.0, "mg"), ("2.5 ml", 2.5, "ml"), ("60 yards", 60.0, "yd"), ("5km", 5.0, "km")] {
            assert!(got.contains(&(text.into(), "QUANTITY", Some(value), Some(unit.into()))), "{text}: {got:?}");
        }
        // A scale glued to a number stays a scale: `5m` is five million.
        assert!(got.contains(&("5m".into(), "CARDINAL", Some(5e6), None)), "{got:?}");
    }

    #[test]
    fn huge_and_malformed_numbers_do_not_fail() {
        let got = all("A 1,000,000,000,000,000,000,000,000 figure and 1.2.3 and $ and 99999999999999999999999999999999 items.");
        assert!(got.iter().all(|(_, _, v, _)| v.is_none_or(f64::is_finite)));
    }
}
