//! Python: `not`, `and`/`or`, `if`/`elif`/`else` with indented blocks, and
//! conditional expressions (read apart in `fold.rs`).

use tree_sitter::Node;

use crate::cleanup::syntax::{IfParts, Local, Syntax, ancestors, children, text};

pub(in crate::cleanup) const SYNTAX: Syntax = Syntax {
    name: "python",
    literals: ["False", "True"],
    bool_kinds: &["true", "false"],
    not: ("not_operator", "not"),
    binary_kinds: &["boolean_operator"],
    and_or: ["and", "or"],
    equal: &["==", "is"],
    not_equal: &["!=", "is not"],
    paren_kinds: &["parenthesized_expression"],
    if_kinds: &["if_statement", "elif_clause"],
    block_kinds: &["block"],
    statement_list: None,
    terminal_kinds: &[
        "return_statement",
        "raise_statement",
        "break_statement",
        "continue_statement",
    ],
    hoisted_kinds: &[],
    ternary_kinds: &[],
    non_name_kinds: &[],
    pure_kinds: &[
        "true",
        "false",
        "none",
        "integer",
        "float",
        "string",
        "identifier",
    ],
    member_kinds: &["attribute"],
    argument_kinds: &["argument_list"],
    call_kinds: &["call"],
    strict_booleans: false,
    indented_blocks: true,
    if_parts,
    local,
    declares,
    is_use,
    imports,
    constant,
};

/// An `if_statement` or an `elif_clause`; the alternative is the next
/// clause.
fn if_parts(node: Node) -> Option<IfParts> {
    let condition = node.child_by_field_name("condition")?;
    let consequence = node.child_by_field_name("consequence")?;
    let alternative = match node.kind() {
        "if_statement" => node.child_by_field_name("alternative"),
        _ => node
            .next_named_sibling()
            .filter(|next| matches!(next.kind(), "elif_clause" | "else_clause")),
    };
    Some(IfParts {
        condition,
        consequence,
        else_start: alternative.map(|a| a.start_byte()),
        alternative,
    })
}

/// `on = value` inside a function.
fn local<'t>(node: Node<'t>, _: &str) -> Option<Local<'t>> {
    if node.kind() != "expression_statement" {
        return None;
    }
    let [assignment] = children(node)[..] else {
        return None;
    };
    if assignment.kind() != "assignment" || assignment.child_by_field_name("type").is_some() {
        return None;
    }
    let name = assignment
        .child_by_field_name("left")
        .filter(|n| n.kind() == "identifier")?;
    let function = ancestors(node).find(|a| {
        matches!(
            a.kind(),
            "function_definition" | "class_definition" | "lambda"
        )
    })?;
    if function.kind() != "function_definition" {
        return None;
    }
    Some(Local {
        statement: node,
        name,
        value: assignment.child_by_field_name("right")?,
        scope: function.child_by_field_name("body")?,
    })
}

/// Python's scopes are functions: a name assigned in a block is the
/// function's, so unwrapping a block never clashes.
fn declares(_: Node, _: &str) -> Vec<String> {
    Vec::new()
}

fn is_use(node: Node) -> bool {
    let Some(parent) = node.parent() else {
        return false;
    };
    match parent.kind() {
        "keyword_argument" => parent.child_by_field_name("name") != Some(node),
        "attribute" => parent.child_by_field_name("attribute") != Some(node),
        "assignment" | "augmented_assignment" => parent.child_by_field_name("left") != Some(node),
        "function_definition"
        | "class_definition"
        | "parameters"
        | "default_parameter"
        | "typed_parameter"
        | "typed_default_parameter" => false,
        "dotted_name" | "aliased_import" => false,
        "global_statement" | "nonlocal_statement" | "delete_statement" => false,
        _ => true,
    }
}

/// `from m import a, b as c`; `import a.b` binds `a`, `import a as b` `b`.
fn imports<'t>(node: Node<'t>, source: &str) -> Vec<(String, Node<'t>)> {
    let from = match node.kind() {
        "import_from_statement" => true,
        "import_statement" => false,
        _ => return Vec::new(),
    };
    let module = node.child_by_field_name("module_name");
    let mut names = Vec::new();
    let mut cursor = node.walk();
    for name in node.children_by_field_name("name", &mut cursor) {
        if Some(name) == module {
            continue;
        }
        let bound = match name.kind() {
            "aliased_import" => name.child_by_field_name("alias"),
            "dotted_name" if from => children(name).last().copied(),
            "dotted_name" => children(name).first().copied(),
            _ => None,
        };
        if let Some(bound) = bound {
            names.push((text(source, bound).to_string(), name));
        }
    }
    names
}

/// `NEW_UI = "k"` at module level or in a class body.
fn constant<'t>(string: Node<'t>, _: &str) -> Option<(Node<'t>, Node<'t>)> {
    let assignment = string.parent().filter(|p| p.kind() == "assignment")?;
    if assignment.child_by_field_name("right") != Some(string) {
        return None;
    }
    let name = assignment
        .child_by_field_name("left")
        .filter(|n| n.kind() == "identifier")?;
    let statement = assignment
        .parent()
        .filter(|p| p.kind() == "expression_statement")?;
    let holder = statement.parent()?;
    let top = holder.kind() == "module"
        || holder.kind() == "block"
            && holder
                .parent()
                .is_some_and(|p| p.kind() == "class_definition");
    top.then_some((name, statement))
}
