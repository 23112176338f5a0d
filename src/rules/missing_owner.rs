use super::{Context, Findings, Rule, missing_field};
use crate::diagnostic::Severity;
use crate::registry::Field;

pub(super) const RULE: Rule = Rule {
    name: "missing-owner",
    default: Severity::Error,
    summary: "a flag has no `owner`",
    explanation: EXPLANATION,
    check,
};

fn check(context: &Context, out: &mut Findings) {
    missing_field::check(context, out, Field::Owner, "add `owner = \"team-name\"`");
}

const EXPLANATION: &str = r#"## What it does
Checks that every flag in flags.toml names an `owner`: the team or person
who answers for it.

## Why is this bad?
A flag without an owner is nobody's job to remove. When it misbehaves in an
incident, nobody knows who can say whether turning it off is safe, and the
weekly stale-flag report has nobody to send it to.

## Example
```toml
[flags.new-checkout]
type = "release"
expires = 2026-12-01
```

## How to fix
Add the owning team:
```toml
[flags.new-checkout]
type = "release"
owner = "team-payments"
expires = 2026-12-01
```
"#;
