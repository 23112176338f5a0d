use super::{Context, Finding, Findings, Rule, describe};
use crate::registry::FlagType;
use crate::types::Severity;
use crate::types::date::{days, days_between};

pub(super) const RULE: Rule = Rule {
    name: "expiring-soon",
    default: Severity::Warning,
    summary: "a referenced flag expires within `warn_before_expiry_days` (default 14, or half the type's lifetime when shorter)",
    explanation: EXPLANATION,
    check: Some(check),
};

fn check(context: &Context, out: &mut Findings) {
    for flag in &context.registry.flags {
        let Some(expires) = &flag.expires else {
            continue;
        };
        let window = context.warn_within.unwrap_or(
            context
                .registry
                .policy(flag.flag_type)
                .warn_before_expiry_days,
        );
        let left = days_between(context.today, *expires.get_ref());
        if left < 0 || left > i64::from(window) || !context.index.is_referenced(&flag.key) {
            continue;
        }
        let when = match left {
            0 => "today".to_string(),
            _ => format!("in {}", days(left)),
        };
        out.push(Finding {
            flag: Some(flag.key.clone()),
            message: format!(
                "{} expires {when}, on {}",
                describe(flag),
                expires.get_ref()
            ),
            help: help(flag.flag_type).to_string(),
            label: format!("expires {when}"),
            location: context.in_registry(expires.span()),
        });
    }
}

/// What to do, in the words of the flag's type: a kill switch or a
/// permission has no rollout to finish.
fn help(flag_type: FlagType) -> &'static str {
    match flag_type {
        FlagType::Release | FlagType::Experiment | FlagType::Migration => {
            "finish the rollout and remove the flag before then, or move `expires` with a reason"
        }
        FlagType::Ops => {
            "confirm with the owner that the kill switch is still needed and move `expires`, or remove it"
        }
        FlagType::Permission => {
            "move `expires` if the permission is still granted, or remove the flag and its check"
        }
    }
}

const EXPLANATION: &str = r#"## What it does
Warns about a flag that is still referenced and expires within the
warning window: `warn_before_expiry_days` of its type's policy (14 by
default, or half the type's `max_lifetime_days` when that is shorter, so
that an ops flag created with the longest expiry does not warn on its
first day), or `--warn-within DAYS`. It points at the `expires` line.

## Why is this bad?
It is not bad yet: it is the notice that `expired-flag` will fail the
build soon, early enough to plan the cleanup instead of rushing it.

## Example
```toml
[flags.new-checkout]
type = "release"
expires = 2026-12-01   # checked on 2026-11-25: expires in 6 days
```

## How to fix
Finish the rollout and remove the flag, or move `expires` if the plan
changed.
"#;
