//! The line model: every non-blank input line with its original line and column, its page, its
//! indentation and whether a blank line preceded it. Also recognises which extraction produced the
//! text (pdftotext default mode, `-layout`, or Word-to-Markdown) and undoes the Word bold markers
//! that glue masthead lines together.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

/// Which extraction produced the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// pdftotext default mode: reading order, no indentation, form feeds between pages.
    Default,
    /// pdftotext `-layout`: columns kept side by side, paragraph starts indented.
    Layout,
    /// Word converted to Markdown-ish text: one line per paragraph, `**bold**` markers.
    Word,
}

/// One non-blank line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text, trimmed at both ends (inner spacing kept, so `-layout` columns stay apart).
    pub text: String,
    /// 1-based line number in the original input.
    pub line: usize,
    /// 1-based column (in characters) where `text` starts in the original line.
    pub col: usize,
    /// Leading whitespace width in characters.
    pub indent: usize,
    /// 0-based page: the number of form feeds seen before this line.
    pub page: usize,
    /// Whether a blank line separates this line from the previous kept line on the same page.
    pub blank_before: bool,
    /// Whether this is the first line of its page.
    pub page_start: bool,
    /// What the PDF front end measured of the line; `None` for text, whose stages fall back to
    /// what the characters show.
    pub measured: Option<Box<Measured>>,
}

/// A line's attributes as measured from the glyphs of a PDF. Lengths are in hundredths of a
/// point (integers, so lines stay comparable and hashable).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Measured {
    /// Left edge of the first glyph, from the page's left edge.
    pub x: u32,
    /// Baseline, from the page's top edge.
    pub baseline: u32,
    /// The font size of most of the line's glyphs (superscripts aside).
    pub size: u32,
    /// The document's body text size, for comparison.
    pub body_size: u32,
    /// Every glyph (superscripts aside) is from a bold face.
    pub bold: bool,
    /// Every glyph (superscripts aside) is from an italic face.
    pub italic: bool,
    /// Byte ranges of `text` set in bold, in italic, or raised and smaller (superscript).
    pub runs: Vec<Run>,
    /// Where on the page the line lies.
    pub zone: Zone,
    /// Left edges of the pieces after the line's column gaps (its cells but the first). The
    /// characters padding a gap cannot always reach a piece's column: a long cell pushes the
    /// next one on.
    pub cells: Vec<u32>,
}

/// A stretch of a measured line in one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Run {
    /// Byte range in the line's text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// From a bold face.
    pub bold: bool,
    /// From an italic face.
    pub italic: bool,
    /// Raised above the baseline and smaller than the text around it.
    pub superscript: bool,
}

/// The part of a page a line lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    /// The text of the page.
    #[default]
    Body,
    /// The band at the top of a page after the first (running header).
    Header,
    /// The band at the foot of a page (job number, barcode, page counter).
    Footer,
    /// The footnotes: smaller text at the foot of the page, under the separator rule.
    Footnote,
}

impl Line {
    /// The text cut at runs of three or more spaces (the column gaps of `-layout`), each piece
    /// with its 0-based character column in the original line.
    pub fn segments(&self) -> Vec<(usize, &str)> {
        // Most lines have no column gap: one segment, found without walking every character.
        let body = self.text.trim_start_matches([' ', '\t']);
        if !has_column_gap(body) && memchr::memchr(b'\t', body.as_bytes()).is_none() {
            let indent = self.text.len() - body.len();
            let text = body.trim_end_matches(' ');
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![(self.col.saturating_sub(1) + indent, text)]
            };
        }
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut spaces = 0usize;
        let mut col_of_start = 0usize;
        let mut last_non_space_end = 0usize;
        for (col, (i, c)) in (self.col.saturating_sub(1)..).zip(self.text.char_indices()) {
            if c == ' ' || c == '\t' {
                spaces += 1;
                if spaces >= 3
                    && let Some(s) = start.take()
                {
                    out.push((col_of_start, &self.text[s..last_non_space_end]));
                }
            } else {
                if start.is_none() {
                    start = Some(i);
                    col_of_start = col;
                }
                spaces = 0;
                last_non_space_end = i + c.len_utf8();
            }
        }
        if let Some(s) = start {
            out.push((col_of_start, &self.text[s..last_non_space_end]));
        }
        out
    }
}

