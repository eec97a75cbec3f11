//! The page of one letter: masthead as printed, title with its date, sender and addressees
//! marked, body, signatures, footnotes linked both ways, annexes in their nesting, and a record
//! of the letter's AKN identity and references.
//!
//! Blocks are visited in the order the AKN writer visits them (a footnote's body at its call-out
//! when the call-out places it, the others after the scope's content), drawing eIds from the
//! same [`Scope`], so every id is the AKN file's eId. Footnote bodies are rendered aside at that
//! point and printed together at the end of their document or annex, as on paper.

use super::escape;
use crate::akn::naming::{
    COVER_PAGE_EID, Iris, Scope, Tlc, TlcKind, attachment_eid, attachment_prefix, block_eid_kind,
    item_eid, note_eid, undocs_href,
};
use crate::akn::write::{TitlePart, TitlePlan, write_with_references};
use crate::error::Result;
use crate::model::{
    Annex, AnnexKind, Block, Document, Footnote, Inline, Kind, ListItem, Row, Session, Signature,
};

/// Writes a document as one self-contained HTML5 page. Every string is escaped, so any document
/// gives a page; characters HTML cannot carry are shown as symbols (see `escape`).
pub fn write(doc: &Document) -> Result<String> {
    // The AKN writer refuses a control character XML cannot carry. The page is still written,
    // without a list of references: there is then no AKN file for it to agree with.
    let references = write_with_references(doc)
        .map(|(_, references)| references)
        .unwrap_or_default();
    let mut page = Page {
        out: String::with_capacity(32 * 1024),
    };
    page.head(doc);
    page.push("<body>\n<main class=\"page\">\n");
    page.masthead(doc);
    page.title(doc);
    let mut notes = Notes::new(Scope::new(String::new(), &doc.footnotes));
    page.push("<div class=\"body\">\n");
    page.blocks(&mut notes, &doc.body, true, 2);
    page.push("</div>\n");
    page.signatures(&doc.signatures);
    page.footnotes(notes);
    page.attachments(&doc.annexes, "", 1);
    page.push("</main>\n");
    page.record(doc, &references);
    page.push("</body>\n</html>\n");
    Ok(page.out)
}

/// The BCP 47 tag of a UN language named in English; `und` (undetermined) for any other.
fn language_tag(name: &str) -> &'static str {
    match name.trim().to_ascii_lowercase().as_str() {
        "english" => "en",
        "french" => "fr",
        "spanish" => "es",
        "russian" => "ru",
        "arabic" => "ar",
        "chinese" => "zh",
        "german" => "de",
        "portuguese" => "pt",
        _ => "und",
    }
}

/// The language of this version: the one the masthead names apart from the original, else the
/// original; English when the masthead names none (as the AKN writer's `FRBRlanguage`).
fn document_language(doc: &Document) -> &str {
    doc.language
        .as_deref()
        .or(doc.original_language.as_deref())
        .unwrap_or("English")
}

/// One scope's footnotes while its content is written.
struct Notes<'d> {
    scope: Scope<'d>,
    /// Each footnote's body, rendered where the AKN writer writes it.
    bodies: Vec<Option<String>>,
    /// Each footnote's call-out ids, in the order written.
    callouts: Vec<Vec<String>>,
}

impl<'d> Notes<'d> {
    fn new(scope: Scope<'d>) -> Notes<'d> {
        let n = scope.footnotes().len();
        Notes {
            scope,
            bodies: vec![None; n],
            callouts: vec![Vec::new(); n],
        }
    }
}

struct Page {
    out: String,
}

impl Page {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        escape::text(&mut self.out, s);
    }

    fn attr(&mut self, s: &str) {
        escape::attr(&mut self.out, s);
    }

    /// `<{tag} class="..." [id="..."]>`
    fn open(&mut self, tag: &str, class: &str, id: Option<&str>) {
        self.push("<");
        self.push(tag);
        if !class.is_empty() {
            self.push(" class=\"");
            self.push(class);
            self.push("\"");
        }
        if let Some(id) = id {
            self.push(" id=\"");
            self.attr(id);
            self.push("\"");
        }
        self.push(">");
    }

    fn close(&mut self, tag: &str) {
        self.push("</");
        self.push(tag);
        self.push(">");
    }

    /// An element holding only text, on its own line.
    fn line(&mut self, tag: &str, class: &str, text: &str) {
        self.open(tag, class, None);
        self.text(text);
        self.close(tag);
        self.push("\n");
    }

