//! `check --format sarif`: SARIF 2.1.0, one run, the rules with their own
//! documentation as help, results with paths relative to the scan root.

use serde::Serialize;

use crate::rules;
use crate::types::{Diagnostic, Severity};

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    /// flaglint counts columns in characters, not UTF-16 code units.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [SarifLocation<'a>; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation<'a> {
    uri: &'a str,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

#[derive(Serialize)]
struct Properties<'a> {
    flag: Option<&'a str>,
    owner: Option<&'a str>,
}

/// SARIF's `level` values include flaglint's severities by name.
fn level(severity: Severity) -> &'static str {
    severity.name()
}

pub fn check(diagnostics: &[Diagnostic]) -> String {
    let rules: Vec<Rule> = rules::ALL
        .iter()
        .map(|rule| Rule {
            id: rule.name,
            short_description: Text {
                text: rule.summary.to_string(),
            },
            full_description: Text {
                text: format!("Fires when {}.", rule.summary),
            },
            help: Help {
                text: rule.explanation.to_string(),
                markdown: rule.explanation.to_string(),
            },
            default_configuration: Configuration {
                level: level(rule.default),
            },
        })
        .collect();
    let results = diagnostics
        .iter()
        .map(|d| SarifResult {
            rule_id: d.rule,
            rule_index: rules::ALL
                .iter()
                .position(|rule| rule.name == d.rule)
                .unwrap_or(0),
            level: level(d.severity),
            message: Text {
                text: format!("{} ({})", d.message, d.help),
            },
            locations: [SarifLocation {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: &d.location.path,
                        uri_base_id: "%SRCROOT%",
                    },
                    region: Region {
                        start_line: d.location.line,
                        start_column: d.location.column,
                    },
                },
            }],
            properties: Some(Properties {
                flag: d.flag.as_deref(),
                owner: d.owner.as_deref(),
            }),
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "flaglint",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://github.com/flaglint/flaglint",
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    text.push('\n');
    text
}
