//! A classic unified diff of the two versions' canonical text, for `patch` and review tools.
//!
//! The canonical text comes from the text writer (`crate::text::write`). While that writer is not
//! built (it returns no text), a stand-in is used: the metadata fields one per line, then each
//! block on one line (list items and table rows on lines of their own), blocks separated by blank
//! lines. Either way lines are whole paragraphs, not the printed lines, so rewrapping is no change.

use similar::TextDiff;

use crate::diff::blocks;
use crate::diff::metadata::FIELDS;
use crate::model::Document;

/// Lines of context around each hunk, as `diff -u` gives.
const CONTEXT: usize = 3;

/// The unified diff from `old` to `new`, with `---`/`+++` headers naming them; empty when the
/// canonical texts are equal.
pub fn render(old: &Document, new: &Document, old_name: &str, new_name: &str) -> String {
    let (a, b) = (canonical_text(old), canonical_text(new));
    if a == b {
        return String::new();
    }
    let diff = TextDiff::from_lines(&a, &b);
    diff.unified_diff()
        .context_radius(CONTEXT)
        .header(old_name, new_name)
        .to_string()
}

/// The document's canonical text (see the module comment for the stand-in).
pub fn canonical_text(doc: &Document) -> String {
    match crate::text::write(doc) {
        Ok(text) if !text.is_empty() => text,
        _ => stand_in(doc),
    }
}

fn stand_in(doc: &Document) -> String {
    let mut out = String::new();
    if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(doc) {
        for field in FIELDS {
            if let Some(v) = map.get(field) {
                out.push_str(field);
                out.push_str(": ");
                out.push_str(&crate::diff::normalize::tidy(&super::show_value(v)));
                out.push('\n');
            }
        }
    }
    for unit in blocks::units(doc) {
        out.push('\n');
        out.push_str(&unit.text);
        out.push('\n');
    }
    out
}
