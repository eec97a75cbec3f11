//! Conversion between formats: decode the input, pick its reader, write with the target's writer.
//!
//! Nothing converts format to format directly: every conversion goes through [`Document`].

use crate::error::{Error, Position, Result, Warning};
use crate::format::Format;
use crate::model::Document;
use crate::symbol::Symbol;
use crate::{akn, json, text};

/// The largest input read by default: 64 MiB, a hundred times the longest letter seen; raised
/// with `--max-input-size` (README, "Limits").
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// What a reader may be told beyond the input itself.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The input format; detected from the content when `None`.
    pub from: Option<Format>,
    /// Symbols to use when the input has none (the Word sample's header, which held it, was dropped).
    pub symbols: Vec<Symbol>,
    /// Inputs larger than this many bytes are refused before any reader sees them.
    pub max_input_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            from: None,
            symbols: Vec::new(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// The error for an input over the size limit (`size` when known: a pipe's is not); the message
/// says how to raise the limit.
pub fn too_large(size: Option<u64>, limit: u64) -> Error {
    let size = size.map_or_else(|| format!("more than {limit}"), |s| s.to_string());
    Error::Unsupported(format!(
        "the input is {size} bytes, over the limit of {limit} bytes; raise it with --max-input-size"
    ))
}

/// A document as read, with the reader's warnings.
#[derive(Debug, Clone)]
pub struct Read {
    /// The document.
    pub document: Document,
    /// What the reader noticed but could work around.
    pub warnings: Vec<Warning>,
    /// The format the input was read as.
    pub format: Format,
}

/// Decodes input bytes as UTF-8 (a byte-order mark is dropped); invalid bytes are an error naming
/// their line, column and byte offset.
///
/// The byte offset counts from the start of the file as given (byte-order mark included), so it
/// matches what `xxd` or `od` show; line and column count characters after the mark.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    std::str::from_utf8(body).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = std::str::from_utf8(body.get(..offset).unwrap_or_default()).unwrap_or_default();
        Error::invalid_at(
            Position::of_offset(valid, offset),
            format!("invalid UTF-8 at byte {}", offset + bom),
        )
    })
}

/// Reads a document from input bytes.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Read> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > options.max_input_bytes {
        return Err(too_large(Some(size), options.max_input_bytes));
    }
    let format = options.from.unwrap_or_else(|| Format::detect(bytes));
    let input = decode(bytes)?;
    let (mut document, mut warnings) = match format {
        Format::Json => (json::read(input)?, Vec::new()),
        Format::Text => text::read(input)?,
        Format::Akn => akn::read(input)?,
    };
    if document.symbols.is_empty() {
        if options.symbols.is_empty() {
            if document.kind != crate::model::Kind::Other || format == Format::Text {
                warnings.push(Warning::new(
                    "the input names no document symbol; pass --symbol to supply it",
                ));
            }
        } else {
            document.symbols = options.symbols.clone();
        }
    }
    Ok(Read {
        document,
        warnings,
        format,
    })
}

/// Writes a document in a format.
pub fn write(doc: &Document, to: Format) -> Result<String> {
    match to {
        Format::Json => Ok(json::write(doc)),
        Format::Text => text::write(doc),
        Format::Akn => akn::write(doc),
    }
}
