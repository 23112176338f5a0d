use super::{Context, Findings, Rule, missing_field};
use crate::registry::Field;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "missing-runbook",
    default: Severity::Error,
    summary: "the type's policy requires `runbook` and it is absent",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    missing_field::check(
        context,
        out,
        Field::Runbook,
        "write down how to operate the flag during an incident and add `runbook = \"<URL>\"`",
    );
}

const EXPLANATION: &str = r#"## What it does
Checks that flags whose type's policy requires it (ops flags by default)
link a runbook.

## Why is this bad?
Ops flags are kill switches and load valves, flipped under pressure during
an incident. The person on call needs to know what the flag does, what
turning it off costs and how to tell whether it worked.

## Example
```toml
[flags.disable-recommendations]
type = "ops"
owner = "team-search"
expires = 2026-12-01
```

## How to fix
Document the flag's operation and link it:
```toml
runbook = "https://wiki.example.com/runbooks/recommendations"
```
"#;
