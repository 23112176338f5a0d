//! Imports the cleanup made unused, and only those: a name an import binds
//! that the code used before cleanup and uses nowhere after it (the flag
//! SDK's hook, the constant that named the key). An import that was unused
//! already stays as it was.

use std::collections::HashMap;

use tree_sitter::Node;

use super::edit::{Edit, removal};
use super::fold::Code;
use super::syntax::{ancestors, children};

/// How many times each name is used outside imports.
pub type Uses = HashMap<String, usize>;

impl<'a> Code<'a> {
    /// The names used in the file, outside its imports.
    pub fn name_uses(&self) -> Uses {
        let mut uses = Uses::new();
        let mut cursor = self.root.walk();
        loop {
            let node = cursor.node();
            let kind = node.kind();
            let import = !(self.syntax.imports)(node, self.source).is_empty();
            if !import {
                if node.child_count() == 0
                    && (kind.ends_with("identifier") || kind == "identifier")
                    && !self.syntax.non_name_kinds.contains(&kind)
                    && kind != "property_identifier"
                    && kind != "field_identifier"
                {
                    *uses.entry(self.text(node).to_string()).or_default() += 1;
                }
                if cursor.goto_first_child() {
                    continue;
                }
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return uses;
                }
            }
        }
    }

    /// The edit that removes the first import binding a name `before` used
    /// and this text no longer does, with its name.
    pub fn next_unused_import(&self, before: &Uses) -> Option<(Edit, String)> {
        let now = self.name_uses();
        let mut cursor = self.root.walk();
        let statements: Vec<Node> = self.root.named_children(&mut cursor).collect();
        for statement in statements {
            let imports = (self.syntax.imports)(statement, self.source);
            let total = imports.len();
            for (name, node) in &imports {
                let was_used = before.get(name).copied().unwrap_or(0) > 0;
                if !was_used || now.get(name).copied().unwrap_or(0) > 0 {
                    continue;
                }
                let whole = total == 1 || *node == statement;
                let edit = if whole {
                    Edit::new(removal(self.source, statement.byte_range()), "")
                } else if self.syntax.name == "rust" {
                    self.rust_use_item(*node)
                } else {
                    self.import_item(*node)
                };
                return Some((edit, name.clone()));
            }
        }
        None
    }

    /// An item of an import list, or a Go import spec on its own line.
    fn import_item(&self, node: Node) -> Edit {
        if node.kind() == "import_spec" {
            return Edit::new(removal(self.source, node.byte_range()), "");
        }
        // `import a, { b } from "x"`: the default import's comma, or an
        // emptied `{ }`.
        if let Some(list) = node.parent().filter(|p| p.kind() == "named_imports")
            && children(list).len() == 1
        {
            return self.remove_item(list);
        }
        self.remove_item(node)
    }

    /// A Rust use-list item; an emptied list takes its path along.
    fn rust_use_item(&self, node: Node) -> Edit {
        let list = node.parent().filter(|p| p.kind() == "use_list");
        if let Some(list) = list
            && children(list).len() == 1
        {
            let tree = ancestors(list)
                .find(|a| a.kind() == "scoped_use_list")
                .unwrap_or(list);
            return self.remove_item(tree);
        }
        self.remove_item(node)
    }
}

impl Code<'_> {
    /// Python: a name in a `global` (or `nonlocal`) statement that the
    /// function no longer binds, though the code used it more before
    /// cleanup: the statement now declares nothing (pyflakes says so), and
    /// without it every read still finds the global.
    pub fn next_stale_global(&self, before: &Uses) -> Option<Edit> {
        if self.syntax.name != "python" {
            return None;
        }
        let now = self.name_uses();
        let mut cursor = self.root.walk();
        loop {
            let node = cursor.node();
            if matches!(node.kind(), "global_statement" | "nonlocal_statement")
                && let Some(function) = ancestors(node).find(|a| a.kind() == "function_definition")
            {
                let names = children(node);
                for name in &names {
                    let text = self.text(*name);
                    let fewer = now.get(text).copied().unwrap_or(0)
                        < before.get(text).copied().unwrap_or(0);
                    if fewer && !self.binds(function, text) {
                        return Some(if names.len() == 1 {
                            self.remove_statement(node).pop()?
                        } else {
                            self.remove_item(*name)
                        });
                    }
                }
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return None;
                }
            }
        }
    }

    /// Whether `name` is bound anywhere in `scope` (assigned, a loop or
    /// `with` target, deleted, imported, a walrus).
    fn binds(&self, scope: tree_sitter::Node, name: &str) -> bool {
        let mut cursor = scope.walk();
        loop {
            let node = cursor.node();
            if node.kind() == "identifier" && self.text(node) == name {
                let parent = node.parent();
                let kind = parent.map_or("", |p| p.kind());
                let left = parent.and_then(|p| {
                    p.child_by_field_name("left")
                        .or_else(|| p.child_by_field_name("name"))
                });
                let binding = matches!(
                    kind,
                    "pattern_list"
                        | "tuple_pattern"
                        | "list_pattern"
                        | "as_pattern_target"
                        | "delete_statement"
                        | "dotted_name"
                        | "aliased_import"
                ) || left == Some(node) && kind != "keyword_argument";
                if binding {
                    return true;
                }
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() || cursor.node() == scope {
                    return false;
                }
            }
        }
    }
}
