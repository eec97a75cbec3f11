//! The canonical text writer: one [`Document`] to the text the README's grammar describes.
//!
//! The writer builds groups of lines (one group per masthead part, block, signature, footnote or
//! annex heading) and separates groups with a blank line; containers (quotations, list items,
//! footnotes) prefix their content's lines.

use super::*;
use crate::model::{Annex, Block, Document, Footnote, Inline, ListItem, Num, Row, Signature};
use crate::symbol::Symbol;

/// Writes a document as canonical text, ending with a newline.
pub fn write(doc: &Document) -> String {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut marker = MARKER.to_string();
    if doc.format != crate::model::FORMAT {
        marker.push_str(&format!(" [{}]{{format}}", escape_span(&doc.format)));
    }
    groups.push(vec![marker]);
    masthead(doc, &mut groups);
    groups.push(vec![RULE.to_string()]);
    groups.push(title_group(doc));
    section(
        &mut groups,
        Section {
            body: &doc.body,
            signatures: &doc.signatures,
            footnotes: &doc.footnotes,
            annexes: &doc.annexes,
        },
        0,
    );
    let mut out = String::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for line in group {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The parts a covering letter and an annex share.
struct Section<'a> {
    body: &'a [Block],
    signatures: &'a [Signature],
    footnotes: &'a [Footnote],
    annexes: &'a [Annex],
}

fn section(groups: &mut Vec<Vec<String>>, s: Section<'_>, depth: usize) {
    groups.extend(s.body.iter().map(block));
    groups.extend(s.signatures.iter().map(signature));
    groups.extend(s.footnotes.iter().map(footnote));
    for annex in s.annexes {
        let marks = "=".repeat(depth + 1);
        let heading = if heading_kind(&annex.heading) == annex.kind {
            escape_field(&annex.heading)
        } else {
            format!(
                "[{}]{{{}}}",
                escape_span(&annex.heading),
                annex_kind_name(annex.kind)
            )
        };
        let mut head = vec![format!("{marks} {heading}")];
        head.extend(annex.title.as_deref().map(escape_field));
        groups.push(head);
        section(
            groups,
            Section {
                body: &annex.body,
                signatures: &annex.signatures,
                footnotes: &annex.footnotes,
                annexes: &annex.annexes,
            },
            depth + 1,
        );
    }
}

fn masthead(doc: &Document, groups: &mut Vec<Vec<String>>) {
    let mut top = Vec::new();
    if !doc.symbols.is_empty() {
        let joint: Vec<String> = doc.symbols.iter().map(Symbol::to_string).collect();
        top.push(joint.join(&JOINT.to_string()));
    }
    top.push(UNITED_NATIONS.to_string());
    top.extend(doc.organs.iter().map(|o| guard_issue_line(escape_field(o))));
    top.extend(doc.distribution.as_deref().map(|d| labelled(DISTR, d)));
    top.extend(doc.date.map(|d| d.to_prose()));
    if let Some(language) = &doc.language {
        top.push(if doc.distribution.is_some() || doc.date.is_some() {
            guard_issue_line(escape_field(language))
        } else {
            format!("[{}]{{language}}", escape_span(language))
        });
    }
    top.extend(
        doc.original_language
            .as_deref()
            .map(|o| labelled(ORIGINAL, o)),
    );
    groups.push(top);

    for session in &doc.sessions {
        let mut lines = vec![escape_field(&session.organ), escape_field(&session.name)];
        lines.extend(session.agenda_label.as_deref().map(escape_field));
        for item in &session.agenda_items {
            let number = escape_field(&item.number).replace('.', "\\.");
            let mut line = format!("  {number}.");
            if !item.title.is_empty() {
                line.push(' ');
                line.push_str(&escape_field(&item.title));
            }
            lines.push(line);
            lines.extend(
                item.subheadings
                    .iter()
                    .map(|s| format!("    {}", escape_field(s))),
            );
        }
        groups.push(lines);
    }
    groups.extend(doc.job_number.as_deref().map(|j| vec![escape_field(j)]));
}

/// `Distr.: General`; `Distr.:` alone for an empty value.
fn labelled(label: &str, value: &str) -> String {
    if value.is_empty() {
        label.to_string()
    } else {
        format!("{label} {}", escape_field(value))
    }
}

/// Guards a masthead line that would read as a distribution, date or original-language line.
fn guard_issue_line(line: String) -> String {
    if line.starts_with(DISTR)
        || line.starts_with(ORIGINAL)
        || crate::model::Date::parse_prose(&line).is_some()
    {
        format!("\\&{line}")
    } else {
        line
    }
}

/// The title group: title headings, the title line with the date, sender and addressees marked
/// where the title contains them, then field lines for whatever it does not contain.
fn title_group(doc: &Document) -> Vec<String> {
    let title = doc.title.as_str();
    let mut lines: Vec<String> = doc.title_headings.iter().map(|h| escape_field(h)).collect();
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    let mut fields: Vec<String> = Vec::new();

    let prose = doc.letter_date.map(|d| d.to_prose());
    if let Some(p) = &prose {
        match find_free(title, p, 0, &spans) {
            Some(at) => spans.push((at, at + p.len(), "date")),
            None => fields.push(format!("[{}]{{date}}", escape_span(p))),
        }
    }
    if let Some(sender) = &doc.sender {
        match find_free(title, sender, 0, &spans) {
            Some(at) => spans.push((at, at + sender.len(), "from")),
            None => fields.push(format!("[{}]{{from}}", escape_span(sender))),
        }
    }
    // Addressees keep their order only if all of them are marked in the title, or none.
    let mut marked = Vec::new();
    let mut from = 0;
    for a in &doc.addressees {
        match find_free(title, a, from, &spans) {
            Some(at) => {
                marked.push((at, at + a.len(), "to"));
                from = at + a.len();
            }
            None => break,
        }
    }
    if marked.len() == doc.addressees.len() {
        spans.extend(marked);
    } else {
        fields.extend(
            doc.addressees
                .iter()
                .map(|a| format!("[{}]{{to}}", escape_span(a))),
        );
    }
    // A title that is one marked span whole would read as a field line: write it plain.
    if !title.is_empty() && spans.iter().any(|&(s, e, _)| s == 0 && e == title.len()) {
        let mut plain_fields = Vec::new();
        for &(s, e, name) in &spans {
            plain_fields.push(format!("[{}]{{{name}}}", escape_span(&title[s..e])));
        }
        plain_fields.append(&mut fields);
        fields = plain_fields;
        spans.clear();
    }
    spans.sort_unstable();

    let mut line = String::new();
    let mut at = 0;
    for &(s, e, name) in &spans {
        line.push_str(&escape_text(&title[at..s], at == 0, false));
        line.push_str(&format!("[{}]{{{name}}}", escape_span(&title[s..e])));
        at = e;
    }
    line.push_str(&escape_text(&title[at..], at == 0, true));
    if line.is_empty() {
        line.push_str("\\&");
    }
    lines.push(line);
    if title_kind(title) != doc.kind {
        fields.push(format!("[{}]{{kind}}", kind_name(doc.kind)));
    }
    lines.extend(fields);
    lines
}

/// The first occurrence of `needle` in `hay` at or after `from` that overlaps no marked span.
fn find_free(
    hay: &str,
    needle: &str,
    from: usize,
    spans: &[(usize, usize, &str)],
) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let rest = hay.get(from..)?;
    rest.match_indices(needle)
        .map(|(i, _)| from + i)
        .find(|&s| {
            let e = s + needle.len();
            spans.iter().all(|&(a, b, _)| e <= a || s >= b)
        })
}

