//! Ruby's literals that only context tells from an operator, as the lexer
//! reads them where `Syntax::contextual` says a language has them. A symbol
//! (`:name`, `:"name"`) is a string literal, as the tree's `simple_symbol`
//! and `delimited_symbol` are; a label's colon (`key: v`, `{a:b}`) and a
//! scope's (`A::B`) are not. Percent literals (`%w[…]`, `%q(…)`) are read
//! to their end, and heredocs (`<<~EOS`, `<<-'EOS'`) from the next line to
//! their closing one, with the code in their holes. The literals this
//! lexer does not read give up, and the tree decides: a bare heredoc or a
//! shift (`<<EOS`), a string over lines on a heredoc's line, character
//! literals that hold a quote, a `#` or an escape
//! (`?"`), `=begin` comments, special globals (`$"`), and a regex or a
//! percent literal after a method name (`split /,/`, `puts %w(a)`), which
//! may be a division or a modulo.

use std::ops::Range;

use super::{Last, Lexer, is_word_byte};

/// A heredoc opened on the current line: its identifier's range, and
/// whether its body holds code (`<<~'EOS'` does not).
pub(super) struct Heredoc {
    id: Range<usize>,
    interpolates: bool,
}

impl Lexer<'_> {
    /// At a punctuation byte in code: `Some(true)` if a literal was read
    /// (a symbol, a percent literal, a heredoc's opening), `None` at one
    /// the lexer does not read, else `Some(false)`.
    pub(super) fn contextual(&mut self) -> Option<bool> {
        let bytes = self.bytes;
        let rest = &bytes[self.at..];
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
            // `class << self` shifts; `<<~EOS` and `<<-EOS` open heredocs,
            // read; `<<EOS` may be either.
            b'<' if next == b'<' => match rest.get(2) {
                Some(b'~' | b'-') if self.heredoc() => return Some(true),
                Some(&b) => b"~-\"'`_".contains(&b) || b.is_ascii_alphabetic(),
                None => false,
            },
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
                at = self.hole(at + 2, "}")?;
                continue;
            }
            at += 1;
        }
        if self.holds_heredoc_body(open..at) {
            return None;
        }
        self.at = at + 1;
        self.last = Last::Value;
        Some(())
    }

    /// A heredoc's opening at the cursor (`<<~EOS`, `<<-'EOS'`), noted for
    /// its body to be read after the line; false if none reads here.
    fn heredoc(&mut self) -> bool {
        let bytes = self.bytes;
        let start = self.at + 3;
        // After a value, `x <<-y` may shift a negation.
        if bytes[self.at + 2] == b'-'
            && self.last == Last::Value
            && bytes.get(start).is_some_and(|b| b.is_ascii_lowercase())
        {
            return false;
        }
        let (id, interpolates, end) = match bytes.get(start) {
            Some(&quote @ (b'\'' | b'"' | b'`')) => {
                let Some(length) = bytes[start + 1..]
                    .iter()
                    .position(|&b| b == quote || b == b'\n')
                else {
                    return false;
                };
                let end = start + 1 + length;
                if bytes[end] != quote || length == 0 {
                    return false;
                }
                (start + 1..end, quote != b'\'', end + 1)
            }
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {
                let length = bytes[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                    .count();
                (start..start + length, true, start + length)
            }
            _ => return false,
        };
        self.heredocs.push(Heredoc { id, interpolates });
        self.at = end;
        self.last = Last::Value;
        true
    }

    /// Whether a literal over `range` runs over lines on a heredoc's line,
    /// where it would hold the heredoc's body: the lexer gives up.
    pub(super) fn holds_heredoc_body(&self, range: Range<usize>) -> bool {
        !self.heredocs.is_empty() && self.bytes[range].contains(&b'\n')
    }

    /// The bodies of the heredocs opened on the line that just ended, the
    /// cursor at the next line's start: to each one's closing line, with
    /// the code of its `#{…}` holes. `None` if one never closes.
    pub(super) fn heredoc_bodies(&mut self) -> Option<()> {
        let bytes = self.bytes;
        for heredoc in std::mem::take(&mut self.heredocs) {
            let id = &bytes[heredoc.id.clone()];
            loop {
                let end = memchr::memchr(b'\n', self.rest()).map_or(bytes.len(), |i| self.at + i);
                let line = &bytes[self.at..end];
                if line.strip_suffix(b"\r").unwrap_or(line).trim_ascii_start() == id {
                    self.at = (end + 1).min(bytes.len());
                    break;
                }
                if end == bytes.len() {
                    return None;
                }
                // Through the line, and its holes.
                let mut at = self.at;
                loop {
                    // `get`: a hole or an escape may end at the file's end.
                    at += memchr::memchr3(b'\\', b'#', b'\n', bytes.get(at..)?)?;
                    match bytes[at] {
                        b'\n' => break,
                        // An escaped line break joins the next line.
                        b'\\' if heredoc.interpolates && bytes.get(at + 1) == Some(&b'\n') => {
                            return None;
                        }
                        b'\\' if heredoc.interpolates => at += 2,
                        b'#' if heredoc.interpolates && bytes.get(at + 1) == Some(&b'{') => {
                            at = self.hole(at + 2, "}")?;
                        }
                        _ => at += 1,
                    }
                }
                self.at = at + 1;
            }
        }
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
    fn heredocs_are_read_from_the_next_line() {
        let source = r##"a = b(<<~SQL, 'c') + <<-'RAW'.strip
  SELECT "it's" #{d("e")} \#{f("g")}
  SQL
  it's #{not("code")}
  RAW
h = "i"
"##;
        assert_eq!(literals(source).unwrap(), ["'c'", r#""e""#, r#""i""#]);
    }

    #[test]
    fn the_fixture_is_read_without_a_tree() {
        let source = include_str!("../../../testdata/lexer/heredocs.rb");
        assert_eq!(literals(source), Some(vec![r#""new-ui""#, r#""id""#]));
    }

    #[test]
    fn what_the_lexer_does_not_read_gives_up() {
        for source in [
            "puts %w[x y]",
            "a = <<EOS\n  it's\nEOS\n",
            "a = <<~EOS\n  it's\n",
            "a(<<~EOS, 'b\nc')\nEOS\n",
            "a = b <<-c\n",
            "a = <<~A\n#{b\n}\\",
            "a = <<~A\nb \\\nA\n",
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
