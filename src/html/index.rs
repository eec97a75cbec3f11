//! The index of a converted archive: one page listing every letter twice, in symbol order and in
//! date order (sorting without a script), each row linking to the letter's page, then the inputs
//! that failed with their reason.

use std::cmp::Ordering;

use super::escape;
use crate::model::{Date, Document, Kind};
use crate::symbol::Symbol;

/// One letter as the index lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// Where the letter's page is, relative to the index (`sub/S_2025_71.html`); `/` separates
    /// folders whatever the system.
    pub href: String,
    /// The masthead symbols.
    pub symbols: Vec<Symbol>,
    /// The date of issuance.
    pub date: Option<Date>,
    /// The letter's own date (the title's), used when there is no date of issuance.
    pub letter_date: Option<Date>,
    /// Letter, identical letters, note verbale or other.
    pub kind: Kind,
    /// The covering title.
    pub title: String,
    /// Who the title says the letter is from.
    pub sender: Option<String>,
    /// Whom the title says it is addressed to.
    pub addressees: Vec<String>,
    /// How many annexes the letter has (not counting enclosures inside them).
    pub annexes: usize,
}

impl IndexEntry {
    /// The entry of `doc`, whose page is at `href`.
    pub fn new(doc: &Document, href: impl Into<String>) -> IndexEntry {
        IndexEntry {
            href: href.into(),
            symbols: doc.symbols.clone(),
            date: doc.date,
            letter_date: doc.letter_date,
            kind: doc.kind,
            title: doc.title.clone(),
            sender: doc.sender.clone(),
            addressees: doc.addressees.clone(),
            annexes: doc.annexes.len(),
        }
    }

    /// The date the index sorts by and shows: the date of issuance, else the letter's date.
    fn sort_date(&self) -> Option<Date> {
        self.date.or(self.letter_date)
    }
}

/// An input that gave no page, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFailure {
    /// The input as named to the user.
    pub path: String,
    /// The error.
    pub reason: String,
}

