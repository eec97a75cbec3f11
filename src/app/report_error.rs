//! How the application reports the library's errors and warnings: the exit code of each cause
//! (in this one place), and the `file:line:column: level: message` line a person or an editor
//! reads, built from the error's fields, never by parsing its message; and the two global
//! choices about what reaches the terminal, `--quiet` (errors only) and `--color`.

use crate::app::io::printable;
use std::sync::atomic::{AtomicBool, Ordering};

use unletters::{Error, Warning};

/// `--quiet`: set once, from the command line, before any work starts.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Sets `--quiet`.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether `--quiet` was given: only errors reach the terminal.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// `--color`: when to colour what the tool prints for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// When the output is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The `--color` choice, as a number for an atomic: 0 auto, 1 always, 2 never.
static COLOR: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets `--color`.
pub fn set_color(choice: ColorChoice) {
    let n = match choice {
        ColorChoice::Auto => 0,
        ColorChoice::Always => 1,
        ColorChoice::Never => 2,
    };
    COLOR.store(n, Ordering::Relaxed);
}

/// Whether to colour output going to a stream that `is_terminal` or not.
pub fn color_for(is_terminal: bool) -> bool {
    match COLOR.load(Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => {
            is_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// Prints a line that is not an error (a warning, a summary, a note) unless `--quiet`.
pub fn note(line: &str) {
    if !quiet() {
        eprintln!("{line}");
    }
}

/// The exit code of an error (DESIGN.md: 1 invalid input, 2 usage, limits, I/O or the tool).
pub fn exit_code(e: &Error) -> u8 {
    if e.is_invalid_input() { 1 } else { 2 }
}

/// `file:line:column: error: message` when the error is at a place in the input, else
/// `file: error: message`. An I/O error names the file it is about (an output, say), which
/// need not be the input `file`.
pub fn error_line(file: &str, e: &Error) -> String {
    match e {
        Error::Io {
            path: Some(path),
            source,
        } => line(
            &path.display().to_string(),
            None,
            "error",
            &source.to_string(),
        ),
        other => line(file, e.position(), "error", &other.message()),
    }
}

/// The same line for a reader's warning.
pub fn warning_line(file: &str, w: &Warning) -> String {
    line(file, w.position, "warning", &w.message)
}

/// The line, with control characters in the file name and the message escaped: both come from
/// outside (a file name can carry a newline and a forged `::error` workflow command, a message
/// can quote the input).
fn line(file: &str, position: Option<unletters::Position>, level: &str, message: &str) -> String {
    let (file, message) = (printable(file), printable(message));
    match position {
        Some(p) => format!("{file}:{p}: {level}: {message}"),
        None => format!("{file}: {level}: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unletters::Position;

    #[test]
    fn a_positioned_error_names_file_line_and_column() {
        let e = Error::invalid_at(Position { line: 3, column: 7 }, "bad");
        assert_eq!(error_line("a.txt", &e), "a.txt:3:7: error: bad");
        assert_eq!(exit_code(&e), 1);
    }

    #[test]
    fn an_io_error_names_the_file_it_is_about() {
        let e = Error::io(
            "nodir/x.json",
            std::io::Error::new(std::io::ErrorKind::NotFound, "No such file"),
        );
        assert_eq!(
            error_line("in.txt", &e),
            "nodir/x.json: error: No such file"
        );
    }

    #[test]
    fn an_io_error_about_the_file_names_it_once() {
        let e = Error::io(
            "a.txt",
            std::io::Error::new(std::io::ErrorKind::NotFound, "No such file"),
        );
        assert_eq!(error_line("a.txt", &e), "a.txt: error: No such file");
        assert_eq!(exit_code(&e), 2);
    }
}
