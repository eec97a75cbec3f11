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

#[cfg(test)]
mod tests {
    use super::*;

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
