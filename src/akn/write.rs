//! The AKN writer: a [`Document`] as one Akoma Ntoso 3.0 file (AKN4UN), indented and deterministic.
//!
//! Element layout is documented in `mod.rs` (the table of where each model field goes). Indentation
//! is written only between elements whose content is element-only; inside mixed content (`p`,
//! `heading`, `num`, `docTitle`, ...) nothing is added, so every character of text is the model's.
//! Each document or annex renders its content before its `<meta>`, so the TLCs and the footnotes
//! that found no call-out are known when `<references>` and `<notes>` are written.
//!
//! Why one file of about a thousand lines: every element is written through one writer state (the
//! indentation, the eId counters, the TLCs and notes gathered for `<meta>`), and a document's
//! annexes are written by the same functions recursively. Split by element, each module would take
//! that state apart; the functions are small and ordered as the file is (meta, cover page,
//! preface, body, conclusions, attachments, inlines).

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use super::naming::{
    COVER_PAGE_EID, Iris, Scope, Tlc, TlcKind, Tlcs, attachment_eid, attachment_prefix,
    block_eid_kind, camel_slug, is_plain_uri, item_eid, organ_eid, percent_encode_all,
    session_value,
};
use super::{AKN_NS, AKN4UN_NS, class, doc_name, inline_name};
use crate::error::{Error, Result};
use crate::model::{Annex, AnnexKind, Block, Document, Inline, Row, Session, Signature};
use crate::symbol::Symbol;

/// Writes a document as Akoma Ntoso XML. Fails only when a string holds a character XML 1.0
/// cannot carry (a control character other than tab, line feed and carriage return).
pub fn write(doc: &Document) -> Result<String> {
    write_with_references(doc).map(|(xml, _)| xml)
}

/// Writes a document as Akoma Ntoso XML, and returns with it the entries of its `<references>`
/// (in the order written), for a writer that shows them.
pub(crate) fn write_with_references(doc: &Document) -> Result<(String, Vec<Tlc>)> {
    let mut w = AknWriter {
        out: Out::new(2),
        tlcs: Tlcs::default(),
        iris: Iris::of(doc),
        author: String::new(),
    };
    let dgacm = w
        .tlcs
        .fixed(TlcKind::Organization, "DGACM", "DGACM")
        .to_string();
    w.author = match &doc.sender {
        Some(sender) => w
            .tlcs
            .id(TlcKind::Organization, sender, "sender")
            .to_string(),
        None => dgacm.clone(),
    };
    let mut scope = Scope::new(String::new(), &doc.footnotes);
    w.cover_page(doc)?;
    w.preface_of_letter(doc)?;
    w.main_body(&mut scope, &doc.body)?;
    w.conclusions(&doc.signatures)?;
    w.attachments(&doc.annexes, "")?;
    let content = std::mem::replace(&mut w.out, Out::new(0));

    w.out
        .w
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.out.open(
        "akomaNtoso",
        &[("xmlns", AKN_NS), ("xmlns:akn4un", AKN4UN_NS)],
    )?;
    w.out.open("doc", &[("name", doc_name(doc.kind))])?;
    w.out.open("meta", &[])?;
    w.identification(&doc.symbols, None)?;
    if let Some(date) = doc.date {
        let number = doc
            .symbols
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\u{2013}");
        let date = date.to_string();
        let mut attrs = vec![
            ("date", date.as_str()),
            ("name", "officialDocument"),
            ("showAs", "Official document"),
        ];
        if !number.is_empty() {
            attrs.push(("number", number.as_str()));
        }
        w.out.empty("publication", &attrs)?;
    }
    if let Some((value, show_as)) = super::kind_keyword(doc.kind) {
        w.out.open("classification", &[("source", "#DGACM")])?;
        w.out.empty(
            "keyword",
            &[
                ("value", value),
                ("showAs", show_as),
                ("dictionary", super::KIND_DICTIONARY),
            ],
        )?;
        w.out.close("classification")?;
    }
    let job = doc.job_number.as_ref().map(|_| {
        w.tlcs
            .fixed(
                TlcKind::Concept,
                "publicationJobNumber",
                "Publication job number",
            )
            .to_string()
    });
    w.tlcs.fixed(TlcKind::Role, "author", "Author");
    w.tlcs.fixed(TlcKind::Role, "editor", "Editor");
    w.references(&dgacm)?;
    w.notes(&mut scope)?;
    if let (Some(number), Some(job)) = (&doc.job_number, job) {
        w.presentation(number, &job, &dgacm)?;
    }
    w.out.close("meta")?;
    w.out.append(content);
    w.out.close("doc")?;
    w.out.close("akomaNtoso")?;
    w.out.w.get_mut().push(b'\n');
    let references = w.tlcs.sorted().into_iter().cloned().collect();
    let xml = String::from_utf8(w.out.w.into_inner())
        .map_err(|e| Error::invalid(format!("the AKN writer produced invalid UTF-8: {e}")))?;
    Ok((xml, references))
}

