//! How wide text prints, in average characters of a proportional font ([`measure`]), and the
//! widths a text shows of the room it was set in ([`Widths`]): a full line's, a paragraph's first
//! line's, and the bounds under which the next word would have fitted.

use std::borrow::Cow;

use super::labels::{ends_sentence, is_label_line};
use super::{View, starts_upper};
use crate::text::extracted::inlines::holds_link;
use crate::text::extracted::lines::{Line, fold_ref, has_column_gap};
use crate::text::extracted::masthead::ends_open;

/// How wide a line prints with the next line's first word after it: the room that word would
/// have needed. Measured as one string, rounded once: rounding the line and the word apart is
/// off by up to a character and a half, as much as the slack between a full line and a short one.
///
/// `line` is the line's width in thousandths of an em ([`units`]), measured once per line.
pub(super) fn with_next_word(line: u32, next: &str) -> usize {
    let word = next.split_whitespace().next().unwrap_or("");
    let room = if word.is_empty() {
        0
    } else {
        advance(' ') + units(word)
    };
    in_characters(line + room)
}

/// How wide a piece of text prints, in average characters: letters are set in a proportional
/// font (Times New Roman advance widths, in thousandths of an em), so `illicit` takes less room
/// than `Moscow`. Whether the next word would have fitted on a line is judged on this measure.
pub fn measure(t: &str) -> usize {
    in_characters(units(t))
}

/// A width in thousandths of an em, in average characters.
pub(super) fn in_characters(units: u32) -> usize {
    ((units + AVERAGE / 2) / AVERAGE) as usize
}

/// How wide a piece of text prints, in thousandths of an em.
pub(super) fn units(t: &str) -> u32 {
    // Most lines are ASCII: their bytes are their characters, summed without decoding.
    if t.is_ascii() {
        t.bytes()
            .map(|b| ASCII_ADVANCE.get(usize::from(b)).copied().unwrap_or(0))
            .sum()
    } else {
        t.chars()
            .map(|c| match ASCII_ADVANCE.get(c as usize) {
                Some(&a) => a,
                None => advance(c),
            })
            .sum()
    }
}

/// [`advance`] of every ASCII character, looked up rather than matched: every line of a letter is
/// measured.
// Built at compile time: `i` runs over 0..128, the table's length.
#[allow(clippy::indexing_slicing)]
const ASCII_ADVANCE: [u32; 128] = {
    let mut table = [0; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = advance(i as u8 as char);
        i += 1;
    }
    table
};

/// The advance width of an average character of running text (space included).
const AVERAGE: u32 = 450;

const fn advance(c: char) -> u32 {
    match c {
        ' ' | '.' | ',' | '\'' | '‘' | '’' => 250,
        'i' | 'j' | 'l' | 't' | ':' | ';' | '/' | '!' | '|' => 278,
        'f' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '"' => 333,
        's' | 'J' => 389,
        'a' | 'c' | 'e' | 'z' | '?' | '“' | '”' => 444,
        'F' | 'P' | 'S' => 556,
        'E' | 'L' | 'T' | 'Z' => 611,
        'B' | 'C' | 'R' => 667,
        'w' | 'A' | 'D' | 'G' | 'H' | 'K' | 'N' | 'O' | 'Q' | 'U' | 'V' | 'X' | 'Y' => 722,
        'm' => 778,
        'M' | '%' => 889,
        'W' => 944,
        '–' => 500,
        '—' | '@' => 1000,
        '0'..='9' => 500,
        c if c.is_lowercase() => 500,
        c if c.is_uppercase() => 700,
        _ => 500,
    }
}

