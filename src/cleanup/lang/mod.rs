//! The languages cleanup rewrites, one [`Syntax`] row each. A language not
//! here has its sites listed as "not supported yet".
//!
//! # How to add a language
//!
//! 1. Write `lang/<name>.rs` with a `SYNTAX` row: its node kinds (print a
//!    tree with `DUMP=file cargo test cleanup::tests::dump -- --ignored
//!    --nocapture`) and the shape functions (`if_parts`, `local`,
//!    `declares`, `is_use`, `imports`, `constant`).
//! 2. Add it to [`for_language`].
//! 3. Add a fixture pair under `testdata/cleanup/<name>/` (before, after)
//!    and its toolchain to `scripts/check-cleanup-fixtures`.

mod go;
mod java;
mod javascript;
mod python;
mod rust;

use tree_sitter::Node;

use super::syntax::{IfParts, Syntax, children, token};

/// The row for a grammar's name, if cleanup supports it.
pub fn for_language(name: &str) -> Option<&'static Syntax> {
    Some(match name {
        "rust" => &rust::SYNTAX,
        "python" => &python::SYNTAX,
        "javascript" | "typescript" => &javascript::SYNTAX,
        "go" => &go::SYNTAX,
        "java" => &java::SYNTAX,
        _ => return None,
    })
}

/// The child in `field` if it is one of `kinds`.
fn first_field<'t>(node: Node<'t>, field: &str, kinds: &[&str]) -> Option<Node<'t>> {
    node.child_by_field_name(field)
        .filter(|child| kinds.contains(&child.kind()))
}

/// An `if` whose grammar names `condition`, `consequence` and
/// `alternative` (the branch itself), after an `else` token (Go, Java).
fn if_after_else_token(node: Node) -> Option<IfParts> {
    let alternative = node.child_by_field_name("alternative");
    Some(IfParts {
        condition: node.child_by_field_name("condition")?,
        consequence: node.child_by_field_name("consequence")?,
        else_start: token(node, "else").map(|e| e.start_byte()),
        alternative,
    })
}

/// An `if` whose `alternative` is an else clause holding the branch
/// (JavaScript, Rust).
fn if_with_else_clause(node: Node) -> Option<IfParts> {
    let alternative = node.child_by_field_name("alternative");
    Some(IfParts {
        condition: node.child_by_field_name("condition")?,
        consequence: node.child_by_field_name("consequence")?,
        else_start: alternative.map(|clause| clause.start_byte()),
        alternative: alternative.and_then(|clause| children(clause).into_iter().next()),
    })
}
