use super::{Context, Findings, Rule, missing_field};
use crate::registry::Field;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "missing-cleanup-issue",
    default: Severity::Error,
    summary: "the type's policy requires `cleanup_issue` and it is absent",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    missing_field::check(
        context,
        out,
        Field::CleanupIssue,
        "open an issue for removing the flag and add `cleanup_issue = \"<issue URL>\"`",
    );
}

const EXPLANATION: &str = r#"## What it does
Checks that flags whose type's policy requires it (release, experiment and
migration flags by default) link the issue that tracks their removal.

## Why is this bad?
A temporary flag is only temporary if its removal is planned work. Without
a cleanup issue the dead branch stays in the code after the rollout ends,
doubling the test matrix for years.

## Example
```toml
[flags.new-checkout]
type = "release"
owner = "team-payments"
expires = 2026-12-01
```

## How to fix
Open an issue for deleting the flag and its old code path, and link it:
```toml
cleanup_issue = "https://github.com/acme/shop/issues/123"
```
"#;
