//! The one diagnostic type every check produces (XSD, level-2 rules, JSON Schema, the text
//! reader, I/O), and the per-file report the renderers print.

use serde::Serialize;

use crate::error::Position;
use crate::format::Format;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A remark: the file is still valid.
    Warning,
    /// The file is invalid.
    Error,
}

impl Severity {
    /// The lowercase name (`warning`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file as the user named it (or as the folder walk found it).
    pub file: String,
    /// Where in the user's input, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The rule id (level-2 rules, `xml-well-formed`, `io`...) or the schema keyword broken
    /// (`cvc-complex-type.2.4`, `required`...).
    pub rule: String,
    /// How bad it is.
    pub severity: Severity,
    /// XPath of the XML node it is about (`/akomaNtoso/doc/mainBody/paragraph[2]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub xpath: Option<String>,
    /// The nearest `eId` at or above that node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eid: Option<String>,
    /// JSON Pointer of the JSON value it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// What is wrong, for a person.
    pub message: String,
}

impl Diagnostic {
    /// An error about `file` with no position or node yet.
    pub fn error(file: &str, rule: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            position: None,
            rule: rule.into(),
            severity: Severity::Error,
            xpath: None,
            eid: None,
            pointer: None,
            message: message.into(),
        }
    }

    /// The same, at a position.
    pub fn at(mut self, position: Option<Position>) -> Self {
        self.position = position;
        self
    }

    /// The same, as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The diagnostic as one line of `unletters validate --format json` (and as the Python
    /// package's `validate` returns it): its fields, `type: "diagnostic"`, and the position as
    /// `line` and `column`.
    pub fn json_line(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(obj) = value.as_object_mut() {
            obj.insert("type".into(), "diagnostic".into());
            if let Some(p) = self.position {
                obj.insert("line".into(), p.line.into());
                obj.insert("column".into(), p.column.into());
                obj.remove("position");
            }
        }
        value
    }
}

/// What was concluded about a file as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every check passed (warnings allowed).
    Valid,
    /// Readable, but some check failed.
    Invalid,
    /// Not well-formed XML or not JSON at all: the schema could not be applied.
    Malformed,
    /// The file could not be read (or is too large to try).
    Unreadable,
}

impl Verdict {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Malformed => "malformed",
            Verdict::Unreadable => "unreadable",
        }
    }
}

/// Everything found about one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file as named.
    pub file: String,
    /// The format it was checked as, when it was read at all.
    pub format: Option<Format>,
    /// The verdict.
    pub verdict: Verdict,
    /// The findings, in document order within each check.
    pub diagnostics: Vec<Diagnostic>,
    /// The file's text, kept for source excerpts (empty when unreadable).
    pub source: String,
}

impl FileReport {
    /// The exit code this file alone would give: 0 valid, 1 invalid or malformed, 2 unreadable.
    pub fn exit_code(&self) -> u8 {
        match self.verdict {
            Verdict::Valid => 0,
            Verdict::Invalid | Verdict::Malformed => 1,
            Verdict::Unreadable => 2,
        }
    }
}
