//! Where the tests find what the project does not ship: the corpus of real letters and the UN's
//! AKN files (`../shared`, beside the repository) and xmllint. Under `CI` a missing one fails the
//! test; elsewhere the test skips, and the run says so once, on the terminal, whatever the test
//! harness captures.

use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Mutex;

/// `../shared/SUB` (e.g. `corpus`, `akn/unxml`) when it is there; `None`, said once per run,
/// when it is not and `CI` is unset. Under `CI` its absence fails the test.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing: the tests need the shared corpus beside the repository",
        dir.display()
    );
    skipped(&format!(
        "{} is missing: tests that read it are skipped (CI fails them)",
        dir.display()
    ));
    None
}

/// Says once per run, past the harness's capture, that something is skipped.
pub fn skipped(what: &str) {
    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|p| p.into_inner());
    if !said.iter().any(|s| s == what) {
        said.push(what.to_string());
        // Straight to the process's standard error: libtest captures eprintln! of passing tests.
        let _ = writeln!(std::io::stderr(), "note: {what}");
    }
}
