//! The PDF reader: the front end that measures a letter's lines from the glyphs of its official
//! PDF, then the same reader stages as for extracted text (`text::extracted`).
//!
//! [`glyphs`] walks each page's content stream (pure Rust: `lopdf` parses the file and its
//! streams), [`fonts`] decodes the text and tells bold and italic faces apart, [`layout`] groups
//! glyphs into lines with their measured attributes. Nothing here goes through text: the stages
//! get `Line`s whose attributes were measured, and consult them where a text line has none.

pub mod bidi;
pub mod content;
pub mod fonts;
pub mod glyphs;
pub mod layout;

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::convert::{Read, ReadOptions, finish};
use crate::error::{Error, Position, Result, Warning};
use crate::format::Format;
use crate::model::Document;
use crate::text::extracted;
use crate::text::extracted::lines::Form;

/// The measured line the PDF front end hands to the reader's stages, and its attributes.
pub use crate::text::extracted::lines::{Line, Measured, Run, Zone};

/// The most pages a PDF may have: a hundred times the longest letter seen (a report of about 60
/// pages); a larger file is refused before any page is read.
pub const MAX_PAGES: usize = 5_000;

/// Whether the bytes are a PDF: `%PDF-` at the start (a few bytes of junk before it are allowed,
/// as readers allow them).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes
        .get(..bytes.len().min(1024))
        .is_some_and(|head| memchr::memmem::find(head, b"%PDF-").is_some())
}

/// Reads a letter from a PDF, held to `options.limits` (its size, and at most [`MAX_PAGES`]
/// pages). Encrypted files, files without a text layer (scans), damaged files and files the PDF
/// parser fails on are errors naming the page where it is known; a panic inside the parser is
/// caught and reported as such.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(bytes.len())?;
    let (document, warnings) = read_letter(bytes)?;
    Ok(finish(document, warnings, Format::Pdf, options))
}

fn read_letter(bytes: &[u8]) -> Result<(Document, Vec<Warning>)> {
    let lines = catch_unwind(AssertUnwindSafe(|| lines_of(bytes))).unwrap_or_else(|_| {
        Err(Error::invalid(
            "the PDF parser failed on this file (a damaged or unusual font or stream)",
        ))
    })?;
    // The stages locate problems by line; a PDF's reader names the page the line is on.
    let pages: Vec<(usize, usize)> = lines.iter().map(|l| (l.line, l.page)).collect();
    let page_of = |p: Option<Position>| {
        p.map(|p| {
            pages
                .iter()
                .find(|(line, _)| *line >= p.line)
                .map_or(1, |(_, page)| page + 1)
        })
    };
    let read = catch_unwind(AssertUnwindSafe(|| {
        extracted::read_lines(lines, Form::Layout)
    }))
    .unwrap_or_else(|_| {
        Err(Error::Internal {
            message: "the reader failed on the lines of this PDF (please report the file)".into(),
        })
    });
    read.map_err(|e| match e {
        Error::Malformed { position, message } => match page_of(position) {
            Some(page) => Error::invalid(format!("page {page}: {message}")),
            None => Error::invalid(message),
        },
        Error::NotALetter { position, found } => Error::NotALetter {
            position: None,
            found: match page_of(position) {
                Some(page) => format!("page {page}: {found}"),
                None => found,
            },
        },
        other => other,
    })
}

/// The measured lines of every page, in order.
pub fn lines_of(bytes: &[u8]) -> Result<Vec<Line>> {
    let pages = pages_of(bytes)?;
    let body = layout::body_size(&pages);
    let mut out = Vec::new();
    // Each page's glyphs go as soon as its lines are made.
    for (i, page) in pages.into_iter().enumerate() {
        let lines = layout::page_lines(&page, i, body, out.len() + 1);
        out.extend(lines);
    }
    Ok(out)
}

/// The glyphs of every page.
pub fn pages_of(bytes: &[u8]) -> Result<Vec<glyphs::Page>> {
    if !is_pdf(bytes) {
        return Err(Error::invalid("not a PDF: no `%PDF-` header"));
    }
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => return Err(load_error(bytes, &e)),
    };
    if doc.is_encrypted() {
        return Err(Error::invalid(
            "the PDF is encrypted: unletters reads only PDFs that open without a password",
        ));
    }
    let ids: Vec<_> = doc.get_pages().into_values().collect();
    if ids.is_empty() {
        return Err(Error::invalid("the PDF has no pages"));
    }
    if ids.len() > MAX_PAGES {
        return Err(Error::invalid(format!(
            "the PDF has {} pages, over the limit of {MAX_PAGES}",
            ids.len()
        )));
    }
    let mut pages = Vec::with_capacity(ids.len());
    let mut fonts = glyphs::Fonts::default();
    let mut content = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        let page = glyphs::page_glyphs(&doc, id, &mut fonts, &mut content)
            .map_err(|e| Error::invalid(format!("page {}: cannot read the page: {e}", i + 1)))?;
        pages.push(page);
    }
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(Error::invalid(format!(
            "page 1 of {}: the PDF has no text layer (scanned? no text to read)",
            pages.len()
        )));
    }
    Ok(pages)
}

fn load_error(bytes: &[u8], e: &lopdf::Error) -> Error {
    if memchr::memmem::find(bytes, b"/Encrypt").is_some() {
        return Error::invalid(format!(
            "the PDF is encrypted and does not open without a password ({e})"
        ));
    }
    let tail = bytes
        .get(bytes.len().saturating_sub(1024)..)
        .unwrap_or_default();
    if memchr::memmem::find(tail, b"%%EOF").is_none() {
        return Error::invalid(format!(
            "the PDF is truncated (no `%%EOF` at its end) and cannot be read: {e}"
        ));
    }
    Error::invalid(format!("the PDF is damaged and cannot be read: {e}"))
}
