//! Extraction from source a grammar covers: calls, string literals and
//! constants, found by walking the tree-sitter tree once with the
//! language's `visit` function (`lang/`).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, Parser, QueryCursor};

use super::lang::Language;
use super::{ConstantKey, Extractor, FileRefs};
use crate::types::pattern::callee_segments;
use crate::types::{
    Argument, CallPattern, DynamicKey, FlagRef, KeyMode, LineIndex, ObjectSource, RefKind,
};

thread_local! {
    /// One parser per thread and language, reused for every file.
    static PARSERS: RefCell<HashMap<usize, Parser>> = RefCell::new(HashMap::new());
}

fn parse(language: &Language, source: &str) -> Option<tree_sitter::Tree> {
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
        parser.parse(source, None)
    })
}

/// What one file's tree holds for flaglint, gathered before any key is
/// resolved (a constant may be defined after its use).
pub(in crate::extract) struct Captures<'t> {
    pub(in crate::extract) language: &'static Language,
    pub(in crate::extract) source: &'t str,
    /// Callee, its receiver when the grammar splits them (Java, Ruby, PHP),
    /// and the argument list.
    calls: Vec<(Node<'t>, Option<Node<'t>>, Node<'t>)>,
    /// Strings that are not references: docstrings.
    pub(in crate::extract) ignored: Vec<Node<'t>>,
    strings: Vec<Node<'t>>,
    pub(in crate::extract) token_trees: Vec<Node<'t>>,
    /// Constant name to value; `None` when the name is defined twice with
    /// different values. A member of an enum or a constant object is also
    /// under its qualified name (`Flags.A`), a Go constant under its
    /// package's (`features.A`).
    constants: HashMap<String, Option<String>>,
    /// Constants declared inside a function, by the function's start (see
    /// `scope`): visible there only, never to another file.
    locals: HashMap<(usize, String), Option<String>>,
    /// The file's package (Go), which qualifies its constants.
    pub(in crate::extract) package: Option<&'t str>,
    /// Whether the run has flag objects for this language: only then are
    /// the next two gathered (`objects.rs`).
    pub(super) objects: bool,
    /// Declarations, name (or pattern) and value.
    bindings: Vec<(Node<'t>, Node<'t>)>,
    /// Member reads, object and property (or index).
    reads: Vec<(Node<'t>, Node<'t>)>,
}

impl<'t> Captures<'t> {
    fn new(language: &'static Language, source: &'t str, objects: bool) -> Self {
        Captures {
            language,
            source,
            calls: Vec::new(),
            ignored: Vec::new(),
            strings: Vec::new(),
            token_trees: Vec::new(),
            constants: HashMap::new(),
            locals: HashMap::new(),
            package: None,
            objects,
            bindings: Vec::new(),
            reads: Vec::new(),
        }
    }

    /// A declaration, for flag objects.
    pub(in crate::extract) fn binding(&mut self, name: Option<Node<'t>>, value: Option<Node<'t>>) {
        if let (true, Some(name), Some(value)) = (self.objects, name, value) {
            self.bindings.push((name, value));
        }
    }

    /// A member read, for flag objects.
    pub(in crate::extract) fn read(&mut self, object: Option<Node<'t>>, member: Option<Node<'t>>) {
        if let (true, Some(object), Some(member)) = (self.objects, object, member) {
            self.reads.push((object, member));
        }
    }

    /// A call, if the grammar's shape gave both its callee and arguments.
    pub(in crate::extract) fn call(
        &mut self,
        callee: Option<Node<'t>>,
        receiver: Option<Node<'t>>,
        arguments: Option<Node<'t>>,
    ) {
        if let (Some(callee), Some(arguments)) = (callee, arguments) {
            self.calls.push((callee, receiver, arguments));
        }
    }

    /// A constant, if it has a name and a string literal for a value; a Go
    /// constant also under its package's name.
    pub(in crate::extract) fn constant(&mut self, name: Option<Node<'t>>, value: Option<Node<'t>>) {
        let Some(name) = name else {
            return;
        };
        let name = text(self.source, name);
        if let Some(package) = self.package {
            self.constant_named(format!("{package}.{name}"), value);
        }
        self.constant_named(name.to_string(), value);
    }

