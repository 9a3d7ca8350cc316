//! Proleptic Gregorian dates as day numbers, for date arithmetic, and the
//! names of months and weekdays (`data/lexicon/calendar.tsv`).

use crate::lexicon::Words;

static MONTHS: Words = Words::new("months");
static WEEKDAYS: Words = Words::new("weekdays");
static MONTH_ABBREVIATIONS: Words = Words::new("month_abbreviations");
static WEEKDAY_ABBREVIATIONS: Words = Words::new("weekday_abbreviations");

/// The months' names in lower case, January first.
pub fn month_names() -> impl Iterator<Item = &'static str> {
    MONTHS.words()
}

/// The weekdays' names in lower case, Monday first.
pub fn weekday_names() -> impl Iterator<Item = &'static str> {
    WEEKDAYS.words()
}

/// A word capitalised as a name is (`Sept`, not `SEPT`), in lower case.
fn as_capitalised<'b>(word: &str, buffer: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let capitalised = bytes.first().is_some_and(u8::is_ascii_uppercase) && bytes[1..].iter().all(u8::is_ascii_lowercase);
    let lower = buffer.get_mut(..bytes.len()).filter(|_| capitalised)?;
    lower.copy_from_slice(bytes);
    lower[0] = lower[0].to_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// Whether a word is a month's abbreviation as printed before its full stop (`Jan`, `Sept`).
pub fn is_month_abbreviation(word: &str) -> bool {
    as_capitalised(word, &mut [0; 16]).is_some_and(|w| MONTH_ABBREVIATIONS.contains(w))
}

/// Whether a word is a month's or weekday's abbreviation as printed before its full stop (`Jan`, `Thurs`).
pub fn is_day_or_month_abbreviation(word: &str) -> bool {
    as_capitalised(word, &mut [0; 16]).is_some_and(|w| MONTH_ABBREVIATIONS.contains(w) || WEEKDAY_ABBREVIATIONS.contains(w))
}

/// Whether a word is a month's or weekday's full name as printed (`January`, `Monday`).
pub fn is_day_or_month_name(word: &str) -> bool {
    as_capitalised(word, &mut [0; 16]).is_some_and(|w| MONTHS.contains(w) || WEEKDAYS.contains(w))
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn plus_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday.
    pub fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.plus_days(3 - i64::from(self.weekday()));
        let first = Date { year: thursday.year, month: 1, day: 1 };
        (thursday.year, ((thursday.days() - first.days()) / 7 + 1) as u32)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The days since 1970 of the calendar day a value starts with
/// (`2025-05-15`, `2025-05-15T10:00`); None when it names none.
pub fn day_number(value: &str) -> Option<i32> {
    let b = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let date = Date::new(i32::try_from(digits(0..4)?).ok()?, digits(5..7)?, digits(8..10)?)?;
    i32::try_from(date.days()).ok()
}

/// Microseconds since 1970 (UTC) of an ISO 8601 time: a date, then
/// optionally `THH:MM[:SS[.ffffff]]` and a zone (`Z`, `±HH:MM`; none is
/// UTC). None for anything else.
pub fn timestamp_micros(value: &str) -> Option<i64> {
    let days = i64::from(day_number(value)?);
    let rest = &value[10..];
    let mut seconds = 0i64;
    let mut micros = 0i64;
    let mut zone = rest;
    if let Some(time) = rest.strip_prefix(['T', ' ']) {
        let end = time.find(['Z', '+', '-']).unwrap_or(time.len());
        let (clock, fraction) = time[..end].split_once('.').unwrap_or((&time[..end], ""));
        let fields: Vec<&str> = clock.split(':').collect();
        if !(2..=3).contains(&fields.len()) || fields.iter().any(|f| f.len() != 2 || !f.bytes().all(|d| d.is_ascii_digit())) {
            return None;
        }
        let number = |f: &str| f.parse::<i64>().ok();
        let (h, m, s) = (number(fields[0])?, number(fields[1])?, fields.get(2).map_or(Some(0), |f| number(f))?);
        if h > 23 || m > 59 || s > 59 {
            return None;
        }
        seconds = h * 3600 + m * 60 + s;
        if !fraction.is_empty() {
            if fraction.len() > 6 || !fraction.bytes().all(|d| d.is_ascii_digit()) {
                return None;
            }
            micros = format!("{fraction:0<6}").parse().ok()?;
        }
        zone = &time[end..];
    }
    let offset = match zone {
        "" | "Z" => 0,
        _ => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (h, m) = zone[1..].split_once(':').unwrap_or((zone.get(1..3)?, zone.get(3..)?));
            let two_digits = |f: &str| f.len() == 2 && f.bytes().all(|d| d.is_ascii_digit());
            if !two_digits(h) || !(m.is_empty() || two_digits(m)) {
                return None;
            }
            sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().unwrap_or(0) * 60)
        }
    };
    Some((days * 86_400 + seconds - offset) * 1_000_000 + micros)
}

