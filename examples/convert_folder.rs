//! Converts every plain-text letter (`*.txt`) in a folder to JSON, one file each, validated
//! against the published schema before it is written.
//!
//! ```sh
//! cargo run --example convert_folder -- tests/fixtures/text /tmp/letters-json
//! ```

use std::path::PathBuf;

use unletters::convert::{self, ReadOptions};
use unletters::{Error, Format};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return Err("usage: convert_folder IN_DIR OUT_DIR".into());
    };
    std::fs::create_dir_all(&output)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&input)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path)?;
        match convert::read(&bytes, &ReadOptions::default())
            .and_then(|read| convert::write_checked(&read.document, Format::Json))
        {
            Ok(json) => {
                let out = output.join(path.with_extension("json").file_name().unwrap_or_default());
                std::fs::write(&out, json)?;
                println!("{} -> {}", path.display(), out.display());
            }
            // A file that is not a letter is reported, and the rest go on.
            Err(e @ (Error::NotALetter { .. } | Error::Malformed { .. })) => {
                let at = e.position().map(|p| format!(":{p}")).unwrap_or_default();
                eprintln!("{}{at}: {}", path.display(), e.message());
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
