//! Validation of a letter's PDF: it is valid when the PDF reader makes a letter of it. The
//! reader's refusal (encrypted, no text layer, damaged, not a letter) is the diagnostic, naming
//! the page where it is known; its warnings are kept as warnings.

use super::diagnostic::{Diagnostic, Verdict};
use crate::convert::ReadOptions;
use crate::limits::Limits;

/// Rule id of a PDF the reader cannot make a letter of.
pub const READABLE: &str = "pdf-readable";
/// Rule id of a remark the reader made while reading.
pub const READER_WARNING: &str = "pdf-reader";

/// Validates one PDF (its size was checked by the caller).
pub fn check(file: &str, bytes: &[u8]) -> (Verdict, Vec<Diagnostic>) {
    let options = ReadOptions {
        limits: Limits {
            max_input_bytes: u64::MAX,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    match crate::pdf::read(bytes, &options) {
        Ok(read) => {
            let diags = read
                .warnings
                .into_iter()
                .map(|w| Diagnostic::error(file, READER_WARNING, w.message).warning())
                .collect();
            (Verdict::Valid, diags)
        }
        Err(e) => (
            Verdict::Invalid,
            vec![Diagnostic::error(file, READABLE, e.message())],
        ),
    }
}
