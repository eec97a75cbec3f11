//! The AKN reader: an Akoma Ntoso file as the writer lays it out (see `mod.rs`), or a hand-edited
//! variant of it, back into a [`Document`].
//!
//! The reader goes by elements and their `name`/`class`/`refersTo`, not by position or prefix, so
//! attribute order, indentation between elements, namespace prefixes, comments and CDATA make no
//! difference. Text inside mixed content (`p`, `heading`, `docTitle`, ...) is content and is kept
//! exactly. An element the mapping does not know gets a warning and, where the model has room for
//! text (body, footnotes, table cells), its text is kept.

use super::naming::{UNDOCS, percent_decode};
use super::xml::{self, Element, Node, Ns};
use super::{DISTRIBUTION_PREFIX, ORIGINAL_PREFIX, class, inline_name};
use crate::convert::{Read, ReadOptions, finish};
use crate::error::{Error, Position, Result, Warning};
use crate::format::Format;
use crate::model::{
    AgendaItem, Annex, AnnexKind, Block, Cell, Date, Document, Footnote, Inline, Kind, ListItem,
    Num, Row, Session, Signature,
};
use crate::symbol::Symbol;

/// Reads a letter from Akoma Ntoso XML, with remarks on anything the reader had to skip. The input
/// is held to `options.limits`: its size, and elements nesting at most `max_xml_depth` levels
/// (the root is level 1; deeper is an [`Error::TooDeep`]).
pub fn read(input: &str, options: &ReadOptions) -> Result<Read> {
    options.limits.check_size(input.len())?;
    let (document, warnings) = read_document(input, options.limits.max_xml_depth)?;
    Ok(finish(document, warnings, Format::Akn, options))
}

fn read_document(input: &str, max_depth: usize) -> Result<(Document, Vec<Warning>)> {
    let root = xml::parse(input, max_depth)?;
    let at = |e: &Element| Position::of_offset(input, e.offset);
    if !root.is("akomaNtoso") {
        return Err(Error::invalid_at(
            at(&root),
            format!(
                "not Akoma Ntoso 3.0: the root element is {}{}, not <akomaNtoso> in namespace {}",
                root.describe(),
                match &root.ns {
                    Ns::None => " without a namespace".to_string(),
                    Ns::Other(ns) => format!(" in namespace {ns}"),
                    _ => String::new(),
                },
                super::AKN_NS
            ),
        ));
    }
    let Some(doc) = root.elements().next() else {
        return Err(Error::invalid_at(
            at(&root),
            "<akomaNtoso> holds no document",
        ));
    };
    let kind = match (doc.is("doc"), doc.attr("name")) {
        (true, Some("officialLetter")) => letter_kind(doc),
        (true, Some("identicalLetters")) => Kind::IdenticalLetters,
        (true, Some("noteVerbale")) => Kind::NoteVerbale,
        (true, Some("communication")) => Kind::Other,
        _ => {
            return Err(Error::invalid_at(
                at(doc),
                format!(
                    "not a UN letter: the document is {}; unletters reads <doc name=\"officialLetter\"> \
                     or <doc name=\"noteVerbale\">",
                    doc.describe()
                ),
            ));
        }
    };
    let mut reader = Reader {
        input,
        warnings: Vec::new(),
    };
    let document = reader.letter(doc, kind);
    Ok((document, reader.warnings))
}

struct Reader<'i> {
    input: &'i str,
    warnings: Vec<Warning>,
}

/// The footnotes of one document or annex, in the order their elements appear.
#[derive(Default)]
struct Notes {
    list: Vec<Footnote>,
}

