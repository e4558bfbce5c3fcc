//! `sok completions SHELL`: a completion script for the shell, from the CLI's definition.

use clap::CommandFactory;

use super::{Fatal, Outcome, print};
use crate::cli::{Cli, CompletionsArgs};

pub(super) fn execute(args: CompletionsArgs) -> Result<Outcome, Fatal> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "sok", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(Outcome::Clean)
}
