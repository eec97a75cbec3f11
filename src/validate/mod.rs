//! Validation of documents: AKN XML against the official OASIS XSD and the level-2 rules, JSON
//! against the published JSON Schema, plain text through the reader; over any mix of files and
//! folders, each file reported with one [`Diagnostic`] type whatever its format.
//!
//! Every schema is compiled once per process and shared by the worker threads.

pub mod akn;
pub mod diagnostic;
pub mod json_schema;
pub mod json_span;
pub mod render;
pub mod rules;
pub mod text;
pub mod xsd;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use diagnostic::{Diagnostic, FileReport, Severity, Verdict};

use crate::error::Error;
use crate::format::Format;

/// Rule id of a file or folder that could not be read.
pub const IO: &str = "io";
/// Rule id of a file over the size limit.
pub const TOO_LARGE: &str = "file-too-large";
/// Rule id of input that is not UTF-8.
pub const ENCODING: &str = "encoding";

/// Files larger than this are refused unless the caller raises the limit: a letter is a few
/// hundred kilobytes, and a file a thousand times larger is a mistake, not a letter.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What the caller decides about a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Skip the level-2 rules (XSD and JSON Schema only).
    pub schema_only: bool,
    /// Level-2 rule ids switched off.
    pub allowed: HashSet<String>,
    /// Files larger than this many bytes are not read.
    pub max_bytes: u64,
    /// Check every file as this format instead of recognising it.
    pub format: Option<Format>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            schema_only: false,
            allowed: HashSet::new(),
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
        }
    }
}

/// One input found by the walk: a file to check, or a path that could not be walked.
#[derive(Debug, Clone)]
enum Input {
    File(PathBuf),
    Broken(PathBuf, String),
}

/// Validates every file named or found under the folders named (recursively, files with the
/// extensions `xml`, `akn`, `json`, `txt`, `text` and `md`), in parallel, one report per file in
/// a stable order: the order of `paths`, then by path within a folder.
pub fn validate_paths(paths: &[PathBuf], options: &Options) -> Vec<FileReport> {
    let mut inputs = Vec::new();
    for p in paths {
        walk(p, true, &mut inputs);
    }
    inputs
        .par_iter()
        .map(|input| match input {
            Input::File(path) => validate_file(path, options),
            Input::Broken(path, message) => unreadable(&display(path), IO, message.clone()),
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
                        "the file has {} bytes, more than the limit of {} (raise it with --max-bytes)",
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
            };
            akn::check(file, text, &akn_options)
        }
        Format::Json => json_schema::check(file, text),
        Format::Text => text::check(file, text),
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
        _ => Format::detect(bytes),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn walk(path: &Path, named: bool, out: &mut Vec<Input>) {
    if named && path.as_os_str() == "-" {
        out.push(Input::File(path.to_path_buf()));
        return;
    }
    // A folder named on the command line is followed even through a symbolic link; links met
    // during the walk are not, so a link cycle cannot make it loop.
    let meta = if named {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    };
    let meta = match meta {
        Ok(m) => m,
        Err(e) => {
            out.push(Input::Broken(
                path.to_path_buf(),
                format!("cannot read: {e}"),
            ));
            return;
        }
    };
    if meta.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                out.push(Input::Broken(
                    path.to_path_buf(),
                    format!("cannot read folder: {e}"),
                ));
                return;
            }
        };
        let mut children: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => children.push(e.path()),
                Err(e) => out.push(Input::Broken(
                    path.to_path_buf(),
                    format!("cannot read folder: {e}"),
                )),
            }
        }
        children.sort();
        for child in children {
            let hidden = child
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if !hidden {
                walk(&child, false, out);
            }
        }
    } else {
        let checkable = matches!(
            extension(path).as_deref(),
            Some("xml" | "akn" | "json" | "txt" | "text" | "md")
        );
        // A symbolic link met in the walk counts when it leads to a file; one that leads
        // nowhere is reported, as an unreadable file would be.
        let target = if meta.file_type().is_symlink() {
            std::fs::metadata(path).map(|m| m.is_file())
        } else {
            Ok(meta.is_file())
        };
        match target {
            Ok(is_file) if named || (checkable && is_file) => {
                out.push(Input::File(path.to_path_buf()));
            }
            Err(e) if checkable => {
                out.push(Input::Broken(
                    path.to_path_buf(),
                    format!("cannot read: {e}"),
                ));
            }
            _ => {}
        }
    }
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