/// Whether `s` has a run of three spaces, the column gap of `-layout` text (memchr's search: this
/// is asked of every line several times).
pub fn has_column_gap(s: &str) -> bool {
    static GAP: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("   "));
    GAP.find(s.as_bytes()).is_some()
}

/// Whether [`fold`] would leave `s` as it is: single ASCII spaces between words, none at the ends,
/// and no other whitespace. Works on bytes: the non-ASCII whitespace characters (U+0085, U+00A0,
/// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) are recognised by their
/// UTF-8 encoding.
fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Most lines are printable ASCII: then only a double space can be unfolded, and both tests
    // run many bytes at a time.
    // (An OR over every byte, not `all`, which stops early and so is not vectorised.)
    if b.iter()
        .fold(0u8, |acc, &c| acc | u8::from(c.wrapping_sub(0x20) >= 0x5F))
        == 0
    {
        static DOUBLE: LazyLock<memmem::Finder<'static>> =
            LazyLock::new(|| memmem::Finder::new("  "));
        return DOUBLE.find(b).is_none();
    }
    let mut after_space = false;
    for (i, &byte) in b.iter().enumerate() {
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let other_space = match byte {
            b' ' if after_space => return false,
            b' ' => {
                after_space = true;
                continue;
            }
            0x09..=0x0D => true,
            0xC2 => matches!(next(1), 0x85 | 0xA0),
            0xE1 => next(1) == 0x9A && next(2) == 0x80,
            0xE2 => match next(1) {
                0x80 => matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                0x81 => next(2) == 0x9F,
                _ => false,
            },
            0xE3 => next(1) == 0x80 && next(2) == 0x80,
            _ => false,
        };
        if other_space {
            return false;
        }
        after_space = false;
    }
    true
}

/// Folds every run of whitespace to one space and trims the ends.
pub fn fold(s: &str) -> String {
    fold_ref(s).into_owned()
}

/// [`fold`] without a copy when `s` is folded already, as most lines are.
pub fn fold_ref(s: &str) -> Cow<'_, str> {
    // Most lines are folded already; checking is cheaper than splitting and joining again, and
    // they are borrowed, not copied.
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

/// Recognises the extraction from the content: no form feed and Markdown bold markers or very
/// long lines mean Word; many deeply indented lines or wide inner gaps mean `-layout`; otherwise default mode.
pub fn detect(input: &str) -> Form {
    let mut nonblank = 0usize;
    let mut indented = 0usize;
    let mut gapped = 0usize;
    let mut long = 0usize;
    for raw in input.lines().take(4000) {
        let l = raw.trim_start_matches('\u{c}');
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        nonblank += 1;
        let lead = l.len() - l.trim_start().len();
        if lead >= 6 {
            indented += 1;
        }
        // One searcher for every line (`str::contains` with a string builds its own each time).
        static WIDE_GAP: LazyLock<memmem::Finder<'static>> =
            LazyLock::new(|| memmem::Finder::new("     "));
        if WIDE_GAP.find(t.as_bytes()).is_some() {
            gapped += 1;
        }
        // A line of at most 200 bytes has at most 200 characters: only longer ones are counted.
        if t.len() > 200 && t.chars().count() > 200 {
            long += 1;
        }
    }
    if nonblank == 0 {
        return Form::Default;
    }
    // Non-overlapping, as `str::matches` counts them.
    let bold = {
        let mut n = 0;
        let mut from = 0;
        while n < 4
            && let Some(at) = input
                .get(from..)
                .and_then(|s| memmem::find(s.as_bytes(), b"**"))
        {
            n += 1;
            from += at + 2;
        }
        n
    };
    // pdftotext always ends pages with a form feed; Word text has none.
    if !input.contains('\u{c}') && (bold >= 2 || long * 10 > nonblank) {
        Form::Word
    } else if indented * 10 > nonblank * 3 || gapped * 10 > nonblank * 2 {
        Form::Layout
    } else {
        Form::Default
    }
}

