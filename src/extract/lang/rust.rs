//! Rust: calls by path (`flags::is_enabled::<T>(..)` too), `const` and
//! `static` items, and macro arguments, whose flat token trees the
//! macro-tokens shape (`tree/macro_tokens.rs`) searches.

use tree_sitter::Node;

use super::{Captures, Language, Quote, Syntax, between, child, field, module_of, unescape};
use crate::extract::tree::{scope, text};

pub(super) const LANGUAGE: Language = Language {
    name: "rust",
    extensions: &["rs"],
    grammar: || tree_sitter_rust::LANGUAGE.into(),
    visit,
    string_kinds: &["string_literal", "raw_string_literal"],
    call_kinds: &["call_expression"],
    conversions: &["to_string", "to_owned", "into", "from"],
    name_kinds: &["identifier", "scoped_identifier", "field_expression"],
    transparent_kinds: &["reference_expression", "parenthesized_expression"],
    skipped_kinds: &["line_comment", "block_comment"],
    token_tree_kind: Some("token_tree"),
    keyword_argument: None,
    array_kinds: &["array_expression"],
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
                prefixes: &["r", "br", "cr"],
                backslash: false,
                hashes: true,
                ..Quote::plain("\"")
            },
            Quote {
                prefixes: &["", "b", "c"],
                ..Quote::plain("\"")
            },
        ],
        characters: true,
        regexes: false,
        jsx: false,
        docstrings: false,
        attributes: &["#[", "#!["],
        contextual: false,
        opening: "",
        unread: &[],
    }),
    module: |path| module_of(path, "mod", &["lib", "main"]),
    unquote,
};

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
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
        "const_item" | "static_item" => {
            let name = field(node, "name", &["identifier"]);
            let value = node.child_by_field_name("value");
            found.constant(name, value);
            // Inside `mod keys { .. }` or `impl Keys { .. }`: `keys::A`,
            // `Keys::A`.
            let owner = node
                .parent()
                .filter(|body| body.kind() == "declaration_list")
                .and_then(|body| body.parent())
                .and_then(|item| match item.kind() {
                    "mod_item" => item.child_by_field_name("name"),
                    "impl_item" => item.child_by_field_name("type"),
                    _ => None,
                });
            if let (Some(owner), Some(name)) = (owner, name) {
                let owner = text(found.source, owner);
                let name = text(found.source, name);
                found.constant_named(format!("{owner}.{name}"), value);
            }
        }
        // `let k = "x";`, `for feature in ..`, `if let Some(k) = ..`: locals,
        // known only when one string is bound; they shadow constants.
        "let_declaration" | "for_expression" | "let_condition" => {
            let Some(pattern) = node.child_by_field_name("pattern") else {
                return;
            };
            let value = node.child_by_field_name("value");
            if pattern.kind() == "identifier" && node.kind() == "let_declaration" {
                found.local(scope(found.root, node), Some(pattern), value);
            } else {
                bind_all(found, scope(found.root, node), pattern);
            }
        }
        "macro_invocation" => {
            if let Some(tokens) = child(node, &["token_tree"]) {
                found.token_trees.push(tokens);
            }
        }
        _ => {}
    }
}

/// Every name a pattern binds, as a local of unknown value (not the `Some`
/// of `Some(k)`, a type).
fn bind_all<'t>(found: &mut Captures<'t>, scope: usize, pattern: Node<'t>) {
    if pattern.kind() == "identifier" {
        found.local(scope, Some(pattern), None);
        return;
    }
    let mut cursor = pattern.walk();
    for (index, child) in pattern.named_children(&mut cursor).enumerate() {
        let is_type = pattern.field_name_for_named_child(index as u32) == Some("type");
        if !is_type && !matches!(child.kind(), "scoped_identifier" | "type_identifier") {
            bind_all(found, scope, child);
        }
    }
}

