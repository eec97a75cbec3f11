//! The published JSON Schema of the unletters format: generated from the model, committed in
//! `schemas/unletters.schema.json`, compiled once per process, and checked against values.

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

/// The JSON Schema (draft 2020-12) of the JSON format, generated from the model.
pub fn schema() -> serde_json::Value {
    generate::<crate::model::Document>("unletters.schema.json", "unletters document")
}

/// The schema as published: pretty-printed, newline-terminated.
pub fn schema_text() -> String {
    publish(&schema())
}

/// The draft 2020-12 schema of `T`, with the `$id` of its published file `name` and a title.
pub(crate) fn generate<T: schemars::JsonSchema>(name: &str, title: &str) -> serde_json::Value {
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let mut schema = settings.into_generator().into_root_schema_for::<T>();
    schema.insert(
        "$id".into(),
        format!("https://github.com/unletters/unletters/schemas/{name}").into(),
    );
    schema.insert("title".into(), title.into());
    schema.to_value()
}

/// A schema as published in `schemas/`: pretty-printed, newline-terminated.
pub(crate) fn publish(schema: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}

fn keyword_of(schema_path: &str) -> String {
    schema_path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string()
}
