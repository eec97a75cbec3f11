//! The unletters JSON format: read and write a [`Document`], and its published JSON Schema.
//!
//! The schema in `schemas/unletters.schema.json` is generated from the model by
//! `cargo xtask schema`; [`schema`] produces the same value, and a test keeps the two equal.

use crate::error::{Error, Position, Result};
use crate::model::{Document, FORMAT};
use crate::validate::json_schema;

/// How deep arrays and objects may nest in JSON that [`read`] (serde_json) takes back, counting
/// the document's own object: serde_json's recursion limit is fixed at 128, and the 128th
/// nested level already trips it.
pub const MAX_NESTING: usize = 127;

/// Writes a document as pretty-printed JSON, ending with a newline. The output may nest deeper
/// than [`MAX_NESTING`] (a document read from deeply nested AKN or canonical text); use
/// [`try_write`] to refuse what could not be read back.
pub fn write(doc: &Document) -> String {
    // Serialising plain data to a String cannot fail: no maps with non-string keys, no I/O.
    let mut out = serde_json::to_string_pretty(doc).unwrap_or_default();
    out.push('\n');
    out
}

/// Writes a document as [`write`] does, refusing one that nests deeper than [`MAX_NESTING`]: JSON
/// readers (this crate's included) cannot take such output back, so it is not written.
pub fn try_write(doc: &Document) -> Result<String> {
    let out = write(doc);
    let depth = nesting(&out);
    if depth > MAX_NESTING {
        return Err(Error::Unsupported(format!(
            "the document nests {depth} levels deep in JSON, more than the {MAX_NESTING} a JSON reader takes back (serde_json's recursion limit is fixed at 128); write it as akn or text instead"
        )));
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

/// Reads a document from JSON. Syntax errors, wrong types and unknown fields are reported with the
/// line and column serde_json found them at; a different `format` version is refused; and so is
/// anything else the published schema refuses, named by its JSON Pointer.
pub fn read(input: &str) -> Result<Document> {
    let start = input.len() - input.trim_start().len();
    if !input[start..].starts_with('{') {
        return Err(Error::invalid_at(
            Position::of_offset(input, start),
            "a document is a JSON object ({ ... })",
        ));
    }
    let doc: Document = serde_json::from_str(input).map_err(|e| {
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
    if doc.format != FORMAT {
        return Err(Error::invalid(format!(
            "unsupported format version {:?} (this build reads {FORMAT:?})",
            doc.format
        )));
    }
    // serde also reads a struct from an array of its field values (`["Name", [], true]` for a
    // signature); the published schema does not, and the schema is the contract, so what it
    // refuses is refused here too. The document parsed, so the value does.
    let value: serde_json::Value = serde_json::from_str(input).unwrap_or_default();
    if let Some(e) = json_schema::errors(&value).into_iter().next() {
        let at = if e.instance_path.is_empty() {
            "/"
        } else {
            e.instance_path.as_str()
        };
        return Err(Error::invalid(format!("at {at}: {}", e.message)));
    }
    Ok(doc)
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

/// The JSON Schema (draft 2020-12) of the JSON format, generated from the model.
pub fn schema() -> serde_json::Value {
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let mut schema = settings.into_generator().into_root_schema_for::<Document>();
    schema.insert(
        "$id".into(),
        "https://github.com/unletters/unletters/schemas/unletters.schema.json".into(),
    );
    schema.insert("title".into(), "unletters document".into());
    schema.to_value()
}

/// The schema as published: pretty-printed, newline-terminated.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
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
