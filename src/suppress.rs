//! Inline suppressions: a comment on the line of a finding, or the line
//! above it, saying `flaglint: allow(RULE[, RULE...]) reason: WHY`. Any
//! language's comment syntax works. A suppression without a reason
//! suppresses nothing and is itself reported (`invalid-suppression`).

use std::collections::{BTreeSet, HashMap};

use crate::diagnostic::Diagnostic;
use crate::extract::Location;
use crate::registry::Registry;
use crate::rules::{self, invalid_suppression};

const MARKER: &str = "flaglint: allow(";
const COMMENT_OPENERS: [&str; 5] = ["//", "#", "/*", "--", "<!--"];

/// One parsed suppression comment.
#[derive(Debug, PartialEq, Eq)]
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

/// A file's text and where each of its lines starts.
struct Lines {
    text: String,
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: String) -> Lines {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|index| index + 1))
            .collect();
        Lines { text, starts }
    }

    /// Line `number` (1-based) without its line ending.
    fn line(&self, number: usize) -> Option<&str> {
        let start = *self.starts.get(number.checked_sub(1)?)?;
        let end = self
            .starts
            .get(number)
            .map_or(self.text.len(), |next| next - 1);
        let line = self.text.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// Drops the findings a reasoned suppression covers; adds an
/// `invalid-suppression` error for each reasonless one next to a finding.
pub fn apply(
    diagnostics: Vec<Diagnostic>,
    registry: &Registry,
    registry_path: &str,
    root: &std::path::Path,
) -> Vec<Diagnostic> {
    // Each file read and split into lines once: a registry of 10,000 flags
    // has as many findings in one file.
    let mut files: HashMap<String, Option<Lines>> = HashMap::new();
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut invalid: BTreeSet<(String, usize, usize)> = BTreeSet::new();
    for diagnostic in diagnostics {
        let path = diagnostic.location.path.clone();
        let file = files.entry(path.clone()).or_insert_with(|| {
            let text = if path == registry_path {
                Some(registry.source.clone())
            } else {
                crate::extract::read_source(&root.join(&path)).ok()
            };
            text.map(Lines::new)
        });
        let line = diagnostic.location.line;
        let found = file.as_ref().and_then(|file| {
            [line, line.saturating_sub(1)]
                .into_iter()
                .filter_map(|number| Some((number, file.line(number)?)))
                .find_map(|(number, text)| {
                    let suppression = parse(text)?;
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
    if let Some(severity) = rules::severity(registry, &invalid_suppression::RULE) {
        for (path, line, column) in invalid {
            let Some(Some(file)) = files.get(&path) else {
                continue;
            };
            let start = file.starts[line - 1] + column;
            let location = crate::extract::LineIndex::new(&file.text)
                .location(&path, start..start + MARKER.len() - 1);
            kept.push(Diagnostic {
                rule: invalid_suppression::RULE.name,
                severity,
                flag: None,
                owner: None,
                message: "this suppression has no reason, so it suppresses nothing".to_string(),
                help: "add why and until when: `flaglint: allow(RULE) reason: rollback kept until INC-42 closes`".to_string(),
                label: "no `reason:`".to_string(),
                location: Location { ..location },
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
