//! What a batch run tells: one JSON line per input for `--report FILE`, and the summary at the end.
//!
//! Lines are written in input order (the run hands them over in that order), so a report is the
//! same whatever the number of threads; only the summary's time varies.

use std::fmt;
use std::io::Write as _;
use std::path::Path;

use serde::Serialize;

use unletters::error::{Error, Result};

/// What happened to one input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The input, as found by the walk.
    pub path: String,
    /// The outputs this input has now: written by this run, or already up to date.
    pub outputs: Vec<String>,
    /// The outputs left alone by `--skip-existing` because they were newer than the input.
    pub skipped: Vec<String>,
    /// The reader's warnings, `line:column: ` first when the reader knew where.
    pub warnings: Vec<String>,
    /// Why the input, or one of its outputs, failed; `None` when all went well.
    pub error: Option<String>,
    /// The warnings as the run prints them (`FILE:LINE:COLUMN: warning: ...`), unless `--quiet`.
    #[serde(skip)]
    pub warning_lines: Vec<String>,
    /// The letter's row in the archive's `index.html`, when it has an HTML page.
    #[serde(skip)]
    pub index: Option<Box<unletters::html::IndexEntry>>,
}

impl Record {
    /// A record for an input that failed before any output.
    pub fn failed(path: String, error: String) -> Record {
        Record {
            path,
            error: Some(error),
            ..Record::default()
        }
    }

    /// Whether every output is there and nothing failed.
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }
}

/// The counts of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Inputs found (including those that failed).
    pub files: u64,
    /// Bytes of input read or checked.
    pub bytes: u64,
    /// Inputs converted, with every output written.
    pub converted: u64,
    /// Inputs whose every output was already up to date (`--skip-existing`).
    pub skipped: u64,
    /// Warnings over all inputs.
    pub warnings: u64,
    /// Inputs that failed, wholly or for one target.
    pub failed: u64,
    /// Wall-clock time, in seconds.
    pub seconds: f64,
}

impl Summary {
    /// Counts one input's record in.
    pub fn add(&mut self, r: &Record, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
        self.warnings += r.warnings.len() as u64;
        if !r.ok() {
            self.failed += 1;
        } else if !r.outputs.is_empty() && r.skipped.len() == r.outputs.len() {
            self.skipped += 1;
        } else {
            self.converted += 1;
        }
    }

    /// The exit code: 0 when every input is done, 1 when some failed and others were done, 2 when
    /// nothing was done (no input found, or every one failed).
    pub fn exit_code(&self) -> u8 {
        if self.files == 0 || self.failed == self.files {
            2
        } else if self.failed > 0 {
            1
        } else {
            0
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} files, {}: {} converted, {} up to date, {} warnings, {} failed in {:.2} s",
            self.files,
            human_size(self.bytes),
            self.converted,
            self.skipped,
            self.warnings,
            self.failed,
            self.seconds
        )
    }
}

/// A byte count for a person: `812 B`, `9.8 kB`, `14.2 MB`, `1.3 GB` (SI units, as `ls -h --si`).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// The `--report` file, written a line at a time: one [`Record`] per input, then a last line
/// `{"summary": {...}}`. Each line goes to the file in one write as soon as its input is done
/// (no buffer), so after a kill the report is as far along as the outputs.
#[derive(Debug)]
pub struct Report {
    out: Option<(std::fs::File, String)>,
}

impl Report {
    /// A report to `path`, or none.
    pub fn create(path: Option<&Path>) -> Result<Report> {
        let out = match path {
            None => None,
            Some(p) => {
                let f = std::fs::File::create(p).map_err(|e| io_error(p, e))?;
                Some((f, p.display().to_string()))
            }
        };
        Ok(Report { out })
    }

    /// Writes one input's line.
    pub fn record(&mut self, r: &Record) -> Result<()> {
        self.line(r)
    }

    /// Writes the summary line and flushes.
    pub fn finish(&mut self, s: &Summary) -> Result<()> {
        #[derive(Serialize)]
        struct Last<'a> {
            summary: &'a Summary,
        }
        self.line(&Last { summary: s })?;
        if let Some((w, name)) = &mut self.out {
            w.flush().map_err(|e| io_error(Path::new(name), e))?;
        }
        Ok(())
    }

    fn line<T: Serialize>(&mut self, v: &T) -> Result<()> {
        let Some((w, name)) = &mut self.out else {
            return Ok(());
        };
        let mut line = serde_json::to_vec(v).map_err(|e| Error::Internal {
            message: e.to_string(),
        })?;
        line.push(b'\n');
        w.write_all(&line).map_err(|e| io_error(Path::new(name), e))
    }
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::io(path, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_writes_them() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(999), "999 B");
        assert_eq!(human_size(9_812), "9.8 kB");
        assert_eq!(human_size(999_960), "1.0 MB");
        assert_eq!(human_size(14_200_000), "14.2 MB");
        assert_eq!(human_size(1_300_000_000), "1.3 GB");
        assert_eq!(human_size(u64::MAX), "18446744.1 TB");
    }

    #[test]
    fn summary_counts_and_exit_codes() {
        let mut s = Summary::default();
        assert_eq!(s.exit_code(), 2, "nothing found");
        let good = Record {
            path: "a".into(),
            outputs: vec!["o/a.json".into()],
            warnings: vec!["w".into()],
            ..Record::default()
        };
        s.add(&good, 10);
        assert_eq!(s.exit_code(), 0);
        s.add(&Record::failed("b".into(), "bad".into()), 5);
        assert_eq!(s.exit_code(), 1);
        let fresh = Record {
            path: "c".into(),
            outputs: vec!["o/c.json".into()],
            skipped: vec!["o/c.json".into()],
            ..Record::default()
        };
        s.add(&fresh, 1);
        assert_eq!(
            (
                s.files,
                s.bytes,
                s.converted,
                s.skipped,
                s.warnings,
                s.failed
            ),
            (3, 16, 1, 1, 1, 1)
        );
        let mut all_bad = Summary::default();
        all_bad.add(&Record::failed("b".into(), "bad".into()), 5);
        assert_eq!(all_bad.exit_code(), 2);
    }

    #[test]
    fn report_lines_then_summary() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("r.jsonl");
        let mut r = Report::create(Some(&p)).unwrap();
        r.record(&Record::failed("x.txt".into(), "1:2: bad".into()))
            .unwrap();
        r.finish(&Summary::default()).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["path"], "x.txt");
        assert_eq!(lines[0]["error"], "1:2: bad");
        assert_eq!(lines[0]["outputs"], serde_json::json!([]));
        assert_eq!(lines[1]["summary"]["files"], 0);
    }
}
