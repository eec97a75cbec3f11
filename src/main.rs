//! The `unletters` binary: parse arguments, call the library, map errors to exit codes.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use unletters::cli::{Cli, Command, ConvertArgs};
use unletters::convert::{self, ReadOptions};
use unletters::{Error, Symbol, io};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Convert(args) => run_convert(&args),
    }
}

fn run_convert(args: &ConvertArgs) -> ExitCode {
    let name = args.input.display().to_string();
    let result = (|| -> unletters::Result<()> {
        let symbols = parse_symbols(&args.symbols)?;
        let bytes = io::read_input(&args.input)?;
        let options = ReadOptions {
            from: args.from,
            symbols,
        };
        let read = convert::read(&bytes, &options)?;
        for w in &read.warnings {
            eprintln!("{}", located(&name, &w.to_string(), "warning"));
        }
        let out = convert::write(&read.document, args.to)?;
        let target = args.output.as_deref().unwrap_or(Path::new("-"));
        io::write_output(target, out.as_bytes())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", located(&name, &e.to_string(), "error"));
            ExitCode::from(e.exit_code())
        }
    }
}

/// `file:line:column: error: message` when the message starts with a position, else
/// `file: error: message`.
fn located(file: &str, message: &str, level: &str) -> String {
    let mut parts = message.splitn(3, ':');
    if let (Some(l), Some(c), Some(rest)) = (parts.next(), parts.next(), parts.next()) {
        if l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok() {
            return format!("{file}:{l}:{c}: {level}:{rest}");
        }
    }
    format!("{file}: {level}: {message}")
}

fn parse_symbols(args: &[String]) -> unletters::Result<Vec<Symbol>> {
    let mut out = Vec::new();
    for a in args {
        for part in unletters::symbol::split_joint(a) {
            out.push(Symbol::parse(part).map_err(|e| Error::Unsupported(format!("--symbol: {e}")))?);
        }
    }
    Ok(out)
}
