//! Validation of JSON against the published schema ([`crate::json::schema`](mod@crate::json::schema)), as diagnostics.
//!
//! The checking is [`crate::json::check`], the engine `convert` reads JSON with: both give one
//! problem the same position and words; this module only turns problems into diagnostics.

pub use crate::json::schema::{SCHEMA, SchemaError, errors, validator};
pub use crate::json::{NOT_OBJECT, SYNTAX};

/// Validates one JSON file (byte-order mark removed) against the published schema and the model,
/// each problem located at the line and column of the offending value in `text`, in text order.
pub fn check(
    file: &str,
    text: &str,
) -> (
    super::diagnostic::Verdict,
    Vec<super::diagnostic::Diagnostic>,
) {
    use super::diagnostic::{Diagnostic, Verdict};

    let problems = match crate::json::check(text) {
        Ok(_) => return (Verdict::Valid, Vec::new()),
        Err(problems) => problems,
    };
    let verdict = if problems.iter().any(|p| p.rule == SYNTAX) {
        Verdict::Malformed
    } else {
        Verdict::Invalid
    };
    let diagnostics = problems
        .into_iter()
        .map(|p| {
            let mut d = Diagnostic::error(file, p.rule, p.message).at(p.position);
            d.pointer = p.pointer;
            d
        })
        .collect();
    (verdict, diagnostics)
}
