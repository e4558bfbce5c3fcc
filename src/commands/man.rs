//! `sok man [COMMAND]`: the manual page in roff, from the CLI's definition: `sok(1)`, or
//! `sok-COMMAND(1)` for one command, as git names its pages.
//!
//! clap_mangen writes every section but the examples: it would set the `--help` text
//! "Examples:" as a paragraph that man reflows, so they are written here, unfilled.

use std::io::Write;

use clap::CommandFactory;

use super::{Fatal, Outcome, print};
use crate::cli::{Cli, ManArgs};

pub(super) fn execute(args: ManArgs) -> Result<Outcome, Fatal> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                return Err(Fatal::new(format!("sok has no command `{name}`"))
                    .with_help(format!("the commands are: {}", names.join(", "))));
            };
            // clap names commands with `&'static str` (without its `string` feature); the
            // process ends after printing the page.
            let full: &'static str = Box::leak(format!("sok-{}", sub.get_name()).into_boxed_str());
            sub.clone()
                .name(full)
                .bin_name(full)
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    print(&String::from_utf8_lossy(&render(page)?))?;
    Ok(Outcome::Clean)
}

fn render(page: clap::Command) -> std::io::Result<Vec<u8>> {
    let examples = page.get_after_help().map(|text| text.to_string());
    let has_arguments = page.get_arguments().any(|a| !a.is_hide_set());
    let has_subcommands = page.has_subcommands();
    let has_version = page.get_version().is_some();
    let man = clap_mangen::Man::new(page);
    let mut roff = Vec::new();
    man.render_title(&mut roff)?;
    man.render_name_section(&mut roff)?;
    man.render_synopsis_section(&mut roff)?;
    man.render_description_section(&mut roff)?;
    if has_arguments {
        man.render_options_section(&mut roff)?;
    }
    if has_subcommands {
        man.render_subcommands_section(&mut roff)?;
    }
    if let Some(examples) = examples {
        roff.write_all(b".SH EXAMPLES\n.nf\n")?;
        for line in examples.lines().skip_while(|l| l.trim_end() == "Examples:") {
            roff.write_all(escape(line.strip_prefix("  ").unwrap_or(line)).as_bytes())?;
            roff.write_all(b"\n")?;
        }
        roff.write_all(b".fi\n")?;
    }
    if has_version {
        man.render_version_section(&mut roff)?;
    }
    Ok(roff)
}

/// One line of text for roff: backslashes and hyphens escaped, and no control character
/// (`.` or `'`) at its start.
fn escape(line: &str) -> String {
    let text = line.replace('\\', "\\e").replace('-', "\\-");
    match text.starts_with(['.', '\'']) {
        true => format!("\\&{text}"),
        false => text,
    }
}
