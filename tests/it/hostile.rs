//! Hostile input through the built binary: every case must end with a clean error (exit 1 or 2, a
//! message naming the file, no panic), within a watchdog's limit and under a memory ceiling.
//!
//! The watchdog only detects hangs (10 s is far beyond any honest run); it is not a timing
//! assertion. Memory is bounded by running the binary under `ulimit -v`: an allocation past the
//! ceiling aborts the process, which fails the exit-code check.

use std::ffi::OsStr;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_unletters");
/// Generous: a hang, not a slow run, is what this catches (a debug build on a loaded 2-core
/// machine took over 10 s for the 20 MB line).
const WATCHDOG: Duration = Duration::from_secs(60);
/// Virtual memory ceiling for the binary, in KiB (1.5 GiB): a 20 MB input may be copied a few
/// times; a billion laughs expanded would not fit.
const MEMORY_KIB: u64 = 1_536 * 1024;

/// What a run left behind.
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args` under the memory ceiling, killing it (and failing) on a hang.
fn run(args: &[&OsStr]) -> Outcome {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the binary");
    // Drain the pipes on their own threads so a chatty child cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout piped");
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let out_thread = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out_pipe.read_to_end(&mut b);
        b
    });
    let err_thread = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err_pipe.read_to_end(&mut b);
        b
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the binary") {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("unletters {args:?} still running after {WATCHDOG:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = out_thread.join().expect("stdout reader");
    let stderr = err_thread.join().expect("stderr reader");
    Outcome {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// `convert FILE --to json` plus extra arguments.
fn convert(file: &Path, extra: &[&str]) -> Outcome {
    let mut args: Vec<&OsStr> = vec![OsStr::new("convert"), file.as_os_str()];
    args.extend([OsStr::new("--to"), OsStr::new("json")]);
    args.extend(extra.iter().map(OsStr::new));
    run(&args)
}

/// Exit 1 or 2, stderr names the file, no panic, nothing on standard output.
#[track_caller]
fn assert_clean_error(out: &Outcome, file: &Path) {
    assert_no_panic(out);
    assert!(
        matches!(out.code, Some(1 | 2)),
        "expected exit 1 or 2 for {}, got {:?}; stderr:\n{}",
        file.display(),
        out.code,
        out.stderr
    );
    let name = file.display().to_string();
    assert!(
        out.stderr.contains(&name),
        "stderr does not name {name}:\n{}",
        out.stderr
    );
    assert!(
        out.stdout.is_empty(),
        "a failed run wrote output: {} bytes",
        out.stdout.len()
    );
}

#[track_caller]
fn assert_no_panic(out: &Outcome) {
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"),
        "the binary panicked:\n{}",
        out.stderr
    );
    assert!(
        out.code.is_some(),
        "the binary was killed by a signal (abort, memory ceiling or stack overflow); stderr:\n{}",
        out.stderr
    );
}

/// Every way of reading one file: auto-detection and each reader forced.
const READERS: [&[&str]; 4] = [
    &[],
    &["--from", "json"],
    &["--from", "text"],
    &["--from", "akn"],
];

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a test input");
    path
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// Deterministic pseudo-random bytes (xorshift64*): the same "random" file every run.
fn random_bytes(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

#[test]
fn empty_files_are_refused_by_every_reader() {
    let dir = tmp();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b" \n\n\t\r\n")] {
        let file = write(dir.path(), name, bytes);
        for extra in READERS {
            assert_clean_error(&convert(&file, extra), &file);
        }
    }
}

#[test]
fn random_bytes_are_refused_by_every_reader() {
    let dir = tmp();
    for seed in 1..=4u64 {
        let mut bytes = random_bytes(64 * 1024, seed);
        // One file of each kind of start, so detection sends it to each reader.
        match seed {
            2 => bytes.insert(0, b'{'),
            3 => {
                bytes.splice(0..0, *b"<?xml version=\"1.0\"?><akomaNtoso>");
            }
            _ => {}
        }
        let file = write(dir.path(), &format!("random-{seed}.bin"), &bytes);
        for extra in READERS {
            assert_clean_error(&convert(&file, extra), &file);
        }
    }
}

#[test]
fn random_valid_utf8_text_is_refused() {
    let dir = tmp();
    let text: String = random_bytes(32 * 1024, 99)
        .into_iter()
        .map(|b| match b % 8 {
            0 => '\n',
            1 => ' ',
            _ => char::from(b'!' + b % 90),
        })
        .collect();
    let file = write(dir.path(), "noise.txt", text.as_bytes());
    for extra in READERS {
        assert_clean_error(&convert(&file, extra), &file);
    }
}

#[test]
fn invalid_utf8_is_reported_where_it_is() {
    let dir = tmp();
    // Byte 17 (0-based) is the bad one: line 2, column 8.
    let mut bytes = b"S/2025/71\nLetter".to_vec();
    assert_eq!(bytes.len(), 16);
    bytes.extend_from_slice(b" \xFF dated 4 February 2025\n");
    let file = write(dir.path(), "bad-utf8.txt", &bytes);
    for extra in READERS {
        let out = convert(&file, extra);
        assert_clean_error(&out, &file);
        assert_eq!(out.code, Some(1), "invalid UTF-8 is invalid input");
        assert!(
            out.stderr.contains("byte 17") && out.stderr.contains(":2:8:"),
            "the message does not say where:\n{}",
            out.stderr
        );
    }
}

#[test]
fn a_20_mb_single_line_is_refused() {
    let dir = tmp();
    let line = "UN ".repeat(20 * 1024 * 1024 / 3);
    let file = write(dir.path(), "one-line.txt", line.as_bytes());
    for extra in READERS {
        assert_clean_error(&convert(&file, extra), &file);
    }
    // The same size inside a JSON string: syntactically fine, the document is not.
    let json = format!("{{\"format\": \"unletters/1\", \"title\": \"{line}\"");
    let file = write(dir.path(), "one-line.json", json.as_bytes());
    assert_clean_error(&convert(&file, &[]), &file);
}

#[test]
fn inputs_over_the_size_limit_are_refused_before_reading() {
    let dir = tmp();
    let file = write(dir.path(), "big.txt", &vec![b'a'; 4096]);
    let out = convert(&file, &["--max-input-size", "1K"]);
    assert_clean_error(&out, &file);
    assert_eq!(out.code, Some(2), "a limit is not invalid input");
    assert!(
        out.stderr.contains("--max-input-size"),
        "the message does not say how to raise the limit:\n{}",
        out.stderr
    );
    // Under a raised limit the same file reaches the reader (which refuses it for what it is).
    let out = convert(&file, &["--max-input-size", "1M", "--from", "json"]);
    assert_clean_error(&out, &file);
    assert!(!out.stderr.contains("--max-input-size"), "{}", out.stderr);
}

#[test]
fn bad_size_limits_are_usage_errors() {
    let dir = tmp();
    let file = write(dir.path(), "x.txt", b"x");
    for bad in ["", "-1", "12Q", "K", "99999999999999999999G"] {
        let out = convert(&file, &["--max-input-size", bad]);
        assert_no_panic(&out);
        assert_eq!(
            out.code,
            Some(2),
            "--max-input-size {bad:?}: {}",
            out.stderr
        );
    }
}

/// An AKN shell around `body`, so only the hostile part is wrong.
fn akn(prolog: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{prolog}\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"letter\"><mainBody><p>{body}</p></mainBody></doc></akomaNtoso>\n"
    )
}

#[test]
fn a_billion_laughs_dtd_is_refused_without_expanding() {
    let dir = tmp();
    let mut dtd = String::from("<!DOCTYPE akomaNtoso [\n<!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push(']');
    dtd.push('>');
    let file = write(dir.path(), "laughs.xml", akn(&dtd, "&lol9;").as_bytes());
    for extra in [&[][..], &["--from", "akn"]] {
        let out = convert(&file, extra);
        assert_clean_error(&out, &file);
        assert!(!out.stderr.contains("lollollol"), "entities were expanded");
    }
}

#[test]
fn an_external_entity_is_never_read() {
    let dir = tmp();
    let canary = "CANARY-d41d8cd98f00b204e9800998ecf8427e";
    let secret = write(dir.path(), "secret.txt", canary.as_bytes());
    let url = format!("file://{}", secret.display());
    for (name, dtd, body) in [
        (
            "xxe-general.xml",
            format!("<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM \"{url}\">]>"),
            "&xxe;",
        ),
        (
            "xxe-parameter.xml",
            format!("<!DOCTYPE akomaNtoso [<!ENTITY % p SYSTEM \"{url}\"> %p;]>"),
            "text",
        ),
        (
            "xxe-doctype.xml",
            format!("<!DOCTYPE akomaNtoso SYSTEM \"{url}\">"),
            "text",
        ),
    ] {
        let file = write(dir.path(), name, akn(&dtd, body).as_bytes());
        for to in ["json", "text", "akn"] {
            let out = run(&[
                OsStr::new("convert"),
                file.as_os_str(),
                OsStr::new("--to"),
                OsStr::new(to),
            ]);
            assert_clean_error(&out, &file);
            assert!(
                !out.stdout.contains(canary) && !out.stderr.contains(canary),
                "the external entity's file was read into the output"
            );
        }
    }
}

#[test]
fn deeply_nested_xml_is_refused() {
    let dir = tmp();
    let depth = 200_000;
    let mut body = "<p>".repeat(depth);
    body.push_str("deep");
    body.push_str(&"</p>".repeat(depth));
    let file = write(dir.path(), "deep.xml", akn("", &body).as_bytes());
    for extra in [&[][..], &["--from", "akn"]] {
        assert_clean_error(&convert(&file, extra), &file);
    }
    // Unclosed, too: the reader must not recurse its way to the end of the input either.
    let file = write(
        dir.path(),
        "deep-open.xml",
        akn("", &"<p>".repeat(depth)).as_bytes(),
    );
    assert_clean_error(&convert(&file, &["--from", "akn"]), &file);
}

#[test]
fn deeply_nested_json_is_refused() {
    let dir = tmp();
    let depth = 200_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    for (name, doc) in [
        ("deep-array.json", nested.clone()),
        (
            "deep-body.json",
            format!("{{\"format\": \"unletters/1\", \"body\": {nested}}}"),
        ),
        (
            "deep-objects.json",
            format!(
                "{{\"format\": \"unletters/1\", \"annexes\": {}{}",
                "[{\"annexes\": ".repeat(depth),
                "}]".repeat(depth)
            ),
        ),
    ] {
        let file = write(dir.path(), name, doc.as_bytes());
        for extra in [&[][..], &["--from", "json"]] {
            assert_clean_error(&convert(&file, extra), &file);
        }
    }
}

/// A minimal valid letter in JSON.
fn minimal_json() -> serde_json::Value {
    serde_json::json!({
        "format": "unletters/1", "symbols": ["S/2025/71"], "organs": ["Security Council"],
        "distribution": "General", "date": "2025-02-05", "language": null,
        "original_language": "English", "sessions": [], "job_number": null, "kind": "letter",
        "title_headings": [],
        "title": "Letter dated 4 February 2025 from the President of the Security Council addressed to the Secretary-General",
        "letter_date": "2025-02-04", "sender": "the President of the Security Council",
        "addressees": ["Secretary-General"], "body": [], "signatures": [], "annexes": [],
        "footnotes": []
    })
}

#[test]
fn the_minimal_json_letter_converts() {
    // The base of the wrong-type cases below must itself be right, or they prove nothing.
    let dir = tmp();
    let file = write(dir.path(), "ok.json", minimal_json().to_string().as_bytes());
    let out = convert(&file, &[]);
    assert_no_panic(&out);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn json_with_a_wrong_type_in_any_field_is_refused() {
    let dir = tmp();
    let base = minimal_json();
    let fields: Vec<String> = base
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect();
    for field in fields {
        let original = &base[&field];
        // A value of another JSON type than the field's (null only where null is not allowed).
        let wrongs = [
            serde_json::json!(7),
            serde_json::json!({"x": 1}),
            serde_json::json!(true),
            if original.is_string() || original.is_null() {
                serde_json::json!([1])
            } else {
                serde_json::json!("text")
            },
        ];
        for (i, wrong) in wrongs.into_iter().enumerate() {
            let mut doc = base.clone();
            doc[&field] = wrong;
            let file = write(
                dir.path(),
                &format!("wrong-{field}-{i}.json"),
                doc.to_string().as_bytes(),
            );
            let out = convert(&file, &[]);
            assert_clean_error(&out, &file);
            assert_eq!(out.code, Some(1), "{field}: {}", out.stderr);
        }
    }
}

#[test]
fn a_truncated_letter_is_refused() {
    let dir = tmp();
    let json = serde_json::to_string_pretty(&minimal_json()).expect("serialise");
    for cut in [1, json.len() / 3, json.len() / 2, json.len() - 2] {
        let file = write(
            dir.path(),
            &format!("cut-{cut}.json"),
            &json.as_bytes()[..cut],
        );
        assert_clean_error(&convert(&file, &[]), &file);
    }
    // A text letter cut inside its masthead: a symbol and the heading, no title, no letter.
    let text = "S/2025/71\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n5 Febr";
    let file = write(dir.path(), "cut.txt", text.as_bytes());
    for extra in [&[][..], &["--from", "text"]] {
        assert_clean_error(&convert(&file, extra), &file);
    }
    // An AKN document cut in the middle of an element.
    let xml = akn("", "Some text");
    let file = write(dir.path(), "cut.xml", &xml.as_bytes()[..xml.len() / 2]);
    for extra in [&[][..], &["--from", "akn"]] {
        assert_clean_error(&convert(&file, extra), &file);
    }
}

#[test]
fn a_letter_with_10000_annexes_converts_or_is_refused_cleanly() {
    let dir = tmp();
    let mut doc = minimal_json();
    let annexes: Vec<serde_json::Value> = (1..=10_000)
        .map(|i| {
            serde_json::json!({
                "kind": "annex", "heading": format!("Annex {i}"), "title": null,
                "body": [{"type": "paragraph", "num": null,
                          "content": [{"type": "text", "text": format!("Annex text {i}.")}]}],
                "signatures": [], "annexes": [], "footnotes": []
            })
        })
        .collect();
    doc["annexes"] = serde_json::Value::Array(annexes);
    let file = write(dir.path(), "many-annexes.json", doc.to_string().as_bytes());
    // Many annexes side by side are a (strange) valid letter: JSON keeps all of them; other
    // outputs either keep them or refuse cleanly. Never a hang, a crash or a partial output.
    for to in ["json", "text", "akn"] {
        let out = run(&[
            OsStr::new("convert"),
            file.as_os_str(),
            OsStr::new("--to"),
            OsStr::new(to),
        ]);
        assert_no_panic(&out);
        // The canonical writer on main is still a placeholder that writes nothing; until it lands
        // an empty text output is its answer, not a lost annex. Remove this arm with it.
        let placeholder = to == "text" && out.code == Some(0) && out.stdout.is_empty();
        match out.code {
            Some(0) if placeholder => {}
            Some(0) => assert!(
                out.stdout.contains("Annex text 10000."),
                "--to {to}: the output lost annexes"
            ),
            _ if to == "json" => panic!("a valid JSON letter was refused: {}", out.stderr),
            _ => assert_clean_error(&out, &file),
        }
    }
    // The same as text, when the text reader can read it: annex headings in a row.
    let mut text = String::from(
        "S/2025/71\n\nUnited Nations\n\nSecurity Council\n\nDistr.: General\n5 February 2025\n\nOriginal: English\n\nLetter dated 4 February 2025 from the President of the Security Council\naddressed to the Secretary-General\n\nI have the honour to write.\n\n(Signed) A. Person\n\n",
    );
    for i in 1..=10_000 {
        text.push_str(&format!("Annex {i}\n\nAnnex text {i}.\n\n"));
    }
    let file = write(dir.path(), "many-annexes.txt", text.as_bytes());
    let out = convert(&file, &["--from", "text"]);
    assert_no_panic(&out);
    if out.code != Some(0) {
        assert_clean_error(&out, &file);
    }
}

#[test]
fn symbols_that_would_escape_a_folder_are_refused() {
    let dir = tmp();
    let file = write(dir.path(), "ok.json", minimal_json().to_string().as_bytes());
    for bad in [
        "../../etc/passwd",
        "/etc/passwd",
        "S/2025/../../71",
        // (A NUL cannot reach a command line: exec refuses it. It is tried inside a document below.)
        "A/..",
        "..\\..\\x",
        "C:\\Windows\\x",
        "S/2025/71/../../../../tmp/x",
    ] {
        let out = run(&[
            OsStr::new("convert"),
            file.as_os_str(),
            OsStr::new("--to"),
            OsStr::new("json"),
            OsStr::new("--symbol"),
            OsStr::new(bad),
        ]);
        assert_no_panic(&out);
        assert_eq!(
            out.code,
            Some(2),
            "--symbol {bad:?} accepted: {}",
            out.stderr
        );
        assert!(out.stderr.contains("--symbol"), "{}", out.stderr);
    }
    // The same inside a document.
    for bad in ["../../etc/passwd", "/etc/passwd", "S/2025/71\u{0}", "A/.."] {
        let mut doc = minimal_json();
        doc["symbols"] = serde_json::json!([bad]);
        let file = write(dir.path(), "escape.json", doc.to_string().as_bytes());
        let out = convert(&file, &[]);
        assert_clean_error(&out, &file);
    }
}

#[test]
fn output_never_lands_outside_the_named_path() {
    // `-o` is a path the user chose; a symbol never builds one. A file named like a traversal is
    // written where it was asked, atomically, and nothing appears elsewhere.
    let dir = tmp();
    let sub = dir.path().join("out");
    std::fs::create_dir(&sub).expect("folder");
    let file = write(dir.path(), "ok.json", minimal_json().to_string().as_bytes());
    let target = sub.join("letter.json");
    let out = run(&[
        OsStr::new("convert"),
        file.as_os_str(),
        OsStr::new("--to"),
        OsStr::new("json"),
        OsStr::new("-o"),
        target.as_os_str(),
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let names: Vec<_> = std::fs::read_dir(&sub)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("letter.json")]);
}

/// A folder holding a symlink loop (`loop -> .`) and a pair of links pointing at each other.
#[cfg(unix)]
fn symlink_loop_folder() -> tempfile::TempDir {
    let dir = tmp();
    let root = dir.path();
    std::fs::write(
        root.join("letter.json"),
        minimal_json().to_string().as_bytes(),
    )
    .expect("write");
    std::os::unix::fs::symlink(".", root.join("loop")).expect("symlink");
    std::os::unix::fs::symlink(root.join("b"), root.join("a")).expect("symlink");
    std::os::unix::fs::symlink(root.join("a"), root.join("b")).expect("symlink");
    let deeper = root.join("sub");
    std::fs::create_dir(&deeper).expect("folder");
    std::os::unix::fs::symlink("..", deeper.join("up")).expect("symlink");
    dir
}

#[cfg(unix)]
#[test]
fn validate_survives_a_symlink_loop() {
    let dir = symlink_loop_folder();
    let out = run(&[OsStr::new("validate"), dir.path().as_os_str()]);
    assert_no_panic(&out);
    // The walk terminates and reports: either all good (loops skipped) or a clean error naming
    // the looping link.
    assert!(
        matches!(out.code, Some(0..=2)),
        "{:?}: {}",
        out.code,
        out.stderr
    );
    if out.code != Some(0) {
        let named = ["loop", "a", "b", "up"].iter().any(|n| {
            out.stderr
                .contains(&*dir.path().join(n).display().to_string())
        });
        assert!(
            named || out.stderr.contains(&*dir.path().display().to_string()),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn validate_refuses_hostile_files_cleanly() {
    let dir = tmp();
    let mut files = vec![
        write(dir.path(), "empty.json", b""),
        write(dir.path(), "empty.xml", b""),
        write(dir.path(), "random.xml", &random_bytes(4096, 7)),
        write(
            dir.path(),
            "deep.json",
            format!("{}{}", "[".repeat(200_000), "]".repeat(200_000)).as_bytes(),
        ),
    ];
    let mut deep = "<p>".repeat(200_000);
    deep.push_str(&"</p>".repeat(200_000));
    files.push(write(dir.path(), "deep.xml", akn("", &deep).as_bytes()));
    for file in files {
        let out = run(&[OsStr::new("validate"), file.as_os_str()]);
        assert_no_panic(&out);
        assert_clean_error(&out, &file);
    }
}

#[test]
fn diff_refuses_hostile_files_cleanly() {
    let dir = tmp();
    let good = write(
        dir.path(),
        "good.json",
        minimal_json().to_string().as_bytes(),
    );
    let bad = [
        write(dir.path(), "empty.txt", b""),
        write(dir.path(), "random.bin", &random_bytes(4096, 11)),
        write(dir.path(), "bad-utf8.txt", b"S/2025/71\n\xC3\x28"),
    ];
    for file in bad {
        for (old, new) in [(&good, &file), (&file, &good)] {
            let out = run(&[OsStr::new("diff"), old.as_os_str(), new.as_os_str()]);
            assert_no_panic(&out);
            assert_clean_error(&out, &file);
        }
    }
}

#[test]
fn standard_input_is_bounded_too() {
    // Piped input has no size to check first: the reader stops at the limit.
    let mut child = Command::new(BIN)
        .args(["convert", "-", "--to", "json", "--max-input-size", "64K"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin piped");
    let writer = std::thread::spawn(move || {
        // Far more than the limit; the reader may close the pipe early, so errors are expected.
        let chunk = vec![b'x'; 64 * 1024];
        for _ in 0..64 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            panic!("convert - did not stop at the limit");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = writer.join();
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--max-input-size"), "{stderr}");
}

/// `validate FILE` plus extra arguments.
fn validate(file: &Path, extra: &[&str]) -> Outcome {
    let mut args: Vec<&OsStr> = vec![OsStr::new("validate"), file.as_os_str()];
    args.extend(extra.iter().map(OsStr::new));
    run(&args)
}

/// Akoma Ntoso with `n` document elements nested inside each other (`doc` in `doc`...), each a
/// scope of the schema's identity constraints; and the same with the other document types.
fn nested_documents(n: usize, names: &[&str]) -> String {
    let open: String = (0..n)
        .map(|i| format!("<{} name=\"x\">", names[i % names.len()]))
        .collect();
    let close: String = (0..n)
        .rev()
        .map(|i| format!("</{}>", names[i % names.len()]))
        .collect();
    format!(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">{open}{close}</akomaNtoso>\n"
    )
}

#[test]
fn nested_document_elements_are_refused_by_validate_in_bounded_time_and_memory() {
    // 500 nested `doc` took 21 s and 3.5 GB; 100,000 aborted the process on allocation. Under
    // the harness's 1.5 GiB ceiling and 10 s watchdog each must end with a diagnostic saying
    // why the file was not checked.
    let dir = tmp();
    for (n, names) in [
        (500, &["doc"][..]),
        (100_000, &["doc"][..]),
        (400, &["doc", "act", "statement", "judgment", "portion"][..]),
    ] {
        let file = write(
            dir.path(),
            &format!("nested-{n}-{}.xml", names.len()),
            nested_documents(n, names).as_bytes(),
        );
        for extra in [&[][..], &["--schema-only"], &["--format", "json"]] {
            let out = validate(&file, extra);
            assert_no_panic(&out);
            assert_eq!(out.code, Some(2), "{n} nested: not judged\n{}", out.stderr);
            let all = format!("{}{}", out.stdout, out.stderr);
            assert!(
                all.contains("schema-work-limit") && all.contains("identity"),
                "the diagnostic does not say why:\n{all}"
            );
        }
    }
    // A few nested documents (an annex's enclosure's appendix) are checked as usual.
    let file = write(
        dir.path(),
        "few.xml",
        nested_documents(8, &["doc"]).as_bytes(),
    );
    let out = validate(&file, &["--format", "json"]);
    assert_eq!(out.code, Some(1), "invalid, and judged:\n{}", out.stdout);
    assert!(!out.stdout.contains("schema-work-limit"), "{}", out.stdout);
}

#[test]
fn validate_refuses_a_doctype_as_convert_does() {
    let dir = tmp();
    let letter = include_str!("../fixtures/validate/letter.xml");
    let body = letter
        .split_once("?>")
        .map_or(letter, |(_, rest)| rest.trim_start());
    let with_doctype =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE akomaNtoso>\n{body}");
    let clean = write(dir.path(), "clean.xml", letter.as_bytes());
    let file = write(dir.path(), "doctype.xml", with_doctype.as_bytes());
    assert_eq!(
        validate(&clean, &[]).code,
        Some(0),
        "the base letter is valid"
    );
    let converted = convert(&file, &[]);
    assert_clean_error(&converted, &file);
    let out = validate(&file, &[]);
    assert_no_panic(&out);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("xml-doctype")
            && out.stderr.contains(&format!("{}:2:1", file.display())),
        "{}",
        out.stderr
    );
    // The same reason in the same words.
    assert!(
        converted
            .stderr
            .contains("DOCTYPE declarations are refused")
            && out.stderr.contains("DOCTYPE declarations are refused"),
        "{}\n{}",
        converted.stderr,
        out.stderr
    );
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_a_byte_order_mark_is_read_with_a_warning() {
    let dir = tmp();
    let sample = include_str!("../fixtures/sample-letter.txt");
    let utf8 = write(dir.path(), "utf8.txt", sample.as_bytes());
    let expected = convert(&utf8, &[]);
    assert_eq!(expected.code, Some(0), "{}", expected.stderr);
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let file = write(dir.path(), name, &utf16(sample, big_endian, true));
        let out = convert(&file, &[]);
        assert_eq!(out.code, Some(0), "{name}: {}", out.stderr);
        assert_eq!(
            out.stdout, expected.stdout,
            "{name}: the same letter as UTF-8"
        );
        assert!(
            out.stderr.contains("UTF-16"),
            "{name}: no warning:\n{}",
            out.stderr
        );
        let out = validate(&file, &[]);
        assert_eq!(out.code, Some(0), "{name}: {}", out.stderr);
        assert!(out.stderr.contains("UTF-16"), "{}", out.stderr);
    }
    // The same for the other formats, detected through the mark.
    let json = write(dir.path(), "letter.json", expected.stdout.as_bytes());
    let json16 = write(
        dir.path(),
        "letter16",
        &utf16(&expected.stdout, false, true),
    );
    let (again, again16) = (convert(&json, &[]), convert(&json16, &[]));
    assert_eq!(again16.code, Some(0), "{}", again16.stderr);
    assert_eq!(again16.stdout, again.stdout);
}

#[test]
fn utf16_without_a_byte_order_mark_is_an_error_naming_utf16() {
    let dir = tmp();
    let sample = include_str!("../fixtures/sample-letter.txt");
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let file = write(dir.path(), name, &utf16(sample, big_endian, false));
        for out in [convert(&file, &[]), validate(&file, &[])] {
            assert_clean_error(&out, &file);
            assert_eq!(out.code, Some(1), "{}", out.stderr);
            assert!(out.stderr.contains("UTF-16"), "{name}:\n{}", out.stderr);
        }
    }
}

/// Makes a FIFO at `path`, or says why not (the test is then skipped with that line).
fn mkfifo(path: &Path) -> Result<(), String> {
    match Command::new("mkfifo").arg(path).output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr).into_owned()),
        Err(e) => Err(format!("mkfifo: {e}")),
    }
}

#[test]
fn a_fifo_is_refused_unopened_by_every_command_and_skipped_in_a_folder() {
    let dir = tmp();
    let fifo = dir.path().join("in/p.txt");
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    if let Err(why) = mkfifo(&fifo) {
        println!("skipped: cannot make a FIFO here ({why})");
        return;
    }
    let sample = include_str!("../fixtures/sample-letter.txt");
    let good = write(&dir.path().join("in"), "a.txt", sample.as_bytes());
    // Named on the command line: a clear error, at once (the watchdog catches a hang in open).
    for args in [
        vec![
            OsStr::new("convert"),
            fifo.as_os_str(),
            OsStr::new("--to"),
            OsStr::new("json"),
        ],
        vec![OsStr::new("validate"), fifo.as_os_str()],
        vec![OsStr::new("diff"), fifo.as_os_str(), good.as_os_str()],
        vec![OsStr::new("diff"), good.as_os_str(), fifo.as_os_str()],
    ] {
        let out = run(&args);
        assert_clean_error(&out, &fifo);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("FIFO"), "{args:?}: {}", out.stderr);
    }
    // In a folder: skipped with a warning, the rest done.
    let folder = dir.path().join("in");
    let outdir = dir.path().join("out");
    for args in [
        vec![
            OsStr::new("convert"),
            folder.as_os_str(),
            OsStr::new("--to"),
            OsStr::new("json"),
            OsStr::new("--out-dir"),
            outdir.as_os_str(),
        ],
        vec![OsStr::new("validate"), folder.as_os_str()],
    ] {
        let out = run(&args);
        assert_no_panic(&out);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("warning")
                && out.stderr.contains("p.txt")
                && out.stderr.contains("FIFO"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(outdir.join("a.json").exists());
}

#[test]
fn control_characters_in_names_and_excerpts_are_escaped_in_human_output() {
    let dir = tmp();
    let folder = dir.path().join("in");
    std::fs::create_dir_all(&folder).unwrap();
    // A file name that would print a GitHub workflow command on a line of its own.
    let evil = "x\n::error file=evil.xml::INJECTED\n.xml";
    if std::fs::write(folder.join(evil), "<akomaNtoso").is_err() {
        println!("skipped: this file system refuses a newline in a file name");
        return;
    }
    // Escape sequences in a line the excerpt shows.
    write(
        &folder,
        "colour.xml",
        b"<akomaNtoso>\x1b[31mred\x1b]0;title\x07</oops>\n",
    );
    let outdir = dir.path().join("out");
    for args in [
        vec![OsStr::new("validate"), folder.as_os_str()],
        vec![
            OsStr::new("validate"),
            folder.as_os_str(),
            OsStr::new("--format"),
            OsStr::new("github"),
        ],
        vec![
            OsStr::new("convert"),
            folder.as_os_str(),
            OsStr::new("--to"),
            OsStr::new("json"),
            OsStr::new("--out-dir"),
            outdir.as_os_str(),
        ],
        vec![
            OsStr::new("convert"),
            folder.join(evil).into_os_string().leak(),
            OsStr::new("--to"),
            OsStr::new("json"),
        ],
    ] {
        let out = run(&args);
        assert_no_panic(&out);
        assert!(matches!(out.code, Some(1 | 2)), "{args:?}: {}", out.stderr);
        for line in out.stderr.lines().chain(out.stdout.lines()) {
            assert!(
                !line.starts_with("::error file=evil") && !line.starts_with(".xml"),
                "{args:?}: a file name made a line of its own: {line:?}"
            );
            assert!(
                !line.contains('\x1b') && !line.contains('\x07'),
                "{args:?}: raw escape sequence echoed: {line:?}"
            );
        }
        assert!(
            out.stderr
                .contains("x\\n::error file=evil.xml::INJECTED\\n.xml")
                || out
                    .stdout
                    .contains("x%0A%3A%3Aerror file=evil.xml%3A%3AINJECTED%0A.xml"),
            "{args:?}: the name is not shown escaped:\n{}{}",
            out.stdout,
            out.stderr
        );
    }
}

#[test]
fn symlinks_out_of_a_walked_folder_are_not_followed_unless_asked() {
    let dir = tmp();
    let canary = "CANARY-SYMLINK-9f86d081884c7d65";
    let secret = write(
        dir.path(),
        "secret.xml",
        format!("<akomaNtoso>{canary}\n").as_bytes(),
    );
    let folder = dir.path().join("in");
    std::fs::create_dir_all(&folder).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, folder.join("link.xml")).unwrap();
    #[cfg(not(unix))]
    {
        println!("skipped: symbolic links need unix here");
        return;
    }
    // A link that stays inside the folder is followed as before.
    let sample = include_str!("../fixtures/validate/letter.xml");
    write(&folder, "letter.xml", sample.as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink(folder.join("letter.xml"), folder.join("same.xml")).unwrap();
    let out = validate(&folder, &[]);
    assert_no_panic(&out);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        !out.stderr.contains(canary),
        "the outside file was read:\n{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("link.xml") && out.stderr.contains("--follow-symlinks"),
        "the skip is not said:\n{}",
        out.stderr
    );
    assert!(
        out.stderr.starts_with("unletters validate: warning"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("2 files: 2 valid"), "{}", out.stderr);
    let out = validate(&folder, &["--follow-symlinks"]);
    assert_eq!(
        out.code,
        Some(1),
        "asked: read, and malformed\n{}",
        out.stderr
    );
    assert!(out.stderr.contains("link.xml:2:1"), "{}", out.stderr);
}

#[test]
fn no_command_writes_over_one_of_its_inputs() {
    let dir = tmp();
    let sample = include_str!("../fixtures/sample-letter.txt");
    let v = write(dir.path(), "v.txt", sample.as_bytes());
    let d = write(dir.path(), "d.txt", sample.as_bytes());
    let folder = dir.path().join("in");
    std::fs::create_dir_all(&folder).unwrap();
    let inner = write(&folder, "a.txt", sample.as_bytes());
    let via = dir.path().join("in/../v.txt");
    let cases: Vec<(Vec<&OsStr>, &Path)> = vec![
        (
            vec![
                OsStr::new("validate"),
                v.as_os_str(),
                OsStr::new("-o"),
                v.as_os_str(),
            ],
            &v,
        ),
        (
            vec![
                OsStr::new("validate"),
                v.as_os_str(),
                OsStr::new("-o"),
                via.as_os_str(),
            ],
            &v,
        ),
        (
            vec![
                OsStr::new("validate"),
                folder.as_os_str(),
                OsStr::new("--format"),
                OsStr::new("json"),
                OsStr::new("-o"),
                inner.as_os_str(),
            ],
            &inner,
        ),
        (
            vec![
                OsStr::new("diff"),
                d.as_os_str(),
                d.as_os_str(),
                OsStr::new("-o"),
                d.as_os_str(),
            ],
            &d,
        ),
        (
            vec![
                OsStr::new("diff"),
                v.as_os_str(),
                d.as_os_str(),
                OsStr::new("-o"),
                via.as_os_str(),
            ],
            &v,
        ),
    ];
    for (args, input) in cases {
        let out = run(&args);
        assert_no_panic(&out);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("-o"), "{args:?}: {}", out.stderr);
        assert_eq!(
            std::fs::read_to_string(input).unwrap(),
            sample,
            "{args:?}: the input was overwritten"
        );
    }
}
