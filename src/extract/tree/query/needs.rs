//! What a file must spell for a `[[scan.queries]]` entry to match in it,
//! read from each pattern's text predicates: `(#eq? @c "path")` needs
//! `path`, `(#match? @c "^(flag|notFlag)$")` needs `flag` or `notFlag`,
//! `(#any-of? @c "a" "b")` needs `a` or `b`. Such a predicate proves
//! something only on a capture every match holds (quantifier one, or one
//! or more): on an optional one it holds vacuously. A file that spells
//! the needs of none of a query's patterns cannot match it, and is not
//! parsed whole for it; tree-sitter's match stays the authority wherever
//! some pattern may match.

use tree_sitter::{CaptureQuantifier, Query};

use crate::extract::candidates::regex_literals;

/// A query's needs: one entry per pattern, each a list of needs of which
/// a file must spell every one, each need a list of texts of which one
/// will do. A pattern with no needs may match anywhere.
#[derive(Debug, Clone)]
pub(in crate::extract) struct Needs(Vec<Vec<Vec<String>>>);

impl Needs {
    /// Reads the needs of every pattern of `query`, compiled from `text`.
    pub(super) fn of(query: &Query, text: &str) -> Needs {
        let patterns = (0..query.pattern_count())
            .map(|pattern| {
                let source = text
                    .get(query.start_byte_for_pattern(pattern)..query.end_byte_for_pattern(pattern))
                    .unwrap_or("");
                let quantifiers = query.capture_quantifiers(pattern);
                predicates(source)
                    .into_iter()
                    .filter_map(|predicate| need(query, quantifiers, &predicate))
                    .collect()
            })
            .collect();
        Needs(patterns)
    }

    /// Whether the query may match in `source`: it spells every need of
    /// some pattern.
    pub(in crate::extract) fn may_match(&self, source: &str) -> bool {
        let spells =
            |text: &String| memchr::memmem::find(source.as_bytes(), text.as_bytes()).is_some();
        self.0
            .iter()
            .any(|needs| needs.iter().all(|any_of| any_of.iter().any(spells)))
    }
}

/// One argument of a predicate, as the query spells it.
#[derive(Debug, PartialEq, Eq)]
enum Argument {
    Capture(String),
    Text(String),
    /// A bare word, or a string with an escape: read as proving nothing.
    Other,
}

/// The texts one of which a file must spell for `predicate` to hold, if
/// it says so: a positive `#eq?`, `#match?` or `#any-of?` on a capture
/// every match of the pattern holds.
fn need(
    query: &Query,
    quantifiers: &[CaptureQuantifier],
    (name, arguments): &(String, Vec<Argument>),
) -> Option<Vec<String>> {
    let [Argument::Capture(capture), values @ ..] = arguments.as_slice() else {
        return None;
    };
    let index = query.capture_index_for_name(capture)?;
    let always = matches!(
        quantifiers.get(index as usize),
        Some(CaptureQuantifier::One | CaptureQuantifier::OneOrMore)
    );
    if !always {
        return None;
    }
    let texts: Option<Vec<&String>> = values
        .iter()
        .map(|value| match value {
            Argument::Text(text) if !text.is_empty() => Some(text),
            _ => None,
        })
        .collect();
    match (name.as_str(), texts?.as_slice()) {
        ("eq?", [text]) => Some(vec![text.to_string()]),
        ("match?", [pattern]) => regex_literals(pattern),
        ("any-of?", texts) if !texts.is_empty() => {
            Some(texts.iter().map(|text| text.to_string()).collect())
        }
        _ => None,
    }
}

/// The predicates in a pattern's text, `(#name? @capture "text" …)`, by
/// name without its `#`; strings and `;` comments elsewhere are skipped.
fn predicates(text: &str) -> Vec<(String, Vec<Argument>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b';' => at = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i),
            b'"' => at = string(bytes, at).1,
            b'(' => {
                let start = skip_blanks(bytes, at + 1);
                if bytes.get(start) == Some(&b'#') {
                    let (predicate, end) = predicate(bytes, start + 1);
                    found.extend(predicate);
                    at = end;
                } else {
                    at += 1;
                }
            }
            _ => at += 1,
        }
    }
    found
}

