//! A language's comment and string syntax, as data: each language's row
//! (`lang/<name>.rs`) holds one, and the lexer reads it.

/// A language's comments and string literals, as the lexer reads them.
#[derive(Debug)]
pub struct Syntax {
    pub line_comments: &'static [&'static str],
    /// Opening and closing delimiters.
    pub block_comment: Option<(&'static str, &'static str)>,
    /// Block comments nest (Rust, Kotlin).
    pub nested_comments: bool,
    /// Longest opening delimiter first.
    pub quotes: &'static [Quote],
    /// `'x'` is a character, which may hold a `"`; Rust's `'a` is a
    /// lifetime.
    pub characters: bool,
    /// `/…/` regular expression literals (JavaScript), which may hold
    /// quotes.
    pub regexes: bool,
    /// JSX may be there, whose text may hold quotes (`jsx.rs`).
    pub jsx: bool,
    /// A string first in a block may be a docstring (Python): give up on it.
    pub docstrings: bool,
    /// What opens an attribute, an annotation or a decorator line, which
    /// belongs to the item below it (`#[`, `@`, C#'s `[`).
    pub attributes: &'static [&'static str],
    /// Ruby's literals that only context tells from an operator
    /// (`contextual.rs`): symbols are string literals; percent literals,
    /// heredocs, character literals and the like give up.
    pub contextual: bool,
    /// What a file must start with for its text to be code (PHP's
    /// `<?php`: before it is HTML); empty: any file. One that does not
    /// gives up.
    pub opening: &'static str,
    /// Text the lexer does not read (PHP's heredocs `<<<`, a closing
    /// `?>` and the HTML after it): a file that holds one gives up.
    pub unread: &'static [&'static str],
}

/// A byte that may open a comment, in [`Syntax::openers`].
pub(super) const OPENS_COMMENT: u8 = 1;
/// A byte that may open a string literal: its opening quote's first byte,
/// or `#` (Rust's raw strings put hashes before the quote).
pub(super) const OPENS_STRING: u8 = 2;
/// A byte that may open an attribute, an annotation or a decorator.
pub(super) const OPENS_ATTRIBUTE: u8 = 4;

impl Syntax {
    /// What each byte may open: the lexer looks for a comment, a string
    /// or an attribute only at such a byte, not at every word and
    /// punctuation mark.
    pub(super) fn openers(&self) -> [u8; 256] {
        let mut openers = [0; 256];
        let comments = self
            .line_comments
            .iter()
            .chain(self.block_comment.iter().map(|(open, _)| open));
        for open in comments {
            openers[usize::from(open.as_bytes()[0])] |= OPENS_COMMENT;
        }
        openers[usize::from(b'#')] |= OPENS_STRING;
        for quote in self.quotes {
            openers[usize::from(quote.open.as_bytes()[0])] |= OPENS_STRING;
        }
        for open in self.attributes {
            openers[usize::from(open.as_bytes()[0])] |= OPENS_ATTRIBUTE;
        }
        openers
    }

    /// Whether a string prefix holds `@` (C#).
    pub(super) fn at_prefixes(&self) -> bool {
        self.quotes
            .iter()
            .any(|quote| quote.prefixes.iter().any(|prefix| prefix.contains('@')))
    }
}

/// One kind of string literal.
#[derive(Debug)]
pub struct Quote {
    pub open: &'static str,
    pub close: &'static str,
    /// Words allowed right before `open`, part of the literal (`r`, `b`,
    /// `f`, `@`, `$`), compared without case.
    pub prefixes: &'static [&'static str],
    /// `\` escapes the next character.
    pub backslash: bool,
    /// The closing delimiter doubled stands for itself (C# `@"a""b"`).
    pub doubled: bool,
    /// Rust's raw strings: `r#"…"#` closes with as many `#`.
    pub hashes: bool,
    /// Code inside the string: opening and closing of each kind of hole
    /// (two at most). Holes open only with a prefix listed in `holes_with`
    /// (empty: always).
    pub holes: &'static [(&'static str, &'static str)],
    pub holes_with: &'static [&'static str],
}

impl Quote {
    /// A plain quote: `"…"` with backslash escapes.
    pub const fn plain(delimiter: &'static str) -> Quote {
        Quote {
            open: delimiter,
            close: delimiter,
            prefixes: &[""],
            backslash: true,
            doubled: false,
            hashes: false,
            holes: &[],
            holes_with: &[],
        }
    }
}
