//! Publication dates as pages print them, to ISO 8601.
//!
//! A dateline is a line made only of a date, optionally a time and a time
//! zone, and the words around them (`Published`, `Updated`, a weekday, `at`):
//! `Monday 12 May 2025 17:08 BST`, `Updated March 9, 2022 at 5:08 p.m. EST`,
//! `10:14 AM EDT, Mon May 12, 2025`, `2025-05-12T17:08:00Z`, `05/12/2025`.
//! Anything else on the line means it is not a dateline.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::PATTERNS;
use crate::calendar::{days_in_month, month_names, weekday_names, Date};
use crate::lexicon::Words;

/// A parsed dateline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// ISO 8601: `2025-05-12`, `2025-05-12T17:08:00`, `2025-05-12T17:08:00+01:00`.
    pub iso: String,
    /// The line says the article was updated then, not first published.
    pub is_update: bool,
}

/// A calendar date and time of day, as read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Parts {
    year: i32,
    month: u32,
    day: u32,
    /// Hours, minutes, seconds.
    time: Option<(u32, u32, u32)>,
    /// Minutes east of UTC.
    offset: Option<i32>,
}

/// Words a dateline may carry besides its date.
static FILLERS: Words = Words::new("dateline_fillers");
static UPDATE_WORDS: Words = Words::new("update_words");

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$").unwrap()
});

/// Reads a dateline; `None` when the line is not one.
pub fn parse_dateline(line: &str) -> Option<Dateline> {
    let line = line.trim();
    if line.is_empty() || line.len() > 120 {
        return None;
    }
    // A line may give both dates (`Published X Updated Y`): take the first
    // publication date, else the first date of any kind.
    let segments = split_at_labels(line);
    let parsed: Vec<(Parts, bool)> = segments
        .iter()
        .map(|segment| parse_parts(segment).map(|p| (p, is_update_segment(segment))))
        .collect::<Option<Vec<_>>>()?;
    let (parts, is_update) = parsed.iter().find(|(_, update)| !update).or(parsed.first()).copied()?;
    Some(Dateline { iso: to_iso(&parts), is_update })
}

/// Reads a date written in any form `parse_dateline` accepts, for callers
/// that pass a publication time (`published=` in `parse`).
pub fn normalise_date(text: &str) -> Option<String> {
    parse_dateline(text).map(|d| d.iso)
}

/// The ISO offset of a time-zone abbreviation as printed (`BST` → `+01:00`).
pub fn zone_suffix(word: &str) -> Option<String> {
    if word.chars().any(char::is_lowercase) {
        return None;
    }
    let minutes = *PATTERNS.timezones.get(word)?;
    let sign = if minutes < 0 { '-' } else { '+' };
    Some(format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60))
}

fn is_update_segment(segment: &str) -> bool {
    let first = segment.split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    UPDATE_WORDS.contains(first.as_str())
}

/// Splits before each `Published`/`Updated`/`Posted` that is not the first word.
fn split_at_labels(line: &str) -> Vec<&str> {
    let lower = line.to_lowercase();
    let mut cuts = vec![0];
    for label in ["published", "updated", "posted", "last modified", "last updated"] {
        for (at, _) in lower.match_indices(label) {
            let starts_word = at == 0 || !lower[..at].ends_with(|c: char| c.is_alphanumeric());
            if at > 0 && starts_word && line.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    // `Last updated`: keep `last` and `updated` together.
    cuts.retain(|&c| c == 0 || !lower[..c].trim_end().ends_with("last"));
    cuts.iter()
        .enumerate()
        .map(|(k, &start)| line[start..cuts.get(k + 1).copied().unwrap_or(line.len())].trim_matches(|c: char| c.is_whitespace() || "|•·,;-–—".contains(c)))
        // A label on its own (`First` before `published ...`) is no segment.
        .filter(|s| s.contains(|c: char| c.is_ascii_digit()))
        .collect()
}

/// One token of a dateline.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Word(&'a str),
    Number(&'a str),
    Punct(char),
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !(d.is_alphabetic() || (d == '.' && text[j + 1..].starts_with(|x: char| x.is_alphabetic()) && j - i <= 2)) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Piece::Word(&text[i..end]));
        } else if c.is_ascii_digit() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                chars.next();
            }
            out.push(Piece::Number(&text[i..end]));
        } else {
            if !c.is_whitespace() {
                out.push(Piece::Punct(c));
            }
            chars.next();
        }
    }
    out
}

