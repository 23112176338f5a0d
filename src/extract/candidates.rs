//! Candidates first: one pass over a file's bytes, at Aho-Corasick speed,
//! says what a syntax tree could find there, so that most files cost no
//! more than reading them.
//!
//! A needle is a key or alias, the name of a call pattern, the name of a
//! flag object's source, or a literal run of a callee regular expression.
//! An occurrence is a candidate only where the language could make it
//! one:
//!
//! - a **key** between two of the language's string delimiters (`"k"`,
//!   `'k'`, `` `k` ``; after a Ruby `:`; anywhere in a shell script): a
//!   string whose text is the key, or a longer string, or a comment, which
//!   the lexer (`lex/`) or the tree tells apart;
//! - a **call name** as a whole identifier, preceded by the rest of the
//!   pattern's path (`features.` before `Enabled`, across blanks and any
//!   of `.`, `::`, `?.`, `->`) and followed by the language's call syntax
//!   (`(`, generics `<`, Rust's `::<`; a JSX element's `<Name`; anything
//!   in Ruby and shell, which call without parentheses);
//! - a **flag object's source** as a whole identifier;
//! - a **callee regex's literal** in the name of a callee that is called
//!   and whose path, as the tree would spell it, the regex matches
//!   (`named.rs`).
//!
//! Each rule only ever admits more than the tree would match, never less:
//! `tests/differential.rs` holds the fast path to the exhaustive one.

use super::lang::Language;
use super::named;
use super::needles::Needles;
use crate::types::{CallPattern, ObjectSource};

/// What one needle stands for.
#[derive(Clone, Debug)]
enum Needle {
    Key,
    /// A call pattern's name, with the segments before it (outermost
    /// first) and the languages it applies to.
    Call {
        before: Vec<String>,
        languages: Vec<String>,
        /// The pattern's least number of arguments (`min_arguments`).
        min_arguments: usize,
    },
    /// A literal of a callee regex: an occurrence in these languages in
    /// the name of a callee whose path the regex matches (`NamedBy`).
    Named {
        regex: regex::Regex,
        languages: Vec<String>,
    },
    /// A flag object's source: any whole occurrence in these languages, in
    /// a file that also spells each of `owners` (`props` for
    /// `props.flags`).
    Anywhere {
        languages: Vec<String>,
        owners: Vec<String>,
    },
}

/// What the candidates of one file ask for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Found {
    /// A key between string delimiters: the file's strings must be read.
    pub key: bool,
    /// A call, a flag object or a callee regex may match: the tree must be
    /// built.
    pub call: bool,
    /// Where: the start of each call name, flag object source or callee
    /// regex literal. Empty with `call` when a callee regex has no literal
    /// to look for: anywhere then.
    pub calls: Vec<usize>,
}

/// The needles of a run, compiled once.
pub(super) struct Candidates {
    matcher: Needles,
    needles: Vec<Needle>,
    /// Languages whose every file must be parsed: a callee regex with no
    /// literal to look for applies to them.
    always: Vec<Vec<String>>,
}

impl Candidates {
    pub(super) fn new(
        spellings: &[String],
        calls: &[CallPattern],
        objects: &[ObjectSource],
    ) -> Candidates {
        let mut texts: Vec<String> = Vec::new();
        let mut needles = Vec::new();
        let mut always = Vec::new();
        for spelling in spellings {
            texts.push(spelling.clone());
            needles.push(Needle::Key);
        }
        for pattern in calls {
            match &pattern.name {
                Some(regex) => match regex_literals(regex.0.as_str()) {
                    Some(literals) => {
                        for literal in literals {
                            texts.push(literal);
                            needles.push(Needle::Named {
                                regex: regex.0.clone(),
                                languages: pattern.languages.clone(),
                            });
                        }
                    }
                    None => always.push(pattern.languages.clone()),
                },
                None => {
                    let mut segments: Vec<String> = pattern.segments().to_vec();
                    let Some(name) = segments.pop() else { continue };
                    texts.push(name);
                    needles.push(Needle::Call {
                        before: segments,
                        languages: pattern.languages.clone(),
                        min_arguments: pattern.argument.min_arguments,
                    });
                }
            }
        }
        for object in objects {
            texts.push(object.name().to_string());
            needles.push(Needle::Anywhere {
                languages: object.languages.clone(),
                owners: object.owners().to_vec(),
            });
        }
        Candidates {
            matcher: Needles::new(&texts),
            needles,
            always,
        }
    }