/// The index page of `entries` and `failures` (both in input order).
pub fn index(entries: &[IndexEntry], failures: &[IndexFailure]) -> String {
    let mut by_symbol: Vec<&IndexEntry> = entries.iter().collect();
    by_symbol.sort_by(|a, b| by_symbols(a, b).then_with(|| a.href.cmp(&b.href)));
    let mut by_date: Vec<&IndexEntry> = entries.iter().collect();
    // Undated letters last; the same date in symbol order.
    by_date.sort_by(|a, b| {
        match (a.sort_date(), b.sort_date()) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(|| by_symbols(a, b))
        .then_with(|| a.href.cmp(&b.href))
    });

    let mut out = String::with_capacity(1024 + entries.len() * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>Letters</title>\n<style>\n");
    out.push_str(super::STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main class=\"page index\">\n");
    out.push_str(&format!(
        "<h1>Letters</h1>\n<p class=\"summary\">{} converted, {} failed. <a href=\"#by-symbol\">By symbol</a> · <a href=\"#by-date\">by date</a>",
        entries.len(),
        failures.len()
    ));
    if !failures.is_empty() {
        out.push_str(" · <a href=\"#failures\">failures</a>");
    }
    out.push_str("</p>\n");
    table(&mut out, "by-symbol", "By symbol", &by_symbol);
    table(&mut out, "by-date", "By date", &by_date);
    if !failures.is_empty() {
        out.push_str("<section id=\"failures\">\n<h2>Failures</h2>\n<div class=\"table-wrap\"><table class=\"failures\">\n<tr><th>Input</th><th>Reason</th></tr>\n");
        for f in failures {
            out.push_str("<tr><td><code>");
            escape::text(&mut out, &f.path);
            out.push_str("</code></td><td>");
            escape::text(&mut out, &f.reason);
            out.push_str("</td></tr>\n");
        }
        out.push_str("</table></div>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn table(out: &mut String, id: &str, heading: &str, entries: &[&IndexEntry]) {
    out.push_str(&format!(
        "<section id=\"{id}\">\n<h2>{heading}</h2>\n<div class=\"table-wrap\"><table class=\"letters\">\n"
    ));
    out.push_str("<tr><th>Symbols</th><th>Date</th><th>Kind</th><th>Title</th><th>Sender</th><th>Addressees</th><th>Annexes</th></tr>\n");
    for e in entries {
        out.push_str("<tr><td class=\"symbols\"><a href=\"");
        escape::attr(out, &relative_href(&e.href));
        out.push_str("\">");
        if e.symbols.is_empty() {
            out.push_str("(no symbol)");
        }
        for (i, s) in e.symbols.iter().enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            escape::text(out, s.as_str());
        }
        out.push_str("</a></td><td class=\"date\">");
        if let Some(date) = e.sort_date() {
            out.push_str(&format!("<time datetime=\"{date}\">{date}</time>"));
        }
        out.push_str("</td><td class=\"kind\">");
        out.push_str(match e.kind {
            Kind::Letter => "letter",
            Kind::IdenticalLetters => "identical letters",
            Kind::NoteVerbale => "note verbale",
            Kind::Other => "other",
        });
        out.push_str("</td><td>");
        escape::text(out, &e.title);
        out.push_str("</td><td>");
        escape::text(out, e.sender.as_deref().unwrap_or_default());
        out.push_str("</td><td>");
        escape::text(out, &e.addressees.join("; "));
        out.push_str(&format!(
            "</td><td class=\"count\">{}</td></tr>\n",
            e.annexes
        ));
    }
    out.push_str("</table></div>\n</section>\n");
}

/// Symbol order: the masthead symbols compared in order, numbers inside them by value
/// (`A/79/99` before `A/79/100`); letters without a symbol last.
fn by_symbols(a: &IndexEntry, b: &IndexEntry) -> Ordering {
    match (a.symbols.is_empty(), b.symbols.is_empty()) {
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    for (x, y) in a.symbols.iter().zip(&b.symbols) {
        let o = natural(x.as_str(), y.as_str());
        if o != Ordering::Equal {
            return o;
        }
    }
    a.symbols.len().cmp(&b.symbols.len())
}

/// Compares runs of digits by value and everything else by character.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(ca), Some(cb)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if ca.is_ascii_digit() && cb.is_ascii_digit() {
            let da = a.find(|c: char| !c.is_ascii_digit()).unwrap_or(a.len());
            let db = b.find(|c: char| !c.is_ascii_digit()).unwrap_or(b.len());
            let (na, ra) = a.split_at(da);
            let (nb, rb) = b.split_at(db);
            let (na, nb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
            let o = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if o != Ordering::Equal {
                return o;
            }
            (a, b) = (ra, rb);
        } else {
            if ca != cb {
                return ca.cmp(&cb);
            }
            (a, b) = (
                a.get(ca.len_utf8()..).unwrap_or_default(),
                b.get(cb.len_utf8()..).unwrap_or_default(),
            );
        }
    }
}

/// A path as a relative URL: each byte outside the unreserved set and `/` percent-encoded, so a
/// file name with `#`, `?`, `%` or a space still links to itself.
fn relative_href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_symbols_compare_by_value() {
        assert_eq!(natural("A/79/99", "A/79/100"), Ordering::Less);
        assert_eq!(natural("A/79/100", "A/79/100/Rev.1"), Ordering::Less);
        assert_eq!(natural("A/80/1", "S/2025/1"), Ordering::Less);
        assert_eq!(natural("A/079/1", "A/79/1"), Ordering::Equal);
    }

    #[test]
    fn hrefs_are_percent_encoded_but_keep_folders() {
        assert_eq!(relative_href("sub/A b#1.html"), "sub/A%20b%231.html");
    }
}
