//! `unletters validate` as a user runs it: exit codes, folder walks over any mix of files, bad
//! input that must not stop the run, and every output format.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

const VALID_JSON: &str = r#"{"format": "unletters/1", "symbols": ["S/2025/71"], "organs": ["Security Council"],
  "distribution": "General", "date": "2025-02-05", "language": null, "original_language": "English",
  "sessions": [], "job_number": null, "kind": "letter", "title_headings": [],
  "title": "Letter dated 4 February 2025 from the President of the Security Council addressed to the Secretary-General",
  "letter_date": "2025-02-04", "sender": "the President of the Security Council",
  "addressees": ["Secretary-General"], "body": [], "signatures": [], "annexes": [], "footnotes": []}
"#;

fn unletters(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
        .current_dir(dir)
        .arg("validate")
        .args(args)
        .output()
        .expect("run unletters")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

/// The `file` records of a JSON-lines report, as (file, verdict).
fn verdicts(o: &Output) -> Vec<(String, String)> {
    json_lines(o)
        .into_iter()
        .filter(|v| v["type"] == "file")
        .map(|v| {
            (
                v["file"].as_str().unwrap_or_default().to_string(),
                v["verdict"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

#[test]
fn a_valid_letter_and_a_valid_json_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letter.xml", common::LETTER);
    write(dir.path(), "letter.json", VALID_JSON);
    let o = unletters(dir.path(), &["letter.xml", "letter.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "2 files: 2 valid, 0 invalid, 0 malformed, 0 unreadable; 0 errors, 0 warnings\n"
    );
}

#[test]
fn list_rules_names_every_rule_and_allow_refuses_unknown_ones() {
    let dir = tempfile::tempdir().unwrap();
    let o = unletters(dir.path(), &["--list-rules"]);
    assert_eq!(o.status.code(), Some(0));
    for rule in unletters::validate::rules::RULES {
        assert!(stdout(&o).contains(rule.id), "{}", rule.id);
    }
    let o = unletters(dir.path(), &["--allow", "no-such-rule", "x.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--allow no-such-rule: no such rule"));
    // No path and nothing piped in (standard input is empty here, not a terminal): the empty
    // standard input is what is validated, and it is no letter.
    let o = unletters(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("<stdin>"), "{}", stderr(&o));
}

#[test]
fn allow_switches_a_rule_off_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "report.xml",
        common::variant("<doc name=\"officialLetter\">", "<doc name=\"report\">"),
    );
    let o = unletters(dir.path(), &["report.xml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error[akn-letter-doc]"));
    let o = unletters(dir.path(), &["--allow", "akn-letter-doc", "report.xml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn bad_input_is_a_diagnostic_each_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "in/ok.xml", common::LETTER);
    write(d, "in/deeper/still/ok.json", VALID_JSON);
    write(d, "in/malformed.xml", "<akomaNtoso><doc></akomaNtoso>");
    write(
        d,
        "in/wrong-root.xml",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
    );
    write(d, "in/array.json", "[1, 2, 3]");
    write(d, "in/truncated.json", "{\"format\": ");
    write(
        d,
        "in/latin1.xml",
        b"<akomaNtoso>\xe9</akomaNtoso>".as_slice(),
    );
    write(
        d,
        "in/huge.xml",
        format!("{}<!--{}-->", common::LETTER, " ".repeat(200_000)),
    );
    write(d, "in/empty.json", "");
    write(
        d,
        "in/notes.docx",
        "not checked: not a format this tool reads",
    );
    write(d, "in/.hidden/skipped.xml", "<not-checked/>");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("in/nowhere.xml"), d.join("in/dangling.xml")).unwrap();
    let o = unletters(
        d,
        &[
            "--format",
            "json",
            "--max-bytes",
            "100000",
            "in",
            "missing.xml",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "unreadable files make it an I/O error"
    );
    let mut got = verdicts(&o);
    got.sort();
    let mut want = vec![
        ("in/array.json", "invalid"),
        ("in/deeper/still/ok.json", "valid"),
        ("in/empty.json", "malformed"),
        ("in/huge.xml", "unreadable"),
        ("in/latin1.xml", "malformed"),
        ("in/malformed.xml", "malformed"),
        ("in/ok.xml", "valid"),
        ("in/truncated.json", "malformed"),
        ("in/wrong-root.xml", "invalid"),
        ("missing.xml", "unreadable"),
    ];
    if cfg!(unix) {
        want.push(("in/dangling.xml", "unreadable"));
    }
    let mut want: Vec<(String, String)> = want
        .into_iter()
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want);
    // Each bad file says why, and where when there is a where.
    let diags: Vec<serde_json::Value> = json_lines(&o)
        .into_iter()
        .filter(|v| v["type"] == "diagnostic")
        .collect();
    let rule_of = |file: &str| {
        diags.iter().find(|d| d["file"] == file).map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].clone(),
            )
        })
    };
    assert_eq!(rule_of("in/malformed.xml").unwrap().0, "xml-well-formed");
    assert_eq!(rule_of("in/malformed.xml").unwrap().1, 1);
    assert_eq!(rule_of("in/array.json").unwrap().0, "json-not-object");
    assert_eq!(rule_of("in/truncated.json").unwrap().0, "json-syntax");
    assert_eq!(rule_of("in/huge.xml").unwrap().0, "file-too-large");
    assert_eq!(rule_of("in/wrong-root.xml").unwrap().0, "cvc-elt.1");
    assert_eq!(rule_of("missing.xml").unwrap().0, "io");
}

#[test]
fn standard_input_is_read_with_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unletters"))
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(common::LETTER.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Two invalid files: an AKN letter with an element the schema does not know and a JSON
/// document with a wrong value.
fn invalid_pair(dir: &Path) {
    write(
        dir,
        "letter.xml",
        common::variant(
            "<paragraph eId=\"para_2\">",
            "<letterhead>Valdoria</letterhead>\n      <paragraph eId=\"para_2\">",
        ),
    );
    write(
        dir,
        "letter.json",
        VALID_JSON.replace("\"kind\": \"letter\"", "\"kind\": \"memo\""),
    );
}

#[test]
fn human_format_shows_the_spot_in_the_source() {
    let dir = tempfile::tempdir().unwrap();
    invalid_pair(dir.path());
    let o = unletters(dir.path(), &["letter.xml", "letter.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).is_empty(),
        "the human report goes to standard error"
    );
    insta::assert_snapshot!(stderr(&o));
}

#[test]
fn json_format_gives_one_object_per_line_with_pointer_and_position() {
    let dir = tempfile::tempdir().unwrap();
    invalid_pair(dir.path());
    let o = unletters(
        dir.path(),
        &["--format", "json", "letter.xml", "letter.json"],
    );
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    let json_diag = lines
        .iter()
        .find(|v| v["type"] == "diagnostic" && v["file"] == "letter.json")
        .expect("a JSON diagnostic");
    assert_eq!(json_diag["pointer"], "/kind");
    assert_eq!(json_diag["rule"], "oneOf");
    // `"kind": "memo"` is on line 3; the value starts at column 47.
    assert_eq!(
        (json_diag["line"].clone(), json_diag["column"].clone()),
        (3.into(), 47.into())
    );
    let line3 = VALID_JSON
        .lines()
        .nth(2)
        .unwrap()
        .replace("\"letter\"", "\"memo\"");
    assert_eq!(
        line3.chars().skip(46).take(6).collect::<String>(),
        "\"memo\""
    );
    let xml_diag = lines
        .iter()
        .find(|v| v["type"] == "diagnostic" && v["file"] == "letter.xml")
        .expect("an XML diagnostic");
    assert_eq!(xml_diag["xpath"], "/akomaNtoso/doc/mainBody/letterhead");
    assert_eq!(xml_diag["severity"], "error");
    assert_eq!(xml_diag["line"], 99);
    assert_eq!(verdicts(&o).len(), 2);
}

#[test]
fn github_format_writes_workflow_commands() {
    let dir = tempfile::tempdir().unwrap();
    invalid_pair(dir.path());
    let o = unletters(
        dir.path(),
        &["--format", "github", "letter.xml", "letter.json"],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let commands: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert!(commands.contains(
        &"::error file=letter.json,line=3,col=47,title=oneOf::\"memo\" is not one of \"letter\", \"identical_letters\", \"note_verbale\", \"other\" (at /kind)"
    ), "{out}");
    assert!(
        commands
            .iter()
            .any(|c| c
                .starts_with("::error file=letter.xml,line=99,col=7,title=cvc-complex-type.2.4::")),
        "{out}"
    );
}

/// serde-sarif ships the SARIF 2.1.0 JSON Schema (`src/schema.json`); find it in cargo's
/// registry sources, at the version Cargo.lock pins. (Not through `cargo metadata`: a cargo run
/// inside the test run shares the target folder's rustc cache, and a failed probe there has
/// failed this test and the build after it.)
fn sarif_schema() -> serde_json::Value {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock");
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"serde-sarif\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_string())
        .expect("serde-sarif in Cargo.lock");
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .expect("CARGO_HOME or HOME");
    let registries = std::fs::read_dir(cargo_home.join("registry/src")).expect("registry sources");
    let schema = registries
        .filter_map(|r| r.ok())
        .map(|r| {
            r.path()
                .join(format!("serde-sarif-{version}/src/schema.json"))
        })
        .find(|p| p.is_file())
        .expect("serde-sarif's sources in the cargo registry");
    let text = std::fs::read_to_string(&schema).expect("serde-sarif's schema.json");
    // The published schema's pattern for `run.language` has a stray `]`
    // (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), which jsonschema refuses as a regex when it
    // checks the schema itself. Our logs carry no `language`, so dropping the stray bracket
    // changes nothing that is checked here.
    let stray = r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"#;
    assert!(
        text.contains(stray),
        "the schema changed: revisit this workaround"
    );
    let text = text.replace(stray, r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$"#);
    serde_json::from_str(&text).expect("schema JSON")
}

#[test]
fn sarif_format_is_valid_sarif_2_1_0() {
    let dir = tempfile::tempdir().unwrap();
    invalid_pair(dir.path());
    let o = unletters(
        dir.path(),
        &[
            "--format",
            "sarif",
            "-o",
            "out.sarif",
            "letter.xml",
            "letter.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out.sarif")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&sarif_schema()).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let json_result = results
        .iter()
        .find(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "letter.json")
        .unwrap();
    assert_eq!(json_result["ruleId"], "oneOf");
    assert_eq!(
        json_result["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert_eq!(
        json_result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "/kind"
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    // Every level-2 rule is described, and every rule id a result names (schema keywords too).
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for rule in unletters::validate::rules::RULES {
        assert!(
            ids.contains(&rule.id),
            "{} missing from driver.rules",
            rule.id
        );
    }
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        assert!(ids.contains(&id), "{id} is used but not in driver.rules");
    }
    assert!(ids.len() > unletters::validate::rules::RULES.len());
}

/// A folder of valid and invalid files in nested folders, with a file no walk should take.
fn mixed_tree(dir: &Path) {
    invalid_pair(&dir.join("bad"));
    write(dir, "good/letter.xml", common::LETTER);
    write(dir, "good/letter.json", VALID_JSON);
    write(dir, "good/deeper/again.xml", common::LETTER);
    write(dir, "good/notes.docx", "not a format unletters reads");
}

#[test]
fn jobs_1_and_jobs_2_give_the_same_report_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    mixed_tree(dir.path());
    let one = unletters(dir.path(), &[".", "--format", "json", "--jobs", "1"]);
    let two = unletters(dir.path(), &[".", "--format", "json", "--jobs", "2"]);
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    assert_eq!(stdout(&one), stdout(&two));
    let files: Vec<String> = verdicts(&one).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        files,
        [
            "./bad/letter.json",
            "./bad/letter.xml",
            "./good/deeper/again.xml",
            "./good/letter.json",
            "./good/letter.xml",
        ]
    );
    let zero = unletters(dir.path(), &[".", "--jobs", "0"]);
    assert_eq!(zero.status.code(), Some(2), "--jobs 0 is a usage error");
}

#[test]
fn include_and_exclude_choose_what_a_folder_walk_takes() {
    let dir = tempfile::tempdir().unwrap();
    mixed_tree(dir.path());
    let xml_only = unletters(dir.path(), &[".", "--format", "json", "--include", "*.xml"]);
    let files: Vec<String> = verdicts(&xml_only).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        files,
        [
            "./bad/letter.xml",
            "./good/deeper/again.xml",
            "./good/letter.xml"
        ]
    );
    let good_only = unletters(dir.path(), &[".", "--format", "json", "--exclude", "bad"]);
    assert_eq!(good_only.status.code(), Some(0), "{}", stdout(&good_only));
    assert_eq!(verdicts(&good_only).len(), 3);
    let bad_glob = unletters(dir.path(), &[".", "--include", "[unclosed"]);
    assert_eq!(bad_glob.status.code(), Some(2));
    assert!(
        stderr(&bad_glob).contains("--include"),
        "{}",
        stderr(&bad_glob)
    );
}

#[test]
fn max_input_size_takes_a_suffix_and_names_the_flag_to_raise_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letter.xml", common::LETTER);
    let o = unletters(dir.path(), &["letter.xml", "--max-input-size", "1K"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--max-input-size"), "{}", stderr(&o));
    let raised = unletters(dir.path(), &["letter.xml", "--max-input-size", "1M"]);
    assert_eq!(raised.status.code(), Some(0), "{}", stderr(&raised));
}

#[test]
fn text_that_is_not_a_letter_is_invalid_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let copy = |name: &str| {
        let text = std::fs::read(fixtures.join(name)).expect("fixture");
        write(dir.path(), name, text);
    };
    copy("default_joint.txt");
    copy("not_a_letter.txt");
    copy("report.txt");
    write(dir.path(), "empty.txt", " \n\n");
    let o = unletters(dir.path(), &["default_joint.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A report under a masthead is a document of the genre (kind `other`, as AKN's
    // `otherCommunication`): valid, with the reader's warning.
    let o = unletters(dir.path(), &["report.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("no letter title"), "{}", stderr(&o));
    for (name, reason) in [
        ("not_a_letter.txt", "not a letter: no masthead"),
        ("empty.txt", "the input is empty"),
    ] {
        let o = unletters(dir.path(), &[name]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(reason), "{name}: {err}");
        assert!(err.contains("error[text-readable]"), "{name}: {err}");
        assert!(err.contains("1 invalid"), "{name}: {err}");
    }
}

/// `--color always` colours the severity of each diagnostic; `--color never` (and a pipe, by
/// default) does not.
#[test]
fn diagnostics_are_coloured_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"unletters/1\"}").unwrap();
    let run = |extra: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_unletters"))
            .arg("validate")
            .arg(&bad)
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    assert!(run(&["--color", "always"]).contains("\u{1b}[1;31merror\u{1b}[0m["));
    assert!(!run(&["--color", "never"]).contains('\u{1b}'));
    assert!(!run(&[]).contains('\u{1b}'), "a pipe is not a terminal");
}

/// A `.json` file whose first line is junk is broken JSON to both commands, at the same place and
/// in the same words (it was "not a letter" to `convert`, which sniffed it as text).
#[test]
fn convert_and_validate_say_the_same_of_a_json_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        ("junk.json", "junk\n{\"format\": \"unletters/1\"}\n"),
        ("pattern.json", &VALID_JSON.replace("S/2025/71", "S/2025/")),
    ];
    for (name, text) in cases {
        std::fs::write(dir.path().join(name), text).expect("written");
        let converted = Command::new(env!("CARGO_BIN_EXE_unletters"))
            .current_dir(dir.path())
            .args(["convert", name, "--to", "akn"])
            .output()
            .expect("run unletters");
        assert_eq!(converted.status.code(), Some(1), "{}", stderr(&converted));
        let convert_line = stderr(&converted)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        let o = unletters(dir.path(), &[name, "--format", "json"]);
        assert_eq!(o.status.code(), Some(1));
        let d = json_lines(&o)
            .into_iter()
            .find(|v| v["type"] == "diagnostic")
            .expect("a diagnostic");
        let validated = format!(
            "{name}:{}:{}: error: {}",
            d["line"],
            d["column"],
            d["message"].as_str().unwrap_or_default()
        );
        // convert adds the value's JSON Pointer, which validate gives in its own field.
        let convert_message = convert_line.split(" (at /").next().unwrap_or_default();
        assert_eq!(convert_message, validated, "{name}");
    }
}
