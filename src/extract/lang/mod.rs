//! Languages as data: which files a grammar covers, the function that
//! recognises calls and constants in its trees, how its string literals
//! read, and the few node kinds the generic extractor in `tree/` needs to
//! know.
//!
//! Each language is one file here, as ast-grep keeps them: its [`Language`]
//! row (the JavaScript family has three: JavaScript, TypeScript and TSX
//! share a visitor), its visitor, its string unquoting and their unit
//! tests. This module holds what they share: the row's type, the table
//! that assembles the rows, and the helpers visitors and unquoting use.
//!
//! # Visitors
//!
//! A visitor is called for every named node of a file's tree, in document
//! order, and says what the node means to flaglint by calling `Captures`:
//! a call (`call`), a string constant (`constant`, `constant_named`,
//! `local`), a string that is not a reference (`ignored`), a macro's token
//! tree (`token_trees`), and for flag objects a declaration (`binding`) and
//! a member read (`read`). Visitors used to be tree-sitter queries;
//! compiling those cost 70 ms and 20 MB of every run (the query compiler
//! reads the grammar's whole parse table), more than parsing a small
//! repository, so the same patterns are plain code. Users'
//! `[[scan.queries]]` are still queries.
//!
//! Strings need no visitor: every node of a kind in the row's
//! `string_kinds` is one.
//!
//! # How to add a language
//!
//! 1. Add its tree-sitter grammar crate to `Cargo.toml`.
//! 2. Write `lang/<name>.rs`: a `LANGUAGE` row (grammar, extensions and
//!    node kinds; see the fields of [`Language`]), a `visit` function (given
//!    each named node and its kind's name) built from the helpers here
//!    (`call_by_fields`, `method_call`, `field`, `child`), an `unquote`
//!    function built from `between`, `inside` and `unescape`, and unit
//!    tests of both (`testing::extract_file` for the visitor).
//! 3. Declare the module below and add the row to [`LANGUAGES`] (and count
//!    it in `GRAMMARS`).
//! 4. Add its name to `types::language::NAMES`, which the registry accepts
//!    (`every_accepted_name_has_a_grammar_and_every_grammar_a_name` keeps
//!    the two together).
//! 5. Add its row to the README's language table.
//! 6. Add a fixture: a file in the language under `testdata/polyglot/`
//!    with a call, a constant and a literal, so `tests/cmd/polyglot*.toml`
//!    prove it end to end (rewrite their expected output on purpose, and
//!    read the diff).

mod bash;
mod csharp;
mod go;
mod java;
mod javascript;
mod kotlin;
mod php;
mod python;
mod ruby;
mod rust;

use std::path::Path;
use std::sync::OnceLock;

use tree_sitter::Node;

use super::lex::{Quote, Syntax};
use super::tree::Captures;

