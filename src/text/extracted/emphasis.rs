//! Emphasis from measured runs: the italic and bold stretches of a PDF's lines become
//! [`Inline::Emphasis`] and [`Inline::Strong`] in the paragraphs, headings and footnotes those
//! lines went into. Only measured lines have runs; text has none and its inlines are left as they are.
//!
//! The body stage joins lines into blocks by their text, so each line with a styled run is
//! found again in the blocks' text, in reading order: the whole line, or the line without its
//! label or note marker (cut from the text) or without its last word (a word
//! hyphenated at the line's end is joined). A run that covers a whole block is the block's own
//! type (a heading set in bold, a quotation in italics), not emphasis, and is left out.

use super::body::{Raw, dotted_label, label};
use super::inlines::{self, Callout};
use super::lines::Line;
use crate::model::Inline;

/// A styled byte range of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Styled {
    /// Start of the range.
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// Set in a bold face.
    pub bold: bool,
    /// Set in an italic face.
    pub italic: bool,
}

/// A needle shorter than this is looked for only in the block the last line was found in and
/// the one after it: a few letters recur everywhere.
const SHORT: usize = 16;

/// The styled ranges of each block of `raw`, found from the measured `lines` the blocks were
/// read from (in the same order).
pub fn find(raw: &[Raw], lines: &[&Line]) -> Vec<Vec<Styled>> {
    let texts: Vec<Option<&str>> = raw
        .iter()
        .map(|r| match r {
            Raw::Para { text, .. } => Some(text.as_str()),
            Raw::Heading(text, _) => Some(text.as_str()),
            Raw::Table(_) => None,
        })
        .collect();
    find_in(&texts, lines)
}

/// The styled ranges of each of `texts` (`None`: a text not looked in), found from the
/// measured `lines` they were read from, in the same order.
pub fn find_in(texts: &[Option<&str>], lines: &[&Line]) -> Vec<Vec<Styled>> {
    let mut out: Vec<Vec<Styled>> = vec![Vec::new(); texts.len()];
    // Where the last line was found: (block, byte after it).
    let mut cursor = (0usize, 0usize);
    for l in lines {
        let Some(m) = &l.measured else { continue };
        if !m
            .runs
            .iter()
            .any(|r| (r.bold || r.italic) && !r.superscript)
        {
            continue;
        }
        let (folded, map) = folded_with_map(&l.text);
        let styled: Vec<Styled> = m
            .runs
            .iter()
            .filter(|r| (r.bold || r.italic) && !r.superscript)
            .filter_map(|r| {
                let (start, end) = (*map.get(r.start)?, *map.get(r.end)?);
                (end > start).then_some(Styled {
                    start,
                    end,
                    bold: r.bold,
                    italic: r.italic,
                })
            })
            .collect();
        'line: for (cs, ce) in needles(&folded) {
            let Some(needle) = folded.get(cs..ce) else {
                continue;
            };
            let reach = if needle.len() < SHORT { 2 } else { texts.len() };
            // One searcher for the needle in every block it is looked for in.
            let finder = memchr::memmem::Finder::new(needle);
            for (b, text) in texts.iter().enumerate().skip(cursor.0).take(reach) {
                let Some(text) = text else { continue };
                let from = if b == cursor.0 { cursor.1 } else { 0 };
                let Some(at) = find_words(text, needle, &finder, from) else {
                    continue;
                };
                for s in &styled {
                    let (start, end) = (s.start.max(cs), s.end.min(ce));
                    if start < end
                        && let Some(v) = out.get_mut(b)
                    {
                        v.push(Styled {
                            start: at + start - cs,
                            end: at + end - cs,
                            ..*s
                        });
                    }
                }
                cursor = (b, at + needle.len());
                break 'line;
            }
        }
    }
    for (ranges, text) in out.iter_mut().zip(texts) {
        *ranges = tidy(std::mem::take(ranges), text.unwrap_or_default());
    }
    out
}

