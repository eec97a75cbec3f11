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

impl Cli {
    /// Runs the chosen subcommand and returns its exit code.
    pub fn run(self) -> std::process::ExitCode {
        match self.command {
            Command::Convert(a) => crate::app::commands::convert::run(&a),
            Command::Validate(a) => crate::app::commands::validate::run(&a),
            Command::Diff(a) => crate::app::commands::diff::run(&a),
            Command::Export(a) => crate::app::commands::export::run(&a),
            Command::Completions(a) => crate::app::commands::shell::completions(&a, Cli::command()),
            Command::Man(a) => crate::app::commands::shell::man(&a, Cli::command()),
        }
    }
}
