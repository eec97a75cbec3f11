//! Corpus tables: the rows `unletters export` writes and the Python package's `tables` returns,
//! one row per letter, per paragraph and per citation, with stable column names.
//!
//! Values are the JSON form's values (dates ISO 8601, symbols in normal form, `null` where the
//! JSON has `null`); list-valued cells are JSON arrays. CSV, which has no lists, carries a list as
//! its JSON text (`["A/79/729","S/2025/40"]`), so nothing is lost to a separator that could occur
//! in the text itself.
//!
//! A paragraph's `eid` is the `eId` the AKN writer gives the paragraph, or, for a paragraph that
//! has none of its own (inside a list item, a quotation, a table or a footnote), the nearest
//! element around it that has one. [`Locator`] follows the writer's numbering: per document or
//! annex, one counter per element kind, footnotes written at their first matching call-out.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::model::{Annex, Block, Document, Footnote, Inline};
use crate::symbol::{self, Symbol};

/// The columns of `letters.csv`, in order.
pub const LETTER_COLUMNS: &[&str] = &[
    "file",
    "symbol",
    "symbols",
    "date",
    "letter_date",
    "organs",
    "sessions",
    "agenda_items",
    "kind",
    "title",
    "sender",
    "addressees",
    "language",
    "original_language",
    "signatories",
    "annex_count",
    "paragraph_count",
    "cites",
];

/// The columns of `paragraphs.csv`, in order.
pub const PARAGRAPH_COLUMNS: &[&str] = &[
    "file", "symbol", "index", "eid", "pointer", "kind", "num", "text",
];

/// The columns of `citations.csv`, in order.
pub const CITATION_COLUMNS: &[&str] = &["file", "symbol", "cited", "text", "eid", "pointer"];

/// One of the three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per document.
    Letters,
    /// One row per paragraph, heading or table row, in document order.
    Paragraphs,
    /// One row per cited symbol, in document order.
    Citations,
}

impl Table {
    /// Every table, in the order they are written.
    pub const ALL: [Table; 3] = [Table::Letters, Table::Paragraphs, Table::Citations];

    /// The table's name, which is also its file's stem (`letters.csv`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Letters => "letters",
            Table::Paragraphs => "paragraphs",
            Table::Citations => "citations",
        }
    }

    /// The table's columns, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Letters => LETTER_COLUMNS,
            Table::Paragraphs => PARAGRAPH_COLUMNS,
            Table::Citations => CITATION_COLUMNS,
        }
    }
}

/// One row: its cells in the order of its table's columns.
pub type Row = Vec<Value>;

/// The rows of the three tables for some documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    /// One row per document ([`LETTER_COLUMNS`]).
    pub letters: Vec<Row>,
    /// One row per paragraph, heading or table row ([`PARAGRAPH_COLUMNS`]).
    pub paragraphs: Vec<Row>,
    /// One row per citation ([`CITATION_COLUMNS`]).
    pub citations: Vec<Row>,
}

impl Tables {
    /// The rows of one document, read from `file` (the name the rows carry).
    pub fn of(file: &str, doc: &Document) -> Tables {
        let key = symbol::join(&doc.symbols);
        let mut walk = Walk {
            file,
            key: &key,
            paragraphs: Vec::new(),
            citations: Vec::new(),
        };
        walk.scope(&Scope {
            prefix: String::new(),
            pointer: String::new(),
            body: &doc.body,
            footnotes: &doc.footnotes,
            annexes: &doc.annexes,
        });
        let mut seen = HashSet::new();
        let cites: Vec<Value> = walk
            .citations
            .iter()
            .filter_map(|row| row.get(2).and_then(Value::as_str))
            .filter(|s| seen.insert(s.to_string()))
            .map(|s| Value::from(s.to_string()))
            .collect();
        let strings = |v: &[String]| Value::from(v.to_vec());
        let letter = vec![
            file.into(),
            key.clone().into(),
            Value::from(
                doc.symbols
                    .iter()
                    .map(Symbol::to_string)
                    .collect::<Vec<_>>(),
            ),
            json!(doc.date.map(|d| d.to_string())),
            json!(doc.letter_date.map(|d| d.to_string())),
            strings(&doc.organs),
            Value::from(
                doc.sessions
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>(),
            ),
            Value::from(
                doc.sessions
                    .iter()
                    .flat_map(|s| s.agenda_items.iter().map(|a| a.number.clone()))
                    .collect::<Vec<_>>(),
            ),
            doc.kind.as_str().into(),
            doc.title.clone().into(),
            json!(doc.sender),
            strings(&doc.addressees),
            json!(doc.language),
            json!(doc.original_language),
            Value::from(
                doc.signatures
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>(),
            ),
            doc.annexes.len().into(),
            walk.paragraphs.len().into(),
            Value::Array(cites),
        ];
        Tables {
            letters: vec![letter],
            paragraphs: walk.paragraphs,
            citations: walk.citations,
        }
    }