/// Splits the input into non-blank lines. In Word form, a bold marker glued between two pieces
/// of text (`Council**Distr.: General`) splits the line there; other bold markers are dropped.
/// Stops after [`crate::text::MAX_LINES`] lines and one more, which the caller refuses: each
/// line is a record of its own, and memory must not grow past a bound with their number.
pub fn split(input: &str, form: Form) -> Vec<Line> {
    let mut out = Vec::new();
    let mut page = 0usize;
    let mut blank = false;
    let mut page_start = true;
    for (i, raw) in input.split('\n').enumerate() {
        if out.len() > crate::text::MAX_LINES {
            break;
        }
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // memchr's count: `str::matches` with a char walks every line byte by byte.
        let feeds = memchr::memchr_iter(0x0C, raw.as_bytes()).count();
        if feeds > 0 {
            page += feeds;
            blank = false;
            page_start = true;
        }
        let line_no = i + 1;
        let leading: usize = raw
            .chars()
            .take_while(|c| c.is_whitespace() || *c == '\u{c}')
            .count();
        let body = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        if body.is_empty() {
            blank = true;
            continue;
        }
        let body_clean;
        let body = if memchr::memchr(0x0C, body.as_bytes()).is_some() {
            body_clean = body.replace('\u{c}', " ");
            body_clean.as_str()
        } else {
            body
        };
        let indent = raw
            .chars()
            .take_while(|c| c.is_whitespace() || *c == '\u{c}')
            .filter(|c| *c != '\u{c}')
            .count();
        let pieces: Vec<(usize, String)> = if form == Form::Word {
            split_bold(body, crate::text::MAX_LINES + 1 - out.len())
        } else {
            vec![(0, body.to_string())]
        };
        for (offset, text) in pieces {
            out.push(Line {
                text,
                line: line_no,
                col: leading + offset + 1,
                indent,
                page,
                blank_before: blank && !page_start,
                page_start,
                measured: None,
            });
            page_start = false;
            blank = false;
        }
    }
    out
}

/// Cuts a Word line at glued bold markers and drops the others, unescaping `\*`. Offsets are in
/// characters. The markers are ASCII, so the line is scanned in place rather than copied into
/// a vector of characters (four bytes each: a 60 MB line took 240 MB more). At most `room`
/// pieces are made (see [`split`]).
fn split_bold(body: &str, room: usize) -> Vec<(usize, String)> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_start = 0usize;
    // Byte offset and character index of the next character; the character before it.
    let (mut b, mut i) = (0usize, 0usize);
    let mut before: Option<char> = None;
    while let Some(c) = body.get(b..).and_then(|rest| rest.chars().next()) {
        if c == '\\' && bytes.get(b + 1) == Some(&b'*') {
            cur.push('*');
            (b, i, before) = (b + 2, i + 2, Some('*'));
            continue;
        }
        if c == '*' && bytes.get(b + 1) == Some(&b'*') {
            let mut j = b;
            while bytes.get(j) == Some(&b'*') {
                j += 1;
            }
            let run = j - b;
            let after = body.get(j..).and_then(|rest| rest.chars().next());
            let glued = matches!(before, Some(x) if !x.is_whitespace())
                && matches!(after, Some(a) if !a.is_whitespace());
            if glued && !cur.trim().is_empty() {
                out.push((cur_start, cur.trim().to_string()));
                if out.len() >= room {
                    return out;
                }
                cur.clear();
                cur_start = i + run;
            }
            (b, i, before) = (j, i + run, Some('*'));
            continue;
        }
        if cur.is_empty() {
            cur_start = i;
        }
        cur.push(c);
        (b, i, before) = (b + c.len_utf8(), i + 1, Some(c));
    }
    if !cur.trim().is_empty() {
        out.push((cur_start, fold_keep(&cur)));
    }
    out
}

