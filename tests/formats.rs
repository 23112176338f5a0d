//! Machine-readable formats checked as data: SARIF against the official
//! SARIF 2.1.0 schema (testdata/sarif-schema-2.1.0.json, from OASIS), GitLab
//! fingerprints for uniqueness, and the GitHub job summary file.

use std::process::Command;

fn flaglint(args: &[&str], envs: &[(&str, &std::path::Path)]) -> String {
    flaglint_in("testdata/shop", args, envs)
}

/// Runs flaglint in a fixture; it must complete (exit 0, or 1 for findings).
fn flaglint_in(fixture: &str, args: &[&str], envs: &[(&str, &std::path::Path)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_flaglint"));
    command
        .args(args)
        .current_dir(fixture)
        .env_remove("GITHUB_STEP_SUMMARY");
    for (key, value) in envs {
        command.env(key, value);
    }
    let output = command.output().expect("flaglint runs");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

/// The SARIF log `flaglint check` writes in `fixture`, after checking it
/// against the official schema.
fn valid_sarif(fixture: &str) -> serde_json::Value {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("testdata/sarif-schema-2.1.0.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let sarif: serde_json::Value = serde_json::from_str(&flaglint_in(
        fixture,
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
    sarif
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let sarif = valid_sarif("testdata/shop");
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

/// testdata/hostile's keys, owners and descriptions hold `::`, `%`,
/// newlines, `|`, HTML and escape sequences: no output format may let them
/// forge an annotation, split a table row or inject markup.
#[test]
fn hostile_text_cannot_forge_annotations_or_break_tables() {
    let summary = std::env::temp_dir().join(format!("flaglint-hostile-{}.md", std::process::id()));
    let _ = std::fs::remove_file(&summary);
    let github = flaglint_in(
        "testdata/hostile",
        &["check", "--format", "github", "--today", "2026-11-25"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    let json: serde_json::Value = serde_json::from_str(&flaglint_in(
        "testdata/hostile",
        &["check", "--format", "json", "--today", "2026-11-25"],
        &[],
    ))
    .unwrap();
    let findings = json["diagnostics"].as_array().unwrap().len();
    assert_eq!(findings, 4);
    // One workflow command per finding, each on its own line, properties
    // free of the characters that end them.
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(lines.len(), findings, "{github}");
    for line in &lines {
        let (command, _message) = line.split_once("::").unwrap().1.split_once("::").unwrap();
        assert!(command.starts_with("error ") || command.starts_with("warning "));
        let properties = command.split_once(' ').unwrap().1;
        assert_eq!(properties.split(',').count(), 4, "{line}");
        assert!(!line.contains('\n') && !line.contains('\r') && !line.contains('\u{1b}'));
    }
    // Every row of the job summary's table has the header's cells.
    let written = std::fs::read_to_string(&summary).unwrap();
    std::fs::remove_file(&summary).unwrap();
    let cells = |row: &str| row.replace("\\|", "").matches('|').count();
    let rows: Vec<&str> = written.lines().filter(|l| l.starts_with('|')).collect();
    assert!(rows.len() > 2, "{written}");
    assert!(
        rows.iter().all(|row| cells(row) == cells(rows[0])),
        "{written}"
    );
    assert!(!written.contains("<script") && !written.contains("<img"));

    let report = flaglint_in(
        "testdata/hostile",
        &["report", "--today", "2026-11-25"],
        &[],
    );
    for table in report.split("\n\n").filter(|t| t.starts_with('|')) {
        let rows: Vec<&str> = table.lines().collect();
        assert!(
            rows.iter().all(|row| cells(row) == cells(rows[0])),
            "{table}"
        );
    }
    assert!(!report.contains("<script") && !report.contains('\u{1b}'));

    let html = flaglint_in(
        "testdata/hostile",
        &["report", "--format", "html", "--today", "2026-11-25"],
        &[],
    );
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    let human = flaglint_in("testdata/hostile", &["check", "--today", "2026-11-25"], &[]);
    assert!(
        !human.contains('\u{1b}'),
        "an escape sequence reached the terminal"
    );

    valid_sarif("testdata/hostile");
}
