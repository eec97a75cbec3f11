//! The line model: every non-blank input line with its original line and column, its page, its
//! indentation and whether a blank line preceded it. Also recognises which extraction produced the
//! text (pdftotext default mode, `-layout`, or Word-to-Markdown) and undoes the Word bold markers
//! that glue masthead lines together.

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
}

impl Line {
    /// The text cut at runs of three or more spaces (the column gaps of `-layout`), each piece
    /// with its 0-based character column in the original line.
    pub fn segments(&self) -> Vec<(usize, &str)> {
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

    /// The text with every run of whitespace folded to one space.
    pub fn folded(&self) -> String {
        fold(&self.text)
    }
}

/// Folds every run of whitespace to one space and trims the ends.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
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
        if t.contains("     ") {
            gapped += 1;
        }
        if t.chars().count() > 200 {
            long += 1;
        }
    }
    if nonblank == 0 {
        return Form::Default;
    }
    let bold = input.matches("**").take(4).count();
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
pub fn split(input: &str, form: Form) -> Vec<Line> {
    let mut out = Vec::new();
    let mut page = 0usize;
    let mut blank = false;
    let mut page_start = true;
    for (i, raw) in input.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let feeds = raw.matches('\u{c}').count();
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
        let body = if body.contains('\u{c}') {
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
            split_bold(body)
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
            });
            page_start = false;
            blank = false;
        }
    }
    out
}

/// Cuts a Word line at glued bold markers and drops the others, unescaping `\*`.
fn split_bold(body: &str) -> Vec<(usize, String)> {
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

fn fold_keep(s: &str) -> String {
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
