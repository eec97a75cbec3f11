//! The binary converts JSON to canonical text and back without loss, and names the file, line
//! and column of an error in canonical text.

use crate::text_canonical_support;

use std::path::Path;
use std::process::{Command, Output};

fn unletters(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

#[test]
fn json_to_text_to_json_is_lossless() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let json_in = dir.path().join("letter.json");
    let text = dir.path().join("letter.txt");
    let json_out = dir.path().join("back.json");
    let original = unletters::json::write(&text_canonical_support::synthetic::letter()).unwrap();
    std::fs::write(&json_in, &original).expect("written");

    let out = unletters(&["convert", arg(&json_in), "--to", "text", "-o", arg(&text)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let canonical = std::fs::read_to_string(&text).expect("the text was written");
    assert!(canonical.starts_with("unletters-text/1\n"), "{canonical}");

    let out = unletters(&["convert", arg(&text), "--to", "json", "-o", arg(&json_out)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&json_out).expect("written"),
        original
    );

    // And to standard output, read again from the text: the same text.
    let out = unletters(&["convert", arg(&text), "--to", "text"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), canonical);
}

#[test]
fn errors_in_canonical_text_name_the_position() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        "unletters-text/1\n\nUnited Nations\n\n___\n\nLetter\n\n1. Text [x]{bogus}\n",
    )
    .expect("written");
    let out = unletters(&["convert", arg(&bad), "--to", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt:9:9: error:"), "{err}");
    assert!(err.contains("bogus"), "{err}");
    assert!(out.stdout.is_empty());
}
