//! Shell integration: `unletters completions SHELL` prints a completion script, and
//! `unletters man DIR` writes one man page per command (what `cargo xtask man` runs: only the
//! binary holds its command-line definition, and an installed binary can install its own pages).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

/// Arguments of `unletters completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `unletters man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The folder to write the pages to (created when missing).
    pub out_dir: PathBuf,
}

/// Prints the completion script of `command` for the shell asked.
pub fn completions(args: &CompletionsArgs, mut command: clap::Command) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "unletters", &mut script);
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&script).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unletters completions: cannot write the script: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes `unletters.1` and `unletters-COMMAND.1` for every visible subcommand into the folder.
pub fn man(args: &ManArgs, command: clap::Command) -> ExitCode {
    match write_pages(&args.out_dir, command) {
        Ok(pages) => {
            for page in pages {
                eprintln!("wrote {}", page.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("unletters man: {}: {e}", args.out_dir.display());
            ExitCode::from(2)
        }
    }
}

fn write_pages(dir: &Path, mut command: clap::Command) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    // Built, so that every subcommand has its generated `--help` and usage.
    command.build();
    let name = command.get_name().to_string();
    let mut pages = vec![(name.clone(), command.clone())];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let page = format!("{name}-{}", sub.get_name());
        pages.push((page, sub.clone()));
    }
    let mut written = Vec::new();
    for (page, cmd) in pages {
        let mut roff = Vec::new();
        clap_mangen::Man::new(cmd).render(&mut roff)?;
        let path = dir.join(format!("{page}.1"));
        crate::app::io::write_output(&path, &roff).map_err(std::io::Error::other)?;
        written.push(path);
    }
    Ok(written)
}
