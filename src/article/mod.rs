//! Article structure and metadata from plain text as scraped from a page.
//!
//! The input is cut into units (lines, or hard-wrapped paragraphs). Each unit
//! is first read on its own against the patterns of
//! `data/article_patterns.json` (outlet signatures, boilerplate, datelines,
//! reading times, bylines, contributor lines, captions with credits, markdown
//! headings), then by its place and shape: the first title-shaped line is the
//! headline, the next line is the dek when the page's header (a caption, a
//! dateline, a byline) follows it, short lines without a full stop in the
//! body are section headings when in title case and related-story links when
//! in sentence case, and the rest are paragraphs.

mod dateline;
mod lines;
mod names;
mod patterns;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{BlockKind, CaptionRanges, Doc, KnownLines, Published, StoryBlock, Structure};

pub use dateline::{normalise_date, zone_suffix};
use dateline::parse_dateline;
use lines::{ends_sentence, Unit};
use patterns::PATTERNS;
use crate::lexicon::Words;

/// What a unit of the page is.
#[derive(Clone, Debug, PartialEq)]
enum Role {
    /// Story text whose role depends on its place.
    Text,
    Headline(Range<usize>),
    Dek,
    Paragraph,
    Section(Range<usize>),
    Caption(CaptionRanges),
    Boilerplate,
    /// A dateline, byline, reading time or contributor line.
    Meta,
}

/// Units longer than this are paragraphs; patterns are not tried on them.
const LONGEST_PATTERN_LINE: usize = 1500;

/// Function words that stay lower case in title-case headings.
static MINOR_WORDS: Words = Words::new("minor_words");

static MARKDOWN_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{1,6}\s+(?P<inner>.+?)[\s#]*$").unwrap());
static BOLD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}[.)]\s+)?(?:\*\*|__)(?P<inner>[^*_].*?)(?:\*\*|__):?$").unwrap());

/// The article stage: the page's structure and metadata into the [`Doc`],
/// and its publication time, the caller's when given and readable.
pub fn annotate(doc: &mut Doc) {
    let blank = doc.text.trim_matches(crate::text::is_space).is_empty();
    // An input that failed before (unreadable, not a JSON record) is empty
    // for the reason its error gives.
    if blank && doc.errors.is_empty() {
        doc.errors.push("empty text: nothing to parse".to_string());
    }
    let structure = analyse_known(&doc.text, &doc.given.known);
    if !blank && structure.paragraphs.is_empty() && doc.errors.is_empty() {
        doc.errors.push(no_story(&structure));
    }
    let published = match &doc.given.published {
        Some(given) => normalise_date(given).or_else(|| {
            doc.errors.push(format!("published: could not read {given:?} as a date; kept the article's own"));
            structure.published.clone()
        }),
        None => structure.published.clone(),
    };
    doc.published = published.map(Published::from_iso);
    doc.structure = structure;
}

