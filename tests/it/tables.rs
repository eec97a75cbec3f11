//! The corpus tables (`unletters::tables`): every paragraph and citation row points at an element
//! of the AKN the writer writes for the same document (its `eId`), whose text holds the row's
//! text; on a synthetic letter that uses every part of the model and on every corpus letter.

use std::path::{Path, PathBuf};

use unletters::tables::{PARAGRAPH_COLUMNS, Table, Tables};
use unletters::{Document, akn, convert};

use crate::common;

/// A row's cell by column name.
fn cell<'r>(columns: &[&str], row: &'r [serde_json::Value], name: &str) -> &'r serde_json::Value {
    let i = columns.iter().position(|c| *c == name).unwrap();
    &row[i]
}

/// Text with every white-space character removed: the AKN writer indents element-only content.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An element's text as a reader sees it: footnotes met inside it (and call-out markers) are not
/// part of the running text.
fn running_text(node: roxmltree::Node, out: &mut String) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
        } else if child.is_element()
            && child.tag_name().name() != "authorialNote"
            && child.attribute("name") != Some("footnoteRef")
        {
            running_text(child, out);
        }
    }
}

/// Checks every row of `doc`'s tables against its AKN; returns how many rows were checked.
fn check(name: &str, doc: &Document) -> usize {
    let tables = Tables::of(name, doc);
    assert_eq!(tables.letters.len(), 1, "{name}: one letter row");
    let xml = akn::write(doc).unwrap();
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let text_of = |eid: &str| -> String {
        let node = tree
            .descendants()
            .find(|n| n.attribute("eId") == Some(eid))
            .unwrap_or_else(|| panic!("{name}: no element has eId {eid:?}"));
        let mut s = String::new();
        running_text(node, &mut s);
        squeeze(&s)
    };
    let mut checked = 0;
    for (index, row) in tables.paragraphs.iter().enumerate() {
        let get = |c| cell(PARAGRAPH_COLUMNS, row, c);
        assert_eq!(get("index"), &serde_json::json!(index), "{name}: index");
        let eid = get("eid").as_str().unwrap();
        let held = text_of(eid);
        let text = get("text").as_str().unwrap();
        let parts: Vec<&str> = if get("kind") == "table_row" {
            text.split(" | ").collect()
        } else {
            vec![text]
        };
        for part in parts {
            assert!(
                held.contains(&squeeze(part)),
                "{name}: {eid} does not hold the text of {}: {part:?}",
                get("pointer")
            );
        }
        checked += 1;
    }
    let columns = Table::Citations.columns();
    for row in &tables.citations {
        let eid = cell(columns, row, "eid").as_str().unwrap();
        let text = cell(columns, row, "text").as_str().unwrap();
        assert!(
            text_of(eid).contains(&squeeze(text)),
            "{name}: {eid} does not cite {text:?}"
        );
        checked += 1;
    }
    checked
}

#[test]
fn rows_point_at_the_akn_elements_of_a_letter_using_every_part_of_the_model() {
    let doc = common::full_letter();
    let tables = Tables::of("full.json", &doc);
    // Paragraphs inside annexes, lists, quotations, tables and footnotes are all there.
    for pointer_part in ["/annexes/", "/items/", "/rows/", "/footnotes/"] {
        assert!(
            tables
                .paragraphs
                .iter()
                .any(|r| cell(PARAGRAPH_COLUMNS, r, "pointer")
                    .as_str()
                    .unwrap()
                    .contains(pointer_part)),
            "no row under {pointer_part}"
        );
    }
    assert!(!tables.citations.is_empty());
    assert!(check("full.json", &doc) > 10);
}

fn corpus_letters() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/letters");
    if !root.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "the corpus is missing at {}",
            root.display()
        );
        eprintln!("skipping: no corpus at {}", root.display());
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no letters in {}", root.display());
    Some(files)
}

#[test]
fn corpus_rows_point_at_the_akn_elements_that_hold_their_text() {
    let Some(files) = corpus_letters() else {
        return;
    };
    let mut rows = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let doc = convert::read(&bytes, &Default::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .document;
        rows += check(&path.display().to_string(), &doc);
    }
    assert!(
        rows > files.len(),
        "{rows} rows for {} letters",
        files.len()
    );
}

#[test]
fn csv_has_one_line_per_row_and_a_header() {
    let doc = common::full_letter();
    let tables = Tables::of("full.json", &doc);
    for table in Table::ALL {
        let csv = tables.csv(table);
        let header = csv.split("\r\n").next().unwrap();
        assert_eq!(header, table.columns().join(","));
        let jsonl = tables.jsonl(table);
        assert_eq!(jsonl.lines().count(), tables.rows(table).len());
        for line in jsonl.lines() {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let keys: Vec<&str> = value
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let mut columns = table.columns().to_vec();
            columns.sort_unstable();
            assert_eq!(keys, columns);
        }
    }
}
