//! `report --format json`: SPEC.md's shape, version 1, plus each flag's
//! every status, days past expiry and references.

use crate::report::Report;

pub fn report(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).expect("the report serializes");
    text.push('\n');
    text
}
