//! Languages as data: which files a grammar covers, the function that
//! recognises calls and constants in its trees (`tree/syntax.rs`), and the
//! few node kinds the generic extractor in `tree/mod.rs` needs to know.

use std::path::Path;

use tree_sitter::Node;

use super::strings;
use super::tree::{Captures, syntax};

/// A language flaglint parses with tree-sitter.
pub struct Language {
    /// The name used in `languages = [...]` and in output.
    pub name: &'static str,
    /// File extensions, lowercase, without the dot.
    pub extensions: &'static [&'static str],
    grammar: fn() -> tree_sitter::Language,
    /// Recognises the calls, constants and docstrings among a tree's nodes.
    pub(super) visit: for<'t> fn(Node<'t>, &mut Captures<'t>),
    /// Node kinds of a string literal.
    pub string_kinds: &'static [&'static str],
    /// Node kinds of a call expression (to see through `"x".to_string()`).
    pub call_kinds: &'static [&'static str],
    /// Calls that convert a string without changing it.
    pub conversions: &'static [&'static str],
    /// Node kinds that name a constant: identifiers and paths.
    pub name_kinds: &'static [&'static str],
    /// Node kinds that wrap one expression without changing its value.
    pub transparent_kinds: &'static [&'static str],
    /// Comment node kinds, skipped when counting arguments.
    pub comment_kinds: &'static [&'static str],
    /// Flat token-list nodes (Rust macro arguments), searched token by token.
    pub token_tree_kind: Option<&'static str>,
    /// Keyword arguments (`name=value`), where the language has them (and
    /// JSX attributes, which flaglint reads as a component's keywords).
    pub keyword_argument: Option<KeywordArgument>,
    /// Whether a qualified name (`a.b`) resolves only as its owner's member
    /// (an enum's, a constant object's): in JavaScript `feature.name` is a
    /// property of a variable, not the constant `name`. Elsewhere the last
    /// segment may name a constant (`Flags.CHECKOUT`, a Java static field).
    pub owner_qualifies: bool,
    /// Node kinds of a list literal: a key argument that is one holds a key
    /// per element (`useFlags(["a", "b"])`).
    pub array_kinds: &'static [&'static str],
    /// A string literal node's text to the string it denotes, or `None` if
    /// it is not static (an interpolation, an escape flaglint cannot read).
    pub unquote: fn(&str) -> Option<String>,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Language")
            .field("name", &self.name)
            .field("extensions", &self.extensions)
            .finish_non_exhaustive()
    }
}

impl Language {
    pub fn grammar(&self) -> tree_sitter::Language {
        (self.grammar)()
    }
}

/// The node of a keyword argument and its fields; empty field names mean
/// the name is the first named child and the value the second.
#[derive(Clone, Copy, Debug)]
pub struct KeywordArgument {
    pub kind: &'static str,
    pub name_field: &'static str,
    pub value_field: &'static str,
}

/// Every language name the registry accepts; each has a row here.
pub use crate::types::language::NAMES;

