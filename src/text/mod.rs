//! Plain text: the reader for letters as they arrive (pdftotext default and `-layout` output,
//! Word-to-Markdown text) and the project's canonical text, which it both writes and reads.

pub mod canonical;
pub mod extracted;

use crate::error::{Result, Warning};
use crate::model::Document;

/// Reads a letter from plain text, in whichever form it came.
pub fn read(input: &str) -> Result<(Document, Vec<Warning>)> {
    if canonical::is_canonical(input) {
        canonical::read(input).map(|d| (d, Vec::new()))
    } else {
        extracted::read(input)
    }
}

/// Writes a document as canonical plain text.
pub fn write(doc: &Document) -> Result<String> {
    Ok(canonical::write(doc))
}
