//! Symbols on the real documents of `../shared/corpus`: every symbol-looking token of every file
//! (mastheads, running headers, citations) parses, displays back in normal form, and is found in
//! running text by `find_symbols`; slashed tokens of other bodies are not; every masthead symbol
//! of `SOURCES.tsv` parses and names its file.
//!
//! When env `CI` is set and the corpus is missing, these tests fail rather than skip.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use unletters::Symbol;
use unletters::symbol::{find_symbols, parse_joint, split_joint};

/// The bodies of the UN-system symbols the corpus cites, written down from reading it; anything
/// else before a slash (`RDF/M23`, `NV/ODG-636/24`, `SC/15942`, `GOV/2025/8`) is not a UN document
/// symbol.
const UN_BODIES: &[&str] = &[
    "A", "S", "E", "DP", "TPNW", "ST", "FCCC", "CBD", "ECE", "TD", "UNW", "CD",
];

/// Tokens the extraction damaged: two symbols run together, or a stray word after one. They must
/// not parse as one symbol, and `find_symbols` must still recover the symbols in them.
const DAMAGED: &[(&str, &[&str])] = &[
    (
        "A/HRC/59/21E/CN.6/2025/6",
        &["A/HRC/59/21", "E/CN.6/2025/6"],
    ),
    ("A/55/432S/2000/921", &["A/55/432", "S/2000/921"]),
    ("A/hrc/RES/27/31/corr", &["A/HRC/RES/27/31"]),
    // `E/CN.4/RES/ 1993/2A`, with a space: only the series is left to recover.
    ("E/CN.4/RES", &["E/CN.4"]),
];

fn corpus() -> Option<PathBuf> {
    crate::common::shared::shared("corpus")
}

/// Every text file of the corpus, with Markdown's backslash escapes removed (`E/CN\.6` is
/// `E/CN.6` as a reader sees it).
fn corpus_texts(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for sub in [
        "letters",
        "letters-layout",
        "revisions",
        "revisions-layout",
        "word",
    ] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
            .unwrap_or_else(|e| panic!("{sub}: {e}"))
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
            .collect();
        paths.sort();
        for path in paths {
            let raw = std::fs::read_to_string(&path).expect("corpus files are UTF-8");
            let text = if raw.contains("\\.") || raw.contains("\\-") {
                unescape_markdown(&raw)
            } else {
                raw
            };
            out.push((path, text));
        }
    }
    assert!(out.len() > 300, "only {} corpus files", out.len());
    out
}

fn unescape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

fn symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '*' | '-' | '\u{2010}'..='\u{2013}')
}

/// The broad scan: maximal runs of symbol characters that contain a slash, start with a capital
/// letter and have a digit after the slash; trailing full stops, dashes and bold markers dropped.
/// Returns byte offset and token.
fn slashed_tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (symbol_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let mut token = &text[s..i];
                // A run of stars is bold, one star a reissue.
                while token.ends_with("**") {
                    token = &token[..token.len() - 2];
                }
                let token = token.trim_end_matches(['.', '-', '/', '\u{2013}']);
                let lead = token.trim_start_matches('*');
                let offset = s + (token.len() - lead.len());
                let Some(slash) = lead.find('/') else {
                    continue;
                };
                if lead.starts_with(|c: char| c.is_ascii_uppercase())
                    && lead[slash..].contains(|c: char| c.is_ascii_digit())
                {
                    out.push((offset, lead));
                }
            }
            _ => {}
        }
    }
    out
}

fn body_of(token: &str) -> &str {
    token.split('/').next().unwrap_or_default()
}

/// The normal form a printed symbol should display as, but for case (`hrc` -> `HRC`, `rev` -> `Rev`).
fn dashes_normalised(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\u{2010}'..='\u{2013}') {
                '-'
            } else {
                c
            }
        })
        .collect()
}

