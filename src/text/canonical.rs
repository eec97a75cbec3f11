//! The canonical plain text: readable text close to the printed letter, which reads back losslessly.

use crate::error::{Error, Result};
use crate::model::Document;

/// Whether the input is canonical text written by [`write`].
pub fn is_canonical(_input: &str) -> bool {
    false
}

/// Writes a document as canonical text.
pub fn write(_doc: &Document) -> String {
    String::new()
}

/// Reads canonical text.
pub fn read(_input: &str) -> Result<Document> {
    Err(Error::Unsupported(
        "the canonical text reader is not built yet".into(),
    ))
}
