//! `flaglint refs`: every reference, one per line or as JSON.

use serde::Serialize;

use super::printable;
use crate::types::{FlagRef, RefKind};

/// Columns are padded to the widest entry up to this many characters; a
/// longer path or key (a generated one) does not push every line out.
const WIDEST_PADDING: usize = 48;

/// `path:line:column  flag  kind  language`, in file order.
pub fn human(refs: &[&FlagRef]) -> String {
    let widest = |width: fn(&FlagRef) -> usize| {
        refs.iter()
            .map(|r| width(r))
            .max()
            .unwrap_or(0)
            .min(WIDEST_PADDING)
    };
    let width = widest(|r| position(r).chars().count());
    let flag_width = widest(|r| printable(&r.flag).chars().count());
    let mut out = String::new();
    for found in refs {
        pad(&mut out, &position(found), width);
        pad(&mut out, &printable(&found.flag), flag_width);
        pad(&mut out, found.kind.name(), 7);
        out.push_str(found.language);
        out.push('\n');
    }
    out
}

/// `text` then spaces up to `width` characters, then two spaces.
fn pad(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    let used = text.chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used) + 2));
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
    /// Whether flags.toml declares the flag (`compare` lists undeclared
    /// keys apart).
    declared: bool,
}

/// `declared` tells whether flags.toml declares a key (references to
/// aliases already carry their flag's key).
pub fn json(refs: &[&FlagRef], declared: impl Fn(&str) -> bool) -> String {
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
                declared: declared(&r.flag),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).expect("references serialize");
    text.push('\n');
    text
}
