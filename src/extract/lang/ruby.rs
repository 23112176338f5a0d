//! Ruby: calls with a receiver (`Flipper.enabled?(:k)`), keyword arguments
//! as hash pairs, symbols as strings, and constant assignments.

use tree_sitter::Node;

use super::{
    Captures, KeywordArgument, Language, Quote, Syntax, between, field, inside, method_call,
    no_module, single_quoted, unescape,
};

pub(super) const LANGUAGE: Language = Language {
    name: "ruby",
    extensions: &["rb", "rake"],
    grammar: || tree_sitter_ruby::LANGUAGE.into(),
    visit,
    string_kinds: &["string", "simple_symbol", "delimited_symbol"],
    call_kinds: &[],
    conversions: &[],
    name_kinds: &["identifier", "constant", "scope_resolution"],
    transparent_kinds: &["parenthesized_statements"],
    skipped_kinds: &["comment"],
    token_tree_kind: None,
    keyword_argument: Some(KeywordArgument {
        kind: "pair",
        name_field: "key",
        value_field: "value",
    }),
    array_kinds: &["array"],
    owner_qualifies: false,
    quotes: b"\"':",
    colon_defines: false,
    imports: &[],
    calls_without_parentheses: true,
    syntax: Some(&Syntax {
        line_comments: &["#"],
        block_comment: None,
        nested_comments: false,
        quotes: &[
            Quote::plain("'"),
            Quote {
                holes: &[("#{", "}")],
                ..Quote::plain("\"")
            },
            Quote {
                holes: &[("#{", "}")],
                ..Quote::plain("`")
            },
        ],
        characters: false,
        regexes: true,
        jsx: false,
        docstrings: false,
        attributes: &[],
        contextual: true,
        opening: "",
        // What follows is data, not code.
        unread: &["\n__END__"],
    }),
    module: no_module,
    unquote,
};

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    match kind {
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

/// `'a'`, `"a"` without `#{}`, and symbols `:a`, `:"a"`.
fn unquote(text: &str) -> Option<String> {
    if let Some(symbol) = text.strip_prefix(':') {
        return match inside(symbol, &["\"", "'"]) {
            Some(inner) => unescape(inner),
            None => Some(symbol.to_string()),
        };
    }
    if let Some(inner) = between(text, "'") {
        return Some(single_quoted(inner));
    }
    let inner = between(text, "\"")?;
    if inner.contains("#{") {
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
    fn ruby_strings() {
        assert_eq!(unquote(":new_ui").as_deref(), Some("new_ui"));
        assert_eq!(unquote(":\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(unquote("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"new-#{x}\""), None);
    }

    #[test]
    fn ruby_symbols_and_question_marks() {
        let source = r#"KEY = "dark-mode"
# flags.is_enabled("new-ui")
Flipper.enabled?(:"new-ui", user)
flags.is_enabled(KEY)
flags.is_enabled("new-#{x}")
"#;
        let (refs, dynamic) = extract_file("x.rb", source);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 1),
                call("new-ui", 3),
                call("dark-mode", 4)
            ]
        );
        assert_eq!(dynamic, [5]);
    }
}
