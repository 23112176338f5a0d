//! `check --format json`: SPEC.md's shape, version 1.

use serde::Serialize;

use crate::types::{Diagnostic, Severity, Summary};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    summary: &'a Summary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    flag: Option<&'a str>,
    owner: Option<&'a str>,
    message: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
}

pub fn check(diagnostics: &[Diagnostic], summary: &Summary) -> String {
    let report = Report {
        version: 1,
        summary,
        diagnostics: diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                rule: d.rule,
                severity: d.severity,
                flag: d.flag.as_deref(),
                owner: d.owner.as_deref(),
                message: &d.message,
                path: &d.location.path,
                line: d.location.line,
                column: d.location.column,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).expect("the report serializes");
    text.push('\n');
    text
}
