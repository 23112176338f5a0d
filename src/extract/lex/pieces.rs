//! Where a file's pieces start, found by the lexer as it goes: its
//! top-level items and, in every block (a function's body, a class, an
//! `impl`, a loop), its statements and members. `items.rs` parses only the
//! pieces that may hold a call, each with the blocks around it; a piece
//! must therefore parse alone, in those blocks, as it would in the whole
//! file.

use super::{Last, Lexer};

/// Where one piece of a file starts, and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::extract) struct Piece {
    pub start: usize,
    /// How many blocks hold it: 0 for a top-level item.
    pub level: u32,
    /// It goes on with the statement or member before it at its level,
    /// after a block of that statement closed: the closing brace and what
    /// follows (`} else {`, `})`, `}`).
    pub end: bool,
}

/// A bracket open around the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bracket {
    /// `(`, `[`, or a brace whose inside is not split (in a hole, or in
    /// Python, whose braces are data).
    Other,
    /// A brace whose statements or members are pieces; `cases` once its
    /// first one is known: `Some(true)` when that is a `case` or `default`
    /// label (a `switch`), after which only labels start one.
    Block { cases: Option<bool> },
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

impl Lexer<'_> {
    pub(super) fn at_line_start(&self, at: usize) -> bool {
        at > 0 && self.bytes[at - 1] == b'\n'
    }

    /// The word `word` at `start` begins a line at depth 0: an item starts
    /// there if the line before ended a statement and it does not go on
    /// with the one before. The first statement belongs to the first item,
    /// with the comments above it: a package clause, a module docstring.
    pub(super) fn item(&mut self, start: usize, word: &[u8]) {
        let ended = matches!(self.last, Last::Value | Last::Punct(b';'));
        if ended && !self.attached && !GOES_ON.contains(&word) {
            self.items.push(Piece {
                start,
                level: 0,
                end: false,
            });
        }
        self.attached = false;
    }

    /// The word `word` at `start`, right inside a block: a statement or a
    /// member starts there if it is first on its line after a finished
    /// statement (or the block's opening brace).
    pub(super) fn member(&mut self, start: usize, word: &[u8]) {
        if !self.first_on_line(start) {
            return;
        }
        let ended = matches!(
            self.last,
            Last::Value | Last::Punct(b';') | Last::Punct(b'{')
        );
        let attached = std::mem::take(&mut self.attached);
        if !ended || attached || GOES_ON.contains(&word) {
            return;
        }
        let label = word == b"case" || word == b"default";
        let Some(Bracket::Block { cases }) = self.brackets.last_mut() else {
            return;
        };
        match cases {
            None => *cases = Some(label),
            Some(true) if !label => return,
            Some(_) => {}
        }
        self.items.push(Piece {
            start,
            level: self.level,
            end: false,
        });
    }

    /// Whether a line's first byte at the cursor is where a piece may
    /// start: column 0 at depth 0, or first on its line right inside a
    /// block.
    pub(super) fn piece_may_start(&self, depth: usize) -> bool {
        (depth == 0 && self.at_line_start(self.at))
            || (matches!(self.brackets.last(), Some(Bracket::Block { .. }))
                && self.first_on_line(self.at))
    }

    /// An opening bracket `byte` at the cursor, outside any hole.
    pub(super) fn open(&mut self, byte: u8) {
        let bracket = if byte == b'{' && !self.syntax.docstrings {
            self.level += 1;
            Bracket::Block { cases: None }
        } else {
            Bracket::Other
        };
        self.brackets.push(bracket);
    }

    /// A closing bracket at the cursor, outside any hole: a block's closing
    /// brace goes on with the statement that opened it.
    pub(super) fn close(&mut self) {
        if let Some(Bracket::Block { .. }) = self.brackets.pop() {
            self.level -= 1;
            self.items.push(Piece {
                start: self.at,
                level: self.level,
                end: true,
            });
        }
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