fn signature(sig: &Signature) -> Vec<String> {
    let mark = if sig.signed { SIGNED } else { UNSIGNED };
    let mut first = mark.to_string();
    if !sig.name.is_empty() {
        first.push(' ');
        first.push_str(&escape_field(&sig.name));
    }
    let mut lines = vec![first];
    lines.extend(sig.titles.iter().map(|t| escape_field(t)));
    lines
}

fn footnote(f: &Footnote) -> Vec<String> {
    contained(
        format!("[^{}]:", escape_text(&f.marker, false, false)),
        &f.body,
        |_| true,
    )
}

/// A container's first line (`- (a)`, `[^1]:`) followed by its blocks: the first block's first
/// line joins the marker when `inline_first` allows it, the rest is indented by two spaces.
fn contained(head: String, body: &[Block], inline_first: impl Fn(&str) -> bool) -> Vec<String> {
    let inner = blocks(body);
    let mut lines = Vec::with_capacity(inner.len() + 1);
    let mut rest = inner.iter();
    let joins = matches!(body.first(), Some(Block::Paragraph { .. }))
        && inner.first().is_some_and(|l| inline_first(l));
    if joins {
        let first = rest.next().map(String::as_str).unwrap_or_default();
        lines.push(format!("{head} {first}"));
    } else {
        lines.push(head);
    }
    lines.extend(rest.map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!("  {l}")
        }
    }));
    lines
}

/// Blocks separated by blank lines.
fn blocks(body: &[Block]) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, b) in body.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(block(b));
    }
    lines
}

