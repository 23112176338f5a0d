//! The custom-query shape: `[[scan.queries]]` entries compiled for every
//! grammar of their language (TypeScript has two: .ts and .tsx), when the
//! extractor is built. Every node a query's capture matches spells a flag
//! key, counted as a call. Queries run on the tree apart from the visitor
//! (`custom_keys`), each file within a time and match budget, and only on
//! files that spell what some pattern's predicates need (`needs.rs`).

use needs::Needs;
use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, QueryCursor};

use super::{FileContext, text};
use crate::extract::Extractor;
use crate::extract::lang::{self, Language};
use crate::suggest;
use crate::types::{Invalid, QuerySpec, RefKind};

/// A `[[scan.queries]]` entry compiled for one grammar.
#[derive(Debug, Clone)]
pub struct CustomQuery {
    /// Its position among the `[[scan.queries]]`, from 1, to name it.
    pub number: usize,
    pub language: &'static Language,
    pub query: std::sync::Arc<tree_sitter::Query>,
    pub capture: u32,
    /// What a file must spell for the query to match in it.
    pub(in crate::extract) needs: Needs,
}

/// Compiles `spec` for each grammar of its language.
pub(in crate::extract) fn compile(
    number: usize,
    spec: &QuerySpec,
) -> Result<Vec<CustomQuery>, Invalid> {
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
            needs: Needs::of(&query, &spec.query),
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

/// How long the `[[scan.queries]]` may run on one file, together: a query
/// written with nested quantifiers can take minutes on a short file.
const QUERY_BUDGET: std::time::Duration = std::time::Duration::from_secs(1);

/// The most matches in progress one query may hold at once (tree-sitter's
/// own default has no bound).
const QUERY_MATCH_LIMIT: u32 = 1_024;

/// The nodes the `[[scan.queries]]` for this grammar capture as keys, and a
/// warning for each query stopped at a limit.
pub(super) fn custom_keys<'t>(
    extractor: &Extractor,
    language: &'static Language,
    source: &'t str,
    root: Node<'t>,
    path: &str,
) -> (Vec<Node<'t>>, Vec<String>) {
    let mut nodes = Vec::new();
    let mut warnings = Vec::new();
    let started = std::time::Instant::now();
    for custom in extractor.queries_for(language) {
        let mut cursor = QueryCursor::new();
        cursor.set_match_limit(QUERY_MATCH_LIMIT);
        let mut out_of_time = false;
        let mut progress = |_: &tree_sitter::QueryCursorState| {
            if started.elapsed() > QUERY_BUDGET {
                out_of_time = true;
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        };
        let options = tree_sitter::QueryCursorOptions::new().progress_callback(&mut progress);
        let mut matches =
            cursor.matches_with_options(&custom.query, root, source.as_bytes(), options);
        while let Some(found) = matches.next() {
            nodes.extend(
                found
                    .captures()
                    .iter()
                    .filter(|c| c.index == custom.capture)
                    .map(|c| c.node),
            );
        }
        drop(matches);
        let limit = if out_of_time {
            Some(format!("ran out of its {} s", QUERY_BUDGET.as_secs()))
        } else if cursor.did_exceed_match_limit() {
            Some(format!("held over {QUERY_MATCH_LIMIT} matches at once"))
        } else {
            None
        };
        if let Some(limit) = limit {
            warnings.push(format!(
                "{path}: [[scan.queries]] #{} ({}) {limit} and was stopped: references it would find here may be missing; simplify the query (fewer `*` and `+` quantifiers)",
                custom.number, language.name
            ));
        }
        if out_of_time {
            break;
        }
    }
    (nodes, warnings)
}

impl FileContext<'_> {
    /// A key a `[[scan.queries]]` capture spells: a string literal's value,
    /// or the node's text (an identifier, an enum variant).
    pub(super) fn custom(&mut self, node: Node) {
        let key = if self.is_string(node) {
            match (self.language.unquote)(text(self.source, node)) {
                Some(key) => key,
                None => return,
            }
        } else {
            text(self.source, node).to_string()
        };
        self.reference(key, node, RefKind::Call);
    }
}

mod needs;