    fn time(&mut self, class: &str, date: crate::model::Date, text: &str) {
        self.push("<time");
        if !class.is_empty() {
            self.push(" class=\"");
            self.push(class);
            self.push("\"");
        }
        self.push(" datetime=\"");
        self.push(&date.to_string());
        self.push("\">");
        self.text(text);
        self.close("time");
    }

    fn symbol_link(&mut self, symbol: &crate::Symbol, text: &str) {
        self.push("<a class=\"symbol\" href=\"");
        self.attr(&undocs_href(symbol));
        self.push("\">");
        self.text(text);
        self.push("</a>");
    }

    fn head(&mut self, doc: &Document) {
        let lang = language_tag(document_language(doc));
        self.push("<!DOCTYPE html>\n<html lang=\"");
        self.push(lang);
        self.push("\"");
        if lang == "ar" {
            self.push(" dir=\"rtl\"");
        }
        self.push(">\n<head>\n<meta charset=\"utf-8\">\n");
        self.push("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        self.push("<meta name=\"generator\" content=\"unletters ");
        self.push(env!("CARGO_PKG_VERSION"));
        self.push("\">\n<title>");
        let symbols = crate::symbol::join(&doc.symbols);
        let title = match (symbols.is_empty(), doc.title.trim().is_empty()) {
            (false, false) => format!("{symbols}: {}", doc.title),
            (false, true) => symbols,
            (true, false) => doc.title.clone(),
            (true, true) => "Untitled document".to_string(),
        };
        self.text(&title);
        self.push("</title>\n<style>\n");
        self.push(super::STYLE);
        self.push("</style>\n</head>\n");
    }

    /// The masthead in the printed order: the first row (United Nations, symbols), the organs
    /// beside distribution, date and languages, each organ's session and agenda, the job number.
    fn masthead(&mut self, doc: &Document) {
        self.open("header", "masthead", Some(COVER_PAGE_EID));
        self.push("\n<div class=\"mast-top\">\n");
        self.line("p", "un", "United Nations");
        if !doc.symbols.is_empty() {
            self.open("p", "symbols", None);
            for (i, s) in doc.symbols.iter().enumerate() {
                if i > 0 {
                    self.push("\u{2013}");
                }
                self.symbol_link(s, s.as_str());
            }
            self.push("</p>\n");
        }
        self.push("</div>\n<div class=\"mast-main\">\n<div class=\"organs\">\n");
        for organ in &doc.organs {
            self.line("p", "organ", organ);
        }
        self.push("</div>\n<div class=\"issue\">\n");
        if let Some(distribution) = &doc.distribution {
            self.line("p", "distribution", &format!("Distr.: {distribution}"));
        }
        if let Some(date) = doc.date {
            self.open("p", "issued", None);
            self.time("", date, &date.to_prose());
            self.push("</p>\n");
        }
        if let Some(language) = &doc.language {
            self.line("p", "language", language);
        }
        if let Some(original) = &doc.original_language {
            self.line("p", "original", &format!("Original: {original}"));
        }
        self.push("</div>\n</div>\n");
        if !doc.sessions.is_empty() {
            self.push("<div class=\"sessions\">\n");
            for session in &doc.sessions {
                self.session(session);
            }
            self.push("</div>\n");
        }
        if let Some(job) = &doc.job_number {
            self.line("p", "job-number", job);
        }
        self.push("</header>\n");
    }

    fn session(&mut self, session: &Session) {
        self.push("<div class=\"session\">\n");
        if !session.organ.is_empty() {
            self.line("p", "organ", &session.organ);
        }
        self.line("p", "session-name", &session.name);
        if let Some(label) = &session.agenda_label {
            self.line("p", "agenda-label", label);
        }
        if !session.agenda_items.is_empty() {
            self.push("<ul class=\"agenda\">\n");
            for item in &session.agenda_items {
                self.push("<li>");
                if !item.number.is_empty() {
                    self.open("span", "num", None);
                    self.text(&item.number);
                    self.push(".</span> ");
                }
                self.text(&item.title);
                if !item.subheadings.is_empty() {
                    self.push("\n<ul class=\"subheadings\">\n");
                    for sub in &item.subheadings {
                        self.line("li", "", sub);
                    }
                    self.push("</ul>\n");
                }
                self.push("</li>\n");
            }
            self.push("</ul>\n");
        }
        self.push("</div>\n");
    }

