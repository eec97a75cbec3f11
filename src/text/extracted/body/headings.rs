//! What makes a heading: its shape (a capital first, no sentence end, nothing left open, no
//! item's label), how many words it may have, lines in capitals, a section's label opening it,
//! its end right above a numbered paragraph, and measured lines set in bold.

use super::labels::{
    arabic_number, dotted_label, ends_sentence, is_bracketed, is_contents_entry, is_dateline,
    is_label_line, is_numbered_attachment_title, is_section_label, label, without_callout,
};
use super::measure::with_next_word;
use super::tables::{CELL_LINE, is_source_note};
use super::{Raw, View, starts_upper};
use crate::text::extracted::inlines::holds_link;
use crate::text::extracted::lines::Zone;
use crate::text::extracted::masthead::ends_open;
use crate::text::extracted::repair::repair;

/// Whether a line was measured in the body of its page, every glyph from a bold face.
pub(super) fn bold_line(v: &View) -> bool {
    v.line
        .measured
        .as_ref()
        .is_some_and(|m| m.bold && m.zone == Zone::Body)
        && v.text.chars().any(char::is_alphabetic)
}

/// How many lines make a heading set in bold at `i`: one to three measured bold lines of one
/// size, on one page, of at most 25 words, with no bold line after them (a bold block of more
/// is emphasised text, not a heading).
pub(super) fn bold_heading_at(views: &[View], i: usize) -> Option<usize> {
    // A bold line that opens in lower case goes on with the sentence before it.
    let first = views.get(i).filter(|v| {
        bold_line(v)
            && !is_contents_entry(&v.text)
            && !is_source_note(&v.text)
            && (!v.text.starts_with(char::is_lowercase) || dotted_label(&v.text).is_some())
    })?;
    let size = first.line.measured.as_ref()?.size;
    // A place and date under a title is a line of its own.
    let same = |v: &View| {
        bold_line(v)
            && !is_dateline(&v.text)
            && v.line.page == first.line.page
            && !v.line.blank_before
            && v.line
                .measured
                .as_ref()
                .is_some_and(|m| m.size.abs_diff(size) <= 50)
    };
    // A section label line (`Article I`, `Part VI`) is a heading of its own, and a line that
    // opens with a label (`A.`, `2.`) starts the next heading.
    let own = |v: &View| is_section_label(&v.text) || is_numbered_attachment_title(&v.text);
    let numbered = |v: &View| {
        v.text
            .split_whitespace()
            .next()
            .is_some_and(|w| is_label_line(w) || label(&v.text).is_some())
    };
    let mut n = 1;
    while n < 4
        && !own(first)
        && views
            .get(i + n)
            .is_some_and(|v| same(v) && !own(v) && !numbered(v))
    {
        n += 1;
    }
    let words: usize = views
        .get(i..i + n)?
        .iter()
        .map(|v| v.text.split_whitespace().count())
        .sum();
    // A bold lead-in that the paragraph goes on from: the line after it goes on in lower case
    // or opens in bold.
    let lead_in = views.get(i + n).is_some_and(|next| {
        next.text.starts_with(char::is_lowercase)
            || next
                .line
                .measured
                .as_ref()
                .and_then(|m| m.runs.first())
                .is_some_and(|r| r.bold && !r.superscript)
    });
    // A bold line that announces what follows (`... stand up for:`) opens a paragraph.
    let announces = views
        .get(i + n - 1)
        .is_some_and(|v| v.text.trim_end().ends_with(':'));
    // An item of a list ends in a semicolon or a comma; a heading does not.
    let item_end = views
        .get(i + n - 1)
        .is_some_and(|v| v.text.trim_end().ends_with([';', ',']));
    let most = views
        .get(i + n)
        .map_or(HEADING_WORDS, |next| heading_words(n, &next.text));
    let ends = views.get(i + n - 1).is_some_and(|v| ends_sentence(&v.text));
    (n <= 3
        && (words <= HEADING_WORDS || words <= most && !ends)
        && !lead_in
        && !announces
        && !item_end)
        .then_some(n)
}