/// A row of the JavaScript family: JavaScript, TypeScript and TSX share
/// the syntax function and node kinds, each with its own grammar.
const fn javascript_like(
    name: &'static str,
    extensions: &'static [&'static str],
    grammar: fn() -> tree_sitter::Language,
    transparent_kinds: &'static [&'static str],
) -> Language {
    Language {
        name,
        extensions,
        grammar,
        visit: syntax::javascript,
        string_kinds: &["string", "template_string"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "member_expression"],
        transparent_kinds,
        comment_kinds: &["comment"],
        token_tree_kind: None,
        keyword_argument: Some(KeywordArgument {
            kind: "jsx_attribute",
            name_field: "",
            value_field: "",
        }),
        array_kinds: &["array"],
        owner_qualifies: true,
        unquote: strings::javascript,
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

pub static LANGUAGES: [Language; 11] = [
    Language {
        name: "rust",
        extensions: &["rs"],
        grammar: || tree_sitter_rust::LANGUAGE.into(),
        visit: syntax::rust,
        string_kinds: &["string_literal", "raw_string_literal"],
        call_kinds: &["call_expression"],
        conversions: &["to_string", "to_owned", "into", "from"],
        name_kinds: &["identifier", "scoped_identifier", "field_expression"],
        transparent_kinds: &["reference_expression", "parenthesized_expression"],
        comment_kinds: &["line_comment", "block_comment"],
        token_tree_kind: Some("token_tree"),
        keyword_argument: None,
        array_kinds: &["array_expression"],
        owner_qualifies: false,
        unquote: strings::rust,
    },
    Language {
        name: "python",
        extensions: &["py", "pyi"],
        grammar: || tree_sitter_python::LANGUAGE.into(),
        visit: syntax::python,
        string_kinds: &["string"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "attribute"],
        transparent_kinds: &["parenthesized_expression"],
        comment_kinds: &["comment"],
        token_tree_kind: None,
        keyword_argument: Some(KeywordArgument {
            kind: "keyword_argument",
            name_field: "name",
            value_field: "value",
        }),
        array_kinds: &["list", "tuple"],
        owner_qualifies: false,
        unquote: strings::python,
    },
    javascript_like(
        "javascript",
        &["js", "mjs", "cjs", "jsx"],
        || tree_sitter_javascript::LANGUAGE.into(),
        &["parenthesized_expression", "jsx_expression"],
    ),
    javascript_like(
        "typescript",
        &["ts", "mts", "cts"],
        || tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
        TS_TRANSPARENT,
    ),
    javascript_like(
        "typescript",
        &["tsx"],
        || tree_sitter_typescript::LANGUAGE_TSX.into(),
        TS_TRANSPARENT,
    ),
    Language {
        name: "go",
        extensions: &["go"],
        grammar: || tree_sitter_go::LANGUAGE.into(),
        visit: syntax::go,
        string_kinds: &["interpreted_string_literal", "raw_string_literal"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "selector_expression"],
        transparent_kinds: &["parenthesized_expression"],
        comment_kinds: &["comment"],
        token_tree_kind: None,
        keyword_argument: None,
        array_kinds: &[],
        owner_qualifies: false,
        unquote: strings::go,
    },
    Language {
        name: "java",
        extensions: &["java"],
        grammar: || tree_sitter_java::LANGUAGE.into(),
        visit: syntax::java,
        string_kinds: &["string_literal"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "field_access"],
        transparent_kinds: &["parenthesized_expression"],
        comment_kinds: &["line_comment", "block_comment"],
        token_tree_kind: None,
        keyword_argument: None,
        array_kinds: &["array_initializer"],
        owner_qualifies: false,
        unquote: strings::java,
    },
    Language {
        name: "ruby",
        extensions: &["rb", "rake"],
        grammar: || tree_sitter_ruby::LANGUAGE.into(),
        visit: syntax::ruby,
        string_kinds: &["string", "simple_symbol", "delimited_symbol"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "constant", "scope_resolution"],
        transparent_kinds: &["parenthesized_statements"],
        comment_kinds: &["comment"],
        token_tree_kind: None,
        keyword_argument: Some(KeywordArgument {
            kind: "pair",
            name_field: "key",
            value_field: "value",
        }),
        array_kinds: &["array"],
        owner_qualifies: false,
        unquote: strings::ruby,
    },
    Language {
        name: "csharp",
        extensions: &["cs"],
        grammar: || tree_sitter_c_sharp::LANGUAGE.into(),
        visit: syntax::csharp,
        string_kinds: &[
            "string_literal",
            "verbatim_string_literal",
            "raw_string_literal",
        ],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "member_access_expression"],
        transparent_kinds: &["argument", "parenthesized_expression"],
        comment_kinds: &["comment"],
        token_tree_kind: None,
        keyword_argument: None,
        array_kinds: &[],
        owner_qualifies: false,
        unquote: strings::csharp,
    },
    Language {
        name: "kotlin",
        extensions: &["kt", "kts"],
        grammar: || tree_sitter_kotlin_ng::LANGUAGE.into(),
        visit: syntax::kotlin,
        string_kinds: &["string_literal"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["identifier", "navigation_expression"],
        transparent_kinds: &["value_argument", "parenthesized_expression"],
        comment_kinds: &["line_comment", "block_comment"],
        token_tree_kind: None,
        keyword_argument: None,
        array_kinds: &[],
        owner_qualifies: false,
        unquote: strings::kotlin,
    },
    Language {
        name: "php",
        extensions: &["php"],
        grammar: || tree_sitter_php::LANGUAGE_PHP.into(),
        visit: syntax::php,
        string_kinds: &["string", "encapsed_string"],
        call_kinds: &[],
        conversions: &[],
        name_kinds: &["name", "qualified_name", "class_constant_access_expression"],
        transparent_kinds: &["argument", "parenthesized_expression"],
        comment_kinds: &["comment"],
        token_tree_kind: None,
        keyword_argument: None,
        array_kinds: &[],
        owner_qualifies: false,
        unquote: strings::php,
    },
];

/// The language whose grammar covers `path`, by extension.
pub fn for_path(path: &Path) -> Option<&'static Language> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    LANGUAGES
        .iter()
        .find(|language| language.extensions.contains(&extension.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_extension() {
        assert_eq!(
            for_path(Path::new("src/main.rs")).map(|l| l.name),
            Some("rust")
        );
        assert_eq!(
            for_path(Path::new("src/MAIN.RS")).map(|l| l.name),
            Some("rust")
        );
        assert!(for_path(Path::new("config.yaml")).is_none());
    }

    #[test]
    fn every_accepted_name_has_a_grammar_and_every_grammar_a_name() {
        for name in NAMES {
            assert!(LANGUAGES.iter().any(|l| l.name == name), "{name}");
        }
        for language in &LANGUAGES {
            assert!(NAMES.contains(&language.name), "{}", language.name);
        }
    }
}