impl Reader<'_> {
    fn warn(&mut self, e: &Element, message: String) {
        self.warnings.push(Warning {
            position: Some(Position::of_offset(self.input, e.offset)),
            message,
        });
    }

    fn unknown(&mut self, e: &Element, context: &str) {
        let text = e.text();
        let kept = if text.trim().is_empty() || context.is_empty() {
            String::new()
        } else {
            format!("; its text is kept in the {context}")
        };
        self.warn(e, format!("unknown element {} here{kept}", e.describe()));
    }

    fn letter(&mut self, doc: &Element, kind: Kind) -> Document {
        let mut out = Document {
            kind,
            ..Document::default()
        };
        let mut notes = Notes::default();
        let mut meta_notes = Vec::new();
        for part in doc.elements() {
            match part.name.as_str() {
                _ if part.ns != Ns::Akn => self.unknown(part, ""),
                "meta" => {
                    meta_notes = self.meta_notes(part);
                    out.job_number = find(part, &|e| e.is("docketNumber")).map(Element::text);
                }
                "coverPage" => self.cover_page(part, &mut out),
                "preface" => self.preface(part, &mut out),
                "mainBody" => out.body = self.blocks(part, &mut notes),
                "conclusions" => out.signatures = self.signatures(part),
                "attachments" => out.annexes = self.attachments(part),
                _ => self.unknown(part, ""),
            }
        }
        notes.list.extend(meta_notes);
        out.footnotes = notes.list;
        out
    }

    /// Footnotes kept in `<meta><notes>`: those no call-out carried.
    fn meta_notes(&mut self, meta: &Element) -> Vec<Footnote> {
        let mut out = Vec::new();
        for notes in meta.elements().filter(|e| e.is("notes")) {
            for note in notes.elements().filter(|e| e.is("note")) {
                // Call-outs inside a note kept in meta have no footnote of their own to place.
                let mut inner = Notes::default();
                let body = self.blocks(note, &mut inner);
                out.push(Footnote {
                    marker: note.attr("marker").unwrap_or_default().to_string(),
                    body,
                });
                out.extend(inner.list);
            }
        }
        out
    }

    fn cover_page(&mut self, cover: &Element, out: &mut Document) {
        for e in cover.elements() {
            self.masthead_element(e, out);
        }
    }

    fn masthead_element(&mut self, e: &Element, out: &mut Document) {
        if e.ns != Ns::Akn {
            return self.unknown(e, "");
        }
        let refers = e.attr("refersTo").unwrap_or_default();
        let has_ref = |r: &str| refers.split_whitespace().any(|x| x == r);
        match (e.name.as_str(), e.attr("name")) {
            ("docAuthority", _) if has_ref("#publisher") => {}
            ("docAuthority", _) if has_ref("#issuingBody") => out.organs.push(e.text()),
            ("docAuthority", _) => out.sessions.push(Session {
                organ: e.text(),
                name: String::new(),
                agenda_label: None,
                agenda_items: Vec::new(),
            }),
            ("docNumber", _) => match Symbol::parse(&e.text()) {
                Ok(s) => out.symbols.push(s),
                Err(err) => self.warn(e, format!("docNumber skipped: {err}")),
            },
            ("docStatus", _) => {
                let text = e.text();
                out.distribution = Some(strip_label(&text, DISTRIBUTION_PREFIX));
            }
            ("docDate", _) => out.date = self.date_attr(e),
            ("inline", Some(inline_name::LANGUAGE)) => out.language = Some(e.text()),
            ("inline", Some(inline_name::ORIGINAL_LANGUAGE)) => {
                out.original_language = Some(strip_label(&e.text(), ORIGINAL_PREFIX));
            }
            ("session", _) => {
                let name = e.text();
                match out.sessions.last_mut() {
                    Some(s) if s.name.is_empty() => s.name = name,
                    _ => out.sessions.push(Session {
                        organ: String::new(),
                        name,
                        agenda_label: None,
                        agenda_items: Vec::new(),
                    }),
                }
            }
            ("inline", Some(inline_name::AGENDA_LABEL)) => {
                self.current_session(out).agenda_label = Some(e.text());
            }
            ("inline", Some(inline_name::AGENDA_ITEM)) => {
                let item = AgendaItem {
                    number: e.attr("title").unwrap_or_default().to_string(),
                    title: e.text(),
                    subheadings: Vec::new(),
                };
                self.current_session(out).agenda_items.push(item);
            }
            ("inline", Some(inline_name::AGENDA_SUBHEADING)) => {
                let text = e.text();
                let session = self.current_session(out);
                match session.agenda_items.last_mut() {
                    Some(item) => item.subheadings.push(text),
                    None => session.agenda_items.push(AgendaItem {
                        number: String::new(),
                        title: String::new(),
                        subheadings: vec![text],
                    }),
                }
            }
            // Layout wrappers (`p`, `span`, `container`...) and unmapped inlines: look inside.
            _ => {
                for child in e.elements() {
                    self.masthead_element(child, out);
                }
            }
        }
    }

    // The index is in bounds: a session was pushed just before when there was none.
    #[allow(clippy::indexing_slicing)]
    fn current_session<'d>(&mut self, out: &'d mut Document) -> &'d mut Session {
        if out.sessions.is_empty() {
            out.sessions.push(Session {
                organ: String::new(),
                name: String::new(),
                agenda_label: None,
                agenda_items: Vec::new(),
            });
        }
        let last = out.sessions.len() - 1;
        &mut out.sessions[last]
    }

    fn date_attr(&mut self, e: &Element) -> Option<Date> {
        let raw = e.attr("date")?;
        match raw.parse() {
            Ok(d) => Some(d),
            Err(err) => {
                self.warn(e, format!("date ignored: {err}"));
                None
            }
        }
    }

    fn preface(&mut self, preface: &Element, out: &mut Document) {
        for p in preface.elements() {
            if p.is("p") && p.has_class(class::TITLE_HEADING) {
                out.title_headings.push(p.text());
                continue;
            }
            if let Some(title) = find(p, &|e| e.is("docTitle")) {
                out.title = title.text();
            }
            self.title_parts(p, out);
        }
    }

    fn title_parts(&mut self, e: &Element, out: &mut Document) {
        for child in e.elements() {
            match (child.ns == Ns::Akn, child.name.as_str(), child.attr("name")) {
                (true, "docDate", _) if out.letter_date.is_none() => {
                    out.letter_date = self.date_attr(child);
                }
                (true, "docProponent", _) if out.sender.is_none() => {
                    out.sender = Some(child.text());
                }
                (true, "inline", Some(inline_name::ADDRESSEE)) => out.addressees.push(child.text()),
                _ => self.title_parts(child, out),
            }
        }
    }

    /// Blocks of a body or of a block container: every element child, in order.
    fn blocks(&mut self, parent: &Element, notes: &mut Notes) -> Vec<Block> {
        let mut out = Vec::new();
        for child in &parent.children {
            match child {
                Node::Text(t) if t.trim().is_empty() => {}
                Node::Text(t) => {
                    out.push(Block::paragraph(t.trim()));
                }
                Node::Element(e) => self.block(e, notes, &mut out),
            }
        }
        out
    }

    fn block(&mut self, e: &Element, notes: &mut Notes, out: &mut Vec<Block>) {
        if e.ns != Ns::Akn {
            return self.unknown_block(e, notes, out);
        }
        match e.name.as_str() {
            "p" if e.has_class(class::EMPTY) && e.children.is_empty() => {}
            "p" => {
                if let Some(structure) = only_structure(e) {
                    let body = self.blocks(structure, notes);
                    out.push(Block::Quotation { body });
                } else if e.has_class(class::HEADING) {
                    let content = self.inlines(e, notes);
                    out.push(Block::Heading { content });
                } else {
                    let content = self.inlines(e, notes);
                    out.push(Block::Paragraph { num: None, content });
                }
            }
            "embeddedStructure" | "quotedStructure" => {
                let body = self.blocks(e, notes);
                out.push(Block::Quotation { body });
            }
            "blockList" | "ul" | "ol" => out.push(self.list(e, notes)),
            "table" => out.push(self.table(e, notes)),
            "hcontainer" | "paragraph" | "subparagraph" | "point" | "blockContainer" | "tblock"
            | "container" | "content" | "intro" | "wrapUp" | "division" | "section" => {
                self.numbered(e, notes, out);
            }
            "num" => out.push(Block::Paragraph {
                num: Some(Num::new(e.text())),
                content: Vec::new(),
            }),
            "heading" | "subheading" | "crossHeading" => {
                let content = self.inlines(e, notes);
                out.push(Block::Heading { content });
            }
            _ => self.unknown_block(e, notes, out),
        }
    }

    fn unknown_block(&mut self, e: &Element, notes: &mut Notes, out: &mut Vec<Block>) {
        self.unknown(e, "body");
        let content = self.inlines(e, notes);
        if !content.is_empty() {
            out.push(Block::Paragraph { num: None, content });
        }
    }

    /// A hierarchical or container element: its `num` numbers the first paragraph inside, its
    /// `heading` is a heading block, the rest are blocks.
    fn numbered(&mut self, e: &Element, notes: &mut Notes, out: &mut Vec<Block>) {
        let mut num = None;
        let start = out.len();
        for child in &e.children {
            match child {
                Node::Element(c) if c.is("num") && num.is_none() => num = Some(Num::new(c.text())),
                Node::Element(c) if c.is("heading") => {
                    let content = self.inlines(c, notes);
                    out.push(Block::Heading { content });
                }
                Node::Element(c) => self.block(c, notes, out),
                Node::Text(t) if t.trim().is_empty() => {}
                Node::Text(t) => out.push(Block::paragraph(t.trim())),
            }
        }
        if let Some(n) = num {
            match out.get_mut(start) {
                Some(Block::Paragraph {
                    num: slot @ None, ..
                }) => *slot = Some(n),
                _ => out.insert(
                    start,
                    Block::Paragraph {
                        num: Some(n),
                        content: Vec::new(),
                    },
                ),
            }
        }
    }

    fn list(&mut self, e: &Element, notes: &mut Notes) -> Block {
        if e.has_class(class::EMPTY) {
            return Block::List { items: Vec::new() };
        }
        let mut items = Vec::new();
        for item in e.elements() {
            if !(item.is("item") || item.is("li")) {
                let mut body = Vec::new();
                self.block(item, notes, &mut body);
                if !body.is_empty() {
                    items.push(ListItem { num: None, body });
                }
                continue;
            }
            let mut num = None;
            let mut body = Vec::new();
            for child in &item.children {
                match child {
                    Node::Element(c) if c.is("num") && num.is_none() => {
                        num = Some(Num::new(c.text()));
                    }
                    Node::Element(c) => self.block(c, notes, &mut body),
                    Node::Text(t) if t.trim().is_empty() => {}
                    Node::Text(t) => body.push(Block::paragraph(t.trim())),
                }
            }
            items.push(ListItem { num, body });
        }
        Block::List { items }
    }

    fn table(&mut self, e: &Element, notes: &mut Notes) -> Block {
        if e.has_class(class::EMPTY) {
            return Block::Table { rows: Vec::new() };
        }
        let mut rows = Vec::new();
        let trs = e.elements().flat_map(|c| {
            if c.is("tr") {
                vec![c]
            } else {
                // `thead`/`tbody` wrappers of hand-written tables.
                c.elements().filter(|r| r.is("tr")).collect()
            }
        });
        for tr in trs {
            let header = tr.elements().any(|c| c.is("th"));
            let cells = if tr.has_class(class::EMPTY) {
                Vec::new()
            } else {
                tr.elements()
                    .filter(|c| c.is("th") || c.is("td"))
                    .map(|c| Cell {
                        content: self.cell(c, notes),
                    })
                    .collect()
            };
            rows.push(Row { header, cells });
        }
        Block::Table { rows }
    }

    /// A cell's inlines: the writer puts them in one `p`; several blocks are joined by a space.
    fn cell(&mut self, cell: &Element, notes: &mut Notes) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for (i, p) in cell.elements().enumerate() {
            if i > 0 {
                out.push(Inline::text(" "));
            }
            if p.is("p") {
                out.extend(self.inlines(p, notes));
            } else {
                self.unknown(p, "table cell");
                out.push(Inline::text(p.text()));
            }
        }
        out
    }

    /// Inline content of a mixed-content element.
    fn inlines(&mut self, parent: &Element, notes: &mut Notes) -> Vec<Inline> {
        let mut out = Vec::new();
        for child in &parent.children {
            match child {
                Node::Text(t) => out.push(Inline::text(t.clone())),
                Node::Element(e) => self.inline(e, notes, &mut out),
            }
        }
        out
    }

    fn inline(&mut self, e: &Element, notes: &mut Notes, out: &mut Vec<Inline>) {
        if e.ns != Ns::Akn {
            self.unknown(e, "text");
            return self.transparent(e, notes, out);
        }
        match (e.name.as_str(), e.attr("name")) {
            ("i", _) => {
                let content = self.inlines(e, notes);
                out.push(Inline::Emphasis { content });
            }
            ("b", _) => {
                let content = self.inlines(e, notes);
                out.push(Inline::Strong { content });
            }
            ("span", _) if e.elements().next().is_none() => out.push(Inline::text(e.text())),
            ("date", _) => match e.attr("date").map(str::parse::<Date>) {
                Some(Ok(date)) => out.push(Inline::Date {
                    text: e.text(),
                    date,
                }),
                _ => {
                    self.warn(
                        e,
                        "<date> without a valid date attribute read as text".into(),
                    );
                    out.push(Inline::text(e.text()));
                }
            },
            ("ref", _) => out.push(self.reference(e)),
            ("a", _) => {
                let raw = e.attr("href").unwrap_or_default();
                let href = if e.has_class(class::ENCODED_HREF) {
                    percent_decode(raw).unwrap_or_else(|| raw.to_string())
                } else {
                    raw.to_string()
                };
                out.push(Inline::Link {
                    text: e.text(),
                    href,
                });
            }
            ("authorialNote", _) => {
                let marker = e.attr("marker").unwrap_or_default().to_string();
                let slot = notes.list.len();
                notes.list.push(Footnote {
                    marker: marker.clone(),
                    body: Vec::new(),
                });
                let body = self.blocks(e, notes);
                if let Some(f) = notes.list.get_mut(slot) {
                    f.body = body;
                }
                out.push(Inline::FootnoteRef { marker });
            }
            ("noteRef", _) => out.push(Inline::FootnoteRef {
                marker: e.attr("marker").unwrap_or_default().to_string(),
            }),
            ("inline", Some(inline_name::FOOTNOTE_REF)) => {
                out.push(Inline::FootnoteRef { marker: e.text() });
            }
            ("inline", Some(inline_name::JOINT_SYMBOL)) => out.push(self.joint_symbol(e, notes)),
            (name, _) if TRANSPARENT_INLINES.contains(&name) => self.transparent(e, notes, out),
            _ => {
                self.unknown(e, "text");
                self.transparent(e, notes, out);
            }
        }
    }

    /// The element's content in place of the element, merging text with text around it.
    fn transparent(&mut self, e: &Element, notes: &mut Notes, out: &mut Vec<Inline>) {
        for inline in self.inlines(e, notes) {
            match (out.last_mut(), inline) {
                (Some(Inline::Text { text: a }), Inline::Text { text: b }) => a.push_str(&b),
                (_, inline) => out.push(inline),
            }
        }
    }

    /// A joint symbol cited as one: its printed text whole, its parts from its refs in order.
    /// Content that names no symbol is read as the plain inlines it holds.
    fn joint_symbol(&mut self, e: &Element, notes: &mut Notes) -> Inline {
        let mut parts = Vec::new();
        for child in e.elements().filter(|c| c.is("ref")) {
            if let Inline::Symbol { symbol, .. } = self.reference(child) {
                parts.push(symbol);
            }
        }
        if parts.is_empty() {
            let mut out = Vec::new();
            self.transparent(e, notes, &mut out);
            return match out.as_slice() {
                [one] => one.clone(),
                _ => Inline::text(e.text()),
            };
        }
        let symbol = parts.remove(0);
        Inline::Symbol {
            text: e.text(),
            symbol,
            joint_with: parts,
        }
    }

    /// A `ref`: a cited symbol when it points at undocs.org (or its text is a symbol), else a link.
    fn reference(&mut self, e: &Element) -> Inline {
        let text = e.text();
        let href = e.attr("href").unwrap_or_default();
        let from_href = href
            .strip_prefix(UNDOCS)
            .and_then(percent_decode)
            .and_then(|s| Symbol::parse(&s).ok());
        let symbol = from_href.or_else(|| {
            Symbol::parse(&text)
                .ok()
                .filter(|_| href.starts_with("/akn/"))
        });
        match symbol {
            Some(s) => {
                let symbol = if e.has_class(class::REISSUED) && !s.reissued() {
                    Symbol::parse(&format!("{s}*")).unwrap_or(s)
                } else {
                    s
                };
                Inline::symbol(text, symbol)
            }
            None => Inline::Link {
                text,
                href: href.to_string(),
            },
        }
    }

    fn signatures(&mut self, conclusions: &Element) -> Vec<Signature> {
        let mut out = Vec::new();
        for e in conclusions.elements() {
            if e.is("container") && e.attr("name") == Some("signature") {
                out.push(signature(e));
            } else if let Some(s) = find(e, &|x| x.is("signature")) {
                out.push(signature(s));
            } else {
                self.warn(
                    e,
                    format!(
                        "{} in <conclusions> holds no signature and is skipped",
                        e.describe()
                    ),
                );
            }
        }
        out
    }

    fn attachments(&mut self, attachments: &Element) -> Vec<Annex> {
        let mut out = Vec::new();
        for attachment in attachments.elements() {
            let doc = attachment.elements().find(|e| e.is("doc"));
            match doc {
                Some(doc) => out.push(self.annex(doc)),
                None => self.warn(
                    attachment,
                    format!("{} holds no <doc> and is skipped", attachment.describe()),
                ),
            }
        }
        out
    }

    fn annex(&mut self, doc: &Element) -> Annex {
        let kind = match doc.attr("name") {
            Some("enclosure") => AnnexKind::Enclosure,
            Some("appendix") => AnnexKind::Appendix,
            Some("annex") => AnnexKind::Annex,
            _ => {
                self.warn(doc, format!("{} read as an annex", doc.describe()));
                AnnexKind::Annex
            }
        };
        let mut annex = Annex::new(kind, "");
        let mut notes = Notes::default();
        let mut meta_notes = Vec::new();
        for part in doc.elements() {
            match part.name.as_str() {
                _ if part.ns != Ns::Akn => self.unknown(part, ""),
                "meta" => meta_notes = self.meta_notes(part),
                "preface" => {
                    for p in part.elements() {
                        if find_self(p, &|e| e.is("docType")).is_some() {
                            annex.heading = p.text();
                        } else if let Some(t) = find_self(p, &|e| e.is("docTitle")) {
                            annex.title = Some(t.text());
                        } else {
                            self.unknown(p, "");
                        }
                    }
                }
                "mainBody" => annex.body = self.blocks(part, &mut notes),
                "conclusions" => annex.signatures = self.signatures(part),
                "attachments" => annex.annexes = self.attachments(part),
                _ => self.unknown(part, ""),
            }
        }
        notes.list.extend(meta_notes);
        annex.footnotes = notes.list;
        annex
    }
}

