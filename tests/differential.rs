//! The fast path proved equal to the exhaustive one. flaglint reads most
//! files without a syntax tree (candidates first, then a lexer where only
//! keys may be); `--exhaustive` parses every file a grammar covers. Both
//! must give the same references (`refs --format json`) and the same
//! findings (`check --format json`), byte for byte:
//!
//! - on every fixture under testdata/ with its own registry;
//! - on real code, with the two registries of testdata/differential/
//!   (short common keys only; keys with every SDK preset, call names, a
//!   callee regex and a flag object): the directories in
//!   `FLAGLINT_DIFFERENTIAL` (separated by `:`), else the sources of the
//!   crates cargo fetched to build flaglint and Python's standard library,
//!   where they exist. `bench/differential` runs it over more than 100,000
//!   real files of every grammar.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(root: &Path, config: &Path, args: &[&str], exhaustive: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_flaglint"));
    command
        .args(args)
        .arg("--config")
        .arg(config)
        .arg("--root")
        .arg(root)
        .args(["--format", "json"]);
    // Only `check` has a clock; `refs` refuses the option.
    if args == ["check"] {
        command.args(["--today", "2026-11-27"]);
    }
    command
        .env_remove("FLAGLINT_EXHAUSTIVE")
        .env_remove("FLAGLINT_PREVIEW");
    if exhaustive {
        command.env("FLAGLINT_EXHAUSTIVE", "1");
    }
    let output = command.output().expect("flaglint runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    // A usage error would be the same in both modes, and prove nothing.
    assert!(
        !stderr.contains("Usage:"),
        "`flaglint {}` on {} was refused: {stderr}",
        args.join(" "),
        root.display()
    );
    // A fixture of bad registries exits 2 in both modes, with the same words.
    format!(
        "exit {:?}\n{}{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        stderr
    )
}

/// The first difference between two outputs, as a short report.
fn first_difference(fast: &str, exhaustive: &str) -> String {
    let (fast, exhaustive): (Vec<&str>, Vec<&str>) =
        (fast.lines().collect(), exhaustive.lines().collect());
    let at = fast
        .iter()
        .zip(&exhaustive)
        .position(|(a, b)| a != b)
        .unwrap_or(fast.len().min(exhaustive.len()));
    let window = |lines: &[&str]| lines[at.saturating_sub(8)..(at + 8).min(lines.len())].join("\n");
    format!(
        "first difference at line {}:\n--- fast\n{}\n--- exhaustive\n{}",
        at + 1,
        window(&fast),
        window(&exhaustive)
    )
}

fn assert_same(root: &Path, config: &Path) {
    // `refs` lists every reference; `check` the findings and the summary.
    for command in [&["refs"][..], &["check"][..]] {
        let fast = run(root, config, command, false);
        let exhaustive = run(root, config, command, true);
        assert!(
            fast == exhaustive,
            "`flaglint {}` differs between the fast and the exhaustive mode on {} with {}\n{}",
            command[0],
            root.display(),
            config.display(),
            first_difference(&fast, &exhaustive)
        );
    }
}

#[test]
fn every_fixture_gives_the_same_references_in_both_modes() {
    let mut fixtures = 0;
    for entry in std::fs::read_dir("testdata").unwrap() {
        let dir = entry.unwrap().path();
        let registry = dir.join("flags.toml");
        if registry.is_file() {
            assert_same(&dir, &registry);
            fixtures += 1;
        }
    }
    assert!(fixtures > 10, "only {fixtures} fixtures found");
}

/// Real code to compare the modes on.
fn corpora() -> Vec<PathBuf> {
    if let Some(dirs) = std::env::var_os("FLAGLINT_DIFFERENTIAL") {
        return std::env::split_paths(&dirs).collect();
    }
    let mut found = Vec::new();
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    if let Some(home) = cargo_home {
        found.push(home.join("registry").join("src"));
    }
    let python = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output();
    if let Ok(output) = python
        && output.status.success()
    {
        found.push(PathBuf::from(
            String::from_utf8_lossy(&output.stdout).trim(),
        ));
    }
    found.retain(|dir| dir.is_dir());
    found
}

#[test]
fn real_code_gives_the_same_references_in_both_modes() {
    // A debug build parses real code ten times slower: `.ci/run` runs this
    // in release (`cargo test --release --test differential`).
    if cfg!(debug_assertions) && std::env::var_os("FLAGLINT_DIFFERENTIAL").is_none() {
        eprintln!(
            "SKIPPED: real code is compared in release builds (cargo test --release --test differential)"
        );
        return;
    }
    let corpora = corpora();
    if corpora.is_empty() {
        eprintln!("SKIPPED: no real code to compare on (set FLAGLINT_DIFFERENTIAL)");
        return;
    }
    for corpus in &corpora {
        for registry in ["keys.toml", "calls.toml"] {
            let config = Path::new("testdata/differential").join(registry);
            eprintln!("comparing on {} with {registry}", corpus.display());
            assert_same(corpus, &std::fs::canonicalize(config).unwrap());
        }
    }
}
