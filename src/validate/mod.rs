//! Validation of documents: AKN XML against the official OASIS XSD and the level-2 rules, JSON
//! against the published JSON Schema, plain text through the reader; over any mix of files and
//! folders, each file reported with one [`Diagnostic`] type whatever its format.
//!
//! Every schema is compiled once per process and shared by the worker threads.

pub mod akn;
pub mod diagnostic;
pub mod json_schema;
pub mod output;
pub mod pdf;
pub mod rules;
pub mod text;
pub mod xsd;

use std::collections::HashSet;

pub use diagnostic::{Diagnostic, FileReport, Severity, Verdict};

use crate::format::Format;

/// Rule id of a file or folder that could not be read.
pub const IO: &str = "io";
/// Rule id of a file over the size limit.
pub const TOO_LARGE: &str = "file-too-large";
/// Rule id of input nested deeper than a depth limit allows.
pub const TOO_DEEP: &str = "nested-too-deeply";
/// Rule id of a file the XSD engine would need too much memory or time to check.
pub const WORK_LIMIT: &str = "schema-work-limit";
/// Rule id of input that is not UTF-8.
pub const ENCODING: &str = "encoding";
/// Rule id of a file asked to be checked as a format unletters only writes (HTML).
pub const UNSUPPORTED_FORMAT: &str = "unsupported-format";

/// What the caller decides about a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Skip the level-2 rules (XSD and JSON Schema only).
    pub schema_only: bool,
    /// Level-2 rule ids switched off.
    pub allowed: HashSet<String>,
    /// How deep AKN elements may nest; the XSD engine parses up to the larger of this and
    /// [`xsd::MIN_MAX_DEPTH`].
    pub max_xml_depth: usize,
    /// How deep canonical text may nest for the text reader.
    pub max_text_depth: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            schema_only: false,
            allowed: HashSet::new(),
            max_xml_depth: crate::limits::DEFAULT_MAX_XML_DEPTH,
            max_text_depth: crate::limits::DEFAULT_MAX_TEXT_DEPTH,
        }
    }
}

/// Validates input bytes as `format`; `file` names them in the diagnostics.
pub fn validate_bytes(file: &str, bytes: &[u8], format: Format, options: &Options) -> FileReport {
    // A PDF is not text: it is read, not decoded, and has no source to excerpt.
    if format == Format::Pdf {
        let (verdict, diagnostics) = pdf::check(file, bytes);
        return FileReport {
            file: file.to_string(),
            format: Some(format),
            verdict,
            diagnostics,
            source: String::new(),
        };
    }
    let decoded = match crate::convert::decode_text(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (position, message) = (e.position(), e.message());
            let rule = if format == Format::Akn {
                akn::WELL_FORMED
            } else {
                ENCODING
            };
            let verdict = if format == Format::Text {
                Verdict::Invalid
            } else {
                Verdict::Malformed
            };
            return FileReport {
                file: file.to_string(),
                format: Some(format),
                verdict,
                diagnostics: vec![Diagnostic::error(file, rule, not_utf8(message)).at(position)],
                source: String::new(),
            };
        }
    };
    let text: &str = &decoded.text;
    let (verdict, mut diagnostics) = match format {
        Format::Akn => {
            let akn_options = akn::Options {
                schema_only: options.schema_only,
                allowed: options.allowed.clone(),
                max_depth: options.max_xml_depth,
            };
            akn::check(file, text, &akn_options)
        }
        Format::Json => json_schema::check(file, text),
        Format::Text => text::check(file, text, options.max_text_depth),
        Format::Pdf => pdf::check(file, bytes),
        Format::Html => (
            Verdict::Unreadable,
            vec![Diagnostic::error(
                file,
                UNSUPPORTED_FORMAT,
                crate::convert::unreadable(format).to_string(),
            )],
        ),
    };
    if let Some(w) = decoded.warning {
        diagnostics.insert(0, Diagnostic::error(file, ENCODING, w.message).warning());
    }
    let source = if diagnostics.is_empty() {
        String::new()
    } else {
        text.to_string()
    };
    FileReport {
        file: file.to_string(),
        format: Some(format),
        verdict,
        diagnostics,
        source,
    }
}

/// The decoder's message, saying what the file is not when it is about UTF-8.
fn not_utf8(message: String) -> String {
    if message.starts_with("invalid UTF-8") {
        format!("not UTF-8 text: {message}")
    } else {
        message
    }
}
