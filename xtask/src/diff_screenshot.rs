//! `cargo xtask diff-screenshot`: renders the sample revision pair in `tests/fixtures/diff/` as an
//! HTML diff and has headless Chromium take a screenshot of it (and print it to PDF), to look at the
//! page as a browser and a printer show it. Needs `chromium` (Debian: `apt-get install chromium`);
//! not part of CI.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

pub fn run() -> Result<()> {
    let root = super::root();
    let read = |name: &str| -> Result<unletters::Document> {
        let path = root.join("tests/fixtures/diff").join(name);
        let bytes = std::fs::read(&path).with_context(|| path.display().to_string())?;
        let read = unletters::convert::read(&bytes, &Default::default())
            .with_context(|| path.display().to_string())?;
        Ok(read.document)
    };
    let diff = unletters::diff::diff(&read("old.json")?, &read("new.json")?);
    let out = root.join("target/diff-screenshot");
    std::fs::create_dir_all(&out)?;
    let html = out.join("diff.html");
    std::fs::write(
        &html,
        unletters::diff::render::html::render(&diff, "old.json", "new.json"),
    )?;
    let profile = out.join("chromium-profile");
    chromium(
        &html,
        &profile,
        DESKTOP,
        &format!("--screenshot={}", out.join("diff.png").display()),
    )?;
    chromium(
        &html,
        &profile,
        DESKTOP,
        &format!("--print-to-pdf={}", out.join("diff.pdf").display()),
    )?;
    eprintln!(
        "wrote {0}/diff.html, {0}/diff.png and {0}/diff.pdf",
        out.display()
    );
    Ok(())
}

/// The window a desktop browser shows a page in.
pub const DESKTOP: (u32, u32) = (1280, 1500);

/// Has headless Chromium take `action` (`--screenshot=PNG`, `--print-to-pdf=PDF`) on `html` in a
/// window of `size` (width, height) CSS pixels.
pub fn chromium(html: &Path, profile: &Path, size: (u32, u32), action: &str) -> Result<()> {
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            // The printed PDF as the page prints, without the browser's date and address.
            "--no-pdf-header-footer",
        ])
        .arg(format!("--window-size={},{}", size.0, size.1))
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(action)
        .arg(html)
        .status()
        .context("running chromium (install it: apt-get install -y chromium)")?;
    if !status.success() {
        bail!("chromium failed: {status}");
    }
    Ok(())
}
