//! What each grammar's nodes mean to flaglint: which node is a call (and
//! where its callee, receiver and arguments are), which is a string
//! constant, and which strings are docstrings.
//!
//! One function per language, called for every node of a file's tree in
//! document order. They used to be tree-sitter queries; compiling those cost
//! 70 ms and 20 MB of every run (the query compiler reads the grammar's whole
//! parse table), more than parsing a small repository, so the same patterns
//! are now plain code. Users' `[[scan.queries]]` are still queries.
//!
//! Strings need no function: every node of a kind in the language's
//! `string_kinds` is one.

use tree_sitter::Node;

use super::Captures;

/// The child in `field`, if it is one of `kinds` (any kind if empty).
fn field<'t>(node: Node<'t>, name: &str, kinds: &[&str]) -> Option<Node<'t>> {
    node.child_by_field_name(name)
        .filter(|child| kinds.is_empty() || kinds.contains(&child.kind()))
}

/// The first named child of one of `kinds`.
fn child<'t>(node: Node<'t>, kinds: &[&str]) -> Option<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .find(|child| kinds.contains(&child.kind()))
}

/// `(call_expression function: [...] @callee arguments: (arguments) @arguments)`
/// and its equivalents: a call whose callee and arguments are fields.
fn call_by_fields<'t>(
    node: Node<'t>,
    found: &mut Captures<'t>,
    callee: (&str, &[&str]),
    arguments: (&str, &str),
) {
    found.call(
        field(node, callee.0, callee.1),
        None,
        field(node, arguments.0, &[arguments.1]),
    );
}

/// A method call that names its receiver apart from the method
/// (Java, Ruby, PHP): `receiver.method(arguments)`.
fn method_call<'t>(node: Node<'t>, found: &mut Captures<'t>, fields: [&str; 3], kinds: [&str; 2]) {
    let [receiver, method, arguments] = fields;
    found.call(
        field(node, method, &[kinds[0]]),
        node.child_by_field_name(receiver),
        field(node, arguments, &[kinds[1]]),
    );
}

pub(in crate::extract) fn rust<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        "call_expression" => {
            // `flags::is_enabled::<T>(..)` calls `flags::is_enabled`.
            let callee =
                node.child_by_field_name("function")
                    .and_then(|function| match function.kind() {
                        "identifier" | "scoped_identifier" | "field_expression" => Some(function),
                        "generic_function" => function.child_by_field_name("function"),
                        _ => None,
                    });
            found.call(callee, None, field(node, "arguments", &["arguments"]));
        }
        "const_item" | "static_item" => found.constant(
            field(node, "name", &["identifier"]),
            node.child_by_field_name("value"),
        ),
        "macro_invocation" => {
            if let Some(tokens) = child(node, &["token_tree"]) {
                found.token_trees.push(tokens);
            }
        }
        _ => {}
    }
}

pub(in crate::extract) fn python<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        "call" => call_by_fields(
            node,
            found,
            ("function", &["identifier", "attribute"]),
            ("arguments", "argument_list"),
        ),
        // A module's or a block's first statement, if a string, is a
        // docstring: prose, not a reference.
        "module" | "block" => {
            let mut cursor = node.walk();
            let first = node
                .named_children(&mut cursor)
                .find(|statement| statement.kind() != "comment");
            if let Some(docstring) = first
                .filter(|statement| statement.kind() == "expression_statement")
                .and_then(|statement| child(statement, &["string"]))
            {
                found.ignored.push(docstring);
            }
            if node.kind() == "module" {
                python_constants(node, found);
            }
        }
        // Module-level and class-level assignments are constants; the
        // class's body is found from the class, never by asking a block for
        // its parent (a walk from the root in tree-sitter).
        "class_definition" => {
            if let Some(body) = field(node, "body", &["block"]) {
                python_constants(body, found);
            }
        }
        _ => {}
    }
}

