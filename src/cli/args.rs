//! The command line: every subcommand and option, as clap reads them
//! (`--help` is made from these doc comments). `mod.rs` runs them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::registry::FlagType;

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
    pub(super) command: Command,
    /// Where to look, before the command (`flaglint --config x check`)
    #[command(flatten)]
    pub(super) scope: Scope,
    /// When to colour output; `auto` colours a terminal unless NO_COLOR is set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub(super) color: ColorChoice,
    /// Preview features to turn on, separated by commas (or `all`)
    #[arg(long, global = true, env = "FLAGLINT_PREVIEW", hide = true)]
    pub(super) preview: Option<String>,
    /// Parse every file a grammar covers with tree-sitter, skipping none:
    /// the slow reference the fast path is tested against
    #[arg(long, global = true, env = "FLAGLINT_EXHAUSTIVE", hide = true,
          value_parser = clap::builder::FalseyValueParser::new())]
    pub(super) exhaustive: bool,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
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
    Cleanup(super::cleanup::CleanupArgs),
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
pub(super) struct Scope {
    /// Use this registry instead of the nearest flags.toml at or above the
    /// working directory
    #[arg(long, value_name = "PATH")]
    pub(super) config: Option<PathBuf>,
    /// Scan this directory instead of the one holding flags.toml
    #[arg(long, value_name = "DIR")]
    pub(super) root: Option<PathBuf>,
    /// Follow symbolic links, even out of the scan root (by default a link
    /// is never read); loops are reported and skipped
    #[arg(long, short = 'L')]
    pub(super) follow: bool,
}

impl Scope {
    /// This scope, completed by `outer` (the options given before the
    /// command).
    pub(super) fn or(&self, outer: &Scope) -> Scope {
        Scope {
            config: self.config.clone().or_else(|| outer.config.clone()),
            root: self.root.clone().or_else(|| outer.root.clone()),
            follow: self.follow || outer.follow,
        }
    }
}

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    #[command(flatten)]
    pub(super) scope: Scope,
    /// Check only these files or directories (then `unreferenced-flag`,
    /// which needs the whole tree, does not run)
    pub(super) paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub(super) format: CheckFormat,
    /// The date to check expiry against, instead of today
    #[arg(long, env = "FLAGLINT_TODAY", value_name = "YYYY-MM-DD")]
    pub(super) today: Option<Date>,
    /// Warn about flags expiring within this many days (overrides every
    /// policy's warn_before_expiry_days)
    #[arg(long, value_name = "DAYS")]
    pub(super) warn_within: Option<u32>,
    /// Exit 1 on warnings too
    #[arg(long)]
    pub(super) deny_warnings: bool,
    /// Print the number of findings per rule and per owner instead of the
    /// findings (`--format human` and `concise`)
    #[arg(long)]
    pub(super) statistics: bool,
    /// Fail only on findings not recorded in this baseline (matched by rule,
    /// flag and file); report baseline entries that no longer occur
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub(super) baseline: Option<PathBuf>,
    /// Record today's findings in FILE (written atomically) and exit 0
    #[arg(long, value_name = "FILE")]
    pub(super) write_baseline: Option<PathBuf>,
    /// Report only findings on the lines this unified diff adds or changes
    /// (`git diff origin/main...HEAD`; `-` reads standard input), and
    /// flags.toml findings of the entries it touches
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub(super) diff: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(super) struct AddArgs {
    #[command(flatten)]
    pub(super) scope: Scope,
    /// The key exactly as code uses it
    #[arg(required_unless_present = "undeclared")]
    pub(super) key: Option<String>,
    /// Declare every key the code's flag calls use that flags.toml lacks
    /// (what `undeclared-flag` reports), all with the options given
    #[arg(long, conflicts_with = "key")]
    pub(super) undeclared: bool,
    /// release, ops, experiment, permission or migration
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_flag_type)]
    pub(super) flag_type: FlagType,
    /// The owning team or person
    #[arg(long)]
    pub(super) owner: String,
    /// What the flag is for, in a sentence
    #[arg(long)]
    pub(super) description: Option<String>,
    /// Default: today
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(super) created: Option<Date>,
    /// Default: created plus the type's max_lifetime_days
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(super) expires: Option<Date>,
    /// The state when the flag service is unreachable (default: the policy's)
    #[arg(long, value_name = "BOOL")]
    pub(super) default: Option<bool>,
    /// The issue that tracks removing the flag (release, experiment and
    /// migration flags need one)
    #[arg(long, value_name = "URL")]
    pub(super) cleanup_issue: Option<String>,
    /// Where the flagged behaviour's health metrics are (experiments need
    /// one, and so does a percentage rollout)
    #[arg(long, value_name = "URL")]
    pub(super) dashboard: Option<String>,
    /// What to do in an incident (ops flags need one)
    #[arg(long, value_name = "URL")]
    pub(super) runbook: Option<String>,
    /// The date `created` defaults to, instead of today
    #[arg(long, env = "FLAGLINT_TODAY", value_name = "YYYY-MM-DD")]
    pub(super) today: Option<Date>,
}

pub(super) fn parse_flag_type(name: &str) -> std::result::Result<FlagType, String> {
    FlagType::from_name(name).ok_or_else(|| {
        let names = FlagType::ALL.map(FlagType::name);
        format!(
            "unknown flag type `{name}`; {}",
            crate::suggest::hint(name, &names)
        )
    })
}

#[derive(Debug, Args)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    pub(super) scope: Scope,
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub(super) format: ReportFormat,
    /// Write the report to FILE (atomically) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// The date to report as of, instead of today
    #[arg(long, env = "FLAGLINT_TODAY", value_name = "YYYY-MM-DD")]
    pub(super) today: Option<Date>,
    /// Count flags expiring within this many days as expiring soon
    #[arg(long, value_name = "DAYS")]
    pub(super) warn_within: Option<u32>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum ReportFormat {
    /// Tables per team, ready to paste into an issue or chat
    Markdown,
    /// One JSON document (see the README)
    Json,
    /// One self-contained page with charts per team
    Html,
}

#[derive(Debug, Args)]
pub(super) struct RefsArgs {
    #[command(flatten)]
    pub(super) scope: Scope,
    /// Only references to this flag (a key or an alias)
    pub(super) flag: Option<String>,
    #[arg(long, value_enum, default_value_t = RefsFormat::Human)]
    pub(super) format: RefsFormat,
}

#[derive(Debug, Args)]
pub(super) struct ExplainArgs {
    /// The rule's name, such as `expired-flag`
    pub(super) rule: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum CheckFormat {
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
pub(super) enum RefsFormat {
    /// One line per reference: path:line:column, flag, kind, language
    Human,
    /// One JSON document (see the README)
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub(super) fn enabled(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}