/// Why a text that is not empty has no words of story: what its lines were
/// read as instead.
fn no_story(structure: &Structure) -> String {
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 {what}")),
        n => Some(format!("{n} {what}s")),
    };
    let held: Vec<String> = [
        count(structure.headline.is_some() as usize, "headline"),
        count(structure.dek.is_some() as usize, "dek"),
        count(structure.captions.len(), "caption"),
        count(structure.sections.len(), "section heading"),
        count(structure.boilerplate.len(), "boilerplate line"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let held = if held.is_empty() {
        "only bylines, datelines and other metadata".to_string()
    } else {
        held.join(", ")
    };
    format!(
        "no story text: no line reads as a paragraph (the text holds {held}); \
         short lines without a full stop read as headlines, headings or links"
    )
}

/// Reads the structure and metadata of an article.
pub fn analyse(text: &str) -> Structure {
    analyse_known(text, &KnownLines::default())
}

/// Reads the structure and metadata of an article some of whose lines are
/// known already; the others are read as in any text.
pub fn analyse_known(text: &str, known: &KnownLines) -> Structure {
    let units = lines::units(text);
    let mut found = Structure::default();
    let mut datelines = Vec::new();
    // The line each dateline was read from.
    let mut dateline_units = Vec::new();
    let mut roles: Vec<Role> = units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let whole = u.start..u.end;
            if known.headline.as_ref() == Some(&whole) {
                Role::Headline(whole)
            } else if known.headings.contains(&whole) {
                Role::Section(whole)
            } else if let Some(caption) = known.captions.iter().find(|c| c.text.start == u.start) {
                Role::Caption(caption.clone())
            } else {
                let role = read_unit(text, u, &mut found, &mut datelines);
                dateline_units.resize(datelines.len(), k);
                role
            }
        })
        .collect();
    drop_navigation_menus(text, &units, &mut roles);
    drop_related_links(text, &units, &mut roles);
    // A date under `More on this story` is another story's.
    let mut line_of = dateline_units.into_iter();
    datelines.retain(|_| line_of.next().is_none_or(|k| roles[k] != Role::Boilerplate));
    place_headline_and_dek(text, &units, &mut roles);
    if found.authors.is_empty() {
        let (authors, byline) = authors_in_dek(text, &units, &roles);
        found.authors = authors;
        found.bylines.extend(byline);
    }
    drop_author_bios(text, &units, &mut roles, &found.authors);
    place_body(text, &units, &mut roles);
    found.published = datelines
        .iter()
        .find(|d: &&dateline::Dateline| !d.is_update)
        .or(datelines.first())
        .map(|d| d.iso.clone());
    read_wire_dateline(text, &units, &roles, &mut found);
    collect(&units, roles, found)
}

/// A wire story opens with a dateline (`SANTA CLARA, California, Jan. 27,
/// 2025 (AP) —`): its agency is the outlet and its full date the
/// publication date, when the page gives neither; its first words are a
/// place. A dateline without an agency counts when it gives a full date
/// (`FRANKFURT, Germany, Nov. 25, 2025 —`).
fn read_wire_dateline(text: &str, units: &[Unit], roles: &[Role], found: &mut Structure) {
    let Some(unit) = units.iter().zip(roles).find(|(_, r)| matches!(r, Role::Paragraph)).map(|(u, _)| u) else {
        return;
    };
    let line = unit.text(text);
    let full_date = |lead: &str| {
        let tails = std::iter::once(lead).chain(lead.match_indices(',').map(|(at, _)| lead[at + 1..].trim_start()));
        // A date with its year only: `Feb 5 (Reuters)` has none.
        tails.filter_map(dateline::normalise_date).find(|iso| iso.len() >= 10)
    };
    let (lead_match, whole) = match PATTERNS.wire_dateline.captures(line) {
        Some(caps) => {
            let Some(outlet) = PATTERNS.outlet(&caps["outlet"]) else { return };
            found.outlet.get_or_insert_with(|| outlet.to_string());
            // The agency of `BRUSSELS (Reuters) -` signs the story, as a byline does: no name in it.
            let agency = caps.name("outlet").map(|m| unit.start + m.start()..unit.start + m.end());
            found.bylines.extend(agency);
            (caps.name("lead"), caps.get(0))
        }
        None => {
            let caps = PATTERNS.plain_dateline.captures(line).filter(|caps| full_date(&caps["lead"]).is_some());
            (caps.as_ref().and_then(|caps| caps.name("lead")), caps.as_ref().and_then(|caps| caps.get(0)))
        }
    };
    found.dateline = whole.map(|m| unit.start + m.start()..unit.start + m.end());
    let Some(lead_match) = lead_match else { return };
    let lead = lead_match.as_str();
    let place = lead.split(',').next().unwrap_or("").trim_end();
    if place.split_whitespace().count() <= 4 && !place.contains(|c: char| c.is_ascii_digit()) && dateline::normalise_date(place).is_none() {
        let start = unit.start + lead_match.start();
        found.dateline_place = Some(start..start + place.len());
    }
    if found.published.is_none() {
        found.published = full_date(lead);
    }
}