/// The byte sink with the indentation state.
struct Out {
    w: Writer<Vec<u8>>,
    /// Nesting depth of the next element, for indentation.
    depth: usize,
    /// How many mixed-content elements enclose the current position; indentation only at 0.
    inline: usize,
}

impl Out {
    fn new(depth: usize) -> Out {
        Out {
            w: Writer::new(Vec::with_capacity(16 * 1024)),
            depth,
            inline: 0,
        }
    }

    fn newline(&mut self) {
        if self.inline == 0 {
            let buf = self.w.get_mut();
            buf.push(b'\n');
            buf.resize(buf.len() + 2 * self.depth, b' ');
        }
    }

    /// Opens an element with element-only content.
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.newline();
        self.w.write_event(Event::Start(tag(name, attrs)?))?;
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.newline();
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.newline();
        self.w.write_event(Event::Empty(tag(name, attrs)?))?;
        Ok(())
    }

    /// Opens an element with mixed content: nothing is indented until it closes.
    fn open_mixed(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.newline();
        self.w.write_event(Event::Start(tag(name, attrs)?))?;
        self.depth += 1;
        self.inline += 1;
        Ok(())
    }

    fn close_mixed(&mut self, name: &str) -> Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        self.depth = self.depth.saturating_sub(1);
        self.inline = self.inline.saturating_sub(1);
        Ok(())
    }

    fn text(&mut self, s: &str) -> Result<()> {
        if !s.is_empty() {
            self.w
                .write_event(Event::Text(BytesText::from_escaped(escape(s, false)?)))?;
        }
        Ok(())
    }

    /// A mixed-content element holding only text.
    fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], s: &str) -> Result<()> {
        self.open_mixed(name, attrs)?;
        self.text(s)?;
        self.close_mixed(name)
    }

    fn append(&mut self, other: Out) {
        self.w.get_mut().extend_from_slice(&other.w.into_inner());
    }
}

fn tag<'a>(name: &'a str, attrs: &[(&'a str, &'a str)]) -> Result<BytesStart<'a>> {
    let mut start = BytesStart::new(name);
    for &(key, value) in attrs {
        start.push_attribute(Attribute {
            key: QName(key),
            value: match escape(value, true)? {
                Cow::Borrowed(s) => Cow::Borrowed(s),
                Cow::Owned(s) => Cow::Owned(s),
            },
        });
    }
    Ok(start)
}

/// Escapes text (or an attribute value) so that a conforming parser reads back exactly `s`:
/// carriage returns, and in attributes tabs and line feeds, become character references, because
/// parsers normalise the literal characters away.
fn escape(s: &str, attr: bool) -> Result<Cow<'_, str>> {
    let needs = s.bytes().any(|b| match b {
        b'&' | b'<' | b'>' | b'\r' => true,
        b'"' | b'\t' | b'\n' => attr,
        0xEF => true,
        b => b < 0x20,
    });
    if !needs {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\t' if attr => out.push_str("&#9;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' | '\n' => out.push(c),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                return Err(Error::invalid(format!(
                    "the document contains the character U+{:04X}, which XML 1.0 cannot carry",
                    u32::from(c)
                )));
            }
            c => out.push(c),
        }
    }
    Ok(Cow::Owned(out))
}

struct AknWriter {
    out: Out,
    tlcs: Tlcs,
    iris: Iris,
    /// The TLC eId of the letter's author (its sender, else DGACM).
    author: String,
}

