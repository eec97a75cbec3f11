//! Truth tests on real documents from `../shared/corpus`: corpus letters edited in known ways (at
//! the model level and in their extracted text) must diff to exactly those edits, and the real
//! revision pair `S/2025/71` / `Rev.1` must report its added annex and metadata changes, not its
//! reflowed title and signature. The corrigendum `DP/2025/14/Corr.1` must be recognised.
//!
//! Without the corpus these tests skip, except under CI (env `CI`), where they fail. While the
//! plain-text reader is not built (it reports `Unsupported`), they skip with a message.

use std::path::PathBuf;

use unletters::convert::{self, ReadOptions};
use unletters::diff::{self, Diff, Op, WordOp};
use unletters::model::{Block, Date, Document, Inline};

fn corpus() -> Option<PathBuf> {
    crate::common::shared::shared("corpus")
}

/// Reads extracted text: every corpus letter must read.
fn read_text(text: &str, name: &str) -> Document {
    match convert::read(text.as_bytes(), &ReadOptions::default()) {
        Ok(read) => read.document,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// The corpus letters the edit tests use: every fifth letter, for a spread at modest cost.
fn letters() -> Vec<(String, String)> {
    let Some(dir) = corpus() else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("letters"))
        .expect("letters folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .step_by(5)
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (
                name,
                std::fs::read_to_string(&p).expect("corpus file is UTF-8"),
            )
        })
        .collect()
}

fn plain_paragraph_indices(doc: &Document) -> Vec<usize> {
    doc.body
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            matches!(b, Block::Paragraph { content, .. }
                if content.iter().filter_map(|i| match i { Inline::Text { text } => Some(text.split_whitespace().count()), _ => None }).sum::<usize>() >= 8)
        })
        .map(|(i, _)| i)
        .collect()
}

fn changed_words(d: &Diff) -> Vec<(Op, Vec<(WordOp, String)>)> {
    d.changes
        .iter()
        .map(|c| {
            (
                c.op,
                c.words
                    .iter()
                    .filter(|w| w.op != WordOp::Equal)
                    .map(|w| (w.op, w.text.clone()))
                    .collect(),
            )
        })
        .collect()
}

/// Replaces the first plain-text word of three letters or more in a paragraph with `zzyzx`.
fn change_a_word(block: &mut Block) -> Option<String> {
    let Block::Paragraph { content, .. } = block else {
        return None;
    };
    for inline in content.iter_mut() {
        if let Inline::Text { text } = inline {
            let word = text
                .split_whitespace()
                .find(|w| w.len() >= 3 && w.chars().all(char::is_alphabetic))?
                .to_string();
            *text = text.replacen(&word, "zzyzx", 1);
            return Some(word);
        }
    }
    None
}

/// Breaks every text inline at other places (every third space becomes a line break and every
/// fifth a double space): a rewrap at another width, as a model.
fn rewrap(doc: &mut Document) {
    fn blocks(bs: &mut [Block]) {
        for b in bs {
            match b {
                Block::Paragraph { content, .. } | Block::Heading { content } => {
                    for i in content.iter_mut() {
                        if let Inline::Text { text } = i {
                            let mut n = 0;
                            *text = text
                                .split(' ')
                                .map(|w| {
                                    n += 1;
                                    match n % 15 {
                                        0 => format!("{w}\n"),
                                        5 | 10 => format!("{w} "),
                                        _ => w.to_string(),
                                    }
                                })
                                .collect::<Vec<_>>()
                                .join(" ");
                        }
                    }
                }
                Block::List { items } => items.iter_mut().for_each(|it| blocks(&mut it.body)),
                Block::Quotation { body } => blocks(body),
                Block::Table { .. } => {}
            }
        }
    }
    blocks(&mut doc.body);
    for a in &mut doc.annexes {
        blocks(&mut a.body);
    }
    doc.title = doc.title.replace(" from ", "\nfrom ");
}

