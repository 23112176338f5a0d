//! The command line: arguments parsed once into raw structs, resolved into a
//! [`Config`], then each command calls the pipeline, renders what it gives
//! and maps it to an exit code. No pipeline logic lives here.

mod add;
mod cleanup;
mod output;
mod pr;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use miette::{IntoDiagnostic, Result};

use crate::baseline::Baseline;
use crate::config::Config;
use crate::exit::ExitStatus;
use crate::preview::Previews;
use crate::registry::FlagType;
use crate::render::{self, Style};
use output::{append, emit, print_outside_diff, print_stale, print_warnings};

/// Feature-flag hygiene linter: checks the flags your code uses against the
/// owners, types and expiry dates declared in flags.toml.
#[derive(Debug, Parser)]
#[command(name = "flaglint", version, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 no errors, 1 the check found errors, 2 the run could not be completed.\n\
    Run `flaglint explain` for the list of rules."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Where to look, before the command (`flaglint --config x check`)
    #[command(flatten)]
    scope: Scope,
    /// When to colour output; `auto` colours a terminal unless NO_COLOR is set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Preview features to turn on, separated by commas (or `all`)
    #[arg(long, global = true, env = "FLAGLINT_PREVIEW", hide = true)]
    preview: Option<String>,
    /// Parse every file a grammar covers with tree-sitter, skipping none:
    /// the slow reference the fast path is tested against
    #[arg(long, global = true, env = "FLAGLINT_EXHAUSTIVE", hide = true,
          value_parser = clap::builder::FalseyValueParser::new())]
    exhaustive: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the repository against flags.toml: the CI gate
    ///
    /// Reports expired, undeclared and unreferenced flags and registry
    /// entries that break their type's policy. Exits 1 if any error is found.
    #[command(
        after_help = "Examples:\n  flaglint check\n  flaglint check --format json --today 2026-11-25\n  flaglint check src/ --deny-warnings\n  git diff --no-color origin/main...HEAD | flaglint check --diff -"
    )]
    Check(CheckArgs),
    /// List every flag reference found, for people and scripts
    #[command(
        after_help = "Examples:\n  flaglint refs\n  flaglint refs new-checkout --format json"
    )]
    Refs(RefsArgs),
    /// Summarise a pull request's flag changes as Markdown, for a comment
    ///
    /// Compares two `flaglint refs --format json` documents, the base
    /// branch's and the pull request's: the flags it starts using, the flags
    /// whose last reference it removes (their cleanup is done) and the
    /// undeclared keys it adds. The first line is a marker a workflow can
    /// find to update its comment.
    #[command(after_help = "Example:
  flaglint refs --format json > head.json
  git worktree add ../base origin/main && (cd ../base && flaglint refs --format json) > base.json
  flaglint compare base.json head.json > flags-comment.md")]
    Compare {
        /// `refs --format json` of the base branch (`-` for standard input)
        base: PathBuf,
        /// `refs --format json` of the pull request (`-` for standard input)
        head: PathBuf,
    },
    /// The stale-flag report, grouped by owning team
    ///
    /// Every declared flag with its status (expired, expiring soon,
    /// unreferenced, lifetime exceeded, missing metadata, ok), age, days past
    /// expiry, cleanup issue and references; teams with the most to do first.
    #[command(
        after_help = "Examples:\n  flaglint report\n  flaglint report --format json --today 2026-11-25\n  flaglint report --output stale-flags.md"
    )]
    Report(ReportArgs),
    /// Write a starter flags.toml from the flags the code's calls use
    ///
    /// Scans the directory (or --root) with the presets of the SDKs its
    /// manifests name (package.json, Cargo.toml, go.mod, pyproject.toml,
    /// requirements*.txt, Gemfile, pom.xml, build.gradle, *.csproj,
    /// composer.json; every preset when none does) and declares each key a
    /// call uses, with its type, owner and dates to fill in and the policy's
    /// defaults applied. Never overwrites an existing flags.toml.
    #[command(after_help = "Example:\n  flaglint init && flaglint check")]
    Init {
        #[command(flatten)]
        scope: Scope,
        /// The date `created` is set to, instead of today
        #[arg(long, env = "FLAGLINT_TODAY", value_name = "YYYY-MM-DD")]
        today: Option<Date>,
    },
    /// Declare a flag: append a complete entry to flags.toml
    ///
    /// Keeps the file's comments and layout. `created` defaults to today and
    /// `expires` to today plus the type's maximum lifetime; fields the type's
    /// policy requires must be given. Refuses a key or alias that exists.
    #[command(
        after_help = "Examples:\n  flaglint add new-checkout --type release --owner team-payments \\\n      --cleanup-issue https://github.com/acme/shop/issues/123\n  flaglint add kill-search --type ops --owner team-search \\\n      --runbook https://wiki.example.com/runbooks/search\n  flaglint add --undeclared --type permission --owner team-web"
    )]
    Add(AddArgs),
    /// Remove a flag from the code and flags.toml, keeping one state forever
    ///
    /// Every evaluation of the flag becomes the constant, then what that
    /// makes constant is simplified: conditions, if/else chains, ternaries,
    /// early returns, variables that held the flag, imports left unused.
    /// Sites it cannot rewrite safely are listed with a reason (exit 1).
    /// Files are written all or none; `--diff` writes nothing.
    #[command(
        after_help = "Examples:\n  flaglint cleanup new-checkout --to on --diff\n  flaglint cleanup new-checkout --to on\n  flaglint cleanup kill-search --to off --format json"
    )]
    Cleanup(cleanup::CleanupArgs),
    /// Explain what a rule checks and how to fix what it reports
    ///
    /// Without a rule, lists every rule with its default severity.
    #[command(after_help = "Examples:\n  flaglint explain\n  flaglint explain expired-flag")]
    Explain(ExplainArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  flaglint completions bash > ~/.local/share/bash-completion/completions/flaglint\n  flaglint completions zsh > ~/.zfunc/_flaglint\n  flaglint completions fish > ~/.config/fish/completions/flaglint.fish"
    )]
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
    /// Print the JSON Schema of flags.toml, for editors that validate TOML
    #[command(after_help = "Example:\n  flaglint schema > flags.schema.json")]
    Schema,
    /// Print the man page (roff), generated from this command line
    #[command(after_help = "Example:\n  flaglint man > flaglint.1 && man ./flaglint.1")]
    Man,
}