/// `officialLetter` refined by its classification keyword (identical letters, other documents).
fn letter_kind(doc: &Element) -> Kind {
    let keyword = doc
        .elements()
        .filter(|e| e.is("meta"))
        .flat_map(|m| m.elements().filter(|c| c.is("classification")))
        .flat_map(|c| c.elements().filter(|k| k.is("keyword")))
        .find(|k| k.attr("dictionary") == Some(super::KIND_DICTIONARY));
    match keyword.and_then(|k| k.attr("value")) {
        Some("identicalLetters") => Kind::IdenticalLetters,
        Some("otherCommunication") => Kind::Other,
        _ => Kind::Letter,
    }
}

/// Inline elements whose content the reader keeps without remark: AKN's semantic wrappers, which
/// the model does not distinguish.
const TRANSPARENT_INLINES: &[&str] = &[
    "inline",
    "span",
    "u",
    "sup",
    "sub",
    "abbr",
    "term",
    "entity",
    "concept",
    "organization",
    "person",
    "role",
    "location",
    "quantity",
    "def",
    "docTitle",
    "docDate",
    "docNumber",
    "docProponent",
    "docStatus",
    "docType",
    "docAuthority",
    "session",
    "shortTitle",
    "signature",
    "mref",
    "rref",
    "mmod",
    "ins",
    "del",
    "omissis",
    "event",
    "object",
    "process",
    "time",
    "eol",
    "eop",
    "br",
];