impl AknWriter {
    /// `<identification>` of the letter (`component` None) or of an annex (`Some("annex_1")`).
    fn identification(&mut self, symbols: &[Symbol], component: Option<&str>) -> Result<()> {
        let iris = self.iris.clone();
        let part = component.unwrap_or("main");
        let author_ref = format!("#{}", self.author);
        self.out.open("identification", &[("source", "#DGACM")])?;

        self.out.open("FRBRWork", &[])?;
        self.out
            .empty("FRBRthis", &[("value", &format!("{}/!{part}", iris.work))])?;
        self.out.empty("FRBRuri", &[("value", &iris.work)])?;
        if component.is_none() {
            for symbol in symbols.iter().skip(1) {
                self.out.empty(
                    "FRBRalias",
                    &[("name", "jointSymbol"), ("value", &iris.work_of(symbol))],
                )?;
            }
        }
        self.out.empty(
            "FRBRdate",
            &[("date", &iris.work_date.0), ("name", iris.work_date.1)],
        )?;
        self.out
            .empty("FRBRauthor", &[("href", &author_ref), ("as", "#author")])?;
        self.out.empty("FRBRcountry", &[("value", "un")])?;
        if component.is_none() {
            self.out
                .empty("FRBRsubtype", &[("value", "communication")])?;
            for symbol in symbols {
                let number = super::naming::iri_number(symbol);
                self.out.empty(
                    "FRBRnumber",
                    &[("value", &number), ("showAs", &symbol.to_string())],
                )?;
            }
        }
        self.out.close("FRBRWork")?;

        self.out.open("FRBRExpression", &[])?;
        self.out.empty(
            "FRBRthis",
            &[("value", &format!("{}/!{part}", iris.expression))],
        )?;
        self.out.empty("FRBRuri", &[("value", &iris.expression)])?;
        self.out.empty(
            "FRBRdate",
            &[("date", &iris.expression_date), ("name", "publication")],
        )?;
        self.out
            .empty("FRBRauthor", &[("href", "#DGACM"), ("as", "#editor")])?;
        self.out
            .empty("FRBRlanguage", &[("language", iris.language)])?;
        self.out.close("FRBRExpression")?;

        self.out.open("FRBRManifestation", &[])?;
        self.out.empty(
            "FRBRthis",
            &[("value", &format!("{}/!{part}.xml", iris.expression))],
        )?;
        self.out
            .empty("FRBRuri", &[("value", &format!("{}.xml", iris.expression))])?;
        self.out.empty(
            "FRBRdate",
            &[("date", &iris.expression_date), ("name", "markup")],
        )?;
        self.out
            .empty("FRBRauthor", &[("href", "#DGACM"), ("as", "#editor")])?;
        self.out.empty("FRBRformat", &[("value", "xml")])?;
        self.out.close("FRBRManifestation")?;

        self.out.close("identification")
    }

    fn references(&mut self, dgacm: &str) -> Result<()> {
        let source = format!("#{dgacm}");
        self.out.open("references", &[("source", &source)])?;
        let tlcs: Vec<_> = self.tlcs.sorted().into_iter().cloned().collect();
        for t in &tlcs {
            self.out.empty(
                t.kind.element(),
                &[("eId", &t.eid), ("href", &t.href), ("showAs", &t.show_as)],
            )?;
        }
        self.out.close("references")
    }

    /// `<notes>` for the footnotes no call-out carried (they follow the placed ones in order).
    /// Written after the scope's content, so it continues the scope's eId counters.
    fn notes(&mut self, scope: &mut Scope) -> Result<()> {
        let rest = scope.take_unplaced();
        if rest.is_empty() {
            return Ok(());
        }
        self.out.open("notes", &[("source", "#DGACM")])?;
        for (eid, _, note) in rest {
            self.out
                .open("note", &[("eId", &eid), ("marker", &note.marker)])?;
            self.blocks(scope, &note.body, false)?;
            self.out.close("note")?;
        }
        self.out.close("notes")
    }

    fn presentation(&mut self, number: &str, job: &str, dgacm: &str) -> Result<()> {
        let source = format!("#{dgacm}");
        self.out.open("presentation", &[("source", &source)])?;
        self.out.open("akn4un:footerFirstPage", &[])?;
        self.out.open("akn4un:footerFirstPageLeft", &[])?;
        self.out.open("akn4un:internalCode", &[])?;
        let job_ref = format!("#{job}");
        self.out
            .text_element("docketNumber", &[("refersTo", &job_ref)], number)?;
        self.out.close("akn4un:internalCode")?;
        self.out.close("akn4un:footerFirstPageLeft")?;
        self.out.close("akn4un:footerFirstPage")?;
        self.out.close("presentation")
    }

