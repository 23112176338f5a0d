//! `flaglint cleanup KEY --to on|off`: remove a flag from the code and from
//! flags.toml, keeping the behaviour of the state it keeps forever.

use clap::{Args, ValueEnum};
use miette::Result;

use super::output::{emit, print_warnings};
use super::{Cli, Scope, config};
use crate::exit::ExitStatus;

#[derive(Debug, Args)]
pub(super) struct CleanupArgs {
    #[command(flatten)]
    scope: Scope,
    /// The flag's key (or an alias)
    key: String,
    /// The state the flag keeps forever: `on` keeps the code it guards,
    /// `off` removes it
    #[arg(long, value_enum, value_name = "STATE")]
    to: State,
    /// Print a unified diff of every change and write nothing
    #[arg(long)]
    diff: bool,
    #[arg(long, value_enum, default_value_t = CleanupFormat::Human)]
    format: CleanupFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum State {
    On,
    Off,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CleanupFormat {
    /// What was removed per file, and the sites left with their reasons
    Human,
    /// The plan (files and their diffs, sites left, reasons) as one JSON
    /// document
    Json,
}

/// Says, for each expired flag of the weekly report, how many of its
/// references cleanup removes by itself.
pub(super) fn annotate(report: &mut crate::report::Report, scan: &crate::pipeline::Scan) {
    for team in &mut report.teams {
        for flag in &mut team.flags {
            if flag.statuses.contains(&crate::report::Status::Expired) {
                flag.cleanup_removable = Some(crate::cleanup::removable(scan, &flag.key));
            }
        }
    }
}

/// Plans, writes all files or none (unless `--diff`), reports; exit 1 when
/// sites are left for a person.
pub(super) fn run(cli: &Cli, args: &CleanupArgs) -> Result<ExitStatus> {
    let config = config(cli, &args.scope, &[], None)?;
    // Held until every file is in place: an `add` or another cleanup waits.
    let _lock = crate::atomic::Lock::acquire(&config.registry)?;
    let scan = crate::pipeline::scan(&config)?;
    print_warnings(&scan.warnings, cli.color);
    let plan = crate::cleanup::plan(&scan, &args.key, args.to == State::On)?;
    let write = !args.diff;
    if write {
        crate::cleanup::write(&plan)?;
    }
    match (args.format, args.diff) {
        (CleanupFormat::Json, _) => emit(crate::render::cleanup::json(&plan, write).as_bytes())?,
        (CleanupFormat::Human, true) => {
            emit(crate::render::cleanup::diff(&plan).as_bytes())?;
            eprint!("{}", crate::render::cleanup::human(&plan, false));
        }
        (CleanupFormat::Human, false) => {
            emit(crate::render::cleanup::human(&plan, true).as_bytes())?
        }
    }
    Ok(if plan.complete() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