#[test]
fn model_edits_on_corpus_letters_are_reported_exactly() {
    let mut tried = 0;
    for (name, text) in letters() {
        let old = read_text(&text, &name);
        let paras = plain_paragraph_indices(&old);
        if paras.len() < 3 {
            continue;
        }
        tried += 1;
        // Change one word, delete a paragraph, insert a new one, rewrap everything, and change
        // the masthead date, the job number and the symbol suffix.
        let mut new = old.clone();
        let (first, second) = (paras[0], paras[1]);
        let word = change_a_word(&mut new.body[first]).expect("a plain word");
        new.body.remove(second);
        new.body.insert(
            second,
            Block::paragraph(
                "The delegation of Ruritania wishes to add this sentence about quails.",
            ),
        );
        rewrap(&mut new);
        new.date = Some(Date::new(2031, 7, 9).expect("date"));
        new.job_number = Some("31-99999 (E)".into());
        new.symbols = old
            .symbols
            .iter()
            .map(|s| format!("{}/Rev.1", s.as_str()).parse().expect("symbol"))
            .collect();
        let d = diff::diff(&old, &new);
        let fields: Vec<&str> = d.metadata.iter().map(|m| m.field.as_str()).collect();
        let mut want_fields = vec!["date", "job_number"];
        if !old.symbols.is_empty() {
            want_fields.insert(0, "symbols");
        }
        assert_eq!(fields, want_fields, "{name}");
        let mut ops: Vec<(Op, Vec<(WordOp, String)>)> = changed_words(&d);
        ops.sort_by_key(|(op, _)| op.as_str());
        assert_eq!(
            ops,
            [
                (Op::Delete, vec![]),
                (Op::Insert, vec![]),
                (
                    Op::Modify,
                    vec![
                        (WordOp::Delete, word.clone()),
                        (WordOp::Insert, "zzyzx".into())
                    ]
                ),
            ],
            "{name}: {:#?}",
            d.changes
        );
    }
    eprintln!("{tried} letters edited at the model level");
    // Every fifth corpus letter is tried; fewer than this means the test stopped testing.
    assert!(
        corpus().is_none() || tried >= 10,
        "only {tried} letters edited at the model level"
    );
}

#[test]
fn text_edits_on_corpus_letters_are_reported_exactly() {
    let mut tried = 0;
    for (name, text) in letters() {
        let old = read_text(&text, &name);
        let (Some(symbol), Some(date), Some(job)) =
            (old.symbols.first(), old.date, old.job_number.clone())
        else {
            continue;
        };
        tried += 1;
        // Masthead date, job number (first-page footer and running footers), symbol suffix
        // (masthead and running headers).
        let job_digits = job.trim_end_matches(" (E)").to_string();
        let edited = text
            .replacen(&date.to_prose(), "9 July 2031", 1)
            .replace(&job_digits, "31-99999")
            .replace(symbol.as_str(), &format!("{}/Rev.1", symbol.as_str()));
        let new = read_text(&edited, &name);
        let d = diff::diff(&old, &new);
        let fields: Vec<&str> = d.metadata.iter().map(|m| m.field.as_str()).collect();
        assert_eq!(
            fields,
            ["symbols", "date", "job_number"],
            "{name}: {:#?}",
            d.metadata
        );
        assert!(d.changes.is_empty(), "{name}: {:#?}", d.changes);
        assert_eq!(d.base_symbol.as_deref(), Some(symbol.base_str()));
    }
    eprintln!("{tried} letters edited as text");
    // Every fifth corpus letter is tried; fewer than this means the test stopped testing.
    assert!(
        corpus().is_none() || tried >= 10,
        "only {tried} letters edited as text"
    );
}

#[test]
fn moving_a_page_break_is_no_difference() {
    let mut tried = 0;
    for (name, text) in letters() {
        let old = read_text(&text, &name);
        // Move the second page's top (form feed, running header) three text lines later: the
        // page break now falls elsewhere inside the text.
        let Some(ff) = text.find('\u{c}') else {
            continue;
        };
        let lines: Vec<&str> = text[ff..].lines().collect();
        let header = lines
            .iter()
            .position(|l| !is_furniture(l.trim_start_matches('\u{c}')))
            .unwrap_or(lines.len());
        if lines.len() < header + 4 || !lines[header..header + 3].iter().all(|l| is_text_line(l)) {
            continue;
        }
        // Only where the lines moved lie inside one paragraph of the old document: the break
        // then falls mid-paragraph before and after.
        let inside = diff::normalize::tidy(&lines[header..header + 4].join(" "));
        if !diff::blocks::units(&old)
            .iter()
            .any(|u| u.kind == "paragraph" && u.text.contains(&inside))
        {
            continue;
        }
        tried += 1;
        let moved = [
            &lines[header..header + 3],
            &lines[..header],
            &lines[header + 3..],
        ]
        .concat()
        .join("\n");
        let edited = format!("{}{}\n", &text[..ff], moved);
        let new = read_text(&edited, &name);
        let d = diff::diff(&old, &new);
        assert!(
            d.changes.is_empty() && d.metadata.is_empty(),
            "{name}: {d:#?}"
        );
    }
    eprintln!("{tried} letters with a page break moved");
    // Every fifth corpus letter is tried; fewer than this means the test stopped testing.
    assert!(
        corpus().is_none() || tried >= 4,
        "only {tried} letters with a page break moved"
    );
}

