use super::{Context, Finding, Findings, Rule, describe, missing_field};
use crate::registry::Field;
use crate::types::Severity;

pub(super) const RULE: Rule = Rule {
    name: "missing-dashboard",
    default: Severity::Error,
    summary: "a percentage rollout stage, or the policy, needs `dashboard` and it is absent",
    explanation: EXPLANATION,
    check: Some(check),
};

const HELP: &str =
    "add `dashboard = \"<URL>\"` showing the health metrics the rollout is judged by";

fn check(context: &Context, out: &mut Findings) {
    missing_field::check(context, out, Field::Dashboard, HELP);
    for flag in &context.registry.flags {
        if flag.has(Field::Dashboard)
            || context
                .registry
                .policy(flag.flag_type)
                .requires(Field::Dashboard)
        {
            continue;
        }
        let Some(rollout) = &flag.rollout else {
            continue;
        };
        if let Some(stage) = rollout.get_ref().iter().find(|stage| is_percentage(stage)) {
            out.push(Finding {
                flag: Some(flag.key.clone()),
                message: format!(
                    "{} rolls out by percentage (`{stage}`) but has no `dashboard`",
                    describe(flag)
                ),
                help: format!(
                    "in [flags.{}], {HELP}",
                    crate::registry::toml_key(&flag.key)
                ),
                label: "percentage rollout without a dashboard".to_string(),
                location: context.in_registry(rollout.span()),
            });
        }
    }
}

/// `5%`, `12.5%`.
fn is_percentage(stage: &str) -> bool {
    stage
        .trim()
        .strip_suffix('%')
        .is_some_and(|number| number.trim().parse::<f64>().is_ok())
}

const EXPLANATION: &str = r#"## What it does
Checks that a flag rolled out to a percentage of traffic (a `rollout` stage
such as `"5%"`), or whose type's policy requires it (experiment flags by
default), links the dashboard of the metrics that judge it.

## Why is this bad?
A percentage rollout is a bet that the new behaviour is healthy for some
users before all of them. Without a dashboard nobody can tell whether the
5% are suffering, and the rollout proceeds blind.

## Example
```toml
[flags.new-checkout]
type = "release"
rollout = ["internal", "5%", "100%"]
```

## How to fix
Link the health metrics of the flagged behaviour:
```toml
dashboard = "https://grafana.example.com/d/checkout"
```
"#;

#[cfg(test)]
mod tests {
    use super::is_percentage;

    #[test]
    fn percentages() {
        assert!(is_percentage("5%"));
        assert!(is_percentage("12.5%"));
        assert!(!is_percentage("internal"));
        assert!(!is_percentage("%"));
    }
}
