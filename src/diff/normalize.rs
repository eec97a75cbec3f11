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
    let mut rest = text;
    loop {
        // Runs of visible ASCII, most of the text, are copied whole; the rest goes char by char.
        let run = rest.bytes().take_while(u8::is_ascii_graphic).count();
        if let (Some(head), Some(tail)) = (rest.get(..run), rest.get(run..))
            && let Some(first) = head.chars().next()
        {
            if pending_space {
                if !joins_hyphen(&out, first) {
                    out.push(' ');
                }
                pending_space = false;
            }
            out.push_str(head);
            rest = tail;
        }
        let Some(c) = rest.chars().next() else { break };
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
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
    fold_leaders(&drop_space_before_hyphen(out))
}

/// Replaces a dot leader (`Africa . . . . . . 12` in a table of contents, whose dot count
/// depends on the line width) with `...`. A PDF's glyphs give the leader as one run of dots, set
/// apart from the entry's last word or not (`threat......`): a run of four dots or more is a
/// leader too.
fn fold_leaders(text: &str) -> String {
    if !text.contains(". . .") && !text.contains("....") {
        return text.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for word in text.split(' ') {
        let head = word.trim_end_matches('.');
        let dots = word.len() - head.len();
        if !word.is_empty() && head.is_empty() {
            run.push(word);
            continue;
        }
        flush_dots(&mut out, &mut run);
        if dots >= 4 {
            out.push(head);
            run.push(&word[head.len()..]);
            continue;
        }
        out.push(word);
    }
    flush_dots(&mut out, &mut run);
    out.join(" ")
}

/// Ends a run of words of dots: a leader (three words or more, or a run of four dots) as `...`,
/// anything shorter as it was.
fn flush_dots<'a>(out: &mut Vec<&'a str>, run: &mut Vec<&'a str>) {
    let leader = run.len() >= 3 || run.iter().any(|w| w.len() >= 4);
    if leader {
        out.push("...");
    } else {
        out.append(run);
    }
    run.clear();
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

/// A key without any whitespace: what two texts must share to be the same content. Extraction
/// splits and joins words at random (`weapo ns`, `propaganda .`), so where spaces fall is not
/// trusted.
pub fn compact(key: &str) -> String {
    // A key is tidy: its only whitespace is single ASCII spaces, and dropping those bytes
    // leaves valid UTF-8 (no multi-byte character contains 0x20).
    let bytes: Vec<u8> = key.bytes().filter(|&b| b != b' ').collect();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Unifies typographic variants in already tidy text (one token or a whole paragraph).
pub fn fold(tidy_text: &str) -> String {
    let mut out = String::with_capacity(tidy_text.len());
    let mut rest = tidy_text;
    loop {
        // ASCII other than the backquote is left as it is: copy such runs whole.
        let run = rest
            .bytes()
            .take_while(|b| b.is_ascii() && *b != b'`')
            .count();
        out.push_str(rest.get(..run).unwrap_or_default());
        rest = rest.get(run..).unwrap_or_default();
        let Some(c) = rest.chars().next() else { break };
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
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
        assert_eq!(tidy("Africa . . . . . 12"), tidy("Africa . . . 12"));
        assert_eq!(tidy("Africa . . . . . 12"), "Africa ... 12");
        assert_eq!(tidy("threat......... 5"), "threat ... 5");
        assert_eq!(tidy("threat ......... 5"), "threat ... 5");
        assert_eq!(tidy("etc.. and . ."), "etc.. and . .");
        assert_eq!(
            compact(&key("the weapo ns .")),
            compact(&key("the weapons."))
        );
    }

    #[test]
    fn typography_is_not_content() {
        assert_eq!(
            key("Russia\u{2019}s \u{201C}plan\u{201D} \u{2013} 2024\u{2026}"),
            "Russia's \"plan\" - 2024..."
        );
    }

    /// The char-by-char definitions the run-copying versions must agree with.
    fn tidy_by_char(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.chars() {
            match c {
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
                c if c.is_whitespace() => pending_space = !out.is_empty(),
                c => {
                    if pending_space && !joins_hyphen(&out, c) {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(c);
                }
            }
        }
        fold_leaders(&drop_space_before_hyphen(out))
    }

    proptest::proptest! {
        #[test]
        fn run_copying_agrees_with_the_char_by_char_definition(
            text in "[ a-zA-Z.`\\-\n\t\u{a0}\u{ad}\u{2019}\u{201c}\u{2013}\u{2026}é]{0,40}"
        ) {
            let tidy_text = tidy(&text);
            proptest::prop_assert_eq!(&tidy_text, &tidy_by_char(&text));
            let by_char: String = key(&text).chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(compact(&key(&text)), by_char);
            let folded: String = tidy_text.chars().map(|c| fold(&c.to_string())).collect();
            proptest::prop_assert_eq!(fold(&tidy_text), folded);
        }
    }

    #[test]
    fn spaced_dashes_and_words_are_content() {
        assert_eq!(tidy("table - Country -"), "table - Country -");
        assert_ne!(key("the plan"), key("the plans"));
        assert_ne!(key("Plan"), key("plan"));
    }
}
