//! The library's error type, and where in an input an error was found.

use std::fmt;

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

/// Everything that can go wrong reading, writing, validating or diffing a document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is not a valid document of its format. Exit code 1.
    #[error("{}{message}", position.map(|p| format!("{p}: ")).unwrap_or_default())]
    Invalid {
        /// Where in the input, when known.
        position: Option<Position>,
        /// What is wrong, for a person.
        message: String,
    },
    /// This build cannot do what was asked (a reader or writer that does not exist yet, a limit
    /// the user may raise). Exit code 2.
    #[error("{0}")]
    Unsupported(String),
    /// Reading or writing a file failed. Exit code 2.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    /// An invalid-input error at a position.
    pub fn invalid_at(position: Position, message: impl Into<String>) -> Self {
        Error::Invalid {
            position: Some(position),
            message: message.into(),
        }
    }

    /// An invalid-input error with no position.
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid {
            position: None,
            message: message.into(),
        }
    }

    /// The process exit code this error maps to (see DESIGN.md: 1 invalid input, 2 usage or I/O).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Invalid { .. } => 1,
            Error::Unsupported(_) | Error::Io(_) => 2,
        }
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
