//! Safe repairs of extraction artefacts: only the ones that cannot change a word, never inventing
//! text. `Secretary -General` loses the space before its hyphen and `Russia ’s` the space before
//! its apostrophe. Split words (`advanc e`) are left alone: joining them would be a guess.

/// Repairs one folded paragraph string.
pub fn repair(s: &str) -> String {
    if !s.contains(" -") && !s.contains(" ’s") && !s.contains(" 's") {
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
            // `Russia ’s`: an apostrophe-s closing the word.
            let apostrophe = matches!(next, Some('’') | Some('\''))
                && after == Some('s')
                && !after2.is_some_and(char::is_alphanumeric)
                && prev.is_some_and(char::is_alphabetic);
            if hyphen || apostrophe {
                continue;
            }
        }
        out.push(c);
    }
    out
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
    }
}
