//! Compares two versions of the same document, in any format the readers take, and prints what
//! changed: the metadata fields, then each block added, removed or modified with its words.
//!
//! ```sh
//! cargo run --example diff_files -- tests/fixtures/diff/old.json tests/fixtures/diff/new.json
//! ```

use unletters::convert::{self, ReadOptions};
use unletters::diff;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(old), Some(new)) = (args.next(), args.next()) else {
        return Err("usage: diff_files OLD NEW".into());
    };
    let read = |path: &str| -> Result<_, Box<dyn std::error::Error>> {
        Ok(convert::read(&std::fs::read(path)?, &ReadOptions::default())?.document)
    };
    let (old, new) = (read(&old)?, read(&new)?);
    // Revisions of one document share a base symbol (S/2025/71 and S/2025/71/Rev.1).
    if let Err(why) = diff::base_symbol(&old, &new) {
        eprintln!("note: {why}");
    }
    let changes = diff::diff(&old, &new);
    print!("{}", diff::render::terminal::render(&changes, false));
    std::process::exit(i32::from(changes.has_differences()));
}
