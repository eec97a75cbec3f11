//! Safe repairs of extraction artefacts: only the ones that cannot change a word, never inventing
//! text. `Secretary -General` and `COVID -19` lose the space before their hyphen, `2024 –2025`
//! the one before its dash and `Russia ’s` the one before its apostrophe. Split words
//! (`advanc e`) are left alone: joining them would be a guess.

/// Repairs one folded paragraph string.
pub fn repair(s: &str) -> String {
    // Only a space before a hyphen, dash or apostrophe is ever dropped: a paragraph without one
    // (most) is copied as it is, after one pass over its bytes.
    // Looked for by the byte after the space: hyphens, apostrophes and the lead byte of `–`
    // and `’` are rarer than spaces.
    let bytes = s.as_bytes();
    let candidate = memchr::memchr3_iter(b'-', b'\'', 0xE2, bytes).any(|i| {
        i > 0
            && bytes.get(i - 1) == Some(&b' ')
            && drops_space(
                s,
                i - 1,
                s.get(..i - 1).and_then(|head| head.chars().next_back()),
            )
    });
    if !candidate {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if c == ' ' && drops_space(s, i, prev) {
            prev = Some(c);
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Whether the space at byte `i` of `s`, after `prev`, is an extraction artefact.
fn drops_space(s: &str, i: usize, prev: Option<char>) -> bool {
    let mut rest = s.get(i + 1..).unwrap_or_default().chars();
    let (next, after, after2) = (rest.next(), rest.next(), rest.next());
    let word_before = prev.is_some_and(char::is_alphanumeric);
    // `Secretary -General`: a hyphen glued to the next word, space only before it.
    let hyphen = next == Some('-') && after.is_some_and(char::is_alphabetic) && word_before;
    // `COVID -19`, `EC -94`: a number after a name in capitals (after a word in lower case it
    // may be a minus sign: `to -3`).
    let numbered = next == Some('-')
        && after.is_some_and(|c| c.is_ascii_digit())
        && capitals_before(s.get(..i).unwrap_or_default());
    // `2024 –2025`: a range of numbers.
    let range = next == Some('–')
        && after.is_some_and(|c| c.is_ascii_digit())
        && prev.is_some_and(|c| c.is_ascii_digit());
    // `Russia ’s`: an apostrophe-s closing the word.
    let apostrophe = matches!(next, Some('’') | Some('\''))
        && after == Some('s')
        && !after2.is_some_and(char::is_alphanumeric)
        && prev.is_some_and(char::is_alphabetic);
    hyphen || numbered || range || apostrophe
}

/// Whether the word `head` ends with is a name in capitals of two letters or more.
fn capitals_before(head: &str) -> bool {
    let word = head.rsplit(char::is_whitespace).next().unwrap_or_default();
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_only_safe_artefacts() {
        assert_eq!(
            repair("the Secretary -General said"),
            "the Secretary-General said"
        );
        assert_eq!(repair("Russia ’s position"), "Russia’s position");
        assert_eq!(repair("Council ’s paralysis"), "Council’s paralysis");
        assert_eq!(repair("1943 - 1944 and a - b"), "1943 - 1944 and a - b");
        assert_eq!(repair("advanc e"), "advanc e");
        assert_eq!(repair("the ’sixties"), "the ’sixties");
        assert_eq!(repair("COVID -19 and EC -94"), "COVID-19 and EC-94");
        assert_eq!(repair("falls to -3 or to A -3"), "falls to -3 or to A -3");
        assert_eq!(repair("in 2024 –2025"), "in 2024–2025");
        assert_eq!(repair("in 2024 – 2025, a –3"), "in 2024 – 2025, a –3");
    }
}
