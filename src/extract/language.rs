//! Languages as data: which files a grammar covers, the query that finds
//! calls, strings and constants in them, and the few node kinds the generic
//! extractor in `tree.rs` needs to know.

use std::path::Path;
use std::sync::OnceLock;

use tree_sitter::Query;

/// A language flaglint parses with tree-sitter.
pub struct Language {
    /// The name used in `languages = [...]` and in output.
    pub name: &'static str,
    /// File extensions, lowercase, without the dot.
    pub extensions: &'static [&'static str],
    grammar: fn() -> tree_sitter::Language,
    query_source: &'static str,
    query: OnceLock<Query>,
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
    /// A string literal node's text to the string it denotes, or `None` if
    /// it is not static (an interpolation, an escape flaglint cannot read).
    pub unquote: fn(&str) -> Option<String>,
}

impl Language {
    pub fn grammar(&self) -> tree_sitter::Language {
        (self.grammar)()
    }

    /// The compiled query, compiled once per run.
    pub fn query(&self) -> &Query {
        self.query.get_or_init(|| {
            Query::new(&self.grammar(), self.query_source).unwrap_or_else(|err| {
                panic!("the built-in {} query does not compile: {err}", self.name)
            })
        })
    }
}

/// Every language name the registry accepts in `languages = [...]`; the ones
/// without a grammar here yet are read as text.
pub const NAMES: [&str; 10] = [
    "rust",
    "python",
    "javascript",
    "typescript",
    "go",
    "java",
    "ruby",
    "csharp",
    "kotlin",
    "php",
];

pub static LANGUAGES: [Language; 1] = [Language {
    name: "rust",
    extensions: &["rs"],
    grammar: || tree_sitter_rust::LANGUAGE.into(),
    query_source: include_str!("queries/rust.scm"),
    query: OnceLock::new(),
    string_kinds: &["string_literal", "raw_string_literal"],
    call_kinds: &["call_expression"],
    conversions: &["to_string", "to_owned", "into", "from"],
    name_kinds: &["identifier", "scoped_identifier", "field_expression"],
    transparent_kinds: &["reference_expression", "parenthesized_expression"],
    comment_kinds: &["line_comment", "block_comment"],
    token_tree_kind: Some("token_tree"),
    unquote: unquote_rust,
}];

/// The language whose grammar covers `path`, by extension.
pub fn for_path(path: &Path) -> Option<&'static Language> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    LANGUAGES
        .iter()
        .find(|language| language.extensions.contains(&extension.as_str()))
}

/// `"a"`, `r"a"`, `r#"a"#`, `b"a"`: the text between the quotes, with the
/// common escapes of non-raw strings decoded.
fn unquote_rust(text: &str) -> Option<String> {
    let body = text.trim_start_matches(['b', 'c']);
    if let Some(raw) = body.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let fence = &raw[..hashes];
        let inner = raw[hashes..].strip_prefix('"')?;
        let inner = inner.strip_suffix(fence)?.strip_suffix('"')?;
        return Some(inner.to_string());
    }
    let inner = body.strip_prefix('"')?.strip_suffix('"')?;
    unescape(inner)
}

/// Decodes `\\`, `\"`, `\'`, `\n`, `\r`, `\t`, `\0`; anything else is not a
/// key flaglint can vouch for.
fn unescape(inner: &str) -> Option<String> {
    if !inner.contains('\\') {
        return Some(inner.to_string());
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            '"' => '"',
            '\'' => '\'',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            _ => return None,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_compiles() {
        for language in &LANGUAGES {
            language.query();
        }
    }

    #[test]
    fn rust_strings() {
        assert_eq!(unquote_rust(r#""new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(unquote_rust(r##"r#"new-ui"#"##).as_deref(), Some("new-ui"));
        assert_eq!(unquote_rust(r#"r"new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(unquote_rust(r#"b"new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(unquote_rust(r#""a\"b""#).as_deref(), Some("a\"b"));
        assert_eq!(unquote_rust(r#""\u{1F600}""#), None);
    }

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
}
