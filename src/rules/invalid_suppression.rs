//! Reported by `crate::suppress`, which runs after the other rules: only a
//! finding can show that a suppression next to it lacks a reason.

use super::Rule;
use crate::types::Severity;

pub const RULE: Rule = Rule {
    name: "invalid-suppression",
    default: Severity::Error,
    summary: "a `flaglint: allow(...)` comment has no `reason:`, so it suppresses nothing",
    explanation: EXPLANATION,
    // Reported by `crate::suppress`: no check of its own.
    check: None,
};

const EXPLANATION: &str = r#"## What it does
Reports an inline suppression that gives no reason. A suppression is a
comment on the line of a finding, or on the line above it, in the file's
own comment syntax (`//`, `#`, `/*`, `--`, `<!--`):
`flaglint: allow(RULE[, RULE...]) reason: WHY`. Without a reason it
suppresses nothing, and this rule says so.

## Why is this bad?
An exception without a reason is indistinguishable from a forgotten flag.
The reason is what the next reader, and the weekly report, need to decide
whether the exception still holds.

## Example
```rust
// flaglint: allow(expired-flag)
if flags::is_enabled("new-checkout") { /* ... */ }
```

## How to fix
Say why, and until when:
```rust
// flaglint: allow(expired-flag) reason: rollback kept until INC-42 closes
if flags::is_enabled("new-checkout") { /* ... */ }
```
"#;
