//! The subcommands: each module owns its clap arguments and its `run`, which returns the exit code.

pub mod convert;
pub mod diff;
pub mod limits;
pub mod validate;

/// `file:line:column: level: message` when the message starts with a position, else
/// `file: level: message`.
pub fn located(file: &str, message: &str, level: &str) -> String {
    // An I/O error may already name the file; name it once.
    let message = message
        .strip_prefix(file)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message);
    let mut parts = message.splitn(3, ':');
    if let (Some(l), Some(c), Some(rest)) = (parts.next(), parts.next(), parts.next()) {
        if l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok() {
            return format!("{file}:{l}:{c}: {level}:{rest}");
        }
    }
    format!("{file}: {level}: {message}")
}
