//! Custom queries: `[[scan.queries]]` entries compiled for every grammar of
//! their language (TypeScript has two: .ts and .tsx). Every node a query's
//! capture matches spells a flag key.

use crate::suggest;
use crate::types::{Invalid, QuerySpec};

use super::lang::{self, Language};

/// A `[[scan.queries]]` entry compiled for one grammar.
#[derive(Debug, Clone)]
pub struct CustomQuery {
    /// Its position among the `[[scan.queries]]`, from 1, to name it.
    pub number: usize,
    pub language: &'static Language,
    pub query: std::sync::Arc<tree_sitter::Query>,
    pub capture: u32,
}

/// Compiles `spec` for each grammar of its language.
pub(super) fn compile(number: usize, spec: &QuerySpec) -> Result<Vec<CustomQuery>, Invalid> {
    let name = spec.language.as_str();
    let grammars: Vec<&'static Language> =
        lang::LANGUAGES.iter().filter(|l| l.name == name).collect();
    if grammars.is_empty() {
        let parsed: Vec<&str> = lang::LANGUAGES.iter().map(|l| l.name).collect();
        return Err(Invalid::new(
            spec.language_span.clone(),
            format!("no grammar for `{name}` to run a query on"),
            Some(suggest::hint(name, &parsed)),
        ));
    }
    let mut compiled = Vec::new();
    for grammar in grammars {
        let query = tree_sitter::Query::new(&grammar.grammar(), &spec.query).map_err(|err| {
            Invalid::new(
                spec.query_span.clone(),
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
        let capture = query.capture_index_for_name(&spec.capture).ok_or_else(|| {
            let names: Vec<&str> = query.capture_names().to_vec();
            Invalid::new(
                spec.capture_span.clone(),
                format!("the query has no capture `@{}`", spec.capture),
                Some(suggest::hint(&spec.capture, &names)),
            )
        })?;
        compiled.push(CustomQuery {
            number,
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
