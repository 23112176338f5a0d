//! Candidates of a callee regex (`[[scan.calls]] callee = '/^is_(\w+)_enabled$/'`):
//! its literal (`_enabled`) is a candidate only in the name of a callee
//! that is called and whose path, read back from the text as the tree
//! would read it, the regex may match.

use super::candidates::{identifier_byte, skip_blanks, skip_blanks_back};
use super::lang::Language;
use crate::types::pattern::callee_segments;

/// Whether the literal at `start..end` of a callee regex is in the name of
/// a callee the regex may match: the name is called (or, in Ruby and
/// shell, may be), and the regex matches the path that ends with it as the
/// tree spells one (`tree/call.rs`: `callee_segments` joined with `.`),
/// or as a macro's tokens do (`tree/macro_tokens.rs`: from after the last
/// `self`, `super` or `crate`), or either without PHP's `$`. So
/// `checker.is_rule_enabled(..)` is no candidate for `^is_(\w+)_enabled$`,
/// which `is_rule_enabled(..)` is. Text the walk back cannot read
/// (non-ASCII) admits the candidate.
pub(super) fn names_callee(
    language: &Language,
    source: &str,
    start: usize,
    end: usize,
    regex: &regex::Regex,
) -> bool {
    let bytes = source.as_bytes();
    let mut word_end = end;
    while bytes.get(word_end).copied().is_some_and(identifier_byte) {
        word_end += 1;
    }
    // The path runs back over names, separators and blanks.
    let path_byte = |b: u8| identifier_byte(b) || b.is_ascii_whitespace() || b".:?!->".contains(&b);
    let from = bytes[..start]
        .iter()
        .rposition(|&b| !path_byte(b))
        .map_or(0, |i| i + 1);
    if bytes.get(word_end).is_some_and(|&b| b >= 0x80) || from > 0 && bytes[from - 1] >= 0x80 {
        return true;
    }
    // With Ruby's `enabled?` mark, and without.
    let ends = [word_end, word_end + 1]
        .into_iter()
        .filter(|&e| e == word_end || matches!(bytes.get(word_end), Some(b'?' | b'!')));
    for name_end in ends {
        let after = skip_blanks(bytes, name_end);
        let called = language.calls_without_parentheses
            || matches!(bytes.get(after), Some(b'(' | b'<'))
            || bytes[after..].starts_with(b"::<")
            || skip_blanks_back(bytes, from)
                .checked_sub(1)
                .map(|i| bytes[i])
                == Some(b'<');
        if !called {
            continue;
        }
        let text = &source[from..name_end];
        let segments = callee_segments(text);
        // The path goes on before what the walk took, through what it
        // cannot read (`this.<T>isX`, Ruby's `obj&.is_x`): a receiver
        // the tree may read; admitted. A word before it (`if`, `return`)
        // is not part of it.
        let first = segments
            .first()
            .map_or(text.len(), |s| s.as_ptr() as usize - text.as_ptr() as usize);
        // A path over lines may have taken a comment's last word
        // (`// … this behavior.` above `is_x_enabled(…)`): admitted.
        if text[..first]
            .trim_end()
            .ends_with(|c: char| ".:>?-".contains(c))
            || text[first..].contains('\n')
        {
            return true;
        }
        let tokens = segments
            .iter()
            .rposition(|s| matches!(*s, "self" | "super" | "crate"))
            .map_or(&segments[..], |i| &segments[i + 1..]);
        for path in [&segments[..], tokens] {
            let joined = path.join(".");
            let bare: Vec<&str> = path.iter().map(|s| s.trim_start_matches('$')).collect();
            for text in [joined, bare.join(".")] {
                if regex.captures(&text).is_some_and(|c| c.get(1).is_some()) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::extract::candidates::Candidates;
    use crate::extract::lang;
    use crate::types::CallPattern;

    #[test]
    fn a_callee_regex_literal_is_a_candidate_where_the_path_may_match() {
        let regex = regex::Regex::new(r"^is_(\w+)_enabled$").unwrap();
        let pattern = CallPattern::named_by("is_x", regex, Vec::new());
        let candidates = Candidates::new(&[], &[pattern], &[]);
        let rust = lang::for_path(std::path::Path::new("x.rs")).unwrap();
        let ruby = lang::for_path(std::path::Path::new("x.rb")).unwrap();
        let found = |language, source: &str| !candidates.find(language, source).calls.is_empty();
        assert!(found(rust, "if is_x_enabled(s) {}"));
        assert!(found(rust, "if !is_x_enabled(s) {}"));
        // A method call's path is `checker.is_rule_enabled`: no match.
        assert!(!found(rust, "if checker.is_rule_enabled(r) {}"));
        assert!(!found(rust, "fn is_x_enabled_too() {}"));
        assert!(!found(rust, "let f = is_x_enabled;"));
        // A macro's tokens start after `self`.
        assert!(found(rust, "assert!(self.is_x_enabled());"));
        // What the walk back cannot read is admitted.
        assert!(found(rust, "a().is_x_enabled()"));
        assert!(found(rust, "// the behaviour.\nis_x_enabled(s)"));
        assert!(found(ruby, "obj&.is_x_enabled"));
    }
}
