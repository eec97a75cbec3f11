//! `cargo xtask bench`: whole-corpus throughput of the release binary, measured in one run next to
//! the peers users would otherwise reach for (pandoc one process per file, xmllint one call for
//! all files, `git diff --word-diff` per revision pair, `pdftotext` once per PDF), and peak memory
//! at 1x and 10x the corpus (text and PDFs).
//!
//! Run on demand, never in CI: timings depend on the machine; each unletters and xmllint command
//! runs three times and the fastest run is reported. Peak RSS comes from GNU time
//! (`/usr/bin/time -f %M`) when it is installed. A peer that is not installed is reported as such.
//! The corpus is `../shared/corpus` (or `$UNLETTERS_CORPUS`); copies for the 10x run go under the
//! system temporary folder and are removed at the end.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

/// One measured command.
struct Row {
    name: String,
    files: usize,
    bytes: u64,
    seconds: f64,
    rss_kb: Option<u64>,
    note: String,
}

impl Row {
    fn files_per_second(&self) -> f64 {
        self.files as f64 / self.seconds.max(1e-9)
    }
}

/// What one process run gave.
struct Measured {
    seconds: f64,
    /// User plus system CPU seconds, from GNU time: steadier than wall time on a loaded machine.
    cpu: Option<f64>,
    rss_kb: Option<u64>,
    code: Option<i32>,
    stderr: String,
}

/// `args`: empty for everything, `pdf` for the PDF rows alone (the batch against the pdftotext
/// loop, and peak memory at 1x and 10x the PDFs).
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let only_pdf = match args {
        [] => false,
        [a] if a == "pdf" => true,
        _ => bail!("usage: cargo xtask bench [pdf]"),
    };
    let corpus = std::env::var_os("UNLETTERS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let letters = corpus.join("letters");
    if !letters.is_dir() {
        bail!(
            "{}: corpus not found (set UNLETTERS_CORPUS)",
            letters.display()
        );
    }
    eprintln!("building the release binary ...");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "unletters"])
        .current_dir(root)
        .status()
        .context("cargo build")?;
    if !status.success() {
        bail!("cargo build --release failed");
    }
    let bin = root.join("target/release/unletters");
    let work = std::env::temp_dir().join(format!("unletters-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let result = if only_pdf {
        let mut rows = Vec::new();
        measure_pdfs(&bin, &corpus, &work, &mut rows).map(|()| rows)
    } else {
        measure_all(root, &bin, &corpus, &work)
    };
    let _ = std::fs::remove_dir_all(&work);
    let rows = result?;
    print(&rows);
    Ok(())
}

