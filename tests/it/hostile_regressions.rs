//! Inputs that once crashed or hung a reader (found by the fuzz targets in `fuzz/`) and small
//! hostile inputs written by hand, kept in `tests/fixtures/hostile/`. Each goes through every reader
//! and must come back as a value or a clean error, never a panic; what a reader accepts must
//! survive the same round trips the fuzz targets check.
//!
//! A fixture's name says what it is: `<target>-<what it broke>.<ext>`.

use std::path::PathBuf;

use unletters::Format;
use unletters::convert::{self, ReadOptions};
use unletters::symbol::{self, Symbol};

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/hostile exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Reads `bytes` with every reader and checks the round trip of what is accepted.
fn check(name: &str, bytes: &[u8]) {
    for from in [
        None,
        Some(Format::Json),
        Some(Format::Text),
        Some(Format::Akn),
    ] {
        let options = ReadOptions {
            from,
            ..Default::default()
        };
        let Ok(read) = convert::read(bytes, &options) else {
            continue;
        };
        let doc = read.document;
        // JSON is the lossless format every document must survive.
        let json = convert::write(&doc, Format::Json).expect("JSON writing cannot fail");
        let back = convert::read(json.as_bytes(), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: JSON written does not read back: {e}"));
        assert_eq!(back.document, doc, "{name}: JSON round trip ({from:?})");
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = symbol::parse_joint(text);
        for (range, found) in symbol::find_symbols(text) {
            assert!(text.get(range).is_some(), "{name}: {found} off a boundary");
        }
        if let Ok(sym) = Symbol::parse(text) {
            assert_eq!(Symbol::parse(&sym.to_string()).ok(), Some(sym), "{name}");
        }
    }
}

#[test]
fn every_hostile_fixture_reads_cleanly() {
    let files = fixtures();
    assert!(!files.is_empty(), "no fixtures in tests/fixtures/hostile");
    for path in files {
        let bytes = std::fs::read(&path).expect("read a fixture");
        check(&path.display().to_string(), &bytes);
    }
}
