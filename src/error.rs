//! The library's error type, and where in an input an error was found.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

/// A place in a text input: 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte offset `offset` in `text` (clamped to the text's end and to a
    /// character boundary).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        LineIndex::new(text).position(offset)
    }
}

/// The line starts of a text, found once, so that locating many offsets in one file (a file with
/// thousands of findings) costs a binary search each rather than a scan from the start.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of the first character of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The text indexed.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The position of byte offset `offset` (clamped to the text's end and to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut end = offset.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        // The last line starting at or before `end`; `starts[0] == 0`, so there is one.
        let line = self.starts.partition_point(|&s| s <= end).max(1);
        let line_start = self.starts.get(line - 1).copied().unwrap_or(0);
        Position {
            line,
            column: self
                .text
                .get(line_start..end)
                .map_or(0, |t| t.chars().count())
                + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Everything that can go wrong reading, writing, validating or diffing a document, one variant
/// per cause. What a cause means for a process (its exit code) is the application's decision, not
/// the library's.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file or stream failed.
    #[error("{}{source}", path.as_ref().map(|p| format!("{}: ", p.display())).unwrap_or_default())]
    Io {
        /// The file, when the error is about one (none for standard input and output).
        path: Option<PathBuf>,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The input is larger than a size limit allows.
    #[error(
        "the input is {} bytes, over the limit of {limit} bytes; raise it with {flag}",
        size.map_or_else(|| format!("more than {limit}"), |s| s.to_string())
    )]
    TooLarge {
        /// The input's size, when known before reading (a pipe's is not).
        size: Option<u64>,
        /// The limit, in bytes.
        limit: u64,
        /// The command-line flag that raises it.
        flag: &'static str,
    },
    /// The input nests deeper than a depth limit allows.
    #[error(
        "{}{what} deeper than {limit} levels; raise the limit with {flag}",
        position.map(|p| format!("{p}: ")).unwrap_or_default()
    )]
    TooDeep {
        /// Where the limit was crossed, when known.
        position: Option<Position>,
        /// What nests (`elements nest`, `spans, containers or annexes nest`).
        what: &'static str,
        /// The limit, in levels.
        limit: usize,
        /// The command-line flag that raises it.
        flag: &'static str,
    },
    /// The input is not a well-formed or valid document of its format.
    #[error("{}{message}", position.map(|p| format!("{p}: ")).unwrap_or_default())]
    Malformed {
        /// Where in the input, when known.
        position: Option<Position>,
        /// What is wrong, for a person.
        message: String,
    },
    /// The input is readable text, but not a letter (empty, binary, or without masthead, title and
    /// signature).
    #[error("{}{found}", position.map(|p| format!("{p}: ")).unwrap_or_default())]
    NotALetter {
        /// Where the reader gave up, when known.
        position: Option<Position>,
        /// What the reader found instead, for a person.
        found: String,
    },
    /// A writer cannot express the document in its format (characters XML cannot carry, nesting a
    /// JSON reader cannot take back).
    #[error("{message}")]
    Unwritable {
        /// The format that cannot carry it.
        format: crate::format::Format,
        /// Why, for a person.
        message: String,
    },
    /// An argument the caller gave cannot be used (a bad glob, a symbol that does not parse).
    #[error("{message}")]
    Usage {
        /// What is wrong with it, naming the flag.
        message: String,
    },
    /// The operation was refused to keep data safe (an output that would overwrite an input).
    #[error("{message}")]
    Refused {
        /// What was refused and why.
        message: String,
    },
    /// Something failed inside the tool (a worker thread lost, a contained panic).
    #[error("{message}")]
    Internal {
        /// What failed.
        message: String,
    },
}

impl From<std::io::Error> for Error {
    fn from(source: std::io::Error) -> Self {
        Error::Io { path: None, source }
    }
}

impl Error {
    /// A malformed-input error at a position.
    pub fn invalid_at(position: Position, message: impl Into<String>) -> Self {
        Error::Malformed {
            position: Some(position),
            message: message.into(),
        }
    }

    /// A malformed-input error with no position.
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Malformed {
            position: None,
            message: message.into(),
        }
    }

    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: Some(path.into()),
            source,
        }
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
        }
    }

    /// Where in the input the error was found, when it is about a place in it.
    pub fn position(&self) -> Option<Position> {
        match self {
            Error::TooDeep { position, .. }
            | Error::Malformed { position, .. }
            | Error::NotALetter { position, .. } => *position,
            _ => None,
        }
    }

    /// The error's message without its position (which [`Error::position`] gives), for
    /// diagnostics that print the position in a column of their own.
    pub fn message(&self) -> String {
        match self {
            Error::Malformed { message, .. } => message.clone(),
            Error::NotALetter { found, .. } => found.clone(),
            Error::TooDeep {
                what, limit, flag, ..
            } => format!("{what} deeper than {limit} levels; raise the limit with {flag}"),
            other => other.to_string(),
        }
    }

    /// Whether the input itself is at fault (malformed, not a letter), as opposed to a limit, a
    /// format that cannot carry the document, an argument, the file system or the tool.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Error::Malformed { .. } | Error::NotALetter { .. })
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A non-fatal remark a reader makes about its input (a missing symbol, an element it did not know).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// Where in the input, when known.
    pub position: Option<Position>,
    /// What the reader noticed, for a person.
    pub message: String,
}

impl Warning {
    /// A warning with no position.
    pub fn new(message: impl Into<String>) -> Self {
        Warning {
            position: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.position {
            write!(f, "{p}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// `s` with control characters escaped (`\n`, `\t`, `\u{1b}`...), for every line meant for a
/// terminal or a log: a file name, a message quoting the input or a line of a document must not
/// start a new line of its own (a forged `::error` workflow command) or send escape sequences to
/// the terminal.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let t = "ab\nçd\nx";
        assert_eq!(Position::of_offset(t, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of_offset(t, 3), Position { line: 2, column: 1 });
        // Byte 5 is after the two-byte ç: column 2.
        assert_eq!(Position::of_offset(t, 5), Position { line: 2, column: 2 });
        assert_eq!(Position::of_offset(t, 999), Position { line: 3, column: 2 });
    }

    #[test]
    fn line_index_agrees_with_a_scan_from_the_start() {
        let text = "ab\n\nçé\nlast";
        let lines = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            let mut end = offset.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let before = &text[..end];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let expected = Position {
                line,
                column: before[start..].chars().count() + 1,
            };
            assert_eq!(lines.position(offset), expected, "offset {offset}");
        }
        assert_eq!(lines.position(4), Position { line: 3, column: 1 });
        assert_eq!(lines.position(9), Position { line: 4, column: 1 });
    }
}
