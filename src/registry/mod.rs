//! The registry: every flag the repository declares in flags.toml, the policy
//! each type is held to, and the settings of the scan.
//!
//! Values keep their TOML spans so that findings about an entry, and errors
//! in the file itself, point at the line in flags.toml.

pub mod edit;
mod error;
mod policy;
mod raw;
mod scan;
pub mod schema;
pub mod sdk;
pub mod spelling;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::PathBuf;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use jiff::civil::Date;
use toml::Spanned;

pub use error::RegistryError;
pub use policy::{DEFAULT_WARN_BEFORE_EXPIRY_DAYS, Field, FlagType, Policy};

use crate::suggest;
use crate::types::{CallPattern, Invalid as Problem, LineIndex, Location, ObjectSource, QuerySpec};
use raw::{RawFlag, RawPolicy, RawRegistry};

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

/// `include` or `exclude` compiled, with .gitignore semantics, for paths
/// relative to the scan root.
fn globs(patterns: &[Spanned<String>]) -> Result<Gitignore, Problem> {
    let mut builder = GitignoreBuilder::new("");
    for glob in patterns {
        builder.add_line(None, glob.get_ref()).map_err(|err| {
            Problem::new(
                glob.span(),
                format!("invalid glob `{}`: {err}", glob.get_ref()),
                Some("globs use `*`, `**`, `?`, `[a-z]` and `{a,b}`, like .gitignore".into()),
            )
        })?;
    }
    builder.build().map_err(|err| {
        let span = patterns.first().map_or(0..0, |glob| glob.span());
        Problem::new(span, format!("invalid globs: {err}"), None)
    })
}

pub(crate) type Invalid = (Range<usize>, String, Option<String>);

fn parse_type(name: &Spanned<String>) -> Result<FlagType, (String, Option<String>)> {
    FlagType::from_name(name.get_ref()).ok_or_else(|| {
        let names = FlagType::ALL.map(FlagType::name);
        (
            format!("unknown flag type `{}`", name.get_ref()),
            Some(suggest::hint(name.get_ref(), &names)),
        )
    })
}

fn parse_flag(key: Spanned<String>, raw: RawFlag) -> Result<Flag, Invalid> {
    let key_span = key.span();
    let key = key.into_inner();
    if key.trim().is_empty() {
        return Err((key_span, "a flag key cannot be empty".into(), None));
    }
    if key.len() > MAX_KEY_BYTES {
        return Err((
            key_span,
            format!(
                "a flag key is at most {MAX_KEY_BYTES} bytes long; this one is {}",
                key.len()
            ),
            Some("use a shorter key: code spells it in every call".into()),
        ));
    }
    if let Some(alias) = raw
        .aliases
        .iter()
        .find(|alias| alias.get_ref().len() > MAX_KEY_BYTES)
    {
        return Err((
            alias.span(),
            format!(
                "an alias of a flag is at most {MAX_KEY_BYTES} bytes long; this one is {}",
                alias.get_ref().len()
            ),
            Some("use a shorter alias".into()),
        ));
    }
    if let Some(alias) = raw
        .aliases
        .iter()
        .find(|alias| alias.get_ref().trim().is_empty())
    {
        return Err((
            alias.span(),
            format!("an alias of `{key}` is empty"),
            Some("remove the empty alias: it would match everywhere".into()),
        ));
    }
    let flag_type = parse_type(&raw.flag_type).map_err(|(m, h)| (raw.flag_type.span(), m, h))?;
    let created = raw.created.map(parse_date).transpose()?;
    let expires = raw.expires.map(parse_date).transpose()?;
    if let (Some(created), Some(expires)) = (&created, &expires)
        && expires.get_ref() < created.get_ref()
    {
        return Err((
            expires.span(),
            format!(
                "flag `{key}` expires ({}) before it was created ({})",
                expires.get_ref(),
                created.get_ref()
            ),
            Some("swap the dates or fix the typo".into()),
        ));
    }
    Ok(Flag {
        key,
        key_span,
        flag_type,
        owner: raw.owner,
        description: raw.description,
        created,
        expires,
        default: raw.default,
        environments: raw.environments,
        rollout: raw.rollout,
        rollout_issue: raw.rollout_issue,
        cleanup_issue: raw.cleanup_issue,
        dashboard: raw.dashboard,
        runbook: raw.runbook,
        aliases: raw.aliases,
        styles: raw
            .spellings
            .into_iter()
            .map(|style| check_style(&style).map(|()| style))
            .collect::<Result<_, _>>()?,
        generated: Vec::new(),
    })
}

