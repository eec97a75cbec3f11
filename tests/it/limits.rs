//! The nesting limits (`--max-xml-depth`, `--max-text-depth`) through the CLI: exceeding one is
//! a clean error naming its flag (exit 2, like the size limit), raising it lets the input in, and
//! a document nested as deep as the highest accepted value goes through every command without
//! crashing.

use std::path::Path;
use std::process::{Command, Output};

use unletters::limits::{MAX_TEXT_DEPTH_CAP, MAX_XML_DEPTH_CAP};

fn unletters(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unletters"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 0, 1 or 2, and no panic or crash (a stack overflow aborts with a signal).
#[track_caller]
fn assert_clean(o: &Output, what: &str) {
    let err = stderr(o);
    assert!(
        matches!(o.status.code(), Some(0..=2)),
        "{what}: {:?}\n{err}",
        o.status
    );
    assert!(
        !err.contains("panicked") && !err.contains("overflow"),
        "{what}: {err}"
    );
}

#[track_caller]
fn assert_limit(o: &Output, flag: &str, what: &str) {
    assert_clean(o, what);
    assert_eq!(o.status.code(), Some(2), "{what}: {}", stderr(o));
    assert!(stderr(o).contains(flag), "{what}: {}", stderr(o));
}

#[track_caller]
fn assert_ok(o: &Output, what: &str) {
    assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(o));
}

const HEAD: &str = "unletters-text/1\n\nS/2025/71\nUnited Nations\nSecurity Council\nDistr.: General\n5 February 2025\nOriginal: English\n\n________________________________________\n\nLetter dated [4 February 2025]{date} from [the President]{from} addressed to the [Secretary-General]{to}\n\nBody.\n\n";

/// Canonical text with annexes nested `n` deep.
fn annexes(n: usize) -> String {
    let mut s = HEAD.to_string();
    for d in 1..=n {
        s.push_str(&format!("{} Annex {d}\n\nText.\n\n", "=".repeat(d)));
    }
    s
}

/// Canonical text with everything that nests nested `n` deep: lists, quotations and spans in
/// the body, and in an annex nested `n` deep, lists, quotations and spans again.
fn everything(n: usize) -> String {
    let list: String = (0..n)
        .map(|i| {
            format!(
                "{}-{}\n",
                "  ".repeat(i),
                if i + 1 == n { " x" } else { "" }
            )
        })
        .collect();
    let quote = format!("{}x\n", "> ".repeat(n));
    let spans = format!("{}x{}\n", "[".repeat(n), "]{em}".repeat(n));
    let nested = format!("{list}\n{quote}\n{spans}\n");
    let mut s = HEAD.to_string();
    s.push_str(&nested);
    for d in 1..=n {
        s.push_str(&format!("{} Annex\n\n", "=".repeat(d)));
    }
    s.push_str(&nested);
    s
}

/// Akoma Ntoso whose elements nest `n` deep (root included): emphasis inside emphasis.
fn deep_akn(n: usize) -> String {
    let inner = n - 4;
    format!(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"officialLetter\"><mainBody><p>{}x{}</p></mainBody></doc></akomaNtoso>",
        "<i>".repeat(inner),
        "</i>".repeat(inner)
    )
}