/// How many lines in capitals make a heading at `i`: two to five, on one page, each of two
/// words or more with no column gap and no lower-case letter but an ordinal's ending, of at most
/// [`LONG_HEADING_WORDS`] words in all, the last ending no sentence. One line in capitals
/// is left to the other heading rules.
pub(super) fn capitals_at(views: &[View], i: usize) -> Option<usize> {
    let first = views.get(i)?;
    // Most lines fail on their first letters: letters that are no capitals are counted first,
    // an ordinal's ending aside (`80 th ANNIVERSARY`); letters of scripts without case (Arabic)
    // are no capitals.
    let caps = |v: &View| {
        v.text
            .chars()
            .filter(|c| c.is_alphabetic() && !c.is_uppercase())
            .take(3)
            .count()
            <= 2
            && v.line.page == first.line.page
            && v.text.chars().filter(|c| c.is_uppercase()).count() >= 4
            && v.text.split_whitespace().nth(1).is_some()
            && label(&v.text).is_none()
            && v.line.segments().len() < 2
    };
    let n = views
        .get(i..)?
        .iter()
        .take(5)
        .take_while(|v| caps(v))
        .count();
    let lines = views.get(i..i + n)?;
    let words: usize = lines
        .iter()
        .map(|v| v.text.split_whitespace().count())
        .sum();
    let last = lines.last()?;
    (n >= 2
        && words <= LONG_HEADING_WORDS
        && !ends_sentence(&last.text)
        && !ends_open(&last.text)
        && lines.iter().skip(1).all(|v| !v.line.blank_before))
    .then_some(n)
}

/// Whether a line opens with a section's label: a capital roman number or letter and a full
/// stop (`IV. Reasons ...`, `B. Humanitarian situation`).
pub(super) fn section_labelled(t: &str) -> bool {
    t.split_once(' ').is_some_and(|(w, rest)| {
        w.len() >= 2
            && w.ends_with('.')
            && is_label_line(w)
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && rest.starts_with(char::is_uppercase)
    })
}

/// Whether the line at `i`, or it and up to `most - 1` lines after it, are shaped as a heading's
/// last lines right above a numbered paragraph (a section label opens a heading of its own).
pub(super) fn heading_ends_above_number(views: &[View], i: usize, most: usize) -> bool {
    (1..=most).any(|k| {
        views
            .get(i + k)
            .is_some_and(|n| arabic_number(&n.text).is_some())
            && views.get(i..i + k).is_some_and(|ls| {
                ls.iter()
                    .all(|l| is_heading_line(l) && !section_labelled(&l.text))
            })
    })
}

/// The lines of `cur` joined, when they are shaped like a heading (see [`is_heading_line`]; the
/// last is `p`, the lines after the first may go on in lower case).
pub(super) fn heading_text(cur: &[(&str, usize)], p: &View, words: usize) -> Option<String> {
    (is_heading_line(p) || cur.len() > 1)
        .then(|| caption_text(cur, p, words))
        .flatten()
}

/// The most words a heading has: more are a paragraph that ends without a full stop.
pub(super) const HEADING_WORDS: usize = 25;

/// The most words of a heading whose end its print shows: wrapped over lines right above a
/// numbered paragraph, whose number says where the heading ends (`Activities carried out by
/// the Technical Secretariat with respect to decision C-SS-4/DEC.3 of the Conference of the
/// States Parties at its Fourth Special Session related to ...`), or set in capitals.
const LONG_HEADING_WORDS: usize = 40;

/// How many words a heading of `lines` lines may have above the line `next`.
pub(super) fn heading_words(lines: usize, next: &str) -> usize {
    if lines >= 2 && arabic_number(next).is_some() {
        LONG_HEADING_WORDS
    } else {
        HEADING_WORDS
    }
}

/// Whether a sentence ends inside `t`: a full stop, question or exclamation mark after a word
/// of more than one letter or digit, then a capital (`... November 2024. However, ...`).
fn holds_sentence_end(t: &str) -> bool {
    t.split_whitespace()
        .zip(t.split_whitespace().skip(1))
        .any(|(a, b)| {
            a.ends_with(['.', '?', '!'])
                && a.chars().filter(|c| c.is_alphanumeric()).count() > 1
                && !is_label_line(a)
                && b.starts_with(char::is_uppercase)
        })
}

/// The lines of `cur` joined, when they could be a heading of up to `words` words: a capital
/// first, no label, and the last line `p` ends no sentence and leaves nothing open.
pub(super) fn caption_text(cur: &[(&str, usize)], p: &View, words: usize) -> Option<String> {
    let text = cur.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
    let first = cur.first().map_or("", |(t, _)| *t);
    (first.starts_with(char::is_uppercase)
        && !is_source_note(first)
        && !ends_sentence(&p.text)
        && !ends_open(&p.text)
        && !p.text.ends_with([',', ';', '-'])
        && !is_contents_entry(&p.text)
        && label(first).is_none()
        && text.split_whitespace().nth(words).is_none()
        && (text.split_whitespace().nth(HEADING_WORDS).is_none() || !holds_sentence_end(&text)))
    .then(|| repair(&text))
}

/// Whether a line could be a heading by its shape: a capital first, no sentence end, nothing
/// left open (`and`, a comma), no label of a list item.
fn is_heading_line(p: &View) -> bool {
    p.text.starts_with(char::is_uppercase)
        && !is_contents_entry(&p.text)
        && !ends_sentence(&p.text)
        && !ends_open(&p.text)
        && !p.text.ends_with([',', ';', '-'])
        && label(&p.text).is_none()
        && p.text.split_whitespace().take(15).count() <= 14
}