/// Where a command looks: given before the command or after it, and only
/// to the commands that read a repository (not `completions`, `schema`,
/// `man` or `explain`).
#[derive(Debug, Default, Args)]
struct Scope {
    /// Use this registry instead of the nearest flags.toml at or above the
    /// working directory
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Scan this directory instead of the one holding flags.toml
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Follow symbolic links, even out of the scan root (by default a link
    /// is never read); loops are reported and skipped
    #[arg(long, short = 'L')]
    follow: bool,
}

impl Scope {
    /// This scope, completed by `outer` (the options given before the
    /// command).
    fn or(&self, outer: &Scope) -> Scope {
        Scope {
            config: self.config.clone().or_else(|| outer.config.clone()),
            root: self.root.clone().or_else(|| outer.root.clone()),
            follow: self.follow || outer.follow,
        }
    }
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    scope: Scope,
    /// Check only these files or directories (then `unreferenced-flag`,
    /// which needs the whole tree, does not run)
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// The date to check expiry against, instead of today
    #[arg(long, env = "FLAGLINT_TODAY", value_name = "YYYY-MM-DD")]
    today: Option<Date>,
    /// Warn about flags expiring within this many days (overrides every
    /// policy's warn_before_expiry_days)
    #[arg(long, value_name = "DAYS")]
    warn_within: Option<u32>,
    /// Exit 1 on warnings too
    #[arg(long)]
    deny_warnings: bool,
    /// Print the number of findings per rule and per owner instead of the
    /// findings (`--format human` and `concise`)
    #[arg(long)]
    statistics: bool,
    /// Fail only on findings not recorded in this baseline (matched by rule,
    /// flag and file); report baseline entries that no longer occur
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record today's findings in FILE (written atomically) and exit 0
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings on the lines this unified diff adds or changes
    /// (`git diff origin/main...HEAD`; `-` reads standard input), and
    /// flags.toml findings of the entries it touches
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    diff: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct AddArgs {
    #[command(flatten)]
    scope: Scope,
    /// The key exactly as code uses it
    #[arg(required_unless_present = "undeclared")]
    key: Option<String>,
    /// Declare every key the code's flag calls use that flags.toml lacks
    /// (what `undeclared-flag` reports), all with the options given
    #[arg(long, conflicts_with = "key")]
    undeclared: bool,
    /// release, ops, experiment, permission or migration
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_flag_type)]
    flag_type: FlagType,
    /// The owning team or person
    #[arg(long)]
    owner: String,
    /// What the flag is for, in a sentence
    #[arg(long)]
    description: Option<String>,
    /// Default: today
    #[arg(long, value_name = "YYYY-MM-DD")]
    created: Option<Date>,
    /// Default: created plus the type's max_lifetime_days
    #[arg(long, value_name = "YYYY-MM-DD")]
    expires: Option<Date>,
    /// The state when the flag service is unreachable (default: the policy's)
    #[arg(long, value_name = "BOOL")]
    default: Option<bool>,
    /// The issue that tracks removing the flag (release, experiment and
    /// migration flags need one)
    #[arg(long, value_name = "URL")]
    cleanup_issue: Option<String>,
    /// Where the flagged behaviour's health metrics are (experiments need
    /// one, and so does a percentage rollout)
    #[arg(long, value_name = "URL")]
    dashboard: Option<String>,
    /// What to do in an incident (ops flags need one)
    #[arg(long, value_name = "URL")]
    runbook: Option<String>,
    /// The date `created` defaults to, instead of today
    #[arg(long, env = "FLAGLINT_TODAY", value_name = "YYYY-MM-DD")]
    today: Option<Date>,
}

