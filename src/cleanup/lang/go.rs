//! Go: `if` with an optional initializer (left alone), `else` followed by a
//! block or another `if`, `:=` declarations, and imports bound by their
//! path's last segment or an alias.

use tree_sitter::Node;

use super::if_after_else_token;
use crate::cleanup::syntax::{IfParts, Local, Syntax, children, text};

pub(in crate::cleanup) const SYNTAX: Syntax = Syntax {
    name: "go",
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
    statement_list: Some("statement_list"),
    terminal_kinds: &[
        "return_statement",
        "break_statement",
        "continue_statement",
        "goto_statement",
    ],
    hoisted_kinds: &[],
    ternary_kinds: &[],
    non_name_kinds: &["field_identifier", "package_identifier_"],
    pure_kinds: &[
        "true",
        "false",
        "nil",
        "int_literal",
        "float_literal",
        "interpreted_string_literal",
        "raw_string_literal",
        "identifier",
    ],
    member_kinds: &["selector_expression"],
    argument_kinds: &["argument_list"],
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
    // `if x := f(); x {`: the initializer runs either way; left to a person.
    if node.child_by_field_name("initializer").is_some() {
        return None;
    }
    if_after_else_token(node)
}

/// `on := value` (one name, one value).
fn local<'t>(node: Node<'t>, _: &str) -> Option<Local<'t>> {
    if node.kind() != "short_var_declaration" {
        return None;
    }
    let [name] = children(node.child_by_field_name("left")?)[..] else {
        return None;
    };
    let [value] = children(node.child_by_field_name("right")?)[..] else {
        return None;
    };
    (name.kind() == "identifier").then_some(())?;
    Some(Local {
        statement: node,
        name,
        value,
        scope: node.parent().filter(|p| p.kind() == "statement_list")?,
    })
}

fn declares(node: Node, source: &str) -> Vec<String> {
    match node.kind() {
        "short_var_declaration" => node
            .child_by_field_name("left")
            .map(|left| {
                children(left)
                    .into_iter()
                    .map(|n| text(source, n).to_string())
                    .collect()
            })
            .unwrap_or_default(),
        "var_declaration" | "const_declaration" | "type_declaration" => {
            let mut names = Vec::new();
            for spec in children(node) {
                let mut cursor = spec.walk();
                for name in spec.children_by_field_name("name", &mut cursor) {
                    names.push(text(source, name).to_string());
                }
            }
            names
        }
        _ => Vec::new(),
    }
}

fn is_use(node: Node) -> bool {
    let Some(parent) = node.parent() else {
        return false;
    };
    match parent.kind() {
        "parameter_declaration" | "var_spec" | "const_spec" | "import_spec" => false,
        "expression_list" => parent.parent().is_none_or(|grand| {
            !matches!(
                grand.kind(),
                "short_var_declaration" | "assignment_statement"
            ) || grand.child_by_field_name("left") != Some(parent)
        }),
        "keyed_element" | "literal_element" => true,
        _ => true,
    }
}

/// `import "a/b"` binds `b`; `import c "a/b"` binds `c`.
fn imports<'t>(node: Node<'t>, source: &str) -> Vec<(String, Node<'t>)> {
    if node.kind() != "import_declaration" {
        return Vec::new();
    }
    let specs: Vec<Node> = match children(node).first() {
        Some(list) if list.kind() == "import_spec_list" => children(*list),
        Some(spec) => vec![*spec],
        None => Vec::new(),
    };
    let single =
        specs.len() == 1 && children(node).first().map(|n| n.kind()) == Some("import_spec");
    let mut names = Vec::new();
    for spec in specs {
        let name = match spec.child_by_field_name("name") {
            Some(alias) => text(source, alias).to_string(),
            None => {
                let Some(path) = spec.child_by_field_name("path") else {
                    continue;
                };
                let path = text(source, path).trim_matches(|c| c == '"' || c == '`');
                let last = path.rsplit('/').next().unwrap_or(path);
                // `gopkg.in/yaml.v3` is `yaml`; `.../v2` is its parent's name.
                let last = if last.len() >= 2
                    && last.starts_with('v')
                    && last[1..].chars().all(|c| c.is_ascii_digit())
                {
                    path.rsplit('/').nth(1).unwrap_or(last)
                } else {
                    last
                };
                last.split('.').next().unwrap_or(last).to_string()
            }
        };
        if name == "_" || name == "." {
            continue;
        }
        names.push((name, if single { node } else { spec }));
    }
    names
}

/// `const NewUI = "k"` (alone or in a block).
fn constant<'t>(string: Node<'t>, _: &str) -> Option<(Node<'t>, Node<'t>)> {
    let list = string.parent().filter(|p| p.kind() == "expression_list")?;
    let spec = list.parent().filter(|p| p.kind() == "const_spec")?;
    if children(list).len() != 1 {
        return None;
    }
    let name = spec.child_by_field_name("name")?;
    let declaration = spec.parent()?;
    let whole = if children(declaration).len() == 1 {
        declaration
    } else {
        spec
    };
    Some((name, whole))
}
