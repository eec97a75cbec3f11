//! Files in and out: reading an input (or standard input) and writing an output atomically.

use std::io::{Read as _, Write as _};
use std::path::Path;

use unletters::error::{Error, Result};

/// Reads a whole input of at most `limit` bytes; `-` is standard input. A larger input is refused
/// without being read past the limit, so memory stays bounded whatever the input is (a pipe, a
/// device like `/dev/zero` whose size is unknown, a file that grows while read).
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
        let file = std::fs::File::open(path).map_err(named)?;
        let size = file.metadata().map_err(named)?.len();
        if size > limit {
            return Err(over(Some(size)));
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

/// Writes `data` to `path` atomically: a temporary file in the same folder, flushed, then renamed
/// over the target, so a reader never sees half an output and an interrupted run leaves none.
/// `-` is standard output.
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
    let name = path.file_name().ok_or_else(|| Error::Usage {
        message: format!("{}: not a file name", path.display()),
    })?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}
