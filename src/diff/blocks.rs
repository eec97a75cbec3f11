//! The comparable units of a document: every block of the body, signatures, annexes and footnotes
//! flattened into one sequence in reading order, each with its place (a JSON Pointer into the
//! document's JSON form), its kind, its shown text and its comparison key.
//!
//! A list, a table or a quotation is one unit: an added list is one insertion, and a changed item
//! is a word change inside it. The title and other masthead fields are metadata, not units.

use crate::model::{Annex, Block, Document, Footnote, Inline, ListItem, Row, Signature};

use super::normalize;

/// One comparable block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Where it sits: a JSON Pointer into the document's JSON (`/body/3`, `/annexes/0/heading`).
    pub location: String,
    /// What it is: `paragraph`, `heading`, `list`, `quotation`, `table`, `signature`,
    /// `annex_heading`, `annex_title` or `footnote`.
    pub kind: &'static str,
    /// Its text as shown: whitespace folded, list items and table rows on lines of their own.
    pub text: String,
    /// Its comparison key ([`normalize::key`] of the text).
    pub key: String,
    /// The key without whitespace ([`normalize::compact`]): what alignment compares, made here
    /// because units are built for both sides at once.
    pub compact: String,
}

impl Unit {
    /// A unit from text whose lines are already tidy; blank lines are dropped.
    pub fn new(location: String, kind: &'static str, text: String) -> Unit {
        let text = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let key = normalize::key(&text);
        let compact = normalize::compact(&key);
        Unit {
            location,
            kind,
            text,
            key,
            compact,
        }
    }
}

/// The document's units in reading order: body, signatures, footnotes, then each annex.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::new();
    push_blocks(&mut out, "", &doc.body);
    push_signatures(&mut out, "", &doc.signatures);
    push_footnotes(&mut out, "", &doc.footnotes);
    push_annexes(&mut out, "", &doc.annexes);
    out
}

fn push_blocks(out: &mut Vec<Unit>, prefix: &str, blocks: &[Block]) {
    for (i, block) in blocks.iter().enumerate() {
        let (kind, text) = block_text(block);
        let mut unit = Unit::new(format!("{prefix}/body/{i}"), kind, text);
        if let Block::Table { rows } = block
            && is_chart(rows)
        {
            unit.key = chart_key(&unit.key);
            unit.compact = normalize::compact(&unit.key);
        }
        out.push(unit);
    }
}

/// Whether a table is a chart's caption and data labels, read as rows because they were printed
/// as text: its first row is one cell, the figure's caption (`Figure VIII`).
fn is_chart(rows: &[Row]) -> bool {
    let Some([caption]) = rows.first().map(|r| r.cells.as_slice()) else {
        return false;
    };
    let text = inlines_text(&caption.content);
    let mut words = text.split_whitespace();
    words.next() == Some("Figure")
        && words
            .next()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit() || "IVXLC".contains(c)))
}

/// A chart's comparison key: its words in a fixed order. Its labels sit on a drawing, not in a
/// grid, so where a printing cut them into cells and rows is no part of its content; a label
/// that changes, or a caption word, still changes the key.
fn chart_key(key: &str) -> String {
    let mut words: Vec<&str> = key.split(' ').filter(|w| *w != "|").collect();
    words.sort_unstable();
    words.join(" ")
}

fn push_signatures(out: &mut Vec<Unit>, prefix: &str, signatures: &[Signature]) {
    for (i, s) in signatures.iter().enumerate() {
        let mut text = String::new();
        if s.signed {
            text.push_str("(Signed) ");
        }
        text.push_str(&normalize::tidy(&s.name));
        for t in &s.titles {
            text.push('\n');
            text.push_str(&normalize::tidy(t));
        }
        out.push(Unit::new(
            format!("{prefix}/signatures/{i}"),
            "signature",
            text,
        ));
    }
}

fn push_footnotes(out: &mut Vec<Unit>, prefix: &str, footnotes: &[Footnote]) {
    for (i, f) in footnotes.iter().enumerate() {
        let body = blocks_text(&f.body);
        out.push(Unit::new(
            format!("{prefix}/footnotes/{i}"),
            "footnote",
            format!("{} {body}", f.marker),
        ));
    }
}

fn push_annexes(out: &mut Vec<Unit>, prefix: &str, annexes: &[Annex]) {
    for (i, a) in annexes.iter().enumerate() {
        let here = format!("{prefix}/annexes/{i}");
        out.push(Unit::new(
            format!("{here}/heading"),
            "annex_heading",
            normalize::tidy(&a.heading),
        ));
        if let Some(title) = &a.title {
            out.push(Unit::new(
                format!("{here}/title"),
                "annex_title",
                normalize::tidy(title),
            ));
        }
        push_blocks(out, &here, &a.body);
        push_signatures(out, &here, &a.signatures);
        push_footnotes(out, &here, &a.footnotes);
        push_annexes(out, &here, &a.annexes);
    }
}

