//! The rules: repository-wide questions asked of the registry and the index
//! of references, after every file is read. No tree-sitter in here.
//!
//! One file per rule, each holding its check and its explanation: the same
//! text feeds `flaglint explain`, the README and every output format. The
//! rules also own `[rules]`: [`Levels`] checks its names and severities.

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

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::civil::Date;

use crate::index::RefIndex;
use crate::registry::{Flag, Registry};
use crate::suggest;
use crate::types::{Diagnostic, Invalid, Location, Severity};

/// A rule: its name, default severity, documentation and check.
pub struct Rule {
    pub name: &'static str,
    pub default: Severity,
    /// One line: when it fires.
    pub summary: &'static str,
    /// Markdown: "What it does", "Why is this bad?", "Example", "How to fix".
    pub explanation: &'static str,
    /// `None` for a rule another stage reports (`invalid-suppression`,
    /// which only the suppressions can see).
    check: Option<fn(&Context, &mut Findings)>,
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

/// `[rules]`, checked: each rule's severity in this repository, `None`
/// for a rule turned off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    overrides: BTreeMap<&'static str, Option<Severity>>,
}

impl Levels {
    /// Checks the registry's `[rules]`: every name a rule, every level a
    /// severity or `off`.
    pub fn new(registry: &Registry) -> Result<Levels, Invalid> {
        let mut overrides = BTreeMap::new();
        for (name, level) in &registry.rule_levels {
            let Some(rule) = by_name(name.get_ref()) else {
                let names: Vec<&str> = ALL.iter().map(|rule| rule.name).collect();
                return Err(Invalid::new(
                    name.span(),
                    format!("unknown rule `{}`", name.get_ref()),
                    Some(suggest::hint(name.get_ref(), &names)),
                ));
            };
            let severity = Severity::from_level(level.get_ref()).ok_or_else(|| {
                Invalid::new(
                    level.span(),
                    format!("unknown severity `{}`", level.get_ref()),
                    Some(suggest::hint(level.get_ref(), &Severity::LEVEL_NAMES)),
                )
            })?;
            overrides.insert(rule.name, severity);
        }
        Ok(Levels { overrides })
    }

    /// `rule`'s severity here, `None` when `[rules]` turns it off.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        self.overrides
            .get(rule.name)
            .copied()
            .unwrap_or(Some(rule.default))
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
}

impl Context<'_> {
    /// The location of a span in flags.toml.
    pub fn in_registry(&self, span: Range<usize>) -> Location {
        self.registry.location(span)
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
pub fn run(context: &Context, levels: &Levels) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for rule in ALL {
        let (Some(severity), Some(check)) = (levels.severity(rule), rule.check) else {
            continue;
        };
        let mut findings = Vec::new();
        check(context, &mut findings);
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

/// "release flag `x`": how messages name a flag.
fn describe(flag: &Flag) -> String {
    format!("{} flag `{}`", flag.flag_type, flag.key)
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
}
