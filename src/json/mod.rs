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

/// Reads a document from JSON. The input is parsed once: syntax errors are reported at the line
/// and column serde_json found them; a different `format` version is refused; anything the
/// published schema refuses (wrong types, unknown fields, missing fields) is reported at the value
/// its JSON Pointer names, the first in document order, as `unletters validate` reports it.
pub fn read(input: &str, options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(input.len())?;
    let start = input.len() - input.trim_start().len();
    if !input[start..].starts_with('{') {
        return Err(Error::invalid_at(
            Position::of_offset(input, start),
            "a document is a JSON object ({ ... })",
        ));
    }
    let value: serde_json::Value = serde_json::from_str(input).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the position goes in its own field.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        if e.line() == 0 {
            Error::invalid(message)
        } else {
            Error::invalid_at(position(input, e.line(), e.column()), message)
        }
    })?;
    let at = |pointer: &str| span::locate(input, pointer).map(|o| Position::of_offset(input, o));
    let version = value.get("format").and_then(serde_json::Value::as_str);
    if let Some(version) = version.filter(|v| *v != FORMAT) {
        return Err(Error::Malformed {
            position: at("/format"),
            message: format!(
                "unsupported format version {version:?} (this build reads {FORMAT:?})"
            ),
        });
    }
    // The model's own words first (`invalid type`, `unknown field`, `not a date`), located by the
    // path serde was at; then the schema, which is the contract: what it refuses is refused
    // (serde alone would also take a struct from an array of its field values).
    let document: Document = serde_path_to_error::deserialize(&value).map_err(|e| {
        let pointer = pointer_of(e.path());
        Error::Malformed {
            position: at(&pointer),
            message: e.into_inner().to_string(),
        }
    })?;
    let first = schema::errors(&value)
        .into_iter()
        .map(|e| (at(&e.instance_path), e))
        .min_by_key(|(position, _)| *position);
    if let Some((position, e)) = first {
        let pointer = if e.instance_path.is_empty() {
            "/"
        } else {
            e.instance_path.as_str()
        };
        return Err(Error::Malformed {
            position,
            message: format!("at {pointer}: {}", e.message),
        });
    }
    Ok(finish(document, Vec::new(), Format::Json, options))
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
