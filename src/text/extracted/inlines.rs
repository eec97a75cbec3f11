//! Inline structure inside a paragraph's text: cited document symbols become
//! [`Inline::Symbol`], written-out dates [`Inline::Date`], web addresses [`Inline::Link`], and
//! footnote call-outs [`Inline::FootnoteRef`]. Everything else stays plain text, spacing kept, so
//! the paragraph's words read the same as printed.

use super::footnotes::superscript_digit;
use crate::model::{Date, Inline};
use crate::symbol::Symbol;

/// A UN document symbol, when the token is shaped like one (`S/2020/1104`, `A/ES-10/1043`,
/// `A/79/843*`): an upper-case series, slashes, at least one digit.
pub fn symbol_shaped(s: &str) -> Option<Symbol> {
    let core = s.trim_end_matches('*');
    let series = core.split('/').next()?;
    if series.is_empty() || series.len() > 6 || !series.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    if !core.contains('/') || core.ends_with('/') || core.contains("//") {
        return None;
    }
    if !core.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || "/.-()".contains(c);
    if !core.chars().all(allowed) || core.ends_with('.') || core.ends_with('-') {
        return None;
    }
    Symbol::parse(s).ok()
}

/// A UN document symbol cited in running text: symbol-shaped and of a known UN document series
/// ([`crate::symbol::KNOWN_BODIES`]), so an IAEA or IMF number (`GOV/2025/24`, `WP/24/256`) or a
/// slashed abbreviation (`RDF/M23`) is left as text. The masthead, which may belong to any body,
/// takes any symbol-shaped token instead.
pub fn cited_symbol(s: &str) -> Option<Symbol> {
    symbol_shaped(s).filter(|sym| crate::symbol::KNOWN_BODIES.contains(&sym.body()))
}

/// The parts of a joint symbol (two or more symbols joined by a dash), in order; `None` unless
/// every part is a cited symbol.
pub fn joint_symbol_shaped(s: &str) -> Option<Vec<Symbol>> {
    let parts = crate::symbol::split_joint(s);
    if parts.len() < 2 {
        return None;
    }
    parts.into_iter().map(cited_symbol).collect()
}

/// A footnote call-out found in a paragraph: byte range to replace and the marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callout {
    /// Start of the range in the paragraph text (a detached marker includes its space).
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// The footnote marker.
    pub marker: String,
}

/// Words after which a number is part of the sentence, not a footnote call-out.
const NUMBER_TAKERS: [&str; 40] = [
    "resolution",
    "resolutions",
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "item",
    "items",
    "annex",
    "chapter",
    "rule",
    "rules",
    "section",
    "page",
    "pages",
    "no.",
    "part",
    "protocol",
    "phase",
    "level",
    "and",
    "of",
    "to",
    "the",
    "in",
    "on",
    "at",
    "by",
    "from",
    "than",
    "over",
    "under",
    "about",
    "some",
    "for",
    "with",
    "per",
    "group",
];

