//! `unletters diff` from the command line: each output format on the sample revision pair in
//! `tests/fixtures/diff/` (a synthetic letter and its revision, written for these tests), exit
//! codes, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(name)
}

fn unletters(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
        .current_dir(fixture(""))
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn terminal_is_the_default_and_plain_when_piped() {
    let o = unletters(&["diff", "old.json", "new.json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
    insta::assert_snapshot!("terminal", out);
}

#[test]
fn terminal_in_colour_on_request() {
    let o = unletters(&["diff", "old.json", "new.json", "--color", "always"]);
    let out = stdout(&o);
    assert!(
        out.contains("\x1b[31;9m12\x1b[0m\x1b[32;4m14\x1b[0m"),
        "{out}"
    );
}

#[test]
fn json_report_matches_its_schema() {
    let o = unletters(&["diff", "old.json", "new.json", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/diff.schema.json"),
        )
        .expect("schema committed"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    insta::assert_snapshot!("json", stdout(&o));
}

#[test]
fn unified_is_a_patch_of_whole_paragraph_lines() {
    let o = unletters(&["diff", "old.json", "new.json", "--format", "unified"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("--- old.json\n+++ new.json\n@@ "), "{out}");
    insta::assert_snapshot!("unified", out);
}

#[test]
fn html_is_one_self_contained_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("report.html");
    let o = unletters(&[
        "diff",
        "old.json",
        "new.json",
        "--format",
        "html",
        "-o",
        target.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = std::fs::read_to_string(&target).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    assert!(html.contains("@media print"));
    assert!(html.contains("<del>12</del>") && html.contains("<ins>14</ins>"));
    insta::assert_snapshot!("html", html);
}

#[test]
fn same_file_has_no_differences() {
    for format in ["terminal", "unified", "json", "html"] {
        let o = unletters(&["diff", "old.json", "old.json", "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}");
    }
    let o = unletters(&["diff", "old.json", "old.json", "--format", "unified"]);
    assert!(o.stdout.is_empty());
}

#[test]
fn different_documents_are_refused_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other.json");
    let text = std::fs::read_to_string(fixture("new.json"))
        .expect("fixture")
        .replace("S/2030/118/Rev.1", "S/2030/119");
    std::fs::write(&other, text).expect("written");
    let other = other.to_str().expect("UTF-8 path");
    let o = unletters(&["diff", "old.json", other]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("not versions of the same document: OLD is S/2030/118 and NEW is S/2030/119")
            && err.contains("--force"),
        "{err}"
    );
    let o = unletters(&["diff", "old.json", other, "--force"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").expect("written");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"format\": \"unletters/1\",\n \"symbols\": [1]}").expect("written");
    let cases = [
        (empty.to_str().expect("path"), "the input is empty"),
        (
            broken.to_str().expect("path"),
            "broken.json:1:1: error: \"organs\" is a required",
        ),
        ("missing.json", "missing.json"),
    ];
    for (bad, expected) in cases {
        for (a, b) in [(bad, "old.json"), ("old.json", bad)] {
            let o = unletters(&["diff", a, b]);
            assert_eq!(o.status.code(), Some(2), "{a} {b}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains(expected) && err.contains("error"), "{err}");
            assert!(o.stdout.is_empty());
        }
    }
}

#[test]
fn a_side_over_the_size_limit_is_refused_unread() {
    let o = unletters(&["diff", "old.json", "new.json", "--max-input-size", "100"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("old.json"), "{err}");
    assert!(err.contains("--max-input-size"), "{err}");
    let raised = unletters(&["diff", "old.json", "new.json", "--max-input-size", "1M"]);
    assert_eq!(raised.status.code(), Some(1));
}

#[test]
fn both_sides_from_standard_input_is_a_usage_error() {
    let o = Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(["diff", "-", "-"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("only one side can be standard input"), "{err}");
}
