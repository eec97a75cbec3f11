//! The canonical plain text: readable text close to the printed letter, which reads back losslessly.
//!
//! This module owns the grammar shared by the writer ([`write()`]) and the reader ([`read()`]): the
//! first-line marker, the escapes, the labels of numbered paragraphs and the classification of a
//! line by its first characters. The grammar is documented for users in the README, section
//! "Canonical text". The writer escapes every string so that no content can be taken for markup,
//! so `read(write(doc)) == doc` holds for every document.

mod inline;
mod read;
mod write;

pub use read::read;
pub use write::write;

use crate::model::{AnnexKind, Kind};

/// The first line of every canonical text; the number is the grammar's version.
pub const MARKER: &str = "unletters-text/1";

/// The marker's prefix, shared by every version of the grammar.
const MARKER_PREFIX: &str = "unletters-text/";

/// The fixed masthead line that separates the symbols from the organs.
const UNITED_NATIONS: &str = "United Nations";

/// The rule under the masthead, as written; any line of three or more underscores reads as one.
const RULE: &str = "________________________________________";

const DISTR: &str = "Distr.:";
const ORIGINAL: &str = "Original:";
const SIGNED: &str = "(Signed)";
const UNSIGNED: &str = "(Unsigned)";

/// The separator between joint symbols: an en dash, as printed, which no symbol contains.
const JOINT: char = '\u{2013}';

/// Bullets that may stand as the label of a numbered paragraph or list item without markup.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '●', '○', '■', '□', '–', '—', '·', '➢', '►', '✓', '*', '§',
];

/// Whether the input is canonical text: its first line is the marker (any version, so that a
/// newer file gets a clear "unsupported version" error instead of being read as a letter).
pub fn is_canonical(input: &str) -> bool {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let first = input.split('\n').next().unwrap_or_default();
    let first = first.strip_suffix('\r').unwrap_or(first);
    first.strip_prefix(MARKER_PREFIX).is_some_and(|v| {
        v.split(' ')
            .next()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// What a line is, judged from its first characters alone (the reader's first step, and the
/// writer's test for whether a paragraph needs the `\&` guard).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Indented,
    Heading,
    Quote,
    ListItem,
    Table,
    EmptyList,
    EmptyTable,
    Signature,
    Footnote,
    Annex(usize),
    Rule,
    Paragraph,
}

fn classify(line: &str) -> LineKind {
    let starts = |p: &str| line == p || line.strip_prefix(p).is_some_and(|r| r.starts_with(' '));
    if line.is_empty() {
        LineKind::Blank
    } else if line.starts_with(' ') {
        LineKind::Indented
    } else if starts("#") {
        LineKind::Heading
    } else if starts(">") {
        LineKind::Quote
    } else if starts("-") {
        LineKind::ListItem
    } else if line.starts_with('|') {
        LineKind::Table
    } else if line == "[]{list}" {
        LineKind::EmptyList
    } else if line == "[]{table}" {
        LineKind::EmptyTable
    } else if starts(SIGNED) || starts(UNSIGNED) {
        LineKind::Signature
    } else if footnote_marker_end(line).is_some() {
        LineKind::Footnote
    } else if let Some(depth) = annex_depth(line) {
        LineKind::Annex(depth)
    } else if is_rule(line) {
        LineKind::Rule
    } else {
        LineKind::Paragraph
    }
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.bytes().all(|b| b == b'_')
}

/// The depth of an annex heading line (`= Annex`, `== Enclosure`).
fn annex_depth(line: &str) -> Option<usize> {
    let depth = line.bytes().take_while(|&b| b == b'=').count();
    (depth > 0 && line[depth..].starts_with(' ')).then_some(depth)
}

/// For a footnote line `[^MARKER]: ...`, the byte offset just after the `]:`.
fn footnote_marker_end(line: &str) -> Option<usize> {
    let rest = line.strip_prefix("[^")?;
    let close = 2 + unescaped_find(rest, |c| c == ']' || c == '[')?;
    (line[close..].starts_with("]:")).then_some(close + 2)
}

/// The byte offset of the first unescaped character matching `pred` (escapes are skipped whole).
fn unescaped_find(s: &str, pred: impl Fn(char) -> bool) -> Option<usize> {
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            if let Some((_, 'u')) = chars.next() {
                // `\u{...}` holds only hex digits; skip to its closing brace.
                for (_, h) in chars.by_ref() {
                    if h == '}' {
                        break;
                    }
                }
            }
        } else if pred(c) {
            return Some(i);
        }
    }
    None
}

/// Whether a paragraph or list-item label can be written as it is (`1.`, `(a)`, `iv)`, `•`):
/// numbers, single letters and roman numerals, with a closing `.` or `)` or inside parentheses.
/// Anything else is written `[LABEL]{num}`.
fn is_plain_label(s: &str) -> bool {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if BULLETS.contains(&c) {
            return true;
        }
    }
    let core = if let Some(inner) = s.strip_prefix('(') {
        match inner.strip_suffix(')') {
            Some(core) => core,
            None => return false,
        }
    } else if let Some(core) = s.strip_suffix('.').or_else(|| s.strip_suffix(')')) {
        core
    } else {
        return false;
    };
    let numbers = !core.is_empty()
        && core.len() <= 12
        && core
            .split('.')
            .all(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let letter = core.len() == 1 && core.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = (1..=6).contains(&core.len())
        && (core.bytes().all(|b| b"ivxlc".contains(&b))
            || core.bytes().all(|b| b"IVXLC".contains(&b)));
    numbers || letter || roman
}

