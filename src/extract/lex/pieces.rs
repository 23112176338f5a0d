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
    /// For a piece that goes on with a statement after one of its blocks
    /// closed (the closing brace and what follows: `} else {`, `})`, `}`),
    /// the piece that holds that block's opening brace: the two parse
    /// only together.
    pub opener: Option<usize>,
    /// The piece that holds the opening brace of the block around it.
    pub inside: Option<usize>,
}

/// A bracket open around the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bracket {
    /// `(`, `[`, or a brace whose inside is not split (Python's braces
    /// are data).
    Other,
    /// A brace whose statements or members are pieces, opened in piece
    /// `opened_in`; `cases` once its first one is known: `Some(true)` when
    /// that is a `case` or `default` label (a `switch`), after which only
    /// labels start one. `arms` after a `match`: a line that starts with
    /// `if` there is a guard, which goes on with its arm's pattern.
    Block {
        opened_in: usize,
        cases: Option<bool>,
        arms: bool,
    },
}

/// What begins a line where a piece may start.
#[derive(Clone, Copy)]
pub(super) enum LineStart<'w> {
    Word(&'w [u8]),
    /// An attribute, an annotation or a decorator (`Syntax::attributes`).
    Attribute,
}

/// Words that go on with the statement before them at a line's start.
const GOES_ON: [&[u8]; 20] = [
    b"else",
    b"elif",
    b"elsif",
    b"when",
    b"then",
    b"rescue",
    b"ensure",
    b"end",
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

    /// `what`, at `start`, begins a line where a piece may start (column 0
    /// at depth 0, or first on its line right inside a block): a piece
    /// starts there if the line before ended a statement, an attribute
    /// above did not start it already, and it does not go on with the
    /// statement before. The first statement belongs to the first item,
    /// with the comments above it: a package clause, a module docstring.
    pub(super) fn line_start(&mut self, start: usize, what: LineStart) {
        let top = self.brackets.is_empty();
        let ended = match self.last {
            Last::Value | Last::Punct(b';') => true,
            Last::Punct(b'{') => !top,
            _ => false,
        };
        let attached = std::mem::take(&mut self.attached);
        let word = match what {
            LineStart::Attribute => {
                // Its item starts here; the words below it start nothing.
                self.attached = attached || ended;
                if attached || !ended {
                    return;
                }
                None
            }
            LineStart::Word(word) => {
                if !ended || attached || GOES_ON.contains(&word) {
                    return;
                }
                Some(word)
            }
        };
        let inside = match self.brackets.last_mut() {
            None => None,
            Some(Bracket::Block {
                opened_in,
                cases,
                arms,
            }) => {
                if *arms && word == Some(b"if") {
                    return;
                }
                let label = matches!(word, Some(b"case" | b"default"));
                match cases {
                    None => *cases = Some(label),
                    Some(true) if !label => return,
                    Some(_) => {}
                }
                Some(*opened_in)
            }
            Some(Bracket::Other) => return,
        };
        self.items.push(Piece {
            start,
            opener: None,
            inside,
        });
    }

    /// Whether byte `at`, at bracket depth `depth`, is where a piece may
    /// start: column 0 at depth 0, or first on its line right inside a
    /// block.
    pub(super) fn piece_may_start(&self, at: usize, depth: usize) -> bool {
        (depth == 0 && self.at_line_start(at))
            || (matches!(self.brackets.last(), Some(Bracket::Block { .. }))
                && self.first_on_line(at))
    }

    /// An opening bracket `byte` at the cursor, outside any hole.
    pub(super) fn open(&mut self, byte: u8) {
        let bracket = if byte == b'{' && !self.syntax.docstrings {
            Bracket::Block {
                opened_in: self.items.len() - 1,
                cases: None,
                arms: std::mem::take(&mut self.matching),
            }
        } else {
            Bracket::Other
        };
        self.brackets.push(bracket);
    }

    /// A closing bracket at the cursor, outside any hole: a block's closing
    /// brace goes on with the statement that opened it.
    pub(super) fn close(&mut self) {
        if let Some(Bracket::Block { opened_in, .. }) = self.brackets.pop() {
            let inside = self
                .brackets
                .iter()
                .rev()
                .find_map(|bracket| match bracket {
                    Bracket::Block { opened_in, .. } => Some(*opened_in),
                    Bracket::Other => None,
                });
            self.items.push(Piece {
                start: self.at,
                opener: Some(opened_in),
                inside,
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
