//! Java: method invocations, whose receiver is a field of their own, and
//! field declarations as constants.

use tree_sitter::Node;

use super::{Captures, Language, Quote, Syntax, between, field, method_call, no_module, unescape};

pub(super) const LANGUAGE: Language = Language {
    name: "java",
    extensions: &["java"],
    grammar: || tree_sitter_java::LANGUAGE.into(),
    visit,
    string_kinds: &["string_literal"],
    call_kinds: &[],
    conversions: &[],
    name_kinds: &["identifier", "field_access"],
    transparent_kinds: &["parenthesized_expression", "cast_expression"],
    skipped_kinds: &["line_comment", "block_comment"],
    token_tree_kind: None,
    keyword_argument: None,
    array_kinds: &["array_initializer"],
    owner_qualifies: false,
    quotes: b"\"",
    colon_defines: false,
    imports: &[],
    calls_without_parentheses: false,
    syntax: Some(&Syntax {
        line_comments: &["//"],
        block_comment: Some(("/*", "*/")),
        nested_comments: false,
        quotes: &[Quote::plain("\"\"\""), Quote::plain("\"")],
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
        "method_invocation" => method_call(
            node,
            found,
            ["object", "name", "arguments"],
            ["identifier", "argument_list"],
        ),
        "field_declaration" | "constant_declaration" => {
            let mut cursor = node.walk();
            for declarator in node.children_by_field_name("declarator", &mut cursor) {
                found.constant(
                    field(declarator, "name", &["identifier"]),
                    declarator.child_by_field_name("value"),
                );
            }
        }
        // A class's or interface's fields also under its name: `Keys.A`.
        "class_declaration" | "interface_declaration" => {
            let (Some(owner), Some(body)) = (
                field(node, "name", &["identifier"]),
                node.child_by_field_name("body"),
            ) else {
                return;
            };
            let owner = super::super::tree::text(found.source, owner);
            let mut members = body.walk();
            for member in body.named_children(&mut members) {
                if !matches!(member.kind(), "field_declaration" | "constant_declaration") {
                    continue;
                }
                let mut cursor = member.walk();
                for declarator in member.children_by_field_name("declarator", &mut cursor) {
                    if let Some(name) = field(declarator, "name", &["identifier"]) {
                        let name = super::super::tree::text(found.source, name);
                        found.constant_named(
                            format!("{owner}.{name}"),
                            declarator.child_by_field_name("value"),
                        );
                    }
                }
            }
        }
        _ => {}
    }
}

/// `"a"`; text blocks span lines, which no key does.
fn unquote(text: &str) -> Option<String> {
    if text.starts_with("\"\"\"") {
        return None;
    }
    unescape(between(text, "\"")?)
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn java_strings() {
        assert_eq!(unquote("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"\"\"\n  new-ui\"\"\""), None);
    }

    #[test]
    fn java_receivers_and_constants() {
        let source = r#"class A {
  static final String KEY = "dark-mode";
  void f() {
    // flags.is_enabled("new-ui");
    flags.is_enabled("new-ui");
    is_on(ctx, KEY);
  }
}
"#;
        let (refs, _) = extract_file("A.java", source);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 2),
                call("new-ui", 5),
                call("dark-mode", 6)
            ]
        );
    }
}