/// Easter Sunday of `year` (Gregorian; the anonymous algorithm of Meeus).
pub fn easter(year: i32) -> Date {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    Date { year, month: month as u32, day: day as u32 }
}

/// The date in `year` of a holiday's rule, as `data/lexicon/calendar.tsv`
/// writes them: a fixed month-day (`12-25`), a day counted from Easter
/// (`easter-2`: Good Friday), or the n-th (`L`: last) weekday of a month
/// (`11-thu4`: Thanksgiving), each maybe shifted by days (`11-thu4+1`:
/// Black Friday; `11-mon1+1`: the US Election Day).
pub fn holiday_date(rule: &str, year: i32) -> Option<Date> {
    let (base, shift) = match rule.rfind(['+', '-']).filter(|&at| at > 2) {
        Some(at) => (&rule[..at], rule[at..].parse::<i64>().ok()?),
        None => (rule, 0),
    };
    let date = if base == "easter" {
        easter(year)
    } else {
        let (month, day) = base.split_once('-')?;
        let month: u32 = month.parse().ok()?;
        match day.parse::<u32>() {
            Ok(day) => Date::new(year, month, day)?,
            Err(_) => {
                let weekday = weekday_names().position(|name| day.len() > 3 && name.starts_with(&day[..3]))? as i64;
                let first = Date::new(year, month, 1)?;
                let first_match = first.plus_days((weekday - i64::from(first.weekday())).rem_euclid(7));
                let weeks = match &day[3..] {
                    "L" => (i64::from(days_in_month(year, month)) - i64::from(first_match.day)) / 7,
                    n => n.parse::<i64>().ok().filter(|n| (1..=5).contains(n))? - 1,
                };
                Some(first_match.plus_days(7 * weeks)).filter(|d| d.month == month)?
            }
        }
    };
    Some(date.plus_days(shift))
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_weekdays() {
        let d = Date::new(2025, 5, 12).unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 0);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(d.plus_days(-1).iso(), "2025-05-11");
        assert_eq!(Date::new(2024, 2, 28).unwrap().plus_days(1).iso(), "2024-02-29");
        assert_eq!(Date::new(2025, 5, 15).unwrap().iso_week(), (2025, 20));
        assert_eq!(Date::new(2025, 2, 31), None);
    }

    #[test]
    fn holidays_by_their_rules() {
        let on = |rule: &str, year: i32| holiday_date(rule, year).map(Date::iso);
        assert_eq!(easter(2024).iso(), "2024-03-31");
        assert_eq!(easter(2025).iso(), "2025-04-20");
        assert_eq!(on("easter-2", 2016).as_deref(), Some("2016-03-25"));
        assert_eq!(on("12-25", 2025).as_deref(), Some("2025-12-25"));
        assert_eq!(on("11-thu4", 2025).as_deref(), Some("2025-11-27"));
        assert_eq!(on("11-thu4+1", 2016).as_deref(), Some("2016-11-25"));
        assert_eq!(on("05-monL", 2025).as_deref(), Some("2025-05-26"));
        assert_eq!(on("09-mon1", 2026).as_deref(), Some("2026-09-07"));
        assert_eq!(on("11-mon1+1", 2016).as_deref(), Some("2016-11-08"));
        assert_eq!(on("11-mon1+1", 2020).as_deref(), Some("2020-11-03"));
        assert_eq!(on("02-mon5", 2025), None);
        assert_eq!(on("", 2025), None);
    }

    #[test]
    fn times_and_days_read_as_python_reads_them() {
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("2025-02-31"), None);
        assert_eq!(day_number("XXXX-07"), None);
        assert_eq!(timestamp_micros("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(timestamp_micros("1970-01-01T00:00:01.5Z"), Some(1_500_000));
        assert_eq!(timestamp_micros("1970-01-02"), Some(86_400_000_000));
        assert_eq!(timestamp_micros("1970-01-01T25:00"), None);
    }
}
