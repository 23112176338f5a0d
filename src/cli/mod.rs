//! The command line: arguments parsed once into raw structs, resolved into a
//! [`Config`], then each command calls the pipeline, renders what it gives
//! and maps it to an exit code. No pipeline logic lives here.

mod add;
mod args;
mod cleanup;
mod output;
mod pr;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Parser;
use jiff::civil::Date;
use miette::{IntoDiagnostic, Result};

use crate::baseline::Baseline;
use crate::config::Config;
use crate::exit::ExitStatus;
use crate::preview::Previews;

use crate::render::{self, Style};
pub use args::Cli;
use args::{CheckFormat, Command, RefsFormat, ReportFormat, Scope};

use output::{append, emit, print_outside_diff, print_stale, print_warnings};

/// Runs flaglint with these arguments, printing to stdout and stderr.
pub fn main_with_args(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitStatus {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            };
        }
    };
    let style = Style {
        color: cli.color.enabled(std::io::stdout().is_terminal()),
        width: output::terminal_width(),
    };
    match run(&cli, style) {
        Ok(status) => status,
        Err(report) => {
            let style = Style {
                color: cli.color.enabled(std::io::stderr().is_terminal()),
                width: output::terminal_width(),
            };
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "{}", render::fatal(&report, style));
            ExitStatus::Error
        }
    }
}

fn run(cli: &Cli, style: Style) -> Result<ExitStatus> {
    match &cli.command {
        Command::Check(args) => {
            let mut config = config(cli, &args.scope, &args.paths, args.today)?;
            config.warn_within = args.warn_within;
            config.baseline = args.baseline.as_deref().map(absolute);
            config
                .outputs
                .extend(args.write_baseline.as_deref().map(absolute));
            if let Some(path) = &args.diff {
                config.diff = Some(config.diff_scope(pr::read_diff(path)?));
                // A diff saved in the repository is an input, not references.
                if path.as_os_str() != "-" {
                    config.outputs.push(absolute(path));
                }
            }
            let outcome = check(cli, &config)?;
            print_stale(args.baseline.as_deref(), &outcome.stale, cli.color);
            print_outside_diff(outcome.outside_diff, cli.color);
            if let Some(path) = &args.write_baseline {
                let baseline = Baseline::of(&outcome.diagnostics);
                baseline.write(path)?;
                let mut stderr = std::io::stderr().lock();
                let _ = writeln!(
                    stderr,
                    "Wrote {} findings ({} entries) to {}.",
                    outcome.diagnostics.len(),
                    baseline.findings.len(),
                    path.display()
                );
                return Ok(ExitStatus::Success);
            }
            let (diagnostics, summary) = (&outcome.diagnostics, &outcome.summary);
            let text = match args.format {
                CheckFormat::Human | CheckFormat::Concise if args.statistics => {
                    render::concise::statistics(diagnostics)
                }
                CheckFormat::Human => render::human::check(&outcome, style),
                CheckFormat::Concise => render::concise::check(diagnostics, summary, style),
                CheckFormat::Json => render::json::check(diagnostics, summary),
                CheckFormat::Sarif => render::sarif::check(diagnostics),
                CheckFormat::Gitlab => render::gitlab::check(diagnostics),
                CheckFormat::Github => {
                    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
                        append(
                            &PathBuf::from(path),
                            &render::github::step_summary(diagnostics, summary),
                        )?;
                    }
                    render::github::check(diagnostics)
                }
            };
            emit(text.as_bytes())?;
            let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
            Ok(if failed {
                ExitStatus::Failure
            } else {
                ExitStatus::Success
            })
        }
        Command::Add(args) => add::run(cli, args),
        Command::Compare { base, head } => pr::compare(base, head),
        Command::Cleanup(args) => cleanup::run(cli, args),
        Command::Init { scope, today } => {
            let scope = scope.or(&cli.scope);
            let cwd = std::env::current_dir().into_diagnostic()?;
            let root = scope
                .root
                .as_ref()
                .map_or_else(|| cwd.clone(), |root| cwd.join(root));
            let today = today_or_now(*today);
            let written = crate::init::run(&root, &cwd, today, scope.follow)?;
            let mut stderr = std::io::stderr().lock();
            let shown =
                crate::types::display_path(&cwd, &root.join(crate::config::REGISTRY_FILE_NAME));
            let _ = if written.manifests.is_empty() {
                writeln!(
                    stderr,
                    "No dependency manifest names a flag SDK: every SDK preset is on; remove the ones you do not use."
                )
            } else {
                writeln!(
                    stderr,
                    "SDK presets turned on: {}, as {} depend{} on them.",
                    written.sdks.join(", "),
                    written.manifests.join(", "),
                    if written.manifests.len() == 1 {
                        "s"
                    } else {
                        ""
                    }
                )
            };
            let _ = if written.flags == 0 {
                writeln!(
                    stderr,
                    "Wrote {shown} with no flags: no call of a known SDK was found. Declare your flags with `flaglint add KEY --type TYPE --owner OWNER`, or name your own flag API under [[scan.calls]] in {shown}, then run `flaglint check`."
                )
            } else {
                writeln!(
                    stderr,
                    "Wrote {shown} with {} flag{}. Fill in their owners and issues, then run `flaglint check`.",
                    written.flags,
                    if written.flags == 1 { "" } else { "s" }
                )
            };
            Ok(ExitStatus::Success)
        }
        Command::Report(args) => {
            let mut config = config(cli, &args.scope, &[], args.today)?;
            config.warn_within = args.warn_within;
            config.outputs.extend(args.output.as_deref().map(absolute));
            let outcome = check(cli, &config)?;
            let mut report = crate::report::build(&outcome, config.today);
            cleanup::annotate(&mut report, &outcome.scan);
            let registry = &outcome.scan.registry;
            let links = render::ReportLinks {
                repository_url: registry.report.repository_url.as_deref(),
                registry_path: &registry.display,
            };
            let text = match args.format {
                ReportFormat::Json => render::report_json::report(&report),
                ReportFormat::Html => render::report_html::report(&report, &links),
                ReportFormat::Markdown => render::report_markdown::report(&report, &links),
            };
            match &args.output {
                Some(path) => crate::atomic::write(path, text.as_bytes())?,
                None => emit(text.as_bytes())?,
            }
            Ok(ExitStatus::Success)
        }
        Command::Refs(args) => {
            let scan = crate::pipeline::scan(&config(cli, &args.scope, &[], None)?)?;
            print_warnings(&scan.warnings, cli.color);
            let flag = args.flag.as_deref().map(|spelling| {
                scan.registry
                    .resolve(spelling)
                    .map_or(spelling, |flag| flag.key.as_str())
                    .to_string()
            });
            let refs: Vec<_> = scan
                .index
                .all()
                .iter()
                .filter(|found| flag.as_ref().is_none_or(|flag| &found.flag == flag))
                .collect();
            let text = match args.format {
                RefsFormat::Human => render::refs::human(&refs),
                RefsFormat::Json => {
                    render::refs::json(&refs, |key| scan.registry.flag(key).is_some())
                }
            };
            emit(text.as_bytes())?;
            Ok(ExitStatus::Success)
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut command, "flaglint", &mut script);
            emit(&script)?;
            Ok(ExitStatus::Success)
        }
        Command::Schema => {
            let mut text = serde_json::to_string_pretty(&crate::pipeline::registry_schema())
                .into_diagnostic()?;
            text.push('\n');
            emit(text.as_bytes())?;
            Ok(ExitStatus::Success)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .into_diagnostic()?;
            emit(&page)?;
            Ok(ExitStatus::Success)
        }
        Command::Explain(args) => {
            let text = match &args.rule {
                None => render::explain::list(),
                Some(name) => render::explain::rule(name)?,
            };
            emit(text.as_bytes())?;
            Ok(ExitStatus::Success)
        }
    }
}