/// The predicate whose name starts at `at` (past its `#`), and where its
/// text ends; `None` if it never closes.
fn predicate(bytes: &[u8], at: usize) -> (Option<(String, Vec<Argument>)>, usize) {
    let (name, mut at) = word(bytes, at);
    let mut arguments = Vec::new();
    loop {
        at = skip_blanks(bytes, at);
        match bytes.get(at) {
            None => return (None, at),
            Some(b')') => return (Some((name, arguments)), at + 1),
            Some(b'@') => {
                let (capture, end) = word(bytes, at + 1);
                arguments.push(Argument::Capture(capture));
                at = end;
            }
            Some(b'"') => {
                let (text, end) = string(bytes, at);
                arguments.push(text.map_or(Argument::Other, Argument::Text));
                at = end;
            }
            Some(_) => {
                let (_, end) = word(bytes, at);
                arguments.push(Argument::Other);
                at = end.max(at + 1);
            }
        }
    }
}

/// The string whose opening quote is at `at`, unless it holds an escape,
/// and where it ends.
fn string(bytes: &[u8], at: usize) -> (Option<String>, usize) {
    let mut end = at + 1;
    let mut escaped = false;
    while end < bytes.len() && bytes[end] != b'"' {
        if bytes[end] == b'\\' {
            escaped = true;
            end += 1;
        }
        end += 1;
    }
    let text = (!escaped && end < bytes.len())
        .then(|| String::from_utf8_lossy(&bytes[at + 1..end]).into_owned());
    (text, (end + 1).min(bytes.len()))
}

/// The word at `at`: up to a blank, a parenthesis or a quote.
fn word(bytes: &[u8], at: usize) -> (String, usize) {
    let end = bytes[at.min(bytes.len())..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || matches!(b, b'(' | b')' | b'"'))
        .map_or(bytes.len(), |i| at + i);
    (
        String::from_utf8_lossy(&bytes[at.min(end)..end]).into_owned(),
        end,
    )
}

fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::Needs;
    use crate::extract::lang;

    fn needs(extension: &str, text: &str) -> Needs {
        let language = lang::for_extension(extension).expect("a grammar");
        let query = tree_sitter::Query::new(&language.grammar(), text).expect("a query");
        Needs::of(&query, text)
    }

    #[test]
    fn a_route_table_query_needs_its_words() {
        let query = r#"(object (pair key: (property_identifier) @path (#eq? @path "path")) (pair key: (property_identifier) @name (#match? @name "^(flag|notFlag)$") value: (string) @flag))"#;
        let needs = needs("ts", query);
        assert_eq!(
            needs.0,
            vec![vec![
                vec!["path".to_string()],
                vec!["flag".to_string(), "notFlag".to_string()]
            ]]
        );
        assert!(needs.may_match("{ path: '/a', notFlag: 'x' }"));
        assert!(!needs.may_match("{ path: '/a' }"));
        assert!(!needs.may_match("{ flag: 'x' }"));
    }

    #[test]
    fn a_predicate_on_an_optional_capture_proves_nothing() {
        let needs = needs(
            "ts",
            r#"(call_expression function: (identifier) @f arguments: (arguments (string)? @s (#eq? @s "key")))"#,
        );
        assert_eq!(needs.0, vec![Vec::<Vec<String>>::new()]);
        assert!(needs.may_match("anything"));
    }

    #[test]
    fn each_pattern_may_match_on_its_own() {
        let needs = needs(
            "ts",
            r#"((identifier) @a (#eq? @a "alpha")) ((identifier) @b (#any-of? @b "beta" "gamma"))"#,
        );
        assert!(needs.may_match("let alpha"));
        assert!(needs.may_match("let gamma"));
        assert!(!needs.may_match("let delta"));
    }

    #[test]
    fn escapes_negations_and_captures_compared_prove_nothing() {
        for query in [
            r#"((identifier) @a (#eq? @a "a\"b"))"#,
            r#"((identifier) @a (#not-eq? @a "alpha"))"#,
            r#"((identifier) @a (#any-eq? @a "alpha"))"#,
            r#"((identifier) @a (#match? @a "."))"#,
            r#"((pair key: (property_identifier) @a value: (string) @b) (#eq? @a @b))"#,
        ] {
            assert!(needs("ts", query).may_match("nothing here"), "{query}");
        }
        // A string or a comment that looks like a predicate is neither.
        let needs = needs(
            "ts",
            "; (#eq? @a \"alpha\")\n((string) @a (#not-eq? @a \"(#eq? @a \\\"beta\\\")\"))",
        );
        assert!(needs.may_match("nothing here"));
    }
}
