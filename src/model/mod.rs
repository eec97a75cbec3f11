//! The document model: one Rust value for one issued UN letter, whatever format it came from.
//!
//! Every reader produces a [`Document`] and every writer consumes one; validation and diff work on
//! it too. The field names here are the JSON contract (see `schemas/unletters.schema.json`), so
//! renaming a field is a breaking change for users.

mod block;
mod date;
mod masthead;

pub use block::{Block, Cell, Footnote, Inline, ListItem, Num, Row};
pub use date::{Date, DateError};
pub use masthead::{AgendaItem, Session};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::symbol::Symbol;

/// The version of the JSON format this build writes and reads; written as the `format` field.
pub const FORMAT: &str = "unletters/1";

/// One issued UN letter: masthead, title, body, signatures, annexes and footnotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The version of this JSON format; always `"unletters/1"` for this schema.
    #[serde(default = "format_version")]
    #[schemars(extend("const" = "unletters/1"))]
    pub format: String,
    /// The document symbols printed in the masthead, in printed order (`A/79/729`, `S/2025/40` for a
    /// joint letter). A reissue carries its star (`A/79/843*`). Empty when the source had none.
    pub symbols: Vec<Symbol>,
    /// The issuing organs named in the masthead, in printed order (`General Assembly`, `Security Council`).
    pub organs: Vec<String>,
    /// The distribution class after `Distr.:` (`General`, `Limited`, `Restricted`).
    pub distribution: Option<String>,
    /// The masthead's date of issuance.
    pub date: Option<Date>,
    /// The language of this version, where the masthead names it apart from the original (`English`
    /// above `Original: French`).
    pub language: Option<String>,
    /// The language after `Original:`.
    pub original_language: Option<String>,
    /// Per organ, its session or year line and the agenda items listed under it.
    pub sessions: Vec<Session>,
    /// The first-page job number as printed (`25-00746 (E)`).
    pub job_number: Option<String>,
    /// What kind of communication the title announces.
    pub kind: Kind,
    /// Headings printed between the masthead and the title (`Request for the inclusion of a
    /// supplementary item ...`); usually empty.
    pub title_headings: Vec<String>,
    /// The covering title, whitespace folded (`Letter dated 17 January 2025 from ... addressed to ...`).
    pub title: String,
    /// The date in the title.
    pub letter_date: Option<Date>,
    /// Who the title says the letter is from (`the Permanent Representative of Azerbaijan to the United Nations`).
    pub sender: Option<String>,
    /// The offices the title says it is addressed to, in order, without a leading "the".
    pub addressees: Vec<String>,
    /// The covering letter's body.
    pub body: Vec<Block>,
    /// The covering letter's signature blocks, in printed order.
    pub signatures: Vec<Signature>,
    /// Annexes to the covering letter, in order.
    pub annexes: Vec<Annex>,
    /// Footnotes called from the masthead, title or covering letter (annexes keep their own).
    pub footnotes: Vec<Footnote>,
}

fn format_version() -> String {
    FORMAT.to_string()
}

impl Default for Document {
    fn default() -> Self {
        Document {
            format: format_version(),
            symbols: Vec::new(),
            organs: Vec::new(),
            distribution: None,
            date: None,
            language: None,
            original_language: None,
            sessions: Vec::new(),
            job_number: None,
            kind: Kind::Letter,
            title_headings: Vec::new(),
            title: String::new(),
            letter_date: None,
            sender: None,
            addressees: Vec::new(),
            body: Vec::new(),
            signatures: Vec::new(),
            annexes: Vec::new(),
            footnotes: Vec::new(),
        }
    }
}

/// The kind of communication, read from the title's first words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `Letter dated ...`
    Letter,
    /// `Identical letters dated ...` addressed to several presidents at once.
    IdenticalLetters,
    /// `Note verbale dated ...` from a mission, in the third person, usually unsigned.
    NoteVerbale,
    /// Any other issued document (a report, a corrigendum) read with the same tools.
    Other,
}

impl Kind {
    /// The JSON name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Letter => "letter",
            Kind::IdenticalLetters => "identical_letters",
            Kind::NoteVerbale => "note_verbale",
            Kind::Other => "other",
        }
    }
}

/// One signatory's block under a letter: `(Signed) Tofig Musayev` / `Ambassador` / `Permanent Representative`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signatory's name as printed.
    pub name: String,
    /// The lines under the name (`Ambassador`, `Permanent Representative`), in order.
    pub titles: Vec<String>,
    /// Whether the block is marked as signed (`(Signed)`, `/-/`).
    pub signed: bool,
}

/// Whether an attached part is an annex, an enclosure inside an annex, or an appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnnexKind {
    /// `Annex`, `Annex I`, `Annex to the letter dated ...`
    Annex,
    /// `Enclosure`, `Enclosure 2`
    Enclosure,
    /// `Appendix`, `Appendix I`
    Appendix,
}

/// An annex or enclosure: its own heading, title, body and signatures, and its own attachments to any depth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// Annex, enclosure or appendix.
    pub kind: AnnexKind,
    /// The heading block as printed, whitespace folded (`Annex I`, `Annex to the letter dated ...`).
    pub heading: String,
    /// The title under the heading, when there is one (the annexed letter's `Letter dated ...` line,
    /// or a report's title).
    pub title: Option<String>,
    /// The annex's body.
    pub body: Vec<Block>,
    /// Signature blocks at the end of the annex.
    pub signatures: Vec<Signature>,
    /// Enclosures or appendices inside this annex.
    pub annexes: Vec<Annex>,
    /// Footnotes called from this annex (not from its nested attachments).
    pub footnotes: Vec<Footnote>,
}

impl Annex {
    /// An empty annex with the given kind and heading.
    pub fn new(kind: AnnexKind, heading: impl Into<String>) -> Self {
        Annex {
            kind,
            heading: heading.into(),
            title: None,
            body: Vec::new(),
            signatures: Vec::new(),
            annexes: Vec::new(),
            footnotes: Vec::new(),
        }
    }
}
