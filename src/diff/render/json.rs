//! The diff as JSON, valid against `schemas/diff.schema.json`.

use crate::diff::Diff;

/// The diff as pretty-printed JSON, ending with a newline.
pub fn render(diff: &Diff) -> String {
    // Plain data with string keys: serialising to a String cannot fail.
    let mut s = serde_json::to_string_pretty(diff).unwrap_or_default();
    s.push('\n');
    s
}
