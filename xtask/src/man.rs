//! `cargo xtask man`: one man page per command (`unletters.1`, `unletters-convert.1`, ...) in
//! `target/man/`, rendered by clap_mangen from the command-line definition. That definition lives
//! with the binary, not the library, so the task has the binary write them (`unletters man`)
//! rather than building them here.

use std::process::Command;

use anyhow::{Context, Result, bail};

pub fn run() -> Result<()> {
    let root = super::root();
    let out = root.join("target/man");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&root)
        .args(["run", "--quiet", "--bin", "unletters", "--", "man"])
        .arg(&out)
        .status()
        .context("running unletters man")?;
    if !status.success() {
        bail!("unletters man failed: {status}");
    }
    eprintln!(
        "read one with `man -l {}/unletters-convert.1`; install with `cp {}/*.1 ~/.local/share/man/man1/`",
        out.display(),
        out.display()
    );
    Ok(())
}
