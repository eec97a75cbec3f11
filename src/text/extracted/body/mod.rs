//! Paragraph recovery: turns the lines of a letter's (or annex's) body into paragraphs, numbered
//! paragraphs, headings and tables. Default-mode text has no paragraph marks, so a paragraph ends
//! where a line ends a sentence and is short (the next word would have fitted), or where the next
//! line is a shortened first line; `-layout` adds the first-line indent; Word text has one line
//! per paragraph. A paragraph broken by a page or a footnote block simply continues.
//!
//! Why one file of about a thousand lines: 990 lines of one stage (paragraphs, headings, labels and
//! tables decide each other's boundaries, line by line, on the same state) and 90 of its tests.

use std::borrow::Cow;

use super::inlines::holds_link;
use super::lines::{Form, Line, fold, fold_ref, has_column_gap};
use super::masthead::ends_open;
use super::repair::repair;

/// A body block before inline structure is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    /// A paragraph, with its printed label when numbered or lettered.
    Para {
        /// `1.`, `(a)`, `•`.
        num: Option<String>,
        /// The text after the label.
        text: String,
        /// Where each printed page's part of the text starts: `(page, byte offset)`, in order.
        /// Footnote call-outs are looked for on the page whose foot holds the note.
        pages: Vec<(usize, usize)>,
    },
    /// A heading line, and the page it is printed on.
    Heading(String, usize),
    /// A table, one entry per row, one string per cell.
    Table(Vec<Vec<String>>),
}

/// The marks that open a bulleted item.
const BULLETS: [char; 7] = ['•', '▪', '◦', '●', '➔', '➢', '◾'];

/// The label a paragraph or list item starts with (`1.`, `(a)`, `a)`, `•`, `–`), and the rest.
pub fn label(t: &str) -> Option<(&str, &str)> {
    let split = |n: usize| -> Option<(&str, &str)> {
        let (l, r) = (t.get(..n)?, t.get(n..)?);
        (r.starts_with([' ', '\t']) && !r.trim().is_empty()).then(|| (l, r.trim_start()))
    };
    let first = t.chars().next()?;
    if BULLETS.contains(&first) || matches!(first, '–' | '—' | '-' | '−') {
        return split(first.len_utf8());
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 && t[digits..].starts_with('.') {
        return split(digits + 1);
    }
    if let Some(r) = t.strip_prefix('(') {
        let close = r.find(')')?;
        let inner = &r[..close];
        // `(2023)` is a year, not an item's number.
        let ok = !inner.is_empty()
            && inner.len() <= 4
            && (inner.chars().all(|c| c.is_ascii_lowercase())
                || inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()));
        return if ok { split(close + 2) } else { None };
    }
    let b = t.as_bytes();
    if let [letter, b')', _, ..] = b
        && letter.is_ascii_lowercase()
    {
        return split(2);
    }
    // `b. Engage in ...`, `iii. The Council ...`: a lower-case letter or roman number and a full
    // stop, before a capital (`p. 5` and `v. Russia` are no labels).
    // A window search: `str::find` with a string sets up a searcher for every line.
    if let Some(dot) = t
        .get(..6)
        .and_then(|head| head.as_bytes().windows(2).position(|w| w == b". "))
        && dot >= 1
        && let Some(inner) = t.get(..dot)
        && (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase() && b != b'p')
            || inner.bytes().all(|b| b"ivx".contains(&b)))
        && t.get(dot + 2..)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
        && inner != "v"
    {
        return split(dot + 1);
    }
    None
}

/// Whether a line is nothing but a paragraph label (`1.`, `(a)`).
fn is_bare_label(t: &str) -> bool {
    // No label is longer than `(viii)`; the length test spares a copy of every line.
    t.len() <= 6
        && label(&format!("{t} x")).is_some_and(|(l, _)| {
            l == t && !BULLETS.iter().any(|b| l.starts_with(*b)) && !"–—-−".contains(t)
        })
}

/// The label of a list item that only a measured line is read with: a lower-case letter or
/// roman numeral and a full stop (`a.`, `iv.`), then the item's text. In extracted text `a.`
/// opening a line is as likely a wrapped sentence's end; a PDF shows the hanging indent.
pub fn dotted_label(t: &str) -> Option<(&str, &str)> {
    let dot = t.find(". ")?;
    let inner = t.get(..dot)?;
    let roman = !inner.is_empty() && inner.len() <= 5 && inner.chars().all(|c| "ivx".contains(c));
    let letter = inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase());
    let rest = t.get(dot + 1..)?.trim_start();
    (roman || letter)
        .then(|| (t.get(..=dot), rest))
        .and_then(|(l, r)| Some((l?, r)))
        .filter(|(_, r)| r.starts_with(char::is_alphabetic))
}

/// Whether a measured line opens with a [`dotted_label`].
fn has_dotted_label(v: &View) -> bool {
    v.line.measured.is_some() && dotted_label(&v.text).is_some()
}

/// Whether a measured line opens with a label that the lines after it may hang from: an item's
/// (`a.`) or a section's (`II.`, `A.`, as in a table of contents).
fn has_hanging_label(v: &View) -> bool {
    has_dotted_label(v)
        || v.line.measured.is_some()
            && v.text
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with('.') && is_label_line(w))
}

/// Whether a line is nothing but a label of a paragraph, item or section: `1.`, `(a)`, `II.`,
/// `A.`, `iii.`, `c.`, `(iv)`, `b)`.
pub fn is_label_line(t: &str) -> bool {
    if t.len() > 7 {
        return false;
    }
    let inner = t.strip_prefix('(').unwrap_or(t);
    let Some(inner) = inner.strip_suffix(['.', ')']) else {
        return false;
    };
    let roman = |upper: bool| {
        !inner.is_empty()
            && inner.chars().all(|c| {
                if upper {
                    "IVXLC".contains(c)
                } else {
                    "ivxlc".contains(c)
                }
            })
    };
    let one = |f: fn(&char) -> bool| inner.chars().count() == 1 && inner.chars().all(|c| f(&c));
    let digits = !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit());
    roman(true)
        || roman(false)
        || one(char::is_ascii_uppercase)
        || one(char::is_ascii_lowercase)
        || digits
}

/// Whether a line is a place and a date, as a statement or declaration closes: `Lisk, 9 October
/// 2025`, `New York, 1 March 2024`.
pub fn is_dateline(t: &str) -> bool {
    let t = t.trim();
    // A year closes it: most lines are told by their last byte.
    if !t
        .trim_end_matches('.')
        .ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let Some((place, date)) = last_comma_space(t) else {
        return false;
    };
    // Up to five words are enough to tell.
    let words = place.split_whitespace().take(5).count();
    (1..=4).contains(&words)
        && place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && is_prose_date_or_days(date.trim_end_matches('.'))
}

/// A date in prose, or days of one month (`12 and 13 December 2024`, `12-13 December 2024`).
fn is_prose_date_or_days(date: &str) -> bool {
    let parse = |d: &str| crate::model::Date::parse_prose(d).is_some();
    let digits = date.bytes().take_while(u8::is_ascii_digit).count();
    let last_day = date.get(digits..).and_then(|rest| {
        [" and ", " to ", "-", "–"]
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
    });
    parse(date) || (1..=2).contains(&digits) && last_day.is_some_and(parse)
}

/// `t.rsplit_once(", ")`, found by memchr's search for the comma: this is asked of every line.
fn last_comma_space(t: &str) -> Option<(&str, &str)> {
    let b = t.as_bytes();
    let mut end = b.len();
    while let Some(at) = memchr::memrchr(b',', b.get(..end)?) {
        if b.get(at + 1) == Some(&b' ') {
            return Some((t.get(..at)?, t.get(at + 2..)?));
        }
        end = at;
    }
    None
}

/// Whether a line ends a sentence, a trailing footnote marker aside.
pub fn ends_sentence(t: &str) -> bool {
    // Superscript call-outs (measured in a PDF, or Word's) follow the full stop glued.
    let mut s = t
        .trim_end()
        .trim_end_matches(|c| c == '*' || super::footnotes::superscript_digit(c).is_some());
    // `humanity. 1`: a detached call-out after the full stop. Both call-outs end in a digit,
    // which most lines do not: the last word is split off only then.
    let digit_last = s.ends_with(|c: char| c.is_ascii_digit());
    if digit_last
        && let Some((head, tail)) = s.rsplit_once(' ')
        && !tail.is_empty()
        && tail.len() <= 2
        && tail.bytes().all(|b| b.is_ascii_digit())
        && head.ends_with(['.', '!', '?', '”', ')', ';', ':'])
    {
        s = head;
    }
    // `girls.21`: a call-out printed glued after the full stop of a word (not a decimal,
    // `2.6`, nor a code, `EC-83/DEC.5`).
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digit_last
        && (1..=3).contains(&digits)
        && let Some(head) = s.get(..s.len() - digits)
        && head.ends_with(['.', '!', '?'])
        && head
            .trim_end_matches(['.', '!', '?'])
            .ends_with(|c: char| c.is_lowercase() || "”’)]".contains(c))
    {
        s = head;
    }
    let s = s.trim_end_matches(['”', '’', '"', ')', ']', '»']);
    // A title or a number sign stands before what it names: `... to Mr.` / `Swan for ...`.
    s.ends_with(['.', '!', '?', ':', ';', '…'])
        && !NEVER_LAST.contains(&s.rsplit(' ').next().unwrap_or(s))
}

/// Abbreviations that never end a sentence: they stand before a name or a number.
const NEVER_LAST: [&str; 9] = [
    "Mr.", "Ms.", "Mrs.", "Messrs.", "Dr.", "Prof.", "H.E.", "No.", "Nos.",
];

/// Whether a line is nothing but a rule: five or more underscores, hyphens or dashes.
pub fn is_rule(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() >= 5 && t.chars().all(|c| matches!(c, '_' | '-' | '–' | '—' | ' '))
}