    /// What `source`, in `language`, holds.
    pub(super) fn find(&self, language: &Language, source: &str) -> Found {
        let applies = |languages: &[String]| {
            languages.is_empty() || languages.iter().any(|l| l == language.name)
        };
        let mut found = Found {
            key: false,
            call: self.always.iter().any(|languages| applies(languages)),
            calls: Vec::new(),
        };
        if found.call {
            return found;
        }
        let bytes = source.as_bytes();
        // Whether the file spells a flag object's owners, by needle.
        let mut spelled = std::collections::HashMap::new();
        for hit in self.matcher.find(source) {
            let (start, end) = (hit.start, hit.end);
            match &self.needles[hit.needle] {
                Needle::Key => {
                    if !found.key && between_delimiters(language, bytes, start, end) {
                        found.key = true;
                    }
                }
                Needle::Call {
                    before,
                    languages,
                    min_arguments,
                } => {
                    if applies(languages)
                        && is_call(language, bytes, start, end, before)
                        && (language.calls_without_parentheses
                            || may_have_arguments(bytes, end, *min_arguments))
                    {
                        found.call = true;
                        found.calls.push(start);
                    }
                }
                Needle::Named { regex, languages } => {
                    if applies(languages)
                        && named::names_callee(language, source, start, end, regex)
                    {
                        found.call = true;
                        found.calls.push(start);
                    }
                }
                Needle::Anywhere { languages, owners } => {
                    let index = hit.needle;
                    if applies(languages)
                        && is_word(bytes, start, end)
                        && *spelled
                            .entry(index)
                            .or_insert_with(|| owners.iter().all(|owner| spells(bytes, owner)))
                    {
                        found.call = true;
                        found.calls.push(start);
                    }
                }
            }
        }
        found
    }
}

/// Bytes of an identifier. Bytes of non-ASCII characters count as not
/// continuing one, which only ever admits more candidates.
pub(super) fn identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$'
}

pub(super) fn is_word(bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    !before.is_some_and(identifier_byte) && !after.is_some_and(identifier_byte)
}

/// Whether `name` is in `bytes` as a whole identifier (after a `$` too:
/// PHP's `$props`).
pub(super) fn spells(bytes: &[u8], name: &str) -> bool {
    memchr::memmem::find_iter(bytes, name.as_bytes()).any(|at| {
        let end = at + name.len();
        let before = at.checked_sub(1).map(|i| bytes[i]);
        !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !bytes.get(end).copied().is_some_and(identifier_byte)
    })
}

/// Whether the key at `start..end` could be a whole string literal's text.
fn between_delimiters(language: &Language, bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    let quotes = language.quotes;
    if quotes.is_empty() {
        // Shell: a word ends at blanks, quotes, operators, and inside
        // expansions (`${1:-test}`) at nearly anything; any occurrence is
        // a candidate, and the tree decides.
        return true;
    }
    match (before, after) {
        (Some(open), Some(close)) if quotes.contains(&open) && quotes.contains(&close) => true,
        // A Ruby symbol, `:new_ui`.
        (Some(b':'), after) if quotes.contains(&b':') => !after.is_some_and(identifier_byte),
        _ => false,
    }
}

/// Whether the call name at `start..end` is called there, with the rest of
/// its pattern's path before it.
fn is_call(language: &Language, bytes: &[u8], start: usize, end: usize, before: &[String]) -> bool {
    if !is_word(bytes, start, end) {
        return false;
    }
    // The path before the name: `features` `.` `Enabled`.
    let mut at = start;
    for segment in before.iter().rev() {
        at = skip_blanks_back(bytes, at);
        let Some(separator) = [&b"::"[..], b"?.", b"->", b"."]
            .into_iter()
            .find(|sep| bytes[..at].ends_with(sep))
        else {
            return false;
        };
        at = skip_blanks_back(bytes, at - separator.len());
        let segment = segment.as_bytes();
        // PHP's `$client->isEnabled`: the `$` is not part of the segment.
        if !bytes[..at].ends_with(segment) {
            return false;
        }
        at -= segment.len();
        if at > 0 && identifier_byte(bytes[at - 1]) && bytes[at - 1] != b'$' {
            return false;
        }
    }
    if language.calls_without_parentheses {
        return true;
    }
    // A JSX element: `<Feature`.
    if skip_blanks_back(bytes, at).checked_sub(1).map(|i| bytes[i]) == Some(b'<') {
        return true;
    }
    let after = skip_blanks(bytes, end);
    matches!(bytes.get(after), Some(b'(' | b'<')) || bytes[after..].starts_with(b"::<")
}

