//! The command line: the top-level clap parser and its subcommands (each defined in `commands`).

use clap::{CommandFactory, Parser, Subcommand};

use crate::app::commands::shell::{CompletionsArgs, ManArgs};
use crate::app::commands::{
    convert::ConvertArgs, diff::DiffArgs, export::ExportArgs, validate::ValidateArgs,
};

/// Convert, validate and diff United Nations letters.
#[derive(Debug, Parser)]
#[command(
    name = "unletters",
    version,
    about = "Convert, validate and diff United Nations letters (plain text, Akoma Ntoso 3.0, JSON)",
    after_help = "Examples:\n  unletters convert letter.txt --to json -o letter.json\n  unletters validate out/\n  unletters diff S_2025_71.txt S_2025_71_Rev.1.txt\n\nExit codes: 0 success, 1 invalid input or differences found, 2 usage or I/O error."
)]
pub struct Cli {
    /// Print errors only: no warnings, no progress, no summary (a batch report keeps the
    /// warnings).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to colour output for people (diff's terminal format, validate's diagnostics): auto
    /// (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, global = true, default_value_t = crate::app::report_error::ColorChoice::Auto)]
    pub color: crate::app::report_error::ColorChoice,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert a letter between plain text, Akoma Ntoso XML and JSON, or write it as a web page.
    Convert(ConvertArgs),
    /// Validate files against the published schemas (AKN XSD, JSON Schema) and level-2 rules.
    Validate(ValidateArgs),
    /// Report what changed between two versions of the same document symbol.
    Diff(DiffArgs),
    /// Turn files and folders of letters into tables: letters, paragraphs and citations (CSV or JSON lines).
    Export(ExportArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Write one man page per command into a folder (`unletters man ~/.local/share/man/man1`).
    Man(ManArgs),
}

/// With no input named, standard input when something is piped in (as pandoc and xmllint read
/// it); at a terminal, a usage error rather than waiting for typing.
fn standard_input_if_none(
    inputs: &mut Vec<std::path::PathBuf>,
    command: &str,
) -> Result<(), std::process::ExitCode> {
    if !inputs.is_empty() {
        return Ok(());
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        eprintln!(
            "unletters {command}: error: no input named: name a file or folder, or pipe a letter in (-)"
        );
        return Err(std::process::ExitCode::from(2));
    }
    inputs.push("-".into());
    Ok(())
}

impl Cli {
    /// Runs the chosen subcommand and returns its exit code.
    pub fn run(self) -> std::process::ExitCode {
        crate::app::report_error::set_quiet(self.quiet);
        crate::app::report_error::set_color(self.color);
        match self.command {
            Command::Convert(mut a) => match standard_input_if_none(&mut a.inputs, "convert") {
                Ok(()) => crate::app::commands::convert::run(&a),
                Err(code) => code,
            },
            Command::Validate(mut a) if !a.list_rules => {
                match standard_input_if_none(&mut a.paths, "validate") {
                    Ok(()) => crate::app::commands::validate::run(&a),
                    Err(code) => code,
                }
            }
            Command::Validate(a) => crate::app::commands::validate::run(&a),
            Command::Diff(a) => crate::app::commands::diff::run(&a),
            Command::Export(a) => crate::app::commands::export::run(&a),
            Command::Completions(a) => crate::app::commands::shell::completions(&a, Cli::command()),
            Command::Man(a) => crate::app::commands::shell::man(&a, Cli::command()),
        }
    }
}
