//! `cargo xtask diff-bench [OLD NEW]`: times `unletters diff` against `git diff --no-index
//! --word-diff` on the same pair of files (default: the 126-page `E/CN.6/2025/3` and its `Rev.1`
//! from `../shared/corpus/revisions`). Reading each side into the model and diffing the models
//! are timed apart; the target is diff + read within three times git's word diff. Run it with
//! `--release` for figures worth quoting: `cargo xtask diff-bench` builds xtask in the dev profile.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};

const RUNS: usize = 15;

pub fn run(args: &[String]) -> Result<()> {
    let corpus = super::root().join("../shared/corpus/revisions");
    let (old, new) = match args {
        [a, b] => (PathBuf::from(a), PathBuf::from(b)),
        _ => (
            corpus.join("E_CN.6_2025_3.txt"),
            corpus.join("E_CN.6_2025_3_Rev.1.txt"),
        ),
    };
    let old_bytes = std::fs::read(&old).with_context(|| old.display().to_string())?;
    let new_bytes = std::fs::read(&new).with_context(|| new.display().to_string())?;
    let read =
        |bytes: &[u8]| unletters::convert::read(bytes, &Default::default()).map(|r| r.document);
    let read_time = median(|| {
        let _ = read(&old_bytes);
        let _ = read(&new_bytes);
    });
    let old_doc = read(&old_bytes).map_err(|e| anyhow!("{}: {e}", old.display()))?;
    let new_doc = read(&new_bytes).map_err(|e| anyhow!("{}: {e}", new.display()))?;
    let mut diff = unletters::diff::diff(&old_doc, &new_doc);
    let diff_time = median(|| diff = unletters::diff::diff(&old_doc, &new_doc));
    let git_time = median(|| {
        let _ = Command::new("git")
            .args(["diff", "--no-index", "--word-diff"])
            .arg(&old)
            .arg(&new)
            .output();
    });
    let ours = read_time + diff_time;
    println!(
        "{} vs {}: {} changes, {} metadata fields, {} unchanged blocks, guarded: {}",
        old.display(),
        new.display(),
        diff.changes.len(),
        diff.metadata.len(),
        diff.unchanged,
        diff.guarded
    );
    println!("read both:  {read_time:>10.2?}");
    println!("diff:       {diff_time:>10.2?}");
    println!("git --word-diff: {git_time:>10.2?}");
    println!(
        "read + diff = {:.2}x git word diff (target: at most 3x)",
        ours.as_secs_f64() / git_time.as_secs_f64()
    );
    if let Some(peak) = peak_memory() {
        println!("peak resident memory: {peak}");
    }
    Ok(())
}

/// The median wall time of [`RUNS`] runs.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// The process's peak resident set size, from `/proc` (Linux only).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
}
