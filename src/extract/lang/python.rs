//! Python: calls with keyword arguments, module and class attributes as
//! constants, and docstrings, which are prose.

use tree_sitter::Node;

use crate::extract::tree::text;

use super::{
    Captures, KeywordArgument, Language, Quote, Syntax, call_by_fields, child, field, inside,
    module_of, unescape,
};

pub(super) const LANGUAGE: Language = Language {
    name: "python",
    extensions: &["py", "pyi"],
    grammar: || tree_sitter_python::LANGUAGE.into(),
    visit,
    string_kinds: &["string"],
    call_kinds: &[],
    conversions: &[],
    name_kinds: &["identifier", "attribute"],
    transparent_kinds: &["parenthesized_expression"],
    skipped_kinds: &["comment"],
    token_tree_kind: None,
    keyword_argument: Some(KeywordArgument {
        kind: "keyword_argument",
        name_field: "name",
        value_field: "value",
    }),
    array_kinds: &["list", "tuple"],
    owner_qualifies: false,
    quotes: b"\"'",
    colon_defines: true,
    imports: &["import", "from"],
    calls_without_parentheses: false,
    syntax: Some(&Syntax {
        line_comments: &["#"],
        block_comment: None,
        nested_comments: false,
        quotes: &[
            Quote {
                prefixes: PYTHON_PREFIXES,
                holes: &[("{", "}")],
                holes_with: &["f", "t"],
                ..Quote::plain("\"\"\"")
            },
            Quote {
                prefixes: PYTHON_PREFIXES,
                holes: &[("{", "}")],
                holes_with: &["f", "t"],
                ..Quote::plain("'''")
            },
            Quote {
                prefixes: PYTHON_PREFIXES,
                holes: &[("{", "}")],
                holes_with: &["f", "t"],
                ..Quote::plain("\"")
            },
            Quote {
                prefixes: PYTHON_PREFIXES,
                holes: &[("{", "}")],
                holes_with: &["f", "t"],
                ..Quote::plain("'")
            },
        ],
        characters: false,
        regexes: false,
        jsx: false,
        docstrings: true,
        attributes: &["@"],
        contextual: false,
        opening: "",
        unread: &[],
    }),
    module: |path| module_of(path, "__init__", &["__main__"]),
    unquote,
};

/// Python's string prefixes, any case: raw, bytes, unicode, f- and
/// t-strings.
const PYTHON_PREFIXES: &[&str] = &[
    "", "r", "u", "b", "f", "t", "rb", "br", "fr", "rf", "tr", "rt",
];

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
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
                constants(node, found, None);
            }
        }
        // `from .flags import A, B as C`, `from . import flags`.
        "import_from_statement" => {
            let Some(module) = node.child_by_field_name("module_name") else {
                return;
            };
            // `from . import flags`: the names are modules.
            let package_only =
                module.kind() == "relative_import" && child(module, &["dotted_name"]).is_none();
            let module = text(found.source, module);
            let mut cursor = node.walk();
            for name in node.children_by_field_name("name", &mut cursor) {
                let (name, local) = match name.kind() {
                    "aliased_import" => (
                        name.child_by_field_name("name"),
                        name.child_by_field_name("alias"),
                    ),
                    _ => (Some(name), Some(name)),
                };
                match (package_only, name) {
                    (true, Some(name)) => found.import(local, text(found.source, name), None),
                    _ => found.import(local, module, name),
                }
            }
        }
        // `import app.flags as f`.
        "import_statement" => {
            let mut cursor = node.walk();
            for name in node.children_by_field_name("name", &mut cursor) {
                if name.kind() == "aliased_import"
                    && let Some(module) = name.child_by_field_name("name")
                {
                    let module = text(found.source, module);
                    found.import(name.child_by_field_name("alias"), module, None);
                }
            }
        }
        // Module-level and class-level assignments are constants; the
        // class's body is found from the class, never by asking a block for
        // its parent (a walk from the root in tree-sitter).
        "class_definition" => {
            if let Some(body) = field(node, "body", &["block"]) {
                let owner = field(node, "name", &["identifier"]).map(|n| text(found.source, n));
                constants(body, found, owner);
            }
        }
        // `key = "x"` in a function's body is local to it: a call there
        // may pass `key`; any other assignment to it makes it unknown.
        "function_definition" => {
            if let Some(body) = field(node, "body", &["block"]) {
                let scope = node.start_byte() + 1;
                let mut cursor = body.walk();
                for statement in body.named_children(&mut cursor) {
                    if let Some(assignment) = (statement.kind() == "expression_statement")
                        .then(|| child(statement, &["assignment"]))
                        .flatten()
                    {
                        found.local(
                            scope,
                            field(assignment, "left", &["identifier"]),
                            assignment.child_by_field_name("right"),
                        );
                    }
                }
            }
        }
        _ => {}
    }
}

/// `NAME = "value"` statements directly in `scope`; in a class (an `Enum`,
/// a `StrEnum`, a class of keys) also under `Class.NAME`.
fn constants<'t>(scope: Node<'t>, found: &mut Captures<'t>, owner: Option<&str>) {
    let mut cursor = scope.walk();
    for statement in scope.named_children(&mut cursor) {
        if statement.kind() != "expression_statement" {
            continue;
        }
        if let Some(assignment) = child(statement, &["assignment"]) {
            let name = field(assignment, "left", &["identifier"]);
            let value = assignment.child_by_field_name("right");
            if let (Some(owner), Some(name)) = (owner, name) {
                let name = text(found.source, name);
                found.constant_named(format!("{owner}.{name}"), value);
            }
            found.constant(name, value);
        }
    }
}

/// `'a'`, `"a"`, `"""a"""`, with `r`, `b`, `u` prefixes; f-strings with a
/// replacement field are not static.
fn unquote(text: &str) -> Option<String> {
    let quote_at = text.find(['\'', '"'])?;
    let prefix = text[..quote_at].to_ascii_lowercase();
    let inner = inside(&text[quote_at..], &["\"\"\"", "'''", "\"", "'"])?;
    if prefix.contains('f') && inner.contains('{') {
        return None;
    }
    if prefix.contains('r') {
        Some(inner.to_string())
    } else {
        unescape(inner)
    }
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn python_strings() {
        assert_eq!(unquote("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"\"\"new-ui\"\"\"").as_deref(), Some("new-ui"));
        assert_eq!(unquote("r'a\\b'").as_deref(), Some("a\\b"));
        assert_eq!(unquote("f'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(unquote("f'new-{x}'"), None);
        assert_eq!(unquote("b\"new-ui\"").as_deref(), Some("new-ui"));
    }

    #[test]
    fn python_calls_keywords_constants_and_docstrings() {
        let source = r#""""Module docstring: flags.is_enabled("new-ui")."""
KEY = "dark-mode"

def f(client):
    """Function docstring "new-ui"."""
    # flags.is_enabled("new-ui")
    flags.is_enabled("new-ui", default=False)
    client.get_boolean_value(default_value=False, flag_key=KEY)
    flags.is_enabled(f"new-{x}")
    return 'dark-mode'
"#;
        let (refs, dynamic) = extract_file("x.py", source);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 2),
                call("new-ui", 7),
                call("dark-mode", 8),
                literal("dark-mode", 10)
            ]
        );
        assert_eq!(dynamic, [9]);
    }
}