#[test]
fn text_nesting_beyond_the_limit_names_the_flag_and_raising_it_lets_it_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("old.txt"), annexes(64)).unwrap();
    std::fs::write(d.join("deep.txt"), annexes(65)).unwrap();
    let flag = "--max-text-depth";
    for args in [
        &["convert", "deep.txt", "--to", "akn"][..],
        &["validate", "deep.txt"],
        &["diff", "old.txt", "deep.txt"],
    ] {
        let o = unletters(d, args);
        assert_limit(&o, flag, &args.join(" "));
        assert!(
            stderr(&o).contains("deeper than 64 levels"),
            "{}",
            stderr(&o)
        );
        let raised = [args, &[flag, "65"]].concat();
        let o = unletters(d, &raised);
        assert_clean(&o, &raised.join(" "));
        assert!(!stderr(&o).contains(flag), "{}", stderr(&o));
    }
    assert_ok(
        &unletters(d, &["convert", "deep.txt", "--to", "akn", flag, "65"]),
        "convert",
    );
    assert_ok(
        &unletters(d, &["validate", "deep.txt", flag, "65"]),
        "validate",
    );
    // Differences: exit 1.
    let o = unletters(d, &["diff", "old.txt", "deep.txt", flag, "65"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // Lowered, the default letter is refused.
    assert_limit(
        &unletters(d, &["convert", "old.txt", "--to", "akn", flag, "10"]),
        flag,
        "lowered",
    );
}

#[test]
fn xml_nesting_beyond_the_limit_names_the_flag_and_raising_it_lets_it_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("deep.xml"), deep_akn(513)).unwrap();
    let flag = "--max-xml-depth";
    for args in [
        &["convert", "deep.xml", "--to", "text"][..],
        &["diff", "deep.xml", "deep.xml", "--force"],
    ] {
        let o = unletters(d, args);
        assert_limit(&o, flag, &args.join(" "));
        assert!(
            stderr(&o).contains("deeper than 512 levels"),
            "{}",
            stderr(&o)
        );
        let raised = [args, &[flag, "513"]].concat();
        assert_ok(&unletters(d, &raised), &raised.join(" "));
    }
    // Validation parses up to the larger of 1,000 and the flag.
    std::fs::write(d.join("deeper.xml"), deep_akn(1001)).unwrap();
    let o = unletters(d, &["validate", "deeper.xml"]);
    assert_limit(&o, flag, "validate");
    assert!(
        stderr(&o).contains("deeper than 1000 levels"),
        "{}",
        stderr(&o)
    );
    let o = unletters(d, &["validate", "deep.xml"]);
    assert_clean(&o, "validate");
    assert!(!stderr(&o).contains(flag), "{}", stderr(&o));
}

#[test]
fn limits_above_their_caps_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("x.txt"), annexes(1)).unwrap();
    for (flag, cap) in [
        ("--max-xml-depth", MAX_XML_DEPTH_CAP),
        ("--max-text-depth", MAX_TEXT_DEPTH_CAP),
    ] {
        for bad in [(cap + 1).to_string(), "0".into(), "-1".into(), "x".into()] {
            for cmd in [
                &["convert", "x.txt", "--to", "json"][..],
                &["validate", "x.txt"],
                &["diff", "x.txt", "x.txt"],
            ] {
                let args = [cmd, &[flag, bad.as_str()]].concat();
                let o = unletters(d, &args);
                assert_eq!(o.status.code(), Some(2), "{}", args.join(" "));
                assert!(o.stdout.is_empty());
            }
        }
    }
}

/// Runs every command over `file` with both limits at their caps: each ends cleanly. `xsd`:
/// whether AKN goes through the XSD engine too (`--validate`, `validate`), which is correct at
/// any depth but slow on the deepest structures (a minute in a debug build for the AKN written
/// from canonical text at its cap), so that case leaves it out.
fn every_command(d: &Path, file: &str, xsd: bool) -> Vec<(String, Output)> {
    let xml = MAX_XML_DEPTH_CAP.to_string();
    let text = MAX_TEXT_DEPTH_CAP.to_string();
    let caps = ["--max-xml-depth", &xml, "--max-text-depth", &text];
    let mut runs: Vec<Vec<String>> = Vec::new();
    for to in ["json", "text", "akn", "html"] {
        let out = format!("{file}.{to}.out");
        runs.push(
            ["convert", file, "--to", to, "-o", &out]
                .map(String::from)
                .to_vec(),
        );
        if xsd || to != "akn" {
            runs.push(
                ["convert", file, "--to", to, "--validate"]
                    .map(String::from)
                    .to_vec(),
            );
        }
    }
    runs.push(vec!["validate".into(), file.into()]);
    for format in ["terminal", "json", "html", "unified"] {
        runs.push(
            ["diff", file, file, "--force", "--format", format]
                .map(String::from)
                .to_vec(),
        );
    }
    let mut outputs = Vec::new();
    for run in runs {
        let mut args: Vec<&str> = run.iter().map(String::as_str).collect();
        args.extend(caps);
        let o = unletters(d, &args);
        let what = args.join(" ");
        assert_clean(&o, &what);
        outputs.push((what, o));
    }
    // What was written reads back (or is refused cleanly) through every command too.
    for to in ["text", "akn"] {
        let out = format!("{file}.{to}.out");
        if d.join(&out).exists() {
            for cmd in [
                &["convert", &out, "--to", "json"][..],
                &["validate", "--from", to, &out],
                &["diff", &out, file, "--force"],
            ] {
                if !xsd && to == "akn" && cmd[0] == "validate" {
                    continue;
                }
                let args = [cmd, &caps[..]].concat();
                assert_clean(&unletters(d, &args), &args.join(" "));
            }
        }
    }
    outputs
}

