//! People's names in bylines and contributor lines.

use super::patterns::PATTERNS;
use crate::lexicon::Words;

/// Words that follow a name in a byline but are not names: roles and desks.
static ROLE_WORDS: Words = Words::new("byline_role_words");

/// Splits a list of names (`A, B and C`, `A & B`, `A; B`) and keeps those
/// that read as people's names, dropping trailing outlets and roles
/// (`By Jane Doe, Reuters`, `Jane Doe, Political Editor`).
pub fn split_names(list: &str) -> Vec<String> {
    let list = list.trim().trim_end_matches(['.', ',', ';', ':']);
    // Stop at a separator that starts other matter: `By A | The Outlet`, `By A in Kyiv`.
    let list = list.split(['|', '•', '·', '\n']).next().unwrap_or("");
    let list = match list.find(" in ").or_else(|| list.find(" for ")) {
        Some(at) => &list[..at],
        None => list,
    };
    let mut names = Vec::new();
    for part in list.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let part = part.trim();
        if part.is_empty() || PATTERNS.outlet(part).is_some() {
            continue;
        }
        if let Some(name) = person_name(part) {
            names.push(name);
        }
    }
    names
}

/// A person's name as printed, with all-capitals bylines (`JOHN SMITH`)
/// recased; `None` if `text` does not read as a name.
pub fn person_name(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let mut capitalised = 0;
    for word in &words {
        let lower = word.to_lowercase();
        if PATTERNS.name_particles.contains(&lower) {
            continue;
        }
        if ROLE_WORDS.contains(lower.trim_end_matches('.')) {
            return None;
        }
        let first = word.chars().next()?;
        let is_name_word = first.is_uppercase() && word.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c));
        if !is_name_word {
            return None;
        }
        capitalised += 1;
    }
    // A single word is a name only when it is not a common capitalised word.
    if capitalised < 2 {
        return None;
    }
    let shouting = words.iter().all(|w| !w.chars().any(char::is_lowercase)) && text.chars().filter(|c| c.is_alphabetic()).count() > 3;
    Some(if shouting { words.iter().map(|w| recase(w)).collect::<Vec<_>>().join(" ") } else { words.join(" ") })
}

/// `SMITH` → `Smith`, `O'BRIEN` → `O'Brien`, `KENDALL-TAYLOR` → `Kendall-Taylor`.
fn recase(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = "-'’".contains(c);
    }
    if word.len() == 2 && word.ends_with('.') {
        return word.to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(split_names("Michael Birnbaum and Karen DeYoung"), ["Michael Birnbaum", "Karen DeYoung"]);
        assert_eq!(split_names("Jane Doe, John Smith & Ana de la Cruz"), ["Jane Doe", "John Smith", "Ana de la Cruz"]);
        assert_eq!(split_names("Jane Doe, Reuters"), ["Jane Doe"]);
        assert_eq!(split_names("Jane Doe, Political Editor"), ["Jane Doe"]);
        assert_eq!(split_names("JOHN O'BRIEN | The Independent"), ["John O'Brien"]);
        assert_eq!(split_names("Jane Doe in Kyiv"), ["Jane Doe"]);
    }

    #[test]
    fn sentences_are_not_names() {
        assert!(split_names("the wind out of his sails").is_empty());
        assert!(person_name("Ukraine").is_none());
    }
}