    /// A constant under a name of the visitor's making (`Enum.Member`).
    pub(in crate::extract) fn constant_named(&mut self, name: String, value: Option<Node<'t>>) {
        let Some(value) = self.string_value(value) else {
            return;
        };
        define(&mut self.constants, name, value);
    }

    /// A constant local to the function starting at `scope`.
    pub(in crate::extract) fn local(
        &mut self,
        scope: usize,
        name: Option<Node<'t>>,
        value: Option<Node<'t>>,
    ) {
        let (Some(name), Some(value)) = (name, self.string_value(value)) else {
            return;
        };
        define(
            &mut self.locals,
            (scope, text(self.source, name).to_string()),
            value,
        );
    }

    /// The string a value node denotes (`None` inside when it is not
    /// static), if it is a string literal.
    fn string_value(&self, value: Option<Node<'t>>) -> Option<Option<String>> {
        let value = value?;
        self.language
            .string_kinds
            .contains(&value.kind())
            .then(|| (self.language.unquote)(text(self.source, value)))
    }
}

/// Records `name = value`; a second, different value makes it ambiguous.
fn define<K: std::hash::Hash + Eq>(
    table: &mut HashMap<K, Option<String>>,
    name: K,
    value: Option<String>,
) {
    table
        .entry(name)
        .and_modify(|known| {
            if *known != value {
                *known = None;
            }
        })
        .or_insert(value);
}

/// The start of the function `node` is inside (plus one), or 0 at the top
/// level: the scope of a local constant.
pub(in crate::extract) fn scope(node: Node) -> usize {
    let mut current = node.parent();
    while let Some(parent) = current {
        if FUNCTION_KINDS.contains(&parent.kind()) {
            return parent.start_byte() + 1;
        }
        current = parent.parent();
    }
    0
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

struct FileContext<'a> {
    extractor: &'a Extractor,
    language: &'static Language,
    source: &'a str,
    lines: LineIndex,
    path: &'a str,
    constants: HashMap<String, Option<String>>,
    locals: HashMap<(usize, String), Option<String>>,
    /// Patterns that apply to this language.
    calls: Vec<&'a CallPattern>,
    /// Flag objects that apply to this language.
    objects: Vec<&'a ObjectSource>,
    /// Names that hold a flag object, with the function they are local to.
    holders: HashSet<(&'a str, usize)>,
    /// Byte offsets of string literals already counted as a call's key.
    consumed: HashSet<usize>,
    out: FileRefs,
}

pub(super) fn extract(
    extractor: &Extractor,
    language: &'static Language,
    source: &str,
    path: &str,
) -> FileRefs {
    let Some(tree) = parse(language, source) else {
        return FileRefs::default();
    };
    let objects: Vec<&ObjectSource> = extractor
        .objects
        .iter()
        .filter(|object| {
            object.languages.is_empty() || object.languages.iter().any(|l| l == language.name)
        })
        .collect();
    let captures = capture(language, source, tree.root_node(), !objects.is_empty());
    let (custom, warnings) = custom_keys(extractor, language, source, tree.root_node(), path);
    let mut file = FileContext {
        extractor,
        language,
        source,
        lines: LineIndex::new(source),
        path,
        constants: captures.constants,
        locals: captures.locals,
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
    file.out
}

/// How long the `[[scan.queries]]` may run on one file, together: a query
/// written with nested quantifiers can take minutes on a short file.
const QUERY_BUDGET: std::time::Duration = std::time::Duration::from_secs(1);

/// The most matches in progress one query may hold at once (tree-sitter's
/// own default has no bound).
const QUERY_MATCH_LIMIT: u32 = 1_024;

/// The nodes the `[[scan.queries]]` for this grammar capture as keys, and a
/// warning for each query stopped at a limit.
fn custom_keys<'t>(
    extractor: &Extractor,
    language: &'static Language,
    source: &'t str,
    root: Node<'t>,
    path: &str,
) -> (Vec<Node<'t>>, Vec<String>) {
    let mut nodes = Vec::new();
    let mut warnings = Vec::new();
    let started = std::time::Instant::now();
    for custom in extractor.queries_for(language) {
        let mut cursor = QueryCursor::new();
        cursor.set_match_limit(QUERY_MATCH_LIMIT);
        let mut out_of_time = false;
        let mut progress = |_: &tree_sitter::QueryCursorState| {
            if started.elapsed() > QUERY_BUDGET {
                out_of_time = true;
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        };
        let options = tree_sitter::QueryCursorOptions::new().progress_callback(&mut progress);
        let mut matches =
            cursor.matches_with_options(&custom.query, root, source.as_bytes(), options);
        while let Some(found) = matches.next() {
            nodes.extend(
                found
                    .captures()
                    .iter()
                    .filter(|c| c.index == custom.capture)
                    .map(|c| c.node),
            );
        }
        drop(matches);
        let limit = if out_of_time {
            Some(format!("ran out of its {} s", QUERY_BUDGET.as_secs()))
        } else if cursor.did_exceed_match_limit() {
            Some(format!("held over {QUERY_MATCH_LIMIT} matches at once"))
        } else {
            None
        };
        if let Some(limit) = limit {
            warnings.push(format!(
                "{path}: [[scan.queries]] #{} ({}) {limit} and was stopped: references it would find here may be missing; simplify the query (fewer `*` and `+` quantifiers)",
                custom.number, language.name
            ));
        }
        if out_of_time {
            break;
        }
    }
    (nodes, warnings)
}

/// Only the string constants a file defines.
pub(super) fn constants(
    language: &'static Language,
    source: &str,
) -> Vec<(String, Option<String>)> {
    let Some(tree) = parse(language, source) else {
        return Vec::new();
    };
    let captures = capture(language, source, tree.root_node(), false);
    captures.constants.into_iter().collect()
}

/// Walks the whole tree once, in document order: every string literal, and
/// whatever the language's `visit` function recognises.
fn capture<'t>(
    language: &'static Language,
    source: &'t str,
    root: Node<'t>,
    objects: bool,
) -> Captures<'t> {
    let mut captures = Captures::new(language, source, objects);
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_named() {
            if language.string_kinds.contains(&node.kind()) {
                captures.strings.push(node);
            }
            (language.visit)(node, &mut captures);
        }
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return captures;
            }
        }
    }
}

