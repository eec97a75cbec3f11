//! Plain text: the reader for letters as they arrive (pdftotext, `-layout`, Word-to-Markdown,
//! canonical text) and the canonical text writer.

use crate::error::{Error, Result, Warning};
use crate::model::Document;

/// Reads a letter from plain text.
pub fn read(_input: &str) -> Result<(Document, Vec<Warning>)> {
    Err(Error::Unsupported(
        "the plain-text reader is not built yet".into(),
    ))
}

/// Writes a document as canonical plain text.
pub fn write(_doc: &Document) -> Result<String> {
    Err(Error::Unsupported(
        "the plain-text writer is not built yet".into(),
    ))
}
