//! Validation of a plain-text letter: it is valid when the text reader makes a letter of it.
//! The reader's refusal is the diagnostic; its warnings are kept as warnings.

use super::diagnostic::{Diagnostic, Verdict};
use crate::convert::ReadOptions;
use crate::error::Error;
use crate::limits::Limits;

/// Rule id of a text the reader cannot make a letter of.
pub const READABLE: &str = "text-readable";
/// Rule id of a remark the reader made while reading.
pub const READER_WARNING: &str = "text-reader";

/// Validates one plain-text letter (byte-order mark removed), canonical text nesting at most
/// `max_depth` levels (`--max-text-depth`).
pub fn check(file: &str, text: &str, max_depth: usize) -> (Verdict, Vec<Diagnostic>) {
    let options = ReadOptions {
        limits: Limits {
            max_text_depth: max_depth,
            max_input_bytes: u64::MAX,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    match crate::text::read(text, &options) {
        Ok(read) => {
            let diags = read
                .warnings
                .into_iter()
                .map(|w| {
                    Diagnostic::error(file, READER_WARNING, w.message)
                        .at(w.position)
                        .warning()
                })
                .collect();
            (Verdict::Valid, diags)
        }
        // Nesting beyond the limit, which the user may raise: like an input over the size
        // limit, the file is not judged.
        Err(e @ Error::TooDeep { .. }) => (
            Verdict::Unreadable,
            vec![Diagnostic::error(file, super::TOO_DEEP, e.message()).at(e.position())],
        ),
        // The rule id says the letter could not be read; the reader's message says why, as is.
        Err(e) => (
            Verdict::Invalid,
            vec![Diagnostic::error(file, READABLE, e.message()).at(e.position())],
        ),
    }
}
