//! `check --format concise`: one line per finding, as compilers and ruff's
//! concise output print them (`path:line:col: severity[rule] message`), for
//! editors, grep and long lists; and `--statistics`: counts per rule and
//! per owner.

use std::collections::BTreeMap;

use super::{Style, plural, printable};
use crate::types::{Diagnostic, Severity, Summary};

/// Every finding on its own line, then the summary line.
pub fn check(diagnostics: &[Diagnostic], summary: &Summary, style: Style) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => style.error("error"),
            Severity::Warning => style.warning("warning"),
        };
        out.push_str(&format!(
            "{}:{}:{}: {severity}[{}] {}\n",
            printable(&d.location.path),
            d.location.line,
            d.location.column,
            d.rule,
            printable(&d.message)
        ));
    }
    out.push_str(&format!(
        "Found {} and {}.\n",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning")
    ));
    out
}

/// How many findings each rule and each owner has, most first.
pub fn statistics(diagnostics: &[Diagnostic]) -> String {
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut by_owner: BTreeMap<&str, usize> = BTreeMap::new();
    for d in diagnostics {
        *by_rule.entry((d.rule, d.severity.name())).or_default() += 1;
        *by_owner
            .entry(d.owner.as_deref().unwrap_or("(no owner)"))
            .or_default() += 1;
    }
    let mut out = String::new();
    let table = |out: &mut String, title: &str, rows: Vec<(String, usize)>| {
        let mut rows = rows;
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let width = rows
            .iter()
            .map(|r| r.1.to_string().len())
            .max()
            .unwrap_or(1);
        out.push_str(title);
        out.push('\n');
        for (name, count) in rows {
            out.push_str(&format!("{count:>width$}  {}\n", printable(&name)));
        }
    };
    table(
        &mut out,
        "By rule:",
        by_rule
            .into_iter()
            .map(|((rule, severity), n)| (format!("{rule} ({severity})"), n))
            .collect(),
    );
    out.push('\n');
    table(
        &mut out,
        "By owner:",
        by_owner
            .into_iter()
            .map(|(owner, n)| (owner.to_string(), n))
            .collect(),
    );
    out
}
