//! `if` with a constant condition: the branch that runs takes the `if`'s
//! place, unwrapped into the enclosing block at its indentation; the other
//! goes. `else if` chains keep their remaining links, an `else` branch
//! keeps its braces, and code after a `return` that now always runs is
//! removed with it (Java rejects unreachable statements). A block that
//! declares names another statement of the enclosing block also uses keeps
//! its braces, as does a Rust block with `let`s that is not last (its
//! values drop at its end).

use tree_sitter::Node;

use super::edit::{Edit, has_word, removal};
use super::fold::Code;
use super::syntax::children;

/// Where an `if` stands.
enum Place<'t> {
    /// A statement (or a Rust block's tail): `node` is what to replace.
    Statement(Node<'t>),
    /// The `if` after an `else`.
    Else(Node<'t>),
    /// A Rust `if` used as a value.
    Expression,
}

/// Node kinds that hold a list of statements.
const HOLDERS: &[&str] = &[
    "program",
    "module",
    "source_file",
    "statement_list",
    "switch_case",
    "switch_default",
    "expression_case",
    "default_case",
    "communication_case",
    "switch_block_statement_group",
    "class_body",
    "declaration_list",
    "interface_body",
    "enum_body_declarations",
];

impl<'a> Code<'a> {
    pub(super) fn branch(&self, node: Node<'a>) -> Option<Vec<Edit>> {
        let parts = (self.syntax.if_parts)(node)?;
        let (value, _) = self.marked(parts.condition)?;
        if self.syntax.indented_blocks {
            return self.python_branch(node, value, parts.consequence, parts.alternative);
        }
        match self.place(node) {
            Place::Statement(target) => Some(match (value, parts.alternative) {
                (true, _) => self.unwrap(parts.consequence, target),
                (false, None) => self.remove_statement(target),
                (false, Some(alternative))
                    if self.syntax.if_kinds.contains(&alternative.kind()) =>
                {
                    vec![Edit::new(node.byte_range(), self.text(alternative))]
                }
                (false, Some(alternative)) => self.unwrap(alternative, target),
            }),
            Place::Else(outer) => Some(match (value, parts.alternative) {
                (true, _) => vec![Edit::new(node.byte_range(), self.text(parts.consequence))],
                (false, Some(alternative)) => {
                    vec![Edit::new(node.byte_range(), self.text(alternative))]
                }
                (false, None) => {
                    let kept = (self.syntax.if_parts)(outer)?.consequence;
                    vec![Edit::new(kept.end_byte()..node.end_byte(), "")]
                }
            }),
            Place::Expression => {
                let chosen = if value {
                    parts.consequence
                } else {
                    parts.alternative?
                };
                let only = match children(chosen)[..] {
                    [only] if !is_statement(only) => only,
                    _ => chosen,
                };
                Some(vec![Edit::new(
                    node.byte_range(),
                    self.moved(only.byte_range(), node.start_byte()),
                )])
            }
        }
    }

    fn place(&self, node: Node<'a>) -> Place<'a> {
        let Some(parent) = node.parent() else {
            return Place::Statement(node);
        };
        if parent.kind() == "else_clause"
            && let Some(outer) = parent.parent()
        {
            return Place::Else(outer);
        }
        if self.syntax.if_kinds.contains(&parent.kind())
            && parent.child_by_field_name("alternative") == Some(node)
        {
            return Place::Else(parent);
        }
        if self.syntax.name == "rust" {
            return match parent.kind() {
                "expression_statement" => Place::Statement(parent),
                "block" => Place::Statement(node),
                _ => Place::Expression,
            };
        }
        Place::Statement(node)
    }

    /// Python: `if`/`elif`/`else` clauses.
    fn python_branch(
        &self,
        node: Node<'a>,
        value: bool,
        consequence: Node<'a>,
        alternative: Option<Node<'a>>,
    ) -> Option<Vec<Edit>> {
        if node.kind() == "elif_clause" {
            let statement = node.parent()?;
            if !value {
                return Some(vec![Edit::new(removal(self.source, node.byte_range()), "")]);
            }
            let condition = node.child_by_field_name("condition")?;
            let text = format!(
                "else{}",
                &self.source[condition.end_byte()..consequence.end_byte()]
            );
            return Some(vec![Edit::new(
                node.start_byte()..statement.end_byte(),
                text,
            )]);
        }
        Some(match (value, alternative) {
            (true, _) => self.unwrap(consequence, node),
            (false, None) => self.remove_statement(node),
            (false, Some(clause)) if clause.kind() == "elif_clause" => vec![Edit::new(
                node.start_byte()..clause.start_byte() + "elif".len(),
                "if",
            )],
            (false, Some(clause)) => self.unwrap(clause.child_by_field_name("body")?, node),
        })
    }

    /// `target` replaced by the statements of `block`.
    fn unwrap(&self, block: Node<'a>, target: Node<'a>) -> Vec<Edit> {
        if !self.syntax.block_kinds.contains(&block.kind()) {
            return self.with_unreachable_removed(target, block, block.byte_range(), "");
        }
        let holder = match self.syntax.statement_list {
            Some(list) => children(block)
                .into_iter()
                .find(|c| c.kind() == list)
                .unwrap_or(block),
            None => block,
        };
        let mut cursor = holder.walk();
        let items: Vec<Node> = holder.named_children(&mut cursor).collect();
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return self.remove_statement(target);
        };
        let statements: Vec<Node> = items
            .iter()
            .copied()
            .filter(|n| !n.kind().contains("comment"))
            .collect();
        if self.clashes(&statements, target) {
            return vec![Edit::new(target.byte_range(), self.text(block))];
        }
        // A value left last needs a `;` unless the `if` was its block's
        // value (the last item, without a `;`).
        let value_of_block =
            target.next_named_sibling().is_none() && !self.text(target).ends_with(';');
        let tail = self.syntax.name == "rust"
            && statements.last().is_some_and(|n| !is_statement(*n))
            && target.kind() == "expression_statement"
            && !value_of_block;
        let last_statement = statements.last().copied().unwrap_or(*last);
        self.with_unreachable_removed(
            target,
            last_statement,
            first.start_byte()..last.end_byte(),
            if tail { ";" } else { "" },
        )
    }

    /// Replaces `target` with the text at `content`; if `last` always
    /// leaves the block, what follows `target` in its block goes too.
    fn with_unreachable_removed(
        &self,
        target: Node<'a>,
        last: Node<'a>,
        content: std::ops::Range<usize>,
        suffix: &str,
    ) -> Vec<Edit> {
        let mut text = self.moved(content, target.start_byte());
        text.push_str(suffix);
        let mut end = target.end_byte();
        if self.is_terminal(last) {
            let mut following = Vec::new();
            let mut next = target.next_named_sibling();
            while let Some(node) = next {
                following.push(node);
                next = node.next_named_sibling();
            }
            let hoisted = following
                .iter()
                .any(|n| self.syntax.hoisted_kinds.contains(&n.kind()));
            if let (false, Some(last)) = (hoisted, following.last()) {
                end = last.end_byte();
            }
        }
        vec![Edit::new(target.start_byte()..end, text)]
    }

    fn is_terminal(&self, node: Node) -> bool {
        let terminal = |n: Node| self.syntax.terminal_kinds.contains(&n.kind());
        terminal(node)
            || node.kind() == "expression_statement" && node.named_child(0).is_some_and(terminal)
    }

    /// Whether unwrapping these statements into `target`'s block could
    /// change what a name means, or when a value drops.
    fn clashes(&self, statements: &[Node], target: Node) -> bool {
        let Some(parent) = target.parent() else {
            return false;
        };
        let names: Vec<String> = statements
            .iter()
            .flat_map(|n| (self.syntax.declares)(*n, self.source))
            .collect();
        if names.is_empty() {
            return false;
        }
        let last = target.next_named_sibling().is_none()
            || self.syntax.name == "rust" && parent.kind() != "block";
        let outside = format!(
            "{}{}",
            &self.source[parent.start_byte()..target.start_byte()],
            &self.source[target.end_byte()..parent.end_byte()]
        );
        names.iter().any(|name| {
            if name.is_empty() {
                !last
            } else {
                has_word(&outside, name)
            }
        })
    }

    /// The edit that removes a statement, leaving its block valid.
    pub(super) fn remove_statement(&self, target: Node) -> Vec<Edit> {
        let Some(parent) = target.parent() else {
            return vec![Edit::new(target.byte_range(), "")];
        };
        let holder =
            self.syntax.block_kinds.contains(&parent.kind()) || HOLDERS.contains(&parent.kind());
        if !holder {
            let empty = if self.syntax.indented_blocks {
                "pass"
            } else {
                "{}"
            };
            return vec![Edit::new(target.byte_range(), empty)];
        }
        if self.syntax.indented_blocks && parent.kind() == "block" && children(parent).len() == 1 {
            return vec![Edit::new(target.byte_range(), "pass")];
        }
        vec![Edit::new(removal(self.source, target.byte_range()), "")]
    }
}

/// Whether a Rust block child is a statement rather than its tail value.
fn is_statement(node: Node) -> bool {
    let kind = node.kind();
    kind == "expression_statement"
        || kind.ends_with("_declaration")
        || kind.ends_with("_item")
        || kind.ends_with("_statement")
        || kind == "empty_statement"
}
