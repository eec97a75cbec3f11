//! Letters as web pages (`--to html`): every page parses without a single HTML5 parse error
//! (html5ever, the parser of Servo), every `href="#..."` names an id of the page, no id is used
//! twice, and every `eId` of the same document's AKN file is an id of the page. Over every corpus
//! letter (`../shared/corpus/letters`), the synthetic letters and fixtures, and generated
//! documents.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use proptest::prelude::*;
use unletters::model::Document;
use unletters::{Format, akn, convert, html};

/// What the checks need from a parsed page.
#[derive(Debug, Default)]
struct Parsed {
    errors: Vec<String>,
    ids: Vec<String>,
    fragment_links: Vec<String>,
    lang: Option<String>,
}

fn parse(page: &str) -> Parsed {
    let mut opts = ParseOpts::default();
    opts.tokenizer.exact_errors = true;
    opts.tree_builder.exact_errors = true;
    let dom = parse_document(RcDom::default(), opts)
        .from_utf8()
        .read_from(&mut page.as_bytes())
        .expect("reading from memory");
    let mut parsed = Parsed {
        errors: dom.errors.borrow().iter().map(|e| e.to_string()).collect(),
        ..Parsed::default()
    };
    walk(&dom.document, &mut parsed);
    parsed
}

fn walk(node: &Handle, parsed: &mut Parsed) {
    if let NodeData::Element { name, attrs, .. } = &node.data {
        for a in attrs.borrow().iter() {
            match &*a.name.local {
                "id" => parsed.ids.push(a.value.to_string()),
                "href" => {
                    if let Some(target) = a.value.strip_prefix('#') {
                        parsed.fragment_links.push(target.to_string());
                    }
                }
                "lang" if &*name.local == "html" => parsed.lang = Some(a.value.to_string()),
                _ => {}
            }
        }
    }
    for child in node.children.borrow().iter() {
        walk(child, parsed);
    }
}

/// Every `eId` attribute of an AKN file.
fn eids(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("the AKN writer writes XML");
    doc.descendants()
        .filter_map(|n| n.attribute("eId").map(str::to_string))
        .collect()
}

