//! The reader for letter text as extraction delivers it: pdftotext default mode, pdftotext
//! `-layout`, and Word converted to Markdown-ish text.

use crate::error::{Error, Result, Warning};
use crate::model::Document;

/// Reads extracted letter text.
pub fn read(_input: &str) -> Result<(Document, Vec<Warning>)> {
    Err(Error::Unsupported(
        "the plain-text reader is not built yet".into(),
    ))
}
