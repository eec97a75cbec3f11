//! Reading speed of the extracted-text reader: reads every letter of `../shared/corpus/letters`
//! (and the `-layout` twins) several times on one core and prints MB/s. Run with
//! `cargo bench --bench read_text`.

use std::path::Path;
use std::time::Instant;

fn load(dir: &Path) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn bench(name: &str, texts: &[String], rounds: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        println!("{name}: no input, skipped");
        return;
    }
    // One warm-up round, then the timed ones.
    for t in texts {
        std::hint::black_box(unletters::text::extracted::read(t).ok());
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for t in texts {
            std::hint::black_box(unletters::text::extracted::read(std::hint::black_box(t)).ok());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{name}: {} files, {:.2} MB x {rounds} rounds in {secs:.2} s: {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        mb / secs
    );
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        println!("no corpus at {}: skipped", corpus.display());
        return;
    }
    let rounds = std::env::args()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(5);
    bench(
        "letters (pdftotext default)",
        &load(&corpus.join("letters")),
        rounds,
    );
    bench(
        "letters-layout (pdftotext -layout)",
        &load(&corpus.join("letters-layout")),
        rounds,
    );
}