/// What the lines of a text show of the room it was set in, in the units of [`measure`]. A
/// line whose next line goes on in lower case was full: its next word did not fit, so its room
/// lies between its own length and its length with that word. Over many such lines this bounds
/// the room of a full line and of a paragraph's first line (shortened by the print indent) more
/// tightly than line lengths alone, and it follows the text wherever it is wrapped anew.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Widths {
    /// The width of a full line: the 90th percentile of line lengths (at least 50).
    pub full: usize,
    /// The least a full line and the word that did not fit after it measure (a low
    /// percentile, for robustness): a line whose next word would have fitted under this
    /// ended its paragraph.
    pub full_bound: Option<usize>,
    /// The same for the first line of a paragraph.
    pub first_bound: Option<usize>,
    /// The longest first line of a paragraph that went on: a line after a finished sentence
    /// is taken for a shortened first line only when no longer.
    pub first_room: Option<usize>,
}

impl Widths {
    /// Where `self` lacks the evidence, what `other` (the whole document) shows.
    /// Bounds are borrowed only from text set about as wide.
    pub(super) fn or(self, other: Widths) -> Widths {
        let like = other.full.abs_diff(self.full) * 10 <= self.full;
        let borrow = |mine: Option<usize>, theirs: Option<usize>| mine.or(theirs.filter(|_| like));
        Widths {
            // A section of many lines shows its own width (a letter set narrower than the report
            // it transmits); a short one may hold no full line.
            full: if self.full_bound.is_some() && self.full > 50 {
                self.full
            } else {
                self.full.max(other.full)
            },
            full_bound: borrow(self.full_bound, other.full_bound),
            first_bound: borrow(self.first_bound, other.first_bound),
            // The longest first line seen: a few first lines of a short section fall short of
            // the room that the whole document's first lines show.
            first_room: match (self.first_room, other.first_room.filter(|_| like)) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
        }
    }
}

/// One line as the width estimate sees it.
struct Probe<'a> {
    text: &'a str,
    /// Its width, in thousandths of an em.
    units: u32,
    len: usize,
    blank_before: bool,
}

/// The widths of a run of lines (column lines of tables and contents left out).
fn widths_from(probes: &[Probe]) -> Widths {
    let mut lens: Vec<usize> = probes.iter().map(|p| p.len).collect();
    let full = percentile90(&mut lens);
    let (mut mids, mut firsts, mut first_lens) = (Vec::new(), Vec::new(), Vec::new());
    for (i, v) in probes.iter().enumerate() {
        let (Some(p), Some(n)) = (
            i.checked_sub(1).and_then(|k| probes.get(k)),
            probes.get(i + 1),
        ) else {
            continue;
        };
        // Continued in lower case, not at a hyphen (where the word itself was cut).
        if n.blank_before
            || !n.text.starts_with(char::is_lowercase)
            || v.text.ends_with(['-', '\u{ad}'])
            || is_label_line(v.text)
        {
            continue;
        }
        let bound = with_next_word(v.units, n.text);
        // Short lines going on in lower case are a table's cells or a list's entries.
        if bound > full + full / 4 || v.len * 10 < full * 7 {
            continue;
        }
        let starts = v.blank_before
            || ends_sentence(p.text) && p.len * 10 <= full * 7 && starts_upper(v.text);
        if starts {
            firsts.push(bound);
            first_lens.push(v.len);
        } else if !v.blank_before
            && !ends_sentence(p.text)
            && p.len * 10 >= full * 8
            // A capital after a line without a full stop may start a paragraph after a heading.
            && (!starts_upper(v.text) || ends_open(p.text) || p.text.ends_with(','))
        {
            mids.push(bound);
        }
    }
    mids.sort_unstable();
    firsts.sort_unstable();
    first_lens.sort_unstable();
    Widths {
        full,
        full_bound: (mids.len() >= 8)
            .then(|| mids.get(mids.len() / 20).copied())
            .flatten(),
        first_bound: (firsts.len() >= 4)
            .then(|| firsts.get(firsts.len() / 10).copied())
            .flatten(),
        first_room: (first_lens.len() >= 2)
            .then(|| first_lens.last().copied())
            .flatten(),
    }
}

