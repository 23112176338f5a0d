//! Go: calls, `const` specs, and the package clause, which qualifies the
//! file's constants (`features.A`).

use tree_sitter::Node;

use super::{
    Captures, Language, Quote, Syntax, TYPE_NAME, call_by_fields, child, field, no_module,
    raw_or_quoted,
};
use crate::extract::tree::{scope, text};

pub(super) const LANGUAGE: Language = Language {
    name: "go",
    extensions: &["go"],
    grammar: || tree_sitter_go::LANGUAGE.into(),
    visit,
    string_kinds: &["interpreted_string_literal", "raw_string_literal"],
    call_kinds: &["call_expression"],
    conversions: &[TYPE_NAME, "string"],
    name_kinds: &["identifier", "selector_expression"],
    transparent_kinds: &["parenthesized_expression"],
    skipped_kinds: &["comment"],
    token_tree_kind: None,
    keyword_argument: None,
    array_kinds: &[],
    owner_qualifies: false,
    quotes: b"\"`",
    colon_defines: false,
    imports: &[],
    calls_without_parentheses: false,
    syntax: Some(&Syntax {
        line_comments: &["//"],
        block_comment: Some(("/*", "*/")),
        nested_comments: false,
        quotes: &[
            Quote::plain("\""),
            Quote {
                backslash: false,
                ..Quote::plain("`")
            },
        ],
        characters: true,
        regexes: false,
        jsx: false,
        docstrings: false,
        attributes: &[],
        contextual: false,
        opening: "",
        unread: &[],
    }),
    module: no_module,
    unquote,
};

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
        // The package qualifies the file's constants: `features.A`.
        "package_clause" => {
            found.package =
                child(node, &["package_identifier"]).map(|name| text(found.source, name));
        }
        "call_expression" => call_by_fields(
            node,
            found,
            ("function", &["identifier", "selector_expression"]),
            ("arguments", "argument_list"),
        ),
        // `k := "x"` and `for _, k := range xs` inside a function: locals,
        // known only when assigned one string; they shadow constants.
        "short_var_declaration" | "range_clause" => {
            let (Some(left), right) = (
                field(node, "left", &["expression_list"]),
                node.child_by_field_name("right"),
            ) else {
                return;
            };
            let values = right.filter(|right| right.kind() == "expression_list");
            let mut cursor = left.walk();
            for (index, name) in left.named_children(&mut cursor).enumerate() {
                let value = match (node.kind(), values) {
                    ("short_var_declaration", Some(values))
                        if values.named_child_count() == left.named_child_count() =>
                    {
                        values.named_child(index as u32)
                    }
                    _ => None,
                };
                if name.kind() == "identifier" {
                    found.local(scope(found.root, node), Some(name), value);
                }
            }
        }
        // `const Key = "x"`: one name, one value.
        "const_spec" => {
            let value = field(node, "value", &["expression_list"])
                .filter(|values| values.named_child_count() == 1)
                .and_then(|values| values.named_child(0))
                .map(|value| converted(found.source, value));
            found.constant(field(node, "name", &["identifier"]), value);
        }
        _ => {}
    }
}

/// `Feature("k")`, a conversion to a capitalised type, is `"k"`.
fn converted<'t>(source: &str, value: Node<'t>) -> Node<'t> {
    let capitalised = value.kind() == "call_expression"
        && value
            .child_by_field_name("function")
            .is_some_and(|function| {
                let name = function.child_by_field_name("field").unwrap_or(function);
                matches!(function.kind(), "identifier" | "selector_expression")
                    && text(source, name).starts_with(|c: char| c.is_ascii_uppercase())
            });
    let argument = value
        .child_by_field_name("arguments")
        .filter(|arguments| arguments.named_child_count() == 1)
        .and_then(|arguments| arguments.named_child(0));
    match argument {
        Some(argument) if capitalised && argument.kind().ends_with("string_literal") => argument,
        _ => value,
    }
}

/// `"a"` and raw `` `a` ``.
fn unquote(text: &str) -> Option<String> {
    raw_or_quoted(text, "`")
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn go_strings() {
        assert_eq!(unquote("`new-ui`").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"new-ui\"").as_deref(), Some("new-ui"));
    }

    #[test]
    fn go_raw_strings_and_constants() {
        let source = r#"package main

const Key = "dark-mode"

func f() {
	// flags.is_enabled("new-ui")
	flags.is_enabled(`new-ui`)
	flags.is_enabled(Key)
	flags.is_enabled(Feature("typed"))
	flags.is_enabled(featuregate.Feature(Typed))
}

const Typed = featuregate.Feature("typed-const")

func locals(keys []string) {
	k := "new-ui"
	flags.is_enabled(k)
	for _, Key := range keys {
		flags.is_enabled(Key)
	}
}
"#;
        let (refs, dynamic) = extract_file("x.go", source);
        // A range variable shadows the constant of the same name.
        assert_eq!(dynamic, [19]);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 3),
                call("new-ui", 7),
                call("dark-mode", 8),
                call("typed", 9),
                call("typed-const", 10),
                literal("new-ui", 16),
                call("new-ui", 17),
            ]
        );
    }
}