    /// Appends another set of rows after these (inputs in order).
    pub fn extend(&mut self, other: Tables) {
        self.letters.extend(other.letters);
        self.paragraphs.extend(other.paragraphs);
        self.citations.extend(other.citations);
    }

    /// The rows of one table.
    pub fn rows(&self, table: Table) -> &[Row] {
        match table {
            Table::Letters => &self.letters,
            Table::Paragraphs => &self.paragraphs,
            Table::Citations => &self.citations,
        }
    }

    /// One table as CSV (RFC 4180: a header line, comma-separated, fields quoted when they
    /// hold a comma, quote or line break, lines ending CRLF as the RFC and Python's `csv` do).
    pub fn csv(&self, table: Table) -> String {
        let mut out = String::new();
        let header: Vec<String> = table.columns().iter().map(|c| csv_field(c)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in self.rows(table) {
            let cells: Vec<String> = row.iter().map(|v| csv_field(&csv_text(v))).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// One table as JSON lines: one object per row, keys in column order.
    pub fn jsonl(&self, table: Table) -> String {
        let mut out = String::new();
        for row in self.rows(table) {
            out.push_str(&object(table.columns(), row));
            out.push('\n');
        }
        out
    }

    /// One table as a JSON array of objects, keys in column order (what the Python package
    /// hands to `json.loads`).
    pub fn json_array(&self, table: Table) -> String {
        let rows: Vec<String> = self
            .rows(table)
            .iter()
            .map(|r| object(table.columns(), r))
            .collect();
        format!("[{}]", rows.join(","))
    }
}

/// A JSON object of `columns` and `row`, keys in column order (a `serde_json::Map` would sort
/// them).
fn object(columns: &[&str], row: &[Value]) -> String {
    let mut out = String::from("{");
    for (i, (c, v)) in columns.iter().zip(row).enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{}:{}", Value::from(*c), v);
    }
    out.push('}');
    out
}

/// A cell's CSV text: strings as they are, `null` empty, lists and numbers as JSON.
fn csv_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A document or annex: the unit the AKN writer numbers eIds in.
struct Scope<'d> {
    /// The eId prefix (`""`, `att_1__`).
    prefix: String,
    /// The JSON Pointer of the scope (`""`, `/annexes/0`).
    pointer: String,
    body: &'d [Block],
    footnotes: &'d [Footnote],
    annexes: &'d [Annex],
}

/// The writer's eId counters of one scope, and where its footnotes were placed.
struct Locator<'d> {
    prefix: String,
    counters: std::collections::HashMap<&'static str, u32>,
    footnotes: &'d [Footnote],
    /// The next footnote still waiting for its call-out.
    cursor: usize,
}

impl<'d> Locator<'d> {
    fn next(&mut self, kind: &'static str) -> String {
        let n = self.counters.entry(kind).or_insert(0);
        *n += 1;
        format!("{}{kind}_{n}", self.prefix)
    }
}

/// A row in the making: a paragraph's place and label.
struct Place {
    eid: String,
    pointer: String,
    num: Option<String>,
}

struct Walk<'a> {
    file: &'a str,
    key: &'a str,
    paragraphs: Vec<Row>,
    citations: Vec<Row>,
}

