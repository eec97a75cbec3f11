//! The multi-file side of `unletters validate`: walk the paths named, read each file within the
//! limits, check it with the library's [`unletters::validate::validate_bytes`] on a worker pool, and
//! render the reports ([`render`]).

pub mod render;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::app::batch::walk::{self, Filters};
use unletters::error::Error;
use unletters::format::Format;
use unletters::validate::Diagnostic;
use unletters::validate::{FileReport, IO, Options, TOO_LARGE, Verdict, validate_bytes};

/// What a run over many files decides besides the checks themselves.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The checks made on each file.
    pub check: Options,
    /// Files larger than this many bytes are not read.
    pub max_bytes: u64,
    /// Check every file as this format instead of recognising it.
    pub format: Option<Format>,
    /// Which files a folder walk takes.
    pub filters: Filters,
    /// Worker threads; all cores when `None`.
    pub jobs: Option<usize>,
}

/// What the paths named give: each file to check, or a path that could not be walked and why.
pub type Inputs = Vec<Result<PathBuf, (PathBuf, String)>>;

/// Every file named or found under the folders named (recursively: by default the files ending in
/// `xml`, `akn`, `json`, `txt`, `text` and `md`; see [`Filters`]), in a stable order: the order of
/// `paths`, then by path within a folder; and the walk's warnings (files left out, and why).
pub fn collect_inputs(paths: &[PathBuf], filters: &Filters) -> (Inputs, Vec<String>) {
    let mut inputs = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Ok(path.clone()));
            continue;
        }
        let mut walk = walk::walk(std::slice::from_ref(path), filters);
        for r in walk.by_ref() {
            inputs.push(match r {
                Ok(input) => Ok(input.path),
                Err(e) => Err((e.path, format!("cannot read: {}", e.error))),
            });
        }
        warnings.extend(walk.take_warnings());
    }
    (inputs, warnings)
}

/// Validates every input on `jobs` worker threads (all cores when `None`), one report per input
/// in the order given whatever the thread count. A path that could not be walked is reported in
/// its place and the run goes on.
pub fn validate_inputs(inputs: &Inputs, options: &RunOptions) -> Vec<FileReport> {
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
    match unletters::limits::worker_pool(options.jobs.unwrap_or(0)) {
        Ok(pool) => pool.install(check),
        Err(_) => check(),
    }
}

/// Validates one file (`-` is standard input).
pub fn validate_file(path: &Path, options: &RunOptions) -> FileReport {
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
    match crate::app::io::read_input_limited(path, options.max_bytes) {
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
            let format = options
                .format
                .unwrap_or_else(|| unletters::Format::of_file(path, &bytes));
            validate_bytes(&file, &bytes, format, &options.check)
        }
        Err(e @ Error::TooLarge { .. }) => unreadable(&file, TOO_LARGE, e.to_string()),
        Err(Error::Io { source, .. }) => unreadable(&file, IO, format!("cannot read: {source}")),
        Err(e) => unreadable(&file, IO, format!("cannot read: {e}")),
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
