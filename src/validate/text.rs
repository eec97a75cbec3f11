//! Validation of a plain-text letter: it is valid when the text reader makes a letter of it.
//! The reader's refusal is the diagnostic; its warnings are kept as warnings.

use super::diagnostic::{Diagnostic, Verdict};
use crate::error::Error;

/// Rule id of a text the reader cannot make a letter of.
pub const READABLE: &str = "text-readable";
/// Rule id of a remark the reader made while reading.
pub const READER_WARNING: &str = "text-reader";

/// Validates one plain-text letter (byte-order mark removed).
pub fn check(file: &str, text: &str) -> (Verdict, Vec<Diagnostic>) {
    match crate::text::read(text) {
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
        Err(Error::Invalid { position, message }) => (
            Verdict::Invalid,
            vec![
                Diagnostic::error(
                    file,
                    READABLE,
                    if message.starts_with("not a letter") {
                        message
                    } else {
                        format!("not a readable letter: {message}")
                    },
                )
                .at(position),
            ],
        ),
        // A reader this build lacks still means the letter could not be read: the file is not
        // shown to be a letter, so it is not valid.
        Err(e) => (
            Verdict::Invalid,
            vec![Diagnostic::error(
                file,
                READABLE,
                format!("not a readable letter: {e}"),
            )],
        ),
    }
}