/// Rows found inside one scope, kept apart so that footnote rows can follow the body's in
/// footnote order whatever order the call-outs placed them in.
#[derive(Default)]
struct Found {
    paragraphs: Vec<(Place, &'static str, String)>,
    citations: Vec<(String, String, String, String)>,
}

impl<'a> Walk<'a> {
    fn scope(&mut self, scope: &Scope) {
        let mut locator = Locator {
            prefix: scope.prefix.clone(),
            counters: Default::default(),
            footnotes: scope.footnotes,
            cursor: 0,
        };
        let mut body = Found::default();
        let mut notes: Vec<Found> = (0..scope.footnotes.len())
            .map(|_| Found::default())
            .collect();
        for (i, block) in scope.body.iter().enumerate() {
            let pointer = format!("{}/body/{i}", scope.pointer);
            block_rows(
                &mut locator,
                &mut body,
                &mut notes,
                block,
                &pointer,
                true,
                None,
                None,
            );
        }
        // Footnotes no call-out placed: the writer puts them in `<notes>`, after the body,
        // continuing the scope's counters.
        for i in locator.cursor..scope.footnotes.len() {
            locator.cursor = scope.footnotes.len();
            place_note(&mut locator, &mut notes, scope, i);
        }
        self.emit(body);
        for found in notes {
            self.emit(found);
        }
        for (i, annex) in scope.annexes.iter().enumerate() {
            self.scope(&Scope {
                prefix: format!("{}att_{}__", scope.prefix, i + 1),
                pointer: format!("{}/annexes/{i}", scope.pointer),
                body: &annex.body,
                footnotes: &annex.footnotes,
                annexes: &annex.annexes,
            });
        }
    }

