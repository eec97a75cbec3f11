//! The unletters JSON format: read and write a [`Document`], and its published JSON Schema.
//!
//! The schema in `schemas/unletters.schema.json` is generated from the model by
//! `cargo xtask schema`; [`schema()`] produces the same value, and a test keeps the two equal.

use crate::convert::{Read, ReadOptions, finish};
use crate::error::{Error, Position, Result};
use crate::format::Format;
use crate::model::{Document, FORMAT};

pub mod schema;
pub(crate) mod span;

pub use schema::{schema, schema_text};

/// How deep arrays and objects may nest in JSON that [`read`] (serde_json) takes back, counting
/// the document's own object: serde_json's recursion limit is fixed at 128, and the 128th
/// nested level already trips it.
pub const MAX_NESTING: usize = 127;

/// Writes a document as pretty-printed JSON, ending with a newline, refusing one that nests
/// deeper than [`MAX_NESTING`]: JSON readers (this crate's included) cannot take such output back,
/// so it is not written (a document read from deeply nested AKN or canonical text can be).
pub fn write(doc: &Document) -> Result<String> {
    // Serialising plain data to a String cannot fail: no maps with non-string keys, no I/O.
    let mut out = serde_json::to_string_pretty(doc).unwrap_or_default();
    out.push('\n');
    let depth = nesting(&out);
    if depth > MAX_NESTING {
        return Err(Error::Unwritable {
            format: Format::Json,
            message: format!(
                "the document nests {depth} levels deep in JSON, more than the {MAX_NESTING} a JSON reader takes back (serde_json's recursion limit is fixed at 128); write it as akn or text instead"
            ),
        });
    }
    Ok(out)
}

/// The deepest nesting of arrays and objects in JSON text (brackets inside strings skipped).
fn nesting(json: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in json.bytes() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            _ if in_string => {}
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Rule id of a text that is not JSON at all.
pub const SYNTAX: &str = "json-syntax";
/// Rule id of JSON whose top level is not an object.
pub const NOT_OBJECT: &str = "json-not-object";
/// Rule id of a document of another format version.
pub const VERSION: &str = "json-format-version";
/// Rule id of a document the schema takes but the model does not (serde's words).
pub const MODEL: &str = "json-model";

/// One way a JSON text fails to be an unletters document, located in the text. `convert` reports
/// the first, `validate` all of them: one engine, so both give the same position and words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the text, when known.
    pub position: Option<Position>,
    /// JSON Pointer of the value it is about (`""` is the whole document), when there is a value.
    pub pointer: Option<String>,
    /// [`SYNTAX`], [`NOT_OBJECT`], [`VERSION`], [`MODEL`], or the schema keyword broken
    /// (`required`, `type`, `pattern`...).
    pub rule: String,
    /// What is wrong, for a person.
    pub message: String,
}

impl Problem {
    /// The message with the value's JSON Pointer after it, as one line for a person.
    pub fn located_message(&self) -> String {
        match self.pointer.as_deref() {
            Some("") => format!("{} (at /)", self.message),
            Some(p) => format!("{} (at {p})", self.message),
            None => self.message.clone(),
        }
    }
}

/// Checks a JSON text as an unletters document: JSON syntax, a top-level object, the format
/// version, the published schema (the contract: what it refuses is refused), then the model.
/// Returns the document, or every problem found at the first stage that failed, in text order.
pub fn check(text: &str) -> std::result::Result<Document, Vec<Problem>> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the position goes in its own field.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        vec![Problem {
            position: (e.line() > 0).then(|| position(text, e.line(), e.column())),
            pointer: None,
            rule: SYNTAX.to_string(),
            message: format!("not JSON: {message}"),
        }]
    })?;
    let at = |pointer: &str| span::locate(text, pointer).map(|o| Position::of_offset(text, o));
    let problem = |pointer: &str, rule: &str, message: String| Problem {
        position: at(pointer),
        pointer: Some(pointer.to_string()),
        rule: rule.to_string(),
        message,
    };
    if !value.is_object() {
        let message = format!(
            "the top level is {}, not an unletters document (a JSON object)",
            kind_of(&value)
        );
        return Err(vec![problem("", NOT_OBJECT, message)]);
    }
    let version = value.get("format").and_then(serde_json::Value::as_str);
    if let Some(version) = version.filter(|v| *v != FORMAT) {
        let message =
            format!("unsupported format version {version:?} (this build reads {FORMAT:?})");
        return Err(vec![problem("/format", VERSION, message)]);
    }
    let mut problems: Vec<Problem> = schema::errors(&value)
        .into_iter()
        .map(|e| problem(&e.instance_path, &e.keyword, e.message))
        .collect();
    if !problems.is_empty() {
        // Text order; a problem with no position (none expected) last. The sort is stable, so
        // problems at one place keep the schema's order.
        problems.sort_by_key(|p| (p.position.is_none(), p.position));
        return Err(problems);
    }
    // The schema cannot say everything the model does (a real calendar date, say): serde's
    // words, at the path serde was at.
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let pointer = pointer_of(e.path());
        vec![problem(&pointer, MODEL, e.into_inner().to_string())]
    })
}

/// Reads a document from JSON: the first of [`check`]'s problems is the error.
pub fn read(input: &str, options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(input.len())?;
    match check(input) {
        Ok(document) => Ok(finish(document, Vec::new(), Format::Json, options)),
        Err(problems) => {
            let first = problems.into_iter().next();
            Err(first.map_or_else(
                || Error::invalid("not an unletters document"),
                |p| Error::Malformed {
                    position: p.position,
                    message: p.located_message(),
                },
            ))
        }
    }
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

/// The JSON Pointer of the place serde reports an error at.
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}

/// The position serde_json reports (1-based line, column counted in bytes, 0 before the line's first
/// character) as a [`Position`], whose column counts characters like an editor does.
fn position(input: &str, line: usize, byte_column: usize) -> Position {
    let text = input
        .split('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default();
    // serde_json's column is the byte just past the offending one; a character it ends inside
    // of is the offending character, so round up.
    let mut end = byte_column.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Position {
        line,
        column: text[..end].chars().count().max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_skips_brackets_in_strings() {
        assert_eq!(nesting(r#"{"a": "[[{\"", "b": [{}], "c": "\\"}"#), 3);
        assert_eq!(nesting("1"), 0);
    }

    #[test]
    fn max_nesting_is_serde_json_limit() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(serde_json::from_str::<serde_json::Value>(&nested(MAX_NESTING)).is_ok());
        assert!(serde_json::from_str::<serde_json::Value>(&nested(MAX_NESTING + 1)).is_err());
    }
}
