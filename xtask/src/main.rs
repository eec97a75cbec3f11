//! Project tasks: `cargo xtask schema` regenerates the published JSON Schema; `cargo xtask check`
//! checks generated and vendored files are current; `cargo xtask bench` measures whole-corpus
//! throughput against peer tools (run on demand, never in CI).

mod bench;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "schema" => schema(),
        "check" => check(),
        "bench" => bench::run(&root()),
        _ => {
            eprintln!(
                "usage: cargo xtask <schema|check|bench>\n  schema  regenerate schemas/unletters.schema.json from the model\n  check   fail when a generated or vendored file is stale\n  bench   convert, validate and diff the corpus; compare with pandoc, xmllint, git diff"
            );
            std::process::exit(2);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schema() -> Result<()> {
    let path = root().join("schemas/unletters.schema.json");
    std::fs::write(&path, unletters::json::schema_text())
        .with_context(|| path.display().to_string())?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

fn check() -> Result<()> {
    let path = root().join("schemas/unletters.schema.json");
    let committed = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    if committed != unletters::json::schema_text() {
        bail!("{} is stale: run `cargo xtask schema`", path.display());
    }
    eprintln!("generated files are current");
    Ok(())
}
