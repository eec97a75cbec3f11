//! The command-line application: argument types and subcommands, batch orchestration, progress,
//! report files, the folder walk, the multi-file validate runner and its renderers. It is one user
//! of the library (`unletters`), declared only by the binary, so a library user compiles none of it.

pub mod batch;
pub mod cli;
pub mod commands;
pub mod io;
pub mod report_error;
pub mod validate;