/// Whether a line is a bare section label: `Part VI`, `Section 24`, `Chapter II`,
/// `Programme 20`, `Subprogramme 3` (no full stop, nothing after the number).
pub fn is_section_label(t: &str) -> bool {
    // Every keyword below opens with one of these: other lines are not split into words.
    if !t.trim_start().starts_with(['P', 'S', 'C']) {
        return false;
    }
    let mut words = t.split_whitespace();
    let (Some(kw), Some(num), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let numbered = num.chars().next().is_some_and(|c| c.is_ascii_digit())
        && num.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        && !num.ends_with('.')
        || !num.is_empty() && num.chars().all(|c| "IVXLC".contains(c));
    [
        "Part",
        "PART",
        "Section",
        "SECTION",
        "Chapter",
        "CHAPTER",
        "Programme",
        "Subprogramme",
    ]
    .contains(&kw)
        && numbered
}

/// Whether a line is the title of a numbered annex inside a report (`Annex 3.1: Panel's visit
/// to ...`, `Annex 10A: Photos of ...`): a heading of the report, not of a letter's attachment,
/// and not running text. Contents entries (dot leaders) are not.
pub fn is_numbered_attachment_title(t: &str) -> bool {
    // Every keyword below opens with one of these: other lines are not split into words.
    if !t.trim_start().starts_with(['A', 'E']) {
        return false;
    }
    let mut words = t.split_whitespace();
    let (Some(kw), Some(num)) = (words.next(), words.next()) else {
        return false;
    };
    [
        "Annex",
        "ANNEX",
        "Appendix",
        "APPENDIX",
        "Enclosure",
        "ENCLOSURE",
    ]
    .contains(&kw)
        && num.starts_with(|c: char| c.is_ascii_digit() || "IVX".contains(c))
        && num.ends_with([':', '.'])
        && num[..num.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.')
        && words.next().is_some()
        && !t.contains("....")
        && !t.contains(". . .")
}

/// Whether a line ends in the dot leaders of a contents entry (`European Union . . . . .`).
fn has_dot_leaders(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(". . . .") || t.ends_with("....")
}

/// Whether a line is an entry of a table of contents: its dot leaders, then its page number
/// (or the number on the next line). Such an entry is a paragraph of its own, as extracted text
/// gives it, whatever gap a PDF sets before its number: neither a table row (a three-digit page
/// number closes the gap that a two-digit one leaves, so the table would end at another entry
/// in each version of a document) nor a heading.
fn is_contents_entry(t: &str) -> bool {
    let t = t.trim_end();
    // Leaders or a page number end it: most lines end in neither, told by their last byte.
    if !t.ends_with(|c: char| c == '.' || c.is_ascii_digit()) {
        return false;
    }
    let head = match t.rsplit_once(' ') {
        Some((head, last)) if is_page_number(last) => head,
        _ => t,
    };
    has_dot_leaders(head)
}

/// A page number alone: one to four digits.
fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

fn first_word_len(t: &str) -> usize {
    t.split_whitespace().next().map_or(0, measure)
}

/// How wide a piece of text prints, in average characters: letters are set in a proportional
/// font (Times New Roman advance widths, in thousandths of an em), so `illicit` takes less room
/// than `Moscow`. Whether the next word would have fitted on a line is judged on this measure.
pub fn measure(t: &str) -> usize {
    // Most lines are ASCII: their bytes are their characters, summed without decoding.
    let units: u32 = if t.is_ascii() {
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
    };
    ((units + AVERAGE / 2) / AVERAGE) as usize
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

fn starts_upper(t: &str) -> bool {
    t.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || BULLETS.contains(&c) || "“\"‘(['–—-".contains(c)
    })
}

struct View<'a> {
    line: &'a Line,
    text: Cow<'a, str>,
    len: usize,
}