#[test]
fn text_nested_at_the_cap_goes_through_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("deep.txt"), everything(MAX_TEXT_DEPTH_CAP)).unwrap();
    let runs = every_command(d, "deep.txt", false);
    for (what, o) in &runs {
        if what.contains("--to json") {
            // Deeper than JSON can hold: refused cleanly, nothing written.
            assert_eq!(o.status.code(), Some(2), "{what}");
            assert!(stderr(o).contains("JSON"), "{what}: {}", stderr(o));
        } else if !what.starts_with("diff") || !what.contains("terminal") {
            assert_ok(o, what);
        }
    }
    assert!(!d.join("deep.txt.json.out").exists());
    // The AKN written from it reads back under the XML cap.
    let o = unletters(
        d,
        &[
            "convert",
            "deep.txt.akn.out",
            "--to",
            "text",
            "--max-xml-depth",
            &MAX_XML_DEPTH_CAP.to_string(),
            "--max-text-depth",
            &MAX_TEXT_DEPTH_CAP.to_string(),
        ],
    );
    assert_ok(&o, "AKN back to text");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        std::fs::read_to_string(d.join("deep.txt.text.out")).unwrap()
    );
}

#[test]
fn xml_nested_at_the_cap_goes_through_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("deep.xml"), deep_akn(MAX_XML_DEPTH_CAP)).unwrap();
    for (what, o) in every_command(d, "deep.xml", true) {
        if what.contains("--to json") {
            assert_eq!(o.status.code(), Some(2), "{what}");
        } else if what.starts_with("convert") {
            assert_ok(&o, &what);
        }
    }
}

#[test]
fn json_holds_what_it_can_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Annexes holding a paragraph: 61 levels fit in JSON's 128 (two a level, four for the
    // paragraph's text, one for the document); 62 do not.
    std::fs::write(d.join("fits.txt"), annexes(61)).unwrap();
    std::fs::write(d.join("deep.txt"), annexes(62)).unwrap();
    let o = unletters(
        d,
        &["convert", "fits.txt", "--to", "json", "-o", "fits.json"],
    );
    assert_ok(&o, "61 levels");
    assert_ok(
        &unletters(d, &["convert", "fits.json", "--to", "text"]),
        "read back",
    );
    assert_ok(&unletters(d, &["validate", "fits.json"]), "validate");
    let o = unletters(
        d,
        &["convert", "deep.txt", "--to", "json", "-o", "deep.json"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("128"), "{}", stderr(&o));
    assert!(!d.join("deep.json").exists());
}

