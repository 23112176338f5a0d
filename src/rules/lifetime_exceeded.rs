use super::{Context, Finding, Findings, Rule, describe};
use crate::types::Severity;
use crate::types::date::{days, days_between};

pub(super) const RULE: Rule = Rule {
    name: "lifetime-exceeded",
    default: Severity::Error,
    summary: "`expires - created` is longer than the type's `max_lifetime_days`",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    for flag in &context.registry.flags {
        let (Some(created), Some(expires)) = (&flag.created, &flag.expires) else {
            continue;
        };
        let Some(max) = context.registry.policy(flag.flag_type).max_lifetime_days else {
            continue;
        };
        let lifetime = days_between(*created.get_ref(), *expires.get_ref());
        if lifetime <= i64::from(max) {
            continue;
        }
        let latest = created
            .get_ref()
            .checked_add(jiff::Span::new().days(max))
            .map_or_else(|_| "an earlier date".to_string(), |date| date.to_string());
        out.push(Finding {
            flag: Some(flag.key.clone()),
            message: format!(
                "{} would live {} ({} to {}), more than the {} {} flags may",
                describe(flag),
                days(lifetime),
                created.get_ref(),
                expires.get_ref(),
                days(i64::from(max)),
                flag.flag_type
            ),
            help: format!(
                "move `expires` to {latest} or earlier, or raise `[policy.{}] max_lifetime_days` if such flags legitimately live longer",
                flag.flag_type
            ),
            label: format!("{} after `created`", days(lifetime)),
            location: context.in_registry(expires.span()),
        });
    }
}

const EXPLANATION: &str = r#"## What it does
Checks that the planned life of a flag, from `created` to `expires`, fits
its type's `max_lifetime_days`: 60 for release, 14 for ops, 90 for
experiment, 180 for migration, no limit for permission flags.

## Why is this bad?
An expiry date far in the future is no expiry date: it turns a temporary
flag into a permanent one while looking governed.

## Example
```toml
[flags.new-checkout]
type = "release"
created = 2026-09-01
expires = 2027-03-01   # 181 days, release flags may live 60
```

## How to fix
Plan a shorter rollout, or change the flag's type if it is not temporary
(a `permission` flag, say), or raise the limit for the whole repository:
```toml
[policy.release]
max_lifetime_days = 90
```
"#;