/// A month's full name or an abbreviation of at least three letters (`Sept`).
fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    month_names().position(|m| m.starts_with(&lower)).map(|index| index as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    lower.len() >= 3 && weekday_names().any(|day| day.starts_with(&lower))
}

/// Reads the parts of one dateline segment; every piece must be accounted for.
fn parse_parts(segment: &str) -> Option<Parts> {
    if let Some(c) = ISO.captures(segment.trim_start_matches(|c: char| c.is_alphabetic() || c == ':' || c.is_whitespace())) {
        return iso_parts(&c);
    }
    let pieces = pieces(segment);
    let mut parts = Parts::default();
    let mut numbers: Vec<(usize, u32, usize)> = Vec::new(); // (piece index, value, digits)
    let mut month_at = None;
    let mut meridiem: Option<bool> = None; // Some(true) = p.m.
    let mut k = 0;
    while k < pieces.len() {
        match pieces[k] {
            Piece::Number(n) => {
                // A time: H:MM[:SS] or H.MM followed by a meridiem or zone.
                if let (Some(Piece::Punct(sep @ (':' | '.'))), Some(Piece::Number(m))) = (pieces.get(k + 1), pieces.get(k + 2)) {
                    let is_time = *sep == ':' || matches!(pieces.get(k + 3), Some(Piece::Word(_)) | None);
                    if is_time && m.len() == 2 && parts.time.is_none() {
                        let mut seconds = 0;
                        let mut next = k + 3;
                        if let (Some(Piece::Punct(':')), Some(Piece::Number(s))) = (pieces.get(k + 3), pieces.get(k + 4)) {
                            seconds = s.parse().ok()?;
                            next = k + 5;
                        }
                        parts.time = Some((n.parse().ok()?, m.parse().ok()?, seconds));
                        k = next;
                        continue;
                    }
                }
                // `5 p.m.`: an hour alone before a meridiem.
                if matches!(pieces.get(k + 1), Some(Piece::Word(w)) if meridiem_of(w).is_some()) && parts.time.is_none() && n.len() <= 2 {
                    parts.time = Some((n.parse().ok()?, 0, 0));
                    k += 1;
                    continue;
                }
                // `12th`
                if matches!(pieces.get(k + 1), Some(Piece::Word(w)) if matches!(w.to_lowercase().as_str(), "st" | "nd" | "rd" | "th")) {
                    numbers.push((k, n.parse().ok()?, n.len()));
                    k += 2;
                    continue;
                }
                numbers.push((k, n.parse().ok()?, n.len()));
            }
            Piece::Word(w) => {
                let lower = w.to_lowercase();
                if let Some(m) = month_number(w) {
                    if month_at.is_some() {
                        return None;
                    }
                    parts.month = m;
                    month_at = Some(k);
                } else if let Some(pm) = meridiem_of(w) {
                    meridiem = Some(pm);
                } else if let Some(offset) = zone_offset(w, &pieces[k + 1..]) {
                    parts.offset = Some(offset.0);
                    k += offset.1;
                } else if !(is_weekday(w) || FILLERS.contains(lower.as_str())) {
                    return None;
                }
            }
            Piece::Punct(c) => {
                if !",|•·-–—:/().+".contains(c) {
                    return None;
                }
                if "+-".contains(c) && parts.time.is_some() && parts.offset.is_none() {
                    if let Some((offset, used)) = signed_offset(&pieces[k..]) {
                        parts.offset = Some(offset);
                        k += used;
                        continue;
                    }
                }
            }
        }
        k += 1;
    }
    if let (Some(pm), Some((h, m, s))) = (meridiem, parts.time) {
        if h == 0 || h > 12 {
            return None;
        }
        parts.time = Some(((h % 12) + if pm { 12 } else { 0 }, m, s));
    }
    assign_date(&mut parts, &numbers, month_at)?;
    if let Some((h, m, s)) = parts.time {
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
    }
    if let Some(standard) = pending_dst_zone(segment) {
        parts.offset = Some(standard + if us_daylight_saving(&parts) { 60 } else { 0 });
    }
    Some(parts)
}

