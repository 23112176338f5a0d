//! What cleanup needs to know of a language's tree, as data: the node
//! kinds of its conditions, blocks, operators and declarations, and the few
//! shapes that differ enough to need a function (`lang/<name>.rs` fills one
//! [`Syntax`] row per language; `fold.rs` and the other steps read only
//! this).

use tree_sitter::Node;

/// One language's row.
pub struct Syntax {
    /// The grammar's name in `extract::lang` (`typescript` covers TSX).
    pub name: &'static str,
    /// How the language spells `false` and `true`.
    pub literals: [&'static str; 2],
    /// Node kinds of boolean literals.
    pub bool_kinds: &'static [&'static str],
    /// Node kinds of `!x` / `not x`, with the operator's text.
    pub not: (&'static str, &'static str),
    /// Node kinds of binary operations with `left`, `operator`, `right`.
    pub binary_kinds: &'static [&'static str],
    /// The short-circuit operators: and, or.
    pub and_or: [&'static str; 2],
    /// Equality operators: equal, not equal (and their strict forms).
    pub equal: &'static [&'static str],
    pub not_equal: &'static [&'static str],
    /// Node kinds that wrap one expression in parentheses.
    pub paren_kinds: &'static [&'static str],
    /// Node kinds of `if`.
    pub if_kinds: &'static [&'static str],
    /// Node kinds of a braced (or indented) block of statements.
    pub block_kinds: &'static [&'static str],
    /// The node between a block's braces that holds its statements, if the
    /// grammar has one (Go's `statement_list`).
    pub statement_list: Option<&'static str>,
    /// Statements after which nothing in the same block runs.
    pub terminal_kinds: &'static [&'static str],
    /// Statements that stay in force after a `return` (hoisted functions,
    /// Rust items) and are never removed as unreachable.
    pub hoisted_kinds: &'static [&'static str],
    /// Node kinds of `c ? a : b`, with fields `condition`, `consequence`,
    /// `alternative` (Python's conditional expression is read apart).
    pub ternary_kinds: &'static [&'static str],
    /// Leaf kinds that are not names of variables or imports.
    pub non_name_kinds: &'static [&'static str],
    /// Kinds of literal values: pure expressions.
    pub pure_kinds: &'static [&'static str],
    /// Kinds of member access (`a.b`): pure when their object is.
    pub member_kinds: &'static [&'static str],
    /// Kinds of argument lists, between a call and its key.
    pub argument_kinds: &'static [&'static str],
    /// Kinds of calls.
    pub call_kinds: &'static [&'static str],
    /// Whether `&&` and `||` only take booleans (Rust, Go, Java): then
    /// `x && true` is `x` anywhere, not only where a boolean is expected.
    pub strict_booleans: bool,
    /// Whether blocks are indentation (Python): an empty one needs `pass`.
    pub indented_blocks: bool,
    /// The parts of an `if` node.
    pub if_parts: for<'t> fn(Node<'t>) -> Option<IfParts<'t>>,
    /// A local declaration that binds one plain name to a value.
    pub local: for<'t> fn(Node<'t>, &str) -> Option<Local<'t>>,
    /// The names a statement declares in its block (for scoping).
    pub declares: for<'t> fn(Node<'t>, &str) -> Vec<String>,
    /// Whether an identifier node is a use of a variable (not a property
    /// name, a keyword argument's name, a declaration).
    pub is_use: for<'t> fn(Node<'t>) -> bool,
    /// The names an import statement binds, each with the node to remove
    /// to drop it.
    pub imports: for<'t> fn(Node<'t>, &str) -> Vec<(String, Node<'t>)>,
    /// The constant a string literal is the value of: its name node and the
    /// node to remove to drop the definition.
    pub constant: for<'t> fn(Node<'t>, &str) -> Option<(Node<'t>, Node<'t>)>,
}

/// An `if` taken apart.
pub struct IfParts<'t> {
    pub condition: Node<'t>,
    /// The statement or block that runs when the condition holds.
    pub consequence: Node<'t>,
    /// What runs otherwise: a block, a statement or another `if` (`else
    /// if`); Python's `elif`/`else` clause.
    pub alternative: Option<Node<'t>>,
    /// Where the `else` part starts (the `else` keyword or clause).
    pub else_start: Option<usize>,
}

/// `const on = <value>;`: a declaration of one name.
pub struct Local<'t> {
    /// The whole statement, removed once every use is inlined.
    pub statement: Node<'t>,
    pub name: Node<'t>,
    pub value: Node<'t>,
    /// The node in which the name is visible after the declaration.
    pub scope: Node<'t>,
}

/// The text of `node` in `source`.
pub fn text<'s>(source: &'s str, node: Node) -> &'s str {
    &source[node.byte_range()]
}

/// The named children of `node`, comments left out.
pub fn children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|child| !child.kind().contains("comment"))
        .collect()
}

/// The first child of `node` (named or not) whose kind is `kind`.
pub fn token<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor)
        .find(|child| child.kind() == kind)
}

/// The ancestors of `node`, nearest first.
pub fn ancestors<'t>(node: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    std::iter::successors(node.parent(), |node| node.parent())
}
