//! Extraction from source a grammar covers. A file's tree is walked once
//! (`capture`, in `captures.rs`): every string literal is kept, and the
//! language's `visit` function (`lang/<name>.rs`) gathers what else it
//! recognises into [`Captures`]. Then [`FileContext`] applies each reference shape to what
//! was gathered, one module each, in this order (a string an earlier shape
//! counted is not counted again as a literal):
//!
//! 1. calls (`call.rs`; JSX elements are read as calls, their attributes
//!    as keyword arguments);
//! 2. flag objects (`object.rs`): declarations, then member reads;
//! 3. calls inside macro arguments (`macro_tokens.rs`);
//! 4. custom queries (`query/`), which run on the tree themselves;
//! 5. string literals equal to a declared key or alias (`literal`, here).
//!
//! What the shapes share: resolving a key (`resolve.rs`: a string
//! literal, a constant of this file, its imports or the enclosing
//! function, or a name left for another file to define), and, here,
//! recording a reference (`record` for a call's key, which may be dynamic
//! or defined elsewhere; `reference` for one already known).
//!
//! # How to add a shape
//!
//! 1. Write a module here, `tree/<shape>.rs`, whose doc says what counts,
//!    with an `impl FileContext` method that turns one gathered item into
//!    references through `resolve`, `record` and `reference`. Declare it
//!    at the bottom of this file.
//! 2. Say what the visitor must gather: a field of [`Captures`] and a
//!    method that fills it (as `call`, or `binding` and `read`, which
//!    gather only when the run has flag objects for the language, since
//!    most runs have none). Call the method from the visitor of each
//!    language the shape exists in (`lang/<name>.rs`); node kinds the
//!    shape needs per language are a field of the `Language` row (as
//!    `token_tree_kind`, `keyword_argument`).
//! 3. Apply it in [`extract`]: a loop over the new field, placed before
//!    the literals (and before any shape that must not count the same
//!    strings twice).
//! 4. If its references are a new kind, add a `RefKind` (`types/
//!    reference.rs`) with its name in output, and decide whether rules
//!    treat it as a call (a declaring reference) or as a literal.
//! 5. If the registry configures it, add its settings: a field of
//!    [`Settings`](super::Settings) and [`Extractor`] (with its names in
//!    the prefilter's needles), filled by `pipeline.rs` from a new
//!    `[[scan.<shape>]]` table (`registry/raw.rs`, `registry/scan.rs`,
//!    the JSON schema) and from SDK presets' fields (`registry/sdk.rs`,
//!    `registry/sdk_presets.toml`).
//! 6. Describe it in the README's "What counts as a reference".
//! 7. Add an end-to-end fixture under `testdata/` (as `testdata/shapes/`
//!    has for hooks, JSX components and flag objects) and a `tests/cmd`
//!    case that runs it, and unit tests in the module (`extract::testing`
//!    has the helpers).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use tree_sitter::{Node, Parser};

use super::lang::Language;
use super::{ConstantKey, Extractor, FileRefs};
use crate::types::{CallPattern, DynamicKey, FlagRef, LineIndex, ObjectSource, RefKind};
pub(in crate::extract) use captures::Captures;
use captures::{Import, capture};
use resolve::Key;

thread_local! {
    /// One parser per thread and language, reused for every file.
    static PARSERS: RefCell<HashMap<usize, Parser>> = RefCell::new(HashMap::new());
}

/// The tree of `source`, or of only its byte ranges `within` (in order,
/// apart) when some are given.
fn parse(
    language: &Language,
    source: &str,
    within: &[std::ops::Range<usize>],
) -> Option<tree_sitter::Tree> {
    PARSERS.with(|parsers| {
        let mut parsers = parsers.borrow_mut();
        // Keyed by the table entry: TypeScript and TSX share a name.
        let key = language as *const Language as usize;
        let parser = parsers.entry(key).or_insert_with(|| {
            let mut parser = Parser::new();
            parser
                .set_language(&language.grammar())
                .expect("the grammar matches the tree-sitter version");
            parser
        });
        parser.reset();
        if within.is_empty() {
            return parser.parse(source, None);
        }
        let lines = LineIndex::new(source);
        let point = |at: usize| {
            let row = lines.line_of(at) - 1;
            let start = lines.line_start(row + 1).unwrap_or(0);
            tree_sitter::Point::new(row, at - start)
        };
        let ranges: Vec<tree_sitter::Range> = within
            .iter()
            .map(|range| tree_sitter::Range {
                start_byte: range.start,
                end_byte: range.end,
                start_point: point(range.start),
                end_point: point(range.end),
            })
            .collect();
        parser.set_included_ranges(&ranges).ok()?;
        let tree = parser.parse(source, None);
        parser
            .set_included_ranges(&[])
            .expect("the whole file is a valid range");
        tree
    })
}

