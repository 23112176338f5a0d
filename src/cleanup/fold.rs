//! Constant folding over a tree-sitter tree, one rewrite at a time.
//!
//! Each evaluation of the flag is first replaced by a *marker*, an
//! identifier every grammar accepts (`__flaglint_on_3__`: the flag's value
//! and the number of the reference it came from). Markers are then folded
//! away: `!on`, `on && x`, `x || on`, comparisons, parentheses, ternaries
//! and conditional expressions here; `if`/`else` chains in `branch.rs`;
//! local variables in `inline.rs`. After each rewrite the text is parsed
//! again ([`Code`] is one parse), so every rewrite sees a correct tree;
//! folding stops when no rewrite applies. Only expressions that hold a
//! marker are ever touched: the rest of the file keeps its bytes. A marker
//! left at the end flows somewhere cleanup cannot simplify: it becomes the
//! language's literal and its place is listed for a person.

use std::ops::Range;

use tree_sitter::Node;

use super::edit::{Edit, indent_at, moved, removal};
use super::syntax::{Syntax, ancestors, children, text};

const MARKER: &str = "__flaglint_";

/// The marker for `value`, from reference number `id`.
pub fn marker(value: bool, id: usize) -> String {
    format!("{MARKER}{}_{id}__", if value { "on" } else { "off" })
}

/// The value and reference number a marker stands for.
pub fn read_marker(text: &str) -> Option<(bool, usize)> {
    let rest = text.strip_prefix(MARKER)?.strip_suffix("__")?;
    let (value, id) = rest.split_once('_')?;
    let value = match value {
        "on" => true,
        "off" => false,
        _ => return None,
    };
    Some((value, id.parse().ok()?))
}

/// Every marker in `source`, by position.
pub fn markers(source: &str) -> Vec<Range<usize>> {
    source
        .match_indices(MARKER)
        .filter_map(|(at, _)| {
            let len = source[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(source.len() - at);
            read_marker(&source[at..at + len]).map(|_| at..at + len)
        })
        .collect()
}

/// One parse of the text being cleaned.
pub struct Code<'a> {
    pub syntax: &'static Syntax,
    pub source: &'a str,
    pub root: Node<'a>,
    /// Multi-line strings, whose lines are never re-indented.
    pub protected: Vec<Range<usize>>,
    /// Whether the file is a test's: a flag call passed to another call
    /// there (`when(client.isEnabled("k"))`) stubs or checks the flag.
    pub test: bool,
}

/// What a rewrite replaces an expression with.
#[derive(Clone, Copy)]
pub enum Value<'t> {
    Node(Node<'t>),
    Constant(bool, usize),
}

