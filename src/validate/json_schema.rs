//! Validation of JSON against the published schema ([`crate::json::schema`](mod@crate::json::schema)), as diagnostics.

pub use crate::json::schema::{SCHEMA, SchemaError, errors, validator};

/// Rule id of a file that is not JSON at all.
pub const SYNTAX: &str = "json-syntax";
/// Rule id of a JSON file whose top level is not an object.
pub const NOT_OBJECT: &str = "json-not-object";

/// Validates one JSON file (byte-order mark removed) against the published schema, each error
/// located at the line and column of the offending value in `text`.
pub fn check(
    file: &str,
    text: &str,
) -> (
    super::diagnostic::Verdict,
    Vec<super::diagnostic::Diagnostic>,
) {
    use super::diagnostic::{Diagnostic, Verdict};
    use crate::error::Position;

    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_string();
            let position = (e.line() > 0).then(|| Position {
                line: e.line(),
                column: e.column().max(1),
            });
            let diag = Diagnostic::error(file, SYNTAX, format!("not JSON: {message}")).at(position);
            return (Verdict::Malformed, vec![diag]);
        }
    };
    let at = |pointer: &str| {
        crate::json::span::locate(text, pointer).map(|o| Position::of_offset(text, o))
    };
    if !value.is_object() {
        let mut d = Diagnostic::error(
            file,
            NOT_OBJECT,
            format!(
                "the top level is {}, not an unletters document (a JSON object)",
                kind_of(&value)
            ),
        )
        .at(at(""));
        d.pointer = Some(String::new());
        return (Verdict::Invalid, vec![d]);
    }
    let diags: Vec<Diagnostic> = errors(&value)
        .into_iter()
        .map(|e| {
            let mut d = Diagnostic::error(file, e.keyword, e.message).at(at(&e.instance_path));
            d.pointer = Some(e.instance_path);
            d
        })
        .collect();
    let verdict = if diags.is_empty() {
        Verdict::Valid
    } else {
        Verdict::Invalid
    };
    (verdict, diags)
}

fn kind_of(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
