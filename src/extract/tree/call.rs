//! The call shape: a call that matches a `[[scan.calls]]` pattern or an SDK
//! preset's, and its key argument.
//!
//! A language's visitor reports a call with `Captures::call`: the callee
//! node, the receiver when the grammar splits it from the method (Java,
//! Ruby, PHP), and the node holding the arguments. The key is the argument
//! the pattern names (by position, by keyword, or a property of an object
//! argument; every element of a list), resolved by `FileContext::resolve`.
//!
//! **JSX attributes** are read as calls: the JavaScript visitor reports
//! `<IfFeatureEnabled feature="k">` as a call of `IfFeatureEnabled` whose
//! argument list is the element itself, and the row's `keyword_argument`
//! (`jsx_attribute`) makes each attribute a keyword argument, so
//! `argument = "feature"` picks it by name. An element has no positional
//! arguments.
//!
//! Calls inside Rust macro arguments are a shape of their own
//! (`macro_tokens.rs`): the tokens there are flat.

use tree_sitter::Node;

use super::{FUNCTION_KINDS, FileContext, Key, text};
use crate::types::Argument;
use crate::types::pattern::callee_segments;

impl FileContext<'_> {
    pub(super) fn call(&mut self, callee: Node, receiver: Option<Node>, arguments: Node) {
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
            // `const command = { key: .. }; create(command)`.
            if self.language.name_kinds.contains(&argument.kind())
                && let Some(object) = self.local_object(argument)
            {
                argument = object;
            }
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
                .filter(|node| !self.language.skipped_kinds.contains(&node.kind()))
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
            .filter(|node| !self.language.skipped_kinds.contains(&node.kind()));
        let keyword = self.language.keyword_argument;
        let is_keyword = |node: &Node| keyword.is_some_and(|k| node.kind() == k.kind);
        let nodes: Vec<Node> = nodes.collect();
        // A JSX element's attributes are its only arguments: by name.
        let jsx = arguments.kind().starts_with("jsx_");
        // The name and value of a keyword argument (a JSX attribute's
        // have no field names: name first, value second).
        let parts = |node: &Node<'t>, keyword: crate::extract::lang::KeywordArgument| {
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

    /// The object literal the identifier `name` was declared with in the
    /// function around it, before `name` (`const command = { key: .. }`).
    fn local_object<'t>(&self, name: Node<'t>) -> Option<Node<'t>> {
        let spelled = text(self.source, name);
        // Its declaration may be in a piece not parsed yet (`items.rs`).
        self.consult(spelled);
        let mut function = name.parent();
        while let Some(node) = function {
            if FUNCTION_KINDS.contains(&node.kind()) {
                break;
            }
            function = node.parent();
        }
        let mut cursor = function?.walk();
        let mut found = None;
        loop {
            let node = cursor.node();
            if node.start_byte() >= name.start_byte() {
                return found;
            }
            let declared = DECLARATIONS
                .iter()
                .find(|(kind, ..)| node.kind() == *kind)
                .and_then(|(_, left, right)| {
                    Some((
                        node.child_by_field_name(left)?,
                        node.child_by_field_name(right)?,
                    ))
                });
            if let Some((left, right)) = declared
                && text(self.source, left) == spelled
            {
                let right = self.see_through(right);
                found = OBJECT_KINDS.contains(&right.kind()).then_some(right);
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return found;
                }
            }
        }
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
}

/// Declarations of a local name, and their name and value fields
/// (JavaScript and TypeScript, Python).
const DECLARATIONS: [(&str, &str, &str); 2] = [
    ("variable_declarator", "name", "value"),
    ("assignment", "left", "right"),
];

/// Object and dictionary literals.
const OBJECT_KINDS: [&str; 2] = ["object", "dictionary"];
