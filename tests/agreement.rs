//! `check` and `report` answer the same question the same way: for every
//! fixture repository, the statuses `report --format json` gives each flag
//! are exactly those that `check --format json`'s findings about it imply.
//! The report has no judgement of its own to drift.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The report status each rule's finding about a declared flag stands for
/// (the README's report section says the same).
fn status_of(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "expired-flag" => "expired",
        "expiring-soon" => "expiring-soon",
        "unreferenced-flag" => "unreferenced",
        "lifetime-exceeded" => "lifetime-exceeded",
        "unsafe-default" => "unsafe-default",
        "missing-owner"
        | "missing-expiry"
        | "missing-cleanup-issue"
        | "missing-runbook"
        | "missing-dashboard"
        | "missing-required-field" => "missing-metadata",
        _ => return None,
    })
}

fn run(dir: &Path, command: &str) -> Option<serde_json::Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_flaglint"))
        .args([command, "--format", "json", "--today", "2026-11-25"])
        .current_dir(dir)
        .env_remove("FLAGLINT_TODAY")
        .output()
        .unwrap();
    // A registry that cannot be read gives neither a check nor a report.
    (output.status.code() != Some(2)).then(|| serde_json::from_slice(&output.stdout).unwrap())
}

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("flags.toml").is_file() {
        out.push(dir.to_path_buf());
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.is_symlink() {
            fixtures(&path, out);
        }
    }
}

#[test]
fn report_statuses_are_the_checks_findings() {
    let mut dirs = Vec::new();
    fixtures(Path::new("testdata"), &mut dirs);
    let mut compared = 0;
    for dir in dirs {
        let (Some(check), Some(report)) = (run(&dir, "check"), run(&dir, "report")) else {
            continue;
        };
        let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for diagnostic in check["diagnostics"].as_array().unwrap() {
            let (Some(flag), Some(status)) = (
                diagnostic["flag"].as_str(),
                status_of(diagnostic["rule"].as_str().unwrap()),
            ) else {
                continue;
            };
            expected
                .entry(flag.to_string())
                .or_default()
                .insert(status.to_string());
        }
        for team in report["teams"].as_array().unwrap() {
            for flag in team["flags"].as_array().unwrap() {
                let key = flag["key"].as_str().unwrap();
                let statuses: BTreeSet<String> = flag["statuses"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .filter(|s| s != "ok")
                    .collect();
                let wanted = expected.remove(key).unwrap_or_default();
                assert_eq!(
                    statuses,
                    wanted,
                    "{}: `{key}`: report says {statuses:?}, check's findings say {wanted:?}",
                    dir.display()
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 30, "only {compared} flags compared");
}
