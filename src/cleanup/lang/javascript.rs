//! JavaScript, TypeScript and TSX: one row (the three grammars share these
//! node kinds).

use tree_sitter::Node;

use super::{first_field, if_with_else_clause};
use crate::cleanup::syntax::{Local, Syntax, ancestors, children, text};

pub(in crate::cleanup) const SYNTAX: Syntax = Syntax {
    name: "javascript",
    literals: ["false", "true"],
    bool_kinds: &["true", "false"],
    not: ("unary_expression", "!"),
    binary_kinds: &["binary_expression"],
    and_or: ["&&", "||"],
    equal: &["==", "==="],
    not_equal: &["!=", "!=="],
    paren_kinds: &["parenthesized_expression"],
    if_kinds: &["if_statement"],
    block_kinds: &["statement_block"],
    statement_list: None,
    terminal_kinds: &[
        "return_statement",
        "throw_statement",
        "break_statement",
        "continue_statement",
    ],
    hoisted_kinds: &["function_declaration", "generator_function_declaration"],
    ternary_kinds: &["ternary_expression"],
    non_name_kinds: &[
        "property_identifier",
        "shorthand_property_identifier_pattern",
        "statement_identifier",
    ],
    pure_kinds: &[
        "true",
        "false",
        "null",
        "undefined",
        "number",
        "string",
        "this",
        "identifier",
    ],
    member_kinds: &["member_expression"],
    argument_kinds: &["arguments"],
    call_kinds: &["call_expression"],
    strict_booleans: false,
    indented_blocks: false,
    if_parts: if_with_else_clause,
    local,
    declares,
    is_use,
    imports,
    constant,
};

/// `const on = value;` (or `let`) in a block or a module, not exported. A
/// `var` is the whole function's, not its block's: it is left alone.
fn local<'t>(node: Node<'t>, _: &str) -> Option<Local<'t>> {
    if node.kind() != "lexical_declaration" {
        return None;
    }
    let [declarator] = children(node)[..] else {
        return None;
    };
    let name = first_field(declarator, "name", &["identifier"])?;
    let scope = node.parent()?;
    if !matches!(scope.kind(), "statement_block" | "program") {
        return None;
    }
    Some(Local {
        statement: node,
        name,
        value: declarator.child_by_field_name("value")?,
        scope,
    })
}

fn declares(node: Node, source: &str) -> Vec<String> {
    match node.kind() {
        "lexical_declaration" | "variable_declaration" => children(node)
            .into_iter()
            .filter_map(|d| d.child_by_field_name("name"))
            .map(|name| text(source, name).to_string())
            .collect(),
        "function_declaration" | "class_declaration" => node
            .child_by_field_name("name")
            .map(|name| vec![text(source, name).to_string()])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn is_use(node: Node) -> bool {
    let Some(parent) = node.parent() else {
        return false;
    };
    match parent.kind() {
        "variable_declarator" | "function_declaration" | "class_declaration" => {
            parent.child_by_field_name("name") != Some(node)
        }
        "formal_parameters" | "required_parameter" | "optional_parameter" => false,
        "import_specifier" | "namespace_import" | "import_clause" | "export_specifier" => false,
        "assignment_expression" | "augmented_assignment_expression" => {
            parent.child_by_field_name("left") != Some(node)
        }
        "update_expression" => false,
        "pair_pattern" | "object_pattern" | "array_pattern" => false,
        _ => !ancestors(node).any(|a| a.kind() == "import_statement"),
    }
}

/// `import a, { b, c as d } from "x"`, `import * as e from "x"`.
fn imports<'t>(node: Node<'t>, source: &str) -> Vec<(String, Node<'t>)> {
    if node.kind() != "import_statement" {
        return Vec::new();
    }
    let Some(clause) = children(node)
        .into_iter()
        .find(|c| c.kind() == "import_clause")
    else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for part in children(clause) {
        match part.kind() {
            "identifier" => names.push((text(source, part).to_string(), part)),
            "namespace_import" => {
                if let Some(name) = children(part).into_iter().next() {
                    names.push((text(source, name).to_string(), part));
                }
            }
            "named_imports" => {
                for specifier in children(part) {
                    let name = specifier
                        .child_by_field_name("alias")
                        .or_else(|| specifier.child_by_field_name("name"));
                    if let Some(name) = name {
                        names.push((text(source, name).to_string(), specifier));
                    }
                }
            }
            _ => {}
        }
    }
    names
}

/// `const NEW_UI = "k"` at the top of a module, `enum F { A = "k" }`, a
/// constant object's `A: "k"` or a class's `static readonly A = "k"`.
fn constant<'t>(string: Node<'t>, _: &str) -> Option<(Node<'t>, Node<'t>)> {
    let mut parent = string.parent()?;
    while matches!(parent.kind(), "as_expression" | "satisfies_expression") {
        parent = parent.parent()?;
    }
    match parent.kind() {
        "variable_declarator" => {
            let declaration = parent.parent()?;
            let top = declaration.parent()?;
            let statement = match top.kind() {
                "export_statement" => top,
                "program" => declaration,
                _ => return None,
            };
            if children(declaration).len() != 1 {
                return None;
            }
            Some((first_field(parent, "name", &["identifier"])?, statement))
        }
        "enum_assignment" => Some((parent.child_by_field_name("name")?, parent)),
        // Only a table of keys: an object that a module constant holds.
        "pair" => {
            let mut holder = parent.parent().filter(|o| o.kind() == "object")?.parent()?;
            while matches!(holder.kind(), "as_expression" | "satisfies_expression") {
                holder = holder.parent()?;
            }
            let declaration = holder
                .parent()
                .filter(|_| holder.kind() == "variable_declarator")?;
            let top = declaration.parent()?;
            matches!(top.kind(), "program" | "export_statement")
                .then_some((parent.child_by_field_name("key")?, parent))
        }
        "public_field_definition" | "field_definition" => Some((
            parent
                .child_by_field_name("name")
                .or_else(|| parent.child_by_field_name("property"))?,
            parent,
        )),
        _ => None,
    }
}
