//! The `unletters` binary as users run it: help texts, exit codes, messages naming the file and
//! position, standard input and output, atomic `-o`, and `--symbol`.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use unletters::{Document, json};

fn unletters(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A run that fails before reading its input closes the pipe early; that is its right.
    let _ = child.stdin.take().expect("piped").write_all(input);
    child.wait_with_output().expect("the binary finishes")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// A folder holding `letter.json` (the full synthetic letter) and the path to it.
fn json_input() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("letter.json");
    std::fs::write(&path, json::write(&common::full_letter()).unwrap()).expect("written");
    (dir, path)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("listable")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn help_shows_examples() {
    let out = unletters(&["--help"]);
    assert_eq!(code(&out), 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Examples:") && text.contains("unletters convert "),
        "{text}"
    );
    assert!(text.contains("Exit codes"), "{text}");
    for sub in ["convert", "validate", "diff"] {
        let out = unletters(&[sub, "--help"]);
        assert_eq!(code(&out), 0, "{sub}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Examples:"), "{sub}: {text}");
        assert!(
            text.contains(&format!("  unletters {sub} ")),
            "{sub}: {text}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["convert"],
        &["convert", "x.txt"],
        &["convert", "x.txt", "--to", "pdf"],
        &["convert", "x.txt", "--to", "json", "--from", "docx"],
        &["convert", "x.txt", "--to", "json", "--from", "html"],
        &["convert", "x.txt", "--to", "json", "--bogus"],
    ] {
        let out = unletters(args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = unletters(&["convert", "x.txt", "--to", "pdf"]);
    assert!(
        stderr(&out).contains("json, text, akn or html"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_input_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-letter.txt");
    let out = unletters(&["convert", path_str(&missing), "--to", "json"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no-such-letter.txt"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn broken_json_exits_1_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(
        &path,
        "{\n  \"format\": \"unletters/1\",\n  \"symbols\": [}\n",
    )
    .unwrap();
    let out = unletters(&["convert", path_str(&path), "--to", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let message = stderr(&out);
    let expected = format!("{}:3:15: error: ", path.display());
    assert!(message.starts_with(&expected), "{message}");
    assert!(out.stdout.is_empty());
}

#[test]
fn wrong_json_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "types.json",
            r#"{"format": "unletters/1", "symbols": "S/2025/71"}"#,
        ),
        ("unknown.json", r#"{"format": "unletters/1", "colour": 1}"#),
        (
            "version.json",
            r#"{"format": "unletters/9", "symbols": []}"#,
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = unletters(&["convert", path_str(&path), "--to", "json"]);
        assert_eq!(code(&out), 1, "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(name), "{name}: {}", stderr(&out));
    }
}

#[test]
fn invalid_utf8_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"\xEF\xBB\xBFA/80/1\nCaf\xE9\n").unwrap();
    let out = unletters(&["convert", path_str(&path), "--to", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.starts_with(&format!(
            "{}:2:4: error: invalid UTF-8 at byte 13",
            path.display()
        )),
        "{message}"
    );
}

#[test]
fn stdin_to_stdout() {
    let (_dir, path) = json_input();
    let input = std::fs::read(&path).unwrap();
    let out = with_stdin(&["convert", "-", "--to", "json"], &input);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        out.stdout, input,
        "JSON -> JSON is the identity on written JSON"
    );
    let out = with_stdin(&["convert", "-", "--to", "json", "-o", "-"], &input);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(out.stdout, input);
}

#[test]
fn output_file_is_written_atomically_and_input_untouched() {
    let (dir, input) = json_input();
    let before = std::fs::read(&input).unwrap();
    let target = dir.path().join("out.json");
    std::fs::write(&target, "old contents").unwrap();
    let out = unletters(&[
        "convert",
        path_str(&input),
        "--to",
        "json",
        "-o",
        path_str(&target),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "data goes to -o, not stdout");
    assert_eq!(std::fs::read(&target).unwrap(), before);
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(
        names_in(dir.path()),
        ["letter.json", "out.json"],
        "no temporary file left"
    );

    // A failing conversion leaves an existing output as it was, and no temporary file.
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{").unwrap();
    let out = unletters(&[
        "convert",
        path_str(&broken),
        "--to",
        "json",
        "-o",
        path_str(&target),
    ]);
    assert_eq!(code(&out), 1);
    assert_eq!(std::fs::read(&target).unwrap(), before);
    assert_eq!(
        names_in(dir.path()),
        ["broken.json", "letter.json", "out.json"]
    );
}

#[test]
fn output_over_the_input_is_refused() {
    let (dir, input) = json_input();
    let before = std::fs::read(&input).unwrap();
    let same = dir.path().join(".").join("letter.json");
    let out = unletters(&[
        "convert",
        path_str(&input),
        "--to",
        "json",
        "-o",
        path_str(&same),
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("input"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn unwritable_output_exits_2() {
    let (dir, input) = json_input();
    let target = dir.path().join("no-such-folder").join("out.json");
    let out = unletters(&[
        "convert",
        path_str(&input),
        "--to",
        "json",
        "-o",
        path_str(&target),
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("out.json"), "{}", stderr(&out));
    assert_eq!(names_in(dir.path()), ["letter.json"]);
}

#[test]
fn symbol_option_supplies_missing_symbols() {
    let doc = Document {
        symbols: Vec::new(),
        ..common::full_letter()
    };
    let input = json::write(&doc).unwrap();
    let out = with_stdin(
        &[
            "convert",
            "-",
            "--to",
            "json",
            "--symbol",
            "A/80/912\u{2013}S/2025/777",
        ],
        input.as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let read = json::read(&String::from_utf8_lossy(&out.stdout), &Default::default())
        .map(|r| r.document)
        .expect("JSON out");
    let symbols: Vec<String> = read.symbols.iter().map(ToString::to_string).collect();
    assert_eq!(symbols, ["A/80/912", "S/2025/777"]);

    // Repeated, and normalised.
    let out = with_stdin(
        &[
            "convert",
            "-",
            "--to",
            "json",
            "--symbol",
            "a/80/912",
            "--symbol",
            "S/2025/777/rev.1",
        ],
        input.as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let read = json::read(&String::from_utf8_lossy(&out.stdout), &Default::default())
        .map(|r| r.document)
        .unwrap();
    let symbols: Vec<String> = read.symbols.iter().map(ToString::to_string).collect();
    assert_eq!(symbols, ["A/80/912", "S/2025/777/Rev.1"]);

    // Without --symbol the missing symbol is a warning, not an error.
    let out = with_stdin(&["convert", "-", "--to", "json"], input.as_bytes());
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("warning: ") && stderr(&out).contains("--symbol"));

    // The input's own symbols win over --symbol.
    let full = json::write(&common::full_letter()).unwrap();
    let out = with_stdin(
        &["convert", "-", "--to", "json", "--symbol", "S/1/1"],
        full.as_bytes(),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), full);

    let out = with_stdin(
        &["convert", "-", "--to", "json", "--symbol", "HIV/AIDS"],
        input.as_bytes(),
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--symbol") && stderr(&out).contains("HIV/AIDS"));
    assert!(out.stdout.is_empty());
}

/// Every reader and writer pairs with every other: an input read as its own format (or
/// recognised) converts to each target; read as another format it is invalid input (exit 1,
/// nothing written), never a crash.
#[test]
fn every_conversion_succeeds_or_reports_invalid_input() {
    let (dir, json_path) = json_input();
    let text_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-letter.txt");
    for (input, own) in [(&json_path, "json"), (&text_path, "text")] {
        for from in [None, Some("json"), Some("text"), Some("akn")] {
            for to in ["json", "text", "akn"] {
                let target = dir.path().join(format!("out.{to}"));
                let _ = std::fs::remove_file(&target);
                let mut args = vec![
                    "convert",
                    path_str(input),
                    "--to",
                    to,
                    "-o",
                    path_str(&target),
                ];
                if let Some(f) = from {
                    args.extend(["--from", f]);
                }
                let out = unletters(&args);
                let message = stderr(&out);
                assert!(!message.contains("panicked"), "{args:?}: {message}");
                if from.is_none_or(|f| f == own) {
                    assert_eq!(code(&out), 0, "{args:?}: {message}");
                    assert!(target.exists(), "{args:?}");
                } else {
                    assert_eq!(code(&out), 1, "{args:?}: {message}");
                    assert!(message.contains("error: "), "{args:?}: {message}");
                    assert!(!target.exists(), "{args:?}");
                }
            }
        }
    }
}

/// README's main job: the sample letter converts to schema-valid JSON with its joint symbol.
#[test]
fn readme_main_job_on_the_sample_letter() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-letter.txt");
    let out = unletters(&["convert", path_str(&sample), "--to", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8 JSON");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let errors = unletters::validate::json_schema::errors(&value);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        value["symbols"],
        serde_json::json!(["A/80/912", "S/2025/777"])
    );
}

/// Errors name what failed: the output folder that is missing, not the input read from.
#[test]
fn a_missing_output_folder_is_named_not_the_input() {
    let o = unletters(&[
        "convert",
        "tests/fixtures/sample-letter.txt",
        "--to",
        "json",
        "-o",
        "no-such-folder/x.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("no-such-folder/x.json: error: "), "{err}");
    assert!(!err.contains("sample-letter"), "{err}");
}

/// A symbol supplied for a letter that prints its own is not used, and a warning says so.
#[test]
fn a_symbol_the_letter_contradicts_is_not_used_and_said() {
    let o = unletters(&[
        "convert",
        "tests/fixtures/sample-letter.txt",
        "--to",
        "json",
        "--symbol",
        "S/1/2",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--symbol S/1/2 not used"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["symbols"][0], "A/80/912");
}