/// Whether an outlet named by a page's signature that the outlet list does
/// not hold reads as a name: a few capitalised words (`© 2026 Global
/// Affairs Daily`), not a sentence or a company's legal name.
fn is_outlet_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let joining = |w: &str| matches!(w, "of" | "the" | "and" | "&" | "for");
    (1..=6).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || joining(w))
        && !words.iter().any(|w| w.contains(char::is_numeric) || LEGAL_FORMS.contains(w.trim_end_matches(',')))
}

/// Companies' legal forms (`Inc.`, `LLC`): a copyright holder that has one is a company, not the outlet.
static LEGAL_FORMS: crate::lexicon::Words = crate::lexicon::Words::new("legal_forms");

/// Reads one unit on its own: patterns first, then markdown headings.
fn read_unit(text: &str, unit: &Unit, found: &mut Structure, datelines: &mut Vec<dateline::Dateline>) -> Role {
    let line = unit.text(text);
    if line.len() > LONGEST_PATTERN_LINE {
        return Role::Text;
    }
    if PATTERNS.may_be_clutter(line) {
        for signature in &PATTERNS.signatures {
            if let Some(caps) = signature.regex.captures(line) {
                let named = signature.outlet.as_deref().or_else(|| caps.name("outlet").and_then(|m| PATTERNS.outlet(m.as_str()).or_else(|| Some(m.as_str().trim()).filter(|n| is_outlet_name(n)))));
                if found.outlet.is_none() {
                    found.outlet = named.map(str::to_string);
                }
                return Role::Boilerplate;
            }
        }
        return Role::Boilerplate;
    }
    let words = word_count(line);
    // The contributor patterns all hold one of these words; most lines none.
    let may_credit_contributors = line.contains("ontribut") || line.contains("eporting");
    if words <= 40 && may_credit_contributors {
        // A wire story's sign-off in brackets, clause by clause: `(Reporting
        // by X; Additional reporting by Y in Z; Editing by W)`.
        let inner = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')).unwrap_or(line);
        let credits: Vec<_> = inner.split(';').map(|clause| PATTERNS.contributor_lines.iter().find_map(|r| r.captures(clause.trim()))).collect();
        if credits.first().is_some_and(Option::is_some) {
            let names: Vec<String> = credits.into_iter().flatten().flat_map(|c| names::split_names(&c["names"])).collect();
            if !names.is_empty() {
                found.contributors.extend(names);
                return Role::Meta;
            }
        }
    }
    if words <= 20 && read_meta(line, found, datelines) {
        return Role::Meta;
    }
    if let Some(caption) = caption(line, unit.start) {
        return Role::Caption(caption);
    }
    for heading in [&*MARKDOWN_HEADING, &*BOLD_HEADING] {
        if let Some(inner) = heading.captures(line).and_then(|c| c.name("inner")) {
            return Role::Section(unit.start + inner.start()..unit.start + inner.end());
        }
    }
    Role::Text
}