/// The check, with the walk's warnings on stderr.
fn check(cli: &Cli, config: &Config) -> Result<crate::pipeline::CheckOutcome> {
    let outcome = crate::pipeline::check(config)?;
    print_warnings(&outcome.scan.warnings, cli.color);
    Ok(outcome)
}

/// `path` from the working directory, as the walk names files: absolute,
/// through the real directory (a file that does not exist yet too).
fn absolute(path: &std::path::Path) -> PathBuf {
    let absolute = std::env::current_dir().unwrap_or_default().join(path);
    match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => dir
            .canonicalize()
            .map_or_else(|_| absolute.clone(), |dir| dir.join(name)),
        _ => absolute,
    }
}

/// The date given with `--today` (or `FLAGLINT_TODAY`), else the local date.
fn today_or_now(given: Option<Date>) -> Date {
    given.unwrap_or_else(|| jiff::ZonedDateTime::now().date())
}

/// The run's inputs from the global options, these paths and this date.
fn config(cli: &Cli, scope: &Scope, paths: &[PathBuf], today: Option<Date>) -> Result<Config> {
    let scope = scope.or(&cli.scope);
    let cwd = std::env::current_dir().into_diagnostic()?;
    let mut config = Config::resolve(
        &cwd,
        scope.config.as_deref(),
        scope.root.as_deref(),
        paths,
        today_or_now(today),
    )?;
    config.follow_links = scope.follow;
    config.exhaustive = cli.exhaustive;
    config.previews = cli
        .preview
        .as_deref()
        .map(Previews::parse)
        .unwrap_or_default();
    let unknown: Vec<String> = config
        .previews
        .unknown()
        .into_iter()
        .map(|name| {
            format!(
                "FLAGLINT_PREVIEW names `{name}`, which is not a preview feature ({}); it has no effect",
                match crate::preview::KNOWN {
                    [] => "none is in preview now: `macro-calls` is the default".to_string(),
                    known => format!("they are: {}", known.join(", ")),
                }
            )
        })
        .collect();
    print_warnings(&unknown, cli.color);
    Ok(config)
}
