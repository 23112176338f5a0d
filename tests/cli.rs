//! End-to-end tests as data: each `tests/cmd/NAME.toml` runs the real binary
//! (arguments, working directory, exit code) and compares its output with
//! `NAME.stdout` and `NAME.stderr`. The fixtures live under testdata/.
//! `TRYCMD=overwrite cargo test --test cli` rewrites the expected output.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

/// The README's rules table is the rules' own summaries, so the two cannot
/// drift apart.
#[test]
fn readme_lists_every_rule_with_its_summary() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for rule in flaglint::rules::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            rule.name,
            rule.default.name(),
            rule.summary
        );
        assert!(readme.contains(&row), "README.md lacks the row:\n{row}");
    }
}

/// The README's SDK table lists every (SDK, language) pair the presets cover.
#[test]
fn readme_lists_every_sdk_language_pair() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for (sdk, language) in flaglint::registry::sdk::pairs() {
        let row = format!("| `{sdk}` | {language} |");
        assert!(
            readme.contains(&row),
            "README.md lacks the row for {sdk} in {language}"
        );
    }
}
