//! The `unletters` binary: parse arguments and run the library's command. Usage errors exit 2
//! (clap's own code); everything else is decided in `unletters::commands`.

use clap::Parser;

fn main() -> std::process::ExitCode {
    unletters::cli::Cli::parse().run()
}
