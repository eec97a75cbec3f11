//! Body content: blocks (paragraphs, lists, quotations, tables, headings), inlines, and footnotes.
//!
//! In JSON every block and inline is an object tagged with `type`, and running text always sits in
//! a `text` field, so a consumer can collect a paragraph's words without knowing every inline kind.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Date;

/// A block of body content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A paragraph of running text, numbered (`1.`, `(a)`) or not.
    Paragraph {
        /// The paragraph's number or letter as printed, when it has one.
        num: Option<Num>,
        /// The paragraph's text.
        content: Vec<Inline>,
    },
    /// A section heading inside a body (`Context`, `Air transport`).
    Heading {
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A list of items, each with an optional label (`(a)`, `1.`, `•`).
    List {
        /// The items in order.
        items: Vec<ListItem>,
    },
    /// A quoted passage set apart from the running text.
    Quotation {
        /// The quoted blocks.
        body: Vec<Block>,
    },
    /// A table, kept row by row.
    Table {
        /// The rows in order; header rows first.
        rows: Vec<Row>,
    },
}

impl Block {
    /// An unnumbered paragraph of plain text.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph {
            num: None,
            content: vec![Inline::text(text)],
        }
    }
}

/// The printed label of a numbered paragraph or list item. An object with a `text` field, so the
/// label reads as part of the paragraph's running text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Num {
    /// The label as printed (`1.`, `(a)`, `•`).
    pub text: String,
}

impl Num {
    /// A label with the given text.
    pub fn new(text: impl Into<String>) -> Self {
        Num { text: text.into() }
    }
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    /// The item's label as printed, when it has one.
    pub num: Option<Num>,
    /// The item's content: usually one paragraph, sometimes a nested list.
    pub body: Vec<Block>,
}

/// One table row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Whether this is a header row.
    pub header: bool,
    /// The cells in order.
    pub cells: Vec<Cell>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The cell's text.
    pub content: Vec<Inline>,
}

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text.
        text: String,
    },
    /// Emphasised (italic) text.
    Emphasis {
        /// The emphasised inlines.
        content: Vec<Inline>,
    },
    /// Strong (bold) text.
    Strong {
        /// The bold inlines.
        content: Vec<Inline>,
    },
    /// A footnote call-out; `marker` names a footnote of the enclosing document or annex.
    FootnoteRef {
        /// The marker as printed (`1`, `*`).
        marker: String,
    },
    /// A UN document symbol cited in the text (`S/2020/1104`), or a joint symbol cited as one
    /// (`A/79/955-S/2025/402`).
    Symbol {
        /// The symbol as printed (the whole joint symbol, when joint).
        text: String,
        /// The symbol, normalised; of a joint symbol, its first part (the one the document is
        /// filed under, which undocs.org resolves).
        symbol: crate::symbol::Symbol,
        /// The other parts of a joint symbol, normalised, in printed order; empty (and absent
        /// from JSON) for a single symbol.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        joint_with: Vec<crate::symbol::Symbol>,
    },
    /// A date written out in the text (`10 November 2020`).
    Date {
        /// The date as printed.
        text: String,
        /// The date it denotes.
        date: Date,
    },
    /// A web address or other link.
    Link {
        /// The link text as printed.
        text: String,
        /// Where it points.
        href: String,
    },
}

impl Inline {
    /// Plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }

    /// A single symbol cited in the text.
    pub fn symbol(text: impl Into<String>, symbol: crate::symbol::Symbol) -> Self {
        Inline::Symbol {
            text: text.into(),
            symbol,
            joint_with: Vec::new(),
        }
    }
}

/// A footnote: its marker and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The marker as printed (`1`, `*`, `a`).
    pub marker: String,
    /// The footnote's content, usually one paragraph.
    pub body: Vec<Block>,
}
