use super::{Context, Findings, Rule, missing_field};
use crate::registry::Field;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "missing-owner",
    default: Severity::Error,
    summary: "a flag has no `owner`, whatever its type's policy requires",
    explanation: EXPLANATION,
    check: Some(check),
};

/// Every flag, whatever its type's policy requires: a flag nobody owns is
/// nobody's job to remove (SPEC: "no `owner`").
fn check(context: &Context, out: &mut Findings) {
    for flag in &context.registry.flags {
        if !flag.has(Field::Owner) {
            out.push(missing_field::finding(
                context,
                flag,
                Field::Owner,
                "add `owner = \"team-name\"`",
            ));
        }
    }
}

const EXPLANATION: &str = r#"## What it does
Checks that every flag in flags.toml names an `owner`: the team or person
who answers for it. Every type needs one, whatever its policy's `requires`
says: the policy cannot waive ownership.

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