/// Recovers the blocks of a run of body lines.
pub fn blocks(lines: &[&Line], form: Form, doc: Widths) -> Vec<Raw> {
    let mut views: Vec<View> = Vec::with_capacity(lines.len());
    let mut k = 0;
    while let Some(l) = lines.get(k) {
        let mut text = fold_ref(&l.text);
        k += 1;
        // A label alone on its line (`II.`, `A.`, `(c)`, `1.`) belongs to what follows it: the
        // heading it numbers or the item it labels.
        if is_label_line(&text)
            && let Some(n) = lines.get(k)
            && !is_rule(&n.text)
            && !number_ends_sentence(&text, &n.text)
        {
            // A run of labels is the label column of a table of contents, printed apart from
            // its entries: one line of labels.
            let mut joined = format!("{text} {}", fold_ref(&n.text));
            let run = is_label_line(&fold_ref(&n.text));
            k += 1;
            while run
                && let Some(n) = lines.get(k)
                && is_label_line(&fold_ref(&n.text))
            {
                joined.push(' ');
                joined.push_str(&fold_ref(&n.text));
                k += 1;
            }
            text = Cow::Owned(joined);
        }
        // A contents entry's page number, printed on its own line after the entry's dot
        // leaders, is the end of the entry (not a heading of its own, nor the next entry's).
        if has_dot_leaders(&text)
            && let Some(n) = lines.get(k)
            && is_page_number(&n.text)
        {
            text = Cow::Owned(format!("{text} {}", n.text.trim()));
            k += 1;
        }
        // A note in brackets wrapped over two lines (`[Original: Arabic, Chinese, English,
        // French,` / `Russian and Spanish]`) is one line.
        if text.starts_with('[')
            && !text.contains(']')
            && let Some(n) = lines.get(k)
            && n.text.ends_with(']')
            && !n.text.contains('[')
            && !n.blank_before
            && n.page == l.page
        {
            text = Cow::Owned(format!("{text} {}", fold_ref(&n.text)));
            k += 1;
        }
        let len = measure(&text);
        views.push(View { line: l, text, len });
    }
    // The lines of a table of contents: its entries, and a line between two of them (`Annex`,
    // above the entry that names it), which is an entry of its own, not a heading.
    let contents: Vec<bool> = (0..views.len())
        .map(|k| {
            let entry = |k: usize| views.get(k).is_some_and(|v| is_contents_entry(&v.text));
            entry(k) || k > 0 && entry(k - 1) && (entry(k + 1) || entry(k + 2))
        })
        .collect();
    let widths = section_widths(&views).or(doc);
    let width = widths.full;
    let base = base_indents(&views);
    let mut out: Vec<Raw> = Vec::new();
    let mut cur: Vec<(&str, usize)> = Vec::new();
    let mut i = 0usize;
    let mut prev_heading = false;
    // Whether the blocks read so far end in a list's introduction and its entries, and how
    // many blocks there were when that was worked out.
    let mut colon_memo = (usize::MAX, false);
    while i < views.len() {
        // A rule (a separator of underscores or dashes) carries no words: it ends the
        // paragraph before it and is dropped.
        if views.get(i).is_some_and(|v| is_rule(&v.text)) {
            flush(&mut cur, &mut out);
            i += 1;
            continue;
        }
        // A section label alone on its line (`Part VI`, `Section 24`, `Chapter II`) is a
        // heading, also in Word text where every line is a paragraph.
        if let Some(v) = views.get(i)
            && (is_section_label(&v.text) || is_numbered_attachment_title(&v.text))
            && (cur.is_empty()
                || form == Form::Word
                || v.line.blank_before
                || views
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| ends_sentence(&p.text)))
        {
            flush(&mut cur, &mut out);
            // A long title goes on in lower case on the line after it (`Annex 14: A letter
            // ... notifying him of` / `the alleged action ...`).
            let mut text = v.text.to_string();
            i += 1;
            while form != Form::Word
                && !ends_sentence(&text)
                && let Some(n) = views.get(i)
                && n.text.starts_with(char::is_lowercase)
                && !n.line.blank_before
            {
                join_line(&mut text, &n.text);
                i += 1;
            }
            out.push(Raw::Heading(text, v.line.page));
            prev_heading = true;
            continue;
        }
        // Lines in capitals, one after another, are one heading (`SPECIAL DECLARATION ON THE
        // ...` / `SECOND WORLD WAR” FOR THE THIRD ...` / `CHARTER OF THE UNITED NATIONS`).
        if form != Form::Word
            && (cur.is_empty()
                || views
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| ends_sentence(&p.text)))
            && let Some(n) = capitals_at(&views, i)
        {
            flush(&mut cur, &mut out);
            let lines = views.get(i..i + n).unwrap_or_default();
            let page = lines.first().map_or(0, |v| v.line.page);
            out.push(Raw::Heading(joined_views(lines), page));
            prev_heading = true;
            i += n;
            continue;
        }
        if form != Form::Word
            && (cur.is_empty()
                || views
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| ends_sentence(&p.text))
                || measured_columns(&views, i))
            && let Some((table, n)) = table_at(&views, i, form)
        {
            flush(&mut cur, &mut out);
            push_table(table, views.get(i..i + n).unwrap_or_default(), &mut out);
            i += n;
            prev_heading = true;
            continue;
        }
        if form != Form::Word
            && let Some((table, n)) = captioned_table_at(&views, i, width)
        {
            flush(&mut cur, &mut out);
            push_table(table, views.get(i..i + n).unwrap_or_default(), &mut out);
            i += n;
            prev_heading = true;
            continue;
        }
        let Some(v) = views.get(i) else { break };
        let prev = i.checked_sub(1).and_then(|k| views.get(k));
        let next = views.get(i + 1);
        // Measured lines set in bold, alone between lines that are not: a heading, its section
        // label (`II.`, `A.`) kept in its text.
        // A bold line after one left open (`... organizer Myhaylo Omelyanovych-` /
        // `Pavlenko.`) goes on with it.
        if prev.is_none_or(|p| {
            (!bold_line(p) || prev_heading) && !(ends_open(&p.text) && p.line.page == v.line.page)
        }) && let Some(n) = bold_heading_at(&views, i)
        {
            flush(&mut cur, &mut out);
            let text = joined_views(views.get(i..i + n).unwrap_or_default());
            out.push(Raw::Heading(text, v.line.page));
            prev_heading = true;
            i += n;
            continue;
        }
        // The entries of a list that a colon introduced (`the following experts:` / `Mr. ...,
        // arms (Lebanon)` / `Ms. ..., finance (Norway)`): each ends where its line ends short,
        // and none is a heading.
        // A line in capitals or with a label is none.
        let entry = |t: &str| label(t).is_none() && t.chars().any(char::is_lowercase);
        if colon_memo.0 != out.len() {
            colon_memo = (out.len(), after_colon(&out));
        }
        // Lines in columns, or above them, are a table's.
        let listing = form != Form::Word
            && (cur.last().is_some_and(|(t, _)| t.ends_with(':')) || colon_memo.1)
            && v.line.segments().len() < 2
            && next.is_none_or(|n| n.line.segments().len() < 2);
        let cur_entry = listing && cur.first().is_some_and(|(t, _)| entry(t));
        let v_entry = listing && entry(&v.text);
        // A block of up to three lines that ends short without a full stop, before a capital:
        // a heading (`Logistical support provided ... State authority`).
        if form != Form::Word
            && !cur_entry
            && !cur.is_empty()
            && cur.len() <= 3
            // An item (`• Take all necessary measures ...`) is no heading, however it ends.
            && cur
                .first()
                .is_some_and(|(t, _)| label(t).is_none() && !is_source_note(t))
            && !contents.get(i.wrapping_sub(1)).is_some_and(|c| *c)
            && prev.is_some_and(|p| heading_end(p, v, width))
            // A paragraph's first line is cut short by its indent and a long next word, but no
            // more: a single line under a heading's length limit only when clearly short, or
            // when the next word would have fitted even on a first line.
            && (cur.len() > 1
                || prev.is_some_and(|p| {
                    p.len * 10 <= width * 6
                        || form == Form::Default
                            && widths
                                .first_room
                                .is_some_and(|r| p.len + 1 + first_word_len(&v.text) + 2 <= r)
                }))
            // A long heading line, then lines shaped as a heading's last right above a
            // numbered paragraph: one heading wrapped narrower than the text (`... with respect
            // to Executive` / `Council decisions EC-81/DEC.4 and EC-83/DEC.5` / `14. Through`),
            // three lines at most.
            && !(form == Form::Default
                && prev.is_some_and(|p| p.len * 10 >= width * 6)
                && heading_ends_above_number(&views, i, 3_usize.saturating_sub(cur.len())))
        {
            let text = cur.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
            let page = cur.first().map_or(v.line.page, |(_, p)| *p);
            cur.clear();
            out.push(Raw::Heading(repair(&text), page));
        }
        // A line opening with a section's label (`IV.`, `B.`) and ending no sentence, before a
        // capital: a heading, however long (`IV. Reasons for requesting observer status in the
        // General Assembly` / `ITTO shares ...`).
        if form != Form::Word
            && cur.len() == 1
            && cur.first().is_some_and(|(t, _)| section_labelled(t))
            && starts_upper(&v.text)
            && let Some(p) = prev
            && let Some(text) = caption_text(&cur, p, HEADING_WORDS)
        {
            let page = cur.first().map_or(p.line.page, |(_, pg)| *pg);
            cur.clear();
            out.push(Raw::Heading(text, page));
        }
        // A line standing alone without a full stop, however long, before a numbered paragraph
        // or a line that can only be a paragraph's first (the word after it would have fitted
        // on a full line): a heading (`Medical evacuation, casualty evacuation and
        // transportation of human remains`).
        // A dash may be a parenthesis going on with the line before, not an item's bullet.
        let numbered = label(&v.text).is_some_and(|(l, _)| !["–", "—", "-"].contains(&l));
        // In `-layout` and measured lines too: a heading set at the margin with no blank line
        // under it shows no indent to part it from the numbered paragraph after it.
        if form != Form::Word
            && let Some(p) = prev
            && (cur.len() == 1
                && (numbered
                    || is_dateline(&v.text)
                    || clear_first_line(v, next, views.get(i + 2), &widths))
                // A heading wrapped over two or three lines, then a numbered paragraph; a
                // section's heading, set narrower, over up to five.
                || (2..=3).contains(&cur.len()) && numbered
                || (4..=5).contains(&cur.len())
                    && numbered
                    && cur.first().is_some_and(|(t, _)| section_labelled(t)))
            && let Some(text) = heading_text(&cur, p, heading_words(cur.len(), &v.text))
        {
            let page = cur.first().map_or(p.line.page, |(_, pg)| *pg);
            cur.clear();
            out.push(Raw::Heading(text, page));
        }
        // A heading after a paragraph whose last line was full, then a numbered paragraph: the
        // lines after the paragraph's last sentence, up to three and ending no sentence, are
        // the heading (a numbered paragraph never opens inside a sentence).
        let arabic = arabic_number(&v.text).is_some();
        if form == Form::Default
            && arabic
            && let Some(p) = prev
            && let Some(t) = (1..=3).find(|&t| {
                t < cur.len()
                    && cur
                        .get(cur.len() - t - 1)
                        .is_some_and(|(l, _)| ends_sentence(l))
                    && heading_text(
                        cur.get(cur.len() - t..).unwrap_or_default(),
                        p,
                        heading_words(t, &v.text),
                    )
                    .is_some()
            })
        {
            let tail = cur.split_off(cur.len() - t);
            flush(&mut cur, &mut out);
            if let Some(text) = heading_text(&tail, p, heading_words(t, &v.text)) {
                let page = tail.first().map_or(p.line.page, |(_, pg)| *pg);
                out.push(Raw::Heading(text, page));
            }
        }
        // A page with no running text on it (a photograph) ends the block before it: a
        // paragraph does not go on across it, and a line or three alone above it without a
        // full stop are its caption, a heading.
        let page_between = prev.is_some_and(|p| v.line.page > p.line.page + 1);
        if form != Form::Word
            && page_between
            && (1..=3).contains(&cur.len())
            && cur.iter().all(|(t, _)| !ends_sentence(t))
            && let Some(p) = prev
            && let Some(text) = caption_text(&cur, p, HEADING_WORDS)
        {
            let page = cur.first().map_or(p.line.page, |(_, pg)| *pg);
            cur.clear();
            out.push(Raw::Heading(text, page));
        }
        // A line alone on its page (a caption among photographs) after a finished sentence
        // stands apart from it, a heading when it reads as one.
        if form != Form::Word
            && prev.is_some_and(|p| p.line.page < v.line.page && ends_sentence(&p.text))
            && next.is_some_and(|n| n.line.page > v.line.page)
            && let Some(text) = caption_text(&[(&v.text, v.line.page)], v, HEADING_WORDS)
        {
            flush(&mut cur, &mut out);
            out.push(Raw::Heading(text, v.line.page));
            prev_heading = true;
            i += 1;
            continue;
        }
        let entry_ends = cur_entry
            && v_entry
            && (1..=3).contains(&cur.len())
            && v.text.starts_with(char::is_uppercase)
            && prev.is_some_and(|p| {
                !ends_open(&p.text)
                    && !p.text.ends_with([',', ';', '-'])
                    && p.len + 1 + first_word_len(&v.text) + 2 <= widths.full_bound.unwrap_or(width)
            });
        let starts_block = prev.is_none()
            || prev_heading
            || form != Form::Word && page_between
            || cur.is_empty()
            || entry_ends
            || breaks_before(
                prev,
                v,
                next,
                &widths,
                &base,
                form,
                Open {
                    one_line: cur.len() == 1,
                    first: cur.first().map_or("", |(t, _)| *t),
                },
            );
        if starts_block
            && form != Form::Word
            && !v_entry
            && !contents.get(i).is_some_and(|c| *c)
            && is_heading(v, next, width)
            // The first line of a long heading wrapped above a numbered paragraph.
            && !(form == Form::Default
                && v.len * 10 >= width * 6
                && label(&v.text).is_none()
                && heading_ends_above_number(&views, i + 1, 2))
        {
            flush(&mut cur, &mut out);
            out.push(Raw::Heading(repair(&v.text), v.line.page));
            prev_heading = true;
            i += 1;
            continue;
        }
        if starts_block {
            flush(&mut cur, &mut out);
        }
        prev_heading = false;
        cur.push((&v.text, v.line.page));
        // A label printed alone on its line (`1.` then the text): the next line is its text.
        if is_bare_label(&v.text) && next.is_some_and(|n| !number_ends_sentence(&v.text, &n.text)) {
            if let Some(n) = next {
                cur.push((&n.text, n.line.page));
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    flush(&mut cur, &mut out);
    if lines.iter().any(|l| l.measured.is_some()) {
        split_dotted_labels(&mut out);
    }
    out
}

/// A measured paragraph that opens with a [`dotted_label`] (`a.`, `iv.`) is numbered by it.
fn split_dotted_labels(out: &mut [Raw]) {
    for raw in out {
        if let Raw::Para {
            num: num @ None,
            text,
            pages,
        } = raw
            && let Some((l, rest)) = dotted_label(text)
        {
            let cut = text.len() - rest.len();
            *num = Some(l.to_string());
            *text = rest.to_string();
            for (_, off) in pages.iter_mut() {
                *off = off.saturating_sub(cut);
            }
        }
    }
}

/// Whether a line was measured in the body of its page, every glyph from a bold face.
fn bold_line(v: &View) -> bool {
    v.line
        .measured
        .as_ref()
        .is_some_and(|m| m.bold && m.zone == super::lines::Zone::Body)
        && v.text.chars().any(char::is_alphabetic)
}

/// How many lines make a heading set in bold at `i`: one to three measured bold lines of one
/// size, on one page, of at most 25 words, with no bold line after them (a bold block of more
/// is emphasised text, not a heading).
fn bold_heading_at(views: &[View], i: usize) -> Option<usize> {
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

/// Whether measured lines at `i` and after it both stand in columns: a table's rows, whatever
/// the line before them ended with (cells rarely end with a full stop).
fn measured_columns(views: &[View], i: usize) -> bool {
    let columns = |k: usize| {
        views
            .get(k)
            .is_some_and(|v| v.line.measured.is_some() && v.line.segments().len() >= 2)
    };
    columns(i) && columns(i + 1)
}

/// What the block being read is so far.
#[derive(Clone, Copy)]
struct Open<'a> {
    /// It has one line: the line before is a paragraph's first, printed indented.
    one_line: bool,
    /// Its first line: a numbered paragraph's opens with its number (`4.`).
    first: &'a str,
}

/// The arabic paragraph number a line opens with (`4.`, `12.`), a bare label included.
/// Whether a number alone on its line ends the sentence of the line before rather than
/// numbering the next line, which opens with a number of its own (`... in accordance with its
/// Article` / `20.` / `6. This decision ...`).
fn number_ends_sentence(t: &str, next: &str) -> bool {
    arabic_number(t).is_some() && label(next).is_some_and(|(l, _)| arabic_number(l).is_some())
}

fn arabic_number(t: &str) -> Option<u32> {
    let (l, _) = label(t).or_else(|| is_bare_label(t).then_some((t, "")))?;
    let digits = l.strip_suffix('.')?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten()
}

fn breaks_before(
    prev: Option<&View>,
    v: &View,
    next: Option<&View>,
    widths: &Widths,
    base: &[(usize, usize)],
    form: Form,
    open: Open<'_>,
) -> bool {
    let p_first = open.one_line;
    let width = widths.full;
    let Some(p) = prev else { return true };
    // The next number of a numbered paragraph opens the next one, however the line before
    // ends (`... ($499.8 million` / `6.`: a bracket extraction lost).
    if v.text.starts_with(|c: char| c.is_ascii_digit())
        && form != Form::Word
        && let (Some(n), Some(m)) = (arabic_number(open.first), arabic_number(&v.text))
        && m == n + 1
    {
        return true;
    }
    let p_end = ends_sentence(&p.text);
    if form == Form::Word {
        // A footnote between two halves of a paragraph: the first half ends open.
        return p_end || !v.text.starts_with(|c: char| c.is_lowercase());
    }
    // A contents entry ends with its page number: what follows is the next entry, or the text
    // after the contents (on the next page, under its heading).
    if is_contents_entry(&p.text) {
        return true;
    }
    // An entry of a numbered or dated series opens a block after a finished sentence
    // (`Principle 25: ...`, `31 March: 9 Palestinians killed ...`).
    if p_end && opens_entry(&v.text) {
        return true;
    }
    // A quotation set apart (a pull quote, a title in quotation marks) ends where it closes:
    // a heading after it is no part of it (a source cited after it is).
    if closes_quotation(open.first, &p.text) && is_heading(v, next, width) {
        return true;
    }
    // A place and date closing a statement stand alone, even after a full last line, and so
    // does a note in brackets (`[Original: Arabic, Chinese, English, French, Russian and
    // Spanish]`).
    if (is_dateline(&v.text) && (p_end || !ends_open(&p.text) && !p.text.ends_with(';')))
        || is_dateline(&p.text)
        || is_bracketed(&p.text)
        || is_bracketed(&v.text)
    {
        return true;
    }
    // A measured line in lower case after one that ends no sentence goes on with it, however
    // far it stands from it (a quotation that continues the sentence, `decided:` / `to
    // request ...`; a wrapped cell; a line after a page break).
    if v.line.measured.is_some()
        && p.line.measured.is_some()
        && v.text.starts_with(char::is_lowercase)
        && !p.text.trim_end().ends_with(['.', '!', '?'])
        && label(&v.text).is_none()
        && !has_dotted_label(v)
    {
        return false;
    }
    // A note on sources (`Source: ...`, `Note: ...`) stands apart from what it notes.
    if v.text.starts_with(['N', 'S', 'A'])
        && form != Form::Word
        && is_source_note(&v.text)
        && v.text.contains(": ")
    {
        return true;
    }
    // A bullet opens an item whatever the line before left open: unlike a dash, it is never
    // punctuation going on with a sentence.
    if v.text.starts_with(BULLETS) && label(&v.text).is_some() {
        return true;
    }
    // A measured line in another size of type than the finished sentence before it starts a
    // block, also at the top of a page (a box's title after the notes at the foot of the box
    // on the page before). A paragraph does not change its type across a page break, sentence
    // finished or not (a table's note then the heading on the next page).
    if (p_end || v.line.page_start)
        && let (Some(pm), Some(vm)) = (&p.line.measured, &v.line.measured)
        && pm.size.abs_diff(vm.size) * 100 > pm.size.max(vm.size) * 12
    {
        return true;
    }
    if v.line.blank_before {
        // Default-mode extraction sets blank lines between the pieces of boxed and tabulated
        // text too: a sentence left open goes on across one in lower case.
        return form != Form::Default
            || p_end
            || p.text.ends_with([',', ';'])
            || !v.text.starts_with(char::is_lowercase);
    }
    if (label(&v.text).is_some() || is_bare_label(&v.text)) && (p_end || p.text.ends_with(',')) {
        return true;
    }
    // In `-layout`, a labelled line out of the hanging indent of the line before opens the next
    // item, however that item ended (`...; and` / `(c) resolve ...`).
    if form == Form::Layout
        && v.line.measured.is_none()
        && label(&v.text).is_some()
        && v.line.page == p.line.page
        && v.line.indent + 2 <= p.line.indent
    {
        return true;
    }
    // A measured `a.` item starts where a sentence ended or out of the hanging indent of the
    // item before it.
    if has_dotted_label(v)
        && (p_end
            || p.text.ends_with(',')
            || p.line.measured.is_some() && v.line.indent + 2 <= p.line.indent)
    {
        return true;
    }
    if form == Form::Layout {
        // A first line stands deeper than the line after it (or, last in a run, the one before),
        // which keeps working inside indented boxes and quotations.
        // A labelled line after it standing less deep opens the next hanging indent: it is no
        // reference for this one.
        let next_hangs = next.is_some_and(|n| {
            (label(&n.text).is_some() || has_dotted_label(n)) && n.line.indent < v.line.indent
        });
        let reference = match next {
            Some(n) if n.line.page == v.line.page && !n.line.blank_before && !next_hangs => {
                n.line.indent
            }
            _ if p.line.page == v.line.page => p.line.indent,
            _ => base
                .iter()
                .find(|(page, _)| *page == v.line.page)
                .map_or(0, |x| x.1),
        };
        // A hanging indent: the lines after a labelled first line (`3. We ...`) stand deeper
        // than it and go on with its paragraph.
        let hanging = (label(&p.text).is_some() || has_hanging_label(p))
            && !p_end
            && v.line.indent > p.line.indent;
        // A measured line as deep as the line before it on its page goes on with it, however
        // far out the line after it stands (a heading, the next hanging label).
        let level_with_prev = v.line.measured.is_some()
            && p.line.page == v.line.page
            && v.line.indent.abs_diff(p.line.indent) <= 1;
        // A line in lower case after a sentence left open goes on with it, however deep it
        // stands (the last line of a hanging paragraph above a heading set further out).
        let goes_on = !p_end && v.text.starts_with(char::is_lowercase);
        if v.line.indent >= reference + 3 && !hanging && !level_with_prev && !goes_on {
            return true;
        }
        // At a page's top a paragraph goes on from the page before, unless a finished
        // sentence there is followed by a line shaped as a heading.
        if v.line.page_start {
            return p_end && is_heading(v, next, width);
        }
    }
    // A salutation (`Mr. President,`, `Excellencies, Ladies and Gentlemen,`) or a clause of a
    // resolution's preamble: a short line ending in a comma, then a capital on a page that
    // goes on.
    if v.line.measured.is_none()
        && p.len * 10 <= width * 6
        && without_callout(&p.text).ends_with(',')
        && p.line.page == v.line.page
        && v.text.starts_with(char::is_uppercase)
        && form != Form::Word
    {
        return true;
    }
    // The salutation itself, after a finished sentence, before a capital.
    if v.line.measured.is_none()
        && form != Form::Word
        && p_end
        && v.len * 10 <= width * 6
        && v.text.ends_with(',')
        && v.text.starts_with(char::is_uppercase)
        && next.is_some_and(|n| n.line.page == v.line.page && starts_upper(&n.text))
    {
        return true;
    }
    if !p_end || !starts_upper(&v.text) {
        return false;
    }
    // A line the next word would have fitted on, were it full, is shortened whatever the
    // first lines seen so far measured.
    let broken_short = widths
        .full_bound
        .is_some_and(|b| next.is_some_and(|n| v.len + 1 + first_word_len(&n.text) + 2 <= b));
    // A short line without a full stop after a finished sentence: a heading starts. So does
    // a longer one that ends short of the measure (`Statements by States Members of the United
    // Nations` / `The participants ...`).
    if (v.len * 2 < width || broken_short) && is_heading(v, next, width) {
        return true;
    }
    // So does a short last line without one: who speaks, or where and when (`Western Azerbaijan
    // Community Women Council`, `Moscow, 15 April 2025` closing a statement).
    if next.is_none()
        && v.len * 10 < width * 7
        && !ends_sentence(&v.text)
        && !ends_open(&v.text)
        && v.text.split_whitespace().nth(14).is_none()
    {
        return true;
    }
    // Slack for proportional fonts: the next word must have fitted with room to spare, and a
    // shortened first line (the printed indent) must be clearly shorter than a full one.
    let (k_short, k_first, k_indent) = (2, 5, 3);
    // The line before is itself a paragraph's first line: printed indented, it had less room.
    let p_width = if p_first {
        width.saturating_sub(k_indent)
    } else {
        width
    };
    let mut fits = p_width.saturating_sub(k_short);
    // A shortened first line is no longer than the first lines that went on.
    let mut first_room = width.saturating_sub(k_first);
    if form == Form::Default {
        // Where the text shows its measure, the next word would have fitted when it measures
        // less than every full line and the word that did not fit after it.
        let bound = if p_first {
            widths.first_bound
        } else {
            widths.full_bound
        };
        if let Some(b) = bound {
            fits = b.saturating_sub(1);
        }
        if let Some(l) = widths.first_room {
            first_room = first_room.min(l);
        }
    }
    let p_short = p.len + 1 + first_word_len(&v.text) <= fits;
    // In a numbered paragraph an unnumbered line goes on with it unless the line before ended
    // short: a numbered document's paragraphs are its numbered ones, and a line merely shorter
    // than a full one is no evidence against that.
    // A section label (`B.`, `IV.`) opens a heading, however it ends.
    let section = || v.text.split_whitespace().next().is_some_and(is_label_line);
    let v_first = form == Form::Default
        && next.is_some_and(|n| !n.line.blank_before)
        && (v.len <= first_room || broken_short)
        && v.len * 10 >= width * 6
        && !ends_sentence(&v.text)
        && (arabic_number(open.first).is_none() || section());
    p_short || v_first
}

/// How many lines in capitals make a heading at `i`: two to five, on one page, each of two
/// words or more with no column gap and no lower-case letter but an ordinal's ending, of at most
/// [`LONG_HEADING_WORDS`] words in all, the last ending no sentence. One line in capitals
/// is left to the other heading rules.
fn capitals_at(views: &[View], i: usize) -> Option<usize> {
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
fn section_labelled(t: &str) -> bool {
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
fn heading_ends_above_number(views: &[View], i: usize, most: usize) -> bool {
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

/// Whether the blocks read last are a list's introduction ending in a colon and the entries
/// after it so far: short paragraphs that finish no sentence.
fn after_colon(out: &[Raw]) -> bool {
    for raw in out.iter().rev().take(40) {
        match raw {
            Raw::Para { text, .. } if text.ends_with(':') => return true,
            Raw::Para {
                num: None, text, ..
            } if !ends_sentence(text) && text.split_whitespace().nth(25).is_none() => {}
            _ => return false,
        }
    }
    false
}

/// The lines of `cur` joined, when they are shaped like a heading (see [`is_heading_line`]; the
/// last is `p`, the lines after the first may go on in lower case).
fn heading_text(cur: &[(&str, usize)], p: &View, words: usize) -> Option<String> {
    (is_heading_line(p) || cur.len() > 1)
        .then(|| caption_text(cur, p, words))
        .flatten()
}

/// The most words a heading has: more are a paragraph that ends without a full stop.
const HEADING_WORDS: usize = 25;

/// The most words of a heading whose end its print shows: wrapped over lines right above a
/// numbered paragraph, whose number says where the heading ends (`Activities carried out by
/// the Technical Secretariat with respect to decision C-SS-4/DEC.3 of the Conference of the
/// States Parties at its Fourth Special Session related to ...`), or set in capitals.
const LONG_HEADING_WORDS: usize = 40;

/// How many words a heading of `lines` lines may have above the line `next`.
fn heading_words(lines: usize, next: &str) -> usize {
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
fn caption_text(cur: &[(&str, usize)], p: &View, words: usize) -> Option<String> {
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

/// Whether a line can only be the first line of a paragraph: it starts with a capital, goes on
/// in the next line, and the next line's first word would have fitted after it on a full line.
/// Two lines that end no sentence before a numbered paragraph are the end of a heading, not a
/// paragraph (`... with respect to decision` / `C-SS-4/DEC.3 of the ... Fourth Special` /
/// `Session related to ...` / `36. Pursuant ...`).
fn clear_first_line(
    v: &View,
    next: Option<&View>,
    after_next: Option<&View>,
    widths: &Widths,
) -> bool {
    let (Some(n), Some(bound)) = (next, widths.full_bound) else {
        return false;
    };
    if !ends_sentence(&n.text)
        && !n.text.ends_with(':')
        && after_next.is_some_and(|a| arabic_number(&a.text).is_some())
    {
        return false;
    }
    // A dash or a bracket first more likely goes on with the line before. A next line that
    // opens with its own label (`14. Through ...`) is no line of this paragraph.
    v.text
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !ends_sentence(&v.text)
        && !n.line.blank_before
        && label(&n.text).is_none()
        && v.len * 10 >= widths.full * 6
        && v.len + 1 + first_word_len(&n.text) + 2 <= bound
}

/// A line without the call-out printed apart after its last word (`International Lakes, 4`).
fn without_callout(t: &str) -> &str {
    t.rsplit_once(' ')
        .filter(|(_, n)| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(t, |(head, _)| head)
}

fn heading_end(p: &View, v: &View, width: usize) -> bool {
    !ends_sentence(&p.text)
        && !is_contents_entry(&p.text)
        && !ends_open(&p.text)
        && !without_callout(&p.text).ends_with([',', ';'])
        && label(&p.text).is_none()
        && p.len + 1 + first_word_len(&v.text) + 2 <= width
        && p.len * 10 <= width * 8
        && v.text.starts_with(char::is_uppercase)
}

/// Whether a line opens with an entry's key and a colon: a word and a number (`Principle 25:`,
/// `Workstream 2:`) or a date without its year or with it (`31 March:`, `April 7:`,
/// `1 April 2025:`).
fn opens_entry(t: &str) -> bool {
    let Some((key, _)) = t.split_once(": ") else {
        return false;
    };
    let number = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let month = |w: &str| crate::model::Date::month_names().contains(&w);
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = key.split_whitespace().take(4).collect();
    match words.as_slice() {
        [a, b] => number(a) && month(b) || a.starts_with(|c: char| c.is_uppercase()) && number(b),
        [d, m, y] => number(d) && month(m) && year(y),
        _ => false,
    }
}

/// Whether a block opening with the line `first` is one quotation that its line `last` closes, a
/// call-out aside (`“For millions, ... are symbols of` / `hope” 2`). The same line may be both.
fn closes_quotation(first: &str, last: &str) -> bool {
    let Some(opened) = first.strip_prefix('“') else {
        return false;
    };
    let Some(closed) = without_callout(last)
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .strip_suffix('”')
    else {
        return false;
    };
    if first == last {
        return closed
            .strip_prefix('“')
            .is_some_and(|q| !q.contains(['“', '”']));
    }
    !opened.contains('”') && !closed.contains(['“', '”'])
}

/// Whether a line is a note in square brackets and nothing else.
fn is_bracketed(t: &str) -> bool {
    t.starts_with('[') && t.ends_with(']') && !t[1..].contains('[')
}

fn is_heading(v: &View, next: Option<&View>, width: usize) -> bool {
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

/// The longest line of a table that default text prints one cell per line, in average
/// characters: about half the measure of a UN page. Fixed, not a share of the letter's measure:
/// the same lines are a table's however wide the paragraphs around them are wrapped.
const CELL_LINE: usize = 48;

/// A table starting at `i`: in `-layout`, two or more lines with column gaps; elsewhere four or
/// more short lines, most without a full stop (one cell per line, as extraction gives them).
fn table_at(views: &[View], i: usize, form: Form) -> Option<(Vec<Vec<String>>, usize)> {
    if form == Form::Layout {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut used = 0;
        // Where the last row's cells start, and the size of its type (measured lines only).
        let mut columns: Vec<usize> = Vec::new();
        // Where the last row's cells start on the page, in hundredths of a point (measured
        // lines only).
        let mut edges: Vec<u32> = Vec::new();
        let mut size = None;
        for v in views.get(i..)? {
            if is_contents_entry(&v.text) {
                break;
            }
            let segs = v.line.segments();
            // `3.    Impose an embargo`: a label set apart from its text starts an item.
            let item = segs.len() == 2 && segs.first().is_some_and(|(_, l)| is_label_line(l));
            if item {
                break;
            }
            // A measured line of words in some of the columns but not the first, each piece
            // under its own cell of the row above, in the row's type and with no gap before it: the
            // row's cells wrapped. (A row of figures under a row label, or one that fills every
            // other column and does not go on in lower case, is a row of its own.)
            if segs.len() >= 2
                && rows.last().is_some_and(|r| {
                    segs.len() + 1 < r.len()
                        || segs.iter().all(|(_, t)| t.starts_with(char::is_lowercase))
                })
                && segs.iter().all(|(_, t)| t.chars().any(char::is_alphabetic))
                && let (Some(row), Some(m), Some(&first)) =
                    (rows.last_mut(), &v.line.measured, columns.first())
                && !v.line.blank_before
                && size.is_some_and(|s: u32| s.abs_diff(m.size) <= 30)
                && segs.first().is_some_and(|(c, _)| *c > first + 2)
            {
                // The cell a piece lies under: the last that starts left of it (a cell can
                // hold two printed columns, `1 disconnection of`).
                let slots: Vec<Option<usize>> = segs
                    .iter()
                    .map(|(c, _)| columns.iter().rposition(|k| *k <= c + 2))
                    .collect();
                let distinct = slots
                    .windows(2)
                    .all(|w| matches!(w, [Some(a), Some(b)] if a < b));
                if distinct && slots.iter().all(|k| k.is_some_and(|k| k < row.len())) {
                    for ((_, text), k) in segs.iter().zip(&slots) {
                        if let Some(cell) = k.and_then(|k| row.get_mut(k)) {
                            join_line(cell, &fold(text));
                        }
                    }
                    used += 1;
                    continue;
                }
            }
            if segs.len() < 2 {
                // A measured line under one cell of the row above, in the row's type and with no
                // gap before it, is that cell's text wrapped.
                let wrapped = match (segs.first(), rows.last_mut(), &v.line.measured) {
                    (Some((col, text)), Some(row), Some(m))
                        if segs.len() == 1
                            && !v.line.blank_before
                            && size.is_some_and(|s: u32| s.abs_diff(m.size) <= 30) =>
                    {
                        columns
                            .iter()
                            .position(|c| c.abs_diff(*col) <= 2)
                            .or_else(|| edges.iter().position(|e| e.abs_diff(m.x) <= 200))
                            .and_then(|k| row.get_mut(k))
                            .map(|cell| join_line(cell, &fold(text)))
                            .is_some()
                    }
                    // In text, a line standing under a later cell of the row above, with no
                    // blank line before it, is that cell's text wrapped (a description column).
                    (Some((col, text)), Some(row), None)
                        if segs.len() == 1 && !v.line.blank_before =>
                    {
                        columns
                            .iter()
                            .position(|c| c.abs_diff(*col) <= 2)
                            .filter(|&k| k >= 1)
                            .and_then(|k| row.get_mut(k))
                            .map(|cell| {
                                cell.push(' ');
                                cell.push_str(&fold(text));
                            })
                            .is_some()
                    }
                    _ => false,
                };
                if wrapped {
                    used += 1;
                    continue;
                }
                break;
            }
            columns = segs.iter().map(|(c, _)| *c).collect();
            edges = v
                .line
                .measured
                .as_ref()
                .filter(|m| m.cells.len() + 1 == segs.len())
                .map(|m| {
                    std::iter::once(m.x)
                        .chain(m.cells.iter().copied())
                        .collect()
                })
                .unwrap_or_default();
            size = v.line.measured.as_ref().map(|m| m.size);
            rows.push(segs.iter().map(|(_, s)| fold(s)).collect::<Vec<_>>());
            used += 1;
        }
        return (rows.len() >= 2).then_some((rows, used));
    }
    let mut n = 0;
    let mut ended = 0;
    for v in views.get(i..)? {
        // A caption opens the next table: what stands above it is no cell of it. A section
        // label (`I. Introduction`) opens a heading.
        if v.len >= CELL_LINE
            || label(&v.text).is_some()
            || v.text.split_whitespace().next().is_some_and(is_label_line)
            || n > 0 && is_caption(&v.text)
        {
            break;
        }
        if ends_sentence(&v.text) {
            ended += 1;
        }
        n += 1;
    }
    if n < 4 || ended * 2 >= n {
        return None;
    }
    let rows = views.get(i..i + n)?.iter().map(cells_of).collect();
    Some((rows, n))
}

/// The cells of a table line: `-layout` keeps columns apart, and each piece between gaps is a
/// cell; otherwise the line is one cell.
fn cells_of(v: &View) -> Vec<String> {
    let segs = v.line.segments();
    if segs.len() >= 2 {
        segs.iter().map(|(_, s)| repair(&fold(s))).collect()
    } else {
        vec![repair(&v.text)]
    }
}

const TABLE_NOTES: [&str; 5] = ["Note", "Notes", "Source", "Sources", "Abbreviations"];

/// A note under a table: `Note:`, `Source:`, or a lettered note (`a` alone, or `a The
/// table ...`: its superscript marker printed on the line).
fn is_table_note(t: &str) -> bool {
    let mut chars = t.chars();
    let lettered = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.next().is_none_or(|c| c == ' ')
        && chars.next().is_none_or(char::is_uppercase);
    lettered || is_source_note(t)
}

/// A note on what a table, map or list rests on: `Source: ...`, `Notes. ...`.
fn is_source_note(t: &str) -> bool {
    TABLE_NOTES.iter().any(|n| {
        t.strip_prefix(n)
            .is_some_and(|r| r.starts_with([':', '.', 's']))
    })
}

/// A table announced by a caption line (`Table 1`, `Figure 2`): the caption, its title, the
/// cells (one per line, as extraction gives them) and the notes under it, up to the next line
/// of running text.
fn captioned_table_at(views: &[View], i: usize, width: usize) -> Option<(Vec<Vec<String>>, usize)> {
    let first = views.get(i)?;
    let mut words = first.text.split_whitespace();
    let (kw, num) = (words.next()?, words.next()?);
    if !(kw == "Table" || kw == "Figure")
        || words.next().is_some()
        || !num.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return None;
    }
    let mut n = 1;
    let mut in_note = false;
    for (k, v) in views.get(i + 1..)?.iter().enumerate() {
        let note = is_table_note(&v.text);
        // The table's title may run over two full lines under the caption.
        let long = v.len * 10 >= width * 8 && (k >= 2 || ends_sentence(&v.text));
        if long && !note && (!in_note || v.line.page_start) {
            break;
        }
        in_note = (note || in_note) && !ends_sentence(&v.text);
        n += 1;
    }
    let rows = views.get(i..i + n)?.iter().map(cells_of).collect();
    Some((rows, n))
}

/// A table of two columns or more, or else its lines as plain paragraphs. Default-mode
/// extraction gives a table's cells one per line; where a row key (a year range `2019/20`, a
/// date, a label `1.`, a mixed code) recurs at a steady interval, that interval is the number of
/// columns and each key starts a row. A column of lines with no such rhythm (a letterhead,
/// contents entries, cells printed out of order) is no table: its lines are kept as printed,
/// a line that continues the one before (`period)`, `patients`) joined to it. A `Table 1`
/// caption and the title under it are headings.
fn push_table(rows: Vec<Vec<String>>, views: &[View], out: &mut Vec<Raw>) {
    if rows.iter().any(|r| r.len() >= 2) {
        out.push(Raw::Table(rows));
        return;
    }
    let lines: Vec<(&str, usize)> = views
        .iter()
        .map(|v| (v.text.as_ref(), v.line.page))
        .collect();
    // One table per caption: the run may hold several, each with its notes.
    let mut from = 0;
    while from < lines.len() {
        let next = (from + 1..lines.len())
            .find(|&k| lines.get(k).is_some_and(|(t, _)| is_caption(t)))
            .unwrap_or(lines.len());
        push_captioned(lines.get(from..next).unwrap_or_default(), out);
        from = next;
    }
}

fn push_captioned(mut lines: &[(&str, usize)], out: &mut Vec<Raw>) {
    if let [(first, page), rest @ ..] = lines
        && is_caption(first)
    {
        out.push(Raw::Heading((*first).to_string(), *page));
        lines = rest;
        if let [(title, page), rest @ ..] = lines
            && !is_table_note(title)
        {
            let mut text = (*title).to_string();
            lines = rest;
            while let [(next, _), rest @ ..] = lines
                && continues_cell(&text, next)
            {
                text.push(' ');
                text.push_str(next);
                lines = rest;
            }
            out.push(Raw::Heading(repair(&text), *page));
        }
    }
    // Notes under the table (`Note:`, `Source:`) are its last rows, one cell each.
    let notes_at = lines
        .iter()
        .position(|(t, _)| is_table_note(t))
        .unwrap_or(lines.len());
    let (cells, notes) = lines.split_at(notes_at);
    match table_rows(cells) {
        Some(mut rows) => {
            let mut note: Vec<(&str, usize)> = Vec::new();
            let mut after = notes.len();
            for (k, &(t, page)) in notes.iter().enumerate() {
                let ended = note.last().is_some_and(|(l, _)| ends_sentence(l));
                if ended && !is_table_note(t) {
                    // A finished note, then running text (a heading) again.
                    after = k;
                    break;
                }
                if is_table_note(t) && !note.is_empty() {
                    rows.push(vec![joined_line(&note)]);
                    note.clear();
                }
                note.push((t, page));
            }
            if !note.is_empty() {
                rows.push(vec![joined_line(&note)]);
            }
            out.push(Raw::Table(rows));
            plain_lines(notes.get(after..).unwrap_or_default(), out);
        }
        None => {
            plain_lines(cells, out);
            plain_lines(notes, out);
        }
    }
}

/// The text of lines read as one heading: joined with spaces, extraction's artefacts repaired.
fn joined_views(lines: &[View]) -> String {
    let text = lines
        .iter()
        .map(|v| v.text.as_ref())
        .collect::<Vec<_>>()
        .join(" ");
    repair(&text)
}

fn joined_line(lines: &[(&str, usize)]) -> String {
    repair(&lines.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" "))
}

/// Lines kept as printed, one paragraph each; a label alone joins the line after it and a line
/// that continues a cell (see [`continues_cell`]) joins the line before it.
fn plain_lines(lines: &[(&str, usize)], out: &mut Vec<Raw>) {
    let mut cur: Vec<(&str, usize)> = Vec::new();
    for &(t, page) in lines {
        let joins = cur
            .last()
            .is_some_and(|(p, _)| is_label_line(p) || continues_cell(p, t));
        if !joins {
            flush(&mut cur, out);
        }
        cur.push((t, page));
    }
    flush(&mut cur, out);
}

fn is_caption(t: &str) -> bool {
    let mut words = t.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some("Table" | "Figure"), Some(_), None)
    )
}

/// Whether the line `t` continues the cell `before` it: a wrapped cell goes on in lower case,
/// after a bracket left open (`(International` / `Maritime` / `Organization No.)`) or words
/// left open (`2210–1100 on` / `13 November`; a colon introduces, a lone dash is an empty
/// cell), or closes a bracket the line before opened.
fn continues_cell(before: &str, t: &str) -> bool {
    before.matches('(').count() > before.matches(')').count()
        || ends_open(before) && !before.ends_with(':') && before.chars().any(char::is_alphabetic)
        || t.starts_with(char::is_lowercase)
        || t.find(')')
            .is_some_and(|close| t.find('(').is_none_or(|open| open > close))
}

/// The kind of a cell, for finding the rhythm of a table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A number, an amount, a percentage or an empty cell's dash.
    Number,
    /// A year range or fiscal year: `2019/20`.
    Span,
    /// A date: `27-Nov-24`, `1 November`.
    Date,
    /// A label: `1.`, `(a)`.
    Label,
    /// Letters and digits mixed: `HAFF-354M`, `0900–1730`.
    Code,
    /// Words.
    Words,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn shape(t: &str) -> Shape {
    let t = t.trim();
    if is_bare_label(t) {
        return Shape::Label;
    }
    let digits = t.bytes().any(|b| b.is_ascii_digit());
    if matches!(t, "–" | "-" | "—")
        || digits
            && t.chars()
                .all(|c| c.is_ascii_digit() || " .,%()+".contains(c))
    {
        return Shape::Number;
    }
    if digits && t.contains('/') && t.chars().all(|c| c.is_ascii_digit() || c == '/') {
        return Shape::Span;
    }
    if digits && MONTHS.iter().any(|m| t.contains(m)) {
        return Shape::Date;
    }
    if digits {
        return Shape::Code;
    }
    Shape::Words
}

/// The rows of a table given one cell per line, when a row key recurs at a steady interval
/// of two or more lines; lines before the first key are the header row, wrapped cells joined.
fn table_rows(lines: &[(&str, usize)]) -> Option<Vec<Vec<String>>> {
    let shapes: Vec<Shape> = lines.iter().map(|(t, _)| shape(t)).collect();
    let mut best: Option<(usize, Vec<usize>)> = None;
    for key in [
        Shape::Span,
        Shape::Date,
        Shape::Label,
        Shape::Code,
        Shape::Words,
    ] {
        let pos: Vec<usize> = (0..shapes.len())
            .filter(|&i| shapes.get(i) == Some(&key))
            .collect();
        if pos.len() < 3 {
            continue;
        }
        let gaps: Vec<usize> = pos
            .iter()
            .zip(pos.iter().skip(1))
            .map(|(a, b)| b - a)
            .collect();
        let mut counts = [0usize; 11];
        for &g in &gaps {
            if let Some(c) = counts.get_mut(g) {
                *c += 1;
            }
        }
        let Some((p, &n)) = counts.iter().enumerate().skip(2).max_by_key(|(_, n)| **n) else {
            continue;
        };
        // Header cells can share the key's shape: the rows start where the keys stop
        // following each other.
        let skip = gaps.iter().rposition(|&g| g < 2).map_or(0, |k| k + 1);
        let pos = pos.get(skip..).unwrap_or_default().to_vec();
        let steady = gaps.get(skip..).unwrap_or_default();
        // A steady rhythm: most keys one row apart.
        if pos.len() < 3 || n * 4 < steady.len() * 3 {
            continue;
        }
        if best.as_ref().is_none_or(|(_, b)| pos.first() < b.first()) {
            best = Some((p, pos));
        }
    }
    let (p, pos) = best?;
    let first = *pos.first()?;
    let mut rows = Vec::new();
    let header = joined_cells(lines.get(..first)?);
    if header.len() >= 2 {
        rows.push(header);
    } else if !header.is_empty() {
        return None;
    }
    for (k, &at) in pos.iter().enumerate() {
        let end = pos
            .get(k + 1)
            .copied()
            .unwrap_or(lines.len())
            .min(lines.len());
        // The last row ends after its columns: what follows (`Total`) is a row of its own.
        let end = if k + 1 == pos.len() {
            end.min(at + p)
        } else {
            end
        };
        let row: Vec<String> = lines.get(at..end)?.iter().map(|(t, _)| repair(t)).collect();
        rows.push(row);
    }
    let tail = lines.get((pos.last()? + p).min(lines.len())..)?;
    if !tail.is_empty() {
        let row = joined_cells(tail);
        if row.len() < 2 {
            return None;
        }
        rows.push(row);
    }
    Some(rows)
}

/// Cells one per line, a wrapped cell's lines joined.
fn joined_cells(lines: &[(&str, usize)]) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    for (t, _) in lines {
        match cells.last_mut() {
            Some(c) if continues_cell(c, t) => {
                c.push(' ');
                c.push_str(t);
            }
            _ => cells.push((*t).to_string()),
        }
    }
    cells.iter().map(|c| repair(c)).collect()
}

/// Whether the next line goes on without a space: the text so far ends in a word's hyphen and
/// the next line starts a word (`rocket-` `propelled`, and compounds broken before a capital or
/// a digit: `Attorney-` `General`, `COVID-` `19`).
fn joins_at_hyphen(before: &str, next: &str) -> bool {
    // A hyphen left hanging before a conjunction (`pre-` / `and post-conflict`) is no word cut.
    let conjunction = ["and ", "or ", "nor "].iter().any(|c| next.starts_with(c));
    before
        .strip_suffix('-')
        .is_some_and(|b| b.ends_with(char::is_alphabetic))
        && next.starts_with(char::is_alphanumeric)
        && !conjunction
}

/// Appends a wrapped line to the text it continues (a paragraph's, a table cell's, a
/// footnote's).
pub(super) fn join_line(text: &mut String, next: &str) {
    if !text.is_empty() && !joins_at_hyphen(text, next) {
        text.push(' ');
    }
    text.push_str(next);
}

fn flush(cur: &mut Vec<(&str, usize)>, out: &mut Vec<Raw>) {
    if cur.is_empty() {
        return;
    }
    let mut text = String::new();
    let mut pages: Vec<(usize, usize)> = Vec::new();
    for (l, page) in cur.drain(..) {
        if !text.is_empty() && !joins_at_hyphen(&text, l) {
            text.push(' ');
        }
        if pages.last().is_none_or(|(p, _)| *p != page) {
            pages.push((page, text.len()));
        }
        text.push_str(l);
    }
    let repaired = repair(&text);
    if repaired.len() != text.len() {
        // Repairs only drop spaces: an offset moves back by the spaces dropped before it.
        for (_, off) in pages.iter_mut() {
            *off = text.get(..*off).map_or(0, |head| repair(head).len());
        }
    }
    let text = repaired;
    match label(&text) {
        Some((num, rest)) => {
            let cut = text.len() - rest.len();
            for (_, off) in pages.iter_mut() {
                *off = off.saturating_sub(cut);
            }
            out.push(Raw::Para {
                num: Some(num.to_string()),
                text: rest.to_string(),
                pages,
            })
        }
        None => out.push(Raw::Para {
            num: None,
            text,
            pages,
        }),
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
    fn or(self, other: Widths) -> Widths {
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
        let bound = v.len + 1 + first_word_len(n.text);
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
        .map(|(t, b)| Probe {
            text: t,
            len: measure(t),
            blank_before: *b,
        })
        .collect();
    widths_from(&probes)
}

/// Whether a line shows the measure of the text: table rows and contents lines (column gaps)
/// do not, nor does a line holding a link, which extraction prints unbroken past the measure.
fn measures_text(t: &str) -> bool {
    !has_column_gap(t) && !holds_link(t)
}

fn section_widths(views: &[View]) -> Widths {
    // A label line joined to the line after it is measured whole too.
    let probes: Vec<Probe> = views
        .iter()
        .filter(|v| measures_text(&v.line.text) && measures_text(&v.text))
        .map(|v| Probe {
            text: &v.text,
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

fn base_indents(views: &[View]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for v in views.iter().filter(|v| v.len > 40) {
        match out.iter_mut().find(|(p, _)| *p == v.line.page) {
            Some(e) => e.1 = e.1.min(v.line.indent),
            None => out.push((v.line.page, v.line.indent)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert!(is_dateline("New York, 1 March 2024"));
        assert!(is_dateline("Yerevan, 12 and 13 December 2024"));
        assert!(is_dateline("Lisk, 9-10 October 2025."));
        assert!(!is_dateline("Yerevan, 12 and more December 2024"));
        assert!(!is_dateline("the meeting in Lisk, 9 October 2025"));
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

    #[test]
    fn labels() {
        assert_eq!(label("1. The Council"), Some(("1.", "The Council")));
        assert_eq!(label("(a) To ensure"), Some(("(a)", "To ensure")));
        assert_eq!(label("(iv) To ensure"), Some(("(iv)", "To ensure")));
        assert_eq!(label("• point"), Some(("•", "point")));
        assert_eq!(label("(UNAKOR) which"), None);
        assert_eq!(label("2025. The"), None);
        assert_eq!(label("(2023) for AUSSOM"), None);
        assert_eq!(label("(12) To ensure"), Some(("(12)", "To ensure")));
        assert_eq!(label("b. Engage in"), Some(("b.", "Engage in")));
        assert_eq!(label("iii. The Council"), Some(("iii.", "The Council")));
        assert_eq!(label("p. 5 of the report"), None);
        assert_eq!(label("v. Russian Federation"), None);
        assert_eq!(label("e.g. The"), None);
    }

    #[test]
    fn contents_entries_are_paragraphs_whatever_the_gap_before_their_page() {
        // `-layout` sets a two-digit page number apart and a three-digit one against the leader:
        // one entry each way, both read the same, and the line between entries is no heading.
        let text = "\
Contents
        I.  Introduction ...........................................      99
        II. Trends ...............................................  103
    Annex
        National reports and survey responses by region ............ 125";
        let lines = super::super::lines::split(text, Form::Layout);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Layout, Widths::default());
        let kinds: Vec<&str> = out
            .iter()
            .map(|r| match r {
                Raw::Para { .. } => "para",
                Raw::Heading(..) => "heading",
                Raw::Table(_) => "table",
            })
            .collect();
        assert_eq!(
            kinds,
            ["heading", "para", "para", "para", "para"],
            "{out:#?}"
        );
        assert!(is_contents_entry("A. Introduction ...... 4"));
        assert!(is_contents_entry("Africa . . . . . . ."));
        assert!(!is_contents_entry("The Council met on 4 May 2025."));
    }

    #[test]
    fn a_heading_wrapped_narrower_than_wide_text_is_one_heading() {
        // Paragraphs set wide; the heading above paragraph 34 wrapped over three lines each
        // short of the measure, the second as short as the first: one heading all the same.
        let text = "\
33. The mission continued to review the information collected in the course of its deployments and
will issue further reports on the incidents under review as soon as its work on them is complete.
The mission is continuing its work.

Activities carried out by the Technical Secretariat with respect to decision
CS-4/DEC.3 of the Conference of the States Parties at its Fourth Special
Session related to the safety of navigation along the Northern Coast
34. Pursuant to paragraph 10 of decision CS-4/DEC.3, the Secretariat established the team that
identifies the vessels which entered the closed zone and reports on them to the Council in due time.
35. The Secretariat will issue further reports in due course, as the Council requested of it.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Default, Widths::default());
        let headings: Vec<&str> = out
            .iter()
            .filter_map(|r| match r {
                Raw::Heading(t, _) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                "Activities carried out by the Technical Secretariat with respect to decision \
              CS-4/DEC.3 of the Conference of the States Parties at its Fourth Special Session \
              related to the safety of navigation along the Northern Coast"
            ],
            "{out:#?}"
        );
        assert_eq!(out.len(), 4, "{out:#?}");
    }

    #[test]
    fn a_number_ending_a_sentence_labels_nothing() {
        // `20.` alone on its line closes the sentence above it; paragraph 6 opens with its own
        // number.
        let text = "\
5. Accordingly, the Republic of Estelia hereby announces its withdrawal from the Treaty in
accordance with its article
20.
6. This decision, made in the interest of national security, is without prejudice to the
commitment of the Republic of Estelia to the principles of international humanitarian law.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Default, Widths::default());
        let nums: Vec<(Option<&str>, &str)> = out
            .iter()
            .filter_map(|r| match r {
                Raw::Para { num, text, .. } => Some((num.as_deref(), text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(nums.len(), 2, "{out:#?}");
        assert!(nums[0].1.ends_with("its article 20."), "{out:#?}");
        assert_eq!(nums[1].0, Some("6."), "{out:#?}");
    }

    #[test]
    fn a_quotation_set_apart_ends_where_it_closes() {
        assert!(closes_quotation(
            "“For millions, the flag is a symbol of hope” 2",
            "“For millions, the flag is a symbol of hope” 2"
        ));
        assert!(closes_quotation(
            "“For millions, the flag is",
            "a symbol of hope”"
        ));
        // Two quotations on a line, or one that goes on, are no quotation set apart.
        assert!(!closes_quotation("“One” and “two”", "“One” and “two”"));
        assert!(!closes_quotation("“One” and the", "rest of the “two”"));
        assert!(!closes_quotation("The flag is", "a symbol of “hope”"));
        // The heading after a quotation set on a line of its own is a heading of its own.
        let text = "\
The open debate took place against a backdrop of growing fragmentation, volatility and
complexity, trends that are reflected in the work of the peace operations of the Organization.
“For millions, the blue flag and the Blue Helmets are symbols of hope” 2
Briefings
The Secretary-General emphasized the crucial role of peace operations in maintaining
international peace and security, while highlighting the growing challenges they face.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Default, Widths::default());
        assert!(
            out.iter()
                .any(|r| matches!(r, Raw::Heading(t, _) if t == "Briefings")),
            "{out:#?}"
        );
    }

    #[test]
    fn a_cell_goes_on_after_a_bracket_left_open() {
        assert!(continues_cell("(International", "Maritime"));
        assert!(!continues_cell("Ship name", "(International Maritime No.)"));
        assert!(continues_cell("Maritime", "Organization No.)"));
        assert!(continues_cell("Ship name", "in service"));
        assert!(!continues_cell("Magic Seas (9736169)", "Liberia"));
        assert!(continues_cell("2210–1100 on", "13 November"));
        assert!(continues_cell(
            "fired on a patrol and hit the",
            "MONUSCO position"
        ));
        assert!(!continues_cell("–", "–"));
        assert!(!continues_cell("True extract:", "Senior Investigator"));
    }

    #[test]
    fn a_short_last_line_after_a_full_one_stands_apart() {
        // The appeal's last line is full and ends its sentence; who signs it is no part of it.
        let text = "\
We resolve further that this appeal be disseminated widely to governments, international
organizations and civil society, and we call for action to help to rectify the consequences of
our displacement, and we stand united in our pursuit of justice, dignity and peace together.
Northern Coast Community Council";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Default, Widths::default());
        assert!(
            matches!(out.last(), Some(Raw::Para { text, .. }) if text == "Northern Coast Community Council"),
            "{out:#?}"
        );
    }

    #[test]
    fn a_heading_after_a_full_last_line_is_a_heading() {
        // A heading that the next word would have fitted after, below a paragraph whose last
        // line is full: over half the measure, it is a heading all the same.
        let text = "\
He highlighted the widespread use of mines by the armed groups in order to cause harm to
innocent civilians in the areas they had left, as the mission had observed on its visits.
Statements by States Members of the Organization
The participants representing the States of the region accused the armed groups of violating
international law and the principles of the Charter of the Organization in the conflict.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let widths = Widths {
            full: 80,
            full_bound: Some(81),
            first_bound: Some(76),
            first_room: Some(72),
        };
        let out = blocks(&refs, Form::Default, widths);
        assert!(
            matches!(out.get(1), Some(Raw::Heading(t, _)) if t == "Statements by States Members of the Organization"),
            "{out:#?}"
        );
    }

    #[test]
    fn entries_of_a_series() {
        assert!(opens_entry("Principle 25: Importance of cooperation"));
        assert!(opens_entry(
            "31 March: 9 people killed in attacks on the city."
        ));
        assert!(opens_entry("April 7: the convoy was stopped."));
        assert!(opens_entry("1 April 2025: the convoy was stopped."));
        // Running text with a colon further on, or a number that is no key, opens no entry.
        assert!(!opens_entry("The Council noted the following: first, ..."));
        assert!(!opens_entry("In 2025: a year of change"));
        assert!(!opens_entry("31 Marches: a count"));
    }

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
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let longest = text.lines().map(measure).max().unwrap_or(0);
        assert_eq!(widths_of(&refs).full, longest);
        let mut first_two = text.lines().take(2);
        let joined = format!(
            "{text}\n{} {}",
            first_two.next().unwrap_or(""),
            first_two.next().unwrap_or("")
        );
        let lines = super::super::lines::split(&joined, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(widths_of(&refs).full <= longest);
    }

    /// The paragraphs `blocks` reads from default-mode text: label and text.
    fn paras(text: &str) -> Vec<(Option<String>, String)> {
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        blocks(&refs, Form::Default, widths_of(&refs))
            .into_iter()
            .filter_map(|r| match r {
                Raw::Para { num, text, .. } => Some((num, text)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbered_paragraphs_hold_their_unnumbered_lines_and_end_at_the_next_number() {
        let text = "\
4. The Panel conducts its investigations in a professional and technical manner,
adhering to the principles of transparency, objectivity, impartiality and independence.
The Panel's working methods are in keeping with the best practices recommended by the
Informal Working Group of the Security Council on General Issues of Sanctions. The
Panel placed particular emphasis on documentary evidence and the use of sources
5. The Panel shared the documents it received with the Committee, as is its practice, and
took the observations of the Member States concerned into account in its findings.
6. The measures taken in the harbour were the following:
➔ The northern quay was closed to ships of every flag and every size for the season…
➔ The southern quay stayed open to ships carrying humanitarian cargo of every kind.
Source: Harbour Authority of Portoverde, notice of 2 March 2099.";
        let p = paras(text);
        let nums: Vec<Option<&str>> = p.iter().map(|(n, _)| n.as_deref()).collect();
        assert_eq!(
            nums,
            [
                Some("4."),
                Some("5."),
                Some("6."),
                Some("➔"),
                Some("➔"),
                None
            ],
            "{p:#?}"
        );
        // A line after a finished sentence, shorter than a full one, still goes on with its
        // numbered paragraph; the next number opens the next paragraph although the line
        // before it ends open.
        assert!(p[0].1.contains("independence. The Panel's working methods"));
        assert!(p[0].1.ends_with("the use of sources"));
        assert!(p[4].1.ends_with("cargo of every kind."));
        assert!(p[5].1.starts_with("Source: Harbour Authority"));
    }

    #[test]
    fn a_salutation_stands_apart_and_a_clause_ending_in_a_call_out_is_no_heading() {
        let text = "\
Excellencies, Ladies and Gentlemen,
Welcome to this meeting on the protection of water and the infrastructure that carries it
to the people of the cities and the countryside in times of armed conflict and after it.
The Economic and Social Council,
Noting the adoption by the Economic Commission for Europe at its seventy-first session of
decision E (71) on multilingualism in meetings under the Convention on the Protection and Use of
Transboundary Watercourses and International Lakes, 4
Endorses the decision, annexed to the present resolution, and requests the Secretary-General
to provide interpretation into all the official languages at the sessions of the Meeting.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Default, widths_of(&refs));
        assert!(
            out.iter().all(|r| matches!(r, Raw::Para { .. })),
            "{out:#?}"
        );
        let p: Vec<String> = paras(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(p.len(), 5, "{p:#?}");
        assert_eq!(p[0], "Excellencies, Ladies and Gentlemen,");
        assert_eq!(p[2], "The Economic and Social Council,");
        assert!(p[3].starts_with("Noting") && p[3].ends_with("Lakes, 4"));
        // After a finished sentence, the salutation itself opens a block.
        let text = "\
Water is life, and no circumstance can justify efforts to deny it to the civilians of
the cities under siege in the north of the country.
Mr. President,
My delegation would like to make the following three points on the protection of water
and of the people who keep it running in times of war.";
        let p: Vec<String> = paras(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(p.len(), 3, "{p:#?}");
        assert_eq!(p[1], "Mr. President,");
    }

    #[test]
    fn a_heading_at_the_top_of_a_layout_page_after_a_finished_sentence() {
        let text = "\
           Principle 4: Comprehensive approach to counter-terrorism
           A comprehensive and integrated national counter-terrorism strategy should be built
           upon a multidisciplinary approach, acknowledging the links between the threats and
           the conditions conducive to their spread across the region and beyond it.
\u{c}
           Principle 5: Clarity in defining terrorism
           Effective strategies to address terrorism must be rooted in well-defined, context-
           specific definitions at the national and regional levels, fully consistent with
           international law.";
        let lines = super::super::lines::split(text, Form::Layout);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Layout, widths_of(&refs));
        let headings: Vec<&str> = out
            .iter()
            .filter_map(|r| match r {
                Raw::Heading(t, _) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                "Principle 4: Comprehensive approach to counter-terrorism",
                "Principle 5: Clarity in defining terrorism"
            ],
            "{out:#?}"
        );
        assert_eq!(out.len(), 4, "{out:#?}");
    }

    #[test]
    fn a_line_full_of_wide_letters_is_no_paragraph_end() {
        // By character count the line ending `Programme.` is short enough for `Moreover` to have
        // fitted after it, so a paragraph would end there; printed, its capitals fill the line.
        let text = "\
I have the honour to transmit herewith the report of the Panel of Experts on the
situation in the northern highlands, which the members of the Council received on
the first day of the month and which they discussed in informal consultations, and
MINUSCA, MONUSCO, UNMISS, UNAMA and UNMIK jointly reviewed the WMD Programme.
Moreover the Panel noted that the joint commission had not met since last year.
I should be grateful if the present letter could be issued as a document.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let wide = "MINUSCA, MONUSCO, UNMISS, UNAMA and UNMIK jointly reviewed the WMD Programme.";
        let width = widths_of(&refs).full;
        // The precondition that makes this a test of the measure, not of the widths chosen.
        assert!(wide.chars().count() + 1 + "Moreover".len() + 2 <= width);
        let out = blocks(&refs, Form::Default, Widths::default());
        let paras: Vec<&Raw> = out
            .iter()
            .filter(|r| matches!(r, Raw::Para { .. }))
            .collect();
        assert_eq!(paras.len(), 2, "{out:#?}");
    }

    /// Words wrapped greedily in the reader's measure: `width` for full lines, `first` for a
    /// paragraph's first line.
    fn wrap(text: &str, width: usize, first: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut cur = String::new();
        for w in text.split_whitespace() {
            let room = if out.is_empty() { first } else { width };
            if !cur.is_empty() && measure(&format!("{cur} {w}")) > room {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
        out.push(cur);
        out
    }

    const PARAGRAPHS: [&str; 4] = [
        "The members of the Council recalled that the mission had visited the region twice in \
         the past year and that its findings were shared with the authorities of every country \
         concerned, which welcomed the recommendations and committed themselves to their \
         implementation within the time frames agreed upon at the meeting.",
        "Consultations were held with the representatives of civil society organizations, \
         including women's groups and associations of young people, who described the \
         difficulties encountered in the delivery of humanitarian assistance in remote areas \
         and called for predictable funding.",
        "Medical evacuation, casualty evacuation and transportation of human remains",
        "From March to April, the Mission conducted one special flight and one regular flight \
         to transport the remains of soldiers and civilians for their families and communities, \
         in close coordination with the national authorities and the humanitarian agencies.",
    ];

    #[test]
    fn widths_follow_the_measure_the_text_was_set_in() {
        for (width, indent) in [(72, 8), (80, 5), (96, 8)] {
            // Paragraphs of every length, so that last lines of every length show.
            let text: Vec<String> = (0..12)
                .flat_map(|k| {
                    let p = PARAGRAPHS[k % 4];
                    let p = match p.strip_suffix('.') {
                        Some(body) => format!("{body}{}.", " in the region".repeat(k % 5)),
                        None => p.to_string(),
                    };
                    wrap(&p, width, width - indent)
                })
                .collect();
            let text = text.join("\n");
            let lines = super::super::lines::split(&text, Form::Default);
            let refs: Vec<&Line> = lines.iter().collect();
            let w = widths_of(&refs);
            // Full lines and the word that did not fit after them measure more than the width,
            // and never much more than the width and a word.
            let bound = w.full_bound.expect("many full lines");
            assert!((width..=width + 3).contains(&bound), "{width}: {w:?}");
            let room = w.first_room.expect("several first lines");
            assert!(
                room <= width - indent && room + 6 >= width - indent,
                "{width}: {w:?}"
            );
            // Every paragraph comes back, the long line without a full stop as a heading.
            let out = blocks(&refs, Form::Default, Widths::default());
            let paras = out.iter().filter(|r| matches!(r, Raw::Para { .. })).count();
            let heads = out.iter().filter(|r| matches!(r, Raw::Heading(..))).count();
            assert_eq!((paras, heads), (9, 3), "{width}: {out:#?}");
        }
    }

    #[test]
    fn an_open_sentence_goes_on_across_a_blank_line_in_lower_case() {
        // Default-mode extraction of a boxed table: a blank line between the pieces of a cell.
        let text = "It is within the mandate of the Mission to\n\nestablish forward operating \
                    bases away from the main camp.\n\nThe contract in place does not provide for it.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Default, Widths::default());
        let texts: Vec<&str> = out
            .iter()
            .filter_map(|r| match r {
                Raw::Para { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 2, "{out:#?}");
        assert!(texts[0].ends_with("main camp."), "{out:#?}");
    }

    #[test]
    fn a_line_without_a_full_stop_before_a_numbered_paragraph_is_a_heading() {
        // However long the title, a numbered paragraph cannot go on the line before it.
        let text = "The report of the Force on operations in the northern province and the border\n\
                    1. The present report is submitted in accordance with Security Council\n\
                    resolution 1244 (1999) and covers the activities of the Force during the\n\
                    period from 1 January to 31 March 2025.";
        let lines = super::super::lines::split(text, Form::Default);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Default, Widths::default());
        assert!(matches!(out.first(), Some(Raw::Heading(..))), "{out:#?}");
        assert!(
            matches!(out.get(1), Some(Raw::Para { num: Some(n), .. }) if n == "1."),
            "{out:#?}"
        );
    }

    #[test]
    fn a_layout_cell_wrapped_under_its_column_stays_in_its_row() {
        let text = "Date          Time      Description\n\
                    5 November    1400      An enemy tank fired several shells that fell in the\n\
                    \x20                       town of Shaqra.\n\
                    \n\
                    6 November    1410      A tank fired a shell at shops on the outskirts";
        let lines = super::super::lines::split(text, Form::Layout);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Layout, Widths::default());
        let Some(Raw::Table(rows)) = out.first() else {
            panic!("{out:#?}")
        };
        assert_eq!(rows.len(), 3, "{rows:#?}");
        assert_eq!(
            rows[1][2],
            "An enemy tank fired several shells that fell in the town of Shaqra."
        );
        assert_eq!(out.len(), 1, "{out:#?}");
    }

    #[test]
    fn section_labels() {
        assert!(is_section_label("Part VI"));
        assert!(is_section_label("Section 24"));
        assert!(is_section_label("Chapter 3A"));
        assert!(!is_section_label("Part of the"));
        assert!(!is_section_label("Section 24."));
        assert!(!is_section_label("Section 24 of the Convention"));
        assert!(is_numbered_attachment_title(
            "Annex 3.1: Visit to the border at Dajabon"
        ));
        assert!(is_numbered_attachment_title("Annex 10A: Photos of elvers"));
        assert!(!is_numbered_attachment_title(
            "Annex 10 of the Dayton Agreement"
        ));
        assert!(!is_numbered_attachment_title(
            "Annex 2: The spawning ........ 40"
        ));
        let lines = super::super::lines::split(
            "The Assembly adopted the budget.\nPart VI\nHuman rights\nThe section covers rights.",
            Form::Word,
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let out = blocks(&refs, Form::Word, Widths::default());
        assert_eq!(
            out.get(1),
            Some(&Raw::Heading("Part VI".into(), 0)),
            "{out:#?}"
        );
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("crime against humanity. 1"));
        assert!(ends_sentence("(see annex).*"));
        assert!(ends_sentence("the “Brown Plague”."));
        assert!(!ends_sentence("as a document of the"));
        assert!(!ends_sentence("express my gratitude to Mr."));
        assert!(!ends_sentence("with H.E."));
        assert!(ends_sentence("the Secretary-General."));
    }
}
