//! The subcommands: each module owns its clap arguments and its `run`, which returns the exit code.

pub mod convert;
pub mod diff;
pub mod export;
pub mod limits;
pub mod shell;
pub mod validate;

use crate::app::batch::walk::Filters;
use unletters::error::Result;

/// How a command walks the folders it is given, and on how many threads: the same flags, with
/// the same meaning, on `convert --out-dir`, `validate` and `export`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct WalkArgs {
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// In folders, take only files matching this glob (repeatable; matched against the path under
    /// the folder, `*` crosses `/`). Default: *.txt, *.text, *.md, *.xml, *.akn, *.json, *.pdf.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// In folders, leave files and folders matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// In folders, read files that symbolic links lead to outside the folder named (by default
    /// such links are skipped with a warning).
    #[arg(long)]
    pub follow_symlinks: bool,
}

impl WalkArgs {
    /// The folder walk's filters; a bad glob is a usage error naming it.
    pub fn filters(&self) -> Result<Filters> {
        Ok(Filters::new(&self.include, &self.exclude)?.following_symlinks(self.follow_symlinks))
    }

    /// The number of worker threads: `--jobs`, else one per core.
    pub fn threads(&self) -> usize {
        match self.jobs {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    /// The flag given that only a folder walk uses, if any (for `convert`, which walks only with
    /// `--out-dir`).
    pub fn given(&self) -> Option<&'static str> {
        if self.jobs.is_some() {
            Some("--jobs")
        } else if !self.include.is_empty() {
            Some("--include")
        } else if !self.exclude.is_empty() {
            Some("--exclude")
        } else if self.follow_symlinks {
            Some("--follow-symlinks")
        } else {
            None
        }
    }
}

/// The paths named on the command line, for a message: `a, b/` (control characters escaped).
pub fn shown_paths(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| crate::app::io::shown(p))
        .collect::<Vec<_>>()
        .join(", ")
}
