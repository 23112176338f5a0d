//! JavaScript, TypeScript and TSX: three rows, each with its own grammar,
//! sharing this visitor and these node kinds. A JSX element is read as a
//! call of its component with its attributes as keywords (`<IfFeatureEnabled
//! feature="k">`); declarations and member reads feed flag objects; module
//! `const`s, string enums and constant objects are constants.

use tree_sitter::Node;

use super::{
    Captures, KeywordArgument, Language, Quote, Syntax, between, call_by_fields, child, field,
    inside, module_of, unescape,
};
use crate::extract::tree::{scope, text};

pub(super) const JAVASCRIPT: Language = javascript_like(
    "javascript",
    &["js", "mjs", "cjs", "jsx"],
    || tree_sitter_javascript::LANGUAGE.into(),
    &["parenthesized_expression", "jsx_expression"],
    &WITH_JSX,
);

pub(super) const TYPESCRIPT: Language = javascript_like(
    "typescript",
    &["ts", "mts", "cts"],
    || tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
    TS_TRANSPARENT,
    &WITHOUT_JSX,
);

pub(super) const TSX: Language = javascript_like(
    "typescript",
    &["tsx"],
    || tree_sitter_typescript::LANGUAGE_TSX.into(),
    TS_TRANSPARENT,
    &WITH_JSX,
);

/// A row of the JavaScript family: JavaScript, TypeScript and TSX share
/// the visitor and node kinds, each with its own grammar.
const fn javascript_like(
    name: &'static str,
    extensions: &'static [&'static str],
    grammar: fn() -> tree_sitter::Language,
    transparent_kinds: &'static [&'static str],
    syntax: &'static Syntax,
) -> Language {
    Language {
        name,
        extensions,
        grammar,
        visit,
        string_kinds: &["string", "template_string"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "member_expression"],
        transparent_kinds,
        skipped_kinds: &["comment"],
        token_tree_kind: None,
        keyword_argument: Some(KeywordArgument {
            kind: "jsx_attribute",
            name_field: "",
            value_field: "",
        }),
        array_kinds: &["array"],
        owner_qualifies: true,
        quotes: b"\"'`",
        colon_defines: true,
        imports: &["import"],
        calls_without_parentheses: false,
        syntax: Some(syntax),
        module: |path| module_of(path, "index", &[]),
        unquote,
    }
}

/// Comments, quotes, templates and regular expressions, for the lexer;
/// JavaScript and TSX may hold JSX, TypeScript (`.ts`) may not.
static WITH_JSX: Syntax = syntax(true);
static WITHOUT_JSX: Syntax = syntax(false);

const JS_QUOTES: &[Quote] = &[
    Quote::plain("\""),
    Quote::plain("'"),
    Quote {
        holes: &[("${", "}")],
        ..Quote::plain("`")
    },
];

const fn syntax(jsx: bool) -> Syntax {
    Syntax {
        line_comments: &["//"],
        block_comment: Some(("/*", "*/")),
        nested_comments: false,
        quotes: JS_QUOTES,
        characters: false,
        regexes: true,
        jsx,
        docstrings: false,
        attributes: &["@"],
        contextual: false,
        opening: "",
        unread: &[],
    }
}

