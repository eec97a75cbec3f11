//! Footnote blocks: the text under a separator rule at the foot of a page (or a starred note
//! without one, or a Word footnote line starting with a superscript), cut into numbered, starred or
//! superscript notes. The blocks come out of the line flow so the paragraph they interrupt joins
//! up again; each block stays where it was so it can be given to the letter or annex it belongs to.

use super::body::join_line;
use super::furniture::is_separator;
use super::lines::{Form, Line, Zone, fold};

/// A footnote as read: marker, text, and the input line it started on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The marker as printed (`1`, `*`); superscripts are given as plain digits.
    pub marker: String,
    /// The footnote text, whitespace folded.
    pub text: String,
    /// The 1-based input line the note starts on.
    pub line: usize,
    /// The 0-based page whose foot holds the note: its call-out is on that page.
    pub page: usize,
}

/// One item of the flow: a line of running text, or a block of footnotes.
#[derive(Debug, Clone)]
pub enum Item {
    /// A line of text.
    Line(Line),
    /// The footnotes printed at this point.
    Notes(Vec<Note>),
}

const SUPERSCRIPTS: [(char, char); 10] = [
    ('⁰', '0'),
    ('¹', '1'),
    ('²', '2'),
    ('³', '3'),
    ('⁴', '4'),
    ('⁵', '5'),
    ('⁶', '6'),
    ('⁷', '7'),
    ('⁸', '8'),
    ('⁹', '9'),
];

/// The digit a superscript stands for.
pub fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS.iter().find(|(s, _)| *s == c).map(|(_, d)| *d)
}

/// Takes the footnote blocks out of the lines.
pub fn extract(lines: Vec<Line>, form: Form) -> Vec<Item> {
    let mut items = Vec::with_capacity(lines.len());
    let mut state = Numbering::default();
    if form == Form::Word {
        for line in lines {
            match word_note(&line) {
                Some(note) => items.push(Item::Notes(vec![note])),
                None => items.push(Item::Line(line)),
            }
        }
        return items;
    }
    let mut seen_star_callout = false;
    let mut page: Vec<Line> = Vec::new();
    for line in lines {
        if page.last().is_some_and(|l| l.page != line.page) {
            flush_page(
                std::mem::take(&mut page),
                &mut items,
                &mut state,
                &mut seen_star_callout,
            );
        }
        page.push(line);
    }
    flush_page(page, &mut items, &mut state, &mut seen_star_callout);
    items
}

fn flush_page(
    page: Vec<Line>,
    items: &mut Vec<Item>,
    state: &mut Numbering,
    seen_star_callout: &mut bool,
) {
    let mut page = page;
    // A measured footnote zone (smaller lines at the page's foot, opening with a marker) comes
    // first; text falls back to the separator rule and the starred note.
    let zone_start = page
        .iter()
        .position(|l| {
            l.measured
                .as_ref()
                .is_some_and(|m| m.zone == Zone::Footnote)
        })
        .or_else(|| page.iter().position(|l| is_separator(&l.text)))
        .or_else(|| glued_separator(&mut page))
        .or_else(|| star_zone(&page, *seen_star_callout))
        .or_else(|| unruled_zone(&page, state));
    let body_end = zone_start.unwrap_or(page.len());
    // A star after the first byte (a byte search: `*` is ASCII), once seen, need not be looked for.
    if !*seen_star_callout {
        *seen_star_callout = page.iter().take(body_end).any(|l| {
            l.text
                .as_bytes()
                .get(1..)
                .is_some_and(|b| memchr::memchr(b'*', b).is_some())
        });
    }
    let zone: Vec<Line> = page.drain(body_end..).collect();
    items.extend(page.into_iter().map(Item::Line));
    if !zone.is_empty() {
        // A measured zone that opens without a marker goes on with the last note of a page
        // before (a note carried over); text cannot tell such lines from a note whose marker
        // was lost.
        let carried = zone
            .first()
            .is_some_and(|l| l.measured.is_some())
            .then(|| {
                items.iter_mut().rev().find_map(|it| match it {
                    Item::Notes(n) => n.last_mut(),
                    Item::Line(_) => None,
                })
            })
            .flatten();
        let notes = parse_zone(&zone, state, carried);
        if !notes.is_empty() {
            items.push(Item::Notes(notes));
        }
    }
}