/// Finds the call-out of `marker` in `text` at or after byte `from`.
pub fn find_callout(text: &str, marker: &str, from: usize) -> Option<Callout> {
    if marker.is_empty() {
        return None;
    }
    // memchr's SIMD search: this runs once per footnote over the paragraphs after the last
    // call-out, and std's two-way search was an eighth of the time of a long diff.
    let finder = memchr::memmem::Finder::new(marker.as_bytes());
    let mut search = from;
    while search <= text.len() {
        let rel = finder.find(text.get(search..)?.as_bytes())?;
        let start = search + rel;
        let end = start + marker.len();
        search = start + marker.len().max(1);
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if marker.starts_with('*') {
            let glued = before.is_some_and(|c| !c.is_whitespace() && c != '*');
            if glued && after != Some('*') {
                return Some(Callout {
                    start,
                    end,
                    marker: marker.to_string(),
                });
            }
            continue;
        }
        let after_ok = after.is_none_or(|c| c.is_whitespace() || ",.;:)”’\"".contains(c));
        if !after_ok || before.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // Detached (`humanity. 1`) or glued (`sources,1`) to the word before.
        let (range_start, word_end) = if before == Some(' ') {
            (start - 1, start - 1)
        } else {
            (start, start)
        };
        let prev_word = text[..word_end]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let last = prev_word.chars().next_back();
        // A year before the number (`in mid-October 2024,3 and`, `on 24 February 2025 11 (see`)
        // or a closing bracket or quote (`(see annex 3.4).10`) ends the word the call-out
        // follows; any other number before it (`paragraphs 1, 2`) takes it.
        let core = prev_word.trim_end_matches([',', '.', ';', ':']);
        let year = core.len() == 4
            && core.bytes().all(|b| b.is_ascii_digit())
            && (core.starts_with("19") || core.starts_with("20"));
        let closed = core.ends_with([')', ']', '”', '’', '"']);
        if !(year || last.is_some_and(|c| c.is_alphabetic() || ".,;:)”’\"".contains(c))) {
            continue;
        }
        // Glued to a word (`into the sea93.`: the superscript lost its height) only after a
        // plain word of three letters or more: `G20`, `COVID19` and `A4` are names.
        let plain_word = core.chars().count() >= 3
            && core.chars().all(char::is_alphabetic)
            && !core.chars().all(char::is_uppercase);
        if before != Some(' ') && !last.is_some_and(|c| ".,;:)”’\"".contains(c)) && !plain_word
        {
            continue;
        }
        // After a number that ends a sentence, a number before a capital starts no sentence of
        // its own: `injuries to 16. 24 At least five`.
        let after_sentence = before == Some(' ')
            && prev_word.ends_with('.')
            && text[end..].trim_start().starts_with(char::is_uppercase)
            && text[end..].starts_with(' ');
        let lower = prev_word.to_lowercase();
        if NUMBER_TAKERS.contains(&lower.as_str())
            || prev_word.chars().next().is_some_and(|c| c.is_ascii_digit())
                && !year
                && !closed
                && !after_sentence
        {
            continue;
        }
        return Some(Callout {
            start: range_start,
            end,
            marker: marker.to_string(),
        });
    }
    None
}

/// Turns a paragraph's text into inlines, cutting out the given call-outs (sorted, disjoint).
/// Superscript digits whose number is in `superscripts` are call-outs too (Word text).
pub fn to_inlines(text: &str, callouts: &[Callout], superscripts: &[String]) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut last = 0usize;
    for c in callouts {
        if c.start < last || c.end > text.len() || c.start > c.end {
            continue;
        }
        if let Some(seg) = text.get(last..c.start) {
            scan(seg, superscripts, &mut out);
        }
        out.push(Inline::FootnoteRef {
            marker: c.marker.clone(),
        });
        last = c.end;
    }
    if let Some(seg) = text.get(last..) {
        scan(seg, superscripts, &mut out);
    }
    out
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.push_str(s);
    } else {
        out.push(Inline::text(s));
    }
}

/// Words of a segment with their byte ranges.
fn words(seg: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in seg.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, seg.len()));
    }
    out
}

/// Whether a word (or a whole run of text) can hold a date, a link or a symbol: it has a digit
/// or a slash (every `http://` link has one) or a `www.` address. Most words and many sentences
/// have none, and are passed over without the closer look.
fn may_hold_inline(text: &str) -> bool {
    let b = text.as_bytes();
    // An OR over every byte (vectorised; `any` stops early and is not), then memchr's search.
    b.iter()
        .fold(false, |acc, c| acc | (c.is_ascii_digit() | (*c == b'/')))
        || memchr::memmem::find(b, b"www.").is_some()
}

/// Whether a text holds a link: `://` (after a slash, which most lines lack, told by memchr)
/// or a `www.` address.
pub(super) fn holds_link(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr(b'/', b).is_some() && memchr::memmem::find(b, b"://").is_some()
        || memchr::memmem::find(b, b"www.").is_some()
}

const OPENERS: &[char] = &['(', '[', '“', '‘', '"', '<'];
const CLOSERS: &[char] = &[')', ']', '”', '’', '"', '>', ',', ';', ':', '.', '!', '?'];

