//! `cargo xtask diff-bench [OLD NEW]`: times `unletters diff` against `git diff --no-index
//! --word-diff` on the same pair of files (default: the 126-page `E/CN.6/2025/3` and its `Rev.1`
//! from `../shared/corpus/revisions`), and, by default, `unletters diff` on the same pair's
//! official PDFs (`../shared/corpus/revisions-pdf`) against `git diff` on its text.
//!
//! The comparison is what a user runs: one `unletters diff --format json` process (the release
//! binary, built first) against one `git diff` process, median wall time of each, with the
//! diff's peak memory; the target is at most three times git, for the text pair and for the PDF
//! pair (whose reading includes the PDF parse that pdftotext did for git). For where the time
//! goes it also times, in this process, reading each side into the model and diffing the models
//! (meaningful when xtask itself is built with `--release`).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};

const RUNS: usize = 15;

pub fn run(args: &[String]) -> Result<()> {
    let corpus = super::root().join("../shared/corpus");
    let (old, new, pdfs) = match args {
        [a, b] => (PathBuf::from(a), PathBuf::from(b), None),
        _ => (
            corpus.join("revisions/E_CN.6_2025_3.txt"),
            corpus.join("revisions/E_CN.6_2025_3_Rev.1.txt"),
            Some((
                corpus.join("revisions-pdf/E_CN.6_2025_3.pdf"),
                corpus.join("revisions-pdf/E_CN.6_2025_3_Rev.1.pdf"),
            )),
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
    let bin = release_binary()?;
    let diff_process = median(|| {
        let _ = Command::new(&bin)
            .args(["diff", "--force", "--format", "json"])
            .arg(&old)
            .arg(&new)
            .output();
    });
    let rss = peak_rss(&bin, &old, &new);
    println!(
        "{} vs {}: {} changes, {} metadata fields, {} unchanged blocks, guarded: {}",
        old.display(),
        new.display(),
        diff.changes.len(),
        diff.metadata.len(),
        diff.unchanged,
        diff.guarded
    );
    println!("in process: read both sides {read_time:.2?}, diff the models {diff_time:.2?}");
    println!("unletters diff --format json (process): {diff_process:>8.2?}{rss}");
    println!("git diff --no-index --word-diff (process): {git_time:>8.2?}");
    println!(
        "unletters diff / git word diff: {:.2}x (target: at most 3x)",
        diff_process.as_secs_f64() / git_time.as_secs_f64()
    );
    if let Some((old_pdf, new_pdf)) = pdfs {
        let old_pdf_bytes =
            std::fs::read(&old_pdf).with_context(|| old_pdf.display().to_string())?;
        let new_pdf_bytes =
            std::fs::read(&new_pdf).with_context(|| new_pdf.display().to_string())?;
        let read_time = median(|| {
            let _ = read(&old_pdf_bytes);
            let _ = read(&new_pdf_bytes);
        });
        let old_doc = read(&old_pdf_bytes).map_err(|e| anyhow!("{}: {e}", old_pdf.display()))?;
        let new_doc = read(&new_pdf_bytes).map_err(|e| anyhow!("{}: {e}", new_pdf.display()))?;
        let mut diff = unletters::diff::diff(&old_doc, &new_doc);
        let diff_time = median(|| diff = unletters::diff::diff(&old_doc, &new_doc));
        let pdf_process = median(|| {
            let _ = Command::new(&bin)
                .args(["diff", "--force", "--format", "json"])
                .arg(&old_pdf)
                .arg(&new_pdf)
                .output();
        });
        let rss = peak_rss(&bin, &old_pdf, &new_pdf);
        println!(
            "{} vs {}: {} changes, {} metadata fields, {} unchanged blocks, guarded: {}",
            old_pdf.display(),
            new_pdf.display(),
            diff.changes.len(),
            diff.metadata.len(),
            diff.unchanged,
            diff.guarded
        );
        println!("in process: read both PDFs {read_time:.2?}, diff the models {diff_time:.2?}");
        println!("unletters diff --format json on the PDFs (process): {pdf_process:>8.2?}{rss}");
        println!(
            "unletters diff (PDFs) / git word diff (text): {:.2}x (target: at most 3x)",
            pdf_process.as_secs_f64() / git_time.as_secs_f64()
        );
        // What the git user runs first: pdftotext of each PDF.
        let pdftotext = median(|| {
            for f in [&old_pdf, &new_pdf] {
                let _ = Command::new("pdftotext").arg(f).arg("/dev/null").output();
            }
        });
        println!(
            "pdftotext of both PDFs (processes): {pdftotext:>8.2?}; unletters diff (PDFs) / (pdftotext + git word diff): {:.2}x",
            pdf_process.as_secs_f64() / (pdftotext + git_time).as_secs_f64()
        );
    }
    Ok(())
}

/// Builds the release binary and returns its path.
fn release_binary() -> Result<PathBuf> {
    let root = super::root();
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "unletters"])
        .current_dir(&root)
        .status()
        .context("cargo build --release")?;
    if !status.success() {
        return Err(anyhow!("cargo build --release failed"));
    }
    Ok(root.join("target/release/unletters"))
}

/// `, peak RSS N MB` from GNU time, when it is installed.
fn peak_rss(bin: &std::path::Path, old: &std::path::Path, new: &std::path::Path) -> String {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(bin)
        .args(["diff", "--force", "--format", "json"])
        .arg(old)
        .arg(new)
        .output();
    out.ok()
        .and_then(|o| {
            let err = String::from_utf8_lossy(&o.stderr).into_owned();
            err.lines().last()?.trim().parse::<f64>().ok()
        })
        .map(|kb| format!(", peak RSS {:.1} MB", kb / 1024.0))
        .unwrap_or_default()
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
