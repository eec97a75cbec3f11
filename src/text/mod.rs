//! Plain text: the reader for letters as they arrive (pdftotext default and `-layout` output,
//! Word-to-Markdown text) and the project's canonical text, which it both writes and reads.

pub mod canonical;
pub mod extracted;

use crate::error::{Result, Warning};
use crate::model::Document;

/// Reads a letter from plain text, in whichever form it came (canonical text nesting at most
/// [`canonical::DEFAULT_MAX_DEPTH`] levels).
pub fn read(input: &str) -> Result<(Document, Vec<Warning>)> {
    read_with_max_depth(input, canonical::DEFAULT_MAX_DEPTH)
}

/// Reads a letter from plain text, with canonical text's spans, containers and annexes each
/// nesting at most `max_depth` levels (extracted text has no nesting to bound).
pub fn read_with_max_depth(input: &str, max_depth: usize) -> Result<(Document, Vec<Warning>)> {
    if canonical::is_canonical(input) {
        canonical::read_with_max_depth(input, max_depth).map(|d| (d, Vec::new()))
    } else {
        extracted::read(input)
    }
}

/// Writes a document as canonical plain text.
pub fn write(doc: &Document) -> Result<String> {
    Ok(canonical::write(doc))
}