    /// Title headings, then the title with its parts marked where the AKN writer marks them;
    /// parts the title does not contain follow it, labelled.
    fn title(&mut self, doc: &Document) {
        self.push("<section class=\"title-block\">\n");
        for heading in &doc.title_headings {
            self.line("p", "title-heading", heading);
        }
        let plan = TitlePlan::new(doc);
        self.open("h1", "title", None);
        let mut at = 0;
        for (span, part) in &plan.marked {
            self.text(doc.title.get(at..span.0).unwrap_or_default());
            let text = doc.title.get(span.0..span.1).unwrap_or_default();
            self.title_part(doc, *part, text);
            at = span.1;
        }
        self.text(doc.title.get(at..).unwrap_or_default());
        self.push("</h1>\n");
        if !plan.unmarked.is_empty() {
            self.push("<p class=\"title-parts\">");
            for (i, part) in plan.unmarked.iter().enumerate() {
                if i > 0 {
                    self.push("; ");
                }
                let (label, text) = match part {
                    TitlePart::Date => (
                        "Dated",
                        doc.letter_date.map(|d| d.to_prose()).unwrap_or_default(),
                    ),
                    TitlePart::Sender => ("From", doc.sender.clone().unwrap_or_default()),
                    TitlePart::Addressee(i) => {
                        ("To", doc.addressees.get(*i).cloned().unwrap_or_default())
                    }
                };
                self.push("<span class=\"label\">");
                self.push(label);
                self.push("</span> ");
                self.title_part(doc, *part, &text);
            }
            self.push("</p>\n");
        }
        self.push("</section>\n");
    }

    fn title_part(&mut self, doc: &Document, part: TitlePart, text: &str) {
        match (part, doc.letter_date) {
            (TitlePart::Date, Some(date)) => self.time("letter-date", date, text),
            (TitlePart::Date, None) => self.text(text),
            (TitlePart::Sender, _) => {
                self.open("span", "sender", None);
                self.text(text);
                self.push("</span>");
            }
            (TitlePart::Addressee(_), _) => {
                self.open("span", "addressee", None);
                self.text(text);
                self.push("</span>");
            }
        }
    }

    /// Blocks of a body (`main`) or nested in a list item, quotation or footnote; `level` is the
    /// heading level of the body's headings.
    fn blocks(&mut self, notes: &mut Notes, blocks: &[Block], main: bool, level: usize) {
        for block in blocks {
            self.block(notes, block, main, level);
        }
    }

    fn block(&mut self, notes: &mut Notes, block: &Block, main: bool, level: usize) {
        let eid = block_eid_kind(block, main).map(|kind| notes.scope.eids.next(kind));
        let id = eid.as_deref();
        match block {
            Block::Paragraph { num, content } => {
                self.open(
                    "p",
                    if num.is_some() {
                        "para numbered"
                    } else {
                        "para"
                    },
                    id,
                );
                if let Some(num) = num {
                    self.open("span", "num", None);
                    self.text(&num.text);
                    self.push("</span> ");
                }
                self.inlines(notes, content);
                self.push("</p>\n");
            }
            Block::Heading { content } if main => {
                let tag = format!("h{}", level.min(6));
                self.open(&tag, "heading", id);
                self.inlines(notes, content);
                self.close(&tag);
                self.push("\n");
            }
            Block::Heading { content } => {
                self.open("p", "heading", id);
                self.inlines(notes, content);
                self.push("</p>\n");
            }
            Block::List { items } => self.list(notes, id.unwrap_or_default(), items, level),
            Block::Quotation { body } => {
                self.open("blockquote", "quotation", id);
                self.push("\n");
                self.blocks(notes, body, false, level);
                self.push("</blockquote>\n");
            }
            Block::Table { rows } => self.table(notes, id, rows),
        }
    }

    fn list(&mut self, notes: &mut Notes, eid: &str, items: &[ListItem], level: usize) {
        self.open("ul", "list", Some(eid));
        self.push("\n");
        if items.is_empty() {
            // The AKN file gives an empty list one empty item; the page keeps its eId.
            self.open("li", "empty", Some(&item_eid(eid, 1)));
            self.push("</li>\n");
        }
        for (i, item) in items.iter().enumerate() {
            self.open("li", "", Some(&item_eid(eid, i + 1)));
            self.push("<span class=\"num\">");
            if let Some(num) = &item.num {
                self.text(&num.text);
            }
            self.push("</span><div class=\"item-body\">\n");
            self.blocks(notes, &item.body, false, level);
            self.push("</div></li>\n");
        }
        self.push("</ul>\n");
    }

