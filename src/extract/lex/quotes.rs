//! String, character and regular expression literals, as the lexer reads
//! them in code: a quote's prefixes, escapes, doubled and hashed closings,
//! and the holes of code inside, whose strings are literals too.

use super::syntax::OPENS_STRING;
use super::{Last, Lexer, Quote};

impl Lexer<'_> {
    /// A string literal whose prefix `word` starts at `start` and whose
    /// opening delimiter is at the cursor: read it whole. `Some(false)` if
    /// none starts here.
    #[inline(always)]
    pub(super) fn string(&mut self, start: usize, word: &[u8]) -> Option<bool> {
        // Most calls find no quote: say so before anything costs.
        if !self.opens(self.at, OPENS_STRING) {
            return Some(false);
        }
        self.string_at_opener(start, word)
    }

    /// [`Lexer::string`], at a byte that may open one.
    fn string_at_opener(&mut self, start: usize, word: &[u8]) -> Option<bool> {
        let rest = self.rest();
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
                at = self.hole(at + open.len(), close)?;
                continue;
            }
            at += 1;
        }
        self.at = at.min(self.bytes.len());
        if self.holds_heredoc_body(start..self.at) {
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
    pub(super) fn character(&mut self) {
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
    pub(super) fn regex(&mut self) -> Option<()> {
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
                    at = self.hole(at + 2, "}")?;
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

fn utf8_width(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}
