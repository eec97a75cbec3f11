//! Writers of a [`Diff`]: for a terminal, as a classic unified diff, as JSON, and as
//! a self-contained HTML page. Helpers they share live here.

pub mod html;
pub mod json;
pub mod terminal;
pub mod unified;

use serde_json::Value;

use super::{Change, Diff, Op};

/// A metadata value for people: a string as is, a list of strings joined by commas, `(none)`
/// for an absent value, anything else as compact JSON.
pub fn show_value(v: &Value) -> String {
    match v {
        Value::Null => "(none)".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "(none)".to_string(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// The heading line of a block change, without colour: `modified block 4 (paragraph)`.
pub fn change_title(c: &Change) -> String {
    let at = |l: &Option<String>| {
        l.as_deref()
            .map(super::blocks::describe)
            .unwrap_or_default()
    };
    match c.op {
        Op::Insert => format!("inserted {} ({})", at(&c.new_location), c.kind),
        // A deletion is where the block stood in the old version, which the next change's place
        // in the new version may repeat: "old" keeps the two apart.
        Op::Delete => format!("deleted old {} ({})", at(&c.old_location), c.kind),
        Op::Modify if c.old_location != c.new_location && c.old_location.is_some() => format!(
            "modified {} (old {}) ({})",
            at(&c.new_location),
            at(&c.old_location),
            c.kind
        ),
        Op::Modify => format!("modified {} ({})", at(&c.new_location), c.kind),
        Op::Move if c.words.is_empty() => format!(
            "moved {} to {} ({})",
            at(&c.old_location),
            at(&c.new_location),
            c.kind
        ),
        Op::Move => format!(
            "moved and modified {} to {} ({})",
            at(&c.old_location),
            at(&c.new_location),
            c.kind
        ),
    }
}

/// `S/2025/71 → S/2025/71/Rev.1`, naming the base symbol when there is one.
pub fn headline(diff: &Diff) -> String {
    let side = |s: &[String]| {
        if s.is_empty() {
            "(no symbol)".to_string()
        } else {
            s.join(", ")
        }
    };
    let mut line = format!(
        "{} \u{2192} {}",
        side(&diff.old_symbols),
        side(&diff.new_symbols)
    );
    if let Some(b) = &diff.base_symbol {
        line.push_str(&format!(" (base symbol {b})"));
    }
    line
}

/// One line counting the changes: `2 metadata fields, 1 modified, 1 inserted; 14 blocks unchanged`.
pub fn summary(diff: &Diff) -> String {
    if !diff.has_differences() {
        return format!("no differences ({} blocks compared)", diff.unchanged);
    }
    let mut parts = Vec::new();
    let count = |n: usize, what: &str| (n > 0).then(|| format!("{n} {what}"));
    parts.extend(count(
        diff.metadata.len(),
        if diff.metadata.len() == 1 {
            "metadata field"
        } else {
            "metadata fields"
        },
    ));
    for op in [Op::Modify, Op::Insert, Op::Delete, Op::Move] {
        let n = diff.changes.iter().filter(|c| c.op == op).count();
        let word = match op {
            Op::Modify => "modified",
            Op::Insert => "inserted",
            Op::Delete => "deleted",
            Op::Move => "moved",
        };
        parts.extend(count(n, word));
    }
    if let Some(c) = &diff.corrigendum {
        parts.push(format!(
            "a corrigendum of {} instructions",
            c.instructions.len()
        ));
    }
    let mut s = parts.join(", ");
    if diff.corrigendum.is_none() {
        s.push_str(&format!("; {} blocks unchanged", diff.unchanged));
    }
    s
}
