//! Corrigenda: documents that are a list of instructions ("For ... read ...", "... should read ...",
//! "Replace ... with ...", "Delete ...", "Insert ...") against their base text rather than a new
//! full text. The diff recognises one and says so, listing the instructions, instead of reporting
//! the whole base text as deleted. Applying the instructions is not attempted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::blocks::Unit;
use crate::model::Document;
use crate::symbol::{SuffixKind, Symbol};

/// What the diff found out about a corrigendum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Corrigendum {
    /// The new document's symbol carries a `Corr.` suffix.
    pub by_symbol: bool,
    /// The instructions found in the new document, in order.
    pub instructions: Vec<Instruction>,
}

/// One correction instruction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instruction {
    /// The place it applies to, from the heading before it (`Paragraph 28`), when there is one.
    pub place: Option<String>,
    /// The instruction as printed.
    pub text: String,
    /// Where it sits in the corrigendum (a JSON Pointer, as change locations are).
    pub location: String,
}

/// Whether a symbol names a corrigendum (`.../Corr.1`, also `.../Corr.1/Rev.1`).
pub fn is_corrigendum_symbol(symbol: &Symbol) -> bool {
    symbol.suffixes().iter().any(|s| s.kind == SuffixKind::Corr)
}

/// Recognises a corrigendum: its instructions, when at least one unit reads as one and
/// instructions and the short place headings (`Paragraph 28`) before them make up at least half
/// of the document's units. `None` for a document with full text.
pub fn recognise(doc: &Document, units: &[Unit]) -> Option<Corrigendum> {
    let by_symbol = doc.symbols.iter().any(is_corrigendum_symbol);
    let mut instructions = Vec::new();
    let mut place: Option<String> = None;
    let mut accounted = 0;
    for unit in units {
        if is_instruction(&unit.key) {
            instructions.push(Instruction {
                place: place.take(),
                text: unit.text.clone(),
                location: unit.location.clone(),
            });
            accounted += 1;
        } else if is_place(&unit.key) {
            place = Some(unit.text.clone());
            accounted += 1;
        }
    }
    let mostly_instructions = !instructions.is_empty() && accounted * 2 >= units.len();
    mostly_instructions.then_some(Corrigendum {
        by_symbol,
        instructions,
    })
}

/// Whether a paragraph's key reads as a correction instruction.
fn is_instruction(key: &str) -> bool {
    let lower = key.to_lowercase();
    let starts = |w: &str| lower.starts_with(w);
    (starts("for ") && lower.contains(" read "))
        || lower.contains("should read")
        || ((starts("replace") || starts("for ")) && lower.contains(" with "))
        || starts("delete")
        || starts("insert")
        || starts("add ")
        || lower.contains("should be accompanied by")
        || lower.contains("should be deleted")
        || lower.contains("should be inserted")
}

/// Whether a paragraph's key is a short heading naming where an instruction applies.
fn is_place(key: &str) -> bool {
    let words = key.split_whitespace().count();
    let first = key.split_whitespace().next().unwrap_or_default();
    words <= 12
        && matches!(
            first,
            "Paragraph"
                | "Paragraphs"
                | "Table"
                | "Figure"
                | "Page"
                | "Annex"
                | "Section"
                | "Footnote"
                | "Title"
                | "Chapter"
                | "Summary"
                | "Corrigendum"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::blocks;
    use crate::model::Block;

    #[test]
    fn recognises_for_read_instructions() {
        let doc = Document {
            symbols: vec!["DP/2030/1/Corr.1".parse().unwrap()],
            body: vec![
                Block::paragraph("Corrigendum"),
                Block::paragraph("Paragraph 12"),
                Block::paragraph("For 12 countries read 14 countries"),
                Block::paragraph("Table 3"),
                Block::paragraph("The title of the table should read \u{201C}Evaluations\u{201D}."),
            ],
            ..Document::default()
        };
        let c = recognise(&doc, &blocks::units(&doc)).unwrap();
        assert!(c.by_symbol);
        assert_eq!(c.instructions.len(), 2);
        assert_eq!(c.instructions[0].place.as_deref(), Some("Paragraph 12"));
        assert_eq!(c.instructions[1].place.as_deref(), Some("Table 3"));
    }

    #[test]
    fn a_full_text_is_not_a_corrigendum() {
        let doc = Document {
            body: vec![
                Block::paragraph("I have the honour to transmit the report."),
                Block::paragraph("For the record, the meeting was held in New York."),
                Block::paragraph("I should be grateful if you would circulate this letter."),
            ],
            ..Document::default()
        };
        assert_eq!(recognise(&doc, &blocks::units(&doc)), None);
        let corr = |s: &str| is_corrigendum_symbol(&s.parse().unwrap());
        assert!(corr("A/80/6 (Sect. 24)/Corr.1"));
        assert!(!corr("S/2025/71/Rev.1"));
    }
}
