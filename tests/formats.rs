//! Machine-readable formats checked as data: SARIF against the official
//! SARIF 2.1.0 schema (testdata/sarif-schema-2.1.0.json, from OASIS), GitLab
//! fingerprints for uniqueness, and the GitHub job summary file.

use std::process::Command;

fn flaglint(args: &[&str], envs: &[(&str, &std::path::Path)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_flaglint"));
    command
        .args(args)
        .current_dir("testdata/shop")
        .env_remove("GITHUB_STEP_SUMMARY");
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().expect("flaglint runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("testdata/sarif-schema-2.1.0.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let sarif: serde_json::Value = serde_json::from_str(&flaglint(
        &["check", "--format", "sarif", "--today", "2026-11-25"],
        &[],
    ))
    .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}",
        errors.join("\n")
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 13);
    // The schema accepts an empty log too: check that this one says something.
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), flaglint::rules::ALL.len());
    assert!(rules.iter().all(|rule| {
        rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## How to fix")
    }));
}

#[test]
fn a_schema_violation_would_be_caught() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("testdata/sarif-schema-2.1.0.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(
        !validator.is_valid(&broken),
        "a driver without a name must not validate"
    );
}

#[test]
fn gitlab_fingerprints_are_unique_and_stable() {
    let run = || {
        flaglint(
            &["check", "--format", "gitlab", "--today", "2026-11-25"],
            &[],
        )
    };
    let first: serde_json::Value = serde_json::from_str(&run()).unwrap();
    let second: serde_json::Value = serde_json::from_str(&run()).unwrap();
    assert_eq!(first, second);
    let mut fingerprints: Vec<&str> = first
        .as_array()
        .unwrap()
        .iter()
        .map(|issue| issue["fingerprint"].as_str().unwrap())
        .collect();
    let count = fingerprints.len();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), count);
}

#[test]
fn github_appends_a_job_summary() {
    let summary = std::env::temp_dir().join(format!("flaglint-summary-{}.md", std::process::id()));
    std::fs::write(&summary, "earlier step\n").unwrap();
    let annotations = flaglint(
        &["check", "--format", "github", "--today", "2026-11-25"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert!(
        annotations.starts_with(
            "::error file=flags.toml,line=22,col=8,title=flaglint missing-dashboard::"
        )
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    std::fs::remove_file(&summary).unwrap();
    assert!(
        written.starts_with("earlier step\n## flaglint\n\n10 errors, 3 warnings"),
        "{written}"
    );
    assert!(written.contains("| error | `expired-flag` | new-checkout | src/checkout/mod.rs:8 |"));
}

#[test]
fn a_written_baseline_silences_todays_findings() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_flaglint"))
            .args(["check", "--today", "2026-11-25"])
            .args(extra)
            .current_dir("testdata/shop")
            .output()
            .unwrap()
    };
    let written = run(&["--write-baseline", baseline.to_str().unwrap()]);
    assert_eq!(written.status.code(), Some(0));
    let entries: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(entries["findings"].as_array().unwrap().len(), 13);
    // Only the baseline is in the directory: the temporary file was renamed.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let checked = run(&["--baseline", baseline.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        checked.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert_eq!(report["summary"]["errors"], 0);
    assert!(checked.stderr.is_empty(), "no stale entries expected");
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    let output = |args: &[&str]| {
        let run = Command::new(env!("CARGO_BIN_EXE_flaglint"))
            .args(args)
            .output()
            .unwrap();
        assert!(run.status.success(), "{args:?}");
        String::from_utf8(run.stdout).unwrap()
    };
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = output(&["completions", shell]);
        for word in ["check", "refs", "explain", "deny-warnings", "baseline"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let page = output(&["man"]);
    assert!(page.contains(".TH flaglint 1"));
    for word in ["check", "refs", "explain", "completions"] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
}