/// A US zone without standard/daylight (`ET`), which takes the date to resolve.
fn pending_dst_zone(segment: &str) -> Option<i32> {
    segment
        .split(|c: char| !c.is_alphabetic())
        .find_map(|w| PATTERNS.us_timezones_with_dst.get(w).copied())
}

/// Year, month and day from the numbers read, around the month name if any.
fn assign_date(parts: &mut Parts, numbers: &[(usize, u32, usize)], month_at: Option<usize>) -> Option<()> {
    let year_of = |&(_, v, digits): &(usize, u32, usize)| (digits == 4 && (1800..=2200).contains(&v)).then_some(v as i32);
    match month_at {
        Some(_) => {
            // `12 May 2025`, `May 12, 2025`: one day, one year.
            if numbers.len() != 2 {
                return None;
            }
            let (year, day) = match (year_of(&numbers[0]), year_of(&numbers[1])) {
                (None, Some(y)) => (y, numbers[0].1),
                (Some(y), None) => (y, numbers[1].1),
                _ => return None,
            };
            parts.year = year;
            parts.day = day;
        }
        None => {
            // `05/12/2025` (US order unless the first number cannot be a month), `12.05.2025`.
            if numbers.len() != 3 {
                return None;
            }
            let year = year_of(&numbers[2])?;
            let (a, b) = (numbers[0].1, numbers[1].1);
            let (month, day) = if a > 12 { (b, a) } else { (a, b) };
            parts.year = year;
            parts.month = month;
            parts.day = day;
        }
    }
    (parts.month >= 1 && parts.month <= 12 && parts.day >= 1 && parts.day <= days_in_month(parts.year, parts.month)).then_some(())
}

fn meridiem_of(word: &str) -> Option<bool> {
    match word.to_lowercase().replace('.', "").as_str() {
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    }
}

/// A zone abbreviation (`BST`) or `UTC+1`/`GMT+05:30`; returns minutes east
/// of UTC and how many following pieces it used.
fn zone_offset(word: &str, rest: &[Piece]) -> Option<(i32, usize)> {
    let upper = word.to_uppercase();
    if PATTERNS.us_timezones_with_dst.contains_key(word) {
        // Resolved once the date is known (see `pending_dst_zone`); 0 for now.
        return Some((0, 0));
    }
    let base = *PATTERNS.timezones.get(&upper)?;
    match signed_offset(rest) {
        Some((offset, used)) => Some((base + offset, used)),
        None => Some((base, 0)),
    }
}

/// A signed offset at the start of `pieces` (`+01:00`, `+0100`, `-5`):
/// minutes east of UTC and how many pieces it used.
fn signed_offset(pieces: &[Piece]) -> Option<(i32, usize)> {
    let (Some(Piece::Punct(sign @ ('+' | '-'))), Some(Piece::Number(number))) = (pieces.first(), pieces.get(1)) else {
        return None;
    };
    match (number.len(), pieces.get(2), pieces.get(3)) {
        (1 | 2, Some(Piece::Punct(':')), Some(Piece::Number(m))) if m.len() == 2 => {
            Some((numeric_offset(*sign, number.parse().ok()?, m.parse().ok()?)?, 4))
        }
        (1 | 2, _, _) => Some((numeric_offset(*sign, number.parse().ok()?, 0)?, 2)),
        (4, _, _) => Some((numeric_offset(*sign, number[..2].parse().ok()?, number[2..].parse().ok()?)?, 2)),
        _ => None,
    }
}

/// Signed hours and minutes as minutes east of UTC.
fn numeric_offset(sign: char, hours: i32, minutes: i32) -> Option<i32> {
    if hours > 14 || minutes > 59 {
        return None;
    }
    let total = hours * 60 + minutes;
    Some(if sign == '-' { -total } else { total })
}

