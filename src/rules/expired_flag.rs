use super::{Context, Finding, Findings, Rule, describe};
use crate::types::Severity;
use crate::types::date::{days, days_between};

pub(super) const RULE: Rule = Rule {
    name: "expired-flag",
    default: Severity::Error,
    summary: "a flag past its `expires` date is still referenced: one diagnostic per reference",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    for flag in &context.registry.flags {
        let Some(expires) = &flag.expires else {
            continue;
        };
        let overdue = days_between(*expires.get_ref(), context.today);
        if overdue <= 0 {
            continue;
        }
        let cleanup = match &flag.cleanup_issue {
            Some(issue) => format!(" (cleanup: {})", issue.get_ref()),
            None => String::new(),
        };
        for reference in context.index.to(&flag.key) {
            out.push(Finding {
                flag: Some(flag.key.clone()),
                message: format!(
                    "{} expired on {} ({} ago) and is still referenced",
                    describe(flag),
                    expires.get_ref(),
                    days(overdue)
                ),
                help: format!(
                    "remove the flag and its dead branch with `flaglint cleanup {} --to on|off`{cleanup}, or move `expires` in flags.toml if the rollout is still under way",
                    flag.key
                ),
                label: format!("expired {} ago", days(overdue)),
                location: reference.location.clone(),
            });
        }
    }
}

const EXPLANATION: &str = r#"## What it does
Reports every reference to a flag whose `expires` date has passed: one
diagnostic per reference, so each place that must change is listed. A
flag expires at the end of its `expires` day.

## Why is this bad?
The expiry date was the owner's promise of when the flag would be gone.
Past it, the flag is an invisible production branch: the old code path is
still shipped and tested, and nobody knows whether turning it off is safe.

## Example
```toml
[flags.new-checkout]
type = "release"
expires = 2026-10-01
```
```rust
if flags::is_enabled("new-checkout") { new_checkout() } else { old_checkout() }
```

## How to fix
Finish the rollout: keep the branch that won, delete the other and the
flag's entry in flags.toml. `flaglint cleanup KEY --to on|off` does it
(`--diff` first to see the change) and lists what it leaves to you. If
the rollout is genuinely still under way, move `expires` (within the
type's `max_lifetime_days` of `created`).
"#;
