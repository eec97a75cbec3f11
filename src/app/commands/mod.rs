//! The subcommands: each module owns its clap arguments and its `run`, which returns the exit code.

pub mod convert;
pub mod diff;
pub mod export;
pub mod limits;
pub mod shell;
pub mod validate;

/// The paths named on the command line, for a message: `a, b/` (control characters escaped).
pub fn shown_paths(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| crate::app::io::shown(p))
        .collect::<Vec<_>>()
        .join(", ")
}
