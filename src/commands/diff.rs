//! `unletters diff`: what changed between two versions of the same document symbol.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Arguments of `unletters diff`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  unletters diff S_2025_71.txt S_2025_71_Rev.1.txt\n  unletters diff old.xml new.json --format json"
)]
pub struct DiffArgs {
    /// The older version.
    pub old: PathBuf,
    /// The newer version.
    pub new: PathBuf,
}

/// Runs `unletters diff`.
pub fn run(_args: &DiffArgs) -> ExitCode {
    eprintln!("unletters diff: not built yet");
    ExitCode::from(2)
}