#[test]
fn every_symbol_in_the_corpus_parses_and_is_found() {
    let Some(dir) = corpus() else { return };
    let mut distinct = BTreeSet::new();
    let mut qualified = BTreeSet::new();
    let mut damaged_seen = BTreeSet::new();
    let (mut checked, mut foreign) = (0, 0);
    for (path, text) in corpus_texts(&dir) {
        let name = path.display();
        let found = find_symbols(&text);
        let starts: BTreeSet<usize> = found.iter().map(|(r, _)| r.start).collect();
        qualified.extend(
            found
                .iter()
                .filter(|(_, s)| s.qualifier().is_some())
                .map(|(_, s)| s.to_string()),
        );
        for (offset, token) in slashed_tokens(&text) {
            if !UN_BODIES.contains(&body_of(token)) {
                // Not a UN symbol: `find_symbols` must leave it alone.
                foreign += 1;
                assert!(
                    find_symbols(token).is_empty(),
                    "{name}: found a symbol in {token:?}"
                );
                assert!(
                    !starts.contains(&offset),
                    "{name}: {token:?} taken for a symbol"
                );
                continue;
            }
            checked += 1;
            assert!(
                starts.contains(&offset),
                "{name}:{offset}: {token:?} not found in the running text"
            );
            let in_token = find_symbols(token);
            assert!(
                in_token.first().is_some_and(|(r, _)| r.start == 0),
                "{name}: {token:?} gives {in_token:?}"
            );
            for (range, symbol) in &in_token {
                let printed = dashes_normalised(&token[range.clone()]);
                let shown = symbol.to_string();
                assert!(
                    shown.eq_ignore_ascii_case(&printed),
                    "{name}: {printed:?} displays as {shown:?}"
                );
                assert_eq!(Symbol::parse(&shown).as_ref(), Ok(symbol), "{shown}");
                distinct.insert(shown);
            }
            match DAMAGED.iter().find(|(t, _)| *t == token) {
                Some((_, parts)) => {
                    damaged_seen.insert(token.to_string());
                    assert!(Symbol::parse(token).is_err(), "{token} parsed whole");
                    let shown: Vec<String> = in_token.iter().map(|(_, s)| s.to_string()).collect();
                    assert_eq!(shown, *parts, "{name}: {token}");
                }
                None => {
                    for part in split_joint(token) {
                        if let Err(e) = Symbol::parse(part) {
                            panic!("{name}: {e}");
                        }
                    }
                    assert_eq!(in_token.len(), split_joint(token).len(), "{name}: {token}");
                }
            }
        }
    }
    eprintln!(
        "{checked} symbol tokens checked ({} distinct symbols), {foreign} slashed tokens of other bodies left alone",
        distinct.len()
    );
    assert!(
        distinct.len() > 500,
        "only {} distinct symbols",
        distinct.len()
    );
    for series in [
        "A/",
        "S/",
        "E/",
        "A/HRC/",
        "A/ES-10/",
        "A/AC.292/",
        "E/CN.6/",
        "DP/",
        "E/ICEF/",
        "TPNW/MSP/",
        "S/PRST/",
        "A/RES/",
    ] {
        assert!(
            distinct
                .iter()
                .any(|s| Symbol::parse(s).is_ok_and(|s| s.series() == series)),
            "no {series} symbol in the corpus"
        );
    }
}

#[test]
fn masthead_symbols_parse_and_name_their_files() {
    let Some(dir) = corpus() else { return };
    let sources = std::fs::read_to_string(dir.join("SOURCES.tsv")).expect("SOURCES.tsv");
    let (mut rows, mut pairs) = (0, 0);
    for line in sources.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(file), Some(printed)) = (cols.next(), cols.next()) else {
            panic!("a short row: {line:?}");
        };
        let symbols = parse_joint(printed).unwrap_or_else(|e| panic!("{file}: {e}"));
        rows += 1;
        // The corpus names each file after its symbols, as `file_stem` does.
        let stem = symbols
            .iter()
            .map(Symbol::file_stem)
            .collect::<Vec<_>>()
            .join("-");
        let file_stem = Path::new(file).file_stem().and_then(|s| s.to_str());
        assert_eq!(Some(stem.as_str()), file_stem, "{printed}");
        // A text file prints its symbols (masthead, running headers): find them there.
        if file.ends_with(".txt") {
            let text = std::fs::read_to_string(dir.join(file)).expect("readable");
            let found: BTreeSet<String> = find_symbols(&text)
                .into_iter()
                .map(|(_, s)| s.with_reissued(false).to_string())
                .collect();
            for s in &symbols {
                assert!(found.contains(s.as_str()), "{file}: {s} not found");
            }
        }
        // Revision pairs (`revision of S/2025/71`, `original; revised by S/2025/71/Rev.1`) are
        // versions of one base symbol, derived in the direction the note says.
        if let Some(note) = line.split('\t').nth(10).filter(|p| !p.is_empty()) {
            let partners = find_symbols(note);
            let [(_, partner)] = partners.as_slice() else {
                panic!("{file}: {note:?} gives {partners:?}");
            };
            let own = &symbols[0];
            assert!(own.same_base(partner), "{own} / {partner}");
            if note.starts_with("original") {
                assert!(partner.derives_from(own), "{note}");
            } else {
                assert!(own.derives_from(partner), "{own}: {note}");
            }
            pairs += 1;
        }
    }
    assert_eq!(pairs, 16, "revision pairs");
    assert!(rows >= 179, "{rows} rows");
}

#[test]
fn the_broad_scan_sees_what_it_should() {
    let tokens: Vec<&str> = slashed_tokens("(see A/77/801), 2/3 **S/2025/40** HIV/AIDS A/79/843*.")
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(tokens, ["A/77/801", "S/2025/40", "A/79/843*"]);
}
