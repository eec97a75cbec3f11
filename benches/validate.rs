//! `cargo bench --bench validate`: `unletters validate` against `xmllint --noout --schema` on the
//! same inputs, each as one process run, process start included:
//!
//! - the batch: the 290 UN AKN files of `../shared/akn/unxml` in one run;
//! - one small file: the synthetic letter of the tests (about 13 kB).
//!
//! Prints the median of several runs of each and the ratios (unletters time / xmllint time) that
//! README.md reports. Needs xmllint (`apt-get install libxml2-utils`) and the shared folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const UNXML: &str = "../shared/akn/unxml";
const XSD: &str = "schemas/akn/akomantoso30.xsd";
const LETTER: &str = "tests/fixtures/validate/letter.xml";

/// Median wall time of `runs` runs of a command (after one warm-up run).
fn time(runs: usize, mut command: impl FnMut() -> Command) -> Duration {
    let run = |c: &mut Command| {
        let status = c
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run the command");
        // 0 valid, 1 invalid (unletters), 3 or 4 invalid (xmllint): anything but a crash.
        assert!(status.code().is_some(), "{c:?} was killed");
    };
    run(&mut command());
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let mut c = command();
            let start = Instant::now();
            run(&mut c);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn unletters(args: &[&str], paths: &[PathBuf]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unletters"));
    c.arg("validate").args(args).args(paths);
    c
}

fn xmllint(paths: &[PathBuf]) -> Command {
    let mut c = Command::new("xmllint");
    c.args(["--noout", "--schema", XSD]).args(paths);
    c
}

fn report(what: &str, ours: Duration, theirs: Duration) {
    println!(
        "{what:<44} unletters {:>8.1} ms   xmllint {:>8.1} ms   ratio {:.2}",
        ours.as_secs_f64() * 1e3,
        theirs.as_secs_f64() * 1e3,
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}

fn main() {
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("xmllint not found: nothing to compare with");
        return;
    }
    let mut files: Vec<PathBuf> = match std::fs::read_dir(UNXML) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect(),
        Err(e) => {
            eprintln!("{UNXML}: {e}");
            return;
        }
    };
    files.sort();
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "batch: {} files, {:.1} MB; small file: {} ({} bytes); {} worker threads",
        files.len(),
        bytes as f64 / 1e6,
        LETTER,
        std::fs::metadata(LETTER).map(|m| m.len()).unwrap_or(0),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let runs = 5;
    let xl_batch = time(runs, || xmllint(&files));
    let folder = [Path::new(UNXML).to_path_buf()];
    report(
        "batch, XSD only (--schema-only)",
        time(runs, || unletters(&["--schema-only"], &folder)),
        xl_batch,
    );
    report(
        "batch, XSD and level-2 rules",
        time(runs, || unletters(&[], &folder)),
        xl_batch,
    );
    let letter = [PathBuf::from(LETTER)];
    let runs = 11;
    report(
        "one small file, process start included",
        time(runs, || unletters(&[], &letter)),
        time(runs, || xmllint(&letter)),
    );
}
