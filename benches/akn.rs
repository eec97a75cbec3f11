//! Speed of the AKN writer and reader: `cargo bench --bench akn`. Prints MB/s of AKN written and
//! read for every corpus document the text reader can read, or, while it cannot, for synthetic
//! letters of the same size.

// The test support modules, as the integration tests declare them (akn_support uses common).
#[path = "../tests/it/common/mod.rs"]
mod common;
#[path = "../tests/it/akn_support/mod.rs"]
mod support;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use unletters::model::{Block, Document};
use unletters::{akn, text};

fn corpus() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut docs = Vec::new();
    for dir in ["letters", "revisions", "word"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(input) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            if let Ok((doc, _)) =
                text::read(&input, &Default::default()).map(|r| (r.document, r.warnings))
            {
                docs.push(doc);
            }
        }
    }
    docs
}

/// Synthetic letters standing in for the corpus: ~180 documents of 5 to 40 paragraphs.
fn synthetic() -> Vec<Document> {
    (0..180)
        .map(|i| {
            let mut doc = support::synthetic_letter();
            let para = doc.body[0].clone();
            for _ in 0..(5 + i % 36) {
                doc.body.insert(1, para.clone());
            }
            doc.body.push(Block::paragraph("x".repeat(i * 7)));
            doc
        })
        .collect()
}

/// Runs `f` over the whole set until a second has passed; MB/s of `bytes` per pass.
fn rate(bytes: usize, mut f: impl FnMut()) -> f64 {
    f();
    let start = Instant::now();
    let mut passes = 0u32;
    while start.elapsed() < Duration::from_secs(1) || passes < 3 {
        f();
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    bytes as f64 * f64::from(passes) / secs / 1e6
}

fn main() {
    let mut docs = corpus();
    let source = if docs.is_empty() {
        docs = synthetic();
        "synthetic letters (the text reader cannot read the corpus yet)"
    } else {
        "corpus documents"
    };
    let xmls: Vec<String> = docs
        .iter()
        .map(|d| akn::write(d).expect("writes"))
        .collect();
    let bytes: usize = xmls.iter().map(String::len).sum();
    println!(
        "AKN of {} {source}: {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    let write = rate(bytes, || {
        for d in &docs {
            black_box(akn::write(black_box(d)).expect("writes"));
        }
    });
    let read = rate(bytes, || {
        for x in &xmls {
            black_box(
                akn::read(black_box(x), &Default::default())
                    .map(|r| (r.document, r.warnings))
                    .expect("reads"),
            );
        }
    });
    println!("write: {write:.0} MB/s of AKN");
    println!("read:  {read:.0} MB/s of AKN");
}
