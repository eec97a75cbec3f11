//! `unletters diff`: what changed between two versions of the same document symbol.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::limits::LimitArgs;
use crate::app::report_error::{error_line, warning_line};
use unletters::Error;
use unletters::convert;
use unletters::diff::{self, render};
use unletters::model::Document;

/// Arguments of `unletters diff`.
#[derive(Debug, Args)]
#[command(
    after_help = "Both versions may be in any format (text, Akoma Ntoso, JSON, mixed) and must be versions of the same base symbol (S/2025/71 and S/2025/71/Rev.1, A/79/843 and A/79/843*, a Corr. or an Add.) unless --force.\n\nThe default format is `terminal`: coloured on a terminal; when the output is not a terminal it is the same report without colour, changed words marked [-old-]{+new+}.\n\nExamples:\n  unletters diff S_2025_71.txt S_2025_71_Rev.1.txt\n  unletters diff old.xml new.json --format json\n  unletters diff old.txt new.txt --format html -o changes.html\n  unletters diff old.txt new.txt --format unified | patch -p0 --dry-run\n\nExit codes: 0 no differences, 1 differences, 2 error (unreadable, empty, or not the same document)."
)]
pub struct DiffArgs {
    /// The older version (`-` for standard input).
    pub old: PathBuf,
    /// The newer version (`-` for standard input).
    pub new: PathBuf,
    /// How to report: terminal (people), unified (classic unified diff of the canonical text),
    /// json (schemas/diff.schema.json) or html (one self-contained page, side by side).
    #[arg(long, value_enum, default_value_t = DiffFormat::Terminal)]
    pub format: DiffFormat,
    /// Compare even when the two are not versions of the same symbol (or name none).
    #[arg(long)]
    pub force: bool,
    /// Where to write the report (`-` or omitted: standard output). Written atomically.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The report formats of `unletters diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For people at a terminal: metadata, then changed blocks with changed words marked.
    Terminal,
    /// A classic unified diff of the canonical text.
    Unified,
    /// JSON, documented by schemas/diff.schema.json.
    Json,
    /// One self-contained HTML page, old and new side by side.
    Html,
}

/// Runs `unletters diff`: exit 0 when the versions do not differ, 1 when they do, 2 on error.
pub fn run(args: &DiffArgs) -> ExitCode {
    match compare(args) {
        Ok(differ) => ExitCode::from(u8::from(differ)),
        Err(Failure { file, error }) => {
            eprintln!("{}", error_line(&file, &error));
            ExitCode::from(2)
        }
    }
}

/// A failure: the file it concerns and what went wrong.
struct Failure {
    file: String,
    error: Error,
}

impl Failure {
    fn new(file: &str, error: Error) -> Self {
        Failure {
            file: file.to_string(),
            error,
        }
    }
}

fn compare(args: &DiffArgs) -> Result<bool, Failure> {
    let old_name = args.old.display().to_string();
    let new_name = args.new.display().to_string();
    if args.old.as_os_str() == "-" && args.new.as_os_str() == "-" {
        return Err(Failure::new(
            "-",
            Error::usage("only one side can be standard input (-)"),
        ));
    }
    // The two sides are independent and reading is most of the work: read them side by side.
    let (old, new) = std::thread::scope(|s| {
        let old = std::thread::Builder::new()
            .stack_size(unletters::limits::WORKER_STACK_BYTES)
            .spawn_scoped(s, || read_side(&args.old, &old_name, &args.limits));
        let new = read_side(&args.new, &new_name, &args.limits);
        let old = match old {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(Failure::new(
                    &old_name,
                    Error::Internal {
                        message: "the reader stopped".into(),
                    },
                ))
            }),
            Err(_) => read_side(&args.old, &old_name, &args.limits),
        };
        (old, new)
    });
    let (old, new) = (old?, new?);
    if let Err(why) = diff::base_symbol(&old, &new) {
        if !args.force {
            return Err(Failure::new(
                &new_name,
                Error::Refused {
                    message: format!("{why}; pass --force to compare them anyway"),
                },
            ));
        }
    }
    let d = diff::diff(&old, &new);
    let report = match args.format {
        DiffFormat::Terminal => render::terminal::render(&d, use_color(args)),
        DiffFormat::Unified => render::unified::render(&old, &new, &old_name, &new_name),
        DiffFormat::Json => render::json::render(&d),
        DiffFormat::Html => render::html::render(&d, &old_name, &new_name),
    };
    let target = args.output.as_deref().unwrap_or(Path::new("-"));
    crate::app::io::refuse_overwriting(&[args.old.clone(), args.new.clone()], target, "-o")
        .map_err(|e| Failure::new(&target.display().to_string(), e))?;
    crate::app::io::write_output(target, report.as_bytes())
        .map_err(|e| Failure::new(&target.display().to_string(), e))?;
    Ok(d.has_differences())
}

/// Reads one side in whatever format it is in; an empty input is an error.
fn read_side(path: &Path, name: &str, limits: &LimitArgs) -> Result<Document, Failure> {
    let fail = |e: Error| Failure::new(name, e);
    let bytes = crate::app::io::read_input_limited(path, limits.max_input_size).map_err(fail)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(Error::NotALetter {
            position: None,
            found: "the input is empty".into(),
        }));
    }
    let read = convert::read_named(path, &bytes, &limits.read_options()).map_err(fail)?;
    for w in &read.warnings {
        crate::app::report_error::note(&warning_line(name, w));
    }
    Ok(read.document)
}

fn use_color(args: &DiffArgs) -> bool {
    let to_stdout = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-");
    to_stdout && crate::app::report_error::color_for(std::io::stdout().is_terminal())
}
