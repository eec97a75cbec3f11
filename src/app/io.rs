//! Files in and out: reading an input (or standard input), only ever from a regular file; writing
//! an output atomically through a temporary file of our own; never writing over an input; and
//! making names and excerpts safe to print.
//!
//! Temporary files are named `.NAME.XXXXXX.unletters-tmp` (six random characters), created with
//! `O_EXCL` in the output's folder, so two runs writing into one folder, from any PID namespace,
//! never open the same one; [`remove_stale_temporaries`] removes only names of that exact pattern,
//! and only when they are older than [`STALE_AFTER`], so a live run's are never touched.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use unletters::error::{Error, Result};

/// Reads a whole input of at most `limit` bytes; `-` is standard input. A larger input is refused
/// without being read past the limit, so memory stays bounded whatever the input is (a pipe, a
/// device like `/dev/zero` whose size is unknown, a file that grows while read). Only regular
/// files are opened: a FIFO named as an input would block in `open` until a writer came.
pub fn read_input_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let over = |size: Option<u64>| unletters::limits::too_large(size, limit);
    let named = |e: std::io::Error| Error::io(path, e);
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)?;
    } else {
        // The type is checked before opening (opening a FIFO blocks) and again on what was
        // opened, in case the path was swapped in between.
        let kind = std::fs::metadata(path).map_err(named)?.file_type();
        if !kind.is_file() {
            return Err(not_regular(path, kind));
        }
        let file = std::fs::File::open(path).map_err(named)?;
        let meta = file.metadata().map_err(named)?;
        if !meta.file_type().is_file() {
            return Err(not_regular(path, meta.file_type()));
        }
        if meta.len() > limit {
            return Err(over(Some(meta.len())));
        }
        file.take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(named)?;
    }
    if u64::try_from(buf.len()).unwrap_or(u64::MAX) > limit {
        return Err(over(None));
    }
    Ok(buf)
}

/// What kind of file a non-regular file is, for messages.
pub fn kind_name(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn not_regular(path: &Path, kind: std::fs::FileType) -> Error {
    Error::Refused {
        message: format!(
            "{}: {}, not a regular file; only regular files are read (use - for standard input)",
            path.display(),
            kind_name(kind)
        ),
    }
}

/// What a temporary file's name ends with: no other program's file ends so.
const TMP_SUFFIX: &str = ".unletters-tmp";

/// A temporary file older than this is left from a run that was killed: a live run writes each
/// output in well under a second (64 MiB at most), so an hour is far beyond any.
pub const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Writes `data` to `path` atomically: a temporary file of our own in the same folder (created
/// with `O_EXCL`, an unguessable name), flushed, then renamed over the target, so a reader never
/// sees half an output, an interrupted run leaves none, and two runs writing the same output leave
/// one's or the other's, whole. `-` is standard output.
pub fn write_output(path: &Path, data: &[u8]) -> Result<()> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(data)?;
        out.flush()?;
        return Ok(());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::usage(format!("{}: not a file name", path.display())))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let result = (|| -> std::io::Result<()> {
        let mut tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(TMP_SUFFIX)
            .rand_bytes(6)
            .tempfile_in(dir)?;
        tmp.write_all(data)?;
        tmp.as_file().sync_all()?;
        // On failure the temporary file is removed when dropped.
        tmp.persist(path).map(drop).map_err(|e| e.error)
    })();
    result.map_err(|e| Error::io(path, e))
}

/// Whether `name` is one of our temporary files: `.NAME.XXXXXX.unletters-tmp`, six characters of
/// the random set between the name and the suffix.
pub fn is_temporary(name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix('.')
        .and_then(|r| r.strip_suffix(TMP_SUFFIX))
    else {
        return false;
    };
    let Some((stem, random)) = rest.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty() && random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes what killed runs left in `out_dir`: our temporary files ([`is_temporary`]) older than
/// [`STALE_AFTER`], in the output folder and the folders under it that outputs go to (hidden
/// folders and symbolic links are never entered: no output is written there). Nothing else is
/// touched, whatever its name, and no process is asked whether it lives (a process in another
/// PID namespace would not be seen).
pub fn remove_stale_temporaries(out_dir: &Path) {
    let mut dirs = vec![out_dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() && !name.starts_with('.') {
                dirs.push(entry.path());
            } else if kind.is_file() && is_temporary(&name) {
                let old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > STALE_AFTER);
                if old {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
}

/// A path compared by what it names: canonical when it exists, else its folder canonical joined
/// with its name (an output not written yet).
pub fn identity(path: &Path) -> Option<PathBuf> {
    if let Ok(c) = path.canonicalize() {
        return Some(c);
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    dir.canonicalize().ok().map(|d| d.join(name))
}

/// Refuses to write `output` (given by `flag`) when it is one of `inputs`, by whatever path.
pub fn refuse_overwriting(inputs: &[PathBuf], output: &Path, flag: &str) -> Result<()> {
    if output.as_os_str() == "-" {
        return Ok(());
    }
    let Some(out) = identity(output) else {
        return Ok(());
    };
    let hit = inputs
        .iter()
        .filter(|i| i.as_os_str() != "-")
        .any(|i| identity(i).is_some_and(|c| c == out));
    if hit {
        return Err(Error::usage(format!(
            "{}: {flag} would overwrite an input; choose another file",
            output.display()
        )));
    }
    Ok(())
}

pub use unletters::error::printable;

/// A path for a message: [`printable`].
pub fn shown(path: &Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_ours_only() {
        assert!(is_temporary(".S_2025_71.json.a1B2c3.unletters-tmp"));
        for other in [
            ".x.99992.tmp",
            ".notes.2024.tmp",
            "S_2025_71.json.a1B2c3.unletters-tmp",
            "..a1B2c3.unletters-tmp",
            ".x.a1B2c.unletters-tmp",
            ".x.a1B2c3.unletters-tmp.bak",
            ".x.a1-2c3.unletters-tmp",
        ] {
            assert!(!is_temporary(other), "{other}");
        }
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("plain é"), "plain é");
        assert_eq!(
            printable("x\n::error file=a::b\u{1b}[31m\t"),
            "x\\n::error file=a::b\\u{1b}[31m\\t"
        );
    }

    #[test]
    fn written_outputs_leave_no_temporary_and_carry_our_pattern_while_written() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("a.json");
        write_output(&out, b"one").unwrap();
        write_output(&out, b"two").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.json"]);
    }
}
