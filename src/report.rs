//! The weekly stale-flag report: every declared flag with its status, age
//! and references, grouped by owning team, the teams with the most to do
//! first and, within a team, the most urgent flags first.

use serde::Serialize;

use jiff::civil::Date;

use crate::Scan;
use crate::extract::RefKind;
use crate::registry::{Field, Flag};
use crate::rules::days_between;

/// Why a flag needs attention, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Expired,
    ExpiringSoon,
    Unreferenced,
    LifetimeExceeded,
    MissingMetadata,
    Ok,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Expired,
        Status::ExpiringSoon,
        Status::Unreferenced,
        Status::LifetimeExceeded,
        Status::MissingMetadata,
        Status::Ok,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Expired => "expired",
            Status::ExpiringSoon => "expiring-soon",
            Status::Unreferenced => "unreferenced",
            Status::LifetimeExceeded => "lifetime-exceeded",
            Status::MissingMetadata => "missing-metadata",
            Status::Ok => "ok",
        }
    }
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub today: String,
    pub teams: Vec<Team>,
}

/// One owner's flags.
#[derive(Debug, Serialize)]
pub struct Team {
    pub owner: String,
    /// True when flags.toml names no owner and CODEOWNERS gave this one,
    /// for the files that reference the flags.
    pub inferred: bool,
    /// Flags whose status is not `ok`.
    pub needs_attention: usize,
    pub flags: Vec<FlagReport>,
}

/// One flag's line in the report.
#[derive(Debug, Serialize)]
pub struct FlagReport {
    pub key: String,
    #[serde(rename = "type")]
    pub flag_type: &'static str,
    /// The most urgent status.
    pub status: Status,
    /// Every status that applies, most urgent first.
    pub statuses: Vec<Status>,
    pub created: Option<String>,
    pub expires: Option<String>,
    pub age_days: Option<i64>,
    pub days_past_expiry: Option<i64>,
    pub cleanup_issue: Option<String>,
    pub description: Option<String>,
    pub references: Vec<Reference>,
    /// Line of the entry in flags.toml.
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct Reference {
    pub path: String,
    pub line: usize,
    pub kind: RefKind,
}

/// The flags with no owner are grouped under this name.
pub const NO_OWNER: &str = "(no owner)";

/// Builds the report of `scan` as of `today`; `warn_within` overrides the
/// policies' `warn_before_expiry_days` like `check --warn-within`.
pub fn build(scan: &Scan, today: Date, warn_within: Option<u32>) -> Report {
    let lines = crate::extract::LineIndex::new(&scan.registry.source);
    let codeowners = crate::codeowners::CodeOwners::find(&scan.root);
    let mut teams: std::collections::BTreeMap<(String, bool), Vec<FlagReport>> = Default::default();
    for flag in &scan.registry.flags {
        let report = flag_report(scan, flag, today, warn_within, &lines);
        let owner = match flag.owner() {
            Some(owner) => (owner.to_string(), false),
            None => match codeowners
                .as_ref()
                .and_then(|c| infer_owner(c, &report.references))
            {
                Some(owner) => (owner, true),
                None => (NO_OWNER.to_string(), false),
            },
        };
        teams.entry(owner).or_default().push(report);
    }
    let mut teams: Vec<Team> = teams
        .into_iter()
        .map(|((owner, inferred), mut flags)| {
            flags.sort_by(|a, b| {
                (a.status, std::cmp::Reverse(a.days_past_expiry), &a.key).cmp(&(
                    b.status,
                    std::cmp::Reverse(b.days_past_expiry),
                    &b.key,
                ))
            });
            Team {
                needs_attention: flags.iter().filter(|f| f.status != Status::Ok).count(),
                owner,
                inferred,
                flags,
            }
        })
        .collect();
    teams.sort_by(|a, b| {
        (std::cmp::Reverse(a.needs_attention), &a.owner)
            .cmp(&(std::cmp::Reverse(b.needs_attention), &b.owner))
    });
    Report {
        version: 1,
        today: today.to_string(),
        teams,
    }
}

/// The CODEOWNERS owner of most of the files that reference a flag (ties
/// go to the name first in order), all of a rule's owners together.
fn infer_owner(
    codeowners: &crate::codeowners::CodeOwners,
    references: &[Reference],
) -> Option<String> {
    let mut votes: std::collections::BTreeMap<String, usize> = Default::default();
    for reference in references {
        let owners = codeowners.owners(&reference.path);
        if !owners.is_empty() {
            *votes.entry(owners.join(" ")).or_default() += 1;
        }
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(owner, _)| owner)
}

fn flag_report(
    scan: &Scan,
    flag: &Flag,
    today: Date,
    warn_within: Option<u32>,
    lines: &crate::extract::LineIndex,
) -> FlagReport {
    let policy = scan.registry.policy(flag.flag_type);
    let references: Vec<Reference> = scan
        .index
        .to(&flag.key)
        .map(|r| Reference {
            path: r.location.path.clone(),
            line: r.location.line,
            kind: r.kind,
        })
        .collect();
    let expires = flag.expires.as_ref().map(|d| *d.get_ref());
    let created = flag.created.as_ref().map(|d| *d.get_ref());
    let days_past_expiry = expires
        .map(|e| days_between(e, today))
        .filter(|days| *days > 0);
    let mut statuses = Vec::new();
    if days_past_expiry.is_some() {
        statuses.push(Status::Expired);
    }
    let window = i64::from(warn_within.unwrap_or(policy.warn_before_expiry_days));
    if let Some(expires) = expires {
        let left = days_between(today, expires);
        if (0..=window).contains(&left) {
            statuses.push(Status::ExpiringSoon);
        }
    }
    if references.is_empty() {
        statuses.push(Status::Unreferenced);
    }
    if let (Some(created), Some(expires), Some(max)) = (created, expires, policy.max_lifetime_days)
        && days_between(created, expires) > i64::from(max)
    {
        statuses.push(Status::LifetimeExceeded);
    }
    if policy.requires.iter().any(|field| !flag.has(*field))
        || (flag.owner().is_none() && !policy.requires(Field::Owner))
    {
        statuses.push(Status::MissingMetadata);
    }
    if statuses.is_empty() {
        statuses.push(Status::Ok);
    }
    let text = |value: &Option<toml::Spanned<String>>| value.as_ref().map(|v| v.get_ref().clone());
    FlagReport {
        key: flag.key.clone(),
        flag_type: flag.flag_type.name(),
        status: statuses[0],
        statuses,
        created: created.map(|d| d.to_string()),
        expires: expires.map(|d| d.to_string()),
        age_days: created.map(|c| days_between(c, today)),
        days_past_expiry,
        cleanup_issue: text(&flag.cleanup_issue),
        description: text(&flag.description),
        references,
        line: lines.location("", flag.key_span.clone()).line,
    }
}