fn parse_date(value: Spanned<toml::Value>) -> Result<Spanned<Date>, Invalid> {
    let span = value.span();
    let help =
        || Some("write a TOML local date without quotes, like `expires = 2026-12-01`".into());
    let datetime = match value.into_inner() {
        toml::Value::Datetime(datetime) => datetime,
        toml::Value::String(text) => {
            return Err((span, format!("the date \"{text}\" is a string"), help()));
        }
        other => {
            return Err((
                span,
                format!("expected a date, found {}", other.type_str()),
                help(),
            ));
        }
    };
    let (Some(date), None, None) = (datetime.date, datetime.time, datetime.offset) else {
        return Err((
            span,
            format!("expected a date without a time, found {datetime}"),
            help(),
        ));
    };
    let date = Date::new(date.year as i16, date.month as i8, date.day as i8).map_err(|err| {
        (
            span.clone(),
            format!("{datetime} is not a valid date: {err}"),
            help(),
        )
    })?;
    Ok(Spanned::new(span, date))
}

fn apply_policy(policy: &mut Policy, raw: RawPolicy) -> Result<(), Invalid> {
    let days = |value: Spanned<i64>| {
        u32::try_from(*value.get_ref())
            .ok()
            .filter(|days| *days <= MAX_POLICY_DAYS)
            .ok_or_else(|| {
                (
                    value.span(),
                    format!(
                        "expected a number of days from 0 to {MAX_POLICY_DAYS}, found {}",
                        value.get_ref()
                    ),
                    Some(format!(
                        "use a whole number of days, 0 to {MAX_POLICY_DAYS} (100 years)"
                    )),
                )
            })
    };
    if let Some(max) = raw.max_lifetime_days {
        policy.max_lifetime_days = Some(days(max)?);
    }
    if let Some(max) = policy.max_lifetime_days {
        policy.warn_before_expiry_days = policy::warning_window(Some(max));
    }
    if let Some(warn) = raw.warn_before_expiry_days {
        policy.warn_before_expiry_days = days(warn)?;
    }
    if let Some(default) = raw.default {
        policy.default = Some(default);
    }
    if let Some(requires) = raw.requires {
        policy.requires = requires
            .iter()
            .map(|name| {
                Field::from_name(name.get_ref()).ok_or_else(|| {
                    let fields = Field::ALL.map(Field::name);
                    (
                        name.span(),
                        format!("unknown field `{}` in `requires`", name.get_ref()),
                        Some(suggest::hint(name.get_ref(), &fields)),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
    }
    Ok(())
}

/// A `spellings` entry must name a case style.
fn check_style(style: &Spanned<String>) -> Result<(), Invalid> {
    if spelling::NAMES.contains(&style.get_ref().as_str()) {
        return Ok(());
    }
    Err((
        style.span(),
        format!("unknown case style `{}`", style.get_ref()),
        Some(suggest::hint(style.get_ref(), &spelling::NAMES)),
    ))
}

/// The key in every style of `global` and of the entry, but the key itself
/// and its explicit aliases.
fn generate_spellings(flag: &mut Flag, global: &[String]) {
    let styles = global
        .iter()
        .chain(flag.styles.iter().map(|style| style.get_ref()));
    let mut generated: Vec<(String, String)> = Vec::new();
    for style in styles {
        let Some(spelling) = spelling::generate(&flag.key, style) else {
            continue;
        };
        let known = spelling == flag.key
            || flag
                .aliases
                .iter()
                .any(|alias| alias.get_ref() == &spelling)
            || generated.iter().any(|(have, _)| have == &spelling);
        if !known && !spelling.is_empty() {
            generated.push((spelling, style.clone()));
        }
    }
    flag.generated = generated;
}

/// An alias, written or generated, must not be another flag's key or
/// alias: a reference would be ambiguous.
fn check_aliases(flags: &[Flag]) -> Result<(), Invalid> {
    let mut owners: BTreeMap<&str, &str> = flags
        .iter()
        .map(|f| (f.key.as_str(), f.key.as_str()))
        .collect();
    for flag in flags {
        for alias in &flag.aliases {
            if let Some(other) = owners.insert(alias.get_ref(), &flag.key)
                && other != flag.key
            {
                return Err((
                    alias.span(),
                    format!(
                        "alias `{}` of `{}` is already used by `{other}`",
                        alias.get_ref(),
                        flag.key
                    ),
                    Some("each key and alias must name one flag".into()),
                ));
            }
        }
    }
    for flag in flags {
        for (spelling, style) in &flag.generated {
            if let Some(other) = owners.insert(spelling, &flag.key)
                && other != flag.key
            {
                return Err((
                    flag.key_span.clone(),
                    format!(
                        "`{spelling}`, the {style} spelling of `{}`, also names `{other}`",
                        flag.key
                    ),
                    Some(format!(
                        "a spelling must name one flag: drop `{style}` from the `spellings` that apply to one of them, or rename one (both entries are in this file: [flags.{}] and [flags.{}])",
                        toml_key(&flag.key),
                        toml_key(other)
                    )),
                ));
            }
        }
    }
    Ok(())
}