fn parse_flag_type(name: &str) -> std::result::Result<FlagType, String> {
    FlagType::from_name(name).ok_or_else(|| {
        let names = FlagType::ALL.map(FlagType::name);
        format!(
            "unknown flag type `{name}`; {}",
            crate::suggest::hint(name, &names)
        )
    })
}

#[derive(Debug, Args)]
struct ReportArgs {
    #[command(flatten)]
    scope: Scope,
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    format: ReportFormat,
    /// Write the report to FILE (atomically) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The date to report as of, instead of today
    #[arg(long, env = "FLAGLINT_TODAY", value_name = "YYYY-MM-DD")]
    today: Option<Date>,
    /// Count flags expiring within this many days as expiring soon
    #[arg(long, value_name = "DAYS")]
    warn_within: Option<u32>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// Tables per team, ready to paste into an issue or chat
    Markdown,
    /// One JSON document (see the README)
    Json,
    /// One self-contained page with charts per team
    Html,
}

#[derive(Debug, Args)]
struct RefsArgs {
    #[command(flatten)]
    scope: Scope,
    /// Only references to this flag (a key or an alias)
    flag: Option<String>,
    #[arg(long, value_enum, default_value_t = RefsFormat::Human)]
    format: RefsFormat,
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// The rule's name, such as `expired-flag`
    rule: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Diagnostics with source snippets, and a summary
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`
    Concise,
    /// One JSON document (see the README)
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    Sarif,
    /// GitHub Actions annotations, plus a job summary when GITHUB_STEP_SUMMARY is set
    Github,
    /// GitLab Code Quality report
    Gitlab,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RefsFormat {
    /// One line per reference: path:line:column, flag, kind, language
    Human,
    /// One JSON document (see the README)
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    fn enabled(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

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