/// Counts the heap each thread holds, so a test can measure what one call on its own thread
/// allocates at its peak while other tests run beside it.
mod heap {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        static NOW: Cell<isize> = const { Cell::new(0) };
        static PEAK: Cell<isize> = const { Cell::new(0) };
    }

    fn add(n: isize) {
        // `try_with`: during thread teardown the counters may be gone; nothing to count then.
        let _ = NOW.try_with(|now| {
            let v = now.get() + n;
            now.set(v);
            let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
        });
    }

    // SAFETY: every call is passed to the system allocator unchanged; only counters move.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            add(layout.size() as isize);
            // SAFETY: the caller's contract is forwarded as is.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            add(-(layout.size() as isize));
            // SAFETY: as above.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
            add(new as isize - layout.size() as isize);
            // SAFETY: as above.
            unsafe { System.realloc(ptr, layout, new) }
        }
    }

    /// The most heap `f` held at once beyond what was held when it started, in bytes.
    pub fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
        let start = NOW.with(Cell::get);
        PEAK.with(|p| p.set(start));
        let out = f();
        let peak = PEAK.with(Cell::get);
        (out, usize::try_from(peak - start).unwrap_or(0))
    }
}

#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

#[test]
fn every_reader_peaks_under_four_times_its_input_plus_a_constant() {
    use unletters::Format;
    use unletters::convert::{self, ReadOptions};
    const MB: usize = 1 << 20;
    const CONSTANT: usize = 16 * MB;
    let size = 12 * MB;
    let words = "UN ".repeat(size / 3);
    let json_string = format!("{{\"format\": \"unletters/1\", \"title\": \"{words}\"}}");
    let akn_text = format!(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"officialLetter\"><mainBody><p>{words}</p></mainBody></doc></akomaNtoso>"
    );
    let many_lines =
        format!("{}\n", "UN UN UN UN UN UN UN UN UN UN UN UN UN UN UN").repeat(size / 48);
    let canonical = format!("unletters-text/1\n\nS/2025/71\n\n{words}\n");
    let bold = "**UN**x ".repeat(size / 8);
    let inputs: [(&str, &str, Format); 6] = [
        ("one line of words", &words, Format::Text),
        ("one line with bold markers", &bold, Format::Text),
        ("lines of words", &many_lines, Format::Text),
        (
            "canonical text, one long paragraph",
            &canonical,
            Format::Text,
        ),
        ("JSON, one long string", &json_string, Format::Json),
        ("AKN, one long text node", &akn_text, Format::Akn),
    ];
    for (what, input, format) in inputs {
        let options = ReadOptions {
            from: Some(format),
            ..ReadOptions::default()
        };
        let (_, peak) = heap::peak_of(|| convert::read(input.as_bytes(), &options));
        let bound = 4 * input.len() + CONSTANT;
        assert!(
            peak <= bound,
            "{what}: the reader held {} MB at its peak for {} MB of input (bound {} MB)",
            peak / MB,
            input.len() / MB,
            bound / MB
        );
    }
}

#[test]
fn text_of_more_lines_than_the_reader_takes_is_refused_naming_the_line() {
    let max = unletters::text::MAX_LINES;
    let lines = "x\n".repeat(max + 1);
    let err = unletters::text::read(&lines, &Default::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(&format!("{}:1:", max + 1)) && err.contains("lines"),
        "{err}"
    );
    // At the limit the reader gets to read it (and finds no letter in it).
    let err = unletters::text::read(&"x\n".repeat(max), &Default::default())
        .unwrap_err()
        .to_string();
    assert!(!err.contains(&max.to_string()), "{err}");
}

#[test]
fn akn_of_annexes_nested_at_the_default_limit_passes_the_schema_check_work_bound() {
    // Each annex is a `doc`, a scope of the schema's identity constraints, inside the one
    // above it: the schema check's work grows with the cube of this nesting, and what the
    // writer produces under the default limits must still be checked, not refused.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("deep.txt"), annexes(64)).unwrap();
    let o = unletters(
        d,
        &[
            "convert",
            "deep.txt",
            "--to",
            "akn",
            "-o",
            "deep.xml",
            "--validate",
        ],
    );
    assert_ok(&o, "convert --validate");
    let o = unletters(d, &["validate", "deep.xml", "--format", "json"]);
    assert_ok(&o, "validate");
    assert!(!String::from_utf8_lossy(&o.stdout).contains("schema-work-limit"));
}