/// The start of the function `node` (in the tree under `root`) is inside
/// (plus one), or 0 at the top level: the scope of a local constant.
pub(in crate::extract) fn scope(root: Node, node: Node) -> usize {
    enclosing(root, node)
        .into_iter()
        .find(|around| FUNCTION_KINDS.contains(&around.kind()))
        .map_or(0, |function| function.start_byte() + 1)
}

/// The nodes around `node` in the tree under `root`, innermost first:
/// found in one descent from the root, where `Node::parent` descends
/// again for each.
fn enclosing<'t>(root: Node<'t>, node: Node<'t>) -> Vec<Node<'t>> {
    let mut around = Vec::new();
    let mut current = root;
    while current != node {
        around.push(current);
        match current.child_with_descendant(node) {
            Some(next) => current = next,
            None => break,
        }
    }
    around.reverse();
    around
}

/// Node kinds of functions, in every grammar: a name declared inside one
/// is local to it.
const FUNCTION_KINDS: [&str; 12] = [
    "function_declaration",
    "function_expression",
    "arrow_function",
    "method_definition",
    "function",
    "generator_function_declaration",
    "function_definition",
    "function_item",
    "closure_expression",
    "method_declaration",
    "func_literal",
    "lambda",
];

/// One file being read: the run's settings that apply to its language, its
/// constants, and the references found so far. Each shape is a set of its
/// methods, in its own module.
struct FileContext<'a> {
    extractor: &'a Extractor,
    language: &'static Language,
    source: &'a str,
    root: Node<'a>,
    lines: LineIndex,
    path: &'a str,
    constants: HashMap<String, Option<String>>,
    locals: HashMap<(usize, String), Option<String>>,
    imports: HashMap<&'a str, Import<'a>>,
    /// Patterns that apply to this language.
    calls: Vec<&'a CallPattern>,
    /// Flag objects that apply to this language.
    objects: Vec<&'a ObjectSource>,
    /// Names that hold a flag object, with the function they are local to.
    holders: HashSet<(&'a str, usize)>,
    /// Byte offsets of string literals already counted as a call's key.
    consumed: HashSet<usize>,
    /// What resolution looked up, for `items.rs`.
    consulted: RefCell<Consulted>,
    out: FileRefs,
}

pub(super) fn extract(
    extractor: &Extractor,
    language: &'static Language,
    source: &str,
    path: &str,
) -> FileRefs {
    match parse(language, source, &[]) {
        Some(tree) => read(extractor, language, source, path, &tree).0,
        None => FileRefs::default(),
    }
}

/// The references in the byte ranges `within` of `source` alone, and the
/// names their resolution looked up; `None` if that tree has an error,
/// which the whole file's may not.
pub(super) fn extract_within(
    extractor: &Extractor,
    language: &'static Language,
    source: &str,
    path: &str,
    within: &[std::ops::Range<usize>],
) -> Option<(FileRefs, Consulted)> {
    let tree = parse(language, source, within)?;
    if tree.root_node().has_error() {
        return None;
    }
    Some(read(extractor, language, source, path, &tree))
}

/// The names a key's resolution looked up. Where only some pieces were
/// parsed, a piece that may define one (or, for a name holding a flag
/// object, that spells it) must be parsed too (`items.rs`).
#[derive(Debug, Default)]
pub(super) struct Consulted {
    /// Names of constants, imports, locals and parameters.
    pub defined: Vec<String>,
    /// Names that hold a flag object: every read of them counts.
    pub used: Vec<String>,
}

