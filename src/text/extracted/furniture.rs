//! Page furniture: job numbers with their date stamps, barcodes, page counters, running headers
//! with the document symbols, and footnote separator rules. Recognising them lets the reader drop
//! them wherever extraction scattered them and rejoin the text they interrupted.

use super::lines::Line;

/// What a piece of furniture is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Furniture {
    /// A job number (`25-00746 (E)`, `25-00746`), possibly followed by date stamps.
    Job(String),
    /// Date stamps alone (`230125`, `180225     180225`).
    Stamp,
    /// Barcode text (`*2500746*`).
    Barcode,
    /// A page counter (`2/3`).
    Counter,
}

/// Whether a character is a bidirectional formatting control (marks, embeddings, overrides,
/// isolates): pdftotext wraps the furniture of right-to-left pages in them (`\u{202b}\u{202a}25-12653\u{202c}\u{202c}`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text without bidirectional controls, trimmed; borrowed when it has none.
fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.trim();
    // Every bidi control is a three-byte sequence starting 0xE2: a line without that byte (most
    // lines) has none, and a byte search is far cheaper than decoding every character.
    if s.as_bytes().contains(&0xE2) && s.contains(is_bidi_control) {
        let cleaned: String = s.chars().filter(|&c| !is_bidi_control(c)).collect();
        std::borrow::Cow::Owned(cleaned.trim().to_string())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Classifies one piece of text (a whole line, or a `-layout` column segment).
pub fn classify(s: &str) -> Option<Furniture> {
    // Every kind opens with a digit or a star: a line opening with anything else but a
    // possible bidi control (a 0xE2 byte, dropped by `visible`) is none, told from its first byte.
    if !s
        .trim()
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'*' || b == 0xE2)
    {
        return None;
    }
    let s = visible(s);
    let s = s.as_ref();
    if let Some(job) = job_number(s) {
        return Some(Furniture::Job(job));
    }
    if !s.is_empty() && s.split_whitespace().all(is_stamp) {
        return Some(Furniture::Stamp);
    }
    if is_barcode(s) {
        return Some(Furniture::Barcode);
    }
    if is_counter(s) {
        return Some(Furniture::Counter);
    }
    None
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_stamp(s: &str) -> bool {
    s.len() == 6 && all_digits(s)
}

fn is_barcode(s: &str) -> bool {
    s.len() >= 9
        && s.len() <= 12
        && s.starts_with('*')
        && s.ends_with('*')
        && all_digits(&s[1..s.len() - 1])
}

fn is_counter(s: &str) -> bool {
    let Some((a, b)) = s.split_once('/') else {
        return false;
    };
    if !(all_digits(a) && all_digits(b) && a.len() <= 3 && b.len() <= 3) {
        return false;
    }
    match (a.parse::<u32>(), b.parse::<u32>()) {
        (Ok(x), Ok(y)) => x >= 1 && x <= y,
        _ => false,
    }
}

/// `25-00746 (E)` or `25-00746`, optionally followed by date stamps; returns the job number part.
fn job_number(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let Some(([y1, y2, b'-', n @ ..], _)) = b.split_at_checked(8) else {
        return None;
    };
    if !(y1.is_ascii_digit() && y2.is_ascii_digit() && n.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let rest = s.get(8..)?.trim_start();
    let (job, rest) = if let Some(r) = rest.strip_prefix('(') {
        let close = r.find(')')?;
        let lang = &r[..close];
        if lang.is_empty() || lang.len() > 3 || !lang.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        (format!("{} ({lang})", &s[..8]), &r[close + 1..])
    } else {
        (s[..8].to_string(), rest)
    };
    rest.split_whitespace().all(is_stamp).then_some(job)
}

/// Whether a line is a footnote separator rule (`__________________`).
pub fn is_separator(s: &str) -> bool {
    let t = s.trim();
    // Bytes, not characters: `_` is ASCII, and no other character has a `_` byte.
    t.len() >= 5 && t.bytes().all(|b| b == b'_')
}

/// Whether every column segment of a line is furniture; returns the job number if one is there.
pub fn line_furniture(line: &Line) -> Option<Option<String>> {
    let segs = line.segments();
    if segs.is_empty() {
        return None;
    }
    let mut job = None;
    for (_, s) in segs {
        if let Furniture::Job(j) = classify(s)? {
            job = Some(j);
        }
    }
    Some(job)
}

/// Whether a piece of text is a running header: one of the document's symbols, or the joint symbol.
pub fn is_running_header(s: &str, symbols: &[String]) -> bool {
    let t = visible(s);
    let t = t.trim_end_matches('*');
    if t.is_empty() {
        return false;
    }
    if symbols.iter().any(|x| x == t) {
        return true;
    }
    // Every part of a joint symbol has a slash; most lines have none and need no splitting.
    if !t.contains('/') {
        return false;
    }
    let parts = crate::symbol::split_joint(t);
    parts.len() > 1
        && parts
            .iter()
            .all(|p| symbols.iter().any(|x| x == p.trim_end_matches('*')))
}

/// Drops furniture lines and running headers; returns the kept lines and the first-page job
/// number. A line after dropped furniture loses its blank-line mark, since the blank belonged to
/// the furniture, unless blank lines stood on both sides of furniture printed inside a page
/// (a counter and running header between a photograph's caption and the note under it).
pub fn strip(lines: Vec<Line>, symbols: &[String]) -> (Vec<Line>, Option<String>) {
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    let mut job_first: Option<String> = None;
    let mut job_any: Option<String> = None;
    let mut dropped_before = false;
    // Whether a blank line stood between the last kept line and the furniture after it.
    let mut blank_above = false;
    let mut last_page: Option<usize> = None;
    for mut line in lines {
        let header = line.page > 0
            && !symbols.is_empty()
            && line
                .segments()
                .iter()
                .all(|(_, s)| is_running_header(s, symbols) || classify(s).is_some());
        if !dropped_before {
            blank_above = line.blank_before;
        }
        if header {
            dropped_before = true;
            continue;
        }
        if let Some(job) = line_furniture(&line) {
            if let Some(j) = job {
                if line.page == 0 && j.contains('(') && job_first.is_none() {
                    job_first = Some(j.clone());
                }
                if job_any.is_none() {
                    job_any = Some(j);
                }
            }
            dropped_before = true;
            continue;
        }
        if dropped_before {
            let inside = kept.last().is_some_and(|k| k.page == line.page);
            line.blank_before = line.blank_before && blank_above && inside;
            dropped_before = false;
        }
        line.page_start = last_page != Some(line.page);
        if line.page_start {
            line.blank_before = false;
        }
        last_page = Some(line.page);
        kept.push(line);
    }
    (kept, job_first.or(job_any.filter(|j| j.contains('('))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_furniture() {
        assert_eq!(
            classify("25-00746 (E)"),
            Some(Furniture::Job("25-00746 (E)".into()))
        );
        assert_eq!(
            classify("25-02642 (E)     180225     180225"),
            Some(Furniture::Job("25-02642 (E)".into()))
        );
        assert_eq!(
            classify("25-01454"),
            Some(Furniture::Job("25-01454".into()))
        );
        assert_eq!(classify("230125"), Some(Furniture::Stamp));
        assert_eq!(classify("*2500746*"), Some(Furniture::Barcode));
        assert_eq!(classify("2/11"), Some(Furniture::Counter));
        assert_eq!(classify("11/2"), None);
        assert_eq!(classify("1943-1944"), None);
        assert_eq!(classify("resolution 2334"), None);
        assert!(is_separator("__________________"));
    }

    #[test]
    fn running_headers() {
        let s = vec!["A/79/753".to_string(), "S/2025/58".to_string()];
        assert!(is_running_header("S/2025/58", &s));
        assert!(is_running_header("A/79/753-S/2025/58", &s));
        assert!(!is_running_header("S/2025/59", &s));
    }

    /// Right-to-left pages: pdftotext wraps the header and the job number in bidi controls.
    #[test]
    fn furniture_wrapped_in_bidi_controls() {
        let s = vec!["A/AC.999/2025/INF/1".to_string()];
        assert!(is_running_header(
            "\u{202b}\u{202a}A/AC.999/2025/INF/1\u{202c}\u{202c}",
            &s
        ));
        assert_eq!(
            classify("\u{202b}\u{202a}25-12653\u{202c}\u{202c}"),
            Some(Furniture::Job("25-12653".into()))
        );
        assert_eq!(
            classify("\u{202b}\u{202a}2/26\u{202c}"),
            Some(Furniture::Counter)
        );
        assert_eq!(classify("\u{202b}text\u{202c}"), None);
    }
}