/// `NAME = "value"` statements directly in `scope`.
fn python_constants<'t>(scope: Node<'t>, found: &mut Captures<'t>) {
    let mut cursor = scope.walk();
    for statement in scope.named_children(&mut cursor) {
        if statement.kind() != "expression_statement" {
            continue;
        }
        if let Some(assignment) = child(statement, &["assignment"]) {
            found.constant(
                field(assignment, "left", &["identifier"]),
                assignment.child_by_field_name("right"),
            );
        }
    }
}

/// JavaScript, TypeScript and TSX. A JSX element is read as a call of its
/// component with its attributes as keywords (`<IfFeatureEnabled
/// feature="k">`); declarations and member reads feed flag objects.
pub(in crate::extract) fn javascript<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        "call_expression" => call_by_fields(
            node,
            found,
            ("function", &["identifier", "member_expression"]),
            ("arguments", "arguments"),
        ),
        "jsx_opening_element" | "jsx_self_closing_element" => found.call(
            field(
                node,
                "name",
                &["identifier", "member_expression", "nested_identifier"],
            ),
            None,
            Some(node),
        ),
        "variable_declarator" => found.binding(
            node.child_by_field_name("name"),
            node.child_by_field_name("value"),
        ),
        "member_expression" => found.read(
            node.child_by_field_name("object"),
            node.child_by_field_name("property"),
        ),
        "subscript_expression" => found.read(
            node.child_by_field_name("object"),
            node.child_by_field_name("index"),
        ),
        // A `const` at the top of a module is a constant every file can
        // name (an object's string members too: `FLAGS.A`); one inside a
        // function is visible there only.
        "lexical_declaration" if field(node, "kind", &["const"]).is_some() => {
            let top_level = node
                .parent()
                .is_some_and(|parent| matches!(parent.kind(), "program" | "export_statement"));
            let scope = if top_level { 0 } else { super::scope(node) };
            let mut cursor = node.walk();
            for declarator in node.named_children(&mut cursor) {
                if declarator.kind() != "variable_declarator" {
                    continue;
                }
                let name = field(declarator, "name", &["identifier"]);
                let written = declarator.child_by_field_name("value");
                let value = written.map(unwrap_as_const);
                if !top_level {
                    found.local(scope, name, value);
                    continue;
                }
                found.constant(name, value);
                // An object is a table of keys when it says so (`as const`)
                // or is named like one (`FLAGS`, `FeatureFlags`); a
                // lowercase `feature = { name: ... }` is data.
                let keys_table = written.is_some_and(|v| {
                    v.kind() == "as_expression"
                        && super::text(found.source, v)
                            .trim_end()
                            .ends_with("as const")
                }) || name.is_some_and(|n| {
                    super::text(found.source, n).starts_with(|c: char| c.is_uppercase())
                });
                if let (Some(name), Some(object), true) =
                    (name, value.filter(|v| v.kind() == "object"), keys_table)
                {
                    members(found, name, object, "pair", "key");
                }
            }
        }
        // `enum Flags { A = "a" }`: `Flags.A`.
        "enum_declaration" => {
            if let (Some(name), Some(body)) = (
                field(node, "name", &["identifier"]),
                field(node, "body", &["enum_body"]),
            ) {
                members(found, name, body, "enum_assignment", "name");
            }
        }
        _ => {}
    }
}

/// `value as const` and `value satisfies T` are `value`.
fn unwrap_as_const(value: Node) -> Node {
    match value.kind() {
        "as_expression" | "satisfies_expression" => value.named_child(0).unwrap_or(value),
        _ => value,
    }
}

/// The string members of an object or enum body, as `Owner.member`.
fn members<'t>(
    found: &mut Captures<'t>,
    owner: Node<'t>,
    body: Node<'t>,
    member_kind: &str,
    key_field: &str,
) {
    let owner = super::text(found.source, owner);
    let mut cursor = body.walk();
    for member in body.named_children(&mut cursor) {
        if member.kind() != member_kind {
            continue;
        }
        let Some(key) = member.child_by_field_name(key_field) else {
            continue;
        };
        let key = super::text(found.source, key);
        let key = key.trim_matches(|c| c == '"' || c == '\'');
        let value = member.child_by_field_name("value").map(unwrap_as_const);
        found.constant_named(format!("{owner}.{key}"), value);
    }
}

