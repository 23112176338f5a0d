use super::{Context, Finding, Findings, Rule};
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "dynamic-flag-key",
    default: Severity::Warning,
    summary: "a flag API call whose key is not statically known",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    for call in &context.index.dynamic {
        out.push(Finding {
            flag: None,
            message: format!("the key passed to `{}` is not a string literal or a known constant", call.callee),
            help: "pass the key as a string literal or a `const` defined in the same file, so flaglint can check it".to_string(),
            label: "key not known statically".to_string(),
            location: call.location.clone(),
        });
    }
}

const EXPLANATION: &str = r#"## What it does
Reports a call to a flag API whose key flaglint cannot read from the code:
a variable, a function's result, a formatted string.

## Why is this bad?
A key built at run time cannot be checked against the registry, so an
expired or undeclared flag can hide behind it, and searching the code for
a flag misses the call.

## Example
```rust
let key = format!("checkout-{}", version);
if flags::is_enabled(&key) { /* ... */ }
```

## How to fix
Pass the key as a string literal or a `const` in the same file:
```rust
const NEW_CHECKOUT: &str = "new-checkout";
if flags::is_enabled(NEW_CHECKOUT) { /* ... */ }
```
If a wrapper takes the flag as an identifier or enum variant, declare it
in `[[scan.calls]]` with `key = "name"`.
"#;
