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
/// their line, column and byte offset. UTF-16 is an error naming UTF-16 (see [`decode_text`],
/// which reads it when it carries a byte-order mark).
///
/// The byte offset counts from the start of the file as given (byte-order mark included), so it
/// matches what `xxd` or `od` show; line and column count characters after the mark.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    if let Some(order) = utf16_bom(bytes).or_else(|| looks_like_utf16(bytes)) {
        return Err(Error::invalid_at(
            Position { line: 1, column: 1 },
            format!(
                "the input is UTF-16 ({}), not UTF-8: save it as UTF-8",
                order.describe(utf16_bom(bytes).is_some())
            ),
        ));
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Result<&str> {
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

/// Input decoded to text, with a warning when it was not UTF-8.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text, byte-order mark removed; borrowed when the input was UTF-8.
    pub text: std::borrow::Cow<'a, str>,
    /// Said when the input was decoded from another encoding (UTF-16).
    pub warning: Option<Warning>,
}

/// Decodes input bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16 when it starts with
/// a UTF-16 byte-order mark (what Windows calls "Unicode text"), which is said in a warning.
/// UTF-16 without a byte-order mark is an error naming UTF-16, since its byte order is a guess;
/// anything else that is not UTF-8 is an error naming where.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded<'_>> {
    let Some(order) = utf16_bom(bytes) else {
        return decode(bytes).map(|text| Decoded {
            text: std::borrow::Cow::Borrowed(text),
            warning: None,
        });
    };
    let body = bytes.get(2..).unwrap_or_default();
    if body.len() % 2 == 1 {
        return Err(Error::invalid(format!(
            "the input starts with a UTF-16 ({}) byte-order mark but has an odd number of bytes ({})",
            order.describe(true),
            bytes.len()
        )));
    }
    let units = body.chunks_exact(2).map(|p| match (order, p) {
        (Utf16::Le, [a, b]) => u16::from_le_bytes([*a, *b]),
        (Utf16::Be, [a, b]) => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    let mut text = String::with_capacity(body.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(e) => {
                return Err(Error::invalid_at(
                    Position::of_offset(&text, text.len()),
                    format!(
                        "invalid UTF-16 at byte {}: unpaired surrogate {:04X}",
                        2 + 2 * i,
                        e.unpaired_surrogate()
                    ),
                ));
            }
        }
    }
    Ok(Decoded {
        text: std::borrow::Cow::Owned(text),
        warning: Some(Warning::new(format!(
            "the input is UTF-16 ({}); decoded it as such",
            order.describe(true)
        ))),
    })
}

/// A UTF-16 byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    fn describe(self, bom: bool) -> &'static str {
        match (self, bom) {
            (Utf16::Le, true) => "little-endian, with a byte-order mark",
            (Utf16::Be, true) => "big-endian, with a byte-order mark",
            (Utf16::Le, false) => "little-endian by the look of it, without a byte-order mark",
            (Utf16::Be, false) => "big-endian by the look of it, without a byte-order mark",
        }
    }
}

fn utf16_bom(bytes: &[u8]) -> Option<Utf16> {
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(Utf16::Le),
        Some([0xFE, 0xFF]) => Some(Utf16::Be),
        _ => None,
    }
}

/// Whether input without a byte-order mark looks like UTF-16: text in a Latin script, so in
/// UTF-16 every other byte of its start is zero, at the same parity. (Zero bytes are valid
/// UTF-8, so such input would otherwise be read as text full of NUL characters.)
fn looks_like_utf16(bytes: &[u8]) -> Option<Utf16> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for p in head.chunks_exact(2) {
        if let [a, b] = p {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    // Most characters ASCII or Latin (a zero high byte), none of the other parity zero.
    if odd * 2 >= pairs && even == 0 {
        Some(Utf16::Le)
    } else if even * 2 >= pairs && odd == 0 {
        Some(Utf16::Be)
    } else {
        None
    }
}

/// Reads a document from input bytes.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Read> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > options.max_input_bytes {
        return Err(too_large(Some(size), options.max_input_bytes));
    }
    let decoded = decode_text(bytes)?;
    let input: &str = &decoded.text;
    let format = options
        .from
        .unwrap_or_else(|| Format::detect(input.as_bytes()));
    let (mut document, mut warnings) = match format {
        Format::Json => (json::read(input)?, Vec::new()),
        Format::Text => text::read_with_max_depth(input, options.max_text_depth)?,
        Format::Akn => akn::read_with_max_depth(input, options.max_xml_depth)?,
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
    if let Some(w) = decoded.warning {
        warnings.insert(0, w);
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
    }
}