fn fold_keep(s: &str) -> String {
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-vector version `split_bold` replaced, kept as the reference it must agree
    /// with.
    fn split_bold_by_chars(body: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut cur_start = 0usize;
        let chars: Vec<char> = body.chars().collect();
        let mut i = 0usize;
        while let Some(&c) = chars.get(i) {
            if c == '\\' && chars.get(i + 1) == Some(&'*') {
                cur.push('*');
                i += 2;
                continue;
            }
            if c == '*' && chars.get(i + 1) == Some(&'*') {
                let mut j = i;
                while chars.get(j) == Some(&'*') {
                    j += 1;
                }
                let before = i.checked_sub(1).and_then(|k| chars.get(k)).copied();
                let after = chars.get(j).copied();
                let glued = matches!(before, Some(b) if !b.is_whitespace())
                    && matches!(after, Some(a) if !a.is_whitespace());
                if glued && !cur.trim().is_empty() {
                    out.push((cur_start, cur.trim().to_string()));
                    cur.clear();
                    cur_start = j;
                }
                i = j;
                continue;
            }
            if cur.is_empty() {
                cur_start = i;
            }
            cur.push(c);
            i += 1;
        }
        if !cur.trim().is_empty() {
            out.push((cur_start, fold_keep(&cur)));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn split_bold_scans_as_the_character_vector_did(s in "[a-cé \\\\*]{0,40}") {
            proptest::prop_assert_eq!(split_bold(&s, usize::MAX), split_bold_by_chars(&s));
        }

        #[test]
        fn fold_is_split_and_join(s in "\\PC*|[ \t\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}’a-z]{0,24}") {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(fold(&s), expected);
        }
    }

    #[test]
    fn fold_agrees_with_splitting_on_whitespace() {
        for s in [
            "",
            " ",
            "plain words here",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "nbsp\u{a0}here",
            "line\nbreak",
            "é à  ü",
            "em\u{2003}space",
            "ideographic\u{3000}space",
            "nel\u{85}x",
            "curly ’quotes’ and – dashes",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold(s), expected, "{s:?}");
        }
    }

    #[test]
    fn segments_of_a_line_without_gaps_and_with_them() {
        let line = |text: &str, col| Line {
            text: text.to_string(),
            line: 1,
            col,
            indent: 0,
            page: 0,
            blank_before: false,
            page_start: false,
            measured: None,
        };
        assert_eq!(
            line("  one segment ", 1).segments(),
            vec![(2, "one segment")]
        );
        assert_eq!(line("a   b", 5).segments(), vec![(4, "a"), (8, "b")]);
        assert_eq!(line("a\tb", 1).segments(), vec![(0, "a\tb")]);
        assert!(line("   ", 1).segments().is_empty());
    }

    #[test]
    fn word_bold_splits_glued_lines() {
        let lines = split(
            "**General Assembly\nSecurity Council**Distr.: General",
            Form::Word,
        );
        let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["General Assembly", "Security Council", "Distr.: General"]
        );
        assert_eq!((lines[2].line, lines[2].col), (2, 19));
        let l = split("(Signed) Jeyhun **Bayramov**", Form::Word);
        assert_eq!(l[0].text, "(Signed) Jeyhun Bayramov");
    }

    #[test]
    fn layout_segments_keep_columns() {
        let l = &split("   United Nations        A/79/1", Form::Layout)[0];
        assert_eq!(l.segments(), vec![(3, "United Nations"), (25, "A/79/1")]);
    }

    #[test]
    fn pages_and_blanks() {
        let l = split("a\n\nb\n\u{c}c", Form::Default);
        assert!(l[1].blank_before);
        assert_eq!(l[2].page, 1);
        assert!(l[2].page_start && !l[2].blank_before);
    }
}
