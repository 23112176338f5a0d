//! What a file's tree holds for flaglint, gathered in one walk
//! ([`capture`]) before any key is resolved: the language's visitor fills
//! [`Captures`] with calls, strings, constants, locals, imports and, when
//! the run has flag objects, declarations and member reads.

use std::collections::HashMap;

use tree_sitter::Node;

use super::text;
use crate::extract::lang::{Language, kind_name};

/// What one file's tree holds for flaglint, gathered before any key is
/// resolved (a constant may be defined after its use).
pub(in crate::extract) struct Captures<'t> {
    pub(in crate::extract) language: &'static Language,
    pub(in crate::extract) source: &'t str,
    /// The tree's root, from which `scope` finds a node's functions.
    pub(in crate::extract) root: Node<'t>,
    /// Callee, its receiver when the grammar splits them (Java, Ruby, PHP),
    /// and the argument list.
    pub(super) calls: Vec<(Node<'t>, Option<Node<'t>>, Node<'t>)>,
    /// Strings that are not references: docstrings.
    pub(in crate::extract) ignored: Vec<Node<'t>>,
    pub(super) strings: Vec<Node<'t>>,
    pub(in crate::extract) token_trees: Vec<Node<'t>>,
    /// Constant name to value; `None` when the name is defined twice with
    /// different values. A member of an enum or a constant object is also
    /// under its qualified name (`Flags.A`), a Go constant under its
    /// package's (`features.A`).
    pub(super) constants: HashMap<String, Option<String>>,
    /// Constants declared inside a function, by the function's start (see
    /// `scope`): visible there only, never to another file.
    pub(super) locals: HashMap<(usize, String), Option<String>>,
    /// The file's module (its path's, or Go's package clause), which
    /// qualifies its constants.
    pub(in crate::extract) package: Option<&'t str>,
    /// Names imported from another module (`import { A as B } from
    /// "./flags"`, `from .flags import A`): by local name, the module's name
    /// and the name it exports, or `None` for the module itself (`import *
    /// as f from "./flags"`).
    pub(super) imports: HashMap<&'t str, Import<'t>>,
    /// Whether the run has flag objects for this language: only then are
    /// the next two gathered (`object.rs`).
    pub(super) objects: bool,
    /// Declarations, name (or pattern) and value.
    pub(super) bindings: Vec<(Node<'t>, Node<'t>)>,
    /// Member reads, object and property (or index).
    pub(super) reads: Vec<(Node<'t>, Node<'t>)>,
}

impl<'t> Captures<'t> {
    fn new(language: &'static Language, source: &'t str, root: Node<'t>, objects: bool) -> Self {
        Captures {
            language,
            source,
            root,
            calls: Vec::new(),
            ignored: Vec::new(),
            strings: Vec::new(),
            token_trees: Vec::new(),
            constants: HashMap::new(),
            locals: HashMap::new(),
            package: None,
            imports: HashMap::new(),
            objects,
            bindings: Vec::new(),
            reads: Vec::new(),
        }
    }

    /// `local` names `imported` of module `module` (a path or a dotted
    /// name: `./config/flags`, `app.flags`), or the module itself.
    pub(in crate::extract) fn import(
        &mut self,
        local: Option<Node<'t>>,
        module: &'t str,
        imported: Option<Node<'t>>,
    ) {
        let Some(local) = local else {
            return;
        };
        let module = module
            .trim_matches(['"', '\'', '`'])
            .trim_end_matches(['/', '.'])
            .rsplit(['/', '.'])
            .find(|segment| !matches!(*segment, "index" | "js" | "ts" | "mjs" | "cjs" | ""));
        if let Some(module) = module {
            self.imports.insert(
                text(self.source, local),
                Import {
                    module,
                    name: imported.map(|name| text(self.source, name)),
                },
            );
        }
    }

    /// Whether declarations and member reads are gathered: a visitor asks
    /// before it looks up their fields.
    pub(in crate::extract) fn gathers_objects(&self) -> bool {
        self.objects
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
        let Some(name) = name else {
            return;
        };
        // Any other value (a call, a parameter) makes the name unknown.
        let value = self.string_value(value).unwrap_or(None);
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

/// A name this file imports.
#[derive(Clone, Copy)]
pub(super) struct Import<'t> {
    /// The module's own name: the last segment of its path.
    pub(super) module: &'t str,
    /// The name the module exports, or `None` for the module itself.
    pub(super) name: Option<&'t str>,
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

/// Walks the whole tree once, in document order: every string literal, and
/// whatever the language's `visit` function recognises.
pub(super) fn capture<'t>(
    language: &'static Language,
    source: &'t str,
    root: Node<'t>,
    objects: bool,
    module: Option<&'t str>,
) -> Captures<'t> {
    let mut captures = Captures::new(language, source, root, objects);
    captures.package = module;
    let names = language.kind_names();
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_named() {
            let kind = kind_name(names, node);
            if language.string_kinds.contains(&kind) {
                captures.strings.push(node);
            }
            (language.visit)(node, kind, &mut captures);
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
