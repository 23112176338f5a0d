use super::{Context, Findings, Rule, missing_field};
use crate::registry::Field;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "missing-expiry",
    default: Severity::Error,
    summary: "the type's policy requires `expires` and it is absent",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    missing_field::check(
        context,
        out,
        Field::Expires,
        "add `expires = YYYY-MM-DD`, within the type's max_lifetime_days of `created`",
    );
}

const EXPLANATION: &str = r#"## What it does
Checks that flags whose type's policy requires it (every type but
permission by default) have an `expires` date.

## Why is this bad?
Without an expiry date nothing ever says the flag is overdue: it becomes
an invisible production branch that never dies.

## Example
```toml
[flags.new-checkout]
type = "release"
owner = "team-payments"
```

## How to fix
Set the date by which the flag should be gone, within the type's
`max_lifetime_days` of `created`:
```toml
created = 2026-11-01
expires = 2026-12-15
```
"#;