    /// A `<p>` holding one inline element with text.
    fn cover_line(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> Result<()> {
        self.out.open_mixed("p", &[])?;
        self.out.text_element(name, attrs, text)?;
        self.out.close_mixed("p")
    }

    fn organ_ref(&mut self, organ: &str) -> String {
        let id = self.tlcs.id(TlcKind::Organization, organ, organ_eid(organ));
        format!("#{id}")
    }

    fn cover_page(&mut self, doc: &Document) -> Result<()> {
        self.out.open("coverPage", &[("eId", COVER_PAGE_EID)])?;
        let publisher = self.tlcs.fixed(TlcKind::Role, "publisher", "Publisher");
        let publisher = format!("#{publisher}");
        self.cover_line(
            "docAuthority",
            &[("refersTo", &publisher)],
            "United Nations",
        )?;
        if !doc.symbols.is_empty() {
            let symbol = self.tlcs.fixed(TlcKind::Concept, "symbol", "Symbol");
            let symbol = format!("#{symbol}");
            self.out.open_mixed("p", &[("class", "upperRight")])?;
            for (i, s) in doc.symbols.iter().enumerate() {
                if i > 0 {
                    self.out.text("\u{2013}")?;
                }
                self.out
                    .text_element("docNumber", &[("refersTo", &symbol)], &s.to_string())?;
            }
            self.out.close_mixed("p")?;
        }
        let issuing = self
            .tlcs
            .fixed(TlcKind::Role, "issuingBody", "Issuing body");
        let issuing = format!("#{issuing}");
        for organ in &doc.organs {
            let refers = format!("{issuing} {}", self.organ_ref(organ));
            self.cover_line("docAuthority", &[("refersTo", &refers)], organ)?;
        }
        if let Some(distribution) = &doc.distribution {
            let concept = format!("{}Distribution", camel_slug(distribution, "unknown"));
            let id = self.tlcs.id(
                TlcKind::Concept,
                &format!("{distribution} distribution"),
                &concept,
            );
            let refers = format!("#{id}");
            self.cover_line(
                "docStatus",
                &[("refersTo", &refers)],
                &format!("{}{distribution}", super::DISTRIBUTION_PREFIX),
            )?;
        }
        if let Some(date) = doc.date {
            let id = self
                .tlcs
                .fixed(TlcKind::Concept, "dateOfIssuance", "Date of issuance");
            let refers = format!("#{id}");
            self.cover_line(
                "docDate",
                &[("date", &date.to_string()), ("refersTo", &refers)],
                &date.to_prose(),
            )?;
        }
        if let Some(language) = &doc.language {
            let refers = self.language_ref(language);
            self.cover_line(
                "inline",
                &[("name", inline_name::LANGUAGE), ("refersTo", &refers)],
                language,
            )?;
        }
        if let Some(original) = &doc.original_language {
            let refers = self.language_ref(original);
            self.cover_line(
                "inline",
                &[
                    ("name", inline_name::ORIGINAL_LANGUAGE),
                    ("refersTo", &refers),
                ],
                &format!("{}{original}", super::ORIGINAL_PREFIX),
            )?;
        }
        for session in &doc.sessions {
            self.session(session)?;
        }
        self.out.close("coverPage")
    }

    fn language_ref(&mut self, language: &str) -> String {
        let id = self.tlcs.id(TlcKind::Concept, language, "");
        format!("#{id}")
    }

    fn session(&mut self, session: &Session) -> Result<()> {
        // A masthead that does not say whose session it is (a bare "Eightieth session") gets no
        // refersTo rather than a reference to an organization without a name.
        let organ = (!session.organ.trim().is_empty()).then(|| self.organ_ref(&session.organ));
        let refers: Vec<(&str, &str)> = organ.iter().map(|o| ("refersTo", o.as_str())).collect();
        self.cover_line("docAuthority", &refers, &session.organ)?;
        let value = session_value(&session.name).map(|v| v.to_string());
        let value_attr: Vec<(&str, &str)> = value.iter().map(|v| ("value", v.as_str())).collect();
        self.cover_line(
            "session",
            &[&refers[..], &value_attr].concat(),
            &session.name,
        )?;
        if let Some(label) = &session.agenda_label {
            let attrs = [("name", inline_name::AGENDA_LABEL)];
            self.cover_line("inline", &[&attrs[..], &refers].concat(), label)?;
        }
        for item in &session.agenda_items {
            let attrs = [
                ("name", inline_name::AGENDA_ITEM),
                ("title", item.number.as_str()),
            ];
            self.cover_line("inline", &[&attrs[..], &refers].concat(), &item.title)?;
            for sub in &item.subheadings {
                let attrs = [("name", inline_name::AGENDA_SUBHEADING)];
                self.cover_line("inline", &[&attrs[..], &refers].concat(), sub)?;
            }
        }
        Ok(())
    }

    fn preface_of_letter(&mut self, doc: &Document) -> Result<()> {
        self.out.open("preface", &[])?;
        for heading in &doc.title_headings {
            self.out
                .text_element("p", &[("class", class::TITLE_HEADING)], heading)?;
        }
        let plan = TitlePlan::new(doc);
        self.out.open_mixed("p", &[])?;
        self.out.open_mixed("docTitle", &[])?;
        let mut at = 0;
        for (span, part) in &plan.marked {
            self.out
                .text(doc.title.get(at..span.0).unwrap_or_default())?;
            let text = doc.title.get(span.0..span.1).unwrap_or_default();
            self.title_part(part, doc, text)?;
            at = span.1;
        }
        self.out.text(doc.title.get(at..).unwrap_or_default())?;
        self.out.close_mixed("docTitle")?;
        self.out.close_mixed("p")?;
        if !plan.unmarked.is_empty() {
            self.out.open_mixed("p", &[("class", class::TITLE_PARTS)])?;
            for (i, part) in plan.unmarked.iter().enumerate() {
                if i > 0 {
                    self.out.text(" ")?;
                }
                let text = match part {
                    TitlePart::Date => doc.letter_date.map(|d| d.to_prose()).unwrap_or_default(),
                    TitlePart::Sender => doc.sender.clone().unwrap_or_default(),
                    TitlePart::Addressee(i) => doc.addressees.get(*i).cloned().unwrap_or_default(),
                };
                self.title_part(part, doc, &text)?;
            }
            self.out.close_mixed("p")?;
        }
        self.out.close("preface")
    }

    fn title_part(&mut self, part: &TitlePart, doc: &Document, text: &str) -> Result<()> {
        match part {
            TitlePart::Date => {
                let date = doc.letter_date.map(|d| d.to_string()).unwrap_or_default();
                self.out.text_element("docDate", &[("date", &date)], text)
            }
            TitlePart::Sender => {
                let id = match &doc.sender {
                    Some(s) => self.tlcs.id(TlcKind::Organization, s, "sender").to_string(),
                    None => String::new(),
                };
                let refers = format!("#{id}");
                self.out
                    .text_element("docProponent", &[("refersTo", &refers)], text)
            }
            TitlePart::Addressee(i) => {
                let name = doc.addressees.get(*i).map_or("", String::as_str);
                let id = self.tlcs.id(TlcKind::Role, name, "").to_string();
                let refers = format!("#{id}");
                self.out.text_element(
                    "inline",
                    &[("name", inline_name::ADDRESSEE), ("refersTo", &refers)],
                    text,
                )
            }
        }
    }

    fn main_body(&mut self, scope: &mut Scope, body: &[Block]) -> Result<()> {
        self.out.open("mainBody", &[])?;
        self.blocks(scope, body, true)?;
        self.out.close("mainBody")
    }

    /// Blocks of a body (`main`: directly in `<mainBody>`) or nested in a list item, quotation or
    /// footnote, where only block elements are allowed. Every such container needs at least one
    /// child, so an empty list of blocks is written as `<p class="empty"/>`.
    fn blocks(&mut self, scope: &mut Scope, blocks: &[Block], main: bool) -> Result<()> {
        if blocks.is_empty() {
            return self.out.empty("p", &[("class", class::EMPTY)]);
        }
        for block in blocks {
            self.block(scope, block, main)?;
        }
        Ok(())
    }

    fn block(&mut self, scope: &mut Scope, block: &Block, main: bool) -> Result<()> {
        let eid = block_eid_kind(block, main)
            .map(|kind| scope.eids.next(kind))
            .unwrap_or_default();
        match block {
            Block::Paragraph { num, content } if main => {
                self.out.open("paragraph", &[("eId", &eid)])?;
                if let Some(num) = num {
                    self.out.text_element("num", &[], &num.text)?;
                }
                self.out.open("content", &[])?;
                self.paragraph_p(scope, content, &[])?;
                self.out.close("content")?;
                self.out.close("paragraph")
            }
            Block::Paragraph { num: None, content } => self.paragraph_p(scope, content, &[]),
            Block::Paragraph {
                num: Some(num),
                content,
            } => {
                self.out.open(
                    "blockContainer",
                    &[("eId", &eid), ("class", class::NUMBERED_PARAGRAPH)],
                )?;
                self.out.text_element("num", &[], &num.text)?;
                self.paragraph_p(scope, content, &[])?;
                self.out.close("blockContainer")
            }
            Block::Heading { content } if main => {
                self.out
                    .open("hcontainer", &[("eId", &eid), ("name", "crossHeading")])?;
                self.out.open_mixed("heading", &[])?;
                self.inlines(scope, content)?;
                self.out.close_mixed("heading")?;
                self.out.close("hcontainer")
            }
            Block::Heading { content } => {
                self.paragraph_p(scope, content, &[("class", class::HEADING)])
            }
            Block::List { items } => {
                if items.is_empty() {
                    self.out
                        .open("blockList", &[("eId", &eid), ("class", class::EMPTY)])?;
                    let item = item_eid(&eid, 1);
                    self.out.open("item", &[("eId", &item)])?;
                    self.out.empty("p", &[("class", class::EMPTY)])?;
                    self.out.close("item")?;
                    return self.out.close("blockList");
                }
                self.out.open("blockList", &[("eId", &eid)])?;
                for (i, item) in items.iter().enumerate() {
                    let item_id = item_eid(&eid, i + 1);
                    self.out.open("item", &[("eId", &item_id)])?;
                    if let Some(num) = &item.num {
                        self.out.text_element("num", &[], &num.text)?;
                    }
                    self.blocks(scope, &item.body, false)?;
                    self.out.close("item")?;
                }
                self.out.close("blockList")
            }
            Block::Quotation { body } => {
                // `embeddedStructure` is inline, so it sits in a `p`; its own content is
                // element-only and is indented like any block.
                self.out.newline();
                self.out
                    .w
                    .write_event(Event::Start(tag("p", &[("class", class::QUOTATION)])?))?;
                self.out
                    .w
                    .write_event(Event::Start(tag("embeddedStructure", &[("eId", &eid)])?))?;
                self.out.depth += 1;
                self.blocks(scope, body, false)?;
                self.out.depth = self.out.depth.saturating_sub(1);
                self.out.newline();
                self.out
                    .w
                    .write_event(Event::End(BytesEnd::new("embeddedStructure")))?;
                self.out.w.write_event(Event::End(BytesEnd::new("p")))?;
                Ok(())
            }
            Block::Table { rows } => self.table(scope, &eid, rows),
        }
    }

    fn paragraph_p(
        &mut self,
        scope: &mut Scope,
        content: &[Inline],
        attrs: &[(&str, &str)],
    ) -> Result<()> {
        self.out.open_mixed("p", attrs)?;
        self.inlines(scope, content)?;
        self.out.close_mixed("p")
    }

    fn table(&mut self, scope: &mut Scope, eid: &str, rows: &[Row]) -> Result<()> {
        if rows.is_empty() {
            self.out
                .open("table", &[("eId", eid), ("class", class::EMPTY)])?;
            self.out.open("tr", &[])?;
            self.out.empty("td", &[])?;
            self.out.close("tr")?;
            return self.out.close("table");
        }
        self.out.open("table", &[("eId", eid)])?;
        for row in rows {
            let cell = if row.header { "th" } else { "td" };
            if row.cells.is_empty() {
                self.out.open("tr", &[("class", class::EMPTY)])?;
                self.out.empty(cell, &[])?;
                self.out.close("tr")?;
                continue;
            }
            self.out.open("tr", &[])?;
            for c in &row.cells {
                self.out.open(cell, &[])?;
                self.paragraph_p(scope, &c.content, &[])?;
                self.out.close(cell)?;
            }
            self.out.close("tr")?;
        }
        self.out.close("table")
    }

    /// Inline content. A text that follows another text, or is empty, is wrapped in `<span>` so
    /// that its boundaries survive the round trip.
    fn inlines(&mut self, scope: &mut Scope, inlines: &[Inline]) -> Result<()> {
        let mut after_text = false;
        for inline in inlines {
            match inline {
                Inline::Text { text } if after_text || text.is_empty() => {
                    self.out.text_element("span", &[], text)?;
                    after_text = false;
                    continue;
                }
                Inline::Text { text } => self.out.text(text)?,
                Inline::Emphasis { content } => {
                    self.out.open_mixed("i", &[])?;
                    self.inlines(scope, content)?;
                    self.out.close_mixed("i")?;
                }
                Inline::Strong { content } => {
                    self.out.open_mixed("b", &[])?;
                    self.inlines(scope, content)?;
                    self.out.close_mixed("b")?;
                }
                Inline::FootnoteRef { marker } => self.call_out(scope, marker)?,
                Inline::Symbol {
                    text,
                    symbol,
                    joint_with,
                } if joint_with.is_empty() => self.symbol_ref(symbol, text)?,
                Inline::Symbol {
                    text,
                    symbol,
                    joint_with,
                } => {
                    // A joint symbol cited as one: a ref per part, inside one inline, so each
                    // part links to its document and the printed text is kept whole.
                    let parts: Vec<&Symbol> = std::iter::once(symbol).chain(joint_with).collect();
                    self.out
                        .open_mixed("inline", &[("name", inline_name::JOINT_SYMBOL)])?;
                    let pieces = crate::symbol::printed_parts(text, parts.len());
                    match pieces {
                        Some(pieces) => {
                            let mut cursor = 0;
                            let at = |a: usize, b: usize| text.get(a..b).unwrap_or_default();
                            for (part, (start, end)) in parts.iter().zip(pieces) {
                                self.out.text(at(cursor, start))?;
                                self.symbol_ref(part, at(start, end))?;
                                cursor = end;
                            }
                            self.out.text(at(cursor, text.len()))?;
                        }
                        // Printed text that does not split into its parts: the first ref
                        // holds it all, the others are empty links.
                        None => {
                            for (i, part) in parts.iter().enumerate() {
                                self.symbol_ref(part, if i == 0 { text } else { "" })?;
                            }
                        }
                    }
                    self.out.close_mixed("inline")?;
                }
                Inline::Date { text, date } => {
                    self.out
                        .text_element("date", &[("date", &date.to_string())], text)?;
                }
                Inline::Link { text, href } if is_plain_uri(href) => {
                    self.out.text_element("a", &[("href", href)], text)?;
                }
                Inline::Link { text, href } => {
                    // Not a valid anyURI as it stands: written encoded, and marked so.
                    let encoded = percent_encode_all(href);
                    self.out.text_element(
                        "a",
                        &[("href", &encoded), ("class", class::ENCODED_HREF)],
                        text,
                    )?;
                }
            }
            after_text = matches!(inline, Inline::Text { .. });
        }
        Ok(())
    }

    /// A footnote call-out: the footnote itself (`authorialNote`) when it is the next one in list
    /// order; otherwise an `inline name="footnoteRef"` keeping the marker.
    /// A cited symbol: a `ref` to its document on undocs.org, marked when it is a reissue.
    fn symbol_ref(&mut self, symbol: &Symbol, text: &str) -> Result<()> {
        let href = super::naming::undocs_href(symbol);
        let mut attrs = vec![("href", href.as_str())];
        if symbol.reissued() {
            attrs.push(("class", class::REISSUED));
        }
        self.out.text_element("ref", &attrs, text)
    }

    fn call_out(&mut self, scope: &mut Scope, marker: &str) -> Result<()> {
        if let Some((eid, _, note)) = scope.place(marker) {
            self.out.w.write_event(Event::Start(tag(
                "authorialNote",
                &[("marker", marker), ("placement", "bottom"), ("eId", &eid)],
            )?))?;
            self.blocks(scope, &note.body, false)?;
            self.out
                .w
                .write_event(Event::End(BytesEnd::new("authorialNote")))?;
            return Ok(());
        }
        // A `noteRef` would need its `href` to name a TLC in `<references>` (level 2), and a
        // footnote is not one: the marker is kept as an inline.
        self.out
            .text_element("inline", &[("name", inline_name::FOOTNOTE_REF)], marker)
    }

    fn conclusions(&mut self, signatures: &[Signature]) -> Result<()> {
        if signatures.is_empty() {
            return Ok(());
        }
        self.out.open("conclusions", &[])?;
        for s in signatures {
            self.out.open("container", &[("name", "signature")])?;
            self.out.open_mixed("p", &[])?;
            self.out.open_mixed("signature", &[])?;
            if s.signed {
                let signed = self.tlcs.fixed(TlcKind::Concept, "signed", "Signed");
                let refers = format!("#{signed}");
                self.out
                    .text_element("docStatus", &[("refersTo", &refers)], "(Signed)")?;
                self.out.text(" ")?;
            }
            let person = self.tlcs.id(TlcKind::Person, &s.name, "").to_string();
            let refers = format!("#{person}");
            self.out
                .text_element("person", &[("refersTo", &refers)], &s.name)?;
            for title in &s.titles {
                let role = self.tlcs.id(TlcKind::Role, title, "").to_string();
                let refers = format!("#{role}");
                self.out.text(" ")?;
                self.out
                    .text_element("role", &[("refersTo", &refers)], title)?;
            }
            self.out.close_mixed("signature")?;
            self.out.close_mixed("p")?;
            self.out.close("container")?;
        }
        self.out.close("conclusions")
    }

    /// `<attachments>` for annexes whose parent has eId prefix `prefix`.
    fn attachments(&mut self, annexes: &[Annex], prefix: &str) -> Result<()> {
        if annexes.is_empty() {
            return Ok(());
        }
        self.out.open("attachments", &[])?;
        for (i, annex) in annexes.iter().enumerate() {
            let att = attachment_eid(prefix, i + 1);
            // The product's level-2 rule: the component of attachment `att_N` is `annex_N`
            // whatever its kind, with the path of its parents when it is nested.
            let component =
                super::naming::component_name(&att).unwrap_or_else(|| format!("annex_{}", i + 1));
            self.out.open("attachment", &[("eId", &att)])?;
            self.annex(annex, &attachment_prefix(&att), &component)?;
            self.out.close("attachment")?;
        }
        self.out.close("attachments")
    }

    fn annex(&mut self, annex: &Annex, prefix: &str, component: &str) -> Result<()> {
        let depth = self.out.depth;
        let outer = std::mem::replace(&mut self.out, Out::new(depth + 1));
        let mut scope = Scope::new(prefix.to_string(), &annex.footnotes);

        self.out.open("preface", &[])?;
        self.out.open_mixed("p", &[])?;
        let (head, rest) = split_heading(&annex.heading);
        self.out.text_element("docType", &[], head)?;
        self.out.text(rest)?;
        self.out.close_mixed("p")?;
        if let Some(title) = &annex.title {
            self.out.open_mixed("p", &[])?;
            self.out.text_element("docTitle", &[], title)?;
            self.out.close_mixed("p")?;
        }
        self.out.close("preface")?;
        self.main_body(&mut scope, &annex.body)?;
        self.conclusions(&annex.signatures)?;
        self.attachments(&annex.annexes, prefix)?;
        let content = std::mem::replace(&mut self.out, outer);

        self.out.open("doc", &[("name", annex_name(annex.kind))])?;
        self.out.open("meta", &[])?;
        self.identification(&[], Some(component))?;
        self.notes(&mut scope)?;
        self.out.close("meta")?;
        self.out.append(content);
        self.out.close("doc")
    }
}

fn annex_name(kind: AnnexKind) -> &'static str {
    match kind {
        AnnexKind::Annex => "annex",
        AnnexKind::Enclosure => "enclosure",
        AnnexKind::Appendix => "appendix",
    }
}

