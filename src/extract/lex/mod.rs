//! String literals without a syntax tree. A file whose only candidates are
//! keys (`candidates.rs`) needs no parse: this lexer finds where its string
//! literals start and end, skipping comments, and the language's `unquote`
//! reads each, as it reads a tree's string nodes. Comment and string
//! syntax is data ([`Syntax`], one per language in its `lang/<name>.rs`):
//! line and block comments (nested or not), quotes with their prefixes
//! (`r#"…"#`, `f"…"`, `@"…"`), escapes, triple quotes, character literals
//! that may hold a quote, and holes of code inside strings (`${…}`, f-string
//! `{…}`), whose strings are literals too (`quotes.rs`).
//!
//! JSX elements are read as such (`jsx.rs`): their text is neither code
//! nor strings; so are Ruby's symbols, percent literals and heredocs
//! (`contextual.rs`). Where text alone cannot say what the tree would (a Python
//! string that may be a docstring or an annotation, a `<` that is not
//! quite JSX), [`strings`] gives up and the file is parsed: tree-sitter
//! stays the authority.
//!
//! As it goes, the lexer also notes where the file's pieces start
//! (`pieces.rs`: top-level items, and the statements of every block),
//! so that a file where a call may be is parsed only in the pieces around
//! it (`items.rs`). The syntax rows' types are in `syntax.rs`.

use std::ops::Range;

pub(super) use pieces::Piece;
use pieces::{Bracket, LineStart};
use syntax::{OPENS_ATTRIBUTE, OPENS_COMMENT};
pub use syntax::{Quote, Syntax};

use super::lang::Language;
use super::{Extractor, FileRefs};
use crate::types::{FlagRef, LineIndex, RefKind};

/// The literal references of a file read without a tree: its string
/// literals equal to a key or alias. `None` where the tree must decide.
pub(super) fn literals(
    extractor: &Extractor,
    language: &'static Language,
    syntax: &Syntax,
    source: &str,
    path: &str,
) -> Option<FileRefs> {
    let lexed = strings(syntax, source)?;
    Some(FileRefs {
        refs: literal_refs(extractor, language, source, path, lexed.strings),
        ..FileRefs::default()
    })
}

/// The references among string literals `strings` of `source`: those
/// equal to a key or alias.
pub(super) fn literal_refs(
    extractor: &Extractor,
    language: &'static Language,
    source: &str,
    path: &str,
    strings: impl IntoIterator<Item = Range<usize>>,
) -> Vec<FlagRef> {
    let lines = LineIndex::new(source);
    strings
        .into_iter()
        .filter_map(|range| {
            let value = (language.unquote)(&source[range.clone()])?;
            extractor.is_spelling(&value).then(|| FlagRef {
                flag: value,
                location: lines.location(source, path, range),
                kind: RefKind::Literal,
                language: language.name,
            })
        })
        .collect()
}

/// What the lexer read of a file.
pub(super) struct Lexed {
    /// The byte ranges of its string literals, in order, holes' strings
    /// included.
    pub strings: Vec<Range<usize>>,
    /// Its pieces, in order, the one at `0` first (see [`Piece`]).
    /// `items.rs` parses only some of them.
    pub items: Vec<Piece>,
    /// The byte ranges of its comments, in order.
    pub comments: Vec<Range<usize>>,
}

/// Reads `source`'s strings and items; `None` where text alone cannot tell
/// (the tree must).
pub(super) fn strings(syntax: &Syntax, source: &str) -> Option<Lexed> {
    if !source.starts_with(syntax.opening) || syntax.unread.iter().any(|text| source.contains(text))
    {
        return None;
    }
    let mut lexer = Lexer {
        syntax,
        bytes: source.as_bytes(),
        at: 0,
        found: Vec::new(),
        comments: Vec::new(),
        last: Last::Start,
        items: vec![Piece {
            start: 0,
            opener: None,
            inside: None,
        }],
        attached: false,
        brackets: Vec::new(),
        matching: false,
        at_prefixes: syntax.at_prefixes(),
        openers: syntax.openers(),
        heredocs: Vec::new(),
    };
    lexer.code(None)?;
    lexer.found.retain(|range| !range.is_empty());
    Some(Lexed {
        strings: lexer.found,
        items: lexer.items,
        comments: lexer.comments,
    })
}

