//! `unletters validate`: check files against the published schemas.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Arguments of `unletters validate`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  unletters validate letter.xml letter.json\n  unletters validate out/ --format github"
)]
pub struct ValidateArgs {
    /// Files and folders to validate.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Runs `unletters validate`.
pub fn run(_args: &ValidateArgs) -> ExitCode {
    eprintln!("unletters validate: not built yet");
    ExitCode::from(2)
}
