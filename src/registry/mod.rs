//! The registry: every flag the repository declares in flags.toml, the policy
//! each type is held to, and the settings of the scan.
//!
//! Values keep their TOML spans so that findings about an entry, and errors
//! in the file itself, point at the line in flags.toml.

pub mod edit;
mod error;
mod parse;
mod policy;
mod raw;
mod scan;
pub mod schema;
pub mod sdk;
pub mod spelling;

use std::collections::{BTreeMap, HashMap};
use std::ops::{Range, RangeInclusive};
use std::path::PathBuf;

use ignore::gitignore::Gitignore;
use jiff::civil::Date;
use toml::Spanned;

pub use error::RegistryError;
pub use policy::{DEFAULT_WARN_BEFORE_EXPIRY_DAYS, Field, FlagType, Policy};

use crate::suggest;
use crate::types::{CallPattern, Invalid as Problem, LineIndex, Location, ObjectSource, QuerySpec};
use parse::{
    apply_policy, check_aliases, check_style, generate_spellings, globs, parse_flag, parse_type,
};
use raw::RawRegistry;

/// The largest flags.toml flaglint reads: 16 MiB, some 100 times a
/// registry of 10,000 flags.
pub const MAX_REGISTRY_BYTES: u64 = 16 << 20;

/// The longest flag key or alias, in bytes: "did you mean" and every
/// lookup cost grow with it.
pub const MAX_KEY_BYTES: usize = 256;

/// The most days a policy's `max_lifetime_days` or `warn_before_expiry_days`
/// may give: 100 years, well within the dates flaglint can compute.
pub const MAX_POLICY_DAYS: u32 = 36_500;

/// A parsed, checked flags.toml.
#[derive(Debug)]
pub struct Registry {
    /// Where the file is.
    pub path: PathBuf,
    /// How output shows the file: relative to the root when inside it.
    pub display: String,
    /// The file's text (without a byte-order mark), which spans index into.
    pub source: String,
    lines: LineIndex,
    /// Every declared flag, sorted by key.
    pub flags: Vec<Flag>,
    /// Each key and alias, to the index of its flag in `flags`.
    spellings: HashMap<String, usize>,
    policies: BTreeMap<FlagType, Policy>,
    /// `[rules]` as written, rule name to level: the rules check the names
    /// and levels themselves (`rules::Levels`).
    pub rule_levels: Vec<(Spanned<String>, Spanned<String>)>,
    pub scan: ScanSettings,
    pub report: ReportSettings,
}

/// One `[flags.<key>]` entry.
#[derive(Debug)]
pub struct Flag {
    pub key: String,
    /// The key in the table header: where findings about the entry point.
    pub key_span: Range<usize>,
    /// From the key to the end of the entry's last value.
    pub entry_span: Range<usize>,
    pub flag_type: FlagType,
    pub owner: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub created: Option<Spanned<Date>>,
    pub expires: Option<Spanned<Date>>,
    pub default: Option<Spanned<bool>>,
    pub environments: Option<Spanned<Vec<String>>>,
    pub rollout: Option<Spanned<Vec<String>>>,
    pub rollout_issue: Option<Spanned<String>>,
    pub cleanup_issue: Option<Spanned<String>>,
    pub dashboard: Option<Spanned<String>>,
    pub runbook: Option<Spanned<String>>,
    pub aliases: Vec<Spanned<String>>,
    /// `spellings` of the entry, checked.
    pub styles: Vec<Spanned<String>>,
    /// The key in each case style asked for (`[scan] spellings` and the
    /// entry's own), with the style: aliases generated from the key.
    pub generated: Vec<(String, String)>,
}

impl Flag {
    /// Whether the entry has a (non-empty) value for `field`.
    pub fn has(&self, field: Field) -> bool {
        fn text(value: &Option<Spanned<String>>) -> bool {
            value
                .as_ref()
                .is_some_and(|v| !v.get_ref().trim().is_empty())
        }
        fn list(value: &Option<Spanned<Vec<String>>>) -> bool {
            value.as_ref().is_some_and(|v| !v.get_ref().is_empty())
        }
        match field {
            Field::Owner => text(&self.owner),
            Field::Description => text(&self.description),
            Field::Created => self.created.is_some(),
            Field::Expires => self.expires.is_some(),
            Field::Environments => list(&self.environments),
            Field::Rollout => list(&self.rollout),
            Field::RolloutIssue => text(&self.rollout_issue),
            Field::CleanupIssue => text(&self.cleanup_issue),
            Field::Dashboard => text(&self.dashboard),
            Field::Runbook => text(&self.runbook),
        }
    }

