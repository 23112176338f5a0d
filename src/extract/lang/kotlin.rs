//! Kotlin: calls (the grammar gives their parts no field names), and
//! top-level and class-level `val`s as constants.

use tree_sitter::Node;

use super::{Captures, Language, Quote, Syntax, between, child, has_template, no_module, unescape};
use crate::extract::tree::text;

pub(super) const LANGUAGE: Language = Language {
    name: "kotlin",
    extensions: &["kt", "kts"],
    grammar: || tree_sitter_kotlin_ng::LANGUAGE.into(),
    visit,
    string_kinds: &["string_literal"],
    call_kinds: &[],
    conversions: &[],
    name_kinds: &["identifier", "navigation_expression"],
    transparent_kinds: &["value_argument", "parenthesized_expression"],
    skipped_kinds: &["line_comment", "block_comment"],
    token_tree_kind: None,
    keyword_argument: None,
    array_kinds: &[],
    owner_qualifies: false,
    quotes: b"\"",
    colon_defines: true,
    imports: &[],
    calls_without_parentheses: false,
    syntax: Some(&Syntax {
        line_comments: &["//"],
        block_comment: Some(("/*", "*/")),
        nested_comments: true,
        quotes: &[
            Quote {
                backslash: false,
                holes: &[("${", "}")],
                ..Quote::plain("\"\"\"")
            },
            Quote {
                holes: &[("${", "}")],
                ..Quote::plain("\"")
            },
        ],
        characters: true,
        regexes: false,
        jsx: false,
        docstrings: false,
        attributes: &["@"],
        contextual: false,
        opening: "",
        unread: &[],
    }),
    module: no_module,
    unquote,
};

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
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
                    let value = child(property, &["string_literal"]);
                    found.constant(name, value);
                    if let (Some(owner), Some(name)) = (owner(node, found.source), name) {
                        let name = text(found.source, name);
                        found.constant_named(format!("{owner}.{name}"), value);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The class or object whose body `body` is (a companion object's is its
/// class's): `Keys.A` names a field of `object Keys { .. }`.
fn owner<'s>(body: Node, source: &'s str) -> Option<&'s str> {
    let declaration = body.parent()?;
    match declaration.kind() {
        "class_declaration" | "object_declaration" => {
            Some(text(source, declaration.child_by_field_name("name")?))
        }
        "companion_object" => owner(declaration.parent()?, source),
        _ => None,
    }
}

/// `"a"` and `"""a"""` without `$name` or `${}` templates.
fn unquote(text: &str) -> Option<String> {
    let (inner, raw) = match between(text, "\"\"\"") {
        Some(inner) => (inner, true),
        None => (between(text, "\"")?, false),
    };
    if has_template(inner) {
        return None;
    }
    if raw {
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
    fn kotlin_strings() {
        assert_eq!(unquote("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"new-${x}\""), None);
        assert_eq!(unquote("\"new-$x\""), None);
        assert_eq!(unquote("\"costs $5\"").as_deref(), Some("costs $5"));
    }

    #[test]
    fn kotlin_calls_and_constants() {
        let source = r#"const val KEY = "dark-mode"
fun f() {
    // flags.is_enabled("new-ui")
    flags.is_enabled("new-ui")
    flags.is_enabled(KEY)
    flags.is_enabled("new-$x")
}
"#;
        let (refs, dynamic) = extract_file("a.kt", source);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 1),
                call("new-ui", 4),
                call("dark-mode", 5)
            ]
        );
        assert_eq!(dynamic, [6]);
    }

    #[test]
    fn kotlin_object_and_companion_fields() {
        let source = r#"object Keys {
    const val A = "new-ui"
}
object Other {
    const val A = "dark-mode"
}
class Service {
    companion object {
        const val B = "dark-mode"
    }
}
fun f() {
    flags.is_enabled(Keys.A)
    flags.is_enabled(Other.A)
    flags.is_enabled(Service.B)
}
"#;
        let (refs, _) = extract_file("a.kt", source);
        let calls: Vec<_> = refs
            .into_iter()
            .filter(|r| r.1 == crate::types::RefKind::Call)
            .collect();
        assert_eq!(
            calls,
            [
                call("new-ui", 13),
                call("dark-mode", 14),
                call("dark-mode", 15)
            ]
        );
    }
}
