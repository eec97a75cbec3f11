//! What is not content: the two forms a paragraph's text takes before comparison.
//!
//! [`tidy`] removes what layout and extraction add (line wrapping, runs of spaces, soft hyphens,
//! the stray space extraction leaves beside a hyphen at a line end: `Al- Qaida`, `Al -Qaida`), and is
//! what the diff shows. [`key`] further folds what typesetting varies without changing a word
//! (straight and curly quotes, the various dashes, the ellipsis character) and is what the diff compares.

/// The text with whitespace folded and extraction artefacts around hyphens removed; what the diff
/// shows of a paragraph.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        match c {
            // Soft hyphen and zero-width characters: invisible, line-breaking aids only.
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_whitespace() => pending_space = !out.is_empty(),
            c => {
                if pending_space {
                    if !joins_hyphen(&out, c) {
                        out.push(' ');
                    }
                    pending_space = false;
                }
                out.push(c);
            }
        }
    }
    drop_space_before_hyphen(out)
}

/// Whether a space between `before` and `next` is the artefact of a hyphen at a line end
/// (`Al-` then `Qaida`): the text ends with a letter and a hyphen, and a letter follows.
fn joins_hyphen(before: &str, next: char) -> bool {
    let mut tail = before.chars().rev();
    matches!(tail.next(), Some('-' | '\u{2010}' | '\u{2011}'))
        && tail.next().is_some_and(char::is_alphabetic)
        && next.is_alphabetic()
}

/// Removes the space in `Al -Qaida` (letter, space, hyphen, letter), which pdftotext produces when
/// a justified line ends in a hyphenated word. A spaced dash (`table - "Country" -`) is kept.
fn drop_space_before_hyphen(text: String) -> String {
    if !text.contains(" -") {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let artefact = c == ' '
            && i > 0
            && chars.get(i - 1).is_some_and(|p| p.is_alphabetic())
            && chars.get(i + 1) == Some(&'-')
            && chars.get(i + 2).is_some_and(|n| n.is_alphabetic());
        if !artefact {
            out.push(c);
        }
    }
    out
}

/// The comparison key of a text: [`tidy`], then quotes, dashes and ellipses unified. Two texts
/// with equal keys are the same content.
pub fn key(text: &str) -> String {
    fold(&tidy(text))
}

/// Unifies typographic variants in already tidy text (one token or a whole paragraph).
pub fn fold(tidy_text: &str) -> String {
    let mut out = String::with_capacity(tidy_text.len());
    for c in tidy_text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                out.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_and_spacing_are_not_content() {
        assert_eq!(tidy("  one\ntwo \u{a0} three\n"), "one two three");
        assert_eq!(key("Al- Qaida and Al -Qaida"), key("Al-Qaida and Al-Qaida"));
        assert_eq!(tidy("Secre\u{ad}tary"), "Secretary");
    }

    #[test]
    fn typography_is_not_content() {
        assert_eq!(
            key("Russia\u{2019}s \u{201C}plan\u{201D} \u{2013} 2024\u{2026}"),
            "Russia's \"plan\" - 2024..."
        );
    }

    #[test]
    fn spaced_dashes_and_words_are_content() {
        assert_eq!(tidy("table - Country -"), "table - Country -");
        assert_ne!(key("the plan"), key("the plans"));
        assert_ne!(key("Plan"), key("plan"));
    }
}