/// A block's kind and text; nested blocks put each paragraph, item or row on its own line.
fn block_text(block: &Block) -> (&'static str, String) {
    match block {
        Block::Paragraph { num, content } => {
            let mut s = num
                .as_ref()
                .map(|n| format!("{} ", n.text))
                .unwrap_or_default();
            s.push_str(&normalize::tidy(&inlines_text(content)));
            ("paragraph", s)
        }
        Block::Heading { content } => ("heading", normalize::tidy(&inlines_text(content))),
        Block::List { items } => ("list", items_text(items)),
        Block::Quotation { body } => ("quotation", blocks_text(body)),
        Block::Table { rows } => {
            let rows: Vec<String> = rows
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| normalize::tidy(&inlines_text(&c.content)))
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect();
            ("table", rows.join("\n"))
        }
    }
}

fn items_text(items: &[ListItem]) -> String {
    items
        .iter()
        .map(|item| {
            let body = blocks_text(&item.body);
            match &item.num {
                Some(n) => format!("{} {body}", n.text),
                None => body,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn blocks_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| block_text(b).1)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The running text of inlines: every `text` field in order; a footnote call shows its marker.
pub fn inlines_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text }
            | Inline::Symbol { text, .. }
            | Inline::Date { text, .. }
            | Inline::Link { text, .. } => s.push_str(text),
            Inline::Emphasis { content } | Inline::Strong { content } => {
                s.push_str(&inlines_text(content))
            }
            // A footnote call hangs on the word before it: space before it is not content.
            Inline::FootnoteRef { marker } => {
                s.truncate(s.trim_end().len());
                s.push_str(marker);
            }
        }
    }
    s
}

/// A location for people: `/annexes/0/body/3` reads `annex 1, block 4`.
pub fn describe(location: &str) -> String {
    let parts: Vec<&str> = location.split('/').filter(|p| !p.is_empty()).collect();
    let mut words = Vec::new();
    let mut i = 0;
    while let Some(&name) = parts.get(i) {
        let index = parts.get(i + 1).and_then(|n| n.parse::<usize>().ok());
        let label = match name {
            "annexes" => "annex",
            "body" => "block",
            "signatures" => "signature",
            "footnotes" => "footnote",
            other => other,
        };
        match index {
            Some(n) => {
                words.push(format!("{label} {}", n + 1));
                i += 2;
            }
            None => {
                words.push(label.to_string());
                i += 1;
            }
        }
    }
    words.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnexKind, Cell, Num};

    #[test]
    fn flattens_in_reading_order_with_pointers() {
        let mut annex = Annex::new(AnnexKind::Annex, "Annex");
        annex.body.push(Block::paragraph("Annexed text."));
        let doc = Document {
            body: vec![
                Block::Paragraph {
                    num: Some(Num::new("1.")),
                    content: vec![Inline::text("First\nline  wrapped.")],
                },
                Block::List {
                    items: vec![ListItem {
                        num: Some(Num::new("(a)")),
                        body: vec![Block::paragraph("item")],
                    }],
                },
            ],
            annexes: vec![annex],
            ..Document::default()
        };
        let u = units(&doc);
        let got: Vec<(&str, &str, &str)> = u
            .iter()
            .map(|u| (u.location.as_str(), u.kind, u.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/body/0", "paragraph", "1. First line wrapped."),
                ("/body/1", "list", "(a) item"),
                ("/annexes/0/heading", "annex_heading", "Annex"),
                ("/annexes/0/body/0", "paragraph", "Annexed text."),
            ]
        );
        assert_eq!(describe("/annexes/0/body/3"), "annex 1, block 4");
    }

    fn table(rows: &[&[&str]]) -> Block {
        Block::Table {
            rows: rows
                .iter()
                .map(|r| Row {
                    header: false,
                    cells: r
                        .iter()
                        .map(|c| Cell {
                            content: vec![Inline::text(*c)],
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn key_of(block: Block) -> String {
        let doc = Document {
            body: vec![block],
            ..Document::default()
        };
        units(&doc).remove(0).compact
    }

    #[test]
    fn a_chart_compares_by_its_labels_not_its_cells() {
        // Two printings of one chart: the labels fall into cells otherwise.
        let one = table(&[
            &["Figure I"],
            &["Rates by region"],
            &["94.3 94.6", "94.4"],
            &["8"],
        ]);
        let two = table(&[
            &["Figure I"],
            &["Rates by region"],
            &["94.3", "94.6 94.4"],
            &["8"],
        ]);
        assert_eq!(key_of(one.clone()), key_of(two));
        // A label that changes is a change.
        let three = table(&[
            &["Figure I"],
            &["Rates by region"],
            &["94.3 94.7", "94.4"],
            &["8"],
        ]);
        assert_ne!(key_of(one), key_of(three));
        // A table keeps its grid: a value in another cell is a change.
        let grid = |a: &str, b: &str| table(&[&["Table 1"], &["Rates by region"], &[a, b]]);
        assert_ne!(
            key_of(grid("94.3 94.6", "94.4")),
            key_of(grid("94.3", "94.6 94.4"))
        );
    }
}
