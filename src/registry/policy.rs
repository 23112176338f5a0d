//! Flag types and the policy each type is held to.
//!
//! The defaults are SPEC.md's table; `[policy.<type>]` in flags.toml overrides
//! them field by field.

use std::fmt;

/// The kind of a flag, from the problem's own taxonomy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlagType {
    Release,
    Ops,
    Experiment,
    Permission,
    Migration,
}

impl FlagType {
    pub const ALL: [FlagType; 5] = [
        FlagType::Release,
        FlagType::Ops,
        FlagType::Experiment,
        FlagType::Permission,
        FlagType::Migration,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FlagType::Release => "release",
            FlagType::Ops => "ops",
            FlagType::Experiment => "experiment",
            FlagType::Permission => "permission",
            FlagType::Migration => "migration",
        }
    }

    pub fn from_name(name: &str) -> Option<FlagType> {
        FlagType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The policy SPEC.md gives this type before any override.
    pub fn default_policy(self) -> Policy {
        use Field::*;
        let (max_lifetime_days, requires, default): (_, &[Field], _) = match self {
            FlagType::Release => (Some(60), &[Owner, Expires, CleanupIssue], Some(false)),
            FlagType::Ops => (Some(14), &[Owner, Expires, Runbook], Some(false)),
            FlagType::Experiment => (Some(90), &[Owner, Expires, CleanupIssue, Dashboard], None),
            FlagType::Permission => (None, &[Owner], None),
            FlagType::Migration => (Some(180), &[Owner, Expires, CleanupIssue], None),
        };
        Policy {
            max_lifetime_days,
            requires: requires.to_vec(),
            default,
            warn_before_expiry_days: warning_window(max_lifetime_days),
        }
    }
}

impl fmt::Display for FlagType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `expiring-soon` looks this many days ahead unless a policy or
/// `--warn-within` says otherwise, or the type lives shorter.
pub const DEFAULT_WARN_BEFORE_EXPIRY_DAYS: u32 = 14;

/// The default warning window of a type that lives at most `lifetime`
/// days: 14, or half the lifetime when that is shorter, so that a flag
/// created with the longest expiry its type allows does not warn on its
/// first day (ops flags live 14 days: they warn in their last 7).
pub fn warning_window(lifetime: Option<u32>) -> u32 {
    lifetime.map_or(DEFAULT_WARN_BEFORE_EXPIRY_DAYS, |days| {
        DEFAULT_WARN_BEFORE_EXPIRY_DAYS.min(days / 2)
    })
}

/// What a flag of one type must satisfy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// `expires - created` may not exceed this; `None` means no limit.
    pub max_lifetime_days: Option<u32>,
    /// Metadata fields every flag of the type must have.
    pub requires: Vec<Field>,
    /// The `default` state the type must declare, if any.
    pub default: Option<bool>,
    /// How far ahead `expiring-soon` looks.
    pub warn_before_expiry_days: u32,
}

impl Policy {
    pub fn requires(&self, field: Field) -> bool {
        self.requires.contains(&field)
    }
}

/// A metadata field a policy can require.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Owner,
    Description,
    Created,
    Expires,
    Environments,
    Rollout,
    RolloutIssue,
    CleanupIssue,
    Dashboard,
    Runbook,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Owner,
        Field::Description,
        Field::Created,
        Field::Expires,
        Field::Environments,
        Field::Rollout,
        Field::RolloutIssue,
        Field::CleanupIssue,
        Field::Dashboard,
        Field::Runbook,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Owner => "owner",
            Field::Description => "description",
            Field::Created => "created",
            Field::Expires => "expires",
            Field::Environments => "environments",
            Field::Rollout => "rollout",
            Field::RolloutIssue => "rollout_issue",
            Field::CleanupIssue => "cleanup_issue",
            Field::Dashboard => "dashboard",
            Field::Runbook => "runbook",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}