fn signature(e: &Element) -> Signature {
    let mut s = Signature {
        name: String::new(),
        titles: Vec::new(),
        signed: false,
    };
    let mut seen_person = false;
    walk(e, &mut |x| {
        if x.is("docStatus") {
            s.signed = true;
        } else if x.is("person") && !seen_person {
            seen_person = true;
            s.name = x.text();
        } else if x.is("role") {
            s.titles.push(x.text());
        } else {
            return true;
        }
        false
    });
    s
}

/// Visits descendants in document order; `f` returns whether to descend into the element.
fn walk(e: &Element, f: &mut dyn FnMut(&Element) -> bool) {
    for child in e.elements() {
        if f(child) {
            walk(child, f);
        }
    }
}

/// The first descendant matching `pred`.
fn find<'e>(e: &'e Element, pred: &dyn Fn(&Element) -> bool) -> Option<&'e Element> {
    for child in e.elements() {
        if pred(child) {
            return Some(child);
        }
        if let Some(found) = find(child, pred) {
            return Some(found);
        }
    }
    None
}

/// `e` itself or its first descendant matching `pred`.
fn find_self<'e>(e: &'e Element, pred: &dyn Fn(&Element) -> bool) -> Option<&'e Element> {
    if pred(e) { Some(e) } else { find(e, pred) }
}

/// The `embeddedStructure`/`quotedStructure` a `p` holds and nothing else but whitespace.
fn only_structure(p: &Element) -> Option<&Element> {
    let mut found = None;
    for child in &p.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(e)
                if found.is_none() && (e.is("embeddedStructure") || e.is("quotedStructure")) =>
            {
                found = Some(e);
            }
            _ => return None,
        }
    }
    found
}

/// `Distr.: General` -> `General`: the writer's exact prefix, else a looser one, else all.
fn strip_label(text: &str, prefix: &str) -> String {
    if let Some(rest) = text.strip_prefix(prefix) {
        return rest.to_string();
    }
    let loose = prefix.trim_end();
    match text.trim().strip_prefix(loose) {
        Some(rest) => rest.trim().to_string(),
        None => text.trim().to_string(),
    }
}
