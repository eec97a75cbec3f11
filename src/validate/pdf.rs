//! Validation of a letter's PDF: it is valid when the PDF reader makes a letter of it. The
//! reader's refusal (encrypted, no text layer, damaged, not a letter) is the diagnostic, with the
//! page where it is known; its warnings are kept as warnings.

use super::diagnostic::{Diagnostic, Verdict};
use crate::error::Error;

/// Rule id of a PDF the reader cannot make a letter of.
pub const READABLE: &str = "pdf-readable";
/// Rule id of a remark the reader made while reading.
pub const READER_WARNING: &str = "pdf-reader";

/// Validates one PDF.
pub fn check(file: &str, bytes: &[u8]) -> (Verdict, Vec<Diagnostic>) {
    match crate::pdf::read(bytes) {
        Ok((_, warnings)) => {
            let diags = warnings
                .into_iter()
                .map(|w| Diagnostic::error(file, READER_WARNING, w.message).warning())
                .collect();
            (Verdict::Valid, diags)
        }
        Err(Error::Invalid { message, .. }) => (
            Verdict::Invalid,
            vec![Diagnostic::error(file, READABLE, message)],
        ),
        Err(Error::Unsupported(message)) => (
            Verdict::Unreadable,
            vec![Diagnostic::error(file, READABLE, message)],
        ),
        Err(e) => (
            Verdict::Invalid,
            vec![Diagnostic::error(file, READABLE, e.to_string())],
        ),
    }
}