fn measure_all(root: &Path, bin: &Path, corpus: &Path, work: &Path) -> Result<Vec<Row>> {
    let letters = corpus.join("letters");
    let inputs = list(&letters, &["txt"])?;
    let (n, bytes) = (inputs.len(), total_bytes(&inputs));
    let mut rows = Vec::new();
    let unl = bin.to_string_lossy().into_owned();
    let letters_s = letters.to_string_lossy().into_owned();

    for (name, to, validate) in [
        ("unletters convert -> json --validate", "json", true),
        ("unletters convert -> akn --validate", "akn", true),
        ("unletters convert -> text", "text", false),
        (
            "unletters convert -> akn,json,text --validate",
            "akn,json,text",
            true,
        ),
    ] {
        let out = work.join(to.replace(',', "-"));
        let mut args = vec![
            "convert",
            &letters_s,
            "--to",
            to,
            "--out-dir",
            out.to_str().unwrap_or_default(),
        ];
        if validate {
            args.push("--validate");
        }
        let m = measure(&unl, &args)?;
        rows.push(row(name, n, bytes, &m, summary_note(&m)));
    }

    // Validation of what was written: unletters (one process) against xmllint (one call).
    let all = work.join("akn-json-text");
    let written_xml = list(&all, &["xml"]).unwrap_or_default();
    let written = list(&all, &["xml", "json"]).unwrap_or_default();
    if written.is_empty() {
        rows.push(skipped(
            "unletters validate (AKN + JSON outputs)",
            "no outputs to validate",
        ));
    } else {
        let m = measure(&unl, &["validate", all.to_str().unwrap_or_default()])?;
        let note = last_line(&m);
        rows.push(row(
            "unletters validate (AKN + JSON outputs)",
            written.len(),
            total_bytes(&written),
            &m,
            note,
        ));
    }
    if written_xml.is_empty() {
        rows.push(skipped(
            "xmllint --schema (one call, AKN outputs)",
            "no AKN outputs (writer not built?)",
        ));
    } else if which("xmllint") {
        let xsd = root.join("schemas/akn/akomantoso30.xsd");
        let mut args = vec![
            "--noout".to_string(),
            "--schema".into(),
            xsd.to_string_lossy().into_owned(),
        ];
        args.extend(written_xml.iter().map(|p| p.to_string_lossy().into_owned()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let m = measure("xmllint", &args)?;
        rows.push(row(
            "xmllint --schema (one call, AKN outputs)",
            written_xml.len(),
            total_bytes(&written_xml),
            &m,
            exit_note(&m),
        ));
    } else {
        rows.push(skipped(
            "xmllint --schema (one call, AKN outputs)",
            "xmllint not installed (apt-get install libxml2-utils)",
        ));
    }

    // pandoc, one process per file, as its users batch it.
    if which("pandoc") {
        let started = Instant::now();
        let mut failed = 0;
        for f in &inputs {
            let ok = Command::new("pandoc")
                .args(["-f", "markdown", "-t", "jats", "-o", "/dev/null"])
                .arg(f)
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            failed += usize::from(!ok);
        }
        rows.push(Row {
            name: "pandoc markdown -> jats (one process per file)".into(),
            files: n,
            bytes,
            seconds: started.elapsed().as_secs_f64(),
            rss_kb: None,
            note: format!("{failed} failed"),
        });
    } else {
        rows.push(skipped(
            "pandoc markdown -> jats (one process per file)",
            "pandoc not installed (apt-get install pandoc)",
        ));
    }

    // Revision pairs: unletters diff and git diff --word-diff, one process per pair.
    let pairs = revision_pairs(&corpus.join("revisions"))?;
    let pair_bytes: u64 = pairs
        .iter()
        .map(|(a, b)| total_bytes(&[a.clone(), b.clone()]))
        .sum();
    for (name, tool) in [
        ("unletters diff (one process per pair)", "unletters"),
        ("git diff --word-diff (one process per pair)", "git"),
    ] {
        let started = Instant::now();
        let mut codes = Vec::new();
        for (old, new) in &pairs {
            let status = if tool == "git" {
                Command::new("git")
                    .args(["diff", "--no-index", "--word-diff", "--no-color"])
                    .arg(old)
                    .arg(new)
                    .stdout(Stdio::null())
                    .status()
            } else {
                // --force: the Word pair (A/80/6 (Sect. 24) and its Corr.1) prints no symbol,
                // and these pairs are known to be versions of one document.
                Command::new(bin)
                    .args(["diff", "--force"])
                    .arg(old)
                    .arg(new)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
            };
            codes.push(status.ok().and_then(|s| s.code()).unwrap_or(-1));
        }
        let differ = codes.iter().filter(|&&c| c == 1).count();
        let errors = codes.iter().filter(|&&c| c != 0 && c != 1).count();
        rows.push(Row {
            name: name.into(),
            files: pairs.len(),
            bytes: pair_bytes,
            seconds: started.elapsed().as_secs_f64(),
            rss_kb: None,
            note: format!("{differ} differ, {errors} errors"),
        });
    }

    measure_pdfs(bin, corpus, work, &mut rows)?;

    // Peak memory as the archive grows: the corpus copied 10 times.
    let ten = work.join("x10");
    for k in 0..10 {
        let dir = ten.join(format!("copy{k}"));
        std::fs::create_dir_all(&dir)?;
        for f in &inputs {
            if let Some(name) = f.file_name() {
                std::fs::copy(f, dir.join(name))?;
            }
        }
    }
    for (name, input, files, b) in [
        (
            "memory: 1x corpus -> akn,json --validate",
            letters.clone(),
            n,
            bytes,
        ),
        (
            "memory: 10x corpus -> akn,json --validate",
            ten.clone(),
            n * 10,
            bytes * 10,
        ),
    ] {
        let out = work.join(format!("mem-{files}"));
        let m = measure(&unl, &to_akn_json_validated(&input, &out))?;
        rows.push(row(name, files, b, &m, summary_note(&m)));
    }
    Ok(rows)
}

/// The arguments of one batch: `input` to AKN and JSON in `out`, validated.
fn to_akn_json_validated<'a>(input: &'a Path, out: &'a Path) -> [&'a str; 7] {
    [
        "convert",
        input.to_str().unwrap_or_default(),
        "--to",
        "akn,json",
        "--validate",
        "--out-dir",
        out.to_str().unwrap_or_default(),
    ]
}

/// PDFs: unletters reads the corpus PDFs to AKN + JSON with validation in one batch, against
/// `pdftotext` alone run once per PDF, as a user would loop it before any reader runs. The two are
/// run alternately, [`RUNS`] times each, so that the load of a shared machine weighs on both
/// alike; the fastest of each is kept, and each run's ratio is printed. Then peak memory for the
/// PDFs copied 10 times, against the fastest 1x run's.
fn measure_pdfs(bin: &Path, corpus: &Path, work: &Path, rows: &mut Vec<Row>) -> Result<()> {
    let unl = bin.to_string_lossy().into_owned();
    let pdf_dir = corpus.join("pdf");
    let pdfs = list(&pdf_dir, &["pdf"]).unwrap_or_default();
    if pdfs.is_empty() {
        rows.push(skipped(
            "unletters convert PDF -> akn,json --validate",
            "no PDFs in the corpus",
        ));
        return Ok(());
    }
    let pdf_bytes = total_bytes(&pdfs);
    let out = work.join("pdf-akn-json");
    let convert = |input: &Path, out: &Path| -> Result<Measured> {
        let _ = std::fs::remove_dir_all(out);
        measure_once(&unl, &to_akn_json_validated(input, out))
    };
    let pdftotext = which_arg("pdftotext", "-v");
    let mut best: Option<Measured> = None;
    let mut best_loop: Option<(Measured, usize)> = None;
    let mut ratios = Vec::new();
    let cpu = |m: &Measured| m.cpu.map_or("-".to_string(), |c| format!("{c:.3}"));
    for run in 0..RUNS {
        let m = convert(&pdf_dir, &out)?;
        eprintln!(
            "PDF run {}: unletters {:.3} s (CPU {} s)",
            run + 1,
            m.seconds,
            cpu(&m)
        );
        if pdftotext {
            let (p, failed) = pdftotext_loop(&pdfs)?;
            eprintln!(
                "PDF run {}: pdftotext loop {:.3} s (CPU {} s)",
                run + 1,
                p.seconds,
                cpu(&p)
            );
            ratios.push(m.seconds / p.seconds.max(1e-9));
            if best_loop
                .as_ref()
                .is_none_or(|(b, _)| p.seconds < b.seconds)
            {
                best_loop = Some((p, failed));
            }
        }
        if best.as_ref().is_none_or(|b| m.seconds < b.seconds) {
            best = Some(m);
        }
    }
    let Some(m) = best else { return Ok(()) };
    rows.push(row(
        "unletters convert PDF -> akn,json --validate",
        pdfs.len(),
        pdf_bytes,
        &m,
        summary_note(&m),
    ));
    if let Some((p, failed)) = best_loop {
        let (lo, hi) = ratios
            .iter()
            .fold((f64::MAX, 0.0f64), |(lo, hi), &r| (lo.min(r), hi.max(r)));
        let cpu_ratio = match (m.cpu, p.cpu) {
            (Some(a), Some(b)) => format!(", CPU time {:.2}", a / b.max(1e-9)),
            _ => String::new(),
        };
        rows.push(Row {
            name: "pdftotext (one process per PDF, text only)".into(),
            files: pdfs.len(),
            bytes: pdf_bytes,
            seconds: p.seconds,
            rss_kb: None,
            note: format!(
                "{failed} failed; unletters/pdftotext {:.2} (fastest runs), {lo:.2} to {hi:.2} (run by run){cpu_ratio}",
                m.seconds / p.seconds.max(1e-9)
            ),
        });
    } else {
        rows.push(skipped(
            "pdftotext (one process per PDF, text only)",
            "pdftotext not installed (apt-get install poppler-utils)",
        ));
    }
    // Peak memory over PDFs as the archive grows: the PDFs copied 10 times.
    let ten_pdf = work.join("x10-pdf");
    for k in 0..10 {
        let dir = ten_pdf.join(format!("copy{k}"));
        std::fs::create_dir_all(&dir)?;
        for f in &pdfs {
            if let Some(name) = f.file_name() {
                std::fs::copy(f, dir.join(name))?;
            }
        }
    }
    let m10 = convert(&ten_pdf, &work.join("mem-pdf-10x"));
    let _ = std::fs::remove_dir_all(&ten_pdf);
    let _ = std::fs::remove_dir_all(work.join("mem-pdf-10x"));
    let m10 = m10?;
    rows.push(row(
        "memory: 10x PDFs -> akn,json --validate",
        pdfs.len() * 10,
        pdf_bytes * 10,
        &m10,
        summary_note(&m10),
    ));
    Ok(())
}

/// `pdftotext FILE /dev/null` once per PDF, from a shell loop (as a user would run it): the
/// measurement (CPU time includes the shell's) and how many failed.
fn pdftotext_loop(pdfs: &[PathBuf]) -> Result<(Measured, usize)> {
    let mut args = vec![
        "-c".to_string(),
        "failed=0; for f in \"$@\"; do pdftotext \"$f\" /dev/null 2>/dev/null || failed=$((failed+1)); done; echo \"failed $failed\" >&2".into(),
        "sh".into(),
    ];
    args.extend(pdfs.iter().map(|p| p.to_string_lossy().into_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let m = measure_once("sh", &args)?;
    let failed = m
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("failed "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(pdfs.len());
    Ok((m, failed))
}

fn row(name: &str, files: usize, bytes: u64, m: &Measured, note: String) -> Row {
    Row {
        name: name.into(),
        files,
        bytes,
        seconds: m.seconds,
        rss_kb: m.rss_kb,
        note,
    }
}

fn skipped(name: &str, why: &str) -> Row {
    Row {
        name: name.into(),
        files: 0,
        bytes: 0,
        seconds: 0.0,
        rss_kb: None,
        note: format!("not run: {why}"),
    }
}

/// How many times each quick command runs; the fastest run is reported (the others are noise of a
/// shared machine: a command cannot run faster than it can).
const RUNS: usize = 3;

/// Runs a command [`RUNS`] times and keeps the fastest run.
fn measure(program: &str, args: &[&str]) -> Result<Measured> {
    let mut best = measure_once(program, args)?;
    for _ in 1..RUNS {
        let m = measure_once(program, args)?;
        if m.seconds < best.seconds {
            best = m;
        }
    }
    Ok(best)
}

/// Runs a command once, with GNU time for its peak RSS when available.
fn measure_once(program: &str, args: &[&str]) -> Result<Measured> {
    let rss_file = std::env::temp_dir().join(format!("unletters-bench-rss-{}", std::process::id()));
    let gnu_time = Path::new("/usr/bin/time").is_file();
    let mut cmd = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f")
            .arg("%U %S %M")
            .arg("-o")
            .arg(&rss_file)
            .arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    let started = Instant::now();
    let out = cmd.output().with_context(|| program.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let (cpu, rss_kb) = if gnu_time {
        let text = std::fs::read_to_string(&rss_file).unwrap_or_default();
        let _ = std::fs::remove_file(&rss_file);
        let fields: Vec<f64> = text
            .lines()
            .last()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        match fields[..] {
            [user, system, kb] => (Some(user + system), Some(kb as u64)),
            _ => (None, None),
        }
    } else {
        (None, None)
    };
    Ok(Measured {
        seconds,
        cpu,
        rss_kb,
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

fn last_line(m: &Measured) -> String {
    let line = m.stderr.lines().last().unwrap_or_default().trim();
    format!(
        "exit {}: {}",
        m.code.unwrap_or(-1),
        line.chars().take(90).collect::<String>()
    )
}

/// The batch summary line (`N files, ...: N converted, ...`) and the exit code.
fn summary_note(m: &Measured) -> String {
    let line = m
        .stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("unletters convert: ") && l.contains(" files, "))
        .map(|l| l.trim_start_matches("unletters convert: "))
        .unwrap_or_else(|| m.stderr.lines().last().unwrap_or_default());
    let short = line.split_once(": ").map_or(line, |(_, rest)| rest);
    format!(
        "exit {}: {}",
        m.code.unwrap_or(-1),
        short.rsplit_once(" in ").map_or(short, |(a, _)| a)
    )
}

fn exit_note(m: &Measured) -> String {
    format!("exit {}", m.code.unwrap_or(-1))
}

fn which(program: &str) -> bool {
    which_arg(program, "--version")
}

/// Whether `program ARG` runs and succeeds (`pdftotext` has `-v`, not `--version`).
fn which_arg(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Files in `dir` (recursively) with one of the extensions, sorted.
fn list(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| d.display().to_string())? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn total_bytes(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// (original, revision) pairs in `dir`: `X_Rev.1.txt` or `X_Corr.1.txt` with `X.txt`.
fn revision_pairs(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut pairs = Vec::new();
    for new in list(dir, &["txt", "md"])? {
        let (Some(stem), Some(ext)) = (
            new.file_stem().and_then(|s| s.to_str()),
            new.extension().and_then(|e| e.to_str()),
        ) else {
            continue;
        };
        let base = ["_Rev.", "_Corr."]
            .iter()
            .find_map(|m| stem.rfind(m).map(|i| &stem[..i]));
        if let Some(base) = base {
            let old = new.with_file_name(format!("{base}.{ext}"));
            if old.is_file() {
                pairs.push((old, new));
            }
        }
    }
    Ok(pairs)
}

fn print(rows: &[Row]) {
    println!(
        "{:<50} {:>6} {:>7} {:>8} {:>9} {:>7} {:>9}  note",
        "task", "files", "MB", "seconds", "files/s", "MB/s", "peak RSS"
    );
    for r in rows {
        let rss = r
            .rss_kb
            .map_or("-".to_string(), |k| format!("{:.1} MB", k as f64 / 1024.0));
        if r.files == 0 {
            println!(
                "{:<50} {:>6} {:>7} {:>8} {:>9} {:>7} {:>9}  {}",
                r.name, "-", "-", "-", "-", "-", rss, r.note
            );
            continue;
        }
        println!(
            "{:<50} {:>6} {:>7.2} {:>8.3} {:>9.1} {:>7.2} {:>9}  {}",
            r.name,
            r.files,
            r.bytes as f64 / 1e6,
            r.seconds,
            r.files_per_second(),
            r.bytes as f64 / 1e6 / r.seconds.max(1e-9),
            rss,
            r.note
        );
    }
    let find = |prefix: &str| {
        rows.iter()
            .find(|r| r.name.starts_with(prefix) && r.files > 0)
    };
    println!();
    let ratio = |a: Option<&Row>, b: Option<&Row>, what: &str| {
        if let (Some(a), Some(b)) = (a, b) {
            println!(
                "{what}: {:.1}x ({:.1} vs {:.1} files/s)",
                a.files_per_second() / b.files_per_second().max(1e-9),
                a.files_per_second(),
                b.files_per_second()
            );
        } else {
            println!("{what}: n/a (one side not run)");
        }
    };
    ratio(
        find("unletters convert -> akn,json,text"),
        find("pandoc"),
        "per-file throughput, unletters (3 targets, validated) / pandoc (1 target)",
    );
    ratio(
        find("unletters convert -> json"),
        find("pandoc"),
        "per-file throughput, unletters -> json / pandoc",
    );
    ratio(
        find("unletters validate"),
        find("xmllint"),
        "validation, unletters / xmllint",
    );
    ratio(
        find("unletters diff"),
        find("git diff"),
        "revision pairs, unletters diff / git diff",
    );
    if let (Some(u), Some(p)) = (
        find("unletters convert PDF"),
        find("pdftotext (one process"),
    ) {
        println!(
            "PDFs, unletters batch (akn + json, validated) / pdftotext loop: {:.2} ({:.3} s vs {:.3} s; aim: at most 1)",
            u.seconds / p.seconds.max(1e-9),
            u.seconds,
            p.seconds
        );
    }
    let rss = |prefix: &str| find(prefix).and_then(|r| r.rss_kb);
    for (one, ten, what) in [
        ("memory: 1x", "memory: 10x corpus", "the text corpus"),
        ("unletters convert PDF", "memory: 10x PDFs", "the PDFs"),
    ] {
        if let (Some(x), Some(y)) = (rss(one), rss(ten)) {
            println!(
                "peak RSS: {:.1} MB for 1x, {:.1} MB for 10x {what} ({:.2}x)",
                x as f64 / 1024.0,
                y as f64 / 1024.0,
                y as f64 / x.max(1) as f64
            );
        }
    }
}
