//! `unletters convert`: one input to one output format.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::located;
use crate::convert::{self, ReadOptions};
use crate::error::{Error, Result};
use crate::format::Format;
use crate::symbol::{self, Symbol};

/// Arguments of `unletters convert`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  unletters convert A_79_729-S_2025_40.txt --to json -o letter.json\n  unletters convert letter.json --to akn\n  cat letter.txt | unletters convert - --to text\n  unletters convert word.txt --to json --symbol A/76/603-S/2021/1031"
)]
pub struct ConvertArgs {
    /// The input file (`-` for standard input).
    pub input: PathBuf,
    /// The output format: json, text or akn.
    #[arg(long, value_parser = parse_format)]
    pub to: Format,
    /// The input format (json, text or akn); detected from the content when omitted.
    #[arg(long, value_parser = parse_format)]
    pub from: Option<Format>,
    /// Where to write the output (`-` or omitted: standard output). Written atomically.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The document symbol(s) to use when the input names none (repeatable, or joint `A/1-S/2`).
    #[arg(long = "symbol")]
    pub symbols: Vec<String>,
    /// The largest input read, in bytes (suffixes K, M, G: binary multiples); larger inputs are
    /// refused unread.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_input_size: u64,
}

/// Parses a size: a number of bytes, or with a `K`, `M` or `G` suffix (KiB, MiB, GiB).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let (digits, factor) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (t.get(..i), 1u64 << 10),
        Some((i, 'M' | 'm')) => (t.get(..i), 1 << 20),
        Some((i, 'G' | 'g')) => (t.get(..i), 1 << 30),
        _ => (Some(t), 1),
    };
    let digits = digits.unwrap_or_default();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{s:?} is not a size (bytes, or a number with K, M or G)"
        ));
    }
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("{s:?} is too large a size"))
}

fn parse_format(s: &str) -> std::result::Result<Format, String> {
    s.parse()
}

/// Runs `unletters convert`.
pub fn run(args: &ConvertArgs) -> ExitCode {
    let name = args.input.display().to_string();
    match convert_one(args, &name) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", located(&name, &e.to_string(), "error"));
            ExitCode::from(e.exit_code())
        }
    }
}

fn convert_one(args: &ConvertArgs, name: &str) -> Result<()> {
    let symbols = parse_symbols(&args.symbols)?;
    let bytes = crate::io::read_input_limited(&args.input, args.max_input_size)?;
    let options = ReadOptions {
        from: args.from,
        symbols,
        max_input_bytes: args.max_input_size,
    };
    let read = convert::read(&bytes, &options)?;
    if let Some(output) = &args.output {
        refuse_overwriting_input(&args.input, output)?;
    }
    for w in &read.warnings {
        eprintln!("{}", located(name, &w.to_string(), "warning"));
    }
    let out = convert::write(&read.document, args.to)?;
    let target = args.output.as_deref().unwrap_or(Path::new("-"));
    crate::io::write_output(target, out.as_bytes())
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
        return Err(Error::Unsupported(format!(
            "{}: the output would overwrite the input; choose another -o",
            output.display()
        )));
    }
    Ok(())
}

/// Parses `--symbol` values; a joint symbol gives several.
pub fn parse_symbols(args: &[String]) -> Result<Vec<Symbol>> {
    let mut out = Vec::new();
    for a in args {
        let symbols =
            symbol::parse_joint(a).map_err(|e| Error::Unsupported(format!("--symbol: {e}")))?;
        out.extend(symbols);
    }
    Ok(out)
}