    pub fn owner(&self) -> Option<&str> {
        self.owner.as_ref().map(|owner| owner.get_ref().as_str())
    }
}

/// `[scan]`: what to walk and which calls are flag APIs.
#[derive(Debug)]
pub struct ScanSettings {
    /// `include`, compiled: when not empty, only matching files are read.
    pub include: Gitignore,
    /// `exclude`, compiled: skipped on top of .gitignore and .ignore.
    pub exclude: Gitignore,
    /// The `[[scan.calls]]` patterns followed by those of the `sdks` presets.
    pub calls: Vec<CallPattern>,
    /// `[[scan.objects]]` followed by those of the `sdks` presets.
    pub objects: Vec<ObjectSource>,
    /// `[[scan.queries]]`, as declared: extraction compiles them.
    pub queries: Vec<QuerySpec>,
}

/// `[report]`.
#[derive(Debug, Default)]
pub struct ReportSettings {
    pub repository_url: Option<String>,
}

impl Registry {
    /// Reads and checks the registry at `path`; errors name it `display`.
    pub fn load(path: PathBuf, display: &str) -> miette::Result<Registry> {
        let mut file = std::fs::File::open(&path).map_err(|err| {
            miette::miette!(
                help = "check the path, or pass `--config PATH`",
                "cannot read {display}: {err}"
            )
        })?;
        Registry::read(&mut file, path, display)
    }