/// Where `needle` stands in `text` at or after `from` as whole words (no letter or digit
/// glued to either end).
fn find_words(
    text: &str,
    needle: &str,
    finder: &memchr::memmem::Finder<'_>,
    from: usize,
) -> Option<usize> {
    let mut search = from;
    loop {
        // A byte match of a whole `&str` needle in a `&str` starts and ends on character
        // boundaries, as `str::find`'s does.
        let at = search + finder.find(text.get(search..)?.as_bytes())?;
        let end = at + needle.len();
        let before = text.get(..at)?.chars().next_back();
        let after = text.get(end..)?.chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        search = at + needle.chars().next().map_or(1, char::len_utf8);
    }
}

/// The stretches of a folded line to look for, best first: the whole line, the line after its
/// label, and each without its last word.
fn needles(folded: &str) -> Vec<(usize, usize)> {
    // A paragraph's label, or a footnote's marker (`12 `, `* `), is not in the text.
    let marker = folded
        .split_once(' ')
        .filter(|(m, _)| {
            (1..=3).contains(&m.len())
                && (m.bytes().all(|b| b.is_ascii_digit()) || m.bytes().all(|b| b == b'*'))
        })
        .map(|(_, rest)| rest);
    let start = label(folded)
        .or_else(|| dotted_label(folded))
        .map(|(_, rest)| rest)
        .or(marker)
        .map_or(0, |rest| folded.len() - rest.len());
    let cut = folded.rfind(' ').unwrap_or(0);
    let mut out = vec![(0, folded.len())];
    if start > 0 {
        out.push((start, folded.len()));
    }
    if cut > start {
        out.push((0, cut));
        if start > 0 {
            out.push((start, cut));
        }
    }
    // A piece of a line of a word or two is found anywhere: only whole lines are that short.
    out.retain(|&(s, e)| (s, e) == (0, folded.len()) || e - s >= SHORT);
    out
}

/// Folds a line's white space as [`super::lines::fold`] does, with where each byte of the
/// line lands in the folded text (`len + 1` entries; a space maps to the end of the word
/// before it).
fn folded_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = vec![0; text.len() + 1];
    let mut pending = false;
    for (i, c) in text.char_indices() {
        let here = if c.is_whitespace() {
            pending = !out.is_empty();
            out.len()
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.len()
        };
        for k in map.get_mut(i..i + c.len_utf8()).unwrap_or_default() {
            *k = here;
        }
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    if let Some(last) = map.last_mut() {
        *last = out.len();
    }
    (out, map)
}

/// Sorts the ranges, joins neighbours of one style that only white space parts, and drops a
/// range with no letter or digit and one that covers the whole text.
fn tidy(mut ranges: Vec<Styled>, text: &str) -> Vec<Styled> {
    ranges.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Styled> = Vec::with_capacity(ranges.len());
    for s in ranges {
        match out.last_mut() {
            Some(p)
                if p.bold == s.bold
                    && p.italic == s.italic
                    && s.start >= p.end
                    && text
                        .get(p.end..s.start)
                        .is_some_and(|gap| gap.trim().is_empty()) =>
            {
                p.end = s.end;
            }
            Some(p) if s.start < p.end => {}
            _ => out.push(s),
        }
    }
    let body = text.trim();
    out.retain(|s| {
        text.get(s.start..s.end)
            .is_some_and(|t| t.chars().any(char::is_alphanumeric) && t.trim().len() < body.len())
    });
    out
}

