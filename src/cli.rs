//! Command-line arguments (clap derive types) and the help texts users see.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::format::Format;

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
    /// Convert a letter between plain text, Akoma Ntoso XML and JSON.
    #[command(after_help = "Examples:\n  unletters convert A_79_729-S_2025_40.txt --to json -o letter.json\n  unletters convert letter.json --to akn\n  cat letter.txt | unletters convert - --to text\n  unletters convert word.txt --to json --symbol A/76/603-S/2021/1031")]
    Convert(ConvertArgs),
}

/// Arguments of `unletters convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The input file (`-` for standard input).
    pub input: PathBuf,
    /// The output format.
    #[arg(long, value_parser = parse_format)]
    pub to: Format,
    /// The input format; detected from the content when omitted.
    #[arg(long, value_parser = parse_format)]
    pub from: Option<Format>,
    /// Where to write the output (`-` or omitted: standard output). Written atomically.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The document symbol(s) to use when the input names none (repeatable, or joint `A/1-S/2`).
    #[arg(long = "symbol")]
    pub symbols: Vec<String>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}