/// A separator rule that extraction glued to the end of the page's last line of text
/// (`... enable pseudonymous cross __________________`): the rule is cut off the line and the
/// footnote zone starts on the next line.
fn glued_separator(page: &mut [Line]) -> Option<usize> {
    let at = page.iter().position(|l| trailing_rule(&l.text).is_some())?;
    let line = page.get_mut(at)?;
    let cut = trailing_rule(&line.text)?;
    line.text.truncate(cut);
    Some(at + 1)
}

/// Where a trailing rule of underscores (after a space) starts in a line of text.
fn trailing_rule(t: &str) -> Option<usize> {
    let body = t.trim_end_matches('_');
    let rule = t.len() - body.len();
    let text = body.trim_end();
    (rule >= 10 && text.len() < body.len() && !text.is_empty()).then_some(text.len())
}

/// A starred note at the foot of a page with no separator rule before it (the first page's
/// `* Circulated in the language of submission only.`): the first star-marked line among the
/// page's last lines, when a star call-out appeared earlier.
fn star_zone(page: &[Line], seen_star_callout: bool) -> Option<usize> {
    let from = page.len().saturating_sub(6).max(1);
    (from..page.len()).find(|&i| {
        let starred = page.get(i).is_some_and(|l| {
            let t = l.text.trim_start_matches('*');
            // A row of stars (`* * * * *`) sets sections apart: no note.
            l.text.starts_with('*')
                && t.len() < l.text.len()
                && t.starts_with([' ', '\t'])
                && t.contains(char::is_alphanumeric)
        });
        starred
            && (seen_star_callout
                || page
                    .iter()
                    .take(i)
                    .any(|l| l.text.char_indices().any(|(k, c)| c == '*' && k > 0)))
    })
}

/// A footnote zone whose separator is a drawn rule, which extraction does not print: among
/// the page's last lines, after a blank line, a line that opens with the next note's number
/// and a capital (`1 Independent country programme evaluations ...`), or that number alone
/// before lines of text, when a line of the page above ends with that number as a call-out
/// (`... (see table 1). 1`). Measured pages have their zone measured.
fn unruled_zone(page: &[Line], state: &Numbering) -> Option<usize> {
    if page.iter().any(|l| l.measured.is_some()) {
        return None;
    }
    let marker = (state.last + 1).to_string();
    let from = page.len().saturating_sub(8).max(1);
    (from..page.len()).find(|&i| {
        page.get(i).is_some_and(|l| {
            let rest = l.text.strip_prefix(marker.as_str());
            // The marker and its text, or the marker alone with the text lines after it.
            let opens = rest
                .and_then(|r| r.strip_prefix(' '))
                .is_some_and(|r| r.starts_with(char::is_uppercase))
                || rest == Some("")
                    && page
                        .get(i + 1..)
                        .unwrap_or_default()
                        .iter()
                        .any(|n| n.text.starts_with(char::is_uppercase));
            l.blank_before && opens
        }) && page.get(..i).unwrap_or_default().iter().any(|l| {
            l.text
                .trim_end()
                .rsplit_once(' ')
                .is_some_and(|(head, last)| {
                    last == marker && head.ends_with(['.', ',', ')', ';', '”', ':'])
                })
        })
    })
}

#[derive(Default)]
struct Numbering {
    last: u32,
}

impl Numbering {
    /// Whether `n` can be the next note's marker. Numbering starts again at 1 (a new annex),
    /// but not inside a note whose sentence is open: `...against women”,` / `1 March 2021.` is
    /// a date going on with it.
    fn plausible(&self, n: u32, alone: bool, open: bool) -> bool {
        if n == 0 {
            return false;
        }
        n == self.last + 1 || n == 1 && !open || (alone && n > self.last && n <= self.last + 3)
    }
}