fn scan(seg: &str, superscripts: &[String], out: &mut Vec<Inline>) {
    if superscripts.is_empty() && !may_hold_inline(seg) {
        push_text(out, seg);
        return;
    }
    let ws = words(seg);
    let mut last = 0usize;
    let mut i = 0usize;
    while i < ws.len() {
        let Some(&(s, e)) = ws.get(i) else { break };
        let word = &seg[s..e];
        if superscripts.is_empty() && !may_hold_inline(word) {
            i += 1;
            continue;
        }
        let core_start = s + (word.len() - word.trim_start_matches(OPENERS).len());
        let core = seg[core_start..e].trim_end_matches(CLOSERS);
        let core_end = core_start + core.len();
        // A date: `10 November 2020`.
        if let (Some(&(_, e1)), Some(&(s2, e2))) = (ws.get(i + 1), ws.get(i + 2))
            && core.len() <= 2
            && core.bytes().all(|b| b.is_ascii_digit())
        {
            let year = seg[s2..e2].trim_end_matches(CLOSERS);
            let cand_end = s2 + year.len();
            if year.len() == 4
                && let Some(d) = seg.get(core_start..cand_end).and_then(Date::parse_prose)
                && e1 > core_start
            {
                push_text(out, &seg[last..core_start]);
                out.push(Inline::Date {
                    text: seg[core_start..cand_end].to_string(),
                    date: d,
                });
                last = cand_end;
                i += 3;
                continue;
            }
        }
        // A date written the US way: `April 7, 2023` (the month is the word before the day).
        if let (Some(&(sm, em)), Some(&(s2, e2))) =
            (i.checked_sub(1).and_then(|k| ws.get(k)), ws.get(i + 1))
            && sm >= last
            && word.ends_with(',')
            && (1..=2).contains(&core.len())
            && core.bytes().all(|b| b.is_ascii_digit())
        {
            let year = seg[s2..e2].trim_end_matches(CLOSERS);
            let month = Date::month_names().iter().position(|m| *m == &seg[sm..em]);
            let date = match (month, core.parse::<u8>(), year.parse::<u16>()) {
                (Some(m), Ok(d), Ok(y)) if year.len() == 4 => {
                    u8::try_from(m + 1).ok().and_then(|m| Date::new(y, m, d))
                }
                _ => None,
            };
            if let Some(date) = date {
                let end = s2 + year.len();
                push_text(out, &seg[last..sm]);
                out.push(Inline::Date {
                    text: seg[sm..end].to_string(),
                    date,
                });
                last = end;
                i += 2;
                continue;
            }
        }
        if core.starts_with("http://") || core.starts_with("https://") || core.starts_with("www.") {
            let href = if core.starts_with("www.") {
                format!("https://{core}")
            } else {
                core.to_string()
            };
            push_text(out, &seg[last..core_start]);
            out.push(Inline::Link {
                text: core.to_string(),
                href,
            });
            last = core_end;
        } else if core.contains('/')
            && let Some(symbol) = cited_symbol(core)
        {
            push_text(out, &seg[last..core_start]);
            out.push(Inline::symbol(core, symbol));
            last = core_end;
        } else if core.contains('/')
            && let Some(parts) = joint_symbol_shaped(core)
        {
            // A joint symbol cited in the text (`A/79/955-S/2025/402`): one cited symbol, its
            // text as printed, its parts in order.
            push_text(out, &seg[last..core_start]);
            let mut symbols = parts.into_iter();
            if let Some(symbol) = symbols.next() {
                out.push(Inline::Symbol {
                    text: core.to_string(),
                    symbol,
                    joint_with: symbols.collect(),
                });
            }
            last = core_end;
        } else if !superscripts.is_empty() && word.chars().any(|c| superscript_digit(c).is_some()) {
            for (off, c) in word.char_indices() {
                if superscript_digit(c).is_none() {
                    continue;
                }
                let at = s + off;
                let run: String = seg[at..].chars().map_while(superscript_digit).collect();
                let run_len: usize = seg[at..]
                    .chars()
                    .take_while(|c| superscript_digit(*c).is_some())
                    .map(char::len_utf8)
                    .sum();
                if at >= last && superscripts.contains(&run) {
                    push_text(out, &seg[last..at]);
                    out.push(Inline::FootnoteRef { marker: run });
                    last = at + run_len;
                }
            }
        }
        i += 1;
    }
    push_text(out, &seg[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text { text } | Inline::Symbol { text, .. } | Inline::Date { text, .. } => {
                    text.clone()
                }
                Inline::Link { text, .. } => text.clone(),
                Inline::FootnoteRef { marker } => format!("[{marker}]"),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn a_joint_symbol_in_the_text_is_one_cited_symbol_with_its_parts() {
        let text = "See my letter (A/79/955\u{2013}S/2025/402) of last week.";
        let inlines = to_inlines(text, &[], &[]);
        assert_eq!(plain(&inlines), text);
        let symbols: Vec<(String, Vec<String>, String)> = inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Symbol {
                    text,
                    symbol,
                    joint_with,
                } => Some((
                    symbol.to_string(),
                    joint_with.iter().map(|s| s.to_string()).collect(),
                    text.clone(),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(
            symbols,
            [(
                "A/79/955".to_string(),
                vec!["S/2025/402".to_string()],
                "A/79/955\u{2013}S/2025/402".to_string()
            )]
        );
        // A dash inside one symbol's series is not a join.
        let one = to_inlines("resolution A/ES-10/1043 applies", &[], &[]);
        assert_eq!(
            one.iter()
                .filter(|i| matches!(i, Inline::Symbol { .. }))
                .count(),
            1
        );
    }

    #[test]
    fn symbols_dates_links() {
        let t = "signed on 10 November 2020 (S/2020/1104, annex), see www.un.org.";
        let i = to_inlines(t, &[], &[]);
        assert_eq!(plain(&i), t);
        assert!(
            i.iter()
                .any(|x| matches!(x, Inline::Symbol { text, .. } if text == "S/2020/1104"))
        );
        assert!(
            i.iter()
                .any(|x| matches!(x, Inline::Date { text, .. } if text == "10 November 2020"))
        );
        assert!(
            i.iter()
                .any(|x| matches!(x, Inline::Link { text, .. } if text == "www.un.org"))
        );
    }

    #[test]
    fn callouts() {
        let t = "mayor of Kherson 1, congratulated";
        let c = find_callout(t, "1", 0).unwrap();
        assert_eq!(
            plain(&to_inlines(t, &[c], &[])),
            "mayor of Kherson[1], congratulated"
        );
        assert!(find_callout("resolution 1 of", "1", 0).is_none());
        assert!(find_callout("in Phase 2 work", "2", 0).is_none());
        let t = "(see annex).* It is";
        let c = find_callout(t, "*", 0).unwrap();
        assert_eq!(plain(&to_inlines(t, &[c], &[])), "(see annex).[*] It is");
        let t = "media sources,¹ members";
        assert_eq!(
            plain(&to_inlines(t, &[], &["1".into()])),
            "media sources,[1] members"
        );
    }

    #[test]
    fn us_style_dates() {
        let t = "on April 7, 2023, and on 7 April 2023; not May 40, 2023";
        let i = to_inlines(t, &[], &[]);
        assert_eq!(plain(&i), t);
        let dates: Vec<String> = i
            .iter()
            .filter_map(|x| match x {
                Inline::Date { text, date } => Some(format!("{text}={date}")),
                _ => None,
            })
            .collect();
        assert_eq!(
            dates,
            ["April 7, 2023=2023-04-07", "7 April 2023=2023-04-07"]
        );
    }

    #[test]
    fn only_un_series_are_cited_symbols() {
        let t = "the IAEA report GOV/2025/24 and the IMF paper WP/24/256 (see S/2025/71)";
        let symbols: Vec<String> = to_inlines(t, &[], &[])
            .iter()
            .filter_map(|i| match i {
                Inline::Symbol { symbol, .. } => Some(symbol.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(symbols, ["S/2025/71"]);
        assert_eq!(plain(&to_inlines(t, &[], &[])), t);
    }

    #[test]
    fn symbol_shapes() {
        assert!(symbol_shaped("A/ES-10/1043").is_some());
        assert!(symbol_shaped("S/2025/71/Rev.1").is_some());
        assert!(symbol_shaped("2024/25").is_none());
        assert!(symbol_shaped("TCP/IP").is_none());
    }
}
