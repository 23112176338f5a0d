use super::{Context, Finding, Findings, Rule, describe};
use crate::registry::toml_key;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "unreferenced-flag",
    default: Severity::Error,
    summary: "a declared flag is referenced nowhere in the scanned tree",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    if !context.whole_tree {
        return;
    }
    for flag in &context.registry.flags {
        if context.index.is_referenced(&flag.key) {
            continue;
        }
        out.push(Finding {
            flag: Some(flag.key.clone()),
            message: format!("{} is declared but referenced nowhere", describe(flag)),
            help: format!(
                "if the flag is gone from the code, delete [flags.{}]; if the code spells it differently, add that spelling to `aliases`",
                toml_key(&flag.key)
            ),
            label: "no references".to_string(),
            location: context.in_registry(flag.key_span.clone()),
        });
    }
}

const EXPLANATION: &str = r#"## What it does
Reports a flag declared in flags.toml that no file in the scanned tree
references: no call, no string literal and no mention in a configuration
file. Documentation does not count. The rule runs only when the whole
tree is scanned (`flaglint check` without paths).

## Why is this bad?
The flag's code is gone but its entry is not: the registry lies about
what is in production, and the flag service still serves a flag nobody
reads.

## Example
```toml
[flags.old-search]
type = "release"
```
with no `"old-search"` anywhere in the code.

## How to fix
Delete the entry (and the flag in the flag service). If the code spells
the key differently, for instance as a constant name, add that spelling
to `aliases`.
"#;
