//! `unletters validate`: check files and folders against the published schemas (AKN XSD, JSON
//! Schema), the level-2 rules and the text reader, and report in the format CI needs.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::WalkArgs;
use super::limits::LimitArgs;
use crate::app::validate::render::{self, OutputFormat};
use crate::app::validate::{self, RunOptions};
use unletters::format::Format;
use unletters::validate::rules::RULES;
use unletters::validate::{Options, Verdict};

/// Arguments of `unletters validate`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  unletters validate letter.xml letter.json\n  unletters validate out/ --format github\n  unletters validate archive/ --include '*.xml' --jobs 2\n  unletters validate out/ --format sarif -o unletters.sarif\n  unletters validate --list-rules\n\nFolders are walked recursively for .xml/.akn (Akoma Ntoso), .json and .txt/.text/.md files.\nExit codes: 0 every file valid, 1 some file invalid, 2 usage error or a file that could not be read."
)]
pub struct ValidateArgs {
    /// Files and folders to validate (`-` for standard input, also read when none is named and
    /// standard input is not a terminal).
    #[arg()]
    pub paths: Vec<PathBuf>,
    /// How to report: human (default, on standard error), json (one object per line), sarif
    /// (SARIF 2.1.0) or github (workflow-command annotations); the last three on standard output.
    #[arg(long, default_value = "human", value_parser = parse_output)]
    pub format: OutputFormat,
    /// Switch a level-2 rule off (repeatable; see --list-rules).
    #[arg(long = "allow", value_name = "RULE")]
    pub allow: Vec<String>,
    /// List the level-2 rules and exit.
    #[arg(long)]
    pub list_rules: bool,
    /// Check the schemas only (the official XSD, the JSON Schema), not the level-2 rules.
    #[arg(long)]
    pub schema_only: bool,
    /// Check every input as this format (json, text or akn) instead of recognising it.
    #[arg(long, value_parser = crate::app::commands::convert::parse_input_format)]
    pub from: Option<Format>,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub walk: WalkArgs,
    /// Write the report to this file (atomically) instead of the terminal; never one of the
    /// inputs.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

fn parse_output(s: &str) -> Result<OutputFormat, String> {
    s.parse()
}

/// The text of `--list-rules`: one rule per line, id then what it demands.
pub fn list_rules() -> String {
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    RULES
        .iter()
        .map(|r| format!("{:width$}  {}\n", r.id, r.summary))
        .collect()
}

/// Runs `unletters validate`.
pub fn run(args: &ValidateArgs) -> ExitCode {
    if args.list_rules {
        print!("{}", list_rules());
        return ExitCode::SUCCESS;
    }
    let known: HashSet<&str> = RULES.iter().map(|r| r.id).collect();
    if let Some(unknown) = args.allow.iter().find(|a| !known.contains(a.as_str())) {
        eprintln!(
            "unletters validate: --allow {unknown}: no such rule (see unletters validate --list-rules)"
        );
        return ExitCode::from(2);
    }
    let filters = match args.walk.filters() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("unletters validate: {e}");
            return ExitCode::from(2);
        }
    };
    let options = RunOptions {
        check: Options {
            schema_only: args.schema_only,
            allowed: args.allow.iter().cloned().collect(),
            max_xml_depth: args.limits.max_xml_depth,
            max_text_depth: args.limits.max_text_depth,
        },
        max_bytes: args.limits.max_input_size,
        format: args.from,
        filters,
        jobs: args.walk.jobs.map(usize::from),
    };
    let (inputs, warnings) = validate::collect_inputs(&args.paths, &options.filters);
    for w in warnings {
        crate::app::report_error::note(&format!("unletters validate: warning: {w}"));
    }
    if inputs.is_empty() {
        eprintln!(
            "unletters validate: error: no input found under {}",
            super::shown_paths(&args.paths)
        );
        return ExitCode::from(2);
    }
    if let Some(output) = &args.output {
        let named: Vec<PathBuf> = inputs
            .iter()
            .map(|i| match i {
                Ok(p) | Err((p, _)) => p.clone(),
            })
            .chain(args.paths.iter().cloned())
            .collect();
        if let Err(e) = crate::app::io::refuse_overwriting(&named, output, "-o") {
            eprintln!(
                "unletters validate: error: {}",
                crate::app::io::printable(&e.to_string())
            );
            return ExitCode::from(2);
        }
    }
    let reports = validate::validate_inputs(&inputs, &options);
    // People at a terminal get coloured diagnostics; a file or a pipe gets plain text.
    let text = match (args.format, &args.output) {
        (OutputFormat::Human, None) => render::human(
            &reports,
            crate::app::report_error::color_for(std::io::IsTerminal::is_terminal(
                &std::io::stderr(),
            )),
        ),
        _ => render::render(&reports, args.format),
    };
    let written = match (&args.output, args.format) {
        (Some(path), _) => crate::app::io::write_output(path, text.as_bytes()),
        (None, OutputFormat::Human) => {
            eprint!("{text}");
            Ok(())
        }
        (None, _) => crate::app::io::write_output(std::path::Path::new("-"), text.as_bytes()),
    };
    if let Err(e) = written {
        eprintln!("unletters validate: {e}");
        return ExitCode::from(2);
    }
    let code = if reports.iter().any(|r| r.verdict == Verdict::Unreadable) {
        2
    } else if reports.iter().any(|r| r.verdict != Verdict::Valid) {
        1
    } else {
        0
    };
    ExitCode::from(code)
}
