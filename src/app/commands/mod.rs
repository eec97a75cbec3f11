//! The subcommands: each module owns its clap arguments and its `run`, which returns the exit code.

pub mod convert;
pub mod diff;
pub mod export;
pub mod limits;
pub mod shell;
pub mod validate;
