//! Plain text: the reader for letters as they arrive (pdftotext default and `-layout` output,
//! Word-to-Markdown text) and the project's canonical text, which it both writes and reads.

pub mod canonical;
pub mod extracted;

use crate::convert::{Read, ReadOptions, finish};
use crate::error::{Error, Result};
use crate::format::Format;
use crate::model::Document;

/// Reads a letter from plain text, in whichever form it came: the project's canonical text, or
/// text extracted from a PDF or Word. The input is held to `options.limits` (its size; canonical
/// text's spans, containers and annexes each nesting at most `max_text_depth` levels; extracted
/// text has no nesting to bound).
pub fn read(input: &str, options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(input.len())?;
    check_lines(input)?;
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

/// The most lines a text may have, counting the pieces the reader cuts a Word line into at
/// glued bold markers. The readers keep a record of each line, so a file of millions of short
/// lines would take fifty times its size (30 million one-character lines took 7 GB); this bounds
/// that at about 60 MB, whatever the input. The longest letter seen has about 5,000 lines.
pub const MAX_LINES: usize = 250_000;

/// Refuses a text of more than [`MAX_LINES`] lines, naming the line where the limit is passed.
fn check_lines(input: &str) -> Result<()> {
    match memchr::memchr_iter(b'\n', input.as_bytes()).nth(MAX_LINES) {
        None => Ok(()),
        Some(_) => Err(Error::invalid_at(
            crate::error::Position {
                line: MAX_LINES + 1,
                column: 1,
            },
            too_many_lines(),
        )),
    }
}

/// Why a text of more than [`MAX_LINES`] lines is refused.
pub(crate) fn too_many_lines() -> String {
    format!(
        "more than {MAX_LINES} lines: longer than any letter, and more than the text reader \
         takes (it keeps a record of each line)"
    )
}

/// Writes a document as canonical plain text.
pub fn write(doc: &Document) -> Result<String> {
    Ok(canonical::write(doc))
}