/// The kind a title announces by its first words; written explicitly only when the document's
/// kind differs.
fn title_kind(title: &str) -> Kind {
    if title.starts_with("Identical letters") {
        Kind::IdenticalLetters
    } else if title.starts_with("Note verbale") {
        Kind::NoteVerbale
    } else if title.starts_with("Letter") {
        Kind::Letter
    } else {
        Kind::Other
    }
}

fn kind_name(kind: Kind) -> &'static str {
    kind.as_str()
}

fn kind_from_name(name: &str) -> Option<Kind> {
    [
        Kind::Letter,
        Kind::IdenticalLetters,
        Kind::NoteVerbale,
        Kind::Other,
    ]
    .into_iter()
    .find(|k| k.as_str() == name)
}

/// The kind an annex heading announces by its first word; written explicitly only when it differs.
fn heading_kind(heading: &str) -> AnnexKind {
    if heading.starts_with("Enclosure") {
        AnnexKind::Enclosure
    } else if heading.starts_with("Appendix") {
        AnnexKind::Appendix
    } else {
        AnnexKind::Annex
    }
}

fn annex_kind_name(kind: AnnexKind) -> &'static str {
    match kind {
        AnnexKind::Annex => "annex",
        AnnexKind::Enclosure => "enclosure",
        AnnexKind::Appendix => "appendix",
    }
}

fn annex_kind_from_name(name: &str) -> Option<AnnexKind> {
    [AnnexKind::Annex, AnnexKind::Enclosure, AnnexKind::Appendix]
        .into_iter()
        .find(|k| annex_kind_name(*k) == name)
}

/// Appends `c` as an escape: `\n`, `\\`, `\[`-style for ASCII punctuation, `\u{HEX}` otherwise.
fn push_escape(out: &mut String, c: char) {
    if c == '\n' {
        out.push_str("\\n");
    } else if c.is_ascii_punctuation() {
        out.push('\\');
        out.push(c);
    } else {
        out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
    }
}

/// Escapes running text: the backslash, brackets and bar are markup, control characters would
/// break lines; whitespace at a line's start or end (`lead`, `trail`) would be lost to editors or
/// taken for indentation.
fn escape_text(s: &str, lead: bool, trail: bool) -> String {
    let plain = |c: char| !matches!(c, '\\' | '[' | ']' | '|') && !c.is_control();
    if s.chars().all(plain)
        && !(lead && s.starts_with(char::is_whitespace))
        && !(trail && s.ends_with(char::is_whitespace))
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let last = s.chars().count().saturating_sub(1);
    for (i, c) in s.chars().enumerate() {
        let edge = (lead && i == 0) || (trail && i == last);
        if matches!(c, '\\' | '[' | ']' | '|') || c.is_control() || (edge && c.is_whitespace()) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes a whole-line field (an organ, a signatory's title): text escapes, both edges, `\&` for
/// the empty string, and a guard for a value that would read as the masthead rule.
fn escape_field(s: &str) -> String {
    let out = escape_text(s, true, true);
    if out.is_empty() || is_rule(&out) {
        format!("\\&{out}")
    } else {
        out
    }
}

/// Escapes the value in `{name=value}`.
fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '}' | '|') || c.is_control() {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_marker() {
        assert!(is_canonical("unletters-text/1\n\nUnited Nations"));
        assert!(is_canonical("\u{feff}unletters-text/1\r\n"));
        assert!(is_canonical("unletters-text/2 format=x\n"));
        assert!(!is_canonical("unletters-text/\n"));
        assert!(!is_canonical("A/79/729-S/2025/40\n\nUnited Nations"));
        assert!(!is_canonical(" unletters-text/1\n"));
        assert!(!is_canonical(""));
    }

    #[test]
    fn labels() {
        for ok in [
            "1.", "12.", "(a)", "a)", "(iv)", "IV.", "1.2.", "(1)", "•", "–", "*",
        ] {
            assert!(is_plain_label(ok), "{ok}");
        }
        for no in [
            "1", "Mr.", "Dr.", "-", "(a", "a)b", "", "H.E.", "(Signed)", "1.2",
        ] {
            assert!(!is_plain_label(no), "{no}");
        }
    }

    #[test]
    fn classifies_lines() {
        assert_eq!(classify("# Context"), LineKind::Heading);
        assert_eq!(classify("#Context"), LineKind::Paragraph);
        assert_eq!(classify("> x"), LineKind::Quote);
        assert_eq!(classify("- (a) x"), LineKind::ListItem);
        assert_eq!(classify("| a |"), LineKind::Table);
        assert_eq!(classify("(Signed) Name"), LineKind::Signature);
        assert_eq!(classify("[^1]: text"), LineKind::Footnote);
        assert_eq!(classify("[^1\\]]: text"), LineKind::Footnote);
        assert_eq!(classify("[^1] text"), LineKind::Paragraph);
        assert_eq!(classify("== Enclosure"), LineKind::Annex(2));
        assert_eq!(classify("___"), LineKind::Rule);
        assert_eq!(classify("  x"), LineKind::Indented);
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape_text("a [b] | c\\", false, false),
            "a \\[b\\] \\| c\\\\"
        );
        assert_eq!(
            escape_text(" a\nb\t ", true, true),
            "\\u{20}a\\nb\\u{9}\\u{20}"
        );
        assert_eq!(escape_field(""), "\\&");
        assert_eq!(escape_field("____"), "\\&____");
        assert_eq!(escape_attr("a}b"), "a\\}b");
    }
}
