//! Ruby's literals that only context tells from an operator, as the lexer
//! reads them where `Syntax::contextual` says a language has them. A symbol
//! (`:name`, `:"name"`) is a string literal, as the tree's `simple_symbol`
//! and `delimited_symbol` are; a label's colon (`key: v`, `{a:b}`) and a
//! scope's (`A::B`) are not. Percent literals (`%w[…]`, `%q(…)`) are read
//! to their end, with the code in their holes. The literals this lexer
//! does not read give up, and the tree decides: heredocs
//! (`<<~EOS`), character literals that hold a quote, a `#` or an escape
//! (`?"`), `=begin` comments, special globals (`$"`), and a regex or a
//! percent literal after a method name (`split /,/`, `puts %w(a)`), which
//! may be a division or a modulo.

use super::{Last, Lexer, is_word_byte};

impl Lexer<'_> {
    /// At a punctuation byte in code: `Some(true)` if a symbol was read,
    /// `None` at a literal the lexer does not read, else `Some(false)`.
    pub(super) fn contextual(&mut self) -> Option<bool> {
        let rest = self.rest();
        let next = rest.get(1).copied().unwrap_or(b'\n');
        let delimiter = |b: u8| !b.is_ascii_alphanumeric() && !b.is_ascii_whitespace() && b != b'=';
        let gives_up = match rest[0] {
            b':' => return self.symbol(),
            // `%= 2` and `% x` are operators; `puts %w(a)` after a value
            // may be either.
            b'%' => {
                let kind = b"qQwWiIrsx".contains(&next).then_some(next);
                let open = self.at + 1 + usize::from(kind.is_some());
                if !self.bytes.get(open).is_some_and(|&b| delimiter(b)) {
                    return Some(false);
                }
                if self.last == Last::Value && !self.first_on_line(self.at) {
                    return None;
                }
                self.percent(!matches!(kind, Some(b'q' | b'w' | b'i' | b's')), open)?;
                return Some(true);
            }
            // `class << self` shifts; `<<~EOS` opens a heredoc.
            b'<' => {
                next == b'<'
                    && rest
                        .get(2)
                        .is_some_and(|&b| b"~-\"'`_".contains(&b) || b.is_ascii_alphabetic())
            }
            b'?' => b"\"'`#\\".contains(&next),
            b'=' => (self.at == 0 || self.at_line_start(self.at)) && rest.starts_with(b"=begin"),
            b'/' => {
                self.last == Last::Value
                    && self.bytes[self.at - 1].is_ascii_whitespace()
                    && !next.is_ascii_whitespace()
                    && next != b'='
            }
            _ => false,
        };
        match gives_up {
            true => None,
            false => Some(false),
        }
    }

    /// A percent literal (`%w(a b)`, `%r{…}`, `%Q[…#{x}…]`) whose opening
    /// delimiter is at `open`, to its end: brackets nest, a backslash
    /// escapes, and `#{…}` holes are code where it `interpolates`. Its
    /// text is no reference: the tree's are word and symbol arrays, regexes
    /// and strings that `unquote` does not read.
    fn percent(&mut self, interpolates: bool, open: usize) -> Option<()> {
        let opener = self.bytes[open];
        let closer = match opener {
            b'(' => b')',
            b'[' => b']',
            b'{' => b'}',
            b'<' => b'>',
            other => other,
        };
        let mut depth = 0usize;
        let mut at = open + 1;
        loop {
            let byte = *self.bytes.get(at)?;
            if byte == b'\\' {
                at += 2;
                continue;
            }
            if byte == closer {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if byte == opener {
                depth += 1;
            } else if interpolates && byte == b'#' && self.bytes.get(at + 1) == Some(&b'{') {
                self.at = at + 2;
                self.last = Last::Punct(b'(');
                self.code(Some("}"))?;
                at = self.at;
                continue;
            }
            at += 1;
        }
        self.at = at + 1;
        self.last = Last::Value;
        Some(())
    }

    /// A symbol at the cursor's `:`, read as a string literal.
    fn symbol(&mut self) -> Option<bool> {
        let start = self.at;
        let bytes = self.bytes;
        // A label's colon follows its word or string; a scope's is doubled.
        let opens = start.checked_sub(1).is_none_or(|i| {
            bytes[i].is_ascii_whitespace() || b"([{,=|&!>*+-<%^~;".contains(&bytes[i])
        });
        let next = bytes.get(start + 1).copied();
        if !opens || next == Some(b':') {
            return Some(false);
        }
        match next {
            Some(b'"' | b'\'') => {
                let index = self.found.len();
                self.at += 1;
                if !self.string(self.at, b"")? {
                    return None;
                }
                self.found[index].start = start;
            }
            Some(b)
                if b.is_ascii_alphabetic() || b == b'_' || b == b'@' || b == b'$' || b >= 0x80 =>
            {
                let mut at = start + 1;
                while bytes.get(at).is_some_and(|&b| b == b'@' || b == b'$') {
                    at += 1;
                }
                while bytes.get(at).is_some_and(|&b| is_word_byte(b)) {
                    at += 1;
                }
                // `:name?`, `:name!`, `:name=`, but not `:a=>`, `:a==`.
                match (bytes.get(at), bytes.get(at + 1)) {
                    (Some(b'?' | b'!'), after) if after != Some(&b'=') => at += 1,
                    (Some(b'='), after) if !matches!(after, Some(b'=' | b'~' | b'>')) => at += 1,
                    _ => {}
                }
                self.found.push(start..at);
                self.at = at;
                self.last = Last::Value;
            }
            _ => return Some(false),
        }
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::lex::lexed_literals;

    fn literals(source: &str) -> Option<Vec<&str>> {
        lexed_literals("x.rb", source)
    }

    #[test]
    fn symbols_are_strings_and_labels_are_not() {
        let source = r##"f(:a, :"b-c", :'d', e: 1, "g": 2, ::H, I::J, :k?, :l=, :m => 3)
x = y ? :n : :o
s = "#{t(:p)} `q`"
"##;
        assert_eq!(
            literals(source).unwrap(),
            [
                ":a",
                r#":"b-c""#,
                ":'d'",
                r#""g""#,
                ":k?",
                ":l=",
                ":m",
                ":n",
                ":o",
                r##""#{t(:p)} `q`""##,
                ":p"
            ]
        );
    }

    #[test]
    fn percent_literals_are_read_to_their_end() {
        let source = r##"a = %w(it's (x) y)
b = [%i[a b], %q{it's}, %r{#{c("d")}}, %Q<#{e(:f)} 'g'>]
%w[h].each { |i| i + 'j' =~ /#{k("l")}/ }
"##;
        assert_eq!(literals(source).unwrap(), [r#""d""#, ":f", "'j'", r#""l""#]);
    }

    #[test]
    fn what_the_lexer_does_not_read_gives_up() {
        for source in [
            "puts %w[x y]",
            "a = <<~EOS\n  it's\nEOS\n",
            "a = ?\"",
            "=begin\nit's\n=end\n",
            "a = $\"",
            "a.split /'/",
            "a = %w(x",
        ] {
            assert_eq!(literals(source), None, "{source}");
        }
        // Operators that look alike.
        for source in [
            "a = b % c",
            "a %= 2",
            "class << self; end",
            "a = b / c / 2",
            "a = b ? c : d",
        ] {
            assert!(literals(source).is_some(), "{source}");
        }
    }
}
