//! Parse only the pieces that may hold a call. A file where a call may
//! match is mostly code that has nothing to do with flags: a controller
//! that calls `features.Enabled` in two of its forty functions, a test
//! whose one function is a table of eight thousand lines and a loop that
//! reads a gate. The lexer splits the file into pieces (`lex::Piece`: its
//! top-level items, and in every block the statements or members), and
//! tree-sitter parses, as one tree (`set_included_ranges`), only the first
//! piece (where a module docstring, a package clause or imports are) and
//! the statement holding each call candidate, whole, inside the statements
//! of the blocks around it, without their other statements
//! (`func f() { for … { if features.Enabled(A) { … } } }`). The lexer's
//! string literals give the literal references of the rest.
//!
//! The pieces' tree says what the whole file's would when nothing outside
//! it changes how a key resolves. Resolution only ever looks things up by
//! name (`tree::Consulted`): a local or a parameter, in its function (a
//! parameter is in the function's head, always parsed; a local, in a
//! statement of the same top-level item that may bind it, as
//! `names::may_bind` says); a constant, in a piece that may define it
//! (`NAME =`, as `names::may_define` says); an import, in an item
//! with an import statement; a name that holds a flag object, read
//! anywhere. Each piece where a name it looked up may be so joins the
//! parse, until none does; a call's argument that is a name alone brings
//! the top-level pieces that may define it into the first parse. The
//! whole file is parsed instead when the pieces' tree has an error, when
//! the lexer cannot read the file, or when the pieces come to most of it.
//! `tests/differential.rs` holds the result equal to the exhaustive parse;
//! `testdata/items/` has a case for each rule.

use std::ops::Range;

use super::lang::Language;
use super::lex::{self, Piece, Syntax};
use super::{Extractor, FileRefs, candidates, names, tree};

/// Rounds of adding the items a resolution needs before parsing the whole
/// file is cheaper.
const ROUNDS: usize = 3;

/// The references of `source`, parsing only its items around `calls` (the
/// starts of call candidates); `None` where the whole file must be parsed.
pub(super) fn extract(
    extractor: &Extractor,
    language: &'static Language,
    syntax: &Syntax,
    source: &str,
    path: &str,
    calls: &[usize],
) -> Option<FileRefs> {
    if calls.is_empty() {
        return None;
    }
    let lexed = lex::strings(syntax, source)?;
    let items = Items::new(&lexed.items, source.len());
    // The text the file's strings cover (a hole's strings are inside
    // their template's).
    let mut quoted: Vec<Range<usize>> = Vec::new();
    for string in &lexed.strings {
        match quoted.last_mut() {
            Some(last) if string.start < last.end => last.end = last.end.max(string.end),
            _ => quoted.push(string.clone()),
        }
    }
    let mut chosen = vec![false; lexed.items.len()];
    items.choose(&mut chosen, 0, false);
    for &at in calls {
        items.choose(&mut chosen, items.of(at), true);
    }
    // A call's argument that is a name alone is what its key's resolution
    // will look up: a constant defined at the top level joins the first
    // parse, not a second one. (Only there: the name of a local or a
    // parameter is bound in many statements of a large file, and the
    // rounds below add only those the resolution asks for.)
    let arguments = calls
        .iter()
        .flat_map(|&at| argument_names(source, at, &quoted))
        .collect();
    for (name, at) in whole_words(source, arguments) {
        let item = items.of(at);
        if items.top(item) == item
            && !chosen[item]
            && !covers(&quoted, at)
            && !covers(&lexed.comments, at)
            && names::may_define(language, source.as_bytes(), at, at + name.len())
        {
            items.choose(&mut chosen, item, true);
        }
    }
    for _ in 0..ROUNDS {
        let within = items.ranges(&chosen);
        let parsed: usize = within.iter().map(|range| range.len()).sum();
        if parsed * 4 > source.len() * 3 {
            return None;
        }
        let (mut refs, consulted) =
            tree::extract_within(extractor, language, source, path, &within)?;
        let bytes = source.as_bytes();
        // A local or a parameter is bound in its function: in a top-level
        // item already chosen.
        let mut tops = vec![false; chosen.len()];
        for (index, _) in chosen.iter().enumerate().filter(|(_, chosen)| **chosen) {
            tops[items.top(index)] = true;
        }
        // A name in a string or a comment defines and binds nothing (a
        // flag object read in a template's hole is code, though: reads
        // are looked for outside comments only).
        let defines = |name: &str, at: usize| {
            let end = at + name.len();
            !covers(&quoted, at)
                && (names::may_define(language, bytes, at, end)
                    || items.imports(language, source, items.top(items.of(at)))
                    || (tops[items.top(items.of(at))] && names::may_bind(bytes, at, end)))
        };
        let mut more = false;
        let needed = whole_words(source, consulted.defined)
            .filter(|(name, at)| defines(name, *at))
            .chain(whole_words(source, consulted.used));
        for (_, at) in needed {
            if !covers(&lexed.comments, at) && !covers(&within, at) && !chosen[items.of(at)] {
                items.choose(&mut chosen, items.of(at), true);
                more = true;
            }
        }
        if more {
            continue;
        }
        let outside = lexed
            .strings
            .into_iter()
            .filter(|string| !covers(&within, string.start));
        refs.refs.extend(lex::literal_refs(
            extractor, language, source, path, outside,
        ));
        // This file's constants are read whole, later, if another file's
        // call needs one.
        refs.constants.clear();
        refs.unparsed = true;
        return Some(refs);
    }
    None
}

