//! `unletters export`: files and folders of letters to the three corpus tables (`letters`,
//! `paragraphs`, `citations`) as CSV or JSON lines; the rows are the library's
//! ([`unletters::tables`]), the same the Python package's `tables` returns.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::WalkArgs;
use super::limits::LimitArgs;
use crate::app::batch::walk;
use crate::app::report_error::error_line;
use unletters::convert;
use unletters::error::{Error, Result};
use unletters::tables::{Table, Tables};

/// Arguments of `unletters export`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  unletters export letters/ --out-dir tables\n  unletters export a.txt b.xml --out-dir tables --format jsonl\n\nWrites DIR/letters.csv, DIR/paragraphs.csv and DIR/citations.csv (or .jsonl): one row per letter,\nper paragraph (headings and table rows included) and per cited symbol, in input order; the columns\nare listed in README.md (\"Corpus tables\"). Exit codes: 0 every input exported, 1 some could not\nbe read (the others are in the tables), 2 nothing could be exported."
)]
pub struct ExportArgs {
    /// Files and folders (walked recursively, as for `convert --out-dir`).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The folder to write the tables into (created when missing); each table is written
    /// atomically.
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// The tables' format.
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    #[command(flatten)]
    pub walk: WalkArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The file formats of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// RFC 4180 CSV with a header line; list cells hold JSON arrays.
    Csv,
    /// One JSON object per line, keys in column order.
    Jsonl,
}

/// Runs `unletters export`.
pub fn run(args: &ExportArgs) -> ExitCode {
    match export(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("unletters export: {e}");
            ExitCode::from(2)
        }
    }
}

fn export(args: &ExportArgs) -> Result<u8> {
    let filters = args.walk.filters()?;
    let mut inputs = Vec::new();
    let mut failed = 0usize;
    for found in walk::walk(&args.paths, &filters) {
        match found {
            Ok(input) => inputs.push(input.path),
            Err(e) => {
                failed += 1;
                eprintln!(
                    "{}",
                    error_line(&e.path.display().to_string(), &Error::io(&e.path, e.error))
                );
            }
        }
    }
    let options = args.limits.read_options();
    let read_one = |path: &PathBuf| -> Result<Tables> {
        let bytes = crate::app::io::read_input_limited(path, args.limits.max_input_size)?;
        let read = convert::read_named(path, &bytes, &options)?;
        Ok(Tables::of(&path.display().to_string(), &read.document))
    };
    let work = || inputs.par_iter().map(read_one).collect::<Vec<_>>();
    let jobs = args.walk.jobs.map_or(0, usize::from);
    let results = match unletters::limits::worker_pool(jobs) {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    };
    let mut all = Tables::default();
    let mut exported = 0usize;
    for (path, result) in inputs.iter().zip(results) {
        match result {
            Ok(rows) => {
                exported += 1;
                all.extend(rows);
            }
            Err(e) => {
                failed += 1;
                eprintln!("{}", error_line(&path.display().to_string(), &e));
            }
        }
    }
    if exported == 0 {
        return Err(Error::usage("no letter could be exported"));
    }
    std::fs::create_dir_all(&args.out_dir).map_err(|e| Error::io(&args.out_dir, e))?;
    for table in Table::ALL {
        let (text, extension) = match args.format {
            TableFormat::Csv => (all.csv(table), "csv"),
            TableFormat::Jsonl => (all.jsonl(table), "jsonl"),
        };
        let path = args.out_dir.join(format!("{}.{extension}", table.name()));
        crate::app::io::write_output(&path, text.as_bytes())?;
    }
    eprintln!(
        "unletters export: {exported} letters, {} paragraphs, {} citations{}",
        all.paragraphs.len(),
        all.citations.len(),
        if failed > 0 {
            format!("; {failed} inputs failed")
        } else {
            String::new()
        }
    );
    Ok(u8::from(failed > 0))
}