/// The marker a footnote line starts with, and the text after it. `open`: the note before
/// ends with its sentence left open.
fn leading_marker<'a>(t: &'a str, state: &Numbering, open: bool) -> Option<(String, &'a str)> {
    let stars = t.len() - t.trim_start_matches('*').len();
    if stars > 0 && stars <= 3 {
        let rest = &t[stars..];
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            return Some((t[..stars].to_string(), rest.trim()));
        }
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    let n: u32 = t[..digits].parse().ok()?;
    if rest.is_empty() {
        return state
            .plausible(n, true, open)
            .then(|| (t[..digits].to_string(), ""));
    }
    if rest.starts_with([' ', '\t']) && state.plausible(n, false, open) {
        let r = rest.trim();
        if r.starts_with(|c: char| c.is_uppercase() || !c.is_alphanumeric()) || is_address(r) {
            return Some((t[..digits].to_string(), r));
        }
    }
    None
}

/// Whether a note's text opens with a web address: many notes are one address, in lower case
/// (`1 https://webtv.un.org/...`), and open a note as a capital does.
fn is_address(t: &str) -> bool {
    t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")
}

/// A bare marker: one to three digits alone on a line.
fn bare_number(t: &str) -> Option<u32> {
    (t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// The notes of a zone whose first notes lost their markers to its end: extraction prints the
/// texts of the zone's first notes before any marker and their markers last, after the others
/// (`Ibid.` / `Sara Duerto-Valero ...` / `168` / `UNICEF ...` / `166` / `167`). The trailing
/// markers, consecutive and below the first marker printed in place, number the notes of the
/// leading text, cut where a line opens in capitals after a finished sentence. `None` when
/// the zone is not shaped so, or the leading text has not enough such cuts.
fn leading_notes(lines: &[(&Line, String)]) -> Option<(Vec<Note>, usize, usize)> {
    let trailing = lines
        .iter()
        .rev()
        .take_while(|(_, t)| bare_number(t).is_some())
        .count();
    let end = lines.len() - trailing;
    let (body, tail) = lines.split_at(end);
    let markers: Vec<u32> = tail.iter().filter_map(|(_, t)| bare_number(t)).collect();
    // The first marker printed in place comes next after the trailing ones; a line of the
    // leading text may open with another number (`27 January 2025. According ...`).
    let in_place = markers.last()? + 1;
    let first = body.iter().position(|(_, t)| {
        let d = t.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&d)
            && matches!(t.as_bytes().get(d), None | Some(b' '))
            && t.get(..d).and_then(|n| n.parse().ok()) == Some(in_place)
    })?;
    let (leading, _) = body.split_at(first);
    let consecutive = markers
        .iter()
        .zip(markers.iter().skip(1))
        .all(|(a, b)| *b == a + 1);
    if leading.is_empty() || !consecutive {
        return None;
    }
    // The leading text in notes, each opening where a capital follows a finished sentence.
    let mut notes: Vec<Note> = Vec::new();
    let mut prev_ended = false;
    for (line, t) in leading {
        let opens = notes.is_empty()
            || prev_ended
                && (t.starts_with(char::is_uppercase) || is_address(t))
                && notes.len() < markers.len();
        match notes.last_mut() {
            Some(n) if !opens => join_line(&mut n.text, t),
            _ => notes.push(Note {
                marker: markers.get(notes.len())?.to_string(),
                text: t.clone(),
                line: line.line,
                page: line.page,
            }),
        }
        prev_ended = ends_sentence(t);
    }
    (notes.len() == markers.len()).then_some((notes, first, end))
}

fn parse_zone(zone: &[Line], state: &mut Numbering, mut carried: Option<&mut Note>) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    // Index of the note receiving text; markers printed alone wait for their text.
    let mut filling: Option<usize> = None;
    let mut prev_ended = true;
    let lines: Vec<(&Line, String)> = zone
        .iter()
        .filter(|l| !is_separator(&l.text))
        .map(|l| (l, fold(&l.text)))
        .collect();
    let mut lines = lines.as_slice();
    if zone.iter().all(|l| l.measured.is_none())
        && let Some((leading, first, end)) = leading_notes(lines)
    {
        if let Some(n) = leading.last().and_then(|n| n.marker.parse().ok()) {
            state.last = n;
        }
        filling = Some(leading.len() - 1);
        prev_ended = leading.last().is_some_and(|n| ends_sentence(&n.text));
        notes = leading;
        lines = lines.get(first..end).unwrap_or_default();
    }
    let last_line = lines.last().map(|(l, _)| l.line);
    for (line, t) in lines {
        let t = t.as_str();
        // The page's own number printed last under its notes (`4` on the fourth page) is no
        // marker.
        if Some(line.line) == last_line
            && bare_number(t).is_some_and(|n| usize::try_from(n).is_ok_and(|n| n == line.page + 1))
        {
            continue;
        }
        // A bare number naming a note of this zone that has its text already: its marker,
        // printed after the text (extraction order), not more words of the note before.
        if bare_number(t).is_some() && notes.iter().any(|n| n.marker == t && !n.text.is_empty()) {
            continue;
        }
        // A measured line that opens with raised digits opens a note of that number, whatever
        // the numbering expected (a note missed before would throw every later one off).
        let raised = line.measured.as_ref().is_some_and(|m| {
            m.runs
                .first()
                .is_some_and(|r| r.superscript && r.start == 0 && r.end > 0)
        }) && opens_like_note(t);
        let marker = leading_marker(t, state, !prev_ended).or_else(|| {
            raised
                .then(|| t.split_once(' '))
                .flatten()
                .map(|(m, rest)| (m.to_string(), rest.trim()))
                .filter(|(_, rest)| !rest.starts_with(char::is_lowercase) || is_address(rest))
        });
        if let Some((marker, rest)) = marker {
            // A marker printed after its text (extraction order): the note already has it.
            if rest.is_empty()
                && notes
                    .iter()
                    .any(|n| n.marker == marker && !n.text.is_empty())
            {
                continue;
            }
            if let Ok(n) = marker.parse::<u32>() {
                state.last = n;
            }
            notes.push(Note {
                marker,
                text: rest.to_string(),
                line: line.line,
                page: line.page,
            });
            if !rest.is_empty() {
                filling = Some(notes.len() - 1);
            }
            prev_ended = rest.is_empty() || ends_sentence(rest);
            continue;
        }
        let starts_new = prev_ended && (t.starts_with(|c: char| c.is_uppercase()) || is_address(t));
        let next_empty = notes.iter().position(|n| n.text.is_empty());
        let target = match (filling, next_empty) {
            (None, Some(e)) => Some(e),
            (Some(f), Some(e)) if starts_new && e > f => Some(e),
            (Some(f), _) => Some(f),
            (None, None) => None,
        };
        let target = match target {
            Some(i) => i,
            // A line that opens with a number and a space is a note whose marker is not the one
            // expected (`2 https://...`), not more of the note before (`2023), p. 4`).
            None if notes.is_empty()
                && !opens_like_note(t)
                && let Some(note) = carried.as_deref_mut() =>
            {
                join_line(&mut note.text, t);
                prev_ended = ends_sentence(t);
                continue;
            }
            None => {
                state.last += 1;
                notes.push(Note {
                    marker: state.last.to_string(),
                    text: String::new(),
                    line: line.line,
                    page: line.page,
                });
                notes.len() - 1
            }
        };
        // A word or an address cut at a hyphen at the line's end joins up again
        // (`.../response-armenian-government-letter-` / `town-khojaly-...`).
        if let Some(n) = notes.get_mut(target) {
            join_line(&mut n.text, t);
        }
        filling = Some(target);
        prev_ended = ends_sentence(t);
    }
    notes
}