/// The widths of a document's body lines, for sections too short to show their own.
pub fn widths_of(lines: &[&Line]) -> Widths {
    let folded: Vec<(Cow<str>, bool)> = lines
        .iter()
        .filter(|l| measures_text(&l.text))
        .map(|l| (fold_ref(&l.text), l.blank_before))
        .collect();
    let probes: Vec<Probe> = folded
        .iter()
        .map(|(t, b)| {
            let units = units(t);
            Probe {
                text: t,
                units,
                len: in_characters(units),
                blank_before: *b,
            }
        })
        .collect();
    widths_from(&probes)
}

/// Whether a line shows the measure of the text: table rows and contents lines (column gaps)
/// do not, nor does a line holding a link, which extraction prints unbroken past the measure.
fn measures_text(t: &str) -> bool {
    !has_column_gap(t) && !holds_link(t)
}

pub(super) fn section_widths(views: &[View]) -> Widths {
    // A label line joined to the line after it is measured whole too.
    let probes: Vec<Probe> = views
        .iter()
        .filter(|v| measures_text(&v.line.text) && measures_text(&v.text))
        .map(|v| Probe {
            text: &v.text,
            units: v.units,
            len: v.len,
            blank_before: v.line.blank_before,
        })
        .collect();
    widths_from(&probes)
}

/// The 90th percentile of line lengths, leaving out over-long lines (two lines that extraction
/// joined at a hyphen) that would make every real line look short.
fn percentile90(lens: &mut Vec<usize>) -> usize {
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    let median = lens.get(lens.len() / 2).copied().unwrap_or(80);
    // Joined lines are few. Where many lines pass the cut and measure about the same, short
    // lines (a list of names, short last lines) brought the median down and the lines past it
    // are the full ones. (Past a median of table cells, lines of all lengths.)
    let over: Vec<usize> = lens
        .iter()
        .copied()
        .filter(|&l| l * 10 > median * 13)
        .collect();
    let alike = match (over.first(), over.get(over.len() * 9 / 10)) {
        (Some(&least), Some(&most)) => most * 10 <= least * 13,
        _ => false,
    };
    if over.len() * 5 <= lens.len() || !alike {
        lens.retain(|&l| l * 10 <= median * 13);
    }
    let at = (lens.len() * 9 / 10).min(lens.len().saturating_sub(1));
    lens.get(at).copied().unwrap_or(80).max(50)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extracted::lines::Form;

    #[test]
    fn proportional_measure() {
        // Same number of characters, not the same room on the page.
        assert!(measure("illicit little list") < measure("MINUSCA WWW MONUSCO"));
        assert_eq!(measure(""), 0);
        let plain = "the members of the Council and issued as a document of the Council";
        let n = plain.chars().count();
        assert!(
            measure(plain).abs_diff(n) * 10 <= n,
            "{} {n}",
            measure(plain)
        );
    }

    #[test]
    fn full_lines_stay_full_beside_many_short_ones() {
        // Short lines outnumber the full ones: the median of all lines is no full line, and
        // the full lines must not be dropped as lines joined by extraction. Lines twice as long
        // as the rest still are.
        let text = "\
I have the honour to refer to the resolution by which the Council decided to extend
the mandate of the Panel of Experts until the end of the year, and to inform you
that I have appointed the following experts after consulting the Committee:
Ms. Amara Okonkwo, finance (Sweden)
Mr. Tomas Ferreira, regional issues (Portugal)
Ms. Ileana Castellanos, humanitarian law (Chile)
Mr. Hiroshi Tanabe, arms (Japan)
Mr. Jonas Berg, natural resources (Norway)
I have designated Mr. Tanabe to serve as Coordinator of the Panel.";
        let lines = crate::text::extracted::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let longest = text.lines().map(measure).max().unwrap_or(0);
        assert_eq!(widths_of(&refs).full, longest);
        let mut first_two = text.lines().take(2);
        let joined = format!(
            "{text}\n{} {}",
            first_two.next().unwrap_or(""),
            first_two.next().unwrap_or("")
        );
        let lines = crate::text::extracted::lines::split(&joined, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(widths_of(&refs).full <= longest);
    }
}
