//! `cargo xtask html-screenshot`: converts the sample letter and the text fixtures to HTML in one
//! batch (so the folder gets its `index.html`, with the fixture that is not a letter among the
//! failures), and has headless Chromium render the sample letter (desktop and phone width) and the
//! index to PNG and print them to PDF, to look at the pages as a browser, a phone and a printer
//! show them. Needs `chromium` (Debian: `apt-get install chromium`); not part of CI.

use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::diff_screenshot::{DESKTOP, chromium};

/// A phone's viewport (CSS pixels), tall enough to hold the whole sample letter.
const PHONE: (u32, u32) = (390, 3200);

pub fn run() -> Result<()> {
    let root = super::root();
    let out = root.join("target/html-screenshot");
    let archive = out.join("archive");
    if archive.exists() {
        std::fs::remove_dir_all(&archive).with_context(|| archive.display().to_string())?;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&root)
        .args(["run", "--quiet", "--bin", "unletters", "--", "convert"])
        .arg(root.join("tests/fixtures/sample-letter.txt"))
        .arg(root.join("tests/fixtures/text"))
        .args(["--to", "html", "--out-dir"])
        .arg(&archive)
        .status()
        .context("running unletters convert")?;
    // 1: some inputs failed (the fixture that is not a letter), which the index lists.
    if !matches!(status.code(), Some(0 | 1)) {
        bail!("unletters convert failed: {status}");
    }
    let profile = out.join("chromium-profile");
    let letter = archive.join("sample-letter.html");
    let index = archive.join("index.html");
    let shots = [
        (&letter, DESKTOP, "sample-letter"),
        (&letter, PHONE, "sample-letter-phone"),
        (&index, DESKTOP, "index"),
    ];
    for (page, size, name) in shots {
        let png = out.join(format!("{name}.png"));
        chromium(
            page,
            &profile,
            size,
            &format!("--screenshot={}", png.display()),
        )?;
    }
    for (page, name) in [(&letter, "sample-letter"), (&index, "index")] {
        let pdf = out.join(format!("{name}.pdf"));
        chromium(
            page,
            &profile,
            DESKTOP,
            &format!("--print-to-pdf={}", pdf.display()),
        )?;
    }
    eprintln!(
        "wrote {0}/{{sample-letter,sample-letter-phone,index}}.png and {0}/{{sample-letter,index}}.pdf from the pages in {1}",
        out.display(),
        archive.display()
    );
    Ok(())
}