/// Splits `Annex to the letter dated ...` into the part `docType` marks (`Annex`) and the rest.
fn split_heading(heading: &str) -> (&str, &str) {
    match heading.find(" to ") {
        Some(i) => heading.split_at(i),
        None => (heading, ""),
    }
}

/// Which parts of the title the writer can mark inside `docTitle` (they appear in it, in order)
/// and which it writes in a separate `p` after it.
pub(crate) struct TitlePlan {
    pub(crate) marked: Vec<((usize, usize), TitlePart)>,
    pub(crate) unmarked: Vec<TitlePart>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum TitlePart {
    Date,
    Sender,
    Addressee(usize),
}

impl TitlePlan {
    pub(crate) fn new(doc: &Document) -> TitlePlan {
        let title = doc.title.as_str();
        let mut marked = Vec::new();
        let mut unmarked = Vec::new();
        let mut at = 0;
        if let Some(date) = doc.letter_date {
            match find_from(title, &date.to_prose(), at, true) {
                Some(span) => {
                    at = span.1;
                    marked.push((span, TitlePart::Date));
                }
                None => unmarked.push(TitlePart::Date),
            }
        }
        if let Some(sender) = &doc.sender {
            match find_from(title, sender, at, false) {
                Some(span) => {
                    at = span.1;
                    marked.push((span, TitlePart::Sender));
                }
                None => unmarked.push(TitlePart::Sender),
            }
        }
        // The addressees are marked all or none, so that their order survives either way.
        let mut spans = Vec::new();
        let mut cursor = at;
        for (i, a) in doc.addressees.iter().enumerate() {
            match find_from(title, a, cursor, false) {
                Some(span) => {
                    cursor = span.1;
                    spans.push((span, TitlePart::Addressee(i)));
                }
                None => {
                    spans.clear();
                    break;
                }
            }
        }
        if spans.len() == doc.addressees.len() {
            marked.extend(spans);
        } else {
            unmarked.extend((0..doc.addressees.len()).map(TitlePart::Addressee));
        }
        TitlePlan { marked, unmarked }
    }
}

/// The byte span of `needle` in `haystack` at or after `from`; with `digits`, a match must not sit
/// right after a digit (`2 March` inside `12 March`).
fn find_from(haystack: &str, needle: &str, from: usize, digits: bool) -> Option<(usize, usize)> {
    let rest = haystack.get(from..)?;
    let mut search = 0;
    while let Some(i) = rest.get(search..)?.find(needle) {
        let start = from + search + i;
        let before_ok = !digits
            || !haystack
                .get(..start)
                .and_then(|b| b.chars().next_back())
                .is_some_and(|c| c.is_ascii_digit());
        if before_ok {
            return Some((start, start + needle.len()));
        }
        search += i + needle.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_what_parsers_would_normalise() {
        assert_eq!(escape("a\r\nb", false).unwrap(), "a&#13;\nb");
        assert_eq!(escape("x\t\"y\n", true).unwrap(), "x&#9;&quot;y&#10;");
        assert_eq!(escape("]]> & <", false).unwrap(), "]]&gt; &amp; &lt;");
        assert!(escape("form\u{c}feed", false).is_err());
        assert!(matches!(escape("plain ｆ", false), Ok(Cow::Owned(_))));
        assert!(matches!(escape("plain", false), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn title_parts_are_marked_in_order() {
        let doc = Document {
            title: "Letter dated 12 March 2021 from A to B and C".into(),
            letter_date: crate::model::Date::new(2021, 3, 2),
            sender: Some("A".into()),
            addressees: vec!["B".into(), "C".into()],
            ..Document::default()
        };
        let plan = TitlePlan::new(&doc);
        // `2 March 2021` sits inside `12 March 2021`: not marked.
        assert!(matches!(plan.unmarked.as_slice(), [TitlePart::Date]));
        assert_eq!(plan.marked.len(), 3);
    }
}
