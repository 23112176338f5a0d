use super::{Context, Finding, Findings, Rule};
use crate::registry::toml_key;
use crate::suggest;
use crate::types::RefKind;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "undeclared-flag",
    default: Severity::Error,
    summary: "code calls a flag API with a key the registry does not declare",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    let keys: Vec<&str> = context
        .registry
        .flags
        .iter()
        .map(|flag| flag.key.as_str())
        .collect();
    // One search of every key per distinct spelling, not per call: a typo
    // repeated in 5,000 calls costs one.
    let mut closest: std::collections::HashMap<&str, Option<&str>> =
        std::collections::HashMap::new();
    for reference in context.index.all() {
        if reference.kind != RefKind::Call || context.registry.flag(&reference.flag).is_some() {
            continue;
        }
        let key = &reference.flag;
        let close = *closest
            .entry(key.as_str())
            .or_insert_with(|| suggest::closest(key, keys.iter().copied()));
        let help = match close {
            Some(close) => {
                format!(
                    "did you mean `{close}`? Otherwise declare `[flags.{}]` in flags.toml",
                    toml_key(key)
                )
            }
            None => {
                format!(
                    "declare it in flags.toml: `[flags.{}]` with its `type` and `owner`",
                    toml_key(key)
                )
            }
        };
        out.push(Finding {
            flag: Some(key.clone()),
            message: format!("flag `{key}` is not declared in flags.toml"),
            help,
            label: "undeclared flag".to_string(),
            location: reference.location.clone(),
        });
    }
}

const EXPLANATION: &str = r#"## What it does
Reports a call to a flag API (an SDK preset or a `[[scan.calls]]` pattern)
whose key is not a key or alias in flags.toml.

## Why is this bad?
An undeclared flag has no owner, no type, no expiry and no cleanup plan:
exactly the flag that rots. It is also how typos hide: a misspelt key
silently evaluates to the default in production.

## Example
```rust
if flags::is_enabled("new-chekout") { /* ... */ }
```

## How to fix
Fix the key if it is a typo; otherwise declare the flag:
```toml
[flags.new-checkout]
type = "release"
owner = "team-payments"
expires = 2026-12-01
cleanup_issue = "https://github.com/acme/shop/issues/123"
```
"#;
