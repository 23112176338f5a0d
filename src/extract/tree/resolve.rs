//! Resolving a key argument: a string literal (seen through casts,
//! parentheses and conversions), a constant of this file, of a module it
//! imports or of the enclosing function, a parameter (dynamic), or a name
//! left for another file to define (`Key::Elsewhere`).

use tree_sitter::Node;

use super::{FUNCTION_KINDS, FileContext, Import, enclosing, text};
use crate::extract::lang::TYPE_NAME;
use crate::types::KeyMode;
use crate::types::pattern::callee_segments;

/// How a key argument resolved.
pub(super) enum Key {
    /// The key, and the string literal that spelled it, if one did.
    Static(String, Option<usize>),
    /// A constant this file does not define: resolved once every file is
    /// read, by its qualified name (`Flags.A`) if it has one, else its name.
    Elsewhere(Option<String>, String),
    Dynamic,
}

impl FileContext<'_> {
    pub(super) fn resolve(&self, node: Node, mode: KeyMode) -> Key {
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
            for segment in &segments {
                self.consult(segment);
            }
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
                        let qualified = match self.imports.get(owner) {
                            // `flags.A` after `import * as flags from "./config"`.
                            Some(Import { module, name: None }) if segments.len() == 2 => {
                                format!("{module}.{name}")
                            }
                            // `F.A` after `import { Flags as F } from ...`.
                            Some(Import {
                                name: Some(exported),
                                ..
                            }) if segments.len() == 2 => format!("{exported}.{name}"),
                            _ => format!("{owner}.{name}"),
                        };
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

    /// A name a function around `node` declares: its local constant's
    /// value, or dynamic for a parameter (which shadows any constant).
    pub(super) fn local_or_parameter(&self, node: Node, name: &str) -> Option<Key> {
        for parent in enclosing(self.root, node) {
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
        }
        None
    }

    /// `&KEY`, `(KEY)`, `"key".to_string()` and `String::from("key")` all
    /// stand for the key itself.
    pub(super) fn see_through<'t>(&self, mut node: Node<'t>) -> Node<'t> {
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

    /// The string or name a conversion call converts, if `call` is one.
    fn converted<'t>(&self, call: Node<'t>) -> Option<Node<'t>> {
        let function = call.child_by_field_name("function")?;
        let segments = callee_segments(text(self.source, function));
        let converts = |name: &&str| {
            self.language.conversions.contains(name)
                || (self.language.conversions.contains(&TYPE_NAME)
                    && name.starts_with(|c: char| c.is_ascii_uppercase()))
        };
        if !segments.last().is_some_and(converts) {
            return None;
        }
        let arguments = call.child_by_field_name("arguments")?;
        let receiver = function.child_by_field_name("value");
        match (receiver, arguments.named_child_count()) {
            (Some(receiver), 0) if self.is_string(receiver) => Some(receiver),
            (None, 1) => arguments.named_child(0).filter(|arg| {
                self.is_string(*arg) || self.language.name_kinds.contains(&arg.kind())
            }),
            _ => None,
        }
    }

    pub(super) fn is_string(&self, node: Node) -> bool {
        self.language.string_kinds.contains(&node.kind())
    }

    /// A key given by name: the name itself, or the constant's value.
    pub(super) fn resolve_name(&self, name: &str, mode: KeyMode) -> Key {
        self.consult(name);
        match mode {
            KeyMode::Name => Key::Static(name.to_string(), None),
            KeyMode::String => match (self.constants.get(name), self.imports.get(name)) {
                (Some(Some(value)), _) => Key::Static(value.clone(), None),
                (Some(None), _) => Key::Dynamic,
                // Imported: first the definition in the module it names.
                (
                    None,
                    Some(Import {
                        module,
                        name: Some(exported),
                    }),
                ) => Key::Elsewhere(Some(format!("{module}.{exported}")), exported.to_string()),
                (None, _) => Key::Elsewhere(None, name.to_string()),
            },
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
