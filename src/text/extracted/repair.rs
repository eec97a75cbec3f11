//! Safe repairs of extraction artefacts: only the ones that cannot change a word, never inventing
//! text. `Secretary -General` and `COVID -19` lose the space before their hyphen, `2024 –2025`
//! the one before its dash and `Russia ’s` the one before its apostrophe. Split words
//! (`advanc e`) are left alone: joining them would be a guess.

/// Repairs one folded paragraph string.
pub fn repair(s: &str) -> String {
    if !s.contains(" -") && !s.contains(" –") && !s.contains(" ’s") && !s.contains(" 's") {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = i.checked_sub(1).and_then(|k| chars.get(k)).copied();
            let next = chars.get(i + 1).copied();
            let after = chars.get(i + 2).copied();
            let after2 = chars.get(i + 3).copied();
            let word_before = prev.is_some_and(char::is_alphanumeric);
            // `Secretary -General`: a hyphen glued to the next word, space only before it.
            let hyphen = next == Some('-') && after.is_some_and(char::is_alphabetic) && word_before;
            // `COVID -19`, `EC -94`: a number after a name in capitals (after a word in lower
            // case it may be a minus sign: `to -3`).
            let numbered = next == Some('-')
                && after.is_some_and(|c| c.is_ascii_digit())
                && capitals_before(&chars, i);
            // `2024 –2025`: a range of numbers.
            let range = next == Some('–')
                && after.is_some_and(|c| c.is_ascii_digit())
                && prev.is_some_and(|c| c.is_ascii_digit());
            // `Russia ’s`: an apostrophe-s closing the word.
            let apostrophe = matches!(next, Some('’') | Some('\''))
                && after == Some('s')
                && !after2.is_some_and(char::is_alphanumeric)
                && prev.is_some_and(char::is_alphabetic);
            if hyphen || numbered || range || apostrophe {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether the word ending before `chars[i]` is a name in capitals of two letters or more.
fn capitals_before(chars: &[char], i: usize) -> bool {
    let word: Vec<char> = chars
        .get(..i)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .copied()
        .collect();
    word.len() >= 2 && word.iter().all(|c| c.is_ascii_uppercase())
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
