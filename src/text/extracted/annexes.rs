//! Annexes, enclosures and appendices: recognises their headings (`Annex`, `Annex I`,
//! `Annex to the letter dated ... addressed to ...`, `Enclosure`), which may wrap like a title,
//! and the title of a letter printed under them.

use crate::model::AnnexKind;

/// Whether a roman numeral, a number or a single capital letter names an annex (`I`, `2`, `B`).
fn is_ordinal(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ':']);
    !w.is_empty()
        && (w.chars().all(|c| "IVXLC".contains(c))
            || w.bytes().all(|b| b.is_ascii_digit())
            || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())))
}

/// The kind of attachment a heading line opens, and whether the heading may wrap onto the next
/// lines (`Annex to the letter dated ...`).
pub fn heading_kind(t: &str) -> Option<(AnnexKind, bool)> {
    // Asked of every line: the first four words are all the patterns below look at.
    let words: Vec<&str> = t.split_whitespace().take(4).collect();
    let first = words.first()?;
    // The word as a heading is capitalised (`Annex`, `ANNEX`), never `annex` in running text.
    if !first.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let kind = match first.to_lowercase().as_str() {
        "annex" | "annexes" => AnnexKind::Annex,
        "enclosure" | "enclosures" => AnnexKind::Enclosure,
        "appendix" | "appendices" => AnnexKind::Appendix,
        _ => return None,
    };
    match words.len() {
        1 => Some((kind, false)),
        2 if is_ordinal(words.get(1)?) => Some((kind, false)),
        _ if words.get(1) == Some(&"to")
            && words
                .get(2)
                .is_some_and(|w| *w == "the" || w.starts_with(char::is_lowercase)) =>
        {
            Some((kind, true))
        }
        // `Annex I to the letter dated ...`
        _ if is_ordinal(words.get(1)?)
            && words.get(2) == Some(&"to")
            && words
                .get(3)
                .is_some_and(|w| *w == "the" || w.starts_with(char::is_lowercase)) =>
        {
            Some((kind, true))
        }
        3 if is_ordinal(words.get(1)?)
            && words
                .get(2)
                .is_some_and(|w| w.starts_with('*') || w.starts_with('[')) =>
        {
            Some((kind, false))
        }
        _ => None,
    }
}

/// Short words a title leaves in lower case (`Statement of the Ministry of ...`).
const TITLE_SMALL_WORDS: [&str; 24] = [
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "over",
    "the",
    "to",
    "upon",
    "with",
    "within",
    "without",
    "between",
    "against",
    "concerning",
    "under",
];

/// Whether a line is written in title case: every word but the small ones capitalised (numbers
/// and symbols aside), and at least two words.
fn is_title_case(t: &str) -> bool {
    let mut words = 0;
    for w in t.split_whitespace() {
        words += 1;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let first = core.chars().next();
        let capital = first.is_none_or(|c| !c.is_alphabetic() || c.is_uppercase());
        if !capital && (words == 1 || !TITLE_SMALL_WORDS.contains(&core)) {
            return false;
        }
    }
    words >= 2
}

/// How many of an attachment's first lines (folded) are its own title when that title is not a
/// letter's (`Statement of the Ministry of Foreign Affairs of the Republic of Estelia`): up to
/// three lines, the first in title case and each after it in title case or carrying on in lower
/// case, without a closing stop or comma, followed by a line that starts a sentence. A date, a
/// place and date, a bracketed note (`[Original: English]`) or a translator's line
/// (`Translation from Russian`) is no title. 0 when the attachment opens with running text.
pub fn plain_title_extent(lines: &[&str]) -> usize {
    let ends_open = |t: &str| {
        t.rsplit(' ')
            .next()
            .is_some_and(|w| TITLE_SMALL_WORDS.contains(&w))
    };
    let titled = |t: &str| {
        is_title_case(t)
            && t.chars().count() <= 120
            && !t.starts_with('[')
            && !t.starts_with("Translation")
            && crate::model::Date::parse_prose(t).is_none()
            && !super::body::is_dateline(t)
    };
    let carries_on = |t: &str| t.starts_with(|c: char| c.is_lowercase()) && t.len() <= 120;
    let starts_sentence = |t: &str| t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    for n in 1..=3 {
        let (Some(title), Some(next)) = (lines.get(..n), lines.get(n)) else {
            return 0;
        };
        let Some((first, rest)) = title.split_first() else {
            return 0;
        };
        if !titled(first) || !rest.iter().all(|t| titled(t) || carries_on(t)) {
            return 0;
        }
        let last = title.last().copied().unwrap_or_default();
        if last.ends_with(['.', ',', ';', ':', '!', '?']) {
            return 0;
        }
        if !ends_open(last) && starts_sentence(next) && !titled(next) && !carries_on(next) {
            return n;
        }
        // A date closes a title (`Lebanon Violations Report: 27 November 2024–16 February
        // 2025`): a line in title case after it starts something else (a table's header).
        if ends_with_year(last) && starts_sentence(next) {
            return n;
        }
    }
    0
}