/// Whether the parameter list `parameters` binds `name` (plainly, with a
/// default, or destructured).
fn declares(source: &str, parameters: Node, name: &str) -> bool {
    let mut cursor = parameters.walk();
    loop {
        let node = cursor.node();
        if matches!(
            node.kind(),
            "identifier" | "shorthand_property_identifier_pattern"
        ) && text(source, node) == name
        {
            return true;
        }
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.node() == parameters {
                return false;
            }
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return false;
            }
        }
    }
}

pub(in crate::extract) fn text<'s>(source: &'s str, node: Node) -> &'s str {
    &source[node.byte_range()]
}

/// How a key argument resolved.
enum Key {
    /// The key, and the string literal that spelled it, if one did.
    Static(String, Option<usize>),
    /// A constant this file does not define: resolved once every file is
    /// read, by its qualified name (`Flags.A`) if it has one, else its name.
    Elsewhere(Option<String>, String),
    Dynamic,
}

impl<'a> FileContext<'a> {
    fn pattern_for(&self, segments: &[&str]) -> Option<&'a CallPattern> {
        self.calls
            .iter()
            .copied()
            .find(|pattern| pattern.matches(segments, self.language.name))
    }

    fn call(&mut self, callee: Node, receiver: Option<Node>, arguments: Node) {
        // PHP's `$flags->is_enabled()` calls a method of the variable `flags`.
        let mut segments: Vec<&str> = receiver.map_or_else(Vec::new, |r| {
            callee_segments(text(self.source, r))
                .into_iter()
                .map(|segment| segment.trim_start_matches('$'))
                .collect()
        });
        segments.extend(callee_segments(text(self.source, callee)));
        if let Some((pattern, key)) = self.calls.iter().find_map(|pattern| {
            Some((
                *pattern,
                pattern.key_in_name(&segments, self.language.name)?,
            ))
        }) {
            self.record(Key::Static(key, None), callee.byte_range(), pattern);
            return;
        }
        let Some(pattern) = self.pattern_for(&segments) else {
            return;
        };
        let Some(mut argument) = self.argument(arguments, &pattern.argument) else {
            return;
        };
        if let Some(field) = &pattern.argument.field {
            match self.property(argument, field) {
                Some(value) => argument = value,
                None => return,
            }
        }
        // `useFlags(["a", "b"])`: every key of a list is one.
        let inner = self.see_through(argument);
        if self.language.array_kinds.contains(&inner.kind()) {
            let mut cursor = inner.walk();
            let elements: Vec<Node> = inner
                .named_children(&mut cursor)
                .filter(|node| !self.language.comment_kinds.contains(&node.kind()))
                .collect();
            for element in elements {
                let key = self.resolve(element, pattern.key);
                self.record(key, element.byte_range(), pattern);
            }
            return;
        }
        let key = self.resolve(argument, pattern.key);
        self.record(key, argument.byte_range(), pattern);
    }

    /// The argument node the pattern names, comments skipped.
    /// Positions count positional arguments only; a keyword is looked up by
    /// name where the language has keyword arguments.
    fn argument<'t>(&self, arguments: Node<'t>, wanted: &Argument) -> Option<Node<'t>> {
        let mut cursor = arguments.walk();
        let nodes = arguments
            .named_children(&mut cursor)
            .filter(|node| !self.language.comment_kinds.contains(&node.kind()));
        let keyword = self.language.keyword_argument;
        let is_keyword = |node: &Node| keyword.is_some_and(|k| node.kind() == k.kind);
        let nodes: Vec<Node> = nodes.collect();
        // A JSX element's attributes are its only arguments: by name.
        let jsx = arguments.kind().starts_with("jsx_");
        // The name and value of a keyword argument (a JSX attribute's
        // have no field names: name first, value second).
        let parts = |node: &Node<'t>, keyword: super::lang::KeywordArgument| {
            if keyword.name_field.is_empty() {
                (node.named_child(0), node.named_child(1))
            } else {
                (
                    node.child_by_field_name(keyword.name_field),
                    node.child_by_field_name(keyword.value_field),
                )
            }
        };
        let by_keyword = wanted
            .keyword
            .as_deref()
            .zip(keyword)
            .and_then(|(name, keyword)| {
                nodes
                    .iter()
                    .filter(|node| is_keyword(node))
                    .find_map(|node| {
                        let (named, value) = parts(node, keyword);
                        let spelled = text(self.source, named?).trim_matches(':');
                        (spelled == name).then_some(value)?
                    })
            });
        if by_keyword.is_some() || jsx {
            return by_keyword;
        }
        let positional: Vec<Node> = nodes.into_iter().filter(|node| !is_keyword(node)).collect();
        if positional.len() < wanted.min_arguments {
            return None;
        }
        // The client-side form of an SDK that puts a user first on the
        // server: a sole argument, or a string at the client's position.
        if let Some(client) = wanted.client_position {
            let client_form = positional.len() == 1
                || positional.get(client).is_some_and(|node| {
                    let node = self.see_through(*node);
                    self.is_string(node) || self.language.array_kinds.contains(&node.kind())
                });
            if client_form {
                return positional.get(client).copied();
            }
        }
        positional.get(wanted.position?).copied()
    }

    fn resolve(&self, node: Node, mode: KeyMode) -> Key {
        let node = self.see_through(node);
        let kind = node.kind();
        if self.is_string(node) {
            return match (self.language.unquote)(text(self.source, node)) {
                Some(key) => Key::Static(key, Some(node.start_byte())),
                None => Key::Dynamic,
            };
        }
        if self.language.name_kinds.contains(&kind) {
            let segments = callee_segments(text(self.source, node));
            return match segments.as_slice() {
                [] => Key::Dynamic,
                [name] => match self.local_or_parameter(node, name) {
                    Some(key) if mode == KeyMode::String => key,
                    _ => self.resolve_name(name, mode),
                },
                [.., owner, name] => match mode {
                    KeyMode::Name => Key::Static(name.to_string(), None),
                    // `feature.name` where `feature` is a parameter: data.
                    KeyMode::String
                        if segments.len() == 2
                            && matches!(
                                self.local_or_parameter(node, owner),
                                Some(Key::Dynamic)
                            ) =>
                    {
                        Key::Dynamic
                    }
                    KeyMode::String => {
                        let qualified = format!("{owner}.{name}");
                        match self.constants.get(&qualified) {
                            Some(Some(value)) => Key::Static(value.clone(), None),
                            Some(None) => Key::Dynamic,
                            None if self.language.owner_qualifies => {
                                Key::Elsewhere(Some(qualified), String::new())
                            }
                            None => match self.resolve_name(name, mode) {
                                Key::Elsewhere(_, name) => Key::Elsewhere(Some(qualified), name),
                                key => key,
                            },
                        }
                    }
                },
            };
        }
        Key::Dynamic
    }

    /// The value of property `name` of `object`, an object or dictionary
    /// literal (`{ key: Flags.A }`, `{"key": FLAG}`).
    fn property<'t>(&self, object: Node<'t>, name: &str) -> Option<Node<'t>> {
        let object = self.see_through(object);
        let mut cursor = object.walk();
        let pairs: Vec<Node> = object
            .named_children(&mut cursor)
            .filter(|node| node.kind() == "pair")
            .collect();
        pairs.into_iter().find_map(|pair| {
            let key = pair.child_by_field_name("key")?;
            let spelled = text(self.source, key).trim_matches(|c| c == '"' || c == '\'');
            (spelled == name).then(|| pair.child_by_field_name("value"))?
        })
    }

    /// A name a function around `node` declares: its local constant's
    /// value, or dynamic for a parameter (which shadows any constant).
    fn local_or_parameter(&self, node: Node, name: &str) -> Option<Key> {
        let mut current = node.parent();
        while let Some(parent) = current {
            if FUNCTION_KINDS.contains(&parent.kind()) {
                let scope = parent.start_byte() + 1;
                if let Some(value) = self.locals.get(&(scope, name.to_string())) {
                    return Some(match value {
                        Some(value) => Key::Static(value.clone(), None),
                        None => Key::Dynamic,
                    });
                }
                let parameters = parent
                    .child_by_field_name("parameters")
                    .or_else(|| parent.child_by_field_name("parameter"));
                if parameters.is_some_and(|p| declares(self.source, p, name)) {
                    return Some(Key::Dynamic);
                }
            }
            current = parent.parent();
        }
        None
    }

    /// `&KEY`, `(KEY)`, `"key".to_string()` and `String::from("key")` all
    /// stand for the key itself.
    fn see_through<'t>(&self, mut node: Node<'t>) -> Node<'t> {
        loop {
            let kind = node.kind();
            let next = if self.language.transparent_kinds.contains(&kind) {
                node.named_child(node.named_child_count().saturating_sub(1) as u32)
            } else if self.language.call_kinds.contains(&kind) {
                self.converted(node)
            } else {
                None
            };
            match next {
                Some(inner) => node = inner,
                None => return node,
            }
        }
    }

    /// The string a conversion call converts, if `call` is one.
    fn converted<'t>(&self, call: Node<'t>) -> Option<Node<'t>> {
        let function = call.child_by_field_name("function")?;
        let segments = callee_segments(text(self.source, function));
        if !segments
            .last()
            .is_some_and(|name| self.language.conversions.contains(name))
        {
            return None;
        }
        let arguments = call.child_by_field_name("arguments")?;
        let receiver = function.child_by_field_name("value");
        match (receiver, arguments.named_child_count()) {
            (Some(receiver), 0) if self.is_string(receiver) => Some(receiver),
            (None, 1) => arguments.named_child(0).filter(|arg| self.is_string(*arg)),
            _ => None,
        }
    }

    fn is_string(&self, node: Node) -> bool {
        self.language.string_kinds.contains(&node.kind())
    }

    /// A key given by name: the name itself, or the constant's value.
    fn resolve_name(&self, name: &str, mode: KeyMode) -> Key {
        match mode {
            KeyMode::Name => Key::Static(name.to_string(), None),
            KeyMode::String => match self.constants.get(name) {
                Some(Some(value)) => Key::Static(value.clone(), None),
                Some(None) => Key::Dynamic,
                None => Key::Elsewhere(None, name.to_string()),
            },
        }
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

    /// A key a `[[scan.queries]]` capture spells: a string literal's value,
    /// or the node's text (an identifier, an enum variant).
    fn custom(&mut self, node: Node) {
        let key = if self.is_string(node) {
            match (self.language.unquote)(text(self.source, node)) {
                Some(key) => key,
                None => return,
            }
        } else {
            text(self.source, node).to_string()
        };
        self.reference(key, node, RefKind::Call);
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

mod objects;
mod tokens;
