//! C#: invocations, and `const` fields as constants.

use tree_sitter::Node;

use super::{
    Captures, Language, Quote, Syntax, between, call_by_fields, child, field, no_module,
    raw_or_quoted,
};

pub(super) const LANGUAGE: Language = Language {
    name: "csharp",
    extensions: &["cs"],
    grammar: || tree_sitter_c_sharp::LANGUAGE.into(),
    visit,
    string_kinds: &[
        "string_literal",
        "verbatim_string_literal",
        "raw_string_literal",
    ],
    call_kinds: &[],
    conversions: &[],
    name_kinds: &["identifier", "member_access_expression"],
    transparent_kinds: &["argument", "parenthesized_expression", "cast_expression"],
    skipped_kinds: &["comment"],
    token_tree_kind: None,
    keyword_argument: None,
    array_kinds: &[],
    owner_qualifies: false,
    quotes: b"\"",
    colon_defines: false,
    imports: &[],
    calls_without_parentheses: false,
    syntax: Some(&Syntax {
        line_comments: &["//"],
        block_comment: Some(("/*", "*/")),
        nested_comments: false,
        quotes: &[
            Quote {
                prefixes: &["", "$", "$$", "$$$"],
                backslash: false,
                holes: &[("{", "}")],
                holes_with: &["$"],
                ..Quote::plain("\"\"\"")
            },
            Quote {
                prefixes: &["@", "$@", "@$"],
                backslash: false,
                doubled: true,
                holes: &[("{", "}")],
                holes_with: &["$"],
                ..Quote::plain("\"")
            },
            Quote {
                prefixes: &["", "$"],
                holes: &[("{", "}")],
                holes_with: &["$"],
                ..Quote::plain("\"")
            },
        ],
        characters: true,
        regexes: false,
        jsx: false,
        docstrings: false,
        attributes: &["["],
        contextual: false,
        opening: "",
        unread: &[],
    }),
    module: no_module,
    unquote,
};

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
        "invocation_expression" => call_by_fields(
            node,
            found,
            ("function", &["identifier", "member_access_expression"]),
            ("arguments", "argument_list"),
        ),
        "field_declaration" => fields(node, found, None),
        // A class's fields also under its name: `Keys.A`.
        "class_declaration" => {
            let (Some(owner), Some(body)) = (
                field(node, "name", &["identifier"]),
                node.child_by_field_name("body"),
            ) else {
                return;
            };
            let owner = crate::extract::tree::text(found.source, owner);
            let mut cursor = body.walk();
            for member in body.named_children(&mut cursor) {
                if member.kind() == "field_declaration" {
                    fields(member, found, Some(owner));
                }
            }
        }
        _ => {}
    }
}

/// The string constants a field declaration declares, under `Owner.Name`
/// too when `owner` is given.
fn fields<'t>(node: Node<'t>, found: &mut Captures<'t>, owner: Option<&str>) {
    let Some(declaration) = child(node, &["variable_declaration"]) else {
        return;
    };
    let mut cursor = declaration.walk();
    for declarator in declaration.named_children(&mut cursor) {
        if declarator.kind() != "variable_declarator" {
            continue;
        }
        let value = child(declarator, found.language.string_kinds);
        let name = field(declarator, "name", &["identifier"]);
        match (owner, name) {
            (Some(owner), Some(name)) => {
                let name = crate::extract::tree::text(found.source, name);
                found.constant_named(format!("{owner}.{name}"), value);
            }
            _ => found.constant(name, value),
        }
    }
}

/// `"a"`, verbatim `@"a"` (`""` is a quote) and raw `"""a"""`.
fn unquote(text: &str) -> Option<String> {
    if let Some(verbatim) = text.strip_prefix('@') {
        return Some(between(verbatim, "\"")?.replace("\"\"", "\""));
    }
    raw_or_quoted(text, "\"\"\"")
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn csharp_strings() {
        assert_eq!(unquote("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(unquote("@\"a\"\"b\"").as_deref(), Some("a\"b"));
    }

    #[test]
    fn csharp_calls_and_constants() {
        let source = r#"class A {
  const string Key = "dark-mode";
  void F() {
    // flags.is_enabled("new-ui");
    flags.is_enabled(@"new-ui");
    flags.is_enabled(Key);
    flags.is_enabled($"new-{x}");
  }
}
"#;
        let (refs, dynamic) = extract_file("A.cs", source);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 2),
                call("new-ui", 5),
                call("dark-mode", 6)
            ]
        );
        assert_eq!(dynamic, [7]);
    }
}
