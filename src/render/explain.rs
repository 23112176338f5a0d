//! `flaglint explain`: the rules' own documentation.

use crate::rules::{self, Rule};
use crate::suggest;

/// Every rule with its default severity and summary.
pub fn list() -> String {
    let width = rules::ALL
        .iter()
        .map(|rule| rule.name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for rule in rules::ALL {
        out.push_str(&format!(
            "{:width$}  {:7}  {}\n",
            rule.name,
            rule.default.name(),
            rule.summary
        ));
    }
    out.push_str("\nRun `flaglint explain RULE` for what a rule checks and how to fix it.\n");
    out
}

/// The full documentation of one rule.
pub fn rule(name: &str) -> miette::Result<String> {
    let rule = rules::by_name(name).ok_or_else(|| {
        let names: Vec<&str> = rules::ALL.iter().map(|rule| rule.name).collect();
        miette::miette!(
            help = suggest::hint(name, &names),
            "unknown rule `{name}`; `flaglint explain` lists them"
        )
    })?;
    Ok(document(rule))
}

/// A rule's page: the same text the README and SARIF help show.
pub fn document(rule: &Rule) -> String {
    format!(
        "# {} ({} by default)\n\nFires when {}.\n\n{}",
        rule.name,
        rule.default.name(),
        rule.summary,
        rule.explanation
    )
}