/// Whether the call whose name ends at `end` may have `min` arguments:
/// `x.String()` has none, where OpenFeature's Go `client.String` takes
/// four. Commas are counted at depth 0 up to the closing parenthesis; a
/// quote, a possible comment or anything but `(` after the name admits
/// the call (their text may hold anything), as does a block after it (a
/// Kotlin trailing lambda is an argument).
fn may_have_arguments(bytes: &[u8], end: usize, min: usize) -> bool {
    if min == 0 {
        return true;
    }
    let open = skip_blanks(bytes, end);
    if bytes.get(open) != Some(&b'(') {
        return true;
    }
    let (mut depth, mut commas, mut empty) = (0usize, 0usize, true);
    for (offset, &byte) in bytes[open + 1..].iter().enumerate() {
        match byte {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b')' => {
                let after = skip_blanks(bytes, open + 1 + offset + 1);
                let arguments = if empty { 0 } else { commas + 1 };
                return arguments >= min || bytes.get(after) == Some(&b'{');
            }
            b',' if depth == 0 => commas += 1,
            b'"' | b'\'' | b'`' | b'/' | b'#' => return true,
            _ => {}
        }
        if !byte.is_ascii_whitespace() {
            empty = false;
        }
    }
    true
}

pub(super) fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

pub(super) fn skip_blanks_back(bytes: &[u8], mut at: usize) -> usize {
    while at > 0 && bytes[at - 1].is_ascii_whitespace() {
        at -= 1;
    }
    at
}

/// Identifier runs every match of `pattern` contains: its suffix literals
/// (or else prefix literals), cut to their longest run of identifier
/// characters (the expression runs over a path joined with `.`, which the
/// code may spell `::`). `None` when some match has no such run of three
/// characters or more: then every file may match.
pub(in crate::extract) fn regex_literals(pattern: &str) -> Option<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    [ExtractKind::Suffix, ExtractKind::Prefix]
        .into_iter()
        .find_map(|kind| {
            let mut extractor = Extractor::new();
            extractor.kind(kind);
            let literals = extractor.extract(&hir);
            let runs: Option<Vec<String>> = literals
                .literals()?
                .iter()
                .map(|literal| {
                    let text = String::from_utf8_lossy(literal.as_bytes()).into_owned();
                    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .max_by_key(|run| run.len())
                        .filter(|run| run.len() >= 3)
                        .map(str::to_string)
                })
                .collect();
            runs.filter(|runs| !runs.is_empty())
        })
}

#[cfg(test)]
mod tests {
    use super::{Candidates, regex_literals};
    use crate::extract::lang;
    use crate::types::ObjectSource;

    #[test]
    fn a_call_with_too_few_arguments_is_no_candidate() {
        use super::may_have_arguments;
        let at = |text: &str| may_have_arguments(text.as_bytes(), 8, 4);
        assert!(!at("c.String()"));
        assert!(!at("c.String(a, f(b, c))"));
        assert!(at("c.String(ctx, \"k\", x, y)"));
        assert!(at("c.String(ctx, k, []int{1, 2}, y, z)"));
        // Text that may hide a parenthesis, or a trailing lambda: admitted.
        assert!(at("c.String(\")\")"));
        assert!(at("c.String(a) { it }"));
        assert!(at("c.String<T>(a)"));
        assert!(may_have_arguments(b"c.String()", 8, 0));
    }

    #[test]
    fn a_flag_object_needs_its_owners_spelled() {
        let object = ObjectSource::new("props.flags", Vec::new()).unwrap();
        let candidates = Candidates::new(&[], &[], &[object]);
        let js = lang::for_path(std::path::Path::new("x.js")).unwrap();
        let find = |source: &str| candidates.find(js, source).calls;
        assert_eq!(
            find("const flags = parse(argv);\nuse(flags);"),
            [] as [usize; 0]
        );
        assert_eq!(find("if (this.props.flags.a) {}"), [15]);
        assert_eq!(find("const { flags } = $props;"), [8]);
        assert_eq!(find("const { flags } = subprops;"), [] as [usize; 0]);
    }

    #[test]
    fn literals_of_callee_expressions() {
        assert_eq!(
            regex_literals(r"^is_(\w+)_enabled$"),
            Some(vec!["_enabled".to_string()])
        );
        assert_eq!(
            regex_literals(r"^flags\.(\w+)\.Value$"),
            Some(vec!["Value".to_string()])
        );
        assert_eq!(regex_literals(r"(\w+)"), None);
    }
}
