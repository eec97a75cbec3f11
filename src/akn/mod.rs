//! Akoma Ntoso 3.0 (AKN4UN): reader and writer.

use crate::error::{Error, Result, Warning};
use crate::model::Document;

/// Reads a letter from Akoma Ntoso XML.
pub fn read(_input: &str) -> Result<(Document, Vec<Warning>)> {
    Err(Error::Unsupported(
        "the Akoma Ntoso reader is not built yet".into(),
    ))
}

/// Writes a document as Akoma Ntoso XML.
pub fn write(_doc: &Document) -> Result<String> {
    Err(Error::Unsupported(
        "the Akoma Ntoso writer is not built yet".into(),
    ))
}
