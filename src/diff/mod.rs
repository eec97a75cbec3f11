//! What changed between two versions of the same document: the diff model (metadata changes and
//! block changes), how it is computed, and its published JSON Schema.
//!
//! The comparison works on the document model, so it ignores how each side was laid out or which
//! format it came in: `blocks` flattens each document into comparable units, `normalize` says
//! what is not content, `align` pairs units by content, `words` finds the changed words inside
//! a modified unit, `metadata` compares the masthead field by field, and `corrigendum`
//! recognises a list of corrections. [`render`] writes a [`Diff`] for people and programs.

pub(crate) mod align;
// Public, hidden: the corpus tests check what a unit is and how text is normalised.
#[doc(hidden)]
pub mod blocks;
pub(crate) mod corrigendum;
pub(crate) mod metadata;
#[doc(hidden)]
pub mod normalize;
pub mod render;
pub(crate) mod words;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use corrigendum::{Corrigendum, Instruction};
pub use metadata::MetadataChange;
pub use words::{WordChange, WordOp};

use crate::model::Document;
use crate::symbol::Symbol;
use align::Step;
use blocks::Unit;

/// The version of the diff's JSON form; written as its `format` field.
pub const FORMAT: &str = "unletters-diff/1";

/// What changed from an old version of a document to a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diff {
    /// The version of this JSON form; always `"unletters-diff/1"`.
    #[schemars(extend("const" = "unletters-diff/1"))]
    pub format: String,
    /// The base symbol both versions share (`S/2025/71` for `S/2025/71/Rev.1`); `null` when the
    /// comparison was forced across different symbols or a side has none.
    pub base_symbol: Option<String>,
    /// The old version's symbols as printed.
    pub old_symbols: Vec<String>,
    /// The new version's symbols as printed.
    pub new_symbols: Vec<String>,
    /// Set when the new version is a corrigendum made of instructions ("for ... read ..."): its
    /// instructions are listed here and the blocks are not compared.
    pub corrigendum: Option<Corrigendum>,
    /// Masthead and title fields that differ, in the JSON model's order.
    pub metadata: Vec<MetadataChange>,
    /// Block changes in the new version's reading order (deletions where the block stood).
    pub changes: Vec<Change>,
    /// How many blocks are unchanged (moved blocks not counted).
    pub unchanged: usize,
    /// How many unchanged blocks follow the last change.
    pub unchanged_after: usize,
    /// Set when a size guard made the alignment cheaper and less thorough (see `diff::align`).
    pub guarded: bool,
}

/// One block inserted, deleted, modified or moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// What happened to the block.
    pub op: Op,
    /// What the block is: `paragraph`, `heading`, `list`, `quotation`, `table`, `signature`,
    /// `annex_heading`, `annex_title` or `footnote`.
    pub kind: String,
    /// Where the change is: a JSON Pointer into the new version's JSON (into the old version's for
    /// a deletion), e.g. `/body/3` or `/annexes/0/body/2`.
    pub location: String,
    /// Where the block stood in the old version, when it was there.
    pub old_location: Option<String>,
    /// Where the block stands in the new version, when it is there.
    pub new_location: Option<String>,
    /// The whole old text of the block (list items and table rows on lines of their own).
    pub old: Option<String>,
    /// The whole new text of the block.
    pub new: Option<String>,
    /// For a modification, or a move that also edited the block: the runs of kept, deleted and
    /// inserted words. Empty otherwise.
    pub words: Vec<WordChange>,
    /// How many unchanged blocks come between the previous change and this one.
    pub unchanged_before: usize,
}

/// What happened to a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Only in the new version.
    Insert,
    /// Only in the old version.
    Delete,
    /// In both, in the same place, with words changed.
    Modify,
    /// In both, in another place (perhaps with words changed too).
    Move,
}

impl Op {
    /// The op's name as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Delete => "delete",
            Op::Modify => "modify",
            Op::Move => "move",
        }
    }
}

impl Diff {
    /// Whether the versions differ at all.
    pub fn has_differences(&self) -> bool {
        !self.metadata.is_empty() || !self.changes.is_empty() || self.corrigendum.is_some()
    }
}

/// Compares two versions of a document. Does not check their symbols: see [`base_symbol`].
pub fn diff(old: &Document, new: &Document) -> Diff {
    // Normalising each side's blocks is independent work: one side per core.
    let (old_units, new_units) = rayon::join(|| blocks::units(old), || blocks::units(new));
    // Recognising a corrigendum and aligning are independent too; the alignment is dropped
    // when the new version turns out to be a corrigendum.
    let (corrigendum, alignment) = rayon::join(
        || corrigendum::recognise(new, &new_units),
        || align::align(&old_units, &new_units),
    );
    let symbols = |d: &Document| d.symbols.iter().map(ToString::to_string).collect();
    let mut out = Diff {
        format: FORMAT.to_string(),
        base_symbol: base_symbol(old, new).ok(),
        old_symbols: symbols(old),
        new_symbols: symbols(new),
        corrigendum,
        metadata: metadata::compare(old, new),
        changes: Vec::new(),
        unchanged: 0,
        unchanged_after: 0,
        guarded: false,
    };
    if out.corrigendum.is_some() {
        return out;
    }
    out.guarded = alignment.guarded;
    // The word diffs of the steps are independent: compute them in parallel, then count the
    // unchanged blocks between changes in order.
    let changes: Vec<Option<Change>> = alignment
        .steps
        .par_iter()
        .map(|&step| change(step, &old_units, &new_units))
        .collect();
    let mut run = 0;
    for c in changes {
        match c {
            Some(mut c) => {
                c.unchanged_before = run;
                out.changes.push(c);
                run = 0;
            }
            None => {
                out.unchanged += 1;
                run += 1;
            }
        }
    }
    out.unchanged_after = run;
    out
}

