//! Conversion between formats: decode the input, pick its reader, write with the target's writer.
//!
//! Nothing converts format to format directly: every conversion goes through [`Document`].

use crate::error::{Error, Position, Result, Warning};
use crate::format::Format;
use crate::limits::Limits;
use crate::model::Document;
use crate::symbol::Symbol;
use crate::{akn, html, json, text};

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

/// Reads a document from input bytes, in the format `options.from` names or, by default, the one
/// its content shows.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(bytes.len())?;
    let format = options.from.unwrap_or_else(|| Format::detect(bytes));
    let input = decode(bytes)?;
    match format {
        Format::Json => json::read(input, options),
        Format::Text => text::read(input, options),
        Format::Akn => akn::read(input, options),
        Format::Html => Err(unreadable(format)),
    }
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
            if document.kind != crate::model::Kind::Other || format == Format::Text {
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
    }
}
