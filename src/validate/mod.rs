//! Validation of documents: AKN XML against the official OASIS XSD and the level-2 rules, JSON
//! against the published JSON Schema, plain text through the reader; over any mix of files and
//! folders, each file reported with one [`Diagnostic`] type whatever its format.
//!
//! Every schema is compiled once per process and shared by the worker threads.

pub mod akn;
pub mod diagnostic;
pub mod json_schema;
pub mod json_span;
pub mod pdf;
pub mod render;
pub mod rules;
pub mod text;
pub mod xsd;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use diagnostic::{Diagnostic, FileReport, Severity, Verdict};

use crate::batch::walk::{self, Filters};
use crate::error::Error;
use crate::format::Format;

/// Rule id of a file or folder that could not be read.
pub const IO: &str = "io";
/// Rule id of a file over the size limit.
pub const TOO_LARGE: &str = "file-too-large";
/// Rule id of input nested deeper than a depth limit allows.
pub const TOO_DEEP: &str = "nested-too-deeply";
/// Rule id of input that is not UTF-8.
pub const ENCODING: &str = "encoding";

/// Files larger than this are refused unless the caller raises the limit: the same default as
/// every reader's.
pub const DEFAULT_MAX_BYTES: u64 = crate::convert::DEFAULT_MAX_INPUT_BYTES;

/// What the caller decides about a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Skip the level-2 rules (XSD and JSON Schema only).
    pub schema_only: bool,
    /// Level-2 rule ids switched off.
    pub allowed: HashSet<String>,
    /// Files larger than this many bytes are not read.
    pub max_bytes: u64,
    /// How deep AKN elements may nest; the XSD engine parses up to the larger of this and
    /// [`xsd::MIN_MAX_DEPTH`].
    pub max_xml_depth: usize,
    /// How deep canonical text may nest for the text reader.
    pub max_text_depth: usize,
    /// Check every file as this format instead of recognising it.
    pub format: Option<Format>,
    /// Which files a folder walk takes.
    pub filters: Filters,
    /// Worker threads; all cores when `None`.
    pub jobs: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            schema_only: false,
            allowed: HashSet::new(),
            max_bytes: DEFAULT_MAX_BYTES,
            max_xml_depth: crate::convert::DEFAULT_MAX_XML_DEPTH,
            max_text_depth: crate::convert::DEFAULT_MAX_TEXT_DEPTH,
            format: None,
            filters: Filters::default(),
            jobs: None,
        }
    }
}

/// Validates every file named or found under the folders named (recursively: by default the files
/// ending in `xml`, `akn`, `json`, `txt`, `text` and `md`; see [`Filters`]), on `jobs` worker
/// threads (all cores when `None`), one report per file in a stable order whatever the thread
/// count: the order of `paths`, then by path within a folder. A path that cannot be walked is
/// reported in its place and the run goes on.
pub fn validate_paths(paths: &[PathBuf], options: &Options) -> Vec<FileReport> {
    let inputs: Vec<Result<PathBuf, (PathBuf, String)>> = paths
        .iter()
        .flat_map(|p| walk_one(p, &options.filters))
        .collect();
    let check = || {
        inputs
            .par_iter()
            .map(|input| match input {
                Ok(path) => validate_file(path, options),
                Err((path, message)) => unreadable(&display(path), IO, message.clone()),
            })
            .collect()
    };
    // A pool of our own (0 threads: one per core) for the stack the depth caps were measured
    // against.
    match rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .stack_size(crate::convert::WORKER_STACK_BYTES)
        .build()
    {
        Ok(pool) => pool.install(check),
        Err(_) => check(),
    }
}

/// The inputs one command-line path gives: `-` (standard input) as itself, else the shared
/// folder walk of batch runs.
fn walk_one(path: &Path, filters: &Filters) -> Vec<Result<PathBuf, (PathBuf, String)>> {
    if path.as_os_str() == "-" {
        return vec![Ok(path.to_path_buf())];
    }
    walk::walk(std::slice::from_ref(&path.to_path_buf()), filters)
        .map(|r| match r {
            Ok(input) => Ok(input.path),
            Err(e) => Err((e.path, format!("cannot read: {}", e.error))),
        })
        .collect()
}

/// Validates one file (`-` is standard input).
pub fn validate_file(path: &Path, options: &Options) -> FileReport {
    let file = display(path);
    if path.as_os_str() != "-" {
        match std::fs::metadata(path) {
            Ok(m) if m.len() > options.max_bytes => {
                return unreadable(
                    &file,
                    TOO_LARGE,
                    format!(
                        "the file has {} bytes, more than the limit of {} (raise it with --max-input-size)",
                        m.len(),
                        options.max_bytes
                    ),
                );
            }
            Ok(_) => {}
            Err(e) => return unreadable(&file, IO, format!("cannot read: {e}")),
        }
    }
    match crate::io::read_input_limited(path, options.max_bytes) {
        Ok(bytes) if bytes.len() as u64 > options.max_bytes => unreadable(
            &file,
            TOO_LARGE,
            format!(
                "the input has {} bytes, more than the limit of {}",
                bytes.len(),
                options.max_bytes
            ),
        ),
        Ok(bytes) => {
            let format = options.format.unwrap_or_else(|| format_of(path, &bytes));
            validate_bytes(&file, &bytes, format, options)
        }
        Err(e) => unreadable(&file, IO, format!("cannot read: {}", strip_path(&e, &file))),
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
    let text = match crate::convert::decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (position, message) = match e {
                Error::Invalid { position, message } => (position, message),
                other => (None, other.to_string()),
            };
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
                diagnostics: vec![
                    Diagnostic::error(file, rule, format!("not UTF-8 text: {message}"))
                        .at(position),
                ],
                source: String::new(),
            };
        }
    };
    let (verdict, diagnostics) = match format {
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
    };
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

/// The format a file is checked as: from its extension when it has a known one, else from its
/// content.
pub fn format_of(path: &Path, bytes: &[u8]) -> Format {
    match extension(path).as_deref() {
        Some("xml" | "akn") => Format::Akn,
        Some("json") => Format::Json,
        Some("txt" | "text" | "md") => Format::Text,
        Some("pdf") => Format::Pdf,
        _ => Format::detect(bytes),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn unreadable(file: &str, rule: &str, message: String) -> FileReport {
    FileReport {
        file: file.to_string(),
        format: None,
        verdict: Verdict::Unreadable,
        diagnostics: vec![Diagnostic::error(file, rule, message)],
        source: String::new(),
    }
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// `io::read_input` prefixes the path; the diagnostic names the file already.
fn strip_path(e: &Error, file: &str) -> String {
    let s = e.to_string();
    s.strip_prefix(&format!("{file}: "))
        .map(str::to_string)
        .unwrap_or(s)
}