/// The change one alignment step stands for, its `unchanged_before` left at 0; `None` when the
/// block is unchanged (a modification whose words differ only in what is not content counts as
/// unchanged).
fn change(step: Step, old: &[Unit], new: &[Unit]) -> Option<Change> {
    let make = |op: Op, o: Option<&Unit>, n: Option<&Unit>| {
        let words = match (op, o, n) {
            (Op::Modify | Op::Move, Some(o), Some(n)) if o.compact != n.compact => {
                words::diff_words(&o.text, &n.text)
            }
            _ => Vec::new(),
        };
        let here = n.or(o)?;
        Some(Change {
            op,
            kind: here.kind.to_string(),
            location: here.location.clone(),
            old_location: o.map(|u| u.location.clone()),
            new_location: n.map(|u| u.location.clone()),
            old: o.map(|u| u.text.clone()),
            new: n.map(|u| u.text.clone()),
            words,
            unchanged_before: 0,
        })
    };
    match step {
        Step::Equal(..) => None,
        Step::Modify(o, n) => {
            let c = make(Op::Modify, old.get(o), new.get(n))?;
            words::changed(&c.words).then_some(c)
        }
        Step::Delete(o) => make(Op::Delete, old.get(o), None),
        Step::Insert(n) => make(Op::Insert, None, new.get(n)),
        Step::Move(o, n) => make(Op::Move, old.get(o), new.get(n)),
    }
}

/// The base symbol two versions share, or why they are not versions of one document.
///
/// Each side's symbols are reduced to their base (star and `/Rev.`, `/Corr.`, `/Add.`, `/Amend.`
/// suffixes dropped); the versions match when a base is common to both, so a joint letter matches
/// the revision of either of its symbols.
pub fn base_symbol(old: &Document, new: &Document) -> Result<String, String> {
    if old.symbols.is_empty() || new.symbols.is_empty() {
        let side = if old.symbols.is_empty() { "OLD" } else { "NEW" };
        return Err(format!(
            "{side} names no document symbol, so it cannot be checked to be a version of the same document"
        ));
    }
    for n in &new.symbols {
        if old.symbols.iter().any(|o| o.same_base(n)) {
            return Ok(base_of(n));
        }
    }
    let list = |d: &Document| {
        d.symbols
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    Err(format!(
        "not versions of the same document: OLD is {} and NEW is {}",
        list(old),
        list(new)
    ))
}

/// A symbol's base as text: no star, no suffix chain (`E/2025/15` for `E/2025/15/Add.1/Rev.1`).
fn base_of(symbol: &Symbol) -> String {
    symbol.base_str().to_string()
}

/// The JSON Schema (draft 2020-12) of the `--format json` output, generated from [`Diff`].
pub fn schema() -> serde_json::Value {
    crate::json::schema::generate::<Diff>("diff.schema.json", "unletters diff")
}

/// The diff schema as published in `schemas/diff.schema.json`: pretty-printed, newline-terminated.
pub fn schema_text() -> String {
    crate::json::schema::publish(&schema())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(symbols: &[&str]) -> Document {
        Document {
            symbols: symbols.iter().map(|s| s.parse().unwrap()).collect(),
            ..Document::default()
        }
    }

    #[test]
    fn versions_of_one_symbol_share_its_base() {
        let ok = |a: &[&str], b: &[&str]| base_symbol(&doc(a), &doc(b));
        assert_eq!(
            ok(&["S/2025/71"], &["S/2025/71/Rev.1"]).unwrap(),
            "S/2025/71"
        );
        assert_eq!(ok(&["A/79/843"], &["A/79/843*"]).unwrap(), "A/79/843");
        assert_eq!(
            ok(&["E/2025/15/Add.1"], &["E/2025/15/Add.1/Rev.1"]).unwrap(),
            "E/2025/15"
        );
        assert_eq!(
            ok(
                &["A/79/729", "S/2025/40"],
                &["A/79/729/Corr.1", "S/2025/40/Corr.1"]
            )
            .unwrap(),
            "A/79/729"
        );
        assert!(ok(&["S/2025/71"], &["S/2025/72"]).is_err());
        assert!(ok(&["S/2025/71"], &[]).is_err());
        // A number is not a suffix: A/80/6 is not a version of A/80.
        assert!(ok(&["A/80/6"], &["A/80/7"]).is_err());
    }
}