/// The arguments after the call candidate at `at` that are one name
/// alone: `KEY` in `is_enabled(KEY, ctx.user())`.
fn argument_names(source: &str, at: usize, quoted: &[Range<usize>]) -> Vec<String> {
    /// How far an argument list is read.
    const REACH: usize = 256;
    let bytes = source.as_bytes();
    let mut at = at;
    while at < bytes.len() && candidates::identifier_byte(bytes[at]) {
        at += 1;
    }
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    if bytes.get(at) != Some(&b'(') {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut depth = 0usize;
    // The current argument: the span of its one word, if it is one so far.
    let mut word: Option<Range<usize>> = None;
    let mut alone = true;
    for index in at..bytes.len().min(at + REACH) {
        let byte = bytes[index];
        if covers(quoted, index) {
            alone = false;
            continue;
        }
        if depth == 1 && candidates::identifier_byte(byte) {
            match &mut word {
                Some(span) if span.end == index => span.end = index + 1,
                Some(_) => alone = false,
                None => word = Some(index..index + 1),
            }
            continue;
        }
        match byte {
            b'(' | b'[' | b'{' => {
                depth += 1;
                alone &= depth == 1;
            }
            b')' | b']' | b'}' | b',' if depth == 1 => {
                if let Some(span) = word.take()
                    && alone
                    && !bytes[span.start].is_ascii_digit()
                {
                    names.push(source[span].to_string());
                }
                alone = true;
                if byte != b',' {
                    break;
                }
            }
            b')' | b']' | b'}' => depth -= 1,
            byte if byte.is_ascii_whitespace() => {}
            _ => alone = false,
        }
    }
    names
}

/// The byte ranges of the items of `source` that hold a byte of `at`, and
/// its first item; empty where every item must be (no lexer, or none it
/// can read).
pub(super) fn around(language: &Language, source: &str, at: &[usize]) -> Vec<Range<usize>> {
    let Some(lexed) = language
        .syntax
        .and_then(|syntax| lex::strings(syntax, source))
    else {
        return Vec::new();
    };
    let items = Items::new(&lexed.items, source.len());
    let mut chosen = vec![false; lexed.items.len()];
    items.choose(&mut chosen, 0, false);
    for &at in at {
        items.choose(&mut chosen, items.of(at), true);
    }
    items.ranges(&chosen)
}

/// A file's pieces, `0` first.
struct Items<'a> {
    pieces: &'a [Piece],
    len: usize,
    /// By piece, the top-level item holding it.
    tops: Vec<usize>,
    /// By piece, the first piece of its statement: the pieces that parse
    /// only together (one opens a block, another closes it) make one
    /// statement.
    statement: Vec<usize>,
    /// By a statement's first piece, its pieces.
    parts: Vec<Vec<usize>>,
}

impl<'a> Items<'a> {
    fn new(pieces: &'a [Piece], len: usize) -> Self {
        let mut top = 0;
        let mut tops = Vec::with_capacity(pieces.len());
        let mut statement = Vec::with_capacity(pieces.len());
        let mut parts = vec![Vec::new(); pieces.len()];
        for (index, piece) in pieces.iter().enumerate() {
            if piece.inside.is_none() && piece.opener.is_none() {
                top = index;
            }
            tops.push(top);
            // An opener comes before the pieces it opens.
            let first = piece.opener.map_or(index, |opener| statement[opener]);
            statement.push(first);
            parts[first].push(index);
        }
        Items {
            pieces,
            len,
            tops,
            statement,
            parts,
        }
    }

