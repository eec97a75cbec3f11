//! Conversion between formats: decode the input, pick its reader, write with the target's writer.
//!
//! Nothing converts format to format directly: every conversion goes through [`Document`].

use crate::error::{Error, Position, Result, Warning};
use crate::format::Format;
use crate::model::Document;
use crate::symbol::Symbol;
use crate::{akn, json, pdf, text};

/// The largest input read by default: 64 MiB, a hundred times the longest letter seen; raised
/// with `--max-input-size` (README, "Limits").
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How deep AKN elements nest by default; raised with `--max-xml-depth` up to
/// [`MAX_XML_DEPTH_CAP`].
pub const DEFAULT_MAX_XML_DEPTH: usize = akn::limits::MAX_DEPTH;

/// How deep canonical text nests by default; raised with `--max-text-depth` up to
/// [`MAX_TEXT_DEPTH_CAP`].
pub const DEFAULT_MAX_TEXT_DEPTH: usize = text::canonical::DEFAULT_MAX_DEPTH;

/// The highest `--max-xml-depth` accepted. Measured on a debug build with an 8 MiB stack
/// ([`WORKER_STACK_BYTES`]): inline elements nested 2,000 deep still convert to every format,
/// 2,500 overflow the AKN writer; the cap keeps twice that room. `tests/limits.rs` runs a
/// document nested this deep through every command.
pub const MAX_XML_DEPTH_CAP: usize = 1_000;

/// The highest `--max-text-depth` accepted. Measured as for [`MAX_XML_DEPTH_CAP`]: annexes,
/// lists, quotations and spans each nested 600 deep read and write, 700 overflow the reader;
/// the cap keeps four times that room, and what it lets in writes AKN about 750 elements deep,
/// which reads back under [`MAX_XML_DEPTH_CAP`].
pub const MAX_TEXT_DEPTH_CAP: usize = 150;

/// The stack of every thread this tool reads or writes documents on (diff's second reader,
/// batch and validate workers): the size of the main thread's stack on Linux, which the depth
/// caps were measured against.
pub const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// What a reader may be told beyond the input itself.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The input format; detected from the content when `None`.
    pub from: Option<Format>,
    /// Symbols to use when the input has none (the Word sample's header, which held it, was dropped).
    pub symbols: Vec<Symbol>,
    /// Inputs larger than this many bytes are refused before any reader sees them.
    pub max_input_bytes: u64,
    /// How deep AKN elements may nest (the root is level 1).
    pub max_xml_depth: usize,
    /// How deep canonical text's spans, containers and annexes may each nest.
    pub max_text_depth: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            from: None,
            symbols: Vec::new(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_xml_depth: DEFAULT_MAX_XML_DEPTH,
            max_text_depth: DEFAULT_MAX_TEXT_DEPTH,
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
    let (mut document, mut warnings) = match format {
        // A PDF is bytes, not text: it is never decoded as UTF-8.
        Format::Pdf => pdf::read(bytes)?,
        Format::Json => (json::read(decode(bytes)?)?, Vec::new()),
        Format::Text => text::read_with_max_depth(decode(bytes)?, options.max_text_depth)?,
        Format::Akn => akn::read_with_max_depth(decode(bytes)?, options.max_xml_depth)?,
    };
    if document.symbols.is_empty() {
        if options.symbols.is_empty() {
            if document.kind != crate::model::Kind::Other
                || matches!(format, Format::Text | Format::Pdf)
            {
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
        Format::Json => json::try_write(doc),
        Format::Text => text::write(doc),
        Format::Akn => akn::write(doc),
        Format::Pdf => Err(Error::Unsupported(
            "unletters reads PDFs but does not write them: choose json, akn or text".into(),
        )),
    }
}
