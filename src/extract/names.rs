//! Where a name may be defined or bound, as text says: resolution's
//! lookups (`tree::Consulted`) bring in the pieces that may define or bind
//! the names they looked up (`items.rs`), and the second pass reads the
//! files that may define a constant another file waits for
//! (`elsewhere.rs`). Each rule only ever admits more than the tree would
//! find, never less.

use super::candidates::is_word;
use super::lang::Language;

/// Whether the name at `start..end` may be defined there, as a constant is
/// in every language: followed by `=` (not `==`, `=>`, `:=` or `+=`),
/// after a type if the language writes one there (Go's `A
/// featuregate.Feature =`, `A map[string]func(a, b int) =`), or, where a
/// `:` may begin a type or an object member's value
/// (`Language::colon_defines`), by a `:` (`A: Callable[[str], bool] =`,
/// `A: "a"`); never after a member access (`cfg.A = x` sets a field).
pub(super) fn may_define(language: &Language, bytes: &[u8], start: usize, end: usize) -> bool {
    if !is_word(bytes, start, end) || is_member(bytes, start) {
        return false;
    }
    let after = skip_blanks_on_line(bytes, end);
    match bytes.get(after) {
        Some(b':')
            if language.colon_defines && !matches!(bytes.get(after + 1), Some(b':' | b'=')) =>
        {
            return true;
        }
        None => return false,
        _ => {}
    }
    // A type after the name holds no string, and its commas are inside
    // brackets.
    let mut depth = 0usize;
    let mut at = after;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'=' if depth == 0 => {
                let previous = bytes[at - 1];
                return !matches!(bytes.get(at + 1), Some(b'=' | b'>'))
                    && !b":!<>+-*/%&|^".contains(&previous);
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return false,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => return false,
            b'\n' | b';' | b'"' | b'`' => return false,
            _ => {}
        }
        at += 1;
    }
    false
}

/// Whether the word at `start` follows a member access on its line: `.`,
/// `->`, `::`.
fn is_member(bytes: &[u8], start: usize) -> bool {
    let blanks = bytes[..start]
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let before = &bytes[..start - blanks];
    (before.ends_with(b".") && !before.ends_with(b".."))
        || before.ends_with(b"->")
        || before.ends_with(b"::")
}

/// Whether the name at `start..end` may be bound there, as a local or a
/// parameter is in any form (`let (a, name) =`, `name :=`, `for name in`,
/// `{ name }`, `...name`): any whole word but a member (`x.name`), an owner
/// (`name.x`, `name::x`) or a callee (`name(`).
pub(super) fn may_bind(bytes: &[u8], start: usize, end: usize) -> bool {
    if !is_word(bytes, start, end) || is_member(bytes, start) {
        return false;
    }
    let after = skip_blanks_on_line(bytes, end);
    let rest = &bytes[after..];
    !(rest.starts_with(b"(")
        || (rest.starts_with(b".") && !rest.starts_with(b".."))
        || rest.starts_with(b"::")
        || rest.starts_with(b"->"))
}

fn skip_blanks_on_line(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::{may_bind, may_define};
    use crate::extract::lang;

    #[test]
    fn a_field_set_defines_nothing() {
        let go = lang::for_path(std::path::Path::new("x.go")).unwrap();
        let defines = |text: &str| {
            let at = text.find('A').unwrap();
            may_define(go, text.as_bytes(), at, at + 1)
        };
        assert!(defines("const A = \"a\""));
        assert!(defines("\tA featuregate.Feature = \"a\""));
        assert!(defines("// Gates.\nA = \"a\""));
        assert!(!defines("cfg.A = x"));
        assert!(!defines("cfg. A = x"));
        assert!(!defines("A == x"));
        assert!(!defines("A := x"));
        assert!(!defines("x := ...A"));
        assert!(defines("var A map[string]func(a, b int) = m"));
        assert!(!defines("f(A, b = 1)"));
        assert!(!defines("f(A) == x"));
        let python = lang::for_path(std::path::Path::new("x.py")).unwrap();
        let text = "A: str | Callable[[Vector], float] = \"mean\"";
        assert!(may_define(python, text.as_bytes(), 0, 1));
    }

    #[test]
    fn a_name_may_be_bound_but_where_it_is_a_member_an_owner_or_a_callee() {
        let binds = |text: &str| {
            let at = text.find('A').unwrap();
            may_bind(text.as_bytes(), at, at + 1)
        };
        for bound in [
            "A := x",
            "for _, A := range",
            "let (b, A) =",
            "const [...A] = x",
            "{ A }",
        ] {
            assert!(binds(bound), "{bound}");
        }
        for not in ["x.A", "x?.A = 1", "A.b", "A (x)", "A::new()", "$this->A"] {
            assert!(!binds(not), "{not}");
        }
        assert!(binds("A..b"));
    }
}