fn block(b: &Block) -> Vec<String> {
    match b {
        Block::Paragraph { num, content } => vec![paragraph(num.as_ref(), content)],
        Block::Heading { content } => vec![if content.is_empty() {
            "#".to_string()
        } else {
            format!("# {}", inlines(content, true))
        }],
        Block::Quotation { body } => {
            let inner = blocks(body);
            if inner.is_empty() {
                return vec![">".to_string()];
            }
            inner
                .into_iter()
                .map(|l| {
                    if l.is_empty() {
                        ">".to_string()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect()
        }
        Block::List { items } if items.is_empty() => vec!["[]{list}".to_string()],
        Block::List { items } => items.iter().flat_map(list_item).collect(),
        Block::Table { rows } if rows.is_empty() => vec!["[]{table}".to_string()],
        Block::Table { rows } => rows.iter().flat_map(row).collect(),
    }
}

fn paragraph(num: Option<&Num>, content: &[Inline]) -> String {
    let text = inlines(content, true);
    match num {
        Some(n) if text.is_empty() => label(n),
        Some(n) => format!("{} {text}", label(n)),
        None if classify(&text) != LineKind::Paragraph || read::leading_label(&text).is_some() => {
            format!("\\&{text}")
        }
        None => text,
    }
}

fn label(n: &Num) -> String {
    if is_plain_label(&n.text) {
        n.text.clone()
    } else {
        format!("[{}]{{num}}", escape_span(&n.text))
    }
}

fn list_item(item: &ListItem) -> Vec<String> {
    match &item.num {
        Some(n) => contained(format!("- {}", label(n)), &item.body, |_| true),
        None => {
            // Without a label the first line must not begin like one, or it would be read as one.
            contained("-".to_string(), &item.body, |l| {
                read::leading_label(l).is_none()
            })
        }
    }
}

fn row(r: &Row) -> Vec<String> {
    let mut line = String::from("|");
    for cell in &r.cells {
        line.push(' ');
        line.push_str(&inlines(&cell.content, false));
        line.push_str(" |");
    }
    let mut lines = vec![line];
    if r.header {
        lines.push(format!("|{}", "---|".repeat(r.cells.len().max(1))));
    }
    lines
}

/// Running text with its markup. With `edges`, whitespace at either end is escaped (it would
/// touch the line's start or end).
fn inlines(content: &[Inline], edges: bool) -> String {
    let mut out = String::new();
    let last = content.len().saturating_sub(1);
    let mut after_text = false;
    for (i, inline) in content.iter().enumerate() {
        match inline {
            Inline::Text { text } if text.is_empty() || after_text => {
                span(&mut out, &escape_span(text), "text");
            }
            Inline::Text { text } => {
                out.push_str(&escape_text(text, edges && i == 0, edges && i == last));
            }
            Inline::Emphasis { content } => span(&mut out, &span_content(content), "em"),
            Inline::Strong { content } => span(&mut out, &span_content(content), "strong"),
            Inline::FootnoteRef { marker } => {
                out.push_str("[^");
                out.push_str(&escape_text(marker, false, false));
                out.push(']');
            }
            Inline::Symbol {
                text,
                symbol,
                joint_with,
            } => {
                // `[A/79/955-S/2025/402]{symbol}` when the text says its symbols; else they are
                // given, joined as a joint symbol is printed.
                let parts: Vec<Symbol> =
                    std::iter::once(symbol).chain(joint_with).cloned().collect();
                let attr = if crate::symbol::parse_joint(text).as_ref() == Ok(&parts) {
                    "symbol".to_string()
                } else {
                    format!("symbol={}", escape_attr(&crate::symbol::join(&parts)))
                };
                span(&mut out, &escape_span(text), &attr);
            }
            Inline::Date { text, date } => {
                let attr = if crate::model::Date::parse_prose(text) == Some(*date) {
                    "date".to_string()
                } else {
                    format!("date={date}")
                };
                span(&mut out, &escape_span(text), &attr);
            }
            Inline::Link { text, href } => {
                let attr = if text == href {
                    "link".to_string()
                } else {
                    format!("link={}", escape_attr(href))
                };
                span(&mut out, &escape_span(text), &attr);
            }
        }
        after_text = matches!(inline, Inline::Text { .. });
    }
    out
}

fn span(out: &mut String, content: &str, attr: &str) {
    out.push('[');
    out.push_str(content);
    out.push_str("]{");
    out.push_str(attr);
    out.push('}');
}

/// The inside of `[...]`: a leading `^` is escaped so it is not read as a footnote call-out.
fn guard_caret(s: String) -> String {
    if s.starts_with('^') {
        format!("\\{s}")
    } else {
        s
    }
}

fn span_content(content: &[Inline]) -> String {
    guard_caret(inlines(content, false))
}

fn escape_span(text: &str) -> String {
    guard_caret(escape_text(text, false, false))
}
