//! `unletters convert PATH... --out-dir DIR`: the folder walk, naming (hostile symbols too), the
//! report, failures among good files, interrupted-run recovery and determinism across thread
//! counts. Inputs are synthetic letters made here with the model and written as JSON, and the
//! synthetic sample letter as extracted text, canonical text and Akoma Ntoso.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use unletters::model::{Block, Document, Inline, Kind, Signature};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
}

/// A synthetic letter in the genre, made distinct by `n`.
fn letter(n: usize, symbol: &str) -> Document {
    Document {
        symbols: unletters::symbol::parse_joint(symbol).expect("test symbol"),
        organs: vec!["Security Council".into()],
        distribution: Some("General".into()),
        kind: Kind::Letter,
        title: format!(
            "Letter dated {} March 2025 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General",
            n % 28 + 1
        ),
        sender: Some("the Permanent Representative of Ruritania to the United Nations".into()),
        addressees: vec!["Secretary-General".into()],
        body: vec![Block::Paragraph {
            num: None,
            content: vec![Inline::Text {
                text: format!("I have the honour to refer to letter number {n}."),
            }],
        }],
        signatures: vec![Signature {
            name: "Rudolf Rassendyll".into(),
            titles: vec!["Ambassador".into()],
            signed: true,
        }],
        ..Document::default()
    }
}

fn write_letter(path: &Path, n: usize, symbol: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, unletters::json::write(&letter(n, symbol)).unwrap()).unwrap();
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, relative, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel.replace('\\', "/"), std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// How many outputs are under `dir` now, while a run may be writing there.
fn count(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => count(&e.path()),
            _ => usize::from(!e.file_name().to_string_lossy().starts_with('.')),
        })
        .sum()
}

fn report(path: &Path) -> (Vec<serde_json::Value>, serde_json::Value) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary = lines.pop().unwrap();
    assert!(summary.get("summary").is_some(), "last line: {summary}");
    (lines, summary["summary"].clone())
}

/// A small archive: nested folders, a hidden file, a file of another kind.
fn archive(root: &Path) {
    write_letter(&root.join("in/S_2025_1.json"), 1, "S/2025/1");
    write_letter(&root.join("in/2025/march/S_2025_2.json"), 2, "S/2025/2");
    write_letter(&root.join("in/2025/S_2025_3.json"), 3, "A/79/729-S/2025/3");
    write_letter(&root.join("in/drafts/S_2025_4.json"), 4, "S/2025/4");
    write_letter(&root.join("in/.hidden.json"), 5, "S/2025/5");
    std::fs::write(root.join("in/SOURCES.tsv"), "file\tsymbol\n").unwrap();
}