/// `"a"`, `r"a"`, `r#"a"#`, `b"a"`.
fn unquote(text: &str) -> Option<String> {
    let body = text.trim_start_matches(['b', 'c']);
    if let Some(raw) = body.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let fence = &raw[..hashes];
        let inner = raw[hashes..].strip_prefix('"')?;
        let inner = inner.strip_suffix(fence)?.strip_suffix('"')?;
        return Some(inner.to_string());
    }
    unescape(between(body, "\"")?)
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};
    use crate::types::RefKind;

    /// `(flag, kind, line)` of every reference, and the lines of dynamic keys.
    fn extract(source: &str) -> (Vec<(String, RefKind, usize)>, Vec<usize>) {
        extract_file("x.rs", source)
    }

    #[test]
    fn rust_strings() {
        assert_eq!(unquote(r#""new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(unquote(r##"r#"new-ui"#"##).as_deref(), Some("new-ui"));
        assert_eq!(unquote(r#"r"new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(unquote(r#"b"new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(unquote(r#""a\"b""#).as_deref(), Some("a\"b"));
        assert_eq!(unquote(r#""\u{1F600}""#), None);
        assert_eq!(unquote("\""), None);
    }

    #[test]
    fn paths_and_method_chains() {
        let source = r#"
fn f(client: &Client) {
    flags::is_enabled("new-ui");
    crate::flags::is_enabled("dark-mode");
    client.lock().unwrap().is_on(&ctx, "new-ui");
    other::is_enabled("dark-mode");
}
"#;
        let (refs, dynamic) = extract(source);
        assert_eq!(
            refs,
            [
                call("new-ui", 3),
                call("dark-mode", 4),
                call("new-ui", 5),
                literal("dark-mode", 6)
            ]
        );
        assert!(dynamic.is_empty());
    }

    #[test]
    fn comments_and_doc_comments_never_count() {
        let source = r#"
/// Call `flags::is_enabled("new-ui")` to check.
//! flags::is_enabled("dark-mode")
fn f() {
    // flags::is_enabled("new-ui");
    /* flags::is_enabled("dark-mode") */
    flags::is_enabled(/* "new-ui" */ "dark-mode");
}
"#;
        let (refs, dynamic) = extract(source);
        assert_eq!(refs, [call("dark-mode", 7)]);
        assert!(dynamic.is_empty());
    }

    #[test]
    fn raw_and_byte_strings_and_conversions() {
        let source = r##"
fn f() {
    flags::is_enabled(r#"new-ui"#);
    flags::is_enabled(&"dark-mode".to_string());
    flags::is_enabled(String::from("new-ui"));
    let bytes = b"dark-mode";
}
"##;
        let (refs, _) = extract(source);
        assert_eq!(
            refs,
            [
                call("new-ui", 3),
                call("dark-mode", 4),
                call("new-ui", 5),
                literal("dark-mode", 6)
            ]
        );
    }

    #[test]
    fn constants_in_the_same_file_and_aliases() {
        let source = r#"
fn f() {
    flags::is_enabled(DARK);
    flags::is_enabled(keys::UNKNOWN);
    flags::is_enabled(NEW_UI);
}
const DARK: &str = "dark-mode";
const NEW_UI: &str = "NEW_UI";
"#;
        let (refs, dynamic) = extract(source);
        assert_eq!(
            refs,
            [
                call("dark-mode", 3),
                // Extraction reports the alias as spelled; the index resolves it.
                call("NEW_UI", 5),
                literal("dark-mode", 7),
                literal("NEW_UI", 8)
            ]
        );
        assert_eq!(dynamic, [4]);
    }

    #[test]
    fn constants_of_inline_modules_and_impls() {
        let source = r#"
mod keys { pub const A: &str = "new-ui"; }
mod other { pub const A: &str = "dark-mode"; }
struct Keys;
impl Keys { const B: &'static str = "dark-mode"; }
fn f() {
    flags::is_enabled(keys::A);
    flags::is_enabled(other::A);
    flags::is_enabled(Keys::B);
    flags::is_enabled(A);
}
"#;
        let (refs, dynamic) = extract(source);
        let calls: Vec<_> = refs.iter().filter(|r| r.1 == RefKind::Call).collect();
        assert_eq!(
            calls,
            [
                &call("new-ui", 7),
                &call("dark-mode", 8),
                &call("dark-mode", 9)
            ]
        );
        // `A` alone is defined twice, with two values.
        assert_eq!(dynamic, [10]);
    }

    #[test]
    fn let_and_for_bind_locals() {
        let source = r#"
fn f() {
    let k = "new-ui";
    flags::is_enabled(k);
    for feature in FEATURES { flags::is_enabled(feature.name); }
    let DARK = other();
    flags::is_enabled(DARK);
    if let Some(key) = lookup() { flags::is_enabled(key); }
}
const DARK: &str = "dark-mode";
"#;
        let (refs, dynamic) = extract(source);
        assert_eq!(
            refs,
            [
                literal("new-ui", 3),
                call("new-ui", 4),
                literal("dark-mode", 10)
            ]
        );
        // A loop variable's field, a shadowing `let`, an `if let` binding.
        assert_eq!(dynamic, [5, 7, 8]);
    }

    #[test]
    fn nested_calls_and_dynamic_keys() {
        let source = r#"
fn f(name: &str) {
    render(flags::is_enabled("new-ui"), flags::is_enabled(name));
    flags::is_enabled(&format!("{}-mode", name));
    flags::is_enabled();
}
"#;
        let (refs, dynamic) = extract(source);
        assert_eq!(refs, [call("new-ui", 3)]);
        assert_eq!(dynamic, [3, 4]);
    }

    #[test]
    fn keys_given_by_name() {
        let source = "fn f() { Feature::enabled(Flags::NewUi); }";
        let (refs, _) = extract(source);
        assert_eq!(refs, [call("NewUi", 1)]);
    }

    #[test]
    fn unparsable_code_still_yields_what_parses() {
        let source = "fn f( { flags::is_enabled(\"new-ui\"); ";
        let (refs, _) = extract(source);
        assert_eq!(refs.len(), 1, "{refs:?}");
    }
}