/// The page of `doc`, checked; `name` says which document failed. Returns what was parsed.
fn check(name: &str, doc: &Document) -> Parsed {
    let page = html::write(doc).unwrap_or_else(|e| panic!("{name}: {e}"));
    let parsed = parse(&page);
    assert!(
        parsed.errors.is_empty(),
        "{name}: HTML5 parse errors: {:?}",
        parsed.errors
    );
    let ids: HashSet<&str> = parsed.ids.iter().map(String::as_str).collect();
    assert_eq!(ids.len(), parsed.ids.len(), "{name}: an id is used twice");
    for target in &parsed.fragment_links {
        assert!(
            ids.contains(target.as_str()),
            "{name}: href=\"#{target}\" has no target"
        );
    }
    // A document the AKN writer refuses (a control character) has no eIds to agree with.
    if let Ok(xml) = akn::write(doc) {
        let missing: Vec<String> = eids(&xml)
            .into_iter()
            .filter(|e| !ids.contains(e.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: AKN eIds not in the page: {missing:?}"
        );
    }
    parsed
}

fn corpus_letters() -> Option<Vec<PathBuf>> {
    let dir = crate::common::shared::shared("corpus/letters")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no letters in {}", dir.display());
    Some(files)
}

#[test]
fn every_corpus_letter_is_a_valid_page_with_every_akn_eid() {
    let Some(files) = corpus_letters() else {
        return;
    };
    let (mut with_notes, mut with_annexes) = (0, 0);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let read = convert::read(&bytes, &Default::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.display().to_string();
        let parsed = check(&name, &read.document);
        assert!(parsed.lang.is_some(), "{name}: no lang");
        with_notes += usize::from(parsed.ids.iter().any(|id| id.starts_with("note_")));
        with_annexes += usize::from(!read.document.annexes.is_empty());
    }
    // The corpus exercises footnote links and annexes, not only plain letters.
    assert!(
        with_notes > 0 && with_annexes > 0,
        "{with_notes} {with_annexes}"
    );
}

#[test]
fn synthetic_letters_and_fixtures_are_valid_pages() {
    let mut documents = vec![
        (
            "common::full_letter".to_string(),
            crate::common::full_letter(),
        ),
        (
            "akn_support::synthetic_letter".to_string(),
            crate::akn_support::synthetic_letter(),
        ),
        (
            "text_canonical_support::synthetic::letter".to_string(),
            crate::text_canonical_support::synthetic::letter(),
        ),
    ];
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths = vec![fixtures.join("sample-letter.txt")];
    for dir in ["text", "diff", "validate"] {
        let mut more: Vec<PathBuf> = std::fs::read_dir(fixtures.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        more.sort();
        paths.extend(more);
    }
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        // Fixtures that are not letters (`not_a_letter.txt`) are not pages either.
        if let Ok(read) = convert::read(&bytes, &Default::default()) {
            documents.push((path.display().to_string(), read.document));
        }
    }
    assert!(
        documents.len() > 8,
        "too few fixtures read: {}",
        documents.len()
    );
    for (name, doc) in &documents {
        check(name, doc);
    }
}

#[test]
fn the_page_marks_the_letter_for_people() {
    let doc = crate::common::full_letter();
    let page = html::write(&doc).unwrap();
    let parsed = check("full_letter", &doc);
    // The language of this version, not the original's.
    assert_eq!(parsed.lang.as_deref(), Some("en"));
    assert!(page.contains("<meta name=\"viewport\""));
    assert!(page.contains("@media print"));
    assert!(!page.contains("<script"));
    assert!(!page.contains("<link "), "the page loads nothing else");
    for symbol in &doc.symbols {
        let href = format!("href=\"https://undocs.org/{}\"", symbol.as_str());
        assert!(page.contains(&href), "{href}");
    }
    let date = doc.letter_date.unwrap();
    assert!(page.contains(&format!("<time class=\"letter-date\" datetime=\"{date}\">")));
    assert!(page.contains("<span class=\"sender\">"));
    assert!(page.contains("<span class=\"addressee\">"));
    // Footnotes both ways: each call-out names its note, and the note links back to it.
    let back = parsed
        .fragment_links
        .iter()
        .filter(|t| t.ends_with("-ref"))
        .count();
    let notes = parsed
        .fragment_links
        .iter()
        .filter(|t| t.starts_with("note_") || t.contains("__note_"))
        .count();
    assert!(
        back > 0 && notes >= back,
        "{back} back links, {notes} call-outs"
    );
}

#[test]
fn html_is_written_but_never_read() {
    let options = convert::ReadOptions {
        from: Some(Format::Html),
        ..Default::default()
    };
    let err = convert::read(b"<!DOCTYPE html>", &options).unwrap_err();
    assert!(err.to_string().contains("output format"), "{err}");
    assert!(!Format::Html.readable());
    assert_eq!("html".parse::<Format>(), Ok(Format::Html));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_document_is_a_valid_page_with_every_akn_eid(doc in crate::akn_support::document()) {
        check("generated", &doc);
    }
}

#[test]
fn the_parser_reports_what_the_checks_rely_on() {
    // A page with a stray end tag, an unknown character reference and no doctype fails.
    let bad = parse("<html lang=\"en\"><p>a &bogus; b</div></p>");
    assert!(bad.errors.len() >= 2, "{:?}", bad.errors);
    let good =
        parse("<!DOCTYPE html><html lang=\"en\"><title>t</title><p id=\"x\"><a href=\"#x\">x</a>");
    assert_eq!(good.errors, Vec::<String>::new());
    assert_eq!(good.fragment_links, ["x"]);
    assert_eq!(good.ids, ["x"]);
}

/// The `<a href>` targets of each `<table>` of a page, in order.
fn table_links(node: &Handle, tables: &mut Vec<Vec<String>>, in_table: bool) {
    let mut in_table = in_table;
    if let NodeData::Element { name, attrs, .. } = &node.data {
        match &*name.local {
            "table" => {
                tables.push(Vec::new());
                in_table = true;
            }
            "a" if in_table => {
                if let (Some(table), Some(href)) = (
                    tables.last_mut(),
                    attrs.borrow().iter().find(|a| &*a.name.local == "href"),
                ) {
                    table.push(href.value.to_string());
                }
            }
            _ => {}
        }
    }
    for child in node.children.borrow().iter() {
        table_links(child, tables, in_table);
    }
}

#[test]
fn a_batch_with_html_gets_an_index_of_its_letters_and_failures() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_unletters"))
        .arg("convert")
        .arg(fixtures.join("text"))
        .arg(fixtures.join("sample-letter.txt"))
        .args(["--to", "akn,json,html", "--out-dir"])
        .arg(out.path())
        .output()
        .unwrap();
    // `not_a_letter.txt` fails; the others convert.
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let parsed = parse(&page);
    assert_eq!(parsed.errors, Vec::<String>::new());
    for target in &parsed.fragment_links {
        assert!(parsed.ids.contains(target), "#{target}");
    }
    assert!(page.contains("not_a_letter.txt") && page.contains("not a letter"));

    let dom = parse_document(RcDom::default(), ParseOpts::default())
        .from_utf8()
        .read_from(&mut page.as_bytes())
        .unwrap();
    let mut tables = Vec::new();
    table_links(&dom.document, &mut tables, false);
    // By symbol, by date, failures (no links).
    assert_eq!(tables.len(), 3, "{tables:?}");
    let (by_symbol, by_date) = (&tables[0], &tables[1]);
    let mut pages: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") && n != "index.html")
        .collect();
    pages.sort();
    assert!(pages.len() >= 8, "{pages:?}");
    for table in [by_symbol, by_date] {
        let mut linked = table.clone();
        linked.sort();
        assert_eq!(linked, pages, "every page linked once in each table");
    }
    // Each table in its own order, read back from the letters' own pages.
    let doc_of = |href: &String| -> Document {
        let stem = href.trim_end_matches(".html");
        let json = std::fs::read(out.path().join(format!("{stem}.json"))).unwrap();
        convert::read(&json, &Default::default()).unwrap().document
    };
    let dates: Vec<_> = by_date
        .iter()
        .map(|h| {
            let d = doc_of(h);
            d.date.or(d.letter_date)
        })
        .collect();
    let dated: Vec<_> = dates.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(
        dates
            .iter()
            .skip_while(|d| d.is_some())
            .all(Option::is_none),
        "undated letters last: {dates:?}"
    );
    let firsts: Vec<String> = by_symbol
        .iter()
        .filter_map(|h| doc_of(h).symbols.first().map(|s| s.to_string()))
        .collect();
    assert!(firsts.len() >= 7);
    let keys: Vec<_> = firsts.iter().map(|s| natural_key(s)).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");

    // Run again with --skip-existing: nothing is rewritten, yet the index lists every letter.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_unletters"))
        .arg("convert")
        .arg(fixtures.join("text"))
        .arg(fixtures.join("sample-letter.txt"))
        .args(["--to", "akn,json,html", "--skip-existing", "--out-dir"])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "{again:?}");
    assert!(String::from_utf8_lossy(&again.stderr).contains(" 9 up to date"));
    let page_again = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert_eq!(page_again, page);
}

/// `A/79/100` -> `[("A/", 79), ("/", 100)]`: text runs each with the number after them.
fn natural_key(s: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let (mut text, mut digits) = (String::new(), String::new());
    for c in s.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((std::mem::take(&mut text), digits.parse().unwrap()));
                digits.clear();
            }
            text.push(c);
        }
    }
    key.push((text, 0));
    key
}
