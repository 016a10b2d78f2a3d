//! `dti`: the provincial working group's command for ranking tables, appendix checks and
//! score sheets. Exit status: 0 fine, 1 inconsistencies or invalid answers, 2 bad input.
#![forbid(unsafe_code)]

mod check;
mod cli;
mod council;
mod framework;
mod input;
mod output;
mod rank;
mod score;
mod sets;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use dti_engine::{Error, Lang};

use crate::check::cmd_check;
use crate::cli::{Cli, Command, LangArg, SetArgs, SetsCommand};
use crate::council::cmd_council;
use crate::framework::{cmd_framework, cmd_frameworks};
use crate::input::load_set;
use crate::output::Out;
use crate::rank::cmd_rank;
use crate::score::cmd_score;
use crate::sets::cmd_sets_index;

fn run(cli: &Cli, lang: Lang, out: Out<'_>) -> Result<u8, Error> {
    match &cli.command {
        Command::Frameworks { format } => cmd_frameworks(*format, lang, out),
        Command::Rank { file, set, format } => cmd_rank(&load_set(set)?, file, *format, lang, out),
        Command::Check { file, set, format } => cmd_check(&load_set(set)?, file, *format, lang, out),
        Command::Council { files, framework, framework_file, format, xlsx } => {
            let explicit = framework.is_some() || framework_file.is_some();
            let set = SetArgs { framework: framework.clone().unwrap_or_else(|| "laocai-2022".into()), framework_file: framework_file.clone() };
            cmd_council(files, &set, explicit, *format, xlsx.as_deref(), lang, out)
        }
        Command::Score { file, framework_file, format } => {
            let (text, status) = cmd_score(file, framework_file.as_deref(), *format, lang)?;
            let _ = out.write_all(text.as_bytes());
            Ok(status)
        }
        Command::Framework { action } => {
            let (text, status) = cmd_framework(action, lang)?;
            let _ = out.write_all(text.as_bytes());
            Ok(status)
        }
        Command::Sets { command: SetsCommand::Index { dir, gzip, groups } } => {
            let (text, status) = cmd_sets_index(dir, *gzip, *groups, lang)?;
            let _ = out.write_all(text.as_bytes());
            Ok(status)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = run(&cli, lang, &mut out);
    // A closed pipe (dti … | head) is not an error worth a panic.
    let _ = out.flush();
    match result {
        Ok(status) => ExitCode::from(status),
        Err(e) => {
            eprintln!("dti: {}", e.message(lang));
            ExitCode::from(2)
        }
    }
}
