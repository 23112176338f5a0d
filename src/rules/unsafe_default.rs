use super::{Context, Finding, Findings, Rule, describe};
use crate::registry::toml_key;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "unsafe-default",
    default: Severity::Error,
    summary: "`default` differs from the state the type's policy requires",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    for flag in &context.registry.flags {
        let Some(required) = context.registry.policy(flag.flag_type).default else {
            continue;
        };
        let state = if required {
            "on (`default = true`)"
        } else {
            "off (`default = false`)"
        };
        let (message, label, location) = match &flag.default {
            Some(default) if *default.get_ref() == required => continue,
            Some(default) => (
                format!(
                    "{} defaults to {}; {} flags must default to {state}",
                    describe(flag),
                    default.get_ref(),
                    flag.flag_type
                ),
                format!("must be {required}"),
                context.in_registry(default.span()),
            ),
            None => (
                format!(
                    "{} does not declare its `default`; {} flags must default to {state}",
                    describe(flag),
                    flag.flag_type
                ),
                "no `default`".to_string(),
                context.in_registry(flag.key_span.clone()),
            ),
        };
        out.push(Finding {
            flag: Some(flag.key.clone()),
            message,
            help: format!(
                "set `default = {required}` in [flags.{}]: the state the code falls back to when the flag service is unreachable",
                toml_key(&flag.key)
            ),
            label,
            location,
        });
    }
}

const EXPLANATION: &str = r#"## What it does
Checks that a flag declares the `default` state its type's policy requires:
off for release and ops flags by default. `default` is the state the code
falls back to when the flag service is unreachable.

## Why is this bad?
When the flag service goes down, every flag falls back to its default at
once. A release flag that defaults to on ships unfinished behaviour to
everyone during an outage; an ops flag that defaults to on degrades the
system exactly when it is already in trouble.

## Example
```toml
[flags.new-checkout]
type = "release"
default = true
```

## How to fix
```toml
default = false
```
and make the code's fallback match it.
"#;