    /// Reads and checks the registry from `file`, already open at `path`.
    pub fn read(
        file: &mut std::fs::File,
        path: PathBuf,
        display: &str,
    ) -> miette::Result<Registry> {
        use std::io::Read;
        let too_large = || {
            miette::miette!(
                help = "a registry is a few hundred kilobytes even with thousands of flags; check that the path names flags.toml",
                "{display} is larger than {} MiB: not read",
                MAX_REGISTRY_BYTES >> 20
            )
        };
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > MAX_REGISTRY_BYTES {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(size as usize);
        // One byte more than the limit, in case the file grows under us.
        file.take(MAX_REGISTRY_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| miette::miette!("cannot read {display}: {err}"))?;
        if bytes.len() as u64 > MAX_REGISTRY_BYTES {
            return Err(too_large());
        }
        Registry::from_bytes(path, display, bytes)
    }

    /// Checks the bytes of the registry at `path`: UTF-8, with or without a
    /// byte-order mark.
    pub fn from_bytes(path: PathBuf, display: &str, bytes: Vec<u8>) -> miette::Result<Registry> {
        let source = String::from_utf8(bytes).map_err(|err| {
            miette::miette!(
                help = "save flags.toml as UTF-8",
                "{display} is not UTF-8 (invalid byte at offset {})",
                err.utf8_error().valid_up_to()
            )
        })?;
        let source = match source.strip_prefix('\u{feff}') {
            Some(stripped) => stripped.to_string(),
            None => source,
        };
        Registry::parse(path, display, source).map_err(|err| miette::Report::new(*err))
    }

    /// Checks `source` as the contents of the registry at `path`, shown as
    /// `display` in errors.
    pub fn parse(
        path: PathBuf,
        display: &str,
        source: String,
    ) -> Result<Registry, Box<RegistryError>> {
        let file = display;
        let fail = |span: Range<usize>, message: String, help: Option<String>| {
            Box::new(RegistryError::new(file, &source, Some(span), message, help))
        };
        let failed = |problem: Problem| fail(problem.span, problem.message, problem.help);
        let raw: RawRegistry =
            toml::from_str(&source).map_err(|err| RegistryError::from_toml(file, &source, &err))?;

        let mut policies: BTreeMap<FlagType, Policy> = FlagType::ALL
            .into_iter()
            .map(|flag_type| (flag_type, flag_type.default_policy()))
            .collect();
        for (name, raw_policy) in raw.policy {
            let flag_type = parse_type(&name).map_err(|(m, h)| fail(name.span(), m, h))?;
            let policy = policies
                .get_mut(&flag_type)
                .expect("every type has a policy");
            apply_policy(policy, raw_policy).map_err(|(span, m, h)| fail(span, m, h))?;
        }

        let mut flags = Vec::with_capacity(raw.flags.len());
        for (key, raw_flag) in raw.flags {
            flags.push(parse_flag(key, raw_flag).map_err(|(span, m, h)| fail(span, m, h))?);
        }

        let queries = raw.scan.queries.into_iter().map(scan::query).collect();
        let mut calls = Vec::new();
        for raw_call in raw.scan.calls {
            calls.push(scan::parse_call(raw_call).map_err(|(span, m, h)| fail(span, m, h))?);
        }
        let mut objects = Vec::new();
        for raw_object in raw.scan.objects {
            objects.push(scan::parse_object(raw_object).map_err(|(span, m, h)| fail(span, m, h))?);
        }
        let mut styles = Vec::new();
        for style in &raw.scan.spellings {
            check_style(style).map_err(|(span, m, h)| fail(span, m, h))?;
            styles.push(style.get_ref().clone());
        }
        for name in &raw.scan.sdks {
            let preset = sdk::preset(name.get_ref()).ok_or_else(|| {
                fail(
                    name.span(),
                    format!("unknown SDK preset `{}`", name.get_ref()),
                    Some(suggest::hint(name.get_ref(), &sdk::NAMES)),
                )
            })?;
            calls.extend(preset.calls);
            objects.extend(preset.objects);
            styles.extend(preset.spellings);
        }
        for flag in &mut flags {
            generate_spellings(flag, &styles);
        }
        check_aliases(&flags).map_err(|(span, m, h)| fail(span, m, h))?;
        let include = globs(&raw.scan.include).map_err(failed)?;
        let exclude = globs(&raw.scan.exclude).map_err(failed)?;
        let spellings = flags
            .iter()
            .enumerate()
            .flat_map(|(index, flag)| {
                std::iter::once(flag.key.clone())
                    .chain(flag.aliases.iter().map(|alias| alias.get_ref().clone()))
                    .chain(flag.generated.iter().map(|(spelling, _)| spelling.clone()))
                    .map(move |spelling| (spelling, index))
            })
            .collect();

        Ok(Registry {
            path,
            display: display.to_string(),
            lines: LineIndex::new(&source),
            source,
            flags,
            spellings,
            policies,
            rule_levels: raw.rules.into_iter().collect(),
            scan: ScanSettings {
                include,
                exclude,
                calls,
                objects,
                queries,
            },
            report: ReportSettings {
                repository_url: raw.report.repository_url,
            },
        })
    }

    /// The policy for flags of `flag_type`, overrides applied.
    pub fn policy(&self, flag_type: FlagType) -> &Policy {
        &self.policies[&flag_type]
    }

    pub fn flag(&self, key: &str) -> Option<&Flag> {
        self.flags
            .binary_search_by(|flag| flag.key.as_str().cmp(key))
            .ok()
            .map(|index| &self.flags[index])
    }

    /// The flag `spelling` names, as its key or one of its aliases.
    pub fn resolve(&self, spelling: &str) -> Option<&Flag> {
        self.spellings
            .get(spelling)
            .map(|&index| &self.flags[index])
    }

    /// Every key and alias code may spell a flag with, sorted.
    pub fn spellings(&self) -> Vec<String> {
        let mut spellings: Vec<String> = self.spellings.keys().cloned().collect();
        spellings.sort();
        spellings
    }

    /// The lines of flags.toml that declare `flag`, from its key to its
    /// last value.
    pub fn entry_lines(&self, flag: &Flag) -> RangeInclusive<usize> {
        let span = &flag.entry_span;
        self.lines.line_of(span.start)
            ..=self
                .lines
                .line_of(span.end.saturating_sub(1).max(span.start))
    }

    /// Where `span` is in flags.toml, as output shows it.
    pub fn location(&self, span: Range<usize>) -> Location {
        self.lines.location(&self.source, &self.display, span)
    }

    /// The fatal error for a value a later stage found wrong (an unknown
    /// rule, a query that does not compile), pointing at it.
    pub fn error(&self, problem: Problem) -> miette::Report {
        miette::Report::new(RegistryError::new(
            &self.display,
            &self.source,
            Some(problem.span),
            problem.message,
            problem.help,
        ))
    }
}

/// A flag key as a TOML table header must write it: bare when it can be,
/// quoted otherwise (`[flags."search.v2"]`).
pub fn toml_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        key.to_string()
    } else {
        format!("{key:?}")
    }
}

pub(crate) type Invalid = (Range<usize>, String, Option<String>);