    fn emit(&mut self, found: Found) {
        for (place, kind, text) in found.paragraphs {
            self.paragraphs.push(vec![
                self.file.into(),
                self.key.into(),
                self.paragraphs.len().into(),
                place.eid.into(),
                place.pointer.into(),
                kind.into(),
                json!(place.num),
                text.into(),
            ]);
        }
        for (cited, text, eid, pointer) in found.citations {
            self.citations.push(vec![
                self.file.into(),
                self.key.into(),
                cited.into(),
                text.into(),
                eid.into(),
                pointer.into(),
            ]);
        }
    }
}

/// Writes footnote `i`'s rows (it is being placed now, so its eId is the cursor's).
fn place_note(locator: &mut Locator, notes: &mut [Found], scope: &Scope, i: usize) {
    let eid = format!("{}note_{}", locator.prefix, i + 1);
    let Some(note) = scope.footnotes.get(i) else {
        return;
    };
    let mut found = Found::default();
    for (j, block) in note.body.iter().enumerate() {
        let pointer = format!("{}/footnotes/{i}/body/{j}", scope.pointer);
        block_rows(
            locator,
            &mut found,
            notes,
            block,
            &pointer,
            false,
            Some(&eid),
            None,
        );
    }
    if let Some(slot) = notes.get_mut(i) {
        *slot = found;
    }
}

/// The rows of one block. `main`: directly in a body (where the writer numbers paragraphs and
/// headings); `around`: the nearest eId outside the block; `label`: a list item's label for its
/// first block.
#[allow(clippy::too_many_arguments)]
fn block_rows(
    locator: &mut Locator,
    found: &mut Found,
    notes: &mut [Found],
    block: &Block,
    pointer: &str,
    main: bool,
    around: Option<&str>,
    label: Option<&str>,
) {
    let around_or = |s: Option<&str>| s.unwrap_or_default().to_string();
    match block {
        Block::Paragraph { num, content } => {
            let eid = match (main, num) {
                (true, _) => locator.next("para"),
                (false, Some(_)) => locator.next("blockContainer"),
                (false, None) => around_or(around),
            };
            let num = num
                .as_ref()
                .map(|n| n.text.clone())
                .or(label.map(String::from));
            found.paragraphs.push((
                Place {
                    eid: eid.clone(),
                    pointer: pointer.to_string(),
                    num,
                },
                "paragraph",
                plain_text(content),
            ));
            inline_rows(locator, found, notes, content, &eid, pointer);
        }
        Block::Heading { content } => {
            let eid = if main {
                locator.next("hcontainer")
            } else {
                around_or(around)
            };
            found.paragraphs.push((
                Place {
                    eid: eid.clone(),
                    pointer: pointer.to_string(),
                    num: None,
                },
                "heading",
                plain_text(content),
            ));
            inline_rows(locator, found, notes, content, &eid, pointer);
        }
        Block::List { items } => {
            let eid = locator.next("list");
            for (i, item) in items.iter().enumerate() {
                let item_eid = format!("{eid}__item_{}", i + 1);
                for (j, b) in item.body.iter().enumerate() {
                    let label = if j == 0 {
                        item.num.as_ref().map(|n| n.text.as_str())
                    } else {
                        None
                    };
                    let p = format!("{pointer}/items/{i}/body/{j}");
                    block_rows(locator, found, notes, b, &p, false, Some(&item_eid), label);
                }
            }
        }
        Block::Quotation { body } => {
            let eid = locator.next("embeddedStructure");
            for (j, b) in body.iter().enumerate() {
                let p = format!("{pointer}/body/{j}");
                block_rows(locator, found, notes, b, &p, false, Some(&eid), None);
            }
        }
        Block::Table { rows } => {
            let eid = locator.next("table");
            for (i, row) in rows.iter().enumerate() {
                let p = format!("{pointer}/rows/{i}");
                let cells: Vec<String> = row.cells.iter().map(|c| plain_text(&c.content)).collect();
                found.paragraphs.push((
                    Place {
                        eid: eid.clone(),
                        pointer: p.clone(),
                        num: None,
                    },
                    "table_row",
                    cells.join(" | "),
                ));
                for (k, cell) in row.cells.iter().enumerate() {
                    let cp = format!("{p}/cells/{k}");
                    inline_rows(locator, found, notes, &cell.content, &eid, &cp);
                }
            }
        }
    }
}

/// Citations in inlines, and the footnotes their call-outs place (as the writer places them).
fn inline_rows(
    locator: &mut Locator,
    found: &mut Found,
    notes: &mut [Found],
    inlines: &[Inline],
    eid: &str,
    pointer: &str,
) {
    for inline in inlines {
        match inline {
            Inline::Symbol {
                text,
                symbol,
                joint_with,
            } => {
                // A joint symbol cites each of its parts: one row each, joinable with the
                // letters table's symbols, each with its own printed part where it can be told.
                let parts: Vec<&crate::symbol::Symbol> =
                    std::iter::once(symbol).chain(joint_with).collect();
                let pieces = crate::symbol::printed_parts(text, parts.len());
                for (i, part) in parts.iter().enumerate() {
                    let piece = pieces.as_ref().and_then(|p| p.get(i));
                    let printed = piece
                        .and_then(|&(a, b)| text.get(a..b))
                        .unwrap_or(text)
                        .to_string();
                    found.citations.push((
                        part.to_string(),
                        printed,
                        eid.to_string(),
                        pointer.to_string(),
                    ));
                }
            }
            Inline::Emphasis { content } | Inline::Strong { content } => {
                inline_rows(locator, found, notes, content, eid, pointer);
            }
            Inline::FootnoteRef { marker } => {
                let i = locator.cursor;
                let placed = locator
                    .footnotes
                    .get(i)
                    .is_some_and(|n| &n.marker == marker);
                if placed {
                    locator.cursor += 1;
                    let footnotes = locator.footnotes;
                    let scope_pointer = pointer_scope(pointer);
                    let scope = Scope {
                        prefix: locator.prefix.clone(),
                        pointer: scope_pointer,
                        body: &[],
                        footnotes,
                        annexes: &[],
                    };
                    place_note(locator, notes, &scope, i);
                }
            }
            Inline::Text { .. } | Inline::Date { .. } | Inline::Link { .. } => {}
        }
    }
}

/// The pointer of the scope a pointer lies in: everything before its last `/body/` or
/// `/footnotes/` that belongs to the scope itself (`/annexes/0/body/3` -> `/annexes/0`).
fn pointer_scope(pointer: &str) -> String {
    // A scope's own parts are `annexes/N` pairs from the root; the first other part ends it.
    let mut out = String::new();
    let mut parts = pointer.split('/').skip(1);
    while let Some(part) = parts.next() {
        if part != "annexes" {
            break;
        }
        match parts.next() {
            Some(n) => {
                let _ = write!(out, "/annexes/{n}");
            }
            None => break,
        }
    }
    out
}

/// A paragraph's running text: every `text` field of its inlines in order (a footnote call-out
/// has a marker, not text, and adds nothing).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_text(&mut out, inlines);
    out
}

fn push_text(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text { text }
            | Inline::Symbol { text, .. }
            | Inline::Date { text, .. }
            | Inline::Link { text, .. } => out.push_str(text),
            Inline::Emphasis { content } | Inline::Strong { content } => push_text(out, content),
            Inline::FootnoteRef { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn scope_of_a_pointer() {
        assert_eq!(pointer_scope("/body/3"), "");
        assert_eq!(pointer_scope("/annexes/0/body/3/items/0"), "/annexes/0");
        assert_eq!(
            pointer_scope("/annexes/1/annexes/0/footnotes/2"),
            "/annexes/1/annexes/0"
        );
    }
}
