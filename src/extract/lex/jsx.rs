//! JSX, as the lexer reads it in JavaScript and TSX: an element's text may
//! hold quotes and slashes (`<p>Don't // stop</p>`) that open neither a
//! string, a comment nor a regex. An element opens where a value may
//! (`return <div>`, `(<A />)`, `= <>`); its attribute strings are string
//! literals, without escapes, as the tree's are; its `{…}` holes are code;
//! its text is nothing. What does not read as JSX (a generic arrow
//! `<T,>(x) =>`, a closing tag that does not match its opening one, an
//! element that never closes) gives up: the tree decides.

use super::{Last, Lexer};

impl<'s> Lexer<'s> {
    /// Whether the `<` at the cursor opens a JSX element: in a file that
    /// may hold JSX, where a value may start, before a name or a
    /// fragment's `>` (`a << b` is a shift).
    pub(super) fn jsx_opens(&self) -> bool {
        self.syntax.jsx
            && !matches!(self.last, Last::Value | Last::Punct(b'<'))
            && self
                .bytes
                .get(self.at + 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_' || b == b'>')
    }

    /// The JSX element whose `<` is at the cursor, to its end; `None` where
    /// it does not read as one.
    pub(super) fn jsx_element(&mut self) -> Option<()> {
        // The names of the elements open around the cursor, innermost last.
        let mut open: Vec<&'s [u8]> = Vec::new();
        loop {
            // At an opening tag's `<`.
            self.at += 1;
            let name = self.jsx_name();
            if !self.jsx_attributes()? {
                open.push(name);
            }
            // Children, up to a child element or the innermost closing tag.
            loop {
                if open.is_empty() {
                    self.last = Last::Value;
                    return Some(());
                }
                self.at += memchr::memchr2(b'<', b'{', self.rest())?;
                if self.bytes[self.at] == b'{' {
                    self.jsx_hole()?;
                    continue;
                }
                if !self.rest().starts_with(b"</") {
                    break;
                }
                self.at += 2;
                self.skip_blanks();
                let name = self.jsx_name();
                self.skip_blanks();
                if open.pop() != Some(name) || self.bytes.get(self.at) != Some(&b'>') {
                    return None;
                }
                self.at += 1;
            }
        }
    }

    /// An element's name at the cursor (`div`, `Foo.Bar`, `svg:path`,
    /// `my-element`; empty for a fragment).
    fn jsx_name(&mut self) -> &'s [u8] {
        let bytes: &'s [u8] = self.bytes;
        let start = self.at;
        while bytes.get(self.at).is_some_and(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'-' | b'.' | b':') || b >= 0x80
        }) {
            self.at += 1;
        }
        &bytes[start..self.at]
    }

    /// An opening tag's attributes, to its end: `Some(true)` if it closes
    /// itself (`/>`).
    fn jsx_attributes(&mut self) -> Option<bool> {
        loop {
            self.skip_blanks();
            if self.comment()? {
                continue;
            }
            let rest = self.rest();
            if rest.starts_with(b"/>") {
                self.at += 2;
                return Some(true);
            }
            match *rest.first()? {
                b'>' => {
                    self.at += 1;
                    return Some(false);
                }
                // `{...props}`.
                b'{' => self.jsx_hole()?,
                _ => {
                    if self.jsx_name().is_empty() {
                        return None;
                    }
                    self.skip_blanks();
                    if self.bytes.get(self.at) != Some(&b'=') {
                        continue;
                    }
                    self.at += 1;
                    self.skip_blanks();
                    match *self.rest().first()? {
                        quote @ (b'"' | b'\'') => {
                            let start = self.at;
                            let length = memchr::memchr(quote, &self.rest()[1..])?;
                            self.at += length + 2;
                            self.found.push(start..self.at);
                        }
                        b'{' => self.jsx_hole()?,
                        b'<' => {
                            self.last = Last::Punct(b'=');
                            self.jsx_element()?;
                        }
                        _ => return None,
                    }
                }
            }
        }
    }

    /// A `{…}` hole of code at the cursor, to its closing brace.
    fn jsx_hole(&mut self) -> Option<()> {
        self.hole(self.at + 1, "}").map(drop)
    }

    fn skip_blanks(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::lex::lexed_literals;

    fn literals(source: &str) -> Option<Vec<&str>> {
        lexed_literals("x.tsx", source)
    }

    #[test]
    fn text_holds_no_strings_and_attributes_are_strings() {
        let source = r#"const a = <p title="x\" data-k='y'>Don't // "z" {f("w")} /* </p>;
const b = 1 << 2 < 3;
const c = (<><A {...p} b=<C d="e" /> /></>);
"#;
        assert_eq!(
            literals(source).unwrap(),
            [r#""x\""#, "'y'", r#""w""#, r#""e""#]
        );
    }

    #[test]
    fn the_fixture_is_read_without_a_tree() {
        let page = include_str!("../../../testdata/lexer/Page.tsx");
        assert_eq!(literals(page).map(|found| found.len()), Some(8));
    }

    #[test]
    fn what_is_not_quite_jsx_gives_up() {
        // A generic arrow; a closing tag that does not match; one missing.
        for source in [
            "const f = <T,>(x: T) => x;",
            "const a = <div></span>;",
            "const a = <div>\"text\"",
        ] {
            assert_eq!(literals(source), None, "{source}");
        }
    }
}