/// TypeScript's type assertions (`KEY as string`, `KEY!`) keep the value.
const TS_TRANSPARENT: &[&str] = &[
    "parenthesized_expression",
    "jsx_expression",
    "as_expression",
    "satisfies_expression",
    "non_null_expression",
];

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
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
        // `import { A, B as C } from "./flags"`, `import * as F from "./flags"`.
        "import_statement" => {
            let (Some(source), Some(clause)) = (
                field(node, "source", &["string"]),
                child(node, &["import_clause"]),
            ) else {
                return;
            };
            let module = text(found.source, source);
            let mut cursor = clause.walk();
            for part in clause.named_children(&mut cursor) {
                match part.kind() {
                    "namespace_import" => found.import(child(part, &["identifier"]), module, None),
                    "named_imports" => {
                        let mut specifiers = part.walk();
                        for specifier in part.named_children(&mut specifiers) {
                            let name = specifier.child_by_field_name("name");
                            let local = specifier.child_by_field_name("alias").or(name);
                            found.import(local, module, name);
                        }
                    }
                    _ => {}
                }
            }
        }
        // A field costs a search of the grammar's field names: only when
        // the run has flag objects.
        "variable_declarator" if found.gathers_objects() => found.binding(
            node.child_by_field_name("name"),
            node.child_by_field_name("value"),
        ),
        "member_expression" if found.gathers_objects() => found.read(
            node.child_by_field_name("object"),
            node.child_by_field_name("property"),
        ),
        "subscript_expression" if found.gathers_objects() => found.read(
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
            let scope = if top_level {
                0
            } else {
                scope(found.root, node)
            };
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
                        && text(found.source, v).trim_end().ends_with("as const")
                }) || name
                    .is_some_and(|n| text(found.source, n).starts_with(|c: char| c.is_uppercase()));
                if let (Some(name), Some(object), true) =
                    (name, value.filter(|v| v.kind() == "object"), keys_table)
                {
                    members(found, name, object, "pair", "key");
                }
            }
        }
        // `let k`, `var k` and a loop's `for (const k of keys)` inside a
        // function: locals, never known (they change, or take each item),
        // that shadow constants.
        "lexical_declaration" | "variable_declaration" => {
            let scope = scope(found.root, node);
            let mut cursor = node.walk();
            for declarator in node.named_children(&mut cursor) {
                if scope != 0 && declarator.kind() == "variable_declarator" {
                    found.local(scope, field(declarator, "name", &["identifier"]), None);
                }
            }
        }
        "for_in_statement" => {
            let scope = scope(found.root, node);
            if scope != 0 {
                found.local(scope, field(node, "left", &["identifier"]), None);
            }
        }
        // `class Keys { static readonly A = "a" }`: `Keys.A`.
        "class_declaration" | "class" => {
            if let (Some(name), Some(body)) = (
                node.child_by_field_name("name"),
                field(node, "body", &["class_body"]),
            ) {
                let owner = text(found.source, name);
                let mut cursor = body.walk();
                for member in body.named_children(&mut cursor) {
                    let mut tokens = member.walk();
                    let is_static = matches!(
                        member.kind(),
                        "public_field_definition" | "field_definition"
                    ) && member
                        .children(&mut tokens)
                        .any(|token| token.kind() == "static");
                    let key = member
                        .child_by_field_name("name")
                        .or_else(|| member.child_by_field_name("property"));
                    if let (true, Some(key)) = (is_static, key) {
                        let value = member.child_by_field_name("value").map(unwrap_as_const);
                        let key = text(found.source, key);
                        found.constant_named(format!("{owner}.{key}"), value);
                    }
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
    let owner = text(found.source, owner);
    let mut cursor = body.walk();
    for member in body.named_children(&mut cursor) {
        if member.kind() != member_kind {
            continue;
        }
        let Some(key) = member.child_by_field_name(key_field) else {
            continue;
        };
        let key = text(found.source, key);
        let key = key.trim_matches(|c| c == '"' || c == '\'');
        let value = member.child_by_field_name("value").map(unwrap_as_const);
        found.constant_named(format!("{owner}.{key}"), value);
    }
}

/// `'a'`, `"a"`, and template literals without substitutions.
fn unquote(text: &str) -> Option<String> {
    if let Some(inner) = between(text, "`") {
        return if inner.contains("${") {
            None
        } else {
            unescape(inner)
        };
    }
    unescape(inside(text, &["\"", "'"])?)
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn javascript_strings() {
        assert_eq!(unquote("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(unquote("`new-ui`").as_deref(), Some("new-ui"));
        assert_eq!(unquote("`new-${x}`"), None);
    }

    #[test]
    fn javascript_typescript_and_tsx() {
        let source = r#"
const KEY = "dark-mode";
// flags.is_enabled("new-ui")
/* flags.is_enabled("new-ui") */
flags.is_enabled(`new-ui`);
flags.is_enabled(KEY);
flags.is_enabled(`new-${x}`);
"#;
        for path in ["x.js", "x.jsx", "x.ts", "x.tsx"] {
            let (refs, dynamic) = extract_file(path, source);
            assert_eq!(
                refs,
                [
                    literal("dark-mode", 2),
                    call("new-ui", 5),
                    call("dark-mode", 6)
                ],
                "{path}"
            );
            assert_eq!(dynamic, [7], "{path}");
        }
        // Loop variables and `let` inside a function shadow the constant.
        let shadowed = r#"
const KEY = "dark-mode";
function f(keys) {
  for (const KEY of keys) flags.is_enabled(KEY);
  for (let KEY in keys) flags.is_enabled(KEY);
}
function g() {
  let KEY = load();
  flags.is_enabled(KEY);
}
flags.is_enabled(KEY);
"#;
        let (refs, dynamic) = extract_file("x.ts", shadowed);
        assert_eq!(refs, [literal("dark-mode", 2), call("dark-mode", 11)]);
        assert_eq!(dynamic, [4, 5, 9]);
        let jsx = r#"const App = () => <Flag name="new-ui" />;"#;
        assert_eq!(extract_file("x.tsx", jsx).0, [literal("new-ui", 1)]);
    }
}
