//! The rules: repository-wide questions asked of the registry and the index
//! of references, after every file is read. No tree-sitter in here.
//!
//! One file per rule, each holding its check and its explanation: the same
//! text feeds `flaglint explain`, the README and every output format.

mod dynamic_flag_key;
mod expired_flag;
mod expiring_soon;
pub mod invalid_suppression;
mod lifetime_exceeded;
mod missing_cleanup_issue;
mod missing_dashboard;
mod missing_expiry;
mod missing_field;
mod missing_owner;
mod missing_required_field;
mod missing_runbook;
mod undeclared_flag;
mod unreferenced_flag;
mod unsafe_default;

use std::ops::Range;

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{LineIndex, Location};
use crate::index::RefIndex;
use crate::registry::{Flag, Registry};

/// A rule: its name, default severity, documentation and check.
pub struct Rule {
    pub name: &'static str,
    pub default: Severity,
    /// One line: when it fires.
    pub summary: &'static str,
    /// Markdown: "What it does", "Why is this bad?", "Example", "How to fix".
    pub explanation: &'static str,
    check: fn(&Context, &mut Findings),
}

/// Every rule, in the order SPEC.md lists them.
pub static ALL: [&Rule; 14] = [
    &expired_flag::RULE,
    &expiring_soon::RULE,
    &undeclared_flag::RULE,
    &unreferenced_flag::RULE,
    &missing_cleanup_issue::RULE,
    &missing_owner::RULE,
    &missing_expiry::RULE,
    &lifetime_exceeded::RULE,
    &unsafe_default::RULE,
    &missing_runbook::RULE,
    &missing_dashboard::RULE,
    &missing_required_field::RULE,
    &dynamic_flag_key::RULE,
    &invalid_suppression::RULE,
];

pub fn by_name(name: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|rule| rule.name == name)
}

/// A rule's severity as `[rules]` sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Off,
}

impl Level {
    pub const NAMES: [&'static str; 3] = ["error", "warning", "off"];

    pub fn from_name(name: &str) -> Option<Level> {
        match name {
            "error" => Some(Level::Error),
            "warning" => Some(Level::Warning),
            "off" => Some(Level::Off),
            _ => None,
        }
    }
}

/// What the rules see.
pub struct Context<'a> {
    pub registry: &'a Registry,
    pub index: &'a RefIndex,
    pub today: Date,
    /// `--warn-within`: overrides every policy's `warn_before_expiry_days`.
    pub warn_within: Option<u32>,
    /// False when only some paths were scanned: a flag may then be used
    /// elsewhere, so `unreferenced-flag` cannot be answered.
    pub whole_tree: bool,
    /// How flags.toml is shown in output.
    pub registry_path: &'a str,
    registry_lines: LineIndex<'a>,
}

impl<'a> Context<'a> {
    pub fn new(
        registry: &'a Registry,
        registry_path: &'a str,
        index: &'a RefIndex,
        today: Date,
        warn_within: Option<u32>,
        whole_tree: bool,
    ) -> Self {
        Context {
            registry,
            index,
            today,
            warn_within,
            whole_tree,
            registry_path,
            registry_lines: LineIndex::new(&registry.source),
        }
    }

    /// The location of a span in flags.toml.
    pub fn in_registry(&self, span: Range<usize>) -> Location {
        self.registry_lines.location(self.registry_path, span)
    }
}

/// What one rule found, before severity is applied.
pub struct Finding {
    pub flag: Option<String>,
    pub message: String,
    pub help: String,
    pub label: String,
    pub location: Location,
}

type Findings = Vec<Finding>;

/// Runs every rule that is not off, sorted for output.
pub fn run(context: &Context) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for rule in ALL {
        let Some(severity) = severity(context.registry, rule) else {
            continue;
        };
        let mut findings = Vec::new();
        (rule.check)(context, &mut findings);
        diagnostics.extend(findings.into_iter().map(|finding| {
            Diagnostic {
                rule: rule.name,
                severity,
                owner: finding
                    .flag
                    .as_deref()
                    .and_then(|key| context.registry.flag(key))
                    .and_then(|flag| flag.owner().map(str::to_string)),
                flag: finding.flag,
                message: finding.message,
                help: finding.help,
                label: finding.label,
                location: finding.location,
            }
        }));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// A rule's severity in this repository, `None` when `[rules]` turns it off.
pub fn severity(registry: &Registry, rule: &Rule) -> Option<Severity> {
    match registry.rule_levels.get(rule.name) {
        Some(Level::Off) => None,
        Some(Level::Error) => Some(Severity::Error),
        Some(Level::Warning) => Some(Severity::Warning),
        None => Some(rule.default),
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to)
        .map(|span| i64::from(span.get_days()))
        .expect("civil dates are always within range of each other")
}

/// "release flag `x`": how messages name a flag.
fn describe(flag: &Flag) -> String {
    format!("{} flag `{}`", flag.flag_type, flag.key)
}

/// "1 day", "3 days".
fn days(count: i64) -> String {
    if count.abs() == 1 {
        format!("{count} day")
    } else {
        format!("{count} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        let mut names: Vec<&str> = ALL.iter().map(|rule| rule.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
        for rule in ALL {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## How to fix",
            ] {
                assert!(
                    rule.explanation.contains(heading),
                    "{} lacks {heading}",
                    rule.name
                );
            }
        }
    }

    #[test]
    fn days_between_counts_calendar_days() {
        let a = Date::new(2026, 11, 25).unwrap();
        let b = Date::new(2027, 1, 1).unwrap();
        assert_eq!(days_between(a, b), 37);
        assert_eq!(days_between(b, a), -37);
    }
}