/// Whether a line opens with what may be a note's marker: one to three digits or stars, then a
/// space.
fn opens_like_note(t: &str) -> bool {
    let marker = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '*')
        .count();
    (1..=3).contains(&marker) && t.chars().nth(marker) == Some(' ')
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end_matches(['”', '’', '"', ')', ']'])
        .ends_with(['.', '!', '?'])
}

/// A Word footnote line: superscript digits, then the text.
fn word_note(line: &Line) -> Option<Note> {
    let t = line.text.trim();
    let mut marker = String::new();
    let mut rest = t;
    for c in t.chars() {
        match superscript_digit(c) {
            Some(d) => {
                marker.push(d);
                rest = &rest[c.len_utf8()..];
            }
            None => break,
        }
    }
    if marker.is_empty() || !rest.starts_with(' ') {
        return None;
    }
    Some(Note {
        marker,
        text: fold(rest),
        line: line.line,
        page: line.page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extracted::lines::split;

    /// The notes `extract` takes out of `lines`: marker and text.
    fn extracted_notes(lines: Vec<Line>, form: Form) -> Vec<(String, String)> {
        extract(lines, form)
            .into_iter()
            .filter_map(|i| match i {
                Item::Notes(n) => Some(n),
                Item::Line(_) => None,
            })
            .flatten()
            .map(|n| (n.marker, n.text))
            .collect()
    }

    fn notes_of(text: &str) -> Vec<(String, String)> {
        extracted_notes(split(text, Form::Default), Form::Default)
    }

    /// Measured footnote lines: page, text, and whether the text opens with a raised marker.
    fn measured_notes(lines: &[(usize, &str, bool)]) -> Vec<(String, String)> {
        let lines: Vec<Line> = lines
            .iter()
            .enumerate()
            .map(|(k, &(page, text, raised))| {
                let marker = text.bytes().take_while(u8::is_ascii_digit).count();
                let runs = if raised {
                    vec![crate::text::extracted::lines::Run {
                        start: 0,
                        end: marker,
                        superscript: true,
                        ..Default::default()
                    }]
                } else {
                    Vec::new()
                };
                Line {
                    text: text.into(),
                    line: k + 1,
                    col: 1,
                    indent: 0,
                    page,
                    blank_before: false,
                    page_start: false,
                    measured: Some(Box::new(crate::text::extracted::lines::Measured {
                        zone: Zone::Footnote,
                        runs,
                        ..Default::default()
                    })),
                }
            })
            .collect();
        extracted_notes(lines, Form::Layout)
    }

    #[test]
    fn a_measured_zone_without_a_marker_goes_on_with_the_note_before() {
        let n = measured_notes(&[
            (0, "41 This report can be found here along with the", true),
            (1, "guidance note.", false),
            (1, "42 Reports for the regional reviews.", true),
            // A raised marker out of the expected sequence still opens its note.
            (1, "45 See the annex.", true),
        ]);
        assert_eq!(
            n,
            vec![
                (
                    "41".into(),
                    "This report can be found here along with the guidance note.".into()
                ),
                ("42".into(), "Reports for the regional reviews.".into()),
                ("45".into(), "See the annex.".into()),
            ]
        );
    }

    #[test]
    fn markers_alone_then_texts() {
        let n = notes_of(
            "Body text. 1\nMore. 2\n__________________\n1\n2\nFirst note.\nSecond note.\n",
        );
        assert_eq!(
            n,
            vec![
                ("1".into(), "First note.".into()),
                ("2".into(), "Second note.".into())
            ]
        );
    }

    #[test]
    fn markers_of_the_first_notes_printed_last_number_the_leading_text() {
        let n = notes_of(
            "Body. 41 More body. 42 And more. 43\n__________________\nIbid.\n\
             Maria Ortega, Rivers of the Andes (Lima, 2021).\n43\nSee the annex.\n41\n42\n",
        );
        assert_eq!(
            n,
            vec![
                ("41".into(), "Ibid.".into()),
                (
                    "42".into(),
                    "Maria Ortega, Rivers of the Andes (Lima, 2021).".into()
                ),
                ("43".into(), "See the annex.".into()),
            ]
        );
    }

    #[test]
    fn notes_that_are_web_addresses_open_as_a_capital_does() {
        // The first two notes' markers printed last; the texts are addresses in lower case.
        let n = notes_of(
            "Body. 1 More. 2 And more. 3\n__________________\nhttps://webtv.example.org/k1c.\n\
             https://webtv.example.org/k1x.\n3\nhttps://x.example.com/status/1849.\n1\n2\n",
        );
        assert_eq!(
            n,
            vec![
                ("1".into(), "https://webtv.example.org/k1c.".into()),
                ("2".into(), "https://webtv.example.org/k1x.".into()),
                ("3".into(), "https://x.example.com/status/1849.".into()),
            ]
        );
    }

    #[test]
    fn a_date_opening_a_line_of_the_leading_notes_is_no_marker() {
        let n = notes_of(
            "Body. 3 More. 4 And more. 5\n__________________\nSee the report.\n\
             Some 100 men attacked the town on\n27 January 2025. More were killed.\n5\n\
             See the annex.\n3\n4\n",
        );
        assert_eq!(
            n,
            vec![
                ("3".into(), "See the report.".into()),
                (
                    "4".into(),
                    "Some 100 men attacked the town on 27 January 2025. More were killed.".into()
                ),
                ("5".into(), "See the annex.".into()),
            ]
        );
    }

    #[test]
    fn a_zone_under_a_drawn_rule_opens_with_the_next_marker_after_its_call_out() {
        // No separator printed: the note is found by its marker, its capital and its call-out.
        let n = notes_of(
            "The greatest number of evaluations was conducted in the region\n\
             (see table 1). 1\n\n1 Evaluations for three countries were deferred.\n",
        );
        assert_eq!(
            n,
            vec![(
                "1".into(),
                "Evaluations for three countries were deferred.".into()
            )]
        );
        // Without the call-out, a line opening with a number is text.
        assert!(notes_of("The region was visited.\n\n1 Evaluations were deferred.\n").is_empty());
    }

    #[test]
    fn the_page_number_under_the_notes_is_no_marker() {
        let n =
            notes_of("First page.\n\u{c}Body text. 1\n__________________\n1 See the annex.\n\n2\n");
        assert_eq!(n, vec![("1".into(), "See the annex.".into())]);
    }

    #[test]
    fn a_date_opening_a_line_inside_a_note_is_no_new_numbering() {
        let n = notes_of(
            "Body. 1 More. 2\n__________________\n1\nPolicy Institute, “Counting what matters”,\n\
             1 March 2021.\n2\nSee the annex.\n",
        );
        assert_eq!(
            n,
            vec![
                (
                    "1".into(),
                    "Policy Institute, “Counting what matters”, 1 March 2021.".into()
                ),
                ("2".into(), "See the annex.".into()),
            ]
        );
    }

    #[test]
    fn a_note_cut_at_a_hyphen_joins_up_again() {
        let n = notes_of(
            "Body. 1\n__________________\n1\nSee www.example.org/news/response-to-the-\n\
             letter-of-the-ministry and the Attorney-\nGeneral's reply.\n",
        );
        assert_eq!(
            n,
            vec![(
                "1".into(),
                "See www.example.org/news/response-to-the-letter-of-the-ministry and the \
                 Attorney-General's reply."
                    .into()
            )]
        );
    }

    #[test]
    fn star_note_without_rule() {
        let n = notes_of(
            "Title\nSome text (see annex).*\nMore text.\n* Circulated in the language of submission only.\n",
        );
        assert_eq!(
            n,
            vec![(
                "*".into(),
                "Circulated in the language of submission only.".into()
            )]
        );
    }
}