/// The references in `tree`, and the names resolution looked up.
fn read(
    extractor: &Extractor,
    language: &'static Language,
    source: &str,
    path: &str,
    tree: &tree_sitter::Tree,
) -> (FileRefs, Consulted) {
    let objects: Vec<&ObjectSource> = extractor
        .objects
        .iter()
        .filter(|object| {
            object.languages.is_empty() || object.languages.iter().any(|l| l == language.name)
        })
        .collect();
    let captures = capture(
        language,
        source,
        tree.root_node(),
        !objects.is_empty(),
        (language.module)(path),
    );
    let (custom, warnings) =
        query::custom_keys(extractor, language, source, tree.root_node(), path);
    let mut file = FileContext {
        extractor,
        language,
        source,
        root: tree.root_node(),
        lines: LineIndex::new(source),
        path,
        constants: captures.constants,
        locals: captures.locals,
        imports: captures.imports,
        calls: extractor
            .calls
            .iter()
            .filter(|pattern| {
                pattern.languages.is_empty() || pattern.languages.iter().any(|l| l == language.name)
            })
            .collect(),
        objects,
        holders: HashSet::new(),
        consumed: HashSet::new(),
        consulted: RefCell::new(Consulted::default()),
        out: FileRefs::default(),
    };
    file.consumed
        .extend(captures.ignored.iter().map(|node| node.start_byte()));
    for (callee, receiver, arguments) in captures.calls {
        file.call(callee, receiver, arguments);
    }
    for (name, value) in captures.bindings {
        file.binding(name, value);
    }
    for (object, member) in captures.reads {
        file.read(object, member);
    }
    for tokens in captures.token_trees {
        file.token_tree(tokens);
    }
    for node in custom {
        file.custom(node);
    }
    for string in captures.strings {
        file.literal(string);
    }
    file.out.warnings = warnings;
    file.out.constants = file
        .constants
        .iter()
        .map(|(name, value)| (name.to_string(), value.clone()))
        .collect();
    (file.out, file.consulted.into_inner())
}

/// Only the string constants a file defines (in its byte ranges `within`
/// alone, if any are given).
pub(super) fn constants(
    language: &'static Language,
    source: &str,
    path: &str,
    within: &[std::ops::Range<usize>],
) -> Vec<(String, Option<String>)> {
    let tree = match parse(language, source, within) {
        Some(tree) if within.is_empty() || !tree.root_node().has_error() => tree,
        // The pieces alone do not parse: the whole file may.
        Some(_) => return constants(language, source, path, &[]),
        None => return Vec::new(),
    };
    let captures = capture(
        language,
        source,
        tree.root_node(),
        false,
        (language.module)(path),
    );
    captures.constants.into_iter().collect()
}

pub(in crate::extract) fn text<'s>(source: &'s str, node: Node) -> &'s str {
    &source[node.byte_range()]
}

impl<'a> FileContext<'a> {
    /// Notes that resolution looked up the definition of `name`.
    fn consult(&self, name: &str) {
        self.consulted.borrow_mut().defined.push(name.to_string());
    }

    /// Notes that `name` holds a flag object.
    fn consult_uses(&self, name: &str) {
        self.consulted.borrow_mut().used.push(name.to_string());
    }

    fn pattern_for(&self, segments: &[&str]) -> Option<&'a CallPattern> {
        self.calls
            .iter()
            .copied()
            .find(|pattern| pattern.matches(segments, self.language.name))
    }

    fn record(&mut self, key: Key, span: std::ops::Range<usize>, pattern: &CallPattern) {
        let location = self.lines.location(self.source, self.path, span);
        match key {
            Key::Static(key, literal) => {
                if let Some(start) = literal {
                    self.consumed.insert(start);
                }
                self.out.refs.push(FlagRef {
                    flag: key,
                    location,
                    kind: RefKind::Call,
                    language: self.language.name,
                });
            }
            Key::Elsewhere(qualified, name) => self.out.elsewhere.push(ConstantKey {
                name,
                qualified,
                call: DynamicKey {
                    location,
                    callee: pattern.callee.clone(),
                },
                language: self.language.name,
                kind: RefKind::Call,
            }),
            Key::Dynamic => self.out.dynamic.push(DynamicKey {
                location,
                callee: pattern.callee.clone(),
            }),
        }
    }

    /// A reference spelled `key` at `node`, which no later shape counts
    /// again.
    fn reference(&mut self, key: String, node: Node, kind: RefKind) {
        self.consumed.insert(node.start_byte());
        self.out.refs.push(FlagRef {
            flag: key,
            location: self
                .lines
                .location(self.source, self.path, node.byte_range()),
            kind,
            language: self.language.name,
        });
    }

    fn literal(&mut self, node: Node) {
        if self.consumed.contains(&node.start_byte()) {
            return;
        }
        let Some(value) = (self.language.unquote)(text(self.source, node)) else {
            return;
        };
        if self.extractor.is_spelling(&value) {
            self.reference(value, node, RefKind::Literal);
        }
    }
}

mod call;
mod captures;
mod macro_tokens;
mod object;
pub(super) mod query;
mod resolve;
