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

/// `pdf-glyph-far-off-the-page.pdf` (the fuzz target's timeout, from the synthetic seed letter:
/// a `Widths` entry of 50,000,500 and a degenerate matrix) placed glyphs some 500,000 points to
/// the right, and the layout padded their lines to that column with spaces: lines of 100,000
/// characters that the reader's stages walked many times (0.3 s for a 2 KB file in release, over
/// 10 s under the fuzzer). A column is now capped far beyond any page.
#[test]
fn a_glyph_far_off_the_page_does_not_make_a_huge_line() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile/pdf-glyph-far-off-the-page.pdf");
    let bytes = std::fs::read(&path).expect("read the fixture");
    let lines = unletters::pdf::lines_of(&bytes).expect("the file's lines are read");
    assert!(!lines.is_empty());
    let longest = lines.iter().map(|l| l.text.len()).max().unwrap_or(0);
    // 2,000 columns at most, plus the glyphs' own text and three spaces per column gap.
    assert!(longest < 3_000, "a line of {longest} bytes");
    assert!(lines.iter().all(|l| l.indent <= 2_000 && l.col <= 2_001));
}
