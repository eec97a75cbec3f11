//! Labels, and the kinds of line told by their words: the label a paragraph or item opens with
//! (`1.`, `(a)`, `•`, a measured `a.`), a label alone on its line, a section's label (`Part VI`)
//! or an attachment's title (`Annex 3.1: ...`), a sentence's end, a place and date, a rule, a
//! contents entry and its page number, an entry of a numbered or dated series, a note in brackets
//! and a quotation's close.

use super::View;
use crate::text::extracted::footnotes;

/// The marks that open a bulleted item.
pub(super) const BULLETS: [char; 7] = ['•', '▪', '◦', '●', '➔', '➢', '◾'];

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
pub(super) fn is_bare_label(t: &str) -> bool {
    // No label is longer than `(viii)`; the length test spares a copy of every line.
    if t.len() > 6 {
        return false;
    }
    // `t` with a word after it, built on the stack: every line asks.
    let mut buf = [b' '; 8];
    let n = t.len();
    if let Some(head) = buf.get_mut(..n) {
        head.copy_from_slice(t.as_bytes());
    }
    if let Some(word) = buf.get_mut(n + 1) {
        *word = b'x';
    }
    let Some(Ok(with_word)) = buf.get(..n + 2).map(std::str::from_utf8) else {
        return false;
    };
    label(with_word).is_some_and(|(l, _)| {
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

/// Whether a measured line opens with a [`dotted_label`], or a `-layout` line with one set
/// apart from its text by a column gap (`c.   support police ...`).
pub(super) fn has_dotted_label(v: &View) -> bool {
    let Some((l, _)) = dotted_label(&v.text) else {
        return false;
    };
    v.line.measured.is_some()
        || v.line
            .segments()
            .first()
            .is_some_and(|(_, first)| *first == l)
}

/// Whether a measured line opens with a label that the lines after it may hang from: an item's
/// (`a.`) or a section's (`II.`, `A.`, as in a table of contents).
pub(super) fn has_hanging_label(v: &View) -> bool {
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
        .trim_end_matches(|c| c == '*' || footnotes::superscript_digit(c).is_some());
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

/// Whether a line is nothing but a rule: five or more underscores, hyphens or dashes, or a row
/// of three stars or more (`* * *`, `*****`), which sets sections apart as a rule does.
pub fn is_rule(t: &str) -> bool {
    let t = t.trim();
    // Every line is asked: most open with a letter and are no rule.
    match t.chars().next() {
        Some('_' | '-' | '–' | '—') => {
            t.chars().count() >= 5 && t.chars().all(|c| matches!(c, '_' | '-' | '–' | '—' | ' '))
        }
        Some('*') => {
            t.bytes().filter(|&b| b == b'*').count() >= 3
                && t.bytes().all(|b| b == b'*' || b == b' ')
        }
        _ => false,
    }
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
pub(super) fn has_dot_leaders(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(". . . .") || t.ends_with("....")
}

/// Whether a line is an entry of a table of contents: its dot leaders, then its page number
/// (or the number on the next line). Such an entry is a paragraph of its own, as extracted text
/// gives it, whatever gap a PDF sets before its number: neither a table row (a three-digit page
/// number closes the gap that a two-digit one leaves, so the table would end at another entry
/// in each version of a document) nor a heading.
pub(super) fn is_contents_entry(t: &str) -> bool {
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
pub(super) fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a number alone on its line ends the sentence of the line before rather than
/// numbering the next line, which opens with a number of its own (`... in accordance with its
/// Article` / `20.` / `6. This decision ...`).
pub(super) fn number_ends_sentence(t: &str, next: &str) -> bool {
    arabic_number(t).is_some() && label(next).is_some_and(|(l, _)| arabic_number(l).is_some())
}

/// The arabic paragraph number a line opens with (`4.`, `12.`), a bare label included.
pub(super) fn arabic_number(t: &str) -> Option<u32> {
    let (l, _) = label(t).or_else(|| is_bare_label(t).then_some((t, "")))?;
    let digits = l.strip_suffix('.')?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten()
}

/// A line without the call-out printed apart after its last word (`International Lakes, 4`).
pub(super) fn without_callout(t: &str) -> &str {
    t.rsplit_once(' ')
        .filter(|(_, n)| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(t, |(head, _)| head)
}

/// Whether a line opens with an entry's key and a colon: a word and a number (`Principle 25:`,
/// `Workstream 2:`) or a date without its year or with it (`31 March:`, `April 7:`,
/// `1 April 2025:`).
pub(super) fn opens_entry(t: &str) -> bool {
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
pub(super) fn closes_quotation(first: &str, last: &str) -> bool {
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
pub(super) fn is_bracketed(t: &str) -> bool {
    t.starts_with('[') && t.ends_with(']') && !t[1..].contains('[')
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
