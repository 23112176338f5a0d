use super::{Context, Findings, Rule, missing_field};
use crate::registry::Field;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "missing-required-field",
    default: Severity::Error,
    summary: "the type's policy requires a field no other rule covers (`rollout_issue`, `description`, ...) and it is absent",
    explanation: EXPLANATION,
    check: Some(check),
};

/// Fields whose absence a dedicated rule reports.
const COVERED: [Field; 5] = [
    Field::Owner,
    Field::Expires,
    Field::CleanupIssue,
    Field::Runbook,
    Field::Dashboard,
];

fn check(context: &Context, out: &mut Findings) {
    for field in Field::ALL {
        if !COVERED.contains(&field) {
            let help = format!("add `{}`", field.name());
            missing_field::check(context, out, field, &help);
        }
    }
}

const EXPLANATION: &str = r#"## What it does
Checks the fields a `[policy.<type>] requires` list adds beyond the ones
with a rule of their own (`owner`, `expires`, `cleanup_issue`, `runbook`,
`dashboard`): `rollout_issue`, `description`, `created`, `environments`,
`rollout`.

## Why is this bad?
A repository that requires, say, a rollout issue for every release flag
has decided that its reviewers need it; a flag without it skips that
review.

## Example
```toml
[policy.release]
requires = ["owner", "expires", "cleanup_issue", "rollout_issue"]

[flags.new-checkout]
type = "release"
owner = "team-payments"
expires = 2026-12-01
cleanup_issue = "https://github.com/acme/shop/issues/123"
```

## How to fix
Add the field the policy asks for:
```toml
rollout_issue = "https://github.com/acme/shop/issues/120"
```
"#;
