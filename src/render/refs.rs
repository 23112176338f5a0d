//! `flaglint refs`: every reference, one per line or as JSON.

use serde::Serialize;

use super::printable;
use crate::types::{FlagRef, RefKind};

/// `path:line:column  flag  kind  language`, in file order.
pub fn human(refs: &[&FlagRef]) -> String {
    let width = refs.iter().map(|r| position(r).len()).max().unwrap_or(0);
    let flag_width = refs
        .iter()
        .map(|r| printable(&r.flag).len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for found in refs {
        out.push_str(&format!(
            "{:width$}  {:flag_width$}  {:7}  {}\n",
            position(found),
            printable(&found.flag),
            found.kind.name(),
            found.language,
        ));
    }
    out
}

fn position(found: &FlagRef) -> String {
    format!(
        "{}:{}:{}",
        printable(&found.location.path),
        found.location.line,
        found.location.column
    )
}

#[derive(Serialize)]
struct Refs<'a> {
    version: u32,
    references: Vec<JsonRef<'a>>,
}

#[derive(Serialize)]
struct JsonRef<'a> {
    flag: &'a str,
    kind: RefKind,
    path: &'a str,
    line: usize,
    column: usize,
    language: &'a str,
}

pub fn json(refs: &[&FlagRef]) -> String {
    let document = Refs {
        version: 1,
        references: refs
            .iter()
            .map(|r| JsonRef {
                flag: &r.flag,
                kind: r.kind,
                path: &r.location.path,
                line: r.location.line,
                column: r.location.column,
                language: r.language,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).expect("references serialize");
    text.push('\n');
    text
}
