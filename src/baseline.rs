//! Gradual adoption: a baseline records today's findings so that `check
//! --baseline FILE` fails only on new ones. Findings match by rule, flag and
//! file, not by line, so unrelated edits do not break the baseline.

use std::collections::BTreeMap;
use std::path::Path;

use miette::{IntoDiagnostic, Result, miette};
use serde::{Deserialize, Serialize};

use crate::types::Diagnostic;

/// The file `--write-baseline` writes and `--baseline` reads.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// How many findings of one rule, for one flag, one file has.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub flag: Option<String>,
    pub path: String,
    pub count: usize,
}

type Key = (String, Option<String>, String);

fn key(diagnostic: &Diagnostic) -> Key {
    (
        diagnostic.rule.to_string(),
        diagnostic.flag.clone(),
        diagnostic.location.path.clone(),
    )
}

impl Baseline {
    /// Today's findings, counted by rule, flag and file.
    pub fn of(diagnostics: &[Diagnostic]) -> Baseline {
        let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
        for diagnostic in diagnostics {
            *counts.entry(key(diagnostic)).or_default() += 1;
        }
        Baseline {
            version: 1,
            findings: counts
                .into_iter()
                .map(|((rule, flag, path), count)| Entry {
                    rule,
                    flag,
                    path,
                    count,
                })
                .collect(),
        }
    }

    pub fn read(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|err| {
            miette!(
                help = "write one with `flaglint check --write-baseline FILE`",
                "cannot read the baseline {}: {err}",
                path.display()
            )
        })?;
        serde_json::from_str(&text).map_err(|err| {
            miette!(
                help = "regenerate it with `flaglint check --write-baseline FILE`",
                "{}:{}:{}: not a flaglint baseline: {err}",
                path.display(),
                err.line(),
                err.column()
            )
        })
    }

    /// Writes the baseline atomically: a temporary file in the same
    /// directory, renamed over the target, so a crash never leaves half a file.
    pub fn write(&self, path: &Path) -> Result<()> {
        let mut text = serde_json::to_string_pretty(self).into_diagnostic()?;
        text.push('\n');
        crate::atomic::write(path, text.as_bytes())
    }

    /// Splits `diagnostics` into the new ones, and the baseline entries (with
    /// the count left over) that no longer occur.
    pub fn filter(&self, diagnostics: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Entry>) {
        let mut allowance: BTreeMap<Key, usize> = self
            .findings
            .iter()
            .map(|e| ((e.rule.clone(), e.flag.clone(), e.path.clone()), e.count))
            .collect();
        let mut new = Vec::new();
        for diagnostic in diagnostics {
            match allowance.get_mut(&key(&diagnostic)) {
                Some(left) if *left > 0 => *left -= 1,
                _ => new.push(diagnostic),
            }
        }
        let stale = allowance
            .into_iter()
            .filter(|(_, left)| *left > 0)
            .map(|((rule, flag, path), count)| Entry {
                rule,
                flag,
                path,
                count,
            })
            .collect();
        (new, stale)
    }
}