/// Whether a line ends with a year (`... 16 February 2025`, `(3 June 2025)`).
fn ends_with_year(t: &str) -> bool {
    let t = t.trim_end_matches(')');
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    digits == 4
        && t.len() > 4
        && t.as_bytes()
            .get(t.len() - 5)
            .is_some_and(|b| !b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_titles() {
        let statement = [
            "Statement of the Ministry of Foreign Affairs of the Republic of Estelia",
            "The Ministry of Foreign Affairs of the Republic of Estelia expresses its deep",
        ];
        assert_eq!(plain_title_extent(&statement), 1);
        let wrapped = [
            "Joint Declaration of the Ministers for Foreign Affairs of the",
            "Marren Basin States",
            "We, the Ministers, meeting in Lisk on 9 October 2025,",
        ];
        assert_eq!(plain_title_extent(&wrapped), 2);
        // Running text, a sentence that ends, and a lone line are no titles.
        let running = [
            "On 3 October 2025, the water authority of the upper basin closed the three",
            "sluice gates at Valdor without the notice required.",
        ];
        assert_eq!(plain_title_extent(&running), 0);
        let sentence = ["The Government Regrets This.", "It Calls For Restraint."];
        assert_eq!(plain_title_extent(&sentence), 0);
        assert_eq!(plain_title_extent(&["Statement of the Ministry"]), 0);
        // A title-case line that runs on into more title case is a list, not a title.
        let names = ["Mira Talvenko", "Oskar Lind", "Ines Varga", "Tomas Ek"];
        assert_eq!(plain_title_extent(&names), 0);
        let carried = [
            "Communiqué of the Basin Commission on the Reopening",
            "of the Valdor Sluice Gates",
            "The Commission met in Lisk on 9 October 2025.",
        ];
        assert_eq!(plain_title_extent(&carried), 2);
        // A date closes a title: the line in title case after it is something else.
        let dated = [
            "Violations Report: 27 November 2024–16 February 2099",
            "Date of",
            "submission to",
        ];
        assert_eq!(plain_title_extent(&dated), 1);
        assert!(ends_with_year("Attacks on the city (3 June 2099)"));
        assert!(!ends_with_year("Report 12345"));
        // Dates, places and dates, and notes on the original language open no title.
        for not_title in [
            "9 October 2025",
            "Lisk, 9 October 2025",
            "[Original: English]",
        ] {
            assert_eq!(plain_title_extent(&[not_title, "The Ministry regrets."]), 0);
        }
    }

    #[test]
    fn headings() {
        assert_eq!(heading_kind("Annex"), Some((AnnexKind::Annex, false)));
        assert_eq!(heading_kind("Annex II"), Some((AnnexKind::Annex, false)));
        assert_eq!(
            heading_kind("Enclosure"),
            Some((AnnexKind::Enclosure, false))
        );
        assert_eq!(
            heading_kind("Annex to the letter dated 27 January 2025 from the Permanent"),
            Some((AnnexKind::Annex, true))
        );
        assert_eq!(
            heading_kind("Annex II to the letter dated 1 April 2099 from the"),
            Some((AnnexKind::Annex, true))
        );
        assert_eq!(heading_kind("Annex I contains the list"), None);
        assert_eq!(heading_kind("annex"), None);
    }
}