impl<'a> Code<'a> {
    pub fn new(syntax: &'static Syntax, source: &'a str, root: Node<'a>) -> Code<'a> {
        let mut protected = Vec::new();
        let mut cursor = root.walk();
        loop {
            let node = cursor.node();
            let kind = node.kind();
            let string = kind.contains("string") || kind.contains("template");
            if string && text(source, node).contains('\n') {
                protected.push(node.byte_range());
            } else if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return Code {
                        syntax,
                        source,
                        root,
                        protected,
                        test: false,
                    };
                }
            }
        }
    }

    pub fn text(&self, node: Node) -> &'a str {
        text(self.source, node)
    }

    /// The marker node at `range`.
    pub fn node_at(&self, range: Range<usize>) -> Option<Node<'a>> {
        let mut node = self
            .root
            .descendant_for_byte_range(range.start, range.end)?;
        while node.byte_range() != range {
            node = node.parent()?;
        }
        Some(node)
    }

    /// The first rewrite that applies, nearest the first marker first.
    pub fn next_rewrite(&self) -> Option<(Vec<Edit>, &'static str)> {
        for range in markers(self.source) {
            let Some(node) = self.node_at(range) else {
                continue;
            };
            for candidate in ancestors(node) {
                if let Some(found) = self.rewrite(candidate) {
                    return Some(found);
                }
            }
        }
        None
    }

    fn rewrite(&self, node: Node<'a>) -> Option<(Vec<Edit>, &'static str)> {
        let syntax = self.syntax;
        let kind = node.kind();
        if kind == syntax.not.0 && self.operator(node) == Some(syntax.not.1) {
            let (value, id) =
                self.marked(node.named_child(node.named_child_count() as u32 - 1)?)?;
            return Some((self.replace(node, Value::Constant(!value, id)), "condition"));
        }
        if syntax.binary_kinds.contains(&kind) || kind == "comparison_operator" {
            return self.binary(node).map(|edits| (edits, "condition"));
        }
        if syntax.paren_kinds.contains(&kind) {
            let parent = node.parent()?;
            let [inner] = children(node)[..] else {
                return None;
            };
            if parent.child_by_field_name("condition") == Some(node)
                || read_marker(self.text(inner)).is_none()
            {
                return None;
            }
            return Some((
                vec![Edit::new(node.byte_range(), self.text(inner))],
                "condition",
            ));
        }
        if syntax.ternary_kinds.contains(&kind) || kind == "conditional_expression" {
            return self.ternary(node).map(|edits| (edits, "ternary"));
        }
        if syntax.if_kinds.contains(&kind) {
            return self.branch(node).map(|edits| (edits, "if"));
        }
        if (syntax.local)(node, self.source).is_some() {
            return self.inline(node).map(|edits| (edits, "variable"));
        }
        // `isOn("k");` alone: its value was never used.
        if kind == "expression_statement" {
            let [only] = children(node)[..] else {
                return None;
            };
            self.marked(only)?;
            return Some((self.remove_statement(node), "condition"));
        }
        if syntax.name == "javascript" && kind == "await_expression" {
            let inner = node.named_child(0)?;
            let (value, id) = self.marked(inner)?;
            return Some((self.replace(node, Value::Constant(value, id)), "condition"));
        }
        None
    }

    /// The operator token of a unary or binary node.
    fn operator(&self, node: Node) -> Option<&'a str> {
        let operator = node
            .child_by_field_name("operator")
            .or_else(|| node.child(0))?;
        Some(self.text(operator))
    }

    /// The constant `node` is, through parentheses: a marker (with its
    /// reference) or a boolean literal (without).
    pub fn constant(&self, node: Node) -> Option<(bool, Option<usize>)> {
        let kind = node.kind();
        if let Some((value, id)) = read_marker(self.text(node)) {
            return Some((value, Some(id)));
        }
        if self.syntax.bool_kinds.contains(&kind) {
            return Some((self.text(node) == self.syntax.literals[1], None));
        }
        if self.syntax.paren_kinds.contains(&kind) {
            let [inner] = children(node)[..] else {
                return None;
            };
            return self.constant(inner);
        }
        // `!c`, `c && c`, `c || c` of constants: what a fold leaves behind
        // (`on && (true || false)` keeps the right side).
        if kind == self.syntax.not.0 && self.operator(node) == Some(self.syntax.not.1) {
            let (value, id) =
                self.constant(node.named_child(node.named_child_count() as u32 - 1)?)?;
            return Some((!value, id));
        }
        if self.syntax.binary_kinds.contains(&kind) {
            let [left, right] = children(node)[..] else {
                return None;
            };
            let operator = self.operator(node)?;
            let [and, or] = self.syntax.and_or;
            let ((l, a), (r, b)) = (self.constant(left)?, self.constant(right)?);
            let value = match operator {
                op if op == and => l && r,
                op if op == or => l || r,
                _ => return None,
            };
            return Some((value, a.or(b)));
        }
        None
    }

    /// The constant `node` is, if a marker is in it.
    pub fn marked(&self, node: Node) -> Option<(bool, usize)> {
        match self.constant(node)? {
            (value, Some(id)) => Some((value, id)),
            _ => None,
        }
    }

    /// `a && b`, `a || b` and comparisons with a marker on one side.
    fn binary(&self, node: Node<'a>) -> Option<Vec<Edit>> {
        let operands = children(node);
        let [left, right] = operands[..] else {
            return None;
        };
        let operator = if node.kind() == "comparison_operator" {
            let mut cursor = node.walk();
            let operators: Vec<&str> = node
                .children_by_field_name("operators", &mut cursor)
                .map(|op| self.text(op))
                .collect();
            operators.join(" ")
        } else {
            self.operator(node)?.to_string()
        };
        let (l, r) = (self.constant(left), self.constant(right));
        let id = l.and_then(|c| c.1).or(r.and_then(|c| c.1))?;
        let [and, or] = self.syntax.and_or;
        let loose = !self.syntax.strict_booleans && !self.boolean_context(node);
        let constant = |value| Some(self.replace(node, Value::Constant(value, id)));
        // A side kept that is itself constant keeps the marker going.
        let keep = |kept| match self.constant(kept) {
            Some((value, _)) => constant(value),
            None => Some(self.replace(node, Value::Node(kept))),
        };
        if self.syntax.equal.contains(&operator.as_str())
            || self.syntax.not_equal.contains(&operator.as_str())
        {
            let equal = l?.0 == r?.0;
            return constant(equal == self.syntax.equal.contains(&operator.as_str()));
        }
        let is_and = operator == and;
        if !is_and && operator != or {
            return None;
        }
        match (l, r) {
            // The left side decides: short-circuit as the code would.
            (Some((value, _)), _) if value == is_and => keep(right),
            (Some((value, _)), _) => constant(value),
            // `x && true` is `x` only where a boolean is expected.
            (None, Some((value, _))) if value == is_and && !loose => keep(left),
            // `x && false` is `false` if `x` may go unevaluated.
            (None, Some((value, _))) if !loose && self.is_pure(left) => constant(value),
            _ => None,
        }
    }

    /// `c ? a : b`, `a if c else b`, with a marker for `c`.
    fn ternary(&self, node: Node<'a>) -> Option<Vec<Edit>> {
        let (condition, consequence, alternative) = if node.kind() == "conditional_expression" {
            let parts = children(node);
            let [body, condition, orelse] = parts[..] else {
                return None;
            };
            (condition, body, orelse)
        } else {
            (
                node.child_by_field_name("condition")?,
                node.child_by_field_name("consequence")?,
                node.child_by_field_name("alternative")?,
            )
        };
        let (value, _) = self.marked(condition)?;
        let chosen = if value { consequence } else { alternative };
        Some(self.replace(node, Value::Node(chosen)))
    }

    /// Whether the value of `node` is only ever used as a boolean (an
    /// `if`'s condition, the operand of `!`, `&&` or `||` in such a place).
    fn boolean_context(&self, node: Node) -> bool {
        let mut node = node;
        while let Some(parent) = node.parent() {
            let kind = parent.kind();
            if self.syntax.paren_kinds.contains(&kind) {
                node = parent;
                continue;
            }
            if kind == self.syntax.not.0 && self.operator(parent) == Some(self.syntax.not.1) {
                return true;
            }
            if self.syntax.binary_kinds.contains(&kind)
                && self
                    .operator(parent)
                    .is_some_and(|op| self.syntax.and_or.contains(&op))
            {
                node = parent;
                continue;
            }
            if kind == "conditional_expression" {
                return children(parent).get(1) == Some(&node);
            }
            return parent.child_by_field_name("condition") == Some(node)
                || matches!(kind, "assert_statement");
        }
        false
    }

    /// Whether evaluating `node` can have no effect: names, literals,
    /// member reads of those.
    pub fn is_pure(&self, node: Node) -> bool {
        let kind = node.kind();
        if read_marker(self.text(node)).is_some() || self.syntax.pure_kinds.contains(&kind) {
            return !(kind.contains("string") && self.text(node).contains("${"));
        }
        if self.syntax.paren_kinds.contains(&kind) || self.syntax.member_kinds.contains(&kind) {
            return node.named_child(0).is_some_and(|inner| self.is_pure(inner));
        }
        false
    }

    /// The edits that put `value` where `node` is. In JSX children, a
    /// constant renders nothing and its `{...}` goes; an element chosen by
    /// a condition stands without its braces.
    pub fn replace(&self, node: Node<'a>, value: Value<'a>) -> Vec<Edit> {
        let container = node
            .parent()
            .filter(|p| p.kind() == "jsx_expression")
            .filter(|p| {
                p.parent()
                    .is_some_and(|g| matches!(g.kind(), "jsx_element" | "jsx_fragment"))
            });
        if let Some(container) = container {
            let mut inner = match value {
                Value::Node(inner) => Some(inner),
                Value::Constant(..) => None,
            };
            while let Some(node) = inner.filter(|n| self.syntax.paren_kinds.contains(&n.kind())) {
                inner = node.named_child(0);
            }
            match inner.map(|n| n.kind()) {
                None | Some("null" | "undefined" | "true" | "false") => {
                    return vec![Edit::new(removal(self.source, container.byte_range()), "")];
                }
                Some("jsx_element" | "jsx_self_closing_element" | "jsx_fragment") => {
                    let inner = inner.expect("matched");
                    return vec![Edit::new(
                        container.byte_range(),
                        self.moved(inner.byte_range(), container.start_byte()),
                    )];
                }
                _ => {}
            }
        }
        let text = match value {
            Value::Node(kept) => self.moved(kept.byte_range(), node.start_byte()),
            Value::Constant(value, id) => marker(value, id),
        };
        vec![Edit::new(node.byte_range(), text)]
    }

    /// The text at `range`, re-indented to stand where `at` is.
    pub fn moved(&self, range: Range<usize>, at: usize) -> String {
        moved(
            self.source,
            range,
            indent_at(self.source, at),
            &self.protected,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_round_trip() {
        assert_eq!(read_marker(&marker(true, 3)), Some((true, 3)));
        assert_eq!(read_marker(&marker(false, 12)), Some((false, 12)));
        assert_eq!(read_marker("__flaglint_maybe_1__"), None);
        let source = format!("if ({}) {{}}", marker(false, 0));
        assert_eq!(markers(&source).first(), Some(&(4..22)));
    }
}
