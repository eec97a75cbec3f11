//! Validation of JSON against the published `schemas/unletters.schema.json`, compiled once per process.

use std::sync::OnceLock;

/// The published schema, as committed.
pub const SCHEMA: &str = include_str!("../../schemas/unletters.schema.json");

/// The compiled validator for the published schema; built on first use and then shared.
pub fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: serde_json::Value =
            serde_json::from_str(SCHEMA).expect("the committed schema is JSON (checked by tests)");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the committed schema compiles (checked by tests)")
    })
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

/// Every way `value` breaks the published schema; empty when it is valid.
pub fn errors(value: &serde_json::Value) -> Vec<SchemaError> {
    validator()
        .iter_errors(value)
        .map(|e| SchemaError {
            instance_path: e.instance_path().to_string(),
            keyword: keyword_of(&e.schema_path().to_string()),
            message: e.to_string(),
        })
        .collect()
}

fn keyword_of(schema_path: &str) -> String {
    schema_path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string()
}
