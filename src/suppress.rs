//! Inline suppressions: a comment on the line of a finding, or the line
//! above it, saying `flaglint: allow(RULE[, RULE...]) reason: WHY`. Any
//! language's comment syntax works. A suppression without a reason
//! suppresses nothing and is itself reported (`invalid-suppression`).

use std::collections::{BTreeSet, HashMap};

use crate::rules::{Levels, invalid_suppression};
use crate::source::SourceCache;
use crate::types::Diagnostic;
use crate::types::SUPPRESSION_MARKER as MARKER;

const COMMENT_OPENERS: [&str; 5] = ["//", "#", "/*", "--", "<!--"];

/// One parsed suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Suppression {
    rules: Vec<String>,
    reason: Option<String>,
    /// Byte offset of the marker in its line, for pointing at it.
    column: usize,
}

/// The suppression in `line`, if the line has one inside a comment.
fn parse(line: &str) -> Option<Suppression> {
    let at = line.find(MARKER)?;
    let before = &line[..at];
    if !COMMENT_OPENERS.iter().any(|opener| before.contains(opener)) {
        return None;
    }
    let rest = &line[at + MARKER.len()..];
    let close = rest.find(')')?;
    let rules = rest[..close]
        .split(',')
        .map(|rule| rule.trim().to_string())
        .filter(|rule| !rule.is_empty())
        .collect();
    let after = rest[close + 1..].trim_start();
    let reason = after
        .strip_prefix("reason:")
        .map(|reason| {
            reason
                .trim()
                .trim_end_matches("*/")
                .trim_end_matches("-->")
                .trim()
                .to_string()
        })
        .filter(|reason| !reason.is_empty());
    Some(Suppression {
        rules,
        reason,
        column: at,
    })
}

/// Drops the findings a reasoned suppression covers; adds an
/// `invalid-suppression` error for each reasonless one next to a finding.
/// Only files `may_suppress` admits (those that spell the marker) are read.
pub fn apply(
    diagnostics: Vec<Diagnostic>,
    levels: &Levels,
    sources: &SourceCache,
    may_suppress: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut invalid: BTreeSet<(String, usize, usize)> = BTreeSet::new();
    // Each line searched for a suppression once, however many findings it
    // holds (a minified bundle's one line can hold a million); diagnostics
    // come sorted by file, so one file's lines are remembered at a time.
    let mut lines: HashMap<usize, Option<Suppression>> = HashMap::new();
    let mut lines_of = String::new();
    for diagnostic in diagnostics {
        let path = diagnostic.location.path.clone();
        if path != lines_of {
            lines.clear();
            lines_of.clone_from(&path);
        }
        // Each file read and split into lines once, by the cache: a registry
        // of 10,000 flags has as many findings in one file.
        let file = may_suppress(&path).then(|| sources.get(&path)).flatten();
        let line = diagnostic.location.line;
        let found = file.as_ref().and_then(|file| {
            [line, line.saturating_sub(1)]
                .into_iter()
                .find_map(|number| {
                    let suppression = lines
                        .entry(number)
                        .or_insert_with(|| file.line(number).and_then(parse))
                        .clone()?;
                    let covers = suppression
                        .rules
                        .iter()
                        .any(|rule| rule == diagnostic.rule || rule == "all");
                    covers.then_some((number, suppression))
                })
        });
        match found {
            Some((_, suppression)) if suppression.reason.is_some() => {}
            Some((number, suppression)) => {
                invalid.insert((path, number, suppression.column));
                kept.push(diagnostic);
            }
            None => kept.push(diagnostic),
        }
    }
    if let Some(severity) = levels.severity(&invalid_suppression::RULE) {
        for (path, line, column) in invalid {
            let Some(file) = sources.get(&path) else {
                continue;
            };
            let Some(start) = file.lines.line_start(line) else {
                continue;
            };
            let start = start + column;
            let location = file.location(&path, start..start + MARKER.len() - 1);
            kept.push(Diagnostic {
                rule: invalid_suppression::RULE.name,
                severity,
                flag: None,
                owner: None,
                message: "this suppression has no reason, so it suppresses nothing".to_string(),
                help: "add why and until when: `flaglint: allow(RULE) reason: rollback kept until INC-42 closes`".to_string(),
                label: "no `reason:`".to_string(),
                location,
            });
        }
    }
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppressions_in_every_comment_syntax() {
        for line in [
            "// flaglint: allow(expired-flag) reason: rollback until INC-42",
            "x = 1  # flaglint: allow(expired-flag) reason: rollback until INC-42",
            "/* flaglint: allow(expired-flag) reason: rollback until INC-42 */",
            "-- flaglint: allow(expired-flag) reason: rollback until INC-42",
            "<!-- flaglint: allow(expired-flag) reason: rollback until INC-42 -->",
        ] {
            let found = parse(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(found.rules, ["expired-flag"]);
            assert_eq!(
                found.reason.as_deref(),
                Some("rollback until INC-42"),
                "{line}"
            );
        }
    }

    #[test]
    fn several_rules_no_reason_and_no_comment() {
        let found = parse("// flaglint: allow(expired-flag, undeclared-flag)").unwrap();
        assert_eq!(found.rules, ["expired-flag", "undeclared-flag"]);
        assert_eq!(found.reason, None);
        assert_eq!(
            parse("// flaglint: allow(expired-flag) reason:   ")
                .unwrap()
                .reason,
            None
        );
        assert!(parse("let s = \"flaglint: allow(expired-flag) reason: x\";").is_none());
    }
}