/// A running header or footer line: blank, a symbol, a page counter (`2/3`) or a job number.
fn is_furniture(line: &str) -> bool {
    let l = line.trim();
    l.is_empty()
        || (!l.contains(' ') && l.contains('/'))
        || (l.len() <= 12 && l.chars().all(|c| c.is_ascii_digit() || "-()E ".contains(c)))
}

/// A line of a justified paragraph rather than page furniture, a table cell or a signature: long,
/// several words, at least one lowercase.
fn is_text_line(line: &str) -> bool {
    line.chars().count() >= 60
        && line.split_whitespace().count() >= 6
        && line
            .split_whitespace()
            .any(|w| w.chars().all(|c| c.is_lowercase()))
}

#[test]
fn real_revision_pair_reports_the_added_annex_and_metadata_only() {
    let Some(dir) = corpus() else { return };
    let read = |f: &str| {
        let text = std::fs::read_to_string(dir.join("revisions").join(f)).expect("revision file");
        read_text(&text, f)
    };
    let (old, new) = (read("S_2025_71.txt"), read("S_2025_71_Rev.1.txt"));
    let d = diff::diff(&old, &new);
    assert_eq!(d.base_symbol.as_deref(), Some("S/2025/71"));
    let fields: Vec<&str> = d.metadata.iter().map(|m| m.field.as_str()).collect();
    assert!(
        fields.contains(&"symbols") && fields.contains(&"job_number"),
        "{fields:?}"
    );
    assert!(
        !fields.contains(&"title"),
        "the reflowed title is no change: {:#?}",
        d.metadata
    );
    assert!(
        d.changes.iter().all(|c| c.kind != "signature"),
        "the reflowed signature is no change: {:#?}",
        d.changes
    );
    assert_reports_the_added_annex(&d);
}

/// `S/2025/71/Rev.1` adds an annex (its list of individuals and entities): the diff must insert it.
pub(crate) fn assert_reports_the_added_annex(d: &Diff) {
    let added = d.changes.iter().any(|c| {
        c.op == Op::Insert
            && c.new.as_deref().is_some_and(|t| {
                diff::normalize::key(t)
                    .contains("Listed individuals and entities linked to Hay'at Tahrir al-Sham")
            })
    });
    assert!(added, "the added annex is reported: {:#?}", d.changes);
}

#[test]
fn corrigendum_is_recognised() {
    let Some(dir) = corpus() else { return };
    let read = |f: &str| {
        let text = std::fs::read_to_string(dir.join("revisions").join(f)).expect("revision file");
        read_text(&text, f)
    };
    let (old, new) = (read("DP_2025_14.txt"), read("DP_2025_14_Corr.1.txt"));
    let d = diff::diff(&old, &new);
    let c = d.corrigendum.expect("recognised as a corrigendum");
    assert!(c.by_symbol);
    assert!(
        c.instructions
            .iter()
            .any(|i| i.text.contains("in several countries and territories")),
        "{c:#?}"
    );
    assert!(d.changes.is_empty());
}

/// Each revision pair of a folder: `(old name, new name)`, the new one's stem being the old one's
/// with a suffix (`_Rev.1`, `_Corr.1`).
pub(crate) fn revision_pairs(dir: &std::path::Path) -> Vec<(PathBuf, PathBuf)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("revisions folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let stem = |p: &PathBuf| {
        p.file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    let mut pairs = Vec::new();
    for old in &files {
        for new in &files {
            let (o, n) = (stem(old), stem(new));
            let suffix = n.strip_prefix(&o).and_then(|s| s.strip_prefix('_'));
            if suffix.is_some_and(|s| ["Rev.", "Corr.", "Add."].iter().any(|k| s.starts_with(k)))
                && old.extension() == new.extension()
            {
                pairs.push((old.clone(), new.clone()));
            }
        }
    }
    pairs
}

