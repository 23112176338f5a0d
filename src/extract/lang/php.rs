//! PHP: member, static and function calls (`$flags->m()`, `Class::m()`,
//! `f()`), and `const` elements as constants.

use tree_sitter::Node;

use super::{
    Captures, Language, Quote, Syntax, between, call_by_fields, child, has_template, method_call,
    no_module, single_quoted, unescape,
};

pub(super) const LANGUAGE: Language = Language {
    name: "php",
    extensions: &["php"],
    grammar: || tree_sitter_php::LANGUAGE_PHP.into(),
    visit,
    string_kinds: &["string", "encapsed_string"],
    call_kinds: &[],
    conversions: &[],
    name_kinds: &["name", "qualified_name", "class_constant_access_expression"],
    transparent_kinds: &["argument", "parenthesized_expression"],
    skipped_kinds: &["comment"],
    token_tree_kind: None,
    keyword_argument: None,
    array_kinds: &[],
    owner_qualifies: false,
    quotes: b"\"'",
    colon_defines: false,
    imports: &[],
    calls_without_parentheses: false,
    syntax: Some(&Syntax {
        line_comments: &["//", "#"],
        block_comment: Some(("/*", "*/")),
        nested_comments: false,
        quotes: &[
            Quote::plain("'"),
            // `"{$a->b}"`, `"${a}"`; `"$a"` holds no code that matters.
            Quote {
                holes: &[("{$", "}"), ("${", "}")],
                ..Quote::plain("\"")
            },
            Quote {
                holes: &[("{$", "}"), ("${", "}")],
                ..Quote::plain("`")
            },
        ],
        characters: false,
        regexes: false,
        jsx: false,
        docstrings: false,
        attributes: &["#["],
        contextual: false,
        opening: "<?php",
        unread: &["?>", "<<<"],
    }),
    module: no_module,
    unquote,
};

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
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

/// `'a'`, and `"a"` without `$var` or `{$...}`.
fn unquote(text: &str) -> Option<String> {
    if let Some(inner) = between(text, "'") {
        return Some(single_quoted(inner));
    }
    let inner = between(text, "\"")?;
    if has_template(inner) {
        None
    } else {
        unescape(inner)
    }
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn php_strings() {
        assert_eq!(unquote("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"new-$x\""), None);
        assert_eq!(unquote("\"new-ui\"").as_deref(), Some("new-ui"));
    }

    #[test]
    fn php_calls_and_constants() {
        let source = r#"<?php
const KEY = 'dark-mode';
// $flags->is_enabled("new-ui");
$flags->is_enabled('new-ui');
flags::is_enabled(KEY);
$flags->is_enabled("new-$x");
"#;
        let (refs, dynamic) = extract_file("a.php", source);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 2),
                call("new-ui", 4),
                call("dark-mode", 5)
            ]
        );
        assert_eq!(dynamic, [6]);
    }
}
