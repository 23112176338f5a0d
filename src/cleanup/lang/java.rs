//! Java: `if` with `else` followed by a block, a statement or another `if`;
//! local variables; `import` and `import static` bind their last segment.
//! Unreachable statements are a compile error in Java, so what follows a
//! `return` that cleanup leaves in place is removed (as in every language).

use tree_sitter::Node;

use super::{first_field, if_after_else_token};
use crate::cleanup::syntax::{Local, Syntax, children, text, token};

pub(in crate::cleanup) const SYNTAX: Syntax = Syntax {
    name: "java",
    literals: ["false", "true"],
    bool_kinds: &["true", "false"],
    not: ("unary_expression", "!"),
    binary_kinds: &["binary_expression"],
    and_or: ["&&", "||"],
    equal: &["=="],
    not_equal: &["!="],
    paren_kinds: &["parenthesized_expression"],
    if_kinds: &["if_statement"],
    block_kinds: &["block"],
    statement_list: None,
    terminal_kinds: &[
        "return_statement",
        "throw_statement",
        "break_statement",
        "continue_statement",
    ],
    hoisted_kinds: &["local_class_declaration", "class_declaration"],
    ternary_kinds: &["ternary_expression"],
    non_name_kinds: &[],
    pure_kinds: &[
        "true",
        "false",
        "null_literal",
        "decimal_integer_literal",
        "string_literal",
        "identifier",
        "this",
    ],
    member_kinds: &["field_access"],
    argument_kinds: &["argument_list"],
    call_kinds: &["method_invocation"],
    strict_booleans: true,
    indented_blocks: false,
    if_parts: if_after_else_token,
    local,
    declares,
    is_use,
    imports,
    constant,
};

/// `boolean on = value;` (or `final`, `var`) with one declarator.
fn local<'t>(node: Node<'t>, _: &str) -> Option<Local<'t>> {
    if node.kind() != "local_variable_declaration" {
        return None;
    }
    let mut cursor = node.walk();
    let declarators: Vec<Node> = node
        .children_by_field_name("declarator", &mut cursor)
        .collect();
    let [declarator] = declarators[..] else {
        return None;
    };
    Some(Local {
        statement: node,
        name: first_field(declarator, "name", &["identifier"])?,
        value: declarator.child_by_field_name("value")?,
        scope: node.parent().filter(|p| p.kind() == "block")?,
    })
}

fn declares(node: Node, source: &str) -> Vec<String> {
    if node.kind() != "local_variable_declaration" {
        return Vec::new();
    }
    let mut cursor = node.walk();
    node.children_by_field_name("declarator", &mut cursor)
        .filter_map(|d| d.child_by_field_name("name"))
        .map(|name| text(source, name).to_string())
        .collect()
}

fn is_use(node: Node) -> bool {
    let Some(parent) = node.parent() else {
        return false;
    };
    match parent.kind() {
        "variable_declarator" | "formal_parameter" | "method_declaration" => {
            parent.child_by_field_name("name") != Some(node)
        }
        "field_access" => parent.child_by_field_name("field") != Some(node),
        "method_invocation" => parent.child_by_field_name("name") != Some(node),
        "assignment_expression" => parent.child_by_field_name("left") != Some(node),
        "update_expression" => false,
        "scoped_identifier" => false,
        _ => true,
    }
}

/// `import a.b.C;` binds `C`; `import static a.B.c;` binds `c`.
fn imports<'t>(node: Node<'t>, source: &str) -> Vec<(String, Node<'t>)> {
    if node.kind() != "import_declaration" || token(node, "asterisk").is_some() {
        return Vec::new();
    }
    let Some(path) = children(node).into_iter().next() else {
        return Vec::new();
    };
    let name = path.child_by_field_name("name").unwrap_or(path);
    vec![(text(source, name).to_string(), node)]
}

/// `static final String NEW_UI = "k";` with one declarator.
fn constant<'t>(string: Node<'t>, _: &str) -> Option<(Node<'t>, Node<'t>)> {
    let declarator = string
        .parent()
        .filter(|p| p.kind() == "variable_declarator")?;
    let field = declarator
        .parent()
        .filter(|p| matches!(p.kind(), "field_declaration" | "constant_declaration"))?;
    let mut cursor = field.walk();
    if field
        .children_by_field_name("declarator", &mut cursor)
        .count()
        != 1
    {
        return None;
    }
    Some((declarator.child_by_field_name("name")?, field))
}
