//! The `unletters` binary: parse arguments and run the command. Usage errors exit 2 (clap's own
//! code); everything else is decided in `app::commands`.

mod app;

use clap::Parser;

/// mimalloc instead of glibc's malloc: the readers allocate many small strings on worker threads,
/// where glibc grows each thread's arena one `mprotect` call at a time (over 700 in one diff of a
/// 126-page pair) and the threads end up waiting on the kernel rather than working side by side.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    app::cli::Cli::parse().run()
}
