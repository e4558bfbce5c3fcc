//! The `sok` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use sok::cli::Cli;
use sok::commands::Outcome;

// Rendering a large handbook allocates and frees millions of small strings from two threads;
// glibc's allocator spent a quarter of a build in malloc and free and left a third of the
// peak memory as fragments of its per-thread arenas (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    sok::commands::prepare();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match sok::run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(fatal) => {
            sok::commands::report(&fatal);
            ExitCode::from(2)
        }
    }
}
