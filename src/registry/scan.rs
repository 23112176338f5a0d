//! `[scan]` entries: call patterns and custom queries, checked and compiled.

use super::raw::{RawArgument, RawCall, RawQuery};
use super::{CustomQuery, Invalid};
use crate::extract::calls::{Argument, CallPattern, KeyMode};
use crate::extract::language::{self, Language};
use crate::suggest;

pub(super) fn parse_call(raw: RawCall) -> Result<CallPattern, Invalid> {
    let callee_span = raw.callee.span();
    let callee = raw.callee.into_inner();
    let argument = match raw.argument {
        None => Argument::at(0),
        Some(argument) => match argument.get_ref() {
            RawArgument::Position(index) => {
                Argument::at(usize::try_from(*index).map_err(|_| {
                    (
                        argument.span(),
                        "an argument position starts at 0".into(),
                        None,
                    )
                })?)
            }
            RawArgument::Keyword(name) => Argument::named(name),
        },
    };
    let key = match raw.key {
        None => KeyMode::String,
        Some(key) => match key.get_ref().as_str() {
            "string" => KeyMode::String,
            "name" => KeyMode::Name,
            other => {
                return Err((
                    key.span(),
                    format!("unknown key mode `{other}`"),
                    Some(suggest::hint(other, &["string", "name"])),
                ));
            }
        },
    };
    let mut languages = Vec::new();
    for name in raw.languages.unwrap_or_default() {
        if !language::NAMES.contains(&name.get_ref().as_str()) {
            return Err((
                name.span(),
                format!("unknown language `{}`", name.get_ref()),
                Some(suggest::hint(name.get_ref(), &language::NAMES)),
            ));
        }
        languages.push(name.into_inner());
    }
    CallPattern::new(&callee, argument, key, languages).ok_or_else(|| {
        (
            callee_span,
            format!("`{callee}` is not a callee pattern"),
            Some("write the end of a call's path, like `flags::is_enabled` or `is_enabled`".into()),
        )
    })
}

/// Compiles a `[[scan.queries]]` entry for every grammar of its language
/// (TypeScript has two: .ts and .tsx).
pub(super) fn compile_query(raw: &RawQuery) -> Result<Vec<CustomQuery>, Invalid> {
    let name = raw.language.get_ref();
    let grammars: Vec<&'static Language> = language::LANGUAGES
        .iter()
        .filter(|l| l.name == name)
        .collect();
    if grammars.is_empty() {
        let parsed: Vec<&str> = language::LANGUAGES.iter().map(|l| l.name).collect();
        return Err((
            raw.language.span(),
            format!("no grammar for `{name}` to run a query on"),
            Some(suggest::hint(name, &parsed)),
        ));
    }
    let mut compiled = Vec::new();
    for grammar in grammars {
        let query = tree_sitter::Query::new(&grammar.grammar(), raw.query.get_ref()).map_err(|err| {
            (
                raw.query.span(),
                format!(
                    "the {name} query does not compile: {} `{}` at row {}, column {}",
                    query_error_kind(&err.kind),
                    err.message.trim().trim_matches('"'),
                    err.row + 1,
                    err.column + 1
                ),
                Some("check the node and field names against the grammar (tree-sitter's playground shows them)".to_string()),
            )
        })?;
        let capture = query
            .capture_index_for_name(raw.capture.get_ref())
            .ok_or_else(|| {
                let names: Vec<&str> = query.capture_names().to_vec();
                (
                    raw.capture.span(),
                    format!("the query has no capture `@{}`", raw.capture.get_ref()),
                    Some(suggest::hint(raw.capture.get_ref(), &names)),
                )
            })?;
        compiled.push(CustomQuery {
            language: grammar,
            query: std::sync::Arc::new(query),
            capture,
        });
    }
    Ok(compiled)
}

fn query_error_kind(kind: &tree_sitter::QueryErrorKind) -> &'static str {
    use tree_sitter::QueryErrorKind::*;
    match kind {
        NodeType => "unknown node type",
        Field => "unknown field",
        Capture => "unknown capture",
        Predicate => "invalid predicate",
        Structure => "impossible pattern",
        Language => "language mismatch",
        _ => "syntax error near",
    }
}
