//! Where a file's pieces start, found by the lexer as it goes: its
//! top-level items and, in a container (`class`, `impl`, `mod`, ...), the
//! members. `items.rs` parses only the pieces that may hold a call; a piece
//! must therefore parse alone, with its container's head and end, as it
//! would in the whole file.

use super::{Last, Lexer};

/// What a piece of a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::extract) enum Piece {
    /// A top-level item: a word at column 0 and bracket depth 0 that
    /// starts a statement (not `else`, `where`, a line after an operator,
    /// the item an attribute or a decorator above belongs to, or the first
    /// statement: the first item holds it). In a container (`class`,
    /// `impl`, `mod`, ...), only its head, to the first member.
    Item,
    /// A member of a container: the first word of a line at depth 1 in its
    /// braces, after a finished statement, with its attributes.
    Member,
    /// The container's closing brace, and what follows it on to the next
    /// item.
    End,
}

/// What the current top-level item is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
    /// No word yet (modifiers and decorators do not count).
    Unknown,
    /// A container (`class`, `impl`, ...), not yet opened.
    Container,
    /// Inside a container's braces: its members are pieces.
    Members,
    Other,
}

/// Words that go on with the statement before them at a line's start.
const GOES_ON: [&[u8]; 14] = [
    b"else",
    b"elif",
    b"except",
    b"finally",
    b"catch",
    b"where",
    b"as",
    b"in",
    b"instanceof",
    b"of",
    b"satisfies",
    b"extends",
    b"implements",
    b"and",
];

/// Words that open a container whose members are items of their own.
const CONTAINERS: [&[u8]; 11] = [
    b"class",
    b"impl",
    b"mod",
    b"trait",
    b"interface",
    b"object",
    b"namespace",
    b"enum",
    b"struct",
    b"record",
    b"module",
];

/// Words before an item's kind that do not change it.
const MODIFIERS: [&[u8]; 22] = [
    b"pub",
    b"export",
    b"default",
    b"abstract",
    b"declare",
    b"public",
    b"private",
    b"protected",
    b"internal",
    b"static",
    b"final",
    b"sealed",
    b"data",
    b"open",
    b"partial",
    b"unsafe",
    b"inner",
    b"companion",
    b"readonly",
    b"const",
    b"value",
    b"annotation",
];

impl Lexer<'_> {
    pub(super) fn at_line_start(&self, at: usize) -> bool {
        at > 0 && self.bytes[at - 1] == b'\n'
    }

    /// The word `word` at `start` begins a line at depth 0: an item starts
    /// there if the line before ended a statement and it does not go on
    /// with the one before.
    pub(super) fn item(&mut self, start: usize, word: &[u8]) {
        // The first statement belongs to the first item, with the comments
        // above it: a package clause, a module docstring.
        let ended = matches!(self.last, Last::Value | Last::Punct(b';'));
        if ended && !self.attached && !GOES_ON.contains(&word) {
            self.items.push((start, Piece::Item));
            self.head = Head::Unknown;
        }
        self.attached = false;
    }

    /// The word `word` at `start`, at depth 0 in an item not yet known:
    /// says what the item is, unless it is a modifier or a decorator.
    pub(super) fn kind_of_item(&mut self, start: usize, word: &[u8]) {
        let decorator = start > 0 && self.bytes[start - 1] == b'@';
        if decorator || MODIFIERS.contains(&word) {
            return;
        }
        // Python's blocks have no braces: a class is one item.
        self.head = if CONTAINERS.contains(&word) && !self.syntax.docstrings {
            Head::Container
        } else {
            Head::Other
        };
    }

    /// The word `word` at `start`, at depth 1 in a container: a member
    /// starts there if it is first on its line after a finished statement.
    pub(super) fn member(&mut self, start: usize, word: &[u8]) {
        if !self.first_on_line(start) {
            return;
        }
        let ended = matches!(
            self.last,
            Last::Value | Last::Punct(b';') | Last::Punct(b'{')
        );
        if ended && !self.attached && !GOES_ON.contains(&word) {
            self.items.push((start, Piece::Member));
        }
        self.attached = false;
    }

    /// Whether only blanks stand between the line's start and `at`.
    pub(super) fn first_on_line(&self, at: usize) -> bool {
        let before = &self.bytes[..at];
        let blanks = before
            .iter()
            .rev()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        at > blanks && before[at - blanks - 1] == b'\n'
    }
}
