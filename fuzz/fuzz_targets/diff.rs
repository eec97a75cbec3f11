//! Diff: two inputs (split at the first `\n===\n`, each read by whichever reader detection picks)
//! never panic the diff or any of its renderers; a document diffed with itself has no differences.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unletters::convert::{self, ReadOptions};
use unletters::diff::{self, render};

const SEPARATOR: &[u8] = b"\n===\n";

fuzz_target!(|data: &[u8]| {
    let at = data
        .windows(SEPARATOR.len())
        .position(|w| w == SEPARATOR)
        .unwrap_or(data.len());
    let (old, new) = data.split_at(at);
    let new = new.get(SEPARATOR.len()..).unwrap_or_default();
    let options = ReadOptions::default();
    let Ok(old) = convert::read(old, &options) else {
        return;
    };
    let same = diff::diff(&old.document, &old.document);
    assert!(!same.has_differences(), "a document differs from itself: {same:?}");
    let Ok(new) = convert::read(new, &options) else {
        return;
    };
    let (old, new) = (old.document, new.document);
    let d = diff::diff(&old, &new);
    let _ = diff::base_symbol(&old, &new);
    let _ = render::terminal::render(&d, true);
    let _ = render::json::render(&d);
    let _ = render::html::render(&d);
    let _ = render::unified::render(&old, &new, "old", "new");
});
