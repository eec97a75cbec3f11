//! Round trips through the canonical text on every real document in `../shared/corpus`
//! (letters, revisions, Word text; default and `-layout` extraction): `doc = text::read(file, &Default::default()).map(|r| (r.document, r.warnings))`,
//! then `text::read(text::write(doc), &Default::default()).map(|r| (r.document, r.warnings)) == doc` and `text::write` is idempotent.
//!
//! While the extracted-text reader is not built it answers `Unsupported` for every file; the
//! tests then say so and pass. Once it reads a file, any loss in the round trip fails the test.
//! A file the reader rejects is reported, not failed here: reading real text is the reader's
//! own tests' job, the round trip is this file's.

use std::path::{Path, PathBuf};

use unletters::text;
use unletters::{Error, convert};

fn corpus() -> Option<PathBuf> {
    crate::common::shared::shared("corpus")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// What became of one file.
enum Outcome {
    RoundTripped,
    Unsupported(String),
    Rejected(String),
    Lost(String),
}

fn round_trip(path: &Path) -> Outcome {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let input = match convert::decode(&bytes) {
        Ok(s) => s,
        Err(e) => return Outcome::Rejected(e.to_string()),
    };
    let doc = match text::read(input, &Default::default()).map(|r| (r.document, r.warnings)) {
        Ok((doc, _)) => doc,
        Err(e @ (Error::TooDeep { .. } | Error::TooLarge { .. })) => {
            return Outcome::Unsupported(e.to_string());
        }
        Err(e) => return Outcome::Rejected(e.to_string()),
    };
    let written = match text::write(&doc) {
        Ok(w) => w,
        Err(e) => return Outcome::Lost(format!("the writer failed: {e}")),
    };
    let again = match text::read(&written, &Default::default()).map(|r| (r.document, r.warnings)) {
        Ok((again, _)) => again,
        Err(e) => return Outcome::Lost(format!("the canonical text does not read back: {e}")),
    };
    if again != doc {
        return Outcome::Lost(first_difference(&doc, &again));
    }
    match text::write(&again) {
        Ok(w) if w == written => Outcome::RoundTripped,
        Ok(_) => Outcome::Lost("the canonical writer is not idempotent".into()),
        Err(e) => Outcome::Lost(format!("the writer failed the second time: {e}")),
    }
}

/// The first line where the JSON of the two documents differs, to say what was lost.
fn first_difference(want: &unletters::Document, got: &unletters::Document) -> String {
    let (w, g) = (
        unletters::json::write(want).unwrap(),
        unletters::json::write(got).unwrap(),
    );
    let at = w
        .lines()
        .zip(g.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    format!(
        "read(write(doc)) != doc; first difference at JSON line {}:\n  want: {}\n  got:  {}",
        at + 1,
        w.lines().nth(at).unwrap_or_default(),
        g.lines().nth(at).unwrap_or_default()
    )
}

fn check(dir: &str) {
    let Some(root) = corpus() else { return };
    let files = files(&root.join(dir));
    assert!(!files.is_empty(), "no files in corpus/{dir}");
    let (mut ok, mut unsupported, mut rejected, mut lost) = (0, Vec::new(), Vec::new(), Vec::new());
    for path in &files {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        match round_trip(path) {
            Outcome::RoundTripped => ok += 1,
            Outcome::Unsupported(m) => unsupported.push(format!("{name}: {m}")),
            Outcome::Rejected(m) => rejected.push(format!("{name}: {m}")),
            Outcome::Lost(m) => lost.push(format!("{name}: {m}")),
        }
    }
    eprintln!(
        "corpus/{dir}: {} files, {ok} round-tripped, {} unsupported by the reader, {} rejected by the reader, {} lost in the round trip",
        files.len(),
        unsupported.len(),
        rejected.len(),
        lost.len()
    );
    for r in rejected.iter().take(10) {
        eprintln!("  reader rejected {r}");
    }
    if !unsupported.is_empty() {
        eprintln!("SKIPPED {} files: {}", unsupported.len(), unsupported[0]);
    }
    // Every file is a real document: each must read, and every one read must round-trip.
    assert!(
        rejected.is_empty() && unsupported.is_empty(),
        "the reader refused {} of {} files:\n{}",
        rejected.len() + unsupported.len(),
        files.len(),
        [rejected.as_slice(), unsupported.as_slice()]
            .concat()
            .join("\n")
    );
    assert_eq!(ok + lost.len(), files.len());
    assert!(
        lost.is_empty(),
        "{} of {} files lose data through the canonical text:\n{}",
        lost.len(),
        files.len(),
        lost.join("\n")
    );
}

#[test]
fn letters_round_trip() {
    check("letters");
}

#[test]
fn letters_layout_round_trip() {
    check("letters-layout");
}

#[test]
fn revisions_round_trip() {
    check("revisions");
}

#[test]
fn revisions_layout_round_trip() {
    check("revisions-layout");
}

#[test]
fn word_round_trip() {
    check("word");
}