/// What came last in code, for the regex and docstring decisions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    /// An operator or punctuation byte.
    Punct(u8),
    /// A word (identifier, keyword or number) or a closing bracket.
    Value,
    /// A `:` at bracket depth 0 and then a line break (Python's block).
    Block,
}

struct Lexer<'s> {
    syntax: &'s Syntax,
    bytes: &'s [u8],
    at: usize,
    found: Vec<Range<usize>>,
    comments: Vec<Range<usize>>,
    last: Last,
    /// Where pieces start.
    items: Vec<Piece>,
    /// The brackets open around the cursor, outside holes, innermost last.
    brackets: Vec<Bracket>,
    /// A `match` keyword came since the last block opened: the next
    /// block's lines are arms.
    matching: bool,
    /// An attribute or decorator (`#[…]`, `@…`, `[…]`) began a line where
    /// a piece may start: the next piece starts before it, not after.
    attached: bool,
    /// `Syntax::at_prefixes`, asked once.
    at_prefixes: bool,
    /// `Syntax::openers`, worked out once.
    openers: [u8; 256],
    /// Ruby heredocs opened on the current line, whose bodies start on the
    /// next (`contextual.rs`).
    heredocs: Vec<contextual::Heredoc>,
}

impl Lexer<'_> {
    fn rest(&self) -> &[u8] {
        &self.bytes[self.at..]
    }

    /// Whether the byte at `at` may open what `opens` says
    /// ([`Syntax::openers`]).
    #[inline(always)]
    fn opens(&self, at: usize, opens: u8) -> bool {
        self.bytes
            .get(at)
            .is_some_and(|&byte| self.openers[usize::from(byte)] & opens != 0)
    }

    /// Code until the end, or until `close` at depth 0 (a hole's end).
    fn code(&mut self, close: Option<&str>) -> Option<()> {
        let mut depth = 0usize;
        while self.at < self.bytes.len() {
            let byte = self.bytes[self.at];
            if let Some(close) = close
                && depth == 0
                && byte == close.as_bytes()[0]
                && self.rest().starts_with(close.as_bytes())
            {
                self.at += close.len();
                return Some(());
            }
            if self.comment()? {
                continue;
            }
            if byte.is_ascii_whitespace() {
                if byte == b'\n' && self.last == Last::Punct(b':') && depth == 0 {
                    self.last = Last::Block;
                }
                self.at += 1;
                if byte == b'\n' && !self.heredocs.is_empty() {
                    // A heredoc's line ends in a hole: the tree knows better.
                    close.is_none().then_some(())?;
                    self.heredoc_bodies()?;
                }
                continue;
            }
            // C#'s `@"…"` and `$@"…"`: `@` belongs to a prefix there only.
            let at_prefixes = self.at_prefixes;
            let word_byte = |b: u8| is_word_byte(b) || (b == b'@' && at_prefixes);
            if word_byte(byte) {
                let start = self.at;
                while self.at < self.bytes.len() && word_byte(self.bytes[self.at]) {
                    self.at += 1;
                }
                let word = &self.bytes[start..self.at];
                // Ruby's special globals (`$"`, `$/`) hold a quote or a slash.
                if self.syntax.contextual && word == b"$" {
                    return None;
                }
                if word == b"match" && !self.bytes[..start].ends_with(b".") {
                    self.matching = true;
                }
                if close.is_none() && self.piece_may_start(start, depth) {
                    self.line_start(start, LineStart::Word(word));
                }
                if self.string(start, word)? {
                    continue;
                }
                // A line after `where` goes on with its bounds.
                self.last = if is_operator_word(word) || word == b"where" {
                    Last::Punct(b'=')
                } else {
                    Last::Value
                };
                continue;
            }
            if self.string(self.at, b"")? {
                continue;
            }
            if self.syntax.contextual && self.contextual()? {
                continue;
            }
            if self.syntax.characters && byte == b'\'' {
                self.character();
                continue;
            }
            if byte == b'<' && self.jsx_opens() {
                self.jsx_element()?;
                continue;
            }
            if self.syntax.regexes && byte == b'/' && !matches!(self.last, Last::Value) {
                self.regex()?;
                continue;
            }
            if close.is_none()
                && self.opens(self.at, OPENS_ATTRIBUTE)
                && self.piece_may_start(self.at, depth)
                && self
                    .syntax
                    .attributes
                    .iter()
                    .any(|open| self.rest().starts_with(open.as_bytes()))
            {
                self.line_start(self.at, LineStart::Attribute);
            }
            match byte {
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    if close.is_none() {
                        self.open(byte);
                    }
                }
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if close.is_none() {
                        self.close();
                    }
                }
                _ => {}
            }
            self.last = match byte {
                b')' | b']' | b'}' => Last::Value,
                b':' if depth > 0 => Last::Punct(b','),
                _ => Last::Punct(byte),
            };
            self.at += 1;
        }
        // A hole left open: the tree knows better.
        close.is_none().then_some(())
    }

    /// A hole of code inside a literal (`${…}`, `#{…}`, JSX's `{…}`), from
    /// `at` (past its opening) to `close`: its strings are literals too.
    /// Where the hole ends; `None` if it never does.
    fn hole(&mut self, at: usize, close: &str) -> Option<usize> {
        self.at = at;
        self.last = Last::Punct(b'(');
        self.code(Some(close))?;
        Some(self.at)
    }

    /// Skips a comment at the cursor; `None` if one never closes.
    #[inline(always)]
    fn comment(&mut self) -> Option<bool> {
        // Most bytes open none: say so before anything costs.
        if !self.opens(self.at, OPENS_COMMENT) {
            return Some(false);
        }
        self.comment_at_opener()
    }

    /// [`Lexer::comment`], at a byte that may open one.
    fn comment_at_opener(&mut self) -> Option<bool> {
        let rest = self.rest();
        // PHP's `#[` opens an attribute, its `#` a comment.
        if self
            .syntax
            .line_comments
            .iter()
            .any(|open| rest.starts_with(open.as_bytes()))
            && !self
                .syntax
                .attributes
                .iter()
                .any(|open| rest.starts_with(open.as_bytes()))
        {
            let end = memchr::memchr(b'\n', rest).map_or(self.bytes.len(), |i| self.at + i);
            self.comments.push(self.at..end);
            self.at = end;
            return Some(true);
        }
        let Some((open, close)) = self.syntax.block_comment else {
            return Some(false);
        };
        if !rest.starts_with(open.as_bytes()) {
            return Some(false);
        }
        let start = self.at;
        self.at += open.len();
        let mut depth = 1;
        while depth > 0 {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if rest.starts_with(close.as_bytes()) {
                depth -= 1;
                self.at += close.len();
            } else if self.syntax.nested_comments && rest.starts_with(open.as_bytes()) {
                depth += 1;
                self.at += open.len();
            } else {
                self.at += 1;
            }
        }
        self.comments.push(start..self.at);
        Some(true)
    }
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$' || byte >= 0x80
}

/// Keywords after which a `/` starts a regex, not a division.
fn is_operator_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"return"
            | b"typeof"
            | b"instanceof"
            | b"in"
            | b"of"
            | b"new"
            | b"delete"
            | b"void"
            | b"throw"
            | b"case"
            | b"do"
            | b"else"
            | b"yield"
            | b"await"
    )
}

/// The string literals the lexer reads in `source`, a file named `path`;
/// `None` if it gives up.
#[cfg(test)]
fn lexed_literals<'s>(path: &str, source: &'s str) -> Option<Vec<&'s str>> {
    let syntax = super::lang::for_path(std::path::Path::new(path))?.syntax?;
    let lexed = strings(syntax, source)?;
    Some(lexed.strings.into_iter().map(|r| &source[r]).collect())
}

mod contextual;
mod jsx;
mod pieces;
mod quotes;
mod syntax;
