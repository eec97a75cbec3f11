//! Project tasks: `cargo xtask schema` regenerates the published JSON Schemas (the document's and
//! the diff's); `cargo xtask check` checks generated and vendored files are current;
//! `cargo xtask diff-screenshot` renders a sample HTML diff in headless Chromium to look at;
//! `cargo xtask bench` measures whole-corpus throughput against peer tools (on demand, never in CI).

mod bench;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

mod diff_screenshot;

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
        "bench" => bench::run(&root()),
        _ => {
            eprintln!(
                "usage: cargo xtask <schema|check|diff-screenshot|bench>\n  schema           regenerate schemas/unletters.schema.json and schemas/diff.schema.json\n  check            fail when a generated or vendored file is stale\n  diff-screenshot  write target/diff-screenshot/{{diff.html,diff.png}} (needs chromium)\n  bench            convert, validate and diff the corpus; compare with pandoc, xmllint, git diff"
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
    eprintln!("generated files are current");
    Ok(())
}
