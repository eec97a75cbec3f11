//! `unletters convert`: one input to one output format, or (with `--out-dir`) files and folders to
//! one or more formats, handed to [`crate::app::batch`].

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::WalkArgs;
use super::limits::LimitArgs;
use crate::app::batch::{self, Plan, naming::NameBy, progress::Progress, report::Report};
use crate::app::report_error::{error_line, exit_code, warning_line};
use unletters::convert::{self, ReadOptions};
use unletters::error::{Error, Result};
use unletters::format::Format;
use unletters::symbol::{self, Symbol};

/// Arguments of `unletters convert`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  unletters convert A_79_729-S_2025_40.txt --to json -o letter.json\n  unletters convert letter.json --to akn\n  unletters convert letter.txt --to html -o letter.html\n  cat letter.txt | unletters convert - --to text\n  unletters convert word.txt --to json --symbol A/76/603-S/2021/1031\n  unletters convert letters/ --to akn,json --out-dir out --validate --report report.jsonl\n\nWith --out-dir, exit codes are: 0 every input converted (or up to date), 1 some failed and the\nothers were converted, 2 nothing was converted (no input found, or every one failed)."
)]
pub struct ConvertArgs {
    /// The input file (`-` for standard input, also read when no input is named and standard
    /// input is not a terminal); with --out-dir, any number of files and folders (folders are
    /// walked recursively).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The output format: json, text, akn or html; with --out-dir, a comma-separated list
    /// (akn,json,html; with html the folder also gets index.html, listing every letter).
    #[arg(long, value_parser = Format::parse_output, value_delimiter = ',', required = true)]
    pub to: Vec<Format>,
    /// The input format (json, text, akn or pdf); detected from the content when omitted.
    #[arg(long, value_parser = parse_input_format)]
    pub from: Option<Format>,
    /// Where to write the output (`-` or omitted: standard output). Written atomically.
    #[arg(short, long, conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// The document symbol(s) to use when the input names none (repeatable, or joint `A/1-S/2`).
    #[arg(long = "symbol")]
    pub symbols: Vec<String>,
    /// Check each output against its schema before writing it (JSON: the published JSON Schema);
    /// an output that breaks it is not written.
    #[arg(long)]
    pub validate: bool,
    /// Write one output per input and format into this folder (created when missing), named after
    /// the input file (keeping its folders) or its symbol; written atomically, never over an input.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub walk: WalkArgs,
    /// Name outputs after the input file or after the document's symbols.
    #[arg(long, value_enum, default_value_t = NameBy::Input, requires = "out_dir")]
    pub name_by: NameBy,
    /// Write one JSON line per input (path, outputs, skipped, warnings, error), then a summary line.
    #[arg(long, value_name = "FILE", requires = "out_dir")]
    pub report: Option<PathBuf>,
    /// Leave outputs that are newer than their input (to finish an interrupted run).
    #[arg(long, requires = "out_dir")]
    pub skip_existing: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// A format the readers read: HTML is written only.
pub(crate) fn parse_input_format(s: &str) -> std::result::Result<Format, String> {
    let format: Format = s.parse()?;
    if format.readable() {
        Ok(format)
    } else {
        Err(format!(
            "{format} is an output format only (expected json, text, akn or pdf)"
        ))
    }
}

/// Runs `unletters convert`.
pub fn run(args: &ConvertArgs) -> ExitCode {
    if let Some(out_dir) = &args.out_dir {
        return run_batch(args, out_dir);
    }
    if let Some(flag) = args.walk.given() {
        return usage(&format!(
            "{flag} is for batch runs, which need --out-dir DIR"
        ));
    }
    let (input, to) = match (args.inputs.as_slice(), args.to.as_slice()) {
        ([input], [to]) if !input.is_dir() => (input, *to),
        ([input], [_]) => {
            return usage(&format!(
                "{}: a folder needs --out-dir DIR",
                input.display()
            ));
        }
        ([_], _) => return usage("several --to formats need --out-dir DIR"),
        _ => return usage("several inputs need --out-dir DIR"),
    };
    let name = input.display().to_string();
    match convert_one(args, input, to, &name) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", error_line(&name, &e));
            ExitCode::from(exit_code(&e))
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("unletters convert: {message}");
    ExitCode::from(2)
}

fn run_batch(args: &ConvertArgs, out_dir: &Path) -> ExitCode {
    let result = (|| {
        let mut targets: Vec<Format> = Vec::new();
        for &f in &args.to {
            if !targets.contains(&f) {
                targets.push(f);
            }
        }
        let jobs = args.walk.threads();
        let plan = Plan {
            paths: args.inputs.clone(),
            filters: args.walk.filters()?,
            targets,
            out_dir: out_dir.to_path_buf(),
            read: ReadOptions {
                from: args.from,
                symbols: parse_symbols(&args.symbols)?,
                ..args.limits.read_options()
            },
            name_by: args.name_by,
            skip_existing: args.skip_existing,
            validate: args.validate,
            jobs,
        };
        if args.inputs.iter().any(|p| p.as_os_str() == "-") {
            return Err(Error::usage(
                "standard input (-) cannot be converted with --out-dir",
            ));
        }
        let progress = Progress::new();
        if plan.validate {
            for &f in &plan.targets {
                if !unletters::validate::output::checkable(f) {
                    progress.println(&format!(
                        "unletters convert: note: --validate cannot check {f} outputs in this build"
                    ));
                }
            }
        }
        let setup = batch::Setup::new(&plan)?;
        if let Some(report) = &args.report {
            setup.refuse_report(report)?;
        }
        let mut report = Report::create(args.report.as_deref())?;
        let summary = batch::run(&plan, &setup, &mut report, &progress);
        progress.finish();
        summary
    })();
    match result {
        Ok(summary) if summary.files == 0 => {
            eprintln!(
                "unletters convert: error: no input found under {}",
                super::shown_paths(&args.inputs)
            );
            ExitCode::from(2)
        }
        Ok(summary) => {
            crate::app::report_error::note(&format!("unletters convert: {summary}"));
            ExitCode::from(summary.exit_code())
        }
        Err(e) => {
            eprintln!(
                "unletters convert: error: {}",
                crate::app::io::printable(&e.to_string())
            );
            ExitCode::from(2)
        }
    }
}

fn convert_one(args: &ConvertArgs, input: &Path, to: Format, name: &str) -> Result<()> {
    let symbols = parse_symbols(&args.symbols)?;
    let bytes = crate::app::io::read_input_limited(input, args.limits.max_input_size)?;
    let options = ReadOptions {
        from: args.from,
        symbols,
        ..args.limits.read_options()
    };
    let read = convert::read_named(input, &bytes, &options)?;
    if let Some(output) = &args.output {
        refuse_overwriting_input(input, output)?;
    }
    for w in &read.warnings {
        crate::app::report_error::note(&warning_line(name, w));
    }
    let out = if args.validate {
        convert::write_checked(&read.document, to)?
    } else {
        convert::write(&read.document, to)?
    };
    let target = args.output.as_deref().unwrap_or(Path::new("-"));
    crate::app::io::write_output(target, out.as_bytes())
}

/// Inputs are never modified: an output that is the input file itself (by any path) is refused.
fn refuse_overwriting_input(input: &Path, output: &Path) -> Result<()> {
    if input.as_os_str() == "-" || output.as_os_str() == "-" {
        return Ok(());
    }
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Error::Refused {
            message: format!(
                "{}: the output would overwrite the input; choose another -o",
                output.display()
            ),
        });
    }
    Ok(())
}

/// Parses `--symbol` values; a joint symbol gives several.
pub fn parse_symbols(args: &[String]) -> Result<Vec<Symbol>> {
    let mut out = Vec::new();
    for a in args {
        let symbols = symbol::parse_joint(a).map_err(|e| Error::usage(format!("--symbol: {e}")))?;
        out.extend(symbols);
    }
    Ok(out)
}
