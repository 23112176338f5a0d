//! Names that only held the flag's value: a local variable
//! (`const on = isOn("k")`) and a destructured flag-object entry
//! (`const { newUi } = useFlags()`). Every use becomes the marker and the
//! declaration goes, unless the name is assigned again or declared twice
//! in its scope: then it stays and its place is listed.

use tree_sitter::Node;

use super::edit::Edit;
use super::fold::{Code, marker};

impl<'a> Code<'a> {
    /// Inlines the local variable `statement` declares, if its value is a
    /// marker.
    pub(super) fn inline(&self, statement: Node<'a>) -> Option<Vec<Edit>> {
        let local = (self.syntax.local)(statement, self.source)?;
        let (value, id) = self.marked(local.value)?;
        let mut edits = self.remove_statement(statement);
        edits.extend(self.uses(local.scope, local.name, &marker(value, id))?);
        Some(edits)
    }

    /// The edits that replace every use of `name` in `scope` with `text`;
    /// `None` if the name is assigned or declared anywhere else there.
    pub(super) fn uses(&self, scope: Node<'a>, name: Node<'a>, text: &str) -> Option<Vec<Edit>> {
        let spelled = self.text(name);
        let mut edits = Vec::new();
        let mut cursor = scope.walk();
        loop {
            let node = cursor.node();
            if node.child_count() == 0 && node != name && self.text(node) == spelled {
                match node.kind() {
                    "shorthand_property_identifier" => {
                        edits.push(Edit::new(node.byte_range(), format!("{spelled}: {text}")))
                    }
                    "identifier" if node.start_byte() < name.start_byte() => return None,
                    "identifier" if (self.syntax.is_use)(node) => {
                        edits.push(Edit::new(node.byte_range(), text))
                    }
                    "identifier" | "shorthand_property_identifier_pattern" => return None,
                    _ => {}
                }
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() || cursor.node() == scope {
                    return Some(edits);
                }
            }
        }
    }

    /// `const { newUi, other } = flags`: `newUi` (the pattern entry at
    /// `entry`, binding `name`) becomes `text` everywhere, and the entry
    /// goes (the whole declaration with its last entry).
    pub(super) fn destructured(
        &self,
        entry: Node<'a>,
        name: Node<'a>,
        text: &str,
    ) -> Result<Vec<Edit>, &'static str> {
        let pattern = entry
            .parent()
            .filter(|p| p.kind() == "object_pattern")
            .ok_or("a destructuring cleanup cannot read")?;
        let declarator = pattern
            .parent()
            .filter(|p| p.kind() == "variable_declarator")
            .ok_or("a destructured parameter: not supported yet")?;
        let declaration = declarator.parent().ok_or("no declaration")?;
        let scope = declaration.parent().ok_or("no scope")?;
        if declaration
            .parent()
            .is_some_and(|p| p.kind() == "export_statement")
        {
            return Err("an exported name: other modules may use it");
        }
        let mut edits = self
            .uses(scope, name, text)
            .ok_or("the destructured name is assigned or declared again")?;
        let entries = super::syntax::children(pattern);
        if entries.len() == 1 && super::syntax::children(declaration).len() == 1 {
            edits.extend(self.remove_statement(declaration));
        } else {
            edits.push(self.remove_item(entry));
        }
        Ok(edits)
    }

    /// Removes one item of a comma-separated list, with its comma.
    pub(super) fn remove_item(&self, item: Node) -> Edit {
        let next = item.next_sibling();
        if let Some(comma) = next.filter(|n| n.kind() == ",") {
            let end = comma
                .next_sibling()
                .map_or(comma.end_byte(), |after| after.start_byte());
            // Keep a line break before what follows.
            let between = &self.source[comma.end_byte()..end];
            let end = if between.contains('\n') {
                comma.end_byte() + between.find('\n').unwrap_or(0)
            } else {
                end
            };
            let start = if between.contains('\n') {
                super::edit::line_start(self.source, item.start_byte()).max(self.previous_end(item))
            } else {
                item.start_byte()
            };
            let end = if between.contains('\n') { end + 1 } else { end };
            return Edit::new(start..end, "");
        }
        if let Some(comma) = item.prev_sibling().filter(|n| n.kind() == ",") {
            return Edit::new(comma.start_byte()..item.end_byte(), "");
        }
        Edit::new(item.byte_range(), "")
    }

    /// Where the token before `node` ends.
    fn previous_end(&self, node: Node) -> usize {
        node.prev_sibling().map_or(0, |n| n.end_byte())
    }
}