/// A language flaglint parses with tree-sitter.
pub struct Language {
    /// The name used in `languages = [...]` and in output.
    pub name: &'static str,
    /// File extensions, lowercase, without the dot.
    pub extensions: &'static [&'static str],
    grammar: fn() -> tree_sitter::Language,
    /// Recognises the calls, constants and docstrings among a tree's nodes;
    /// given each node with its kind's name.
    pub(super) visit: for<'t> fn(Node<'t>, &str, &mut Captures<'t>),
    /// Node kinds of a string literal.
    pub string_kinds: &'static [&'static str],
    /// Node kinds of a call expression (to see through `"x".to_string()`).
    pub call_kinds: &'static [&'static str],
    /// Calls that convert a string without changing it; [`TYPE_NAME`]
    /// stands for any name that starts with an upper-case letter.
    pub conversions: &'static [&'static str],
    /// Node kinds that name a constant: identifiers and paths.
    pub name_kinds: &'static [&'static str],
    /// Node kinds that wrap one expression without changing its value.
    pub transparent_kinds: &'static [&'static str],
    /// Node kinds that are no argument, skipped when counting arguments:
    /// comments (and a shell command's name and assignments).
    pub skipped_kinds: &'static [&'static str],
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
    /// Bytes that open and close a string literal's text: a key is a
    /// candidate only between two of them (`candidates.rs`). Empty: anywhere
    /// (shell, whose words end at nearly any character).
    pub quotes: &'static [u8],
    /// A name followed by `:` may define a constant: a member of a
    /// constant object (JavaScript's `FLAGS = { A: "a" }`), or a name with
    /// its type (`A: Final = "a"`, `A: &str = "a"`, whose type may hold
    /// anything, `Callable[[str], bool]`).
    pub colon_defines: bool,
    /// The words that begin an import statement the visitor reads
    /// (`import { A } from`, `from x import A`): a name a key's resolution
    /// looks up may be defined there (`items.rs`).
    pub imports: &'static [&'static str],
    /// Calls need no parentheses (Ruby, shell): any occurrence of a call
    /// name with its path is a candidate.
    pub calls_without_parentheses: bool,
    /// Comment and string syntax for the lexer (`lex.rs`): a file whose
    /// only candidates are keys is then read without a tree. `None`: such
    /// files are parsed.
    pub syntax: Option<&'static Syntax>,
    /// The module a file is, by its path, whose name qualifies the file's
    /// constants (`keys::A`, `flags.A`) and names it in imports; `None`
    /// where files are not modules (see [`module_of`]).
    pub module: fn(&str) -> Option<&str>,
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

    /// The grammar's node kind names by id (`Node::kind_id`), read once per
    /// run: `Node::kind` measures its name and checks its UTF-8 at each
    /// call, which was 3% of a run that visits every node.
    pub(in crate::extract) fn kind_names(&'static self) -> &'static [Box<str>] {
        static KIND_NAMES: [OnceLock<Box<[Box<str>]>>; GRAMMARS] =
            [const { OnceLock::new() }; GRAMMARS];
        let index = LANGUAGES
            .iter()
            .position(|language| std::ptr::eq(language, self))
            .expect("every language is a row of LANGUAGES");
        KIND_NAMES[index].get_or_init(|| {
            let grammar = self.grammar();
            (0..grammar.node_kind_count())
                .map(|id| {
                    u16::try_from(id)
                        .ok()
                        .and_then(|id| grammar.node_kind_for_id(id))
                        .unwrap_or_default()
                        .into()
                })
                .collect()
        })
    }
}

/// The name of `node`'s kind, as `Node::kind` gives it, from `names`
/// ([`Language::kind_names`] of its grammar).
pub(in crate::extract) fn kind_name<'n>(names: &'static [Box<str>], node: Node<'n>) -> &'n str {
    match names.get(usize::from(node.kind_id())) {
        Some(name) => name,
        // Beyond the table: tree-sitter's own `ERROR` symbols.
        None => node.kind(),
    }
}

/// In [`Language::conversions`]: a call of a capitalised name on one
/// string is a type conversion (Go's `Feature("k")`, `featuregate.Feature("k")`).
pub const TYPE_NAME: &str = "<Type>";

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

/// How many rows [`LANGUAGES`] has.
const GRAMMARS: usize = 12;

/// Every grammar, one row each; the first whose extensions cover a file
/// parses it.
pub static LANGUAGES: [Language; GRAMMARS] = [
    rust::LANGUAGE,
    python::LANGUAGE,
    javascript::JAVASCRIPT,
    javascript::TYPESCRIPT,
    javascript::TSX,
    go::LANGUAGE,
    java::LANGUAGE,
    ruby::LANGUAGE,
    csharp::LANGUAGE,
    kotlin::LANGUAGE,
    php::LANGUAGE,
    bash::LANGUAGE,
];

/// The language whose grammar covers `path`, by extension.
pub fn for_path(path: &Path) -> Option<&'static Language> {
    for_extension(path.extension()?.to_str()?)
}

/// The language whose grammar covers files ending in `.extension`, in any
/// case.
pub fn for_extension(extension: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|language| {
        language
            .extensions
            .iter()
            .any(|known| known.eq_ignore_ascii_case(extension))
    })
}

/// For [`Language::module`]: a file is the module named by its stem
/// (`src/keys.rs` is `keys`), and a file named `index` stands for its
/// directory (`flags/index.ts` is `flags`); `roots` name no module
/// (`lib.rs`, `main.rs`).
fn module_of<'p>(path: &'p str, index: &str, roots: &[&str]) -> Option<&'p str> {
    let mut parts = path.rsplit(['/', '\\']);
    let file = parts.next()?;
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    if stem == index {
        parts.next()
    } else if roots.contains(&stem) || stem.is_empty() {
        None
    } else {
        Some(stem)
    }
}

/// For [`Language::module`], where files are not modules.
fn no_module(_: &str) -> Option<&str> {
    None
}

// Visitor helpers.

