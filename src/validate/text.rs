//! Validation of a plain-text letter: it is valid when the text reader makes a letter of it.
//! The reader's refusal is the diagnostic; its warnings are kept as warnings.

use super::diagnostic::{Diagnostic, Verdict};
use crate::error::Error;

/// Rule id of a text the reader cannot make a letter of.
pub const READABLE: &str = "text-readable";
/// Rule id of a remark the reader made while reading.
pub const READER_WARNING: &str = "text-reader";

/// Validates one plain-text letter (byte-order mark removed), canonical text nesting at most
/// `max_depth` levels (`--max-text-depth`).
pub fn check(file: &str, text: &str, max_depth: usize) -> (Verdict, Vec<Diagnostic>) {
    match crate::text::read_with_max_depth(text, max_depth) {
        Ok((_, warnings)) => {
            let diags = warnings
                .into_iter()
                .map(|w| {
                    Diagnostic::error(file, READER_WARNING, w.message)
                        .at(w.position)
                        .warning()
                })
                .collect();
            (Verdict::Valid, diags)
        }
        // The rule id says the letter could not be read; the reader's message says why, as is.
        Err(Error::Invalid { position, message }) => (
            Verdict::Invalid,
            vec![Diagnostic::error(file, READABLE, message).at(position)],
        ),
        // The reader's only refusal of this kind is nesting beyond the limit, which the user may
        // raise: like an input over the size limit, the file is not judged.
        Err(Error::Unsupported(message)) => (
            Verdict::Unreadable,
            vec![Diagnostic::error(file, super::TOO_DEEP, message)],
        ),
        Err(e) => (
            Verdict::Invalid,
            vec![Diagnostic::error(file, READABLE, e.to_string())],
        ),
    }
}
