//! Validation of JSON against the published `schemas/unletters.schema.json`, compiled once per process.

use std::sync::OnceLock;

/// The published schema, as committed.
pub const SCHEMA: &str = include_str!("../../schemas/unletters.schema.json");

/// The compiled validator for the published schema; built on first use and then shared. An
/// error only if the committed schema were broken, which the tests rule out.
pub fn validator() -> Result<&'static jsonschema::Validator, &'static str> {
    static VALIDATOR: OnceLock<Result<jsonschema::Validator, String>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let schema: serde_json::Value = serde_json::from_str(SCHEMA)
                .map_err(|e| format!("the published JSON Schema is not JSON: {e}"))?;
            jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .map_err(|e| format!("the published JSON Schema does not compile: {e}"))
        })
        .as_ref()
        .map_err(String::as_str)
}

/// One way a JSON value breaks the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// JSON Pointer to the offending value.
    pub instance_path: String,
    /// The schema keyword that failed (`required`, `type`, ...).
    pub keyword: String,
    /// What is wrong, for a person.
    pub message: String,
}

/// Every way `value` breaks the published schema; empty when it is valid. (Were the schema itself
/// broken, that is the one error, so nothing passes unchecked.)
pub fn errors(value: &serde_json::Value) -> Vec<SchemaError> {
    let validator = match validator() {
        Ok(v) => v,
        Err(reason) => {
            return vec![SchemaError {
                instance_path: String::new(),
                keyword: "schema-unavailable".to_string(),
                message: reason.to_string(),
            }];
        }
    };
    validator
        .iter_errors(value)
        .map(|e| SchemaError {
            instance_path: e.instance_path().to_string(),
            keyword: keyword_of(&e.schema_path().to_string()),
            message: message_of(&e),
        })
        .collect()
}

/// The error's message; for `anyOf` / `oneOf`, what each alternative wanted (jsonschema's own
/// message only says that none matched).
fn message_of(e: &jsonschema::ValidationError) -> String {
    use jsonschema::error::ValidationErrorKind as K;
    let context = match e.kind() {
        K::AnyOf { context } | K::OneOfNotValid { context } => context,
        _ => return e.to_string(),
    };
    let instance = e.instance();
    let constants: Option<Vec<String>> = context
        .iter()
        .map(|branch| match branch.first().map(|b| b.kind()) {
            Some(K::Constant { expected_value }) => Some(expected_value.to_string()),
            _ => None,
        })
        .collect();
    if let Some(values) = constants.filter(|v| !v.is_empty()) {
        return format!("{instance} is not one of {}", values.join(", "));
    }
    let mut wants: Vec<String> = Vec::new();
    for branch in context {
        if let Some(first) = branch.first() {
            let m = first.to_string();
            if !wants.contains(&m) {
                wants.push(m);
            }
        }
    }
    if wants.is_empty() {
        e.to_string()
    } else {
        format!("{instance} fits no alternative: {}", wants.join("; or "))
    }
}

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
        super::json_span::locate(text, pointer).map(|o| Position::of_offset(text, o))
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

fn keyword_of(schema_path: &str) -> String {
    schema_path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string()
}
