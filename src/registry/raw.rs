//! flags.toml exactly as written, with spans. `super::Registry::parse` turns
//! this into checked domain types; nothing outside `registry` sees it.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegistry {
    #[serde(default)]
    pub flags: BTreeMap<Spanned<String>, RawFlag>,
    #[serde(default)]
    pub policy: BTreeMap<Spanned<String>, RawPolicy>,
    #[serde(default)]
    pub rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub scan: RawScan,
    #[serde(default)]
    pub report: RawReport,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlag {
    #[serde(rename = "type")]
    pub flag_type: Spanned<String>,
    pub owner: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub created: Option<Spanned<toml::Value>>,
    pub expires: Option<Spanned<toml::Value>>,
    pub default: Option<Spanned<bool>>,
    pub environments: Option<Spanned<Vec<String>>>,
    pub rollout: Option<Spanned<Vec<String>>>,
    pub rollout_issue: Option<Spanned<String>>,
    pub cleanup_issue: Option<Spanned<String>>,
    pub dashboard: Option<Spanned<String>>,
    pub runbook: Option<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    pub max_lifetime_days: Option<Spanned<i64>>,
    pub requires: Option<Vec<Spanned<String>>>,
    pub default: Option<bool>,
    pub warn_before_expiry_days: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScan {
    #[serde(default)]
    pub include: Vec<Spanned<String>>,
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    #[serde(default)]
    pub sdks: Vec<Spanned<String>>,
    #[serde(default)]
    pub calls: Vec<RawCall>,
    #[serde(default)]
    pub queries: Vec<RawQuery>,
}

/// `[[scan.queries]]`: a raw tree-sitter query for APIs no pattern fits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuery {
    pub language: Spanned<String>,
    pub query: Spanned<String>,
    pub capture: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCall {
    pub callee: Spanned<String>,
    pub argument: Option<Spanned<RawArgument>>,
    pub key: Option<Spanned<String>>,
    pub languages: Option<Vec<Spanned<String>>>,
}

/// `argument = 0` (a position) or `argument = "flag_key"` (a keyword).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawArgument {
    Position(i64),
    Keyword(String),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    pub repository_url: Option<String>,
}
