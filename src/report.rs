//! The weekly stale-flag report: every declared flag with its status, age
//! and references, grouped by owning team, the teams with the most to do
//! first and, within a team, the most urgent flags first.
//!
//! A flag's statuses are what `check` says about it: each comes from a
//! rule's diagnostic (after `[rules]` and suppressions), never from a
//! second reading of the registry.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use jiff::civil::Date;

use crate::pipeline::CheckOutcome;
use crate::registry::Flag;
use crate::types::RefKind;
use crate::types::date::days_between;

/// Why a flag needs attention, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Expired,
    ExpiringSoon,
    Unreferenced,
    LifetimeExceeded,
    UnsafeDefault,
    MissingMetadata,
    Ok,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Expired,
        Status::ExpiringSoon,
        Status::Unreferenced,
        Status::LifetimeExceeded,
        Status::UnsafeDefault,
        Status::MissingMetadata,
        Status::Ok,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Expired => "expired",
            Status::ExpiringSoon => "expiring-soon",
            Status::Unreferenced => "unreferenced",
            Status::LifetimeExceeded => "lifetime-exceeded",
            Status::UnsafeDefault => "unsafe-default",
            Status::MissingMetadata => "missing-metadata",
            Status::Ok => "ok",
        }
    }

    /// The status a rule's finding about a flag gives it; `None` for rules
    /// that are not about a declared flag's state.
    pub fn of_rule(rule: &str) -> Option<Status> {
        Some(match rule {
            "expired-flag" => Status::Expired,
            "expiring-soon" => Status::ExpiringSoon,
            "unreferenced-flag" => Status::Unreferenced,
            "lifetime-exceeded" => Status::LifetimeExceeded,
            "unsafe-default" => Status::UnsafeDefault,
            "missing-owner"
            | "missing-expiry"
            | "missing-cleanup-issue"
            | "missing-runbook"
            | "missing-dashboard"
            | "missing-required-field" => Status::MissingMetadata,
            _ => return None,
        })
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
    /// For an expired flag, how many of its references `flaglint cleanup`
    /// removes by itself (filled by the command line, which runs cleanup's
    /// plan without writing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cleanup_removable: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct Reference {
    pub path: String,
    pub line: usize,
    pub kind: RefKind,
}

/// The flags with no owner are grouped under this name.
pub const NO_OWNER: &str = "(no owner)";

/// Builds the report of a check as of `today`: the statuses are the
/// check's findings, flag by flag.
pub fn build(outcome: &CheckOutcome, today: Date) -> Report {
    let scan = &outcome.scan;
    let mut found: BTreeMap<&str, BTreeSet<Status>> = BTreeMap::new();
    for diagnostic in &outcome.diagnostics {
        if let (Some(flag), Some(status)) = (&diagnostic.flag, Status::of_rule(diagnostic.rule)) {
            found.entry(flag.as_str()).or_default().insert(status);
        }
    }
    let codeowners = crate::codeowners::CodeOwners::find(&scan.root);
    let mut teams: BTreeMap<(String, bool), Vec<FlagReport>> = Default::default();
    for flag in &scan.registry.flags {
        let statuses = found.remove(flag.key.as_str()).unwrap_or_default();
        let report = flag_report(outcome, flag, statuses, today);
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
    let mut votes: BTreeMap<String, usize> = Default::default();
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
    outcome: &CheckOutcome,
    flag: &Flag,
    statuses: BTreeSet<Status>,
    today: Date,
) -> FlagReport {
    let scan = &outcome.scan;
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
    let mut statuses: Vec<Status> = statuses.into_iter().collect();
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
        line: scan.registry.location(flag.key_span.clone()).line,
        cleanup_removable: None,
    }
}