/// The child in `field`, if it is one of `kinds` (any kind if empty).
fn field<'t>(node: Node<'t>, name: &str, kinds: &[&str]) -> Option<Node<'t>> {
    node.child_by_field_name(name)
        .filter(|child| kinds.is_empty() || kinds.contains(&child.kind()))
}

/// The first named child of one of `kinds`.
fn child<'t>(node: Node<'t>, kinds: &[&str]) -> Option<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .find(|child| kinds.contains(&child.kind()))
}

/// `(call_expression function: [...] @callee arguments: (arguments) @arguments)`
/// and its equivalents: a call whose callee and arguments are fields.
fn call_by_fields<'t>(
    node: Node<'t>,
    found: &mut Captures<'t>,
    callee: (&str, &[&str]),
    arguments: (&str, &str),
) {
    found.call(
        field(node, callee.0, callee.1),
        None,
        field(node, arguments.0, &[arguments.1]),
    );
}

/// A method call that names its receiver apart from the method
/// (Java, Ruby, PHP): `receiver.method(arguments)`.
fn method_call<'t>(node: Node<'t>, found: &mut Captures<'t>, fields: [&str; 3], kinds: [&str; 2]) {
    let [receiver, method, arguments] = fields;
    found.call(
        field(node, method, &[kinds[0]]),
        node.child_by_field_name(receiver),
        field(node, arguments, &[kinds[1]]),
    );
}

// String helpers. An `unquote` function turns a literal's text into the
// string it denotes; `None` means the value is not static (an
// interpolation) or uses an escape flaglint does not decode: such a literal
// is never a key.

/// The text between `quote` at both ends, if `text` is so quoted.
fn between<'a>(text: &'a str, quote: &str) -> Option<&'a str> {
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    (text.len() >= 2 * quote.len()).then_some(inner)
}

/// The text inside the first of `quotes` that encloses `text`.
fn inside<'a>(text: &'a str, quotes: &[&str]) -> Option<&'a str> {
    quotes.iter().find_map(|quote| between(text, quote))
}

/// Decodes `\\`, `\"`, `\'`, `` \` ``, `\n`, `\r`, `\t`, `\0`.
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
            c @ ('\\' | '"' | '\'' | '`') => c,
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            _ => return None,
        });
    }
    Some(out)
}

/// Text between `raw` quotes as it stands, else `"a"` with its escapes
/// decoded (Go's `` `a` ``, C#'s `"""a"""`).
fn raw_or_quoted(text: &str, raw: &str) -> Option<String> {
    match between(text, raw) {
        Some(inner) => Some(inner.to_string()),
        None => unescape(between(text, "\"")?),
    }
}

/// A single-quoted string's text, whose only escapes are `\'` and `\\`
/// (Ruby, PHP).
fn single_quoted(inner: &str) -> String {
    inner.replace("\\'", "'").replace("\\\\", "\\")
}

/// `$name` or `${`: an interpolation in Kotlin or PHP.
fn has_template(inner: &str) -> bool {
    inner.match_indices('$').any(|(at, _)| {
        inner[at + 1..].starts_with(|c: char| c == '{' || c == '_' || c.is_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_kinds_tree_sitter_gives() {
        // Every fixture file a grammar covers, and one with a syntax error
        // (`ERROR` is beyond the table).
        let mut sources = vec![("broken.rs".to_string(), "fn f( { let = ;".to_string())];
        let mut dirs = vec![std::path::PathBuf::from("testdata")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let (Some(_), Ok(text)) =
                    (for_path(&path), std::fs::read_to_string(&path))
                {
                    sources.push((path.display().to_string(), text));
                }
            }
        }
        let mut nodes = 0;
        for (path, text) in &sources {
            let language = for_path(Path::new(path)).unwrap();
            let mut parser = tree_sitter::Parser::new();
            parser.set_language(&language.grammar()).unwrap();
            let tree = parser.parse(text, None).unwrap();
            let names = language.kind_names();
            let mut cursor = tree.walk();
            loop {
                let node = cursor.node();
                assert_eq!(kind_name(names, node), node.kind(), "{path}");
                nodes += 1;
                if cursor.goto_first_child() {
                    continue;
                }
                while !cursor.goto_next_sibling() {
                    if !cursor.goto_parent() {
                        break;
                    }
                }
                if cursor.node() == tree.root_node() {
                    break;
                }
            }
        }
        assert!(nodes > 10_000, "only {nodes} nodes");
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
