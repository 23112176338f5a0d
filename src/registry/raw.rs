//! flags.toml exactly as written, with spans. `super::Registry::parse` turns
//! this into checked domain types; nothing outside `registry` sees it.
//!
//! The same types generate the JSON Schema of flags.toml (`flags.schema.json`,
//! see `super::schema`), so editors validate exactly what flaglint reads;
//! `#[schemars(...)]` says what each spanned field holds.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::schema::{
    FieldName, FlagTypeName, KeyModeName, LanguageName, PolicyTables, RuleLevels, SdkName,
    SpellingName, TomlDate,
};

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRegistry {
    /// Every flag, by the key exactly as code uses it.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RawFlag>")]
    pub flags: BTreeMap<Spanned<String>, RawFlag>,
    /// Per-type policy overrides: `[policy.release]` and so on.
    #[serde(default)]
    #[schemars(with = "PolicyTables")]
    pub policy: BTreeMap<Spanned<String>, RawPolicy>,
    /// Rule severities: `unreferenced-flag = "warning"`, or `"off"`.
    #[serde(default)]
    #[schemars(with = "RuleLevels")]
    pub rules: BTreeMap<Spanned<String>, Spanned<String>>,
    /// What to scan and which calls are flag APIs.
    #[serde(default)]
    pub scan: RawScan,
    /// Settings of `flaglint report`.
    #[serde(default)]
    pub report: RawReport,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFlag {
    /// release, ops, experiment, permission or migration.
    #[serde(rename = "type")]
    #[schemars(with = "FlagTypeName")]
    pub flag_type: Spanned<String>,
    /// The owning team or person, as reports group it.
    #[schemars(with = "Option<String>")]
    pub owner: Option<Spanned<String>>,
    /// What the flag is for.
    #[schemars(with = "Option<String>")]
    pub description: Option<Spanned<String>>,
    /// When the flag was created.
    #[schemars(with = "Option<TomlDate>")]
    pub created: Option<Spanned<toml::Value>>,
    /// When the flag must be gone (it expires at the end of this day).
    #[schemars(with = "Option<TomlDate>")]
    pub expires: Option<Spanned<toml::Value>>,
    /// The state when the flag service is unreachable.
    #[schemars(with = "Option<bool>")]
    pub default: Option<Spanned<bool>>,
    /// Where the flag is in use.
    #[schemars(with = "Option<Vec<String>>")]
    pub environments: Option<Spanned<Vec<String>>>,
    /// The rollout plan, in order; a "N%" stage needs a dashboard.
    #[schemars(with = "Option<Vec<String>>")]
    pub rollout: Option<Spanned<Vec<String>>>,
    /// The issue that tracks the rollout.
    #[schemars(with = "Option<String>")]
    pub rollout_issue: Option<Spanned<String>>,
    /// The issue that tracks removing the flag.
    #[schemars(with = "Option<String>")]
    pub cleanup_issue: Option<Spanned<String>>,
    /// Health metrics of the flagged behaviour.
    #[schemars(with = "Option<String>")]
    pub dashboard: Option<Spanned<String>>,
    /// Incident documentation for the flag.
    #[schemars(with = "Option<String>")]
    pub runbook: Option<Spanned<String>>,
    /// Other spellings of the key in code.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// Case styles whose spelling of the key is an alias too (on top of
    /// `[scan] spellings`).
    #[serde(default)]
    #[schemars(with = "Vec<SpellingName>")]
    pub spellings: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    /// The longest `expires - created` allowed, in days.
    #[schemars(with = "Option<u32>")]
    pub max_lifetime_days: Option<Spanned<i64>>,
    /// The fields every flag of the type must have.
    #[schemars(with = "Option<Vec<FieldName>>")]
    pub requires: Option<Vec<Spanned<String>>>,
    /// The state when the flag service is unreachable.
    pub default: Option<bool>,
    /// How far ahead `expiring-soon` warns, in days (default 14).
    #[schemars(with = "Option<u32>")]
    pub warn_before_expiry_days: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawScan {
    /// .gitignore-style globs: only matching files are read (default: every file not ignored).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub include: Vec<Spanned<String>>,
    /// .gitignore-style globs excluded on top of .gitignore and .ignore.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
    /// Case styles whose spelling of every key is an alias too:
    /// camelCase, PascalCase, snake_case, SCREAMING_SNAKE_CASE, kebab-case,
    /// dot.case.
    #[serde(default)]
    #[schemars(with = "Vec<SpellingName>")]
    pub spellings: Vec<Spanned<String>>,
    /// Built-in SDK call patterns to turn on.
    #[serde(default)]
    #[schemars(with = "Vec<SdkName>")]
    pub sdks: Vec<Spanned<String>>,
    /// Home-grown flag APIs.
    #[serde(default)]
    pub calls: Vec<RawCall>,
    /// Expressions that yield an object keyed by flags (`useFlags()`,
    /// `uiConfig.flags`): every key read from one is a reference.
    #[serde(default)]
    pub objects: Vec<RawObject>,
    /// Raw tree-sitter queries for APIs no call pattern fits.
    #[serde(default)]
    pub queries: Vec<RawQuery>,
}

/// `[[scan.queries]]`: a raw tree-sitter query for APIs no pattern fits.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuery {
    /// The language whose grammar runs the query.
    #[schemars(with = "String")]
    pub language: Spanned<String>,
    /// A tree-sitter query.
    #[schemars(with = "String")]
    pub query: Spanned<String>,
    /// The capture whose text is the key.
    #[schemars(with = "String")]
    pub capture: Spanned<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCall {
    /// The end of the call's path or method chain: `flags::is_enabled` or `is_enabled`.
    #[schemars(with = "String")]
    pub callee: Spanned<String>,
    /// Which argument holds the key: a position from 0, or a keyword name.
    #[schemars(with = "Option<RawArgument>")]
    pub argument: Option<Spanned<RawArgument>>,
    /// Where the client-side form of the call puts the key, when `argument`
    /// is the server-side form's (a user first): a sole argument, or a
    /// string at this position, makes a call the client form.
    #[schemars(with = "Option<u32>")]
    pub client_argument: Option<Spanned<i64>>,
    /// The key is this property of the argument, an object:
    /// `create({ key: Flags.A })` with `field = "key"`.
    #[schemars(with = "Option<String>")]
    pub field: Option<Spanned<String>>,
    /// "string" (default) or "name" (the last segment of an identifier or path).
    #[schemars(with = "Option<KeyModeName>")]
    pub key: Option<Spanned<String>>,
    /// Languages the pattern applies to (default: every language).
    #[schemars(with = "Option<Vec<LanguageName>>")]
    pub languages: Option<Vec<Spanned<String>>>,
}

/// `[[scan.objects]]`: a flag object.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObject {
    /// `name()` for what a call returns, `a.b` for a member path.
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    /// Languages the source applies to (default: every language).
    #[schemars(with = "Option<Vec<LanguageName>>")]
    pub languages: Option<Vec<Spanned<String>>>,
}

/// `argument = 0` (a position) or `argument = "flag_key"` (a keyword).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RawArgument {
    Position(i64),
    Keyword(String),
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    /// Base URL for links to files in reports.
    pub repository_url: Option<String>,
}