#[test]
fn converts_a_folder_tree_mirroring_its_folders() {
    let d = tempfile::tempdir().unwrap();
    archive(d.path());
    let o = run(
        &["convert", "in", "--to", "json", "--out-dir", "out"],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got: Vec<String> = files(&d.path().join("out")).into_keys().collect();
    assert_eq!(
        got,
        [
            "2025/S_2025_3.json",
            "2025/march/S_2025_2.json",
            "S_2025_1.json",
            "drafts/S_2025_4.json"
        ]
    );
    // The output is the same document, written by the JSON writer.
    let out = std::fs::read_to_string(d.path().join("out/2025/march/S_2025_2.json")).unwrap();
    let doc = unletters::json::read(&out, &Default::default())
        .map(|r| r.document)
        .unwrap();
    assert_eq!(doc, letter(2, "S/2025/2"));
    assert!(stderr(&o).contains("4 files"), "{}", stderr(&o));
    assert!(stderr(&o).contains("4 converted"), "{}", stderr(&o));
}

#[test]
fn include_and_exclude_globs() {
    let d = tempfile::tempdir().unwrap();
    archive(d.path());
    let o = run(
        &[
            "convert",
            "in",
            "--to",
            "json",
            "--out-dir",
            "out",
            "--exclude",
            "drafts",
            "--include",
            "*/S_2025_[12].json",
            "--include",
            "S_2025_1.json",
        ],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got: Vec<String> = files(&d.path().join("out")).into_keys().collect();
    assert_eq!(got, ["2025/march/S_2025_2.json", "S_2025_1.json"]);
}

#[test]
fn several_targets_need_an_out_dir_and_the_single_form_is_unchanged() {
    let d = tempfile::tempdir().unwrap();
    archive(d.path());
    let o = run(
        &["convert", "in/S_2025_1.json", "--to", "json,akn"],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out-dir"), "{}", stderr(&o));
    let o = run(&["convert", "in", "--to", "json"], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a folder needs --out-dir"),
        "{}",
        stderr(&o)
    );
    // The folder-walk flags, shared with validate and export, are for batch runs only.
    for flag in [
        &["--jobs", "2"][..],
        &["--include", "*.json"],
        &["--follow-symlinks"],
    ] {
        let args: Vec<&str> = ["convert", "in/S_2025_1.json", "--to", "json"]
            .into_iter()
            .chain(flag.iter().copied())
            .collect();
        let o = run(&args, d.path());
        assert_eq!(o.status.code(), Some(2), "{flag:?}");
        assert!(
            stderr(&o).contains(&format!(
                "{} is for batch runs, which need --out-dir",
                flag[0]
            )),
            "{}",
            stderr(&o)
        );
    }
    let o = run(&["convert", "in/S_2025_1.json", "--to", "json"], d.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        o.stdout,
        unletters::json::write(&letter(1, "S/2025/1"))
            .unwrap()
            .as_bytes()
    );
    let o = run(
        &[
            "convert",
            "in/S_2025_1.json",
            "--to",
            "json",
            "-o",
            "one.json",
            "--validate",
        ],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(d.path().join("one.json").is_file());
}

#[test]
fn names_from_symbols_stay_inside_the_output_folder() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write_letter(&root.join("in/a.json"), 1, "A/79/729-S/2025/40");
    write_letter(&root.join("in/b.json"), 2, "S/2025/71/Rev.1");
    // Hostile symbols, written past the model's parser (which may or may not accept them): the
    // file must either fail with a reason or land as one plain name inside the output folder.
    let long = format!("S/{}", "9".repeat(600));
    for (i, s) in [
        "../../etc/passwd",
        "/etc/passwd",
        "S/2025/1\u{0}x",
        "S/../..",
        long.as_str(),
    ]
    .iter()
    .enumerate()
    {
        let mut v = serde_json::to_value(letter(10 + i, "S/2025/10")).unwrap();
        v["symbols"] = serde_json::json!([s]);
        std::fs::write(root.join(format!("in/h{i}.json")), v.to_string()).unwrap();
    }
    let o = run(
        &[
            "convert",
            "in",
            "--to",
            "json",
            "--out-dir",
            "out/x",
            "--name-by",
            "symbol",
            "--report",
            "r.jsonl",
        ],
        root,
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    // Nothing was written anywhere but directly in out/x.
    assert_eq!(
        files(&root.join("out"))
            .keys()
            .filter(|k| !k.starts_with("x/"))
            .count(),
        0
    );
    assert!(!root.join("etc").exists());
    let out = files(&root.join("out/x"));
    assert!(
        out.contains_key("A_79_729-S_2025_40.json"),
        "{:?}",
        out.keys()
    );
    assert!(out.contains_key("S_2025_71_Rev.1.json"), "{:?}", out.keys());
    for name in out.keys() {
        assert!(!name.contains('/'), "{name}");
        assert!(!name.starts_with('.'), "{name}");
        assert!(!name.contains(".."), "{name}");
        assert!(name.len() <= 200, "{name}");
        assert!(!name.chars().any(char::is_control), "{name:?}");
    }
    let (lines, summary) = report(&root.join("r.jsonl"));
    assert_eq!(lines.len(), 7);
    for l in &lines {
        // Each input either has its outputs inside out/x or a reason.
        match l["error"].as_str() {
            Some(reason) => assert!(!reason.is_empty()),
            None => {
                let outs = l["outputs"].as_array().unwrap();
                assert_eq!(outs.len(), 1, "{l}");
                let p = PathBuf::from(outs[0].as_str().unwrap());
                assert_eq!(p.parent().unwrap(), Path::new("out/x"), "{l}");
            }
        }
    }
    assert_eq!(summary["files"], 7);
}

#[test]
fn report_lists_every_input_in_order_and_a_failure_does_not_stop_the_rest() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    for i in 0..12 {
        write_letter(
            &root.join(format!("in/l{i:02}.json")),
            i,
            &format!("S/2025/{i}"),
        );
    }
    std::fs::write(
        root.join("in/l05.json"),
        "{\"format\": \"unletters/1\",\n  \"symbols\": 7}",
    )
    .unwrap();
    let o = run(
        &[
            "convert",
            "in",
            "missing.json",
            "--to",
            "json",
            "--out-dir",
            "out",
            "--report",
            "r.jsonl",
        ],
        root,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("in/l05.json: error: 1:1: \"organs\" is a required property (at /)"),
        "{err}"
    );
    assert!(err.contains("missing.json: error:"), "{err}");
    assert!(err.contains("13 files"), "{err}");
    assert!(err.contains("11 converted"), "{err}");
    assert!(err.contains("2 failed"), "{err}");
    let (lines, summary) = report(&root.join("r.jsonl"));
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    let mut expected: Vec<String> = (0..12).map(|i| format!("in/l{i:02}.json")).collect();
    expected.push("missing.json".into());
    assert_eq!(paths, expected);
    assert_eq!(lines[5]["outputs"], serde_json::json!([]));
    assert!(
        lines[5]["error"]
            .as_str()
            .unwrap()
            .starts_with("1:1: \"organs\" is a required property")
    );
    assert_eq!(lines[6]["outputs"], serde_json::json!(["out/l06.json"]));
    assert_eq!(lines[6]["error"], serde_json::Value::Null);
    assert_eq!(lines[6]["warnings"], serde_json::json!([]));
    assert_eq!(
        (
            summary["files"].as_u64(),
            summary["converted"].as_u64(),
            summary["failed"].as_u64()
        ),
        (Some(13), Some(11), Some(2))
    );
    assert!(summary["bytes"].as_u64().unwrap() > 0);
    assert_eq!(files(&root.join("out")).len(), 11);
}

#[test]
fn exit_2_when_nothing_could_be_done() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("empty")).unwrap();
    let o = run(
        &["convert", "empty", "--to", "json", "--out-dir", "out"],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    std::fs::write(d.path().join("bad.json"), "{").unwrap();
    let o = run(
        &["convert", "bad.json", "--to", "json", "--out-dir", "out"],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.json: error:"), "{}", stderr(&o));
    let o = run(
        &[
            "convert",
            "bad.json",
            "--to",
            "json",
            "--out-dir",
            "out",
            "--include",
            "a[",
        ],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn never_overwrites_an_input() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write_letter(&root.join("in/a.json"), 1, "S/2025/1");
    let before = std::fs::read(root.join("in/a.json")).unwrap();
    // The output would be in/a.json itself.
    let o = run(
        &["convert", "in/a.json", "--to", "json", "--out-dir", "in"],
        root,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("is an input"), "{}", stderr(&o));
    assert_eq!(std::fs::read(root.join("in/a.json")).unwrap(), before);
    // An input folder inside the output folder is refused before anything is written.
    let o = run(&["convert", "in", "--to", "json", "--out-dir", "."], root);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("inside the output folder"),
        "{}",
        stderr(&o)
    );
    // An output folder inside an input folder is left out of the walk: a rerun finds no new inputs.
    for _ in 0..2 {
        let o = run(
            &["convert", "in", "--to", "json", "--out-dir", "in/out"],
            root,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stderr(&o).contains("1 files"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(root.join("in/a.json")).unwrap(), before);
}

#[test]
fn clashing_names_go_to_the_earlier_input_whatever_the_threads() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write_letter(&root.join("a/x.json"), 1, "S/2025/1");
    write_letter(&root.join("b/x.json"), 2, "S/2025/1");
    for jobs in ["1", "2"] {
        let out = format!("out{jobs}");
        let o = run(
            &[
                "convert",
                "a/x.json",
                "b/x.json",
                "--to",
                "json",
                "--out-dir",
                &out,
                "--name-by",
                "symbol",
                "--jobs",
                jobs,
                "--report",
                "r.jsonl",
            ],
            root,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let first = std::fs::read_to_string(root.join(&out).join("S_2025_1.json")).unwrap();
        assert_eq!(
            unletters::json::read(&first, &Default::default())
                .map(|r| r.document)
                .unwrap(),
            letter(1, "S/2025/1")
        );
        let second = std::fs::read_to_string(root.join(&out).join("S_2025_1~2.json")).unwrap();
        assert_eq!(
            unletters::json::read(&second, &Default::default())
                .map(|r| r.document)
                .unwrap(),
            letter(2, "S/2025/1")
        );
        let (lines, summary) = report(&root.join("r.jsonl"));
        assert!(
            lines[1]["warnings"][0]
                .as_str()
                .unwrap()
                .contains("is taken by an earlier input")
        );
        assert_eq!(summary["warnings"], 1);
    }
}

fn big_archive(root: &Path, n: usize) {
    for i in 0..n {
        let sub = format!("in/{:02}", i % 10);
        write_letter(
            &root.join(format!("{sub}/l{i:05}.json")),
            i,
            &format!("S/2025/{i}"),
        );
    }
}

#[test]
fn same_outputs_and_report_whatever_the_thread_count() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    big_archive(root, 120);
    std::fs::write(root.join("in/03/bad.json"), "[]").unwrap();
    let mut seen = Vec::new();
    for jobs in ["1", "2", "3"] {
        let out = format!("out{jobs}");
        let report_file = format!("r{jobs}.jsonl");
        let o = run(
            &[
                "convert",
                "in",
                "--to",
                "json",
                "--out-dir",
                &out,
                "--jobs",
                jobs,
                "--report",
                &report_file,
                "--validate",
            ],
            root,
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let (lines, summary) = report(&root.join(&report_file));
        assert_eq!(summary["converted"], 120);
        // Paths in the report are relative to the output folder's name; compare without it.
        let lines: Vec<String> = lines
            .iter()
            .map(|l| l.to_string().replace(&out, "OUT"))
            .collect();
        seen.push((files(&root.join(&out)), lines));
    }
    assert_eq!(seen[0].0.len(), 120);
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

#[test]
fn skip_existing_leaves_fresh_outputs_and_redoes_stale_ones() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    big_archive(root, 5);
    let args = [
        "convert",
        "in",
        "--to",
        "json",
        "--out-dir",
        "out",
        "--skip-existing",
        "--report",
        "r.jsonl",
    ];
    let o = run(&args, root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = root.join("out/02/l00002.json");
    let first_time = std::fs::metadata(&out).unwrap().modified().unwrap();
    // Touch one input: only its output is written again.
    std::thread::sleep(std::time::Duration::from_millis(20));
    write_letter(&root.join("in/02/l00002.json"), 99, "S/2025/99");
    let o = run(&args, root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (lines, summary) = report(&root.join("r.jsonl"));
    assert_eq!(
        (summary["converted"].as_u64(), summary["skipped"].as_u64()),
        (Some(1), Some(4))
    );
    assert_eq!(lines[2]["skipped"], serde_json::json!([]));
    assert_eq!(lines[0]["skipped"], lines[0]["outputs"]);
    assert!(std::fs::metadata(&out).unwrap().modified().unwrap() > first_time);
    let doc = unletters::json::read(&std::fs::read_to_string(&out).unwrap(), &Default::default())
        .map(|r| r.document)
        .unwrap();
    assert_eq!(doc, letter(99, "S/2025/99"));
}

/// Sets a file's modification time `seconds` into the past.
fn age(path: &Path, seconds: u64) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(seconds);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
}

/// Temporary files of atomic writes under `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    files(dir)
        .into_keys()
        .filter(|k| k.ends_with(".unletters-tmp"))
        .collect()
}

#[test]
fn an_interrupted_run_leaves_no_half_output_and_a_rerun_completes_it() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    let n = 1500;
    big_archive(root, n);
    let mut child = bin()
        .args([
            "convert",
            "in",
            "--to",
            "json",
            "--out-dir",
            "out",
            "--jobs",
            "2",
        ])
        .current_dir(root)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it is under way.
    let started = std::time::Instant::now();
    loop {
        let done = count(&root.join("out"));
        if done >= 20 || started.elapsed().as_secs() > 60 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    let partial = files(&root.join("out"));
    assert!(
        !status.success(),
        "the run finished before it could be interrupted"
    );
    assert!(
        partial.len() < n,
        "the run finished before it could be interrupted"
    );
    // Whatever is there under an output's name is a whole output.
    for (name, bytes) in &partial {
        if name.ends_with(".unletters-tmp") {
            continue;
        }
        let doc = unletters::json::read(std::str::from_utf8(bytes).unwrap(), &Default::default())
            .map(|r| r.document)
            .unwrap();
        let i: usize = name[name.len() - 10..name.len() - 5].parse().unwrap();
        assert_eq!(doc, letter(i, &format!("S/2025/{i}")), "{name}");
    }
    // A leftover temporary of a killed run, as a kill during a write leaves it, old enough to
    // be stale.
    let stale = root.join("out/00/.l00000.json.Ab3dE9.unletters-tmp");
    std::fs::write(&stale, "{ half").unwrap();
    age(&stale, 2 * 3600);
    let o = run(
        &[
            "convert",
            "in",
            "--to",
            "json",
            "--out-dir",
            "out",
            "--skip-existing",
            "--report",
            "r.jsonl",
        ],
        root,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_, summary) = report(&root.join("r.jsonl"));
    assert_eq!(summary["files"], n);
    assert!(summary["skipped"].as_u64().unwrap() >= 20, "{summary}");
    assert_eq!(
        summary["skipped"].as_u64().unwrap() + summary["converted"].as_u64().unwrap(),
        n as u64
    );
    // The stale temporary is gone; the killed run's own may stay until they are stale too
    // (another run could be writing them), hidden and never mistaken for outputs.
    assert!(!stale.exists(), "the stale temporary is still there");
    let left = temporaries(&root.join("out"));
    assert!(left.len() <= 2, "{left:?}");
    let all: BTreeMap<String, Vec<u8>> = files(&root.join("out"))
        .into_iter()
        .filter(|(k, _)| !left.contains(k))
        .collect();
    assert_eq!(all.len(), n);
    for (name, bytes) in &all {
        let doc = unletters::json::read(std::str::from_utf8(bytes).unwrap(), &Default::default())
            .map(|r| r.document)
            .unwrap();
        let i: usize = name[name.len() - 10..name.len() - 5].parse().unwrap();
        assert_eq!(doc, letter(i, &format!("S/2025/{i}")), "{name}");
    }
}

/// The shipped synthetic sample letter (pdftotext-style extracted text).
const SAMPLE: &str = include_str!("../fixtures/sample-letter.txt");

#[test]
fn text_akn_and_json_inputs_convert_to_every_target_and_every_output_validates() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    std::fs::create_dir_all(root.join("in/text")).unwrap();
    std::fs::write(root.join("in/text/sample.txt"), SAMPLE).unwrap();
    let (doc, _) = unletters::convert::read(SAMPLE.as_bytes(), &Default::default())
        .map(|r| (r.document, r.warnings))
        .expect("the sample reads");
    std::fs::create_dir_all(root.join("in/akn")).unwrap();
    std::fs::write(
        root.join("in/akn/sample.xml"),
        unletters::akn::write(&doc).unwrap(),
    )
    .unwrap();
    std::fs::create_dir_all(root.join("in/canonical")).unwrap();
    std::fs::write(
        root.join("in/canonical/sample.txt"),
        unletters::text::write(&doc).unwrap(),
    )
    .unwrap();
    write_letter(&root.join("in/json/other.json"), 3, "S/2025/3");
    let o = run(
        &[
            "convert",
            "in",
            "--to",
            "akn,json,text",
            "--out-dir",
            "out",
            "--validate",
            "--report",
            "r.jsonl",
        ],
        root,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = files(&root.join("out"));
    assert_eq!(out.len(), 12, "{:?}", out.keys());
    // The same letter read from extracted text, AKN and canonical text gives the same JSON.
    let json_of = |k: &str| String::from_utf8(out[k].clone()).unwrap();
    assert_eq!(json_of("akn/sample.json"), json_of("text/sample.json"));
    assert_eq!(
        json_of("canonical/sample.json"),
        json_of("text/sample.json")
    );
    // And every output is valid for `unletters validate` (XSD and level-2 rules, JSON Schema,
    // the text reader).
    let v = run(&["validate", "out"], root);
    assert_eq!(v.status.code(), Some(0), "{}", stderr(&v));
    assert!(
        stderr(&v).starts_with("12 files: 12 valid"),
        "{}",
        stderr(&v)
    );
}

/// Whether this machine lets a test start a process in a PID namespace of its own.
fn unshare_works() -> Result<(), String> {
    match Command::new("unshare")
        .args(["--pid", "--fork", "--mount-proc", "true"])
        .stderr(Stdio::piped())
        .output()
    {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr).trim().to_string()),
        Err(e) => Err(format!("unshare: {e}")),
    }
}

#[test]
fn two_runs_into_one_folder_from_other_pid_namespaces_leave_every_output_whole() {
    if let Err(why) = unshare_works() {
        println!("skipped: cannot start a PID namespace here ({why})");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    // Two archives with the same file names and different letters: every output name is wanted
    // by both runs.
    let n = 60;
    for i in 0..n {
        write_letter(
            &root.join(format!("A/l{i:03}.json")),
            i,
            &format!("S/2025/{i}"),
        );
        write_letter(
            &root.join(format!("B/l{i:03}.json")),
            i + 1000,
            &format!("S/2026/{i}"),
        );
    }
    // What each run writes alone.
    for side in ["A", "B"] {
        let o = run(
            &[
                "convert",
                side,
                "--to",
                "akn,json,text",
                "--out-dir",
                &format!("alone-{side}"),
            ],
            root,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let (alone_a, alone_b) = (files(&root.join("alone-A")), files(&root.join("alone-B")));
    for trial in 0..3 {
        let out = format!("shared-{trial}");
        // Each run is the first process of its namespace: both have PID 1.
        let spawn = |side: &str| {
            Command::new("unshare")
                .args(["--pid", "--fork", "--mount-proc"])
                .arg(env!("CARGO_BIN_EXE_unletters"))
                .args([
                    "convert",
                    side,
                    "--to",
                    "akn,json,text",
                    "--out-dir",
                    &out,
                    "--jobs",
                    "2",
                ])
                .current_dir(root)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn("A"), spawn("B"));
        for (side, child) in [("A", a), ("B", b)] {
            let o = child.wait_with_output().unwrap();
            assert_eq!(
                o.status.code(),
                Some(0),
                "trial {trial}, run {side}: {}",
                stderr(&o)
            );
        }
        let shared = files(&root.join(&out));
        assert_eq!(
            shared.len(),
            alone_a.len(),
            "trial {trial}: {:?}",
            shared.keys()
        );
        for (name, bytes) in &shared {
            assert!(
                alone_a.get(name) == Some(bytes) || alone_b.get(name) == Some(bytes),
                "trial {trial}: {name} is neither run's output (a mix, or half of one)"
            );
        }
    }
}

#[test]
fn clean_up_removes_only_its_own_stale_temporaries() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write_letter(&root.join("in/sub/a.json"), 1, "S/2025/1");
    let keep = [
        // Other programs' files that look like temporaries, hidden folders included.
        "out/.git/.x.99992.tmp",
        "out/.notes.2024.tmp",
        "out/sub/.a.json.1234.tmp",
        // Ours, but in a hidden folder no output goes to.
        "out/.git/.a.json.Ab3dE9.unletters-tmp",
        // Ours and fresh: another run may be writing it right now.
        "out/sub/.b.json.Zz9yX8.unletters-tmp",
    ];
    let stale = "out/sub/.c.json.Qw3rT7.unletters-tmp";
    for f in keep.iter().chain([&stale]) {
        let p = root.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, "x").unwrap();
        if !f.contains("Zz9yX8") {
            age(&p, 2 * 3600);
        }
    }
    let o = run(&["convert", "in", "--to", "json", "--out-dir", "out"], root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for f in keep {
        assert!(root.join(f).exists(), "{f} was removed");
    }
    assert!(
        !root.join(stale).exists(),
        "the stale temporary is still there"
    );
    assert!(root.join("out/sub/a.json").exists());
}

#[test]
fn the_report_is_written_line_by_line_as_inputs_finish() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    let n = 1500;
    big_archive(root, n);
    let mut child = bin()
        .args([
            "convert",
            "in",
            "--to",
            "json",
            "--out-dir",
            "out",
            "--jobs",
            "2",
            "--report",
            "r.jsonl",
        ])
        .current_dir(root)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while count(&root.join("out")) < 30 && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success(), "finished before the kill");
    let outputs = count(&root.join("out"));
    let text = std::fs::read_to_string(root.join("r.jsonl")).unwrap();
    // Every line there is whole, and it lags the outputs by no more than the inputs in flight
    // (2 jobs, 4 each) and the one being written (a buffered report lagged by 8 KiB, ~40 lines).
    let whole = text
        .lines()
        .filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
        .count();
    assert!(
        whole + 9 >= outputs,
        "{whole} report lines for {outputs} outputs on disk"
    );
}

#[test]
fn an_unusable_output_folder_stops_the_run_at_once_with_one_message() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    for i in 0..20 {
        write_letter(
            &root.join(format!("in/l{i:02}.json")),
            i,
            &format!("S/2025/{i}"),
        );
    }
    std::fs::write(root.join("afile"), "not a folder").unwrap();
    let mut unusable = vec!["afile".to_string(), "afile/sub".to_string()];
    // A folder that exists but takes no file, even for root.
    if Path::new("/proc/self").is_dir() {
        unusable.push("/proc/self".to_string());
    }
    for out in &unusable {
        let o = run(
            &[
                "convert",
                "in",
                "--to",
                "json",
                "--out-dir",
                out,
                "--report",
                "r.jsonl",
            ],
            root,
        );
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{out}: {err}");
        assert_eq!(
            err.lines().count(),
            1,
            "{out}: one message, not one per input:\n{err}"
        );
        assert!(
            err.contains(out.as_str()) && err.contains("folder"),
            "{out}: {err}"
        );
        assert!(
            !root.join("r.jsonl").exists(),
            "{out}: a report was started"
        );
    }
    assert_eq!(std::fs::read(root.join("afile")).unwrap(), b"not a folder");
}

#[test]
fn a_report_that_is_an_input_is_refused_and_the_input_left_alone() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write_letter(&root.join("in/a.json"), 1, "S/2025/1");
    std::fs::write(root.join("in/A.txt"), "an input").unwrap();
    for report in ["in/A.txt", "in/new.txt", "in/a.json", "./in/../in/a.json"] {
        let o = run(
            &[
                "convert",
                "in",
                "--to",
                "json",
                "--out-dir",
                "out",
                "--report",
                report,
            ],
            root,
        );
        assert_eq!(o.status.code(), Some(2), "{report}: {}", stderr(&o));
        assert!(stderr(&o).contains("--report"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(root.join("in/A.txt")).unwrap(), b"an input");
    assert!(!root.join("in/new.txt").exists());
    assert!(!root.join("out/a.json").exists(), "the run went on");
    // A file the walk does not take may sit beside the inputs.
    let o = run(
        &[
            "convert",
            "in",
            "--to",
            "json",
            "--out-dir",
            "out",
            "--report",
            "in/r.jsonl",
        ],
        root,
    );
    // A.txt is read as an input (and is no letter), a.json converted.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let (lines, _) = report(&root.join("in/r.jsonl"));
    assert_eq!(lines.len(), 2);
}

#[test]
fn no_input_found_is_exit_2_naming_the_path() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    std::fs::create_dir_all(root.join("empty/sub")).unwrap();
    std::fs::write(root.join("empty/notes.tsv"), "x").unwrap();
    for args in [
        &["convert", "empty", "--to", "json", "--out-dir", "out"][..],
        &["validate", "empty"],
        &["validate", "empty", "--format", "json"],
    ] {
        let o = run(args, root);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("no input found under empty"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

/// A batch names each warning on its own line, as a single conversion does, and `--quiet` hides
/// them (and the summary) while the report keeps them.
#[test]
fn warnings_are_named_and_quiet_hides_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("in")).unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/text/report.txt"
    );
    std::fs::copy(fixture, root.join("in/report.txt")).unwrap();
    let args = [
        "convert",
        "in",
        "--to",
        "json",
        "--out-dir",
        "out",
        "--report",
        "r.jsonl",
    ];
    let o = run(&args, root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("in/report.txt: warning: no letter title"),
        "{err}"
    );
    assert!(err.contains("1 warnings"), "{err}");
    assert!(!err.contains(" MB:"), "sizes in the unit that fits: {err}");

    let quiet: Vec<&str> = args.iter().copied().chain(["--quiet"]).collect();
    let o = run(&quiet, root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "--quiet prints nothing on success");
    let (lines, _) = report(&root.join("r.jsonl"));
    assert!(
        lines[0]["warnings"][0]
            .as_str()
            .unwrap_or_default()
            .starts_with("no letter title"),
        "the report keeps the warning: {lines:?}"
    );
}
