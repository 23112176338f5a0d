//! `check --format gitlab`: GitLab Code Quality JSON, an array of issues
//! each with a fingerprint that stays the same while the finding does.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::types::{Diagnostic, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

pub fn check(diagnostics: &[Diagnostic]) -> String {
    let mut seen = std::collections::HashMap::new();
    let issues: Vec<Issue> = diagnostics
        .iter()
        .map(|d| {
            // Rule, flag and file, not line: moving code does not make a
            // finding new. The n-th such finding in a file gets its own.
            let identity = (
                d.rule,
                d.flag.as_deref().unwrap_or(""),
                d.location.path.as_str(),
            );
            let occurrence = seen.entry(identity).or_insert(0usize);
            *occurrence += 1;
            Issue {
                description: &d.message,
                check_name: d.rule,
                fingerprint: fingerprint(&[
                    identity.0,
                    identity.1,
                    identity.2,
                    &occurrence.to_string(),
                ]),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    path: &d.location.path,
                    lines: Lines {
                        begin: d.location.line,
                    },
                },
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).expect("issues serialize");
    text.push('\n');
    text
}

/// A hex SHA-256 of the parts, separated so that ("ab", "c") and ("a", "bc")
/// differ.
fn fingerprint(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
