//! String literals without a syntax tree. A file whose only candidates are
//! keys (`candidates.rs`) needs no parse: this lexer finds where its string
//! literals start and end, skipping comments, and the language's `unquote`
//! reads each, as it reads a tree's string nodes. Comment and string
//! syntax is data ([`Syntax`], one per language in its `lang/<name>.rs`):
//! line and block comments (nested or not), quotes with their prefixes
//! (`r#"…"#`, `f"…"`, `@"…"`), escapes, triple quotes, character literals
//! that may hold a quote, and holes of code inside strings (`${…}`, f-string
//! `{…}`), whose strings are literals too.
//!
//! JSX elements are read as such (`jsx.rs`): their text is neither code
//! nor strings. Where text alone cannot say what the tree would (a Python
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
    /// Ruby heredocs opened on the current line, whose bodies start on the
    /// next (`contextual.rs`).
    heredocs: Vec<contextual::Heredoc>,
}

impl Lexer<'_> {
    fn rest(&self) -> &[u8] {
        &self.bytes[self.at..]
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
            // Comments open with punctuation (`//`, `/*`, `#`): blanks
            // and words need no look for one.
            if !byte.is_ascii_whitespace() && !is_word_byte(byte) && self.comment()? {
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

    /// Skips a comment at the cursor; `None` if one never closes.
    fn comment(&mut self) -> Option<bool> {
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

    /// A string literal whose prefix `word` starts at `start` and whose
    /// opening delimiter is at the cursor: read it whole. `Some(false)` if
    /// none starts here.
    fn string(&mut self, start: usize, word: &[u8]) -> Option<bool> {
        let rest = self.rest();
        // Most calls find no quote: say so before anything costs.
        if !rest.first().is_some_and(|&b| {
            b == b'#' || self.syntax.quotes.iter().any(|q| q.open.as_bytes()[0] == b)
        }) {
            return Some(false);
        }
        let hashes_at = |quote: &Quote| {
            if quote.hashes {
                rest.iter().take_while(|&&b| b == b'#').count()
            } else {
                0
            }
        };
        let Some(quote) = self.syntax.quotes.iter().find(|quote| {
            rest[hashes_at(quote)..].starts_with(quote.open.as_bytes())
                && quote
                    .prefixes
                    .iter()
                    .any(|p| p.as_bytes().eq_ignore_ascii_case(word))
        }) else {
            return Some(false);
        };
        let prefix = String::from_utf8_lossy(word).to_ascii_lowercase();
        // Python: a string first in a module or block is a docstring when
        // it is the whole statement; after a `:` on the same line it may be
        // a block, an annotation or a lambda's body: the tree decides.
        let docstring = self.syntax.docstrings && matches!(self.last, Last::Start | Last::Block);
        if self.syntax.docstrings && self.last == Last::Punct(b':') {
            return None;
        }
        let holes = match quote.holes_with.is_empty()
            || quote.holes_with.iter().any(|with| prefix.contains(with))
        {
            true => quote.holes,
            false => &[],
        };
        let hashes = hashes_at(quote);
        let mut at = self.at + hashes + quote.open.len();
        let index = self.found.len();
        self.found.push(start..start);
        // Only a backslash, the closing delimiter or a hole's opening
        // stop the scan.
        let escape = if quote.backslash {
            b'\\'
        } else {
            quote.close.as_bytes()[0]
        };
        let hole =
            |index: usize, or: u8| holes.get(index).map_or(or, |(open, _)| open.as_bytes()[0]);
        let stops = [
            escape,
            quote.close.as_bytes()[0],
            hole(0, escape),
            hole(1, hole(0, escape)),
        ];
        loop {
            // `get`: a backslash may be the file's last byte.
            match find_any(stops, self.bytes.get(at..)?) {
                Some(skip) => at += skip,
                None => return None,
            }
            let rest = &self.bytes[at..];
            if quote.backslash && rest[0] == b'\\' {
                at += 2;
                continue;
            }
            if rest.starts_with(quote.close.as_bytes()) {
                let after = at + quote.close.len();
                if quote.doubled && self.bytes[after..].starts_with(quote.close.as_bytes()) {
                    at = after + quote.close.len();
                    continue;
                }
                if self.bytes[after..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count()
                    >= hashes
                {
                    at = after + hashes;
                    break;
                }
                at += 1;
                continue;
            }
            if let Some(&(open, close)) = holes
                .iter()
                .find(|(open, _)| rest.starts_with(open.as_bytes()))
            {
                // `{{` in an f-string or C# `$"…"` is a brace, not a hole.
                if open == "{" && rest.get(1) == Some(&b'{') {
                    at += 2;
                    continue;
                }
                self.at = at + open.len();
                let last = self.last;
                self.last = Last::Punct(b'(');
                self.code(Some(close))?;
                self.last = last;
                at = self.at;
                continue;
            }
            at += 1;
        }
        self.at = at.min(self.bytes.len());
        // A string over lines would hold a heredoc's body.
        if !self.heredocs.is_empty() && self.bytes[start..self.at].contains(&b'\n') {
            return None;
        }
        self.found[index] = start..self.at;
        if docstring && self.statement_ends() {
            // Not a reference, as the tree's visitor says (`ignored`).
            self.found[index] = start..start;
        }
        self.last = Last::Value;
        Some(true)
    }

    /// Whether the line goes on with nothing but a statement's end.
    fn statement_ends(&self) -> bool {
        let rest = self.rest();
        let next = rest.iter().find(|&&b| b != b' ' && b != b'\t');
        matches!(next, None | Some(b'\n' | b'\r' | b';' | b',' | b'#'))
    }

    /// A character literal, `'x'` or `'\n'`, or a lifetime `'a`.
    fn character(&mut self) {
        let rest = self.rest();
        let len = if rest.get(1) == Some(&b'\\') {
            // `'\''`, `'\u{1F600}'`: to the next unescaped quote.
            rest[2..]
                .iter()
                .skip(1)
                .position(|&b| b == b'\'')
                .map(|i| i + 4)
        } else {
            let width = rest.get(1).map_or(1, |&b| utf8_width(b));
            (rest.get(1 + width) == Some(&b'\'')).then_some(width + 2)
        };
        self.at += len.unwrap_or(1);
        self.last = Last::Value;
    }

    /// A regular expression literal: to its closing `/`, past escapes and
    /// classes (`/["']/`).
    fn regex(&mut self) -> Option<()> {
        let mut at = self.at + 1;
        let mut class = false;
        loop {
            match self.bytes.get(at)? {
                b'\\' => at += 1,
                // Code in a Ruby regex may hold strings; in another
                // language's, `#{` is rare enough to give up on.
                b'#' if self.bytes.get(at + 1) == Some(&b'{') => {
                    if !self.syntax.contextual {
                        return None;
                    }
                    self.at = at + 2;
                    self.last = Last::Punct(b'(');
                    self.code(Some("}"))?;
                    at = self.at;
                    continue;
                }
                b'[' => class = true,
                b']' => class = false,
                b'/' if !class => break,
                b'\n' => return None,
                _ => {}
            }
            at += 1;
        }
        self.at = at + 1;
        self.last = Last::Value;
        Some(())
    }
}

/// Where the first of `stops` is in `haystack`: a string's escape, its
/// closing delimiter and the first bytes of its two kinds of holes, the
/// last two equal when it has one kind or none (then `memchr3` does).
fn find_any(stops: [u8; 4], haystack: &[u8]) -> Option<usize> {
    let [a, b, c, d] = stops;
    match c == d {
        true => memchr::memchr3(a, b, c, haystack),
        false => haystack.iter().position(|byte| stops.contains(byte)),
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

fn utf8_width(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
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
mod syntax;