fn iso_parts(c: &regex::Captures) -> Option<Parts> {
    let num = |i: usize| c.get(i).map(|m| m.as_str().parse::<u32>().ok()).unwrap_or(Some(0));
    let mut parts = Parts { year: num(1)? as i32, month: num(2)?, day: num(3)?, time: None, offset: None };
    if c.get(4).is_some() {
        parts.time = Some((num(4)?, num(5)?, num(6)?));
    }
    parts.offset = match c.get(7).map(|m| m.as_str()) {
        Some("Z" | "z") => Some(0),
        Some(o) => {
            let digits = o[1..].replace(':', "");
            numeric_offset(o.chars().next()?, digits[..2].parse().ok()?, digits[2..].parse().ok()?)
        }
        None => None,
    };
    let valid_date = (1..=12).contains(&parts.month) && parts.day >= 1 && parts.day <= days_in_month(parts.year, parts.month);
    let valid_time = parts.time.is_none_or(|(h, m, s)| h < 24 && m < 60 && s <= 60);
    (valid_date && valid_time).then_some(parts)
}

fn to_iso(parts: &Parts) -> String {
    let date = format!("{:04}-{:02}-{:02}", parts.year, parts.month, parts.day);
    let Some((h, m, s)) = parts.time else { return date };
    let zone = parts.offset.map_or(String::new(), |o| {
        let sign = if o < 0 { '-' } else { '+' };
        format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)
    });
    format!("{date}T{h:02}:{m:02}:{s:02}{zone}")
}

/// Whether US daylight saving time is in force: from the second Sunday of
/// March to the first Sunday of November (the rule since 2007).
fn us_daylight_saving(parts: &Parts) -> bool {
    let nth_sunday = |month: u32, n: u32| {
        let first_weekday = Date { year: parts.year, month, day: 1 }.weekday(); // 0 = Monday
        let first = (6 + 7 - first_weekday) % 7 + 1; // day of the first Sunday
        first + 7 * (n - 1)
    };
    let date = (parts.month, parts.day);
    date >= (3, nth_sunday(3, 2)) && date < (11, nth_sunday(11, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(line: &str) -> Option<String> {
        parse_dateline(line).map(|d| d.iso)
    }

    #[test]
    fn common_page_formats() {
        assert_eq!(iso("Monday 12 May 2025 17:08 BST").as_deref(), Some("2025-05-12T17:08:00+01:00"));
        assert_eq!(iso("Updated March 9, 2022 at 5:08 p.m. EST").as_deref(), Some("2022-03-09T17:08:00-05:00"));
        assert_eq!(iso("10:14 AM EDT, Mon May 12, 2025").as_deref(), Some("2025-05-12T10:14:00-04:00"));
        assert_eq!(iso("Sept. 3, 2022").as_deref(), Some("2022-09-03"));
        assert_eq!(iso("2025-05-12T17:08:00Z").as_deref(), Some("2025-05-12T17:08:00+00:00"));
        assert_eq!(iso("Published: 05/12/2025").as_deref(), Some("2025-05-12"));
        assert_eq!(iso("First published on Mon 12 May 2025 17.08 BST").as_deref(), Some("2025-05-12T17:08:00+01:00"));
        assert_eq!(iso("12th May 2025, 5pm GMT+2").as_deref(), Some("2025-05-12T17:00:00+02:00"));
    }

    #[test]
    fn us_zones_follow_daylight_saving() {
        assert_eq!(iso("Jan. 5, 2024 at 9:00 a.m. ET").as_deref(), Some("2024-01-05T09:00:00-05:00"));
        assert_eq!(iso("July 5, 2024 at 9:00 a.m. ET").as_deref(), Some("2024-07-05T09:00:00-04:00"));
    }

    #[test]
    fn published_wins_over_updated() {
        let d = parse_dateline("Published May 1, 2025 Updated May 3, 2025").unwrap();
        assert_eq!(d.iso, "2025-05-01");
        assert!(!d.is_update);
        assert!(parse_dateline("Updated May 3, 2025").unwrap().is_update);
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_datelines() {
        assert_eq!(iso("He said on May 12, 2025 that talks would go on."), None);
        assert_eq!(iso("February 31, 2025"), None);
        assert_eq!(iso("May 2025"), None);
        assert_eq!(iso("7 min"), None);
        assert_eq!(iso("Comments"), None);
    }

    #[test]
    fn calendar_helpers() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
    }
}