pub(super) fn heading_end(p: &View, v: &View, width: usize) -> bool {
    !ends_sentence(&p.text)
        && !is_contents_entry(&p.text)
        && !ends_open(&p.text)
        && !without_callout(&p.text).ends_with([',', ';'])
        && label(&p.text).is_none()
        && with_next_word(p.units, &v.text) + 2 <= width
        && p.len * 10 <= width * 8
        && v.text.starts_with(char::is_uppercase)
}

pub(super) fn is_heading(v: &View, next: Option<&View>, width: usize) -> bool {
    if is_bracketed(&v.text) {
        return true;
    }
    if is_contents_entry(&v.text) || is_source_note(&v.text) {
        return false;
    }
    // A line with space under it, then running text, may run to a wrapped heading's length (a
    // caption as wide as the text); otherwise fifteen words are enough to tell.
    let alone = next.is_some_and(|n| n.line.blank_before && n.len >= CELL_LINE);
    let words = v.text.split_whitespace().take(HEADING_WORDS + 1).count();
    // A long heading is one the next word would have fitted after, followed by a capital.
    !ends_sentence(&v.text)
        && !ends_open(&v.text)
        && if v.len * 10 < width * 7 {
            words <= 14
        } else {
            alone && words <= HEADING_WORDS && label(&v.text).is_none() && !holds_link(&v.text)
        }
        && v.text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && next.is_some_and(|n| starts_upper(&n.text))
        && !v.text.ends_with(',')
}

/// Reads an attachment's opening paragraph as its title when it is shaped as one and the
/// attachment has none: no number, a capital first, no sentence ending in it or at its end,
/// nothing left open, no link, at most [`LONG_HEADING_WORDS`] words (`Consequences of Russia’s
/// massive air attacks on Ukrainian cities using various types of weapons: missiles, attack
/// drones and aerial bombs (31 January and 1 February 2025)`, set over four narrow lines above
/// the photographs it captions; `Land violations committed in November 2024` above a table).
pub fn opening_heading(raw: &mut [Raw]) {
    let Some(first) = raw.first_mut() else {
        return;
    };
    let Raw::Para {
        num: None,
        text,
        pages,
    } = first
    else {
        return;
    };
    // A call-out set apart after the last word (`(see enclosure). *`) ends nothing.
    let end = text.trim_end_matches(|c: char| c == '*' || c.is_whitespace());
    let words = text.split_whitespace().take(LONG_HEADING_WORDS + 1).count();
    let shaped = text.starts_with(char::is_uppercase)
        && !ends_sentence(end)
        && !ends_open(end)
        && !without_callout(end).ends_with([',', ';'])
        && label(text).is_none()
        && !holds_link(text)
        // A table's first cells (`No.`, `Category`) are no title, nor is a list of entries
        // (`... areas: Military-Political Dimension – Coordinator: Kazakhstan – ...`).
        && (3..=LONG_HEADING_WORDS).contains(&words)
        && text.matches(':').count() <= 1
        && !holds_sentence_end(text);
    if shaped {
        let page = pages.first().map_or(0, |(page, _)| *page);
        *first = Raw::Heading(std::mem::take(text), page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attachment_opens_with_its_title() {
        let para = |t: &str| Raw::Para {
            num: None,
            text: t.to_string(),
            pages: vec![(3, 0)],
        };
        let heading = |raw: &[Raw]| match raw.first() {
            Some(Raw::Heading(t, 3)) => Some(t.clone()),
            _ => None,
        };
        let title = "Consequences of the attacks on the cities of the region using various types \
                     of weapons: missiles, drones and aerial bombs (31 January and 1 February 2099)";
        let mut raw = vec![para(title), para("The attacks killed 12 people.")];
        opening_heading(&mut raw);
        assert_eq!(heading(&raw).as_deref(), Some(title));
        // Running text, a call-out set apart after a full stop, a table's first cell and a
        // list of entries stay paragraphs.
        for text in [
            "I have the honour to draw your attention to the violations (see enclosure). *",
            "The Ministry regrets the incident. It calls for restraint",
            "Category",
            "Coordinators by area: Security – Coordinator: Estelia – Co-Coordinator: Lisk",
        ] {
            let mut raw = vec![para(text)];
            opening_heading(&mut raw);
            assert_eq!(heading(&raw), None, "{text}");
        }
    }

    #[test]
    fn sentence_ends_inside_a_line() {
        assert!(holds_sentence_end("resumed in November 2024. However, in"));
        assert!(!holds_sentence_end(
            "with respect to decision C-SS-4/DEC.3 of the Conference"
        ));
        // An initial is no sentence end, nor is a section's label.
        assert!(!holds_sentence_end("signed by J. Smith"));
        assert!(!holds_sentence_end(
            "IV. Status of the 25 per cent of the budget"
        ));
    }
}
