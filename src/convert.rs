//! Conversion between formats: decode the input, pick its reader, write with the target's writer.
//!
//! Nothing converts format to format directly: every conversion goes through [`Document`].

use crate::error::{Error, Position, Result, Warning};
use crate::format::Format;
use crate::limits::Limits;
use crate::model::Document;
use crate::symbol::Symbol;
use crate::{akn, html, json, pdf, text};

/// What a reader may be told beyond the input itself.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The input format; detected from the content when `None`.
    pub from: Option<Format>,
    /// Symbols to use when the input has none (the Word sample's header, which held it, was dropped).
    pub symbols: Vec<Symbol>,
    /// The size and depth limits the input is held to.
    pub limits: Limits,
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

/// The error for asking to read a format that is written but never read (HTML).
pub fn unreadable(format: Format) -> Error {
    Error::Usage {
        message: format!("{format} is an output format only: unletters does not read it"),
    }
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

/// Reads a document from the bytes of the file at `path` (`-` for standard input), in the format
/// `options.from` names or, by default, [`Format::of_file`]'s: a named file's extension counts.
pub fn read_named(path: &std::path::Path, bytes: &[u8], options: &ReadOptions) -> Result<Read> {
    if options.from.is_some() {
        return read(bytes, options);
    }
    let options = ReadOptions {
        from: Some(Format::of_file(path, bytes)),
        ..options.clone()
    };
    read(bytes, &options)
}

/// Reads a document from input bytes, in the format `options.from` names or, by default, the one
/// its content shows. UTF-16 with a byte-order mark is decoded first, with a warning.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(bytes.len())?;
    let format = options.from.unwrap_or_else(|| Format::detect(bytes));
    // A PDF is bytes, not text: it is never decoded.
    if format == Format::Pdf {
        return pdf::read(bytes, options);
    }
    let decoded = decode_text(bytes)?;
    let input: &str = &decoded.text;
    let mut read = match format {
        Format::Pdf => pdf::read(bytes, options),
        Format::Json => json::read(input, options),
        Format::Text => text::read(input, options),
        Format::Akn => akn::read(input, options),
        Format::Html => Err(unreadable(format)),
    }?;
    if let Some(w) = decoded.warning {
        read.warnings.insert(0, w);
    }
    Ok(read)
}

/// What every reader does last: supply the caller's symbols to a document that names none, or
/// warn that it names none; symbols supplied for a document that prints other symbols of its own
/// are not used, and a warning says so.
pub(crate) fn finish(
    mut document: Document,
    mut warnings: Vec<Warning>,
    format: Format,
    options: &ReadOptions,
) -> Read {
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
    } else if !options.symbols.is_empty() && options.symbols != document.symbols {
        let list = |s: &[Symbol]| {
            s.iter()
                .map(Symbol::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        warnings.push(Warning::new(format!(
            "--symbol {} not used: the document prints its own symbols, {}",
            list(&options.symbols),
            list(&document.symbols)
        )));
    }
    Read {
        document,
        warnings,
        format,
    }
}

/// Writes a document in a format and checks the output against the format's schema (see
/// [`crate::validate::output`]); an output that breaks it is an error, not returned.
pub fn write_checked(doc: &Document, to: Format) -> Result<String> {
    let out = write(doc, to)?;
    let errors = crate::validate::output::errors(to, &out);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::invalid(format!(
            "the {to} output breaks its schema, not written: {}",
            errors.join("; ")
        )))
    }
}

/// Writes a document in a format.
pub fn write(doc: &Document, to: Format) -> Result<String> {
    match to {
        Format::Json => json::write(doc),
        Format::Text => text::write(doc),
        Format::Akn => akn::write(doc),
        Format::Html => html::write(doc),
        Format::Pdf => Err(Error::Unwritable {
            format: Format::Pdf,
            message: "unletters reads PDFs but does not write them: choose json, akn, text or html"
                .into(),
        }),
    }
}
