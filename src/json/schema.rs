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

/// The error in words. A pattern or format says what the value should be (the schema's own
/// description of it, not its regular expression); an unknown field is named; of the
/// alternatives of `anyOf` / `oneOf`, those the value plainly is not (`null` for a value that is
/// not null, a block of another `type`) are dropped, and what the others wanted is said.
fn message_of(e: &jsonschema::ValidationError) -> String {
    use jsonschema::error::ValidationErrorKind as K;
    let instance = e.instance();
    match e.kind() {
        K::Pattern { pattern } => described("pattern", pattern)
            .map_or_else(|| e.to_string(), |d| format!("{instance} is not {d}")),
        K::Format { format } => described("format", format)
            .map_or_else(|| e.to_string(), |d| format!("{instance} is not {d}")),
        K::AdditionalProperties { unexpected } => {
            let names: Vec<String> = unexpected.iter().map(|n| format!("{n:?}")).collect();
            match names.as_slice() {
                [one] => format!("unknown field {one}"),
                many => format!("unknown fields {}", many.join(", ")),
            }
        }
        K::AnyOf { context } | K::OneOfNotValid { context } => alternatives(e, context),
        _ => e.to_string(),
    }
}

/// What the value of a failed `anyOf` / `oneOf` should have been.
fn alternatives(
    e: &jsonschema::ValidationError,
    context: &[Vec<jsonschema::ValidationError<'static>>],
) -> String {
    use jsonschema::error::ValidationErrorKind as K;
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
    let here = e.instance_path().to_string();
    // A branch the value plainly is not: `null` for a value that is not null; a block whose
    // `type` tag names another kind of block.
    let plainly_not = |branch: &Vec<jsonschema::ValidationError<'static>>| {
        branch.iter().any(|b| {
            let path = b.instance_path().to_string();
            match b.kind() {
                K::Type { .. } => path == here && b.to_string().ends_with("\"null\""),
                K::Constant { .. } => path == format!("{here}/type"),
                _ => false,
            }
        })
    };
    let left: Vec<_> = context.iter().filter(|b| !plainly_not(b)).collect();
    let branches = if left.is_empty() {
        context.iter().collect()
    } else {
        left
    };
    let mut wants: Vec<String> = Vec::new();
    for branch in &branches {
        for error in branch.iter().take(if branches.len() == 1 { 3 } else { 1 }) {
            let m = located(&here, error);
            if !wants.contains(&m) {
                wants.push(m);
            }
        }
    }
    match (branches.len(), wants.as_slice()) {
        (_, []) => e.to_string(),
        (1, _) => wants.join("; "),
        _ => format!("{instance} fits no alternative: {}", wants.join("; or ")),
    }
}

/// An alternative's error in words, with the path below the failed value it is at.
fn located(here: &str, error: &jsonschema::ValidationError) -> String {
    let path = error.instance_path().to_string();
    let message = message_of(error);
    match path.strip_prefix(here) {
        Some(below) if !below.is_empty() => format!("at {below}: {message}"),
        _ => message,
    }
}

/// The description of the schema definition whose `key` is `value` (the `Symbol` definition for
/// its pattern, `Date` for the date format), from its first clause: `a UN document symbol in
/// normal form (...)`.
fn described(key: &str, value: &str) -> Option<String> {
    let schema = SCHEMA_VALUE.get_or_init(schema);
    let definitions = schema.get("$defs")?.as_object()?;
    let description = definitions
        .values()
        .find(|d| d.get(key).and_then(serde_json::Value::as_str) == Some(value))?
        .get("description")?
        .as_str()?;
    let first = description
        .split_once("; ")
        .map_or(description, |(first, _)| first)
        .trim_end_matches('.');
    let mut chars = first.chars();
    let head = chars.next()?;
    Some(head.to_lowercase().chain(chars).collect())
}

/// The generated schema, made once for [`described`].
static SCHEMA_VALUE: OnceLock<serde_json::Value> = OnceLock::new();

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