pub(in crate::extract) fn go<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        // The package qualifies the file's constants: `features.A`.
        "package_clause" => {
            found.package =
                child(node, &["package_identifier"]).map(|name| super::text(found.source, name));
        }
        "call_expression" => call_by_fields(
            node,
            found,
            ("function", &["identifier", "selector_expression"]),
            ("arguments", "argument_list"),
        ),
        // `const Key = "x"`: one name, one value.
        "const_spec" => {
            let value = field(node, "value", &["expression_list"])
                .filter(|values| values.named_child_count() == 1)
                .and_then(|values| values.named_child(0));
            found.constant(field(node, "name", &["identifier"]), value);
        }
        _ => {}
    }
}

pub(in crate::extract) fn java<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        "method_invocation" => method_call(
            node,
            found,
            ["object", "name", "arguments"],
            ["identifier", "argument_list"],
        ),
        "field_declaration" => {
            let mut cursor = node.walk();
            for declarator in node.children_by_field_name("declarator", &mut cursor) {
                found.constant(
                    field(declarator, "name", &["identifier"]),
                    declarator.child_by_field_name("value"),
                );
            }
        }
        _ => {}
    }
}

pub(in crate::extract) fn ruby<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        "call" => method_call(
            node,
            found,
            ["receiver", "method", "arguments"],
            ["identifier", "argument_list"],
        ),
        "assignment" => found.constant(
            field(node, "left", &["constant"]),
            node.child_by_field_name("right"),
        ),
        _ => {}
    }
}

pub(in crate::extract) fn csharp<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        "invocation_expression" => call_by_fields(
            node,
            found,
            ("function", &["identifier", "member_access_expression"]),
            ("arguments", "argument_list"),
        ),
        "field_declaration" => {
            let Some(declaration) = child(node, &["variable_declaration"]) else {
                return;
            };
            let mut cursor = declaration.walk();
            for declarator in declaration.named_children(&mut cursor) {
                if declarator.kind() == "variable_declarator" {
                    let value = child(declarator, found.language.string_kinds);
                    found.constant(field(declarator, "name", &["identifier"]), value);
                }
            }
        }
        _ => {}
    }
}

pub(in crate::extract) fn kotlin<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        // The grammar gives a call's parts no field names.
        "call_expression" => found.call(
            node.named_child(0)
                .filter(|callee| matches!(callee.kind(), "identifier" | "navigation_expression")),
            None,
            child(node, &["value_arguments"]),
        ),
        // Top-level and class-level `val`s are constants.
        "source_file" | "class_body" => {
            let mut cursor = node.walk();
            for property in node.named_children(&mut cursor) {
                if property.kind() == "property_declaration" {
                    let name = child(property, &["variable_declaration"])
                        .and_then(|declaration| child(declaration, &["identifier"]));
                    found.constant(name, child(property, &["string_literal"]));
                }
            }
        }
        _ => {}
    }
}

pub(in crate::extract) fn php<'t>(node: Node<'t>, found: &mut Captures<'t>) {
    match node.kind() {
        "member_call_expression" => method_call(
            node,
            found,
            ["object", "name", "arguments"],
            ["name", "arguments"],
        ),
        "scoped_call_expression" => method_call(
            node,
            found,
            ["scope", "name", "arguments"],
            ["name", "arguments"],
        ),
        "function_call_expression" => call_by_fields(
            node,
            found,
            ("function", &["name", "qualified_name"]),
            ("arguments", "arguments"),
        ),
        "const_element" => found.constant(
            child(node, &["name"]),
            child(node, found.language.string_kinds),
        ),
        _ => {}
    }
}
