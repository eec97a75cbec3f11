//! Plain text: the reader for letters as they arrive (pdftotext default and `-layout` output,
//! Word-to-Markdown text) and the project's canonical text, which it both writes and reads.

pub mod canonical;
pub mod extracted;

use crate::convert::{Read, ReadOptions, finish};
use crate::error::Result;
use crate::format::Format;
use crate::model::Document;

/// Reads a letter from plain text, in whichever form it came: the project's canonical text, or
/// text extracted from a PDF or Word. The input is held to `options.limits` (its size; canonical
/// text's spans, containers and annexes each nesting at most `max_text_depth` levels; extracted
/// text has no nesting to bound).
pub fn read(input: &str, options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(input.len())?;
    let (document, warnings) = if canonical::is_canonical(input) {
        (
            canonical::read(input, options.limits.max_text_depth)?,
            Vec::new(),
        )
    } else {
        extracted::read(input)?
    };
    Ok(finish(document, warnings, Format::Text, options))
}

/// Writes a document as canonical plain text.
pub fn write(doc: &Document) -> Result<String> {
    Ok(canonical::write(doc))
}