    fn start(&self, index: usize) -> usize {
        self.pieces.get(index).map_or(self.len, |piece| piece.start)
    }

    /// The piece holding byte `at`.
    fn of(&self, at: usize) -> usize {
        self.pieces.partition_point(|piece| piece.start <= at) - 1
    }

    /// The top-level item holding piece `index`.
    fn top(&self, index: usize) -> usize {
        self.tops[index]
    }

    /// Chooses piece `index` with what it needs to parse as it would in
    /// the whole file: its statement (`whole`: with everything in its
    /// blocks, where a call's arguments may be, `create({ key: A })`, and a
    /// definition's value, `const command = { key: A }`), and, block by
    /// block, the statement that opens each block around it, without their
    /// other statements. The first piece is not chosen whole: its
    /// statement may be the file's one class.
    fn choose(&self, chosen: &mut [bool], index: usize, whole: bool) {
        let mut first = self.statement[index];
        if whole {
            let last = self.parts[first].last().copied().unwrap_or(first);
            chosen[first..=last].fill(true);
        }
        loop {
            for &part in &self.parts[first] {
                chosen[part] = true;
            }
            // The statement that opens the block around this one: chosen
            // already, its own blocks around it are too.
            let Some(opener) = self.pieces[first].inside else {
                return;
            };
            first = self.statement[opener];
            if chosen[first] {
                return;
            }
        }
    }

    /// Whether item `index` has a line that begins with one of the
    /// language's import words: a name may be imported there.
    fn imports(&self, language: &Language, source: &str, index: usize) -> bool {
        if language.imports.is_empty() {
            return false;
        }
        source[self.start(index)..self.start(index + 1)]
            .lines()
            .any(|line| {
                let line = line.trim_start();
                language.imports.iter().any(|word| {
                    line.strip_prefix(word)
                        .is_some_and(|rest| rest.starts_with([' ', '\t', '*', '{']))
                })
            })
    }

    /// The chosen items, adjacent ones joined.
    fn ranges(&self, chosen: &[bool]) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (index, _) in chosen.iter().enumerate().filter(|(_, chosen)| **chosen) {
            let (start, end) = (self.start(index), self.start(index + 1));
            match ranges.last_mut() {
                Some(last) if last.end == start => last.end = end,
                _ => ranges.push(start..end),
            }
        }
        ranges
    }
}

/// Whether one of `ranges`, in order and apart, holds byte `at`.
fn covers(ranges: &[Range<usize>], at: usize) -> bool {
    let after = ranges.partition_point(|range| range.start <= at);
    after > 0 && ranges[after - 1].contains(&at)
}

/// Each of `names` where it occurs in `source` as a whole word (a word
/// next to a non-ASCII character counts too: one more piece, never one
/// fewer).
fn whole_words(source: &str, mut names: Vec<String>) -> impl Iterator<Item = (String, usize)> {
    names.sort_unstable();
    names.dedup();
    let bytes = source.as_bytes();
    names
        .into_iter()
        .filter(|name| !name.is_empty())
        .flat_map(move |name| {
            let found: Vec<usize> = memchr::memmem::find_iter(bytes, name.as_bytes())
                .filter(|&at| candidates::is_word(bytes, at, at + name.len()))
                .collect();
            found.into_iter().map(move |at| (name.clone(), at))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arguments_that_are_a_name_alone() {
        let names = |call: &str| {
            let quoted: Vec<Range<usize>> = call
                .match_indices('"')
                .map(|(at, _)| at)
                .collect::<Vec<_>>()
                .chunks(2)
                .map(|pair| pair[0]..pair[1] + 1)
                .collect();
            argument_names(call, 0, &quoted)
        };
        assert_eq!(names("is_on(KEY)"), ["KEY"]);
        assert_eq!(names("is_on( KEY , ctx.user())"), ["KEY"]);
        assert_eq!(names("is_on(\"a)\", Key)"), ["Key"]);
        assert_eq!(names("is_on(f(x), [A], {b}, C)"), ["C"]);
        assert!(names("is_on(&KEY, a.b, Flags::A, 12)").is_empty());
        // A name in JavaScript and a variable in PHP.
        assert_eq!(names("is_on($k)"), ["$k"]);
        assert!(names("is_on").is_empty());
        assert!(names("is_on(A B)").is_empty());
    }
}
