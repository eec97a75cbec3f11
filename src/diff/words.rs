//! Word-level changes inside a modified paragraph, computed with `similar` on whitespace-separated
//! words compared by their [`normalize::fold`]ed form, so a curly quote that became straight is not
//! a change, and shown in their own form.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::normalize;

/// A run of words that is kept, deleted or inserted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WordChange {
    /// Whether the words are kept (`equal`), only in the old text (`delete`) or only in the new (`insert`).
    pub op: WordOp,
    /// The words, separated by single spaces (kept words as the new text shows them).
    pub text: String,
}

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WordOp {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

/// The word changes that turn `old` into `new`, as runs in reading order (a replaced run is its
/// deletion then its insertion). Line breaks between list items or rows count as spaces.
pub fn diff_words(old: &str, new: &str) -> Vec<WordChange> {
    let old_words: Vec<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    let old_keys: Vec<String> = old_words.iter().map(|w| normalize::fold(w)).collect();
    let new_keys: Vec<String> = new_words.iter().map(|w| normalize::fold(w)).collect();
    let mut out: Vec<WordChange> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let old_run = old_words.get(old_range).unwrap_or_default();
        let new_run = new_words.get(new_range).unwrap_or_default();
        match op {
            DiffOp::Equal { .. } => push(&mut out, WordOp::Equal, new_run),
            DiffOp::Delete { .. } => push(&mut out, WordOp::Delete, old_run),
            DiffOp::Insert { .. } => push(&mut out, WordOp::Insert, new_run),
            DiffOp::Replace { .. } => {
                push(&mut out, WordOp::Delete, old_run);
                push(&mut out, WordOp::Insert, new_run);
            }
        }
    }
    out
}

/// Appends a run, merging it into the previous run of the same kind.
fn push(out: &mut Vec<WordChange>, op: WordOp, words: &[&str]) {
    if words.is_empty() {
        return;
    }
    let text = words.join(" ");
    match out.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => out.push(WordChange { op, text }),
    }
}

/// Whether any run is a deletion or an insertion.
pub fn changed(words: &[WordChange]) -> bool {
    words.iter().any(|w| w.op != WordOp::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(words: &[WordChange]) -> Vec<(WordOp, &str)> {
        words.iter().map(|w| (w.op, w.text.as_str())).collect()
    }

    #[test]
    fn one_word_replaced() {
        let w = diff_words(
            "The report of 2024 is attached.",
            "The report of 2025 is attached.",
        );
        assert_eq!(
            runs(&w),
            [
                (WordOp::Equal, "The report of"),
                (WordOp::Delete, "2024"),
                (WordOp::Insert, "2025"),
                (WordOp::Equal, "is attached."),
            ]
        );
    }

    #[test]
    fn typography_only_is_no_change() {
        let w = diff_words("Russia\u{2019}s \u{201C}plan\u{201D}", "Russia's \"plan\"");
        assert!(!changed(&w));
        assert_eq!(runs(&w), [(WordOp::Equal, "Russia's \"plan\"")]);
    }
}