/// Reads a line made only of metadata (`By X | 12 May 2025 | 7 min read`);
/// records it and returns true, or returns false and records nothing.
fn read_meta(line: &str, found: &mut Structure, datelines: &mut Vec<dateline::Dateline>) -> bool {
    enum Meta {
        Date(dateline::Dateline),
        Minutes(u32),
        Authors(Vec<String>),
    }
    let read_part = |part: &str| -> Option<Meta> {
        if let Some(c) = PATTERNS.reading_time.captures(part) {
            return c["minutes"].parse().ok().map(Meta::Minutes);
        }
        if let Some(d) = parse_dateline(part) {
            return Some(Meta::Date(d));
        }
        // A dateline on a line of its own: `ISTANBUL, April 27, 2026`.
        if let Some((place, date)) = part.split_once(", ") {
            let shouted = place.chars().any(char::is_alphabetic) && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
            if let Some(d) = parse_dateline(date).filter(|_| shouted) {
                return Some(Meta::Date(d));
            }
        }
        let names = PATTERNS.bylines.iter().find_map(|r| r.captures(part)).map(|c| names::split_names(&c["names"]))?;
        (!names.is_empty()).then_some(Meta::Authors(names))
    };
    let parts: Option<Vec<Meta>> = line
        .split(['|', '•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(read_part)
        .collect();
    let Some(parts) = parts.filter(|p| !p.is_empty()) else { return false };
    for part in parts {
        match part {
            Meta::Date(d) => datelines.push(d),
            Meta::Minutes(m) => {
                found.reading_time_minutes.get_or_insert(m);
            }
            Meta::Authors(names) => found.authors.extend(names),
        }
    }
    true
}

/// A caption ending in a photo credit: `Text. (Name/Agency)` or `Text. Photograph: Name/Agency`.
pub fn caption(line: &str, offset: usize) -> Option<CaptionRanges> {
    let in_parens = || line.ends_with(')').then(|| PATTERNS.credit_in_parens.captures(line)).flatten();
    let names_a_credit = ["Photo", "Credit", "Image", "Picture", "Illustration"].iter().any(|p| line.contains(p));
    let after_prefix = || names_a_credit.then(|| PATTERNS.credit_after_prefix.captures(line)).flatten();
    let caps = in_parens().filter(|c| PATTERNS.is_photo_credit(&c["credit"])).or_else(after_prefix)?;
    let (body, credit) = (caps.name("text")?, caps.name("credit")?);
    (word_count(body.as_str()) >= 3).then(|| CaptionRanges {
        text: offset + body.start()..offset + body.end(),
        credit: Some(offset + credit.start()..offset + credit.end()),
    })
}

/// A site's navigation menu above the story, a block of three or more
/// lines of at most three words without a full stop (`Menu`, `World`,
/// `Politics`), or a run of two or more such lines among boilerplate
/// (`Skip to main content`, `Sign in`), is boilerplate, not the headline.
/// A page whose lines have no blank lines between them is one block: there
/// the runs find the menu.
fn drop_navigation_menus(text: &str, units: &[Unit], roles: &mut [Role]) {
    let short: Vec<bool> = units.iter().zip(roles.iter()).map(|(unit, role)| *role == Role::Text && word_count(unit.text(text)) <= 3).collect();
    let in_run: Vec<bool> = short.iter().zip(roles.iter()).map(|(&short, role)| short || *role == Role::Boilerplate).collect();
    let (mut run_start, mut block_start) = (0, 0);
    for end in 0..units.len() {
        if !in_run[end] && ends_sentence(units[end].text(text)) {
            return;
        }
        let run_ends = !in_run[end] || units[end].ends_block || !in_run.get(end + 1).copied().unwrap_or(false);
        if in_run[end] && run_ends {
            let run = run_start..end + 1;
            let short_lines = short[run.clone()].iter().filter(|&&s| s).count();
            let boilerplate = run.len() - short_lines;
            let whole_block = run.start == block_start && units[end].ends_block;
            if short_lines >= 2 && boilerplate >= 1 || short_lines >= 3 && whole_block {
                for role in &mut roles[run] {
                    *role = Role::Boilerplate;
                }
            }
        }
        if run_ends {
            run_start = end + 1;
        }
        if units[end].ends_block {
            block_start = end + 1;
        }
    }
}

/// The lines after a label of links to other stories (`Related stories`)
/// in its block are those links and their metadata (`Published 20 October
/// 2025`): boilerplate, not section headings nor the article's own.
fn drop_related_links(text: &str, units: &[Unit], roles: &mut [Role]) {
    let mut in_list = false;
    for (unit, role) in units.iter().zip(roles.iter_mut()) {
        if in_list && matches!(*role, Role::Text | Role::Meta) {
            *role = Role::Boilerplate;
        }
        in_list = (in_list || PATTERNS.is_related_label(unit.text(text).trim())) && !unit.ends_block;
    }
}

/// The known headline, else the first title-shaped story line, is the
/// headline; the next story line is its dek when the page's header
/// (caption, dateline, byline) follows it or it has no full stop. A repeat
/// of the headline is boilerplate.
fn place_headline_and_dek(text: &str, units: &[Unit], roles: &mut [Role]) {
    let (first, inner) = match roles.iter().position(|r| matches!(r, Role::Headline(_))) {
        Some(known) => (known, units[known].start..units[known].end),
        None => {
            let Some(mut first) = roles.iter().position(|r| matches!(r, Role::Text | Role::Section(_))) else { return };
            // A one-word label in capitals right over the headline (`LIVE`, `EXCLUSIVE`) is the page's.
            if is_label_word(units[first].text(text)) && roles.get(first + 1) == Some(&Role::Text) {
                roles[first] = Role::Boilerplate;
                first += 1;
            }
            let inner = match &roles[first] {
                Role::Section(inner) => inner.clone(),
                _ if is_headline_shaped(&units[first], text, first + 1 < units.len()) => {
                    units[first].start..units[first].end
                }
                _ => return,
            };
            (first, inner)
        }
    };
    let headline = normalise_spaces(&text[inner.clone()]);
    roles[first] = Role::Headline(inner);
    for (k, role) in roles.iter_mut().enumerate().skip(first + 1) {
        let heading_text = match role {
            Role::Section(inner) => &text[inner.clone()],
            Role::Text => units[k].text(text),
            _ => continue,
        };
        if normalise_spaces(heading_text) == headline {
            *role = Role::Boilerplate;
        }
    }
    let Some(dek) = (first + 1..roles.len()).find(|&k| matches!(roles[k], Role::Text)) else { return };
    let between_are_header = roles[first + 1..dek].iter().all(|r| matches!(r, Role::Boilerplate | Role::Meta | Role::Caption(_)));
    let after = roles[dek + 1..].iter().find(|r| !matches!(r, Role::Boilerplate));
    let header_follows = matches!(after, Some(Role::Meta | Role::Caption(_)));
    let line = units[dek].text(text);
    // A dek says something: not a one- or two-word label (`Summary`).
    if between_are_header && (3..=80).contains(&word_count(line)) && (header_follows || !ends_sentence(line)) {
        roles[dek] = Role::Dek;
    }
}

/// One word in capitals (`LIVE`, `BREAKING`).
fn is_label_word(line: &str) -> bool {
    let word = line.trim();
    word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
}

/// A headline: text follows it, at most 30 words, and no full stop at the
/// end unless it is in title case, asks a question, or is one sentence of at
/// most 20 words standing alone before a blank line.
fn is_headline_shaped(unit: &Unit, text: &str, more_follows: bool) -> bool {
    let line = unit.text(text);
    let words = word_count(line);
    let lone_short_sentence =
        unit.ends_block && words <= 20 && crate::text::sentence_ranges(text, unit.start, unit.end).len() == 1;
    more_follows
        && (1..=30).contains(&words)
        && line.chars().count() <= 250
        && (!ends_sentence(line) || line.ends_with(['?', '!']) || is_title_case(line) || lone_short_sentence)
}

/// Story lines after the header: short lines without a full stop are
/// headings (title case, or fewer than six words) or related-story links
/// (longer, in sentence case); such lines before the first paragraph are
/// page labels. Everything else is a paragraph.
fn place_body(text: &str, units: &[Unit], roles: &mut [Role]) {
    let mut seen_paragraph = false;
    for (unit, role) in units.iter().zip(roles.iter_mut()) {
        if *role != Role::Text {
            continue;
        }
        let line = unit.text(text);
        let words = word_count(line);
        let short = !ends_sentence(line) && words <= 20 && line.len() <= 200;
        *role = if !short {
            seen_paragraph = true;
            Role::Paragraph
        } else if (is_title_case(line) || words < 6) && seen_paragraph {
            Role::Section(unit.start..unit.end)
        } else {
            Role::Boilerplate
        };
    }
}

/// `..., writes Mark Almond.` in the dek.
/// Returns the names and where they stand in the text.
fn authors_in_dek(text: &str, units: &[Unit], roles: &[Role]) -> (Vec<String>, Option<Range<usize>>) {
    let Some(k) = roles.iter().position(|r| *r == Role::Dek) else { return (Vec::new(), None) };
    let dek = units[k].text(text);
    let Some(names) = PATTERNS.byline_in_text.iter().find_map(|r| r.captures(dek)).and_then(|c| c.name("names")) else {
        return (Vec::new(), None);
    };
    let authors = names::split_names(names.as_str());
    let range = (!authors.is_empty()).then(|| units[k].start + names.start()..units[k].start + names.end());
    (authors, range)
}

/// `Mark Almond is director of ...`: an author's bio line is not story text.
fn drop_author_bios(text: &str, units: &[Unit], roles: &mut [Role], authors: &[String]) {
    static BIO_VERBS: Words = Words::new("bio_verbs");
    for (unit, role) in units.iter().zip(roles.iter_mut()) {
        if *role != Role::Text {
            continue;
        }
        let line = unit.text(text);
        let is_bio = authors.iter().any(|author| {
            line.strip_prefix(author.as_str())
                .and_then(|rest| rest.split_whitespace().next())
                .is_some_and(|verb| BIO_VERBS.contains(verb))
        });
        if is_bio && word_count(line) <= 40 {
            *role = Role::Boilerplate;
        }
    }
}

/// Gathers the ranges of each role in document order.
fn collect(units: &[Unit], roles: Vec<Role>, mut found: Structure) -> Structure {
    for (unit, role) in units.iter().zip(roles) {
        let whole = unit.start..unit.end;
        let (range, kind) = match role {
            Role::Headline(inner) => {
                found.headline = Some(inner.clone());
                (inner, BlockKind::Headline)
            }
            Role::Dek => {
                found.dek = Some(whole.clone());
                (whole, BlockKind::Dek)
            }
            Role::Paragraph => {
                found.paragraphs.push(whole.clone());
                (whole, BlockKind::Paragraph)
            }
            Role::Section(inner) => {
                found.sections.push(inner.clone());
                (inner, BlockKind::Section)
            }
            Role::Caption(caption) => {
                let text = caption.text.clone();
                found.captions.push(caption);
                (text, BlockKind::Caption)
            }
            Role::Boilerplate => {
                found.boilerplate.push(whole);
                continue;
            }
            Role::Meta | Role::Text => continue,
        };
        found.story.push(StoryBlock { range, kind });
    }
    found
}

/// Words with at least one letter or digit.
fn word_count(line: &str) -> usize {
    line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Whether at least four in five words that are not function words start
/// with a capital: `Inching Toward Peril`, not `A new iron curtain descends`.
fn is_title_case(line: &str) -> bool {
    let (mut content, mut capitalised) = (0, 0);
    for word in line.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else { continue };
        if !first.is_alphabetic() || MINOR_WORDS.contains(word.to_lowercase().as_str()) {
            continue;
        }
        content += 1;
        if first.is_uppercase() {
            capitalised += 1;
        }
    }
    content > 0 && capitalised * 5 >= content * 4
}

fn normalise_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, ranges: &[Range<usize>]) -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_string()).collect()
    }

    #[test]
    fn a_dateline_on_its_own_line_dates_the_story() {
        let s = analyse("Opposition picks its challenger\n\nBy Ayla Demir\n\nISTANBUL, April 27, 2026\n\nThe party named its candidate on Sunday.\n");
        assert_eq!(s.published.as_deref(), Some("2026-04-27"));
        assert_eq!(s.dek, None);
    }

    #[test]
    fn a_label_over_the_headline_and_a_related_storys_date_are_the_pages() {
        let text = "LIVE\nGlobal outage: banks hit\n\nBanks were hit on Tuesday, officials said.\n\nMore on this story\nHow outages expose our reliance\nPublished 20 October 2025\n";
        let s = analyse(text);
        assert_eq!(s.headline.map(|r| &text[r]), Some("Global outage: banks hit"));
        assert_eq!(s.published, None);
    }

    #[test]
    fn a_wire_sign_off_in_brackets_credits_each_clause() {
        let s = analyse("Meta fined\n\nBRUSSELS (Reuters) - The EU fined Meta.\n\n(Reporting by Foo Yun Chee; Additional reporting by Jody Godoy in New York; Writing by Ann Lee; Editing by Louise Heavens and Jan Harvey)\n");
        assert_eq!(s.contributors, ["Foo Yun Chee", "Jody Godoy", "Louise Heavens", "Jan Harvey"]);
    }

    #[test]
    fn a_page_with_header_body_and_clutter() {
        let text = "Stay up to date with notifications from The Independent\n\nComment\n\n\
                    Talks resume in Istanbul\n\nThe two sides meet again, writes Jane Doe. Few expect much\n\n\
                    Monday 12 May 2025 17:08 BST\n\nThe delegations arrived on Monday. They met for an hour.\n\n\
                    A new round of sanctions hits Russian banks and oil traders\n\nNext Steps\n\n\
                    Both sides said they would meet again.\n\nJane Doe is a writer based in Oxford";
        let s = analyse(text);
        assert_eq!(s.outlet.as_deref(), Some("The Independent"));
        assert_eq!(s.headline.map(|r| &text[r]), Some("Talks resume in Istanbul"));
        assert_eq!(s.dek.map(|r| &text[r]), Some("The two sides meet again, writes Jane Doe. Few expect much"));
        assert_eq!(s.authors, ["Jane Doe"]);
        assert_eq!(s.published.as_deref(), Some("2025-05-12T17:08:00+01:00"));
        assert_eq!(texts(text, &s.sections), ["Next Steps"]);
        assert_eq!(
            texts(text, &s.boilerplate),
            [
                "Stay up to date with notifications from The Independent",
                "Comment",
                "A new round of sanctions hits Russian banks and oil traders",
                "Jane Doe is a writer based in Oxford"
            ]
        );
        assert_eq!(texts(text, &s.paragraphs).len(), 2);
    }

    #[test]
    fn a_navigation_menu_above_the_story_is_no_headline() {
        let text = "Skip to main content\nMenu\nWorld\nPolitics\n\nMerz survives confidence vote\n\nFriedrich Merz won the vote on Friday by 12 votes, officials said.\n";
        assert_eq!(analyse(text).headline.map(|r| &text[r]), Some("Merz survives confidence vote"));
        // Two short lines beside a boilerplate line make a menu too.
        let text = "Skip to main content\nSign up for our newsletter\nMenu\nWorld\n\nMerz survives confidence vote\n\nFriedrich Merz won the vote on Friday by 12 votes, officials said.\n";
        assert_eq!(analyse(text).headline.map(|r| &text[r]), Some("Merz survives confidence vote"));
    }

    #[test]
    fn a_scraped_page_without_blank_lines_keeps_its_headline_and_drops_its_clutter() {
        let text = "We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies. Accept all cookies\n\
                    Manage preferences\nSkip to main content\nWorld\nEurope\nAsia\nSign in\nSubscribe\n\
                    EU ministers back new sanctions on Iran\nBy Sophie Laurent\n\
                    BRUSSELS — Ministers agreed on Monday to impose sanctions, officials said.\n\
                    Sign up for our newsletter\nGet the day's top news delivered to your inbox every morning.\nEnter your email address\n\
                    By signing up you agree to our Terms of Use and Privacy Policy.\n\
                    The sanctions freeze the assets of those listed, diplomats said.\n\
                    Topics\nIran\nSanctions\nShare this article\nFacebook\nLinkedIn\n© 2026 Global Affairs Daily. All rights reserved.\n";
        let s = analyse(text);
        assert_eq!(s.headline.map(|r| &text[r]), Some("EU ministers back new sanctions on Iran"));
        assert_eq!(s.authors, ["Sophie Laurent"]);
        assert_eq!(s.outlet.as_deref(), Some("Global Affairs Daily"));
        assert!(s.sections.is_empty(), "{:?}", texts(text, &s.sections));
        assert_eq!(texts(text, &s.paragraphs).len(), 2, "{:?}", texts(text, &s.paragraphs));
    }

    #[test]
    fn links_under_a_related_stories_label_are_boilerplate() {
        let text = "Merz survives confidence vote\n\nFriedrich Merz won the vote on Friday by 12 votes, officials said.\n\nRelated stories\nHow Europe plans to rearm\nWhat we know\n\nShare this article\n";
        let s = analyse(text);
        assert!(s.sections.is_empty(), "{:?}", texts(text, &s.sections));
        assert_eq!(texts(text, &s.boilerplate), ["Related stories", "How Europe plans to rearm", "What we know", "Share this article"]);
    }

    #[test]
    fn a_short_sentence_alone_before_a_blank_line_is_a_headline() {
        let text = "Poll finds Clinton would beat Trump.\n\nA new poll out on Monday shows a wide lead.";
        assert_eq!(analyse(text).headline.map(|r| &text[r]), Some("Poll finds Clinton would beat Trump."));
        let alone = "Russia attacked Kyiv overnight.";
        assert_eq!(analyse(alone).headline, None);
        assert_eq!(analyse(alone).paragraphs.len(), 1);
    }

    #[test]
    fn a_bare_body_has_no_header() {
        let text = "In July, the president sent a very different signal in public: he wanted talks.\nHe said so twice.";
        let s = analyse(text);
        assert_eq!(s.headline, None);
        assert_eq!(s.dek, None);
        assert_eq!(s.paragraphs.len(), 2);
    }

    #[test]
    fn a_wire_dateline_names_the_agency_and_the_date() {
        let s = analyse("Nvidia shares slide\n\nSANTA CLARA, California, Jan. 27, 2025 (AP) — Nvidia shares fell on Monday.\n");
        assert_eq!((s.outlet.as_deref(), s.published.as_deref()), (Some("Associated Press"), Some("2025-01-27")));
        let text = "LONDON, Feb 5 (Reuters) - Britain said on Thursday it would act.\n";
        let s = analyse(text);
        assert_eq!((s.outlet.as_deref(), s.published.as_deref()), (Some("Reuters"), None), "no year, no date");
        assert_eq!(s.dateline_place.map(|r| &text[r]), Some("LONDON"));
        assert_eq!(analyse("Dec 29 (Reuters) - Oil rose.\n").dateline_place, None, "a date, no place");
        let s = analyse("The mayor (a Democrat) - who won in May 2024 - said no.\n");
        assert_eq!((s.outlet.as_deref(), s.published.as_deref()), (None, None), "no agency, no dateline");
        let text = "Talks resume\n\nFRANKFURT, Germany, Nov. 25, 2025 — Talks resumed on Tuesday.\n";
        let s = analyse(text);
        assert_eq!((s.outlet.as_deref(), s.published.as_deref()), (None, Some("2025-11-25")), "no agency, a full date");
        assert_eq!(s.dateline_place.map(|r| &text[r]), Some("FRANKFURT"));
        assert_eq!(analyse("Talks resume\n\nNATO, the alliance, said — it would act.\n").dateline_place, None, "no date, no dateline");
    }

    #[test]
    fn captions_keep_their_credit_apart() {
        let text = "Headline Here\n\nLeaders meet in Lviv, Ukraine. (Markiian Lyseiko / Ukrinform / Getty Images)\n\nBody text here.";
        let s = analyse(text);
        assert_eq!(s.captions.len(), 1);
        assert_eq!(&text[s.captions[0].text.clone()], "Leaders meet in Lviv, Ukraine.");
        assert_eq!(&text[s.captions[0].credit.clone().unwrap()], "Markiian Lyseiko / Ukrinform / Getty Images");
    }

    #[test]
    fn markdown_titles_headings_and_repeats() {
        let text = "Peace Talks: A Gamble\n# Peace Talks: A Gamble\nThe war goes on.\n1. **Proxy Talks in Istanbul**\nMore text.\n## What Next\nEnd.";
        let s = analyse(text);
        assert_eq!(s.headline.map(|r| &text[r]), Some("Peace Talks: A Gamble"));
        assert_eq!(texts(text, &s.boilerplate), ["# Peace Talks: A Gamble"]);
        assert_eq!(texts(text, &s.sections), ["Proxy Talks in Istanbul", "What Next"]);
    }
}
