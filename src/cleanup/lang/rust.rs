//! Rust: `if` is an expression, blocks have a tail, `let` bindings drop at
//! the end of their block (so a block that binds names is kept whole unless
//! it is the last statement), and `use` trees bind names.

use tree_sitter::Node;

use super::{first_field, if_with_else_clause};
use crate::cleanup::syntax::{IfParts, Local, Syntax, children, text};

pub(in crate::cleanup) const SYNTAX: Syntax = Syntax {
    name: "rust",
    literals: ["false", "true"],
    bool_kinds: &["boolean_literal"],
    not: ("unary_expression", "!"),
    binary_kinds: &["binary_expression"],
    and_or: ["&&", "||"],
    equal: &["=="],
    not_equal: &["!="],
    paren_kinds: &["parenthesized_expression"],
    if_kinds: &["if_expression"],
    block_kinds: &["block"],
    statement_list: None,
    terminal_kinds: &[
        "return_expression",
        "break_expression",
        "continue_expression",
    ],
    hoisted_kinds: &[
        "function_item",
        "struct_item",
        "enum_item",
        "impl_item",
        "use_declaration",
        "const_item",
        "static_item",
        "mod_item",
        "trait_item",
        "type_item",
        "macro_definition",
    ],
    ternary_kinds: &[],
    non_name_kinds: &["field_identifier", "shorthand_field_identifier"],
    pure_kinds: &[
        "boolean_literal",
        "integer_literal",
        "float_literal",
        "string_literal",
        "char_literal",
        "identifier",
        "self",
    ],
    member_kinds: &["field_expression", "scoped_identifier"],
    argument_kinds: &["arguments"],
    call_kinds: &["call_expression"],
    strict_booleans: true,
    indented_blocks: false,
    if_parts,
    local,
    declares,
    is_use,
    imports,
    constant,
};

fn if_parts(node: Node) -> Option<IfParts> {
    if node
        .child_by_field_name("condition")?
        .kind()
        .starts_with("let")
    {
        return None;
    }
    if_with_else_clause(node)
}

/// `let on = value;` without `mut` or a type.
fn local<'t>(node: Node<'t>, _: &str) -> Option<Local<'t>> {
    if node.kind() != "let_declaration" || node.child_by_field_name("alternative").is_some() {
        return None;
    }
    let name = first_field(node, "pattern", &["identifier"])?;
    Some(Local {
        statement: node,
        name,
        value: node.child_by_field_name("value")?,
        scope: node.parent().filter(|p| p.kind() == "block")?,
    })
}

fn declares(node: Node, source: &str) -> Vec<String> {
    match node.kind() {
        "let_declaration" => {
            let mut names = Vec::new();
            if let Some(pattern) = node.child_by_field_name("pattern") {
                identifiers(pattern, source, &mut names);
            }
            // A `let` also drops what it holds at the end of the block.
            names.push(String::new());
            names
        }
        kind if kind.ends_with("_item") => node
            .child_by_field_name("name")
            .map(|name| vec![text(source, name).to_string()])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn identifiers(node: Node, source: &str, out: &mut Vec<String>) {
    if node.kind() == "identifier" {
        out.push(text(source, node).to_string());
    }
    for child in children(node) {
        identifiers(child, source, out);
    }
}

fn is_use(node: Node) -> bool {
    let Some(parent) = node.parent() else {
        return false;
    };
    match parent.kind() {
        "let_declaration" => parent.child_by_field_name("pattern") != Some(node),
        "parameter" | "closure_parameters" => false,
        "scoped_identifier" => parent.child_by_field_name("name") != Some(node),
        "assignment_expression" | "compound_assignment_expr" => {
            parent.child_by_field_name("left") != Some(node)
        }
        _ => !parent.kind().starts_with("use_") && parent.kind() != "scoped_use_list",
    }
}

/// `use a::b;`, `use a::{b, c as d, self};`.
fn imports<'t>(node: Node<'t>, source: &str) -> Vec<(String, Node<'t>)> {
    if node.kind() != "use_declaration" {
        return Vec::new();
    }
    let mut names = Vec::new();
    if let Some(argument) = node.child_by_field_name("argument") {
        use_tree(argument, node, None, source, &mut names);
    }
    names
}

/// The names a use tree binds; `whole` is what to remove for a tree that
/// is the declaration's only item.
fn use_tree<'t>(
    tree: Node<'t>,
    whole: Node<'t>,
    path: Option<Node<'t>>,
    source: &str,
    out: &mut Vec<(String, Node<'t>)>,
) {
    match tree.kind() {
        "identifier" => out.push((text(source, tree).to_string(), whole)),
        "scoped_identifier" => {
            if let Some(name) = tree.child_by_field_name("name") {
                out.push((text(source, name).to_string(), whole));
            }
        }
        "self" => {
            let name = path.and_then(|p| p.child_by_field_name("name").or(Some(p)));
            if let Some(name) = name {
                out.push((text(source, name).to_string(), whole));
            }
        }
        "use_as_clause" => {
            if let Some(alias) = tree.child_by_field_name("alias") {
                out.push((text(source, alias).to_string(), whole));
            }
        }
        "scoped_use_list" => {
            if let Some(list) = tree.child_by_field_name("list") {
                let path = tree.child_by_field_name("path");
                for item in children(list) {
                    use_tree(item, item, path, source, out);
                }
            }
        }
        "use_list" => {
            for item in children(tree) {
                use_tree(item, item, path, source, out);
            }
        }
        _ => {}
    }
}

/// `const NEW_UI: &str = "k";` or a `static`.
fn constant<'t>(string: Node<'t>, _: &str) -> Option<(Node<'t>, Node<'t>)> {
    let item = string
        .parent()
        .filter(|p| matches!(p.kind(), "const_item" | "static_item"))?;
    Some((item.child_by_field_name("name")?, item))
}