/// [`inlines::to_inlines`] with the styled ranges wrapped: italic in [`Inline::Emphasis`],
/// bold in [`Inline::Strong`] (both: strong emphasis). A range is cut back so that no call-out
/// straddles its edge.
pub fn to_inlines(
    text: &str,
    callouts: &[Callout],
    superscripts: &[String],
    styled: &[Styled],
) -> Vec<Inline> {
    if styled.is_empty() {
        return inlines::to_inlines(text, callouts, superscripts);
    }
    let mut out: Vec<Inline> = Vec::new();
    let mut last = 0;
    for s in styled {
        let (mut a, mut b) = (s.start, s.end);
        for c in callouts {
            if c.start < b && c.end > a {
                if c.start <= a {
                    a = a.max(c.end);
                } else {
                    b = b.min(c.start);
                }
            }
        }
        if a < last || b <= a || text.get(a..b).is_none() || text.get(last..a).is_none() {
            continue;
        }
        out.extend(piece(text, last, a, callouts, superscripts));
        let content = piece(text, a, b, callouts, superscripts);
        if content.is_empty() {
            continue;
        }
        let wrapped = match (s.bold, s.italic) {
            (true, true) => Inline::Strong {
                content: vec![Inline::Emphasis { content }],
            },
            (true, false) => Inline::Strong { content },
            _ => Inline::Emphasis { content },
        };
        out.push(wrapped);
        last = b;
    }
    out.extend(piece(text, last, text.len(), callouts, superscripts));
    out
}

/// The inlines of `text[from..to]`, with the call-outs inside it.
fn piece(
    text: &str,
    from: usize,
    to: usize,
    callouts: &[Callout],
    superscripts: &[String],
) -> Vec<Inline> {
    let Some(part) = text.get(from..to) else {
        return Vec::new();
    };
    if part.is_empty() {
        return Vec::new();
    }
    let inside: Vec<Callout> = callouts
        .iter()
        .filter(|c| c.start >= from && c.end <= to)
        .map(|c| Callout {
            start: c.start - from,
            end: c.end - from,
            marker: c.marker.clone(),
        })
        .collect();
    inlines::to_inlines(part, &inside, superscripts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_needle_is_found_as_whole_words() {
        let find = |text, needle| find_words(text, needle, &memchr::memmem::Finder::new(needle), 0);
        assert_eq!(find("significantly a", "a"), Some(14));
        assert_eq!(find("the Charter, a", "Charter"), Some(4));
        assert_eq!(find("Charters", "Charter"), None);
    }

    #[test]
    fn folding_maps_each_byte_to_its_place() {
        let (folded, map) = folded_with_map("  a   bc d");
        assert_eq!(folded, "a bc d");
        // `b` (byte 6) lands at 2, the spaces after `a` at 1 (the end of `a`).
        assert_eq!(map.get(6), Some(&2));
        assert_eq!(map.get(3), Some(&1));
        assert_eq!(map.last(), Some(&6));
    }

    #[test]
    fn a_range_covering_the_whole_text_is_no_emphasis() {
        let whole = Styled {
            start: 0,
            end: 10,
            bold: true,
            italic: false,
        };
        assert!(tidy(vec![whole], "Background").is_empty());
        let text = "See the Charter today";
        let part = Styled {
            start: 8,
            end: 15,
            bold: false,
            italic: true,
        };
        assert_eq!(tidy(vec![part], text), vec![part]);
        let all = Styled { end: 21, ..part };
        assert!(tidy(vec![Styled { start: 0, ..all }], text).is_empty());
    }

    #[test]
    fn neighbours_in_one_style_join() {
        let text = "the United Nations Charter";
        let a = Styled {
            start: 4,
            end: 10,
            bold: false,
            italic: true,
        };
        let b = Styled {
            start: 11,
            end: 18,
            ..a
        };
        assert_eq!(tidy(vec![b, a], text), vec![Styled { end: 18, ..a }]);
    }

    #[test]
    fn styled_ranges_wrap_and_call_outs_stay_outside() {
        let text = "as the Charter1 says";
        let callouts = [Callout {
            start: 14,
            end: 15,
            marker: "1".into(),
        }];
        let styled = [Styled {
            start: 7,
            end: 15,
            bold: false,
            italic: true,
        }];
        let got = to_inlines(text, &callouts, &[], &styled);
        assert_eq!(
            got,
            vec![
                Inline::text("as the "),
                Inline::Emphasis {
                    content: vec![Inline::text("Charter")]
                },
                Inline::FootnoteRef { marker: "1".into() },
                Inline::text(" says"),
            ]
        );
    }
}
