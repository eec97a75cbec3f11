//! The formats unletters reads and writes, and how an input's format is recognised from its content.

use std::fmt;
use std::str::FromStr;

/// A document format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Plain text: pdftotext output (default or `-layout`), Word-to-Markdown text, or canonical text.
    Text,
    /// Akoma Ntoso 3.0 XML following AKN4UN.
    Akn,
    /// The unletters JSON format (`schemas/unletters.schema.json`).
    Json,
    /// A self-contained HTML5 page for people to read: written, never read.
    Html,
    /// The official PDF of a letter (read only: there is no PDF writer).
    Pdf,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Text,
        Format::Akn,
        Format::Html,
        Format::Pdf,
    ];

    /// Whether unletters reads this format (HTML is an output only; PDF is an input only).
    pub fn readable(self) -> bool {
        self != Format::Html
    }

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Akn => "akn",
            Format::Json => "json",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// Whether documents can be written in this format (every format but PDF).
    pub fn is_writable(self) -> bool {
        self != Format::Pdf
    }

    /// The file extension outputs in this format get.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Akn => "xml",
            Format::Json => "json",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// Recognises a format from the input's first non-blank character: `<` is XML, `{` or `[` is
    /// JSON, anything else is text. A byte-order mark is skipped; in UTF-16 (zero bytes between
    /// the ASCII ones) the zero bytes are. A PDF is known by its `%PDF-` header.
    pub fn detect(input: &[u8]) -> Format {
        if crate::pdf::is_pdf(input) {
            return Format::Pdf;
        }
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let input = input
            .strip_prefix(b"\xFF\xFE")
            .or_else(|| input.strip_prefix(b"\xFE\xFF"))
            .unwrap_or(input);
        match input.iter().find(|b| !b.is_ascii_whitespace() && **b != 0) {
            Some(b'<') => Format::Akn,
            Some(b'{') | Some(b'[') => Format::Json,
            _ => Format::Text,
        }
    }
}

impl Format {
    /// The format of a file's bytes, the file named: a PDF is known by its header whatever its
    /// name; otherwise an extension that names a format decides (`.json` is JSON even when its
    /// first line is junk, so it is reported as broken JSON, not as a letter with no masthead);
    /// otherwise the content, as [`Format::detect`]. `convert`, `validate`, `diff` and the
    /// Python package all use this, so one file is one format to all of them.
    pub fn of_file(path: &std::path::Path, bytes: &[u8]) -> Format {
        if crate::pdf::is_pdf(bytes) {
            return Format::Pdf;
        }
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("xml" | "akn") => Format::Akn,
            Some("json") => Format::Json,
            Some("txt" | "text" | "md") => Format::Text,
            Some("pdf") => Format::Pdf,
            _ => Format::detect(bytes),
        }
    }

    /// Parses an output format's name: any format but PDF, which is read and never written.
    pub fn parse_output(s: &str) -> Result<Format, String> {
        match s.parse()? {
            Format::Pdf => Err(format!(
                "cannot write {s:?}: PDF is an input format only (expected json, text, akn or html)"
            )),
            f => Ok(f),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "akn" | "xml" => Ok(Format::Akn),
            "json" => Ok(Format::Json),
            "html" | "htm" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            other => Err(format!(
                "unknown format {other:?} (expected json, text, akn, html or pdf)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_from_content() {
        assert_eq!(
            Format::detect(b"\xEF\xBB\xBF  <?xml version='1.0'?>"),
            Format::Akn
        );
        assert_eq!(Format::detect(b"\n{\"format\": 1}"), Format::Json);
        assert_eq!(
            Format::detect(b"A/79/729-S/2025/40\n\nUnited Nations"),
            Format::Text
        );
        assert_eq!(Format::detect(b""), Format::Text);
        assert_eq!(Format::detect(b"\xFF\xFE<\0a\0"), Format::Akn);
        assert_eq!(Format::detect(b"\xFE\xFF\0 \0{"), Format::Json);
        assert_eq!(Format::detect(b"%PDF-1.7\n%\xE2\xE3"), Format::Pdf);
    }

    #[test]
    fn a_named_file_is_what_its_extension_says_unless_it_is_a_pdf() {
        use std::path::Path;
        let of = |name: &str, bytes: &[u8]| Format::of_file(Path::new(name), bytes);
        assert_eq!(of("a.json", b"junk\n{}"), Format::Json);
        assert_eq!(of("a.XML", b"{}"), Format::Akn);
        assert_eq!(of("a.txt", b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(of("a.txt", b"<akomaNtoso/>"), Format::Text);
        assert_eq!(of("letter", b"<akomaNtoso/>"), Format::Akn);
        assert_eq!(of("-", b"{}"), Format::Json);
    }

    #[test]
    fn pdf_is_read_not_written() {
        assert_eq!("pdf".parse::<Format>(), Ok(Format::Pdf));
        assert_eq!(Format::parse_output("json"), Ok(Format::Json));
        assert!(Format::parse_output("PDF").is_err_and(|e| e.contains("input format only")));
    }
}