/// Page furniture as a changed word or block: a job number (`25-12653`), a page counter (`2/26`,
/// out of one of the documents' page counts), or one of the two documents' own symbols standing
/// bare (the running header); bidirectional controls and surrounding punctuation aside.
fn is_furniture_word(word: &str, symbols: &[String], page_counts: &[usize]) -> bool {
    let w: String = word
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    // A symbol cited in brackets, `(E/ICEF/2025/11)`, is prose; a running header stands bare.
    let header = symbols.iter().any(|s| s == w.trim());
    let w = w.trim_matches(|c: char| c.is_whitespace() || "()[]{}.,;:".contains(c));
    let b = w.as_bytes();
    let job = b.len() == 8 && b[2] == b'-' && w.chars().filter(char::is_ascii_digit).count() == 7;
    let counter = w.split_once('/').is_some_and(|(a, z)| {
        let (a, z) = (a.parse::<usize>(), z.parse::<usize>());
        matches!((a, z), (Ok(a), Ok(z)) if a >= 1 && a <= z && page_counts.contains(&z))
    });
    job || counter || header
}

/// Page furniture never reaches a diff: over every real revision pair, in every form the corpus
/// holds them (pdftotext text, `-layout` text, Word-converted text), no inserted, deleted or
/// changed text is a job number, a page counter or a running header.
#[test]
fn no_revision_diff_shows_page_furniture() {
    let Some(dir) = corpus() else { return };
    let mut tried = 0;
    let mut leaks = Vec::new();
    for folder in ["revisions", "revisions-layout", "revisions-pdf"] {
        for (old, new) in revision_pairs(&dir.join(folder)) {
            let read = |p: &PathBuf| {
                let bytes = std::fs::read(p).expect("revision file");
                match convert::read_named(p, &bytes, &ReadOptions::default()) {
                    Ok(r) => r.document,
                    Err(e) => panic!("{}: {e}", p.display()),
                }
            };
            // Pages of the extracted text (form feeds); the PDFs' are those of their text.
            let pages = |p: &PathBuf| {
                let text = dir
                    .join("revisions")
                    .join(p.with_extension("txt").file_name().unwrap_or_default());
                let text = std::fs::read(text)
                    .or_else(|_| std::fs::read(p))
                    .unwrap_or_default();
                text.iter().filter(|&&b| b == b'\x0c').count() + 1
            };
            let page_counts = [pages(&old), pages(&new)];
            let (a, b) = (read(&old), read(&new));
            let symbols: Vec<String> = a
                .symbols
                .iter()
                .chain(&b.symbols)
                .map(|s| s.to_string())
                .collect();
            let d = diff::diff(&a, &b);
            for c in &d.changes {
                let mut words: Vec<String> = c
                    .words
                    .iter()
                    .filter(|w| w.op != WordOp::Equal)
                    .map(|w| w.text.clone())
                    .collect();
                if c.op != Op::Modify {
                    // A whole block inserted or deleted that is nothing but furniture.
                    let text = c.new.clone().or_else(|| c.old.clone()).unwrap_or_default();
                    if text.split_whitespace().count() == 1 {
                        words.push(text);
                    }
                }
                // A table lists documents by symbol: a symbol there is a cell, not a header.
                let symbols: &[String] = if c.kind == "table" { &[] } else { &symbols };
                for w in words.iter().flat_map(|w| w.split_whitespace()) {
                    if is_furniture_word(w, symbols, &page_counts) {
                        let name = new.file_name().unwrap_or_default().to_string_lossy();
                        leaks.push(format!(
                            "{folder}/{name}: {w:?} in {:?} {} at {}",
                            c.op, c.kind, c.location
                        ));
                    }
                }
            }
            tried += 1;
        }
    }
    assert!(tried >= 21, "{tried} revision pairs tried");
    assert!(
        leaks.is_empty(),
        "page furniture in diffs:\n{}",
        leaks.join("\n")
    );
}