    fn table(&mut self, notes: &mut Notes, id: Option<&str>, rows: &[Row]) {
        self.push("<div class=\"table-wrap\">");
        self.open("table", "", id);
        self.push("\n");
        for row in rows {
            let cell = if row.header { "th" } else { "td" };
            self.push("<tr>");
            for c in &row.cells {
                self.open(cell, "", None);
                self.inlines(notes, &c.content);
                self.close(cell);
            }
            self.push("</tr>\n");
        }
        self.push("</table></div>\n");
    }

    fn inlines(&mut self, notes: &mut Notes, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text { text } => self.text(text),
                Inline::Emphasis { content } => {
                    self.push("<em>");
                    self.inlines(notes, content);
                    self.push("</em>");
                }
                Inline::Strong { content } => {
                    self.push("<strong>");
                    self.inlines(notes, content);
                    self.push("</strong>");
                }
                Inline::FootnoteRef { marker } => self.call_out(notes, marker),
                // A joint symbol links to its first part, which undocs.org files it under.
                Inline::Symbol { text, symbol, .. } => self.symbol_link(symbol, text),
                Inline::Date { text, date } => self.time("", *date, text),
                Inline::Link { text, href } => match web_address(href) {
                    Some(address) => {
                        self.push("<a href=\"");
                        self.attr(&address);
                        self.push("\">");
                        self.text(text);
                        self.push("</a>");
                    }
                    None => {
                        // Not an address a browser should follow from an archived letter
                        // (`javascript:`, a bare word): shown, not linked.
                        self.push("<span class=\"link\" title=\"");
                        self.attr(href);
                        self.push("\">");
                        self.text(text);
                        self.push("</span>");
                    }
                },
            }
        }
    }

    /// A call-out links to the first footnote of its scope with its marker, and that footnote
    /// links back to its first call-out. When the AKN writer places the footnote here, its body
    /// is rendered now, so that its blocks take the same eIds.
    fn call_out(&mut self, notes: &mut Notes, marker: &str) {
        let placed = notes.scope.place(marker);
        let index = match &placed {
            Some((_, i, _)) => Some(*i),
            None => notes
                .scope
                .footnotes()
                .iter()
                .position(|n| n.marker == marker),
        };
        self.push("<sup class=\"callout\">");
        match index.and_then(|i| notes.callouts.get_mut(i).map(|c| (i, c))) {
            Some((i, callouts)) => {
                let eid = note_eid(notes.scope.eids.prefix(), i + 1);
                let id = match callouts.len() {
                    0 => format!("{eid}-ref"),
                    n => format!("{eid}-ref-{}", n + 1),
                };
                callouts.push(id.clone());
                self.push("<a href=\"#");
                self.attr(&eid);
                self.push("\" id=\"");
                self.attr(&id);
                self.push("\">");
                self.text(marker);
                self.push("</a>");
            }
            None => self.text(marker),
        }
        self.push("</sup>");
        if let Some((_, i, note)) = placed {
            let body = self.aside(notes, note);
            if let Some(slot) = notes.bodies.get_mut(i) {
                *slot = Some(body);
            }
        }
    }

    /// A footnote's body, rendered into its own buffer.
    fn aside(&mut self, notes: &mut Notes, note: &Footnote) -> String {
        let outer = std::mem::take(&mut self.out);
        self.blocks(notes, &note.body, false, 6);
        std::mem::replace(&mut self.out, outer)
    }

    /// The scope's footnotes, in list order, after rendering those no call-out placed.
    fn footnotes(&mut self, mut notes: Notes) {
        for (_, i, note) in notes.scope.take_unplaced() {
            let body = self.aside(&mut notes, note);
            if let Some(slot) = notes.bodies.get_mut(i) {
                *slot = Some(body);
            }
        }
        let footnotes = notes.scope.footnotes();
        if footnotes.is_empty() {
            return;
        }
        let prefix = notes.scope.eids.prefix().to_string();
        self.push("<section class=\"footnotes\">\n");
        for (i, note) in footnotes.iter().enumerate() {
            let eid = note_eid(&prefix, i + 1);
            self.open("div", "footnote", Some(&eid));
            match notes.callouts.get(i).and_then(|c| c.first()) {
                Some(back) => {
                    self.push("<a class=\"marker\" href=\"#");
                    self.attr(back);
                    self.push("\" title=\"Back to the call-out\">");
                    self.text(&note.marker);
                    self.push("</a>");
                }
                None => {
                    self.open("span", "marker", None);
                    self.text(&note.marker);
                    self.push("</span>");
                }
            }
            self.push("<div class=\"footnote-body\">\n");
            if let Some(Some(body)) = notes.bodies.get(i) {
                self.push(body);
            }
            self.push("</div></div>\n");
        }
        self.push("</section>\n");
    }

    fn signatures(&mut self, signatures: &[Signature]) {
        if signatures.is_empty() {
            return;
        }
        self.push("<div class=\"signatures\">\n");
        for s in signatures {
            self.push("<div class=\"signature\">\n<p class=\"signatory\">");
            if s.signed {
                self.push("<span class=\"signed\">(Signed)</span> ");
            }
            self.open("span", "person", None);
            self.text(&s.name);
            self.push("</span></p>\n");
            for title in &s.titles {
                self.line("p", "role", title);
            }
            self.push("</div>\n");
        }
        self.push("</div>\n");
    }

    /// Annexes of the scope with eId prefix `prefix`, at nesting `depth` (1 for the letter's).
    fn attachments(&mut self, annexes: &[Annex], prefix: &str, depth: usize) {
        for (i, annex) in annexes.iter().enumerate() {
            let att = attachment_eid(prefix, i + 1);
            self.annex(annex, &att, depth);
        }
    }

    fn annex(&mut self, annex: &Annex, att: &str, depth: usize) {
        let kind = match annex.kind {
            AnnexKind::Annex => "attachment annex",
            AnnexKind::Enclosure => "attachment enclosure",
            AnnexKind::Appendix => "attachment appendix",
        };
        self.open("section", kind, Some(att));
        self.push("\n");
        let tag = format!("h{}", (depth + 1).min(6));
        self.line(&tag, "annex-heading", &annex.heading);
        if let Some(title) = &annex.title {
            self.line("p", "annex-title", title);
        }
        let prefix = attachment_prefix(att);
        let mut notes = Notes::new(Scope::new(prefix.clone(), &annex.footnotes));
        self.push("<div class=\"body\">\n");
        self.blocks(&mut notes, &annex.body, true, depth + 2);
        self.push("</div>\n");
        self.signatures(&annex.signatures);
        self.footnotes(notes);
        self.attachments(&annex.annexes, &prefix, depth + 1);
        self.push("</section>\n");
    }

    /// What an archivist checks against the AKN file: its Work and Expression IRIs and its
    /// `<references>`, each under its eId.
    fn record(&mut self, doc: &Document, references: &[Tlc]) {
        let iris = Iris::of(doc);
        self.push("<footer class=\"record\">\n<details>\n<summary>Record</summary>\n<dl>\n");
        let kind = match doc.kind {
            Kind::Letter => "Letter",
            Kind::IdenticalLetters => "Identical letters",
            Kind::NoteVerbale => "Note verbale",
            Kind::Other => "Other document",
        };
        for (term, value) in [
            ("Kind", kind),
            ("Work", iris.work.as_str()),
            ("Expression", iris.expression.as_str()),
        ] {
            self.line("dt", "", term);
            self.push("<dd><code>");
            self.text(value);
            self.push("</code></dd>\n");
        }
        self.push("</dl>\n");
        if !references.is_empty() {
            self.push("<div class=\"table-wrap\"><table class=\"references\">\n");
            self.push("<tr><th>Reference</th><th>Names</th><th>Ontology</th></tr>\n");
            for t in references {
                self.open("tr", "", Some(&t.eid));
                self.push("<td>");
                self.push(match t.kind {
                    TlcKind::Organization => "organization",
                    TlcKind::Person => "person",
                    TlcKind::Role => "role",
                    TlcKind::Concept => "concept",
                });
                self.push("</td><td>");
                self.text(&t.show_as);
                self.push("</td><td><code>");
                self.text(&t.href);
                self.push("</code></td></tr>\n");
            }
            self.push("</table></div>\n");
        }
        self.push("</details>\n</footer>\n");
    }
}

/// The address a link's `href` is followed at: web and mail addresses as they are, `www.` ones
/// over https; `None` for anything else.
fn web_address(href: &str) -> Option<String> {
    let trimmed = href.trim();
    let lower = trimmed.to_ascii_lowercase();
    if ["http://", "https://", "mailto:", "ftp://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        Some(trimmed.to_string())
    } else if lower.starts_with("www.") {
        Some(format!("https://{trimmed}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses_are_followed() {
        assert_eq!(
            web_address("https://un.org/x?a=1").as_deref(),
            Some("https://un.org/x?a=1")
        );
        assert_eq!(
            web_address("www.un.org").as_deref(),
            Some("https://www.un.org")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("#note_1"), None);
    }

    #[test]
    fn languages_give_their_tag() {
        assert_eq!(language_tag("French"), "fr");
        assert_eq!(language_tag(" arabic "), "ar");
        assert_eq!(language_tag("Esperanto"), "und");
    }
}
