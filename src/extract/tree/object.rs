//! The flag-object shape: an expression that yields an object keyed by
//! flags (LaunchDarkly's `useFlags()`, a home-grown `uiConfig.flags`), and
//! every key read from it:
//!
//! - destructured: `const { a, b: renamed, c = false } = useFlags()`;
//! - a member or an index: `useFlags().a`, `flags?.a`, `flags["a-b"]`;
//! - through a name that holds the object in the same function:
//!   `const flags = useFlags(); ... flags.a`.
//!
//! A key read this way is a reference when it spells a declared key or
//! alias (LaunchDarkly's camel-cased keys come from generated spellings);
//! like a literal, it never declares a flag. The language's visitor gathers
//! declarations and member reads (`Captures::binding`, `Captures::read`)
//! only when the run has a flag object for that language.

use tree_sitter::Node;

use super::{FileContext, Key, scope, text};
use crate::extract::ConstantKey;
use crate::types::pattern::callee_segments;
use crate::types::{DynamicKey, KeyMode, RefKind};

impl<'a> FileContext<'a> {
    /// Whether `node` is one of the run's flag objects.
    fn is_flag_object(&self, node: Node) -> bool {
        let node = self.see_through(node);
        let (path, called) = match node.kind() {
            "call_expression" => match node.child_by_field_name("function") {
                Some(function) => (text(self.source, function), true),
                None => return false,
            },
            _ => (text(self.source, node), false),
        };
        let segments = callee_segments(path);
        !segments.is_empty()
            && self
                .objects
                .iter()
                .any(|object| object.matches(&segments, called, self.language.name))
    }

    /// `name = value`: a destructured flag object gives keys; a name that
    /// holds one is remembered for its function.
    pub(super) fn binding(&mut self, name: Node<'a>, value: Node<'a>) {
        match name.kind() {
            "identifier" if self.is_flag_object(value) => {
                let scope = scope(self.root, name);
                self.consult_uses(text(self.source, name));
                self.holders.insert((text(self.source, name), scope));
            }
            "object_pattern" => {
                if !self.is_flag_object(value) {
                    return self.holder_in_pattern(name, value);
                }
                let mut cursor = name.walk();
                let properties: Vec<Node> = name.named_children(&mut cursor).collect();
                for property in properties {
                    let key = match property.kind() {
                        "shorthand_property_identifier_pattern" => Some(property),
                        "pair_pattern" => property.child_by_field_name("key"),
                        // `{ a = false }`: a default for a missing flag.
                        "object_assignment_pattern" => property.child_by_field_name("left"),
                        _ => None,
                    };
                    if let Some(key) = key {
                        self.object_key(key);
                    }
                }
            }
            _ => {}
        }
    }

    /// `const { flags } = uiConfig` where `uiConfig.flags` is a flag
    /// object: `flags` holds it.
    fn holder_in_pattern(&mut self, pattern: Node<'a>, value: Node<'a>) {
        let value = self.see_through(value);
        if !matches!(value.kind(), "identifier" | "member_expression") {
            return;
        }
        let base = callee_segments(text(self.source, value));
        let mut cursor = pattern.walk();
        let properties: Vec<Node> = pattern.named_children(&mut cursor).collect();
        for property in properties {
            if property.kind() != "shorthand_property_identifier_pattern" {
                continue;
            }
            let name = text(self.source, property);
            let mut path = base.clone();
            path.push(name);
            if self
                .objects
                .iter()
                .any(|object| object.matches(&path, false, self.language.name))
            {
                self.consult_uses(name);
                self.holders.insert((name, scope(self.root, property)));
            }
        }
    }

    /// `object.member` or `object["member"]`, when `object` is a flag
    /// object or a name that holds one here.
    pub(super) fn read(&mut self, object: Node<'a>, member: Node<'a>) {
        let object = self.see_through(object);
        let held = object.kind() == "identifier"
            && !self.holders.is_empty()
            && self
                .holders
                .contains(&(text(self.source, object), scope(self.root, object)));
        if held || self.is_flag_object(object) {
            self.object_key(member);
        }
    }

    /// A key read from a flag object: a property name, a string, or a
    /// constant's name (`flags[UG]`).
    fn object_key(&mut self, node: Node) {
        if node.kind() == "identifier"
            && node
                .parent()
                .is_some_and(|parent| parent.kind() == "subscript_expression")
        {
            return self.object_key_by_name(node);
        }
        let key = if self.is_string(node) {
            match (self.language.unquote)(text(self.source, node)) {
                Some(key) => key,
                None => return,
            }
        } else if matches!(
            node.kind(),
            "property_identifier" | "shorthand_property_identifier_pattern" | "identifier"
        ) {
            text(self.source, node).to_string()
        } else {
            return;
        };
        if !self.extractor.is_spelling(&key) {
            return;
        }
        self.reference(key, node, RefKind::Object);
    }
}

impl FileContext<'_> {
    /// `flags[NAME]`: the constant's value, from this file or, once every
    /// file is read, the one constant of that name in the repository.
    fn object_key_by_name(&mut self, node: Node) {
        let name = text(self.source, node);
        match self.resolve_name(name, KeyMode::String) {
            Key::Static(key, _) if self.extractor.is_spelling(&key) => {
                self.reference(key, node, RefKind::Object);
            }
            Key::Elsewhere(qualified, name) => self.out.elsewhere.push(ConstantKey {
                name,
                qualified,
                call: DynamicKey {
                    location: self
                        .lines
                        .location(self.source, self.path, node.byte_range()),
                    callee: String::new(),
                },
                language: self.language.name,
                kind: RefKind::Object,
            }),
            _ => {}
        }
    }
}
