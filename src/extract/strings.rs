//! String literals as each language writes them, to the string they
//! denote. `None` means the value is not static (an interpolation) or uses
//! an escape flaglint does not decode: such a literal is never a key.

/// The text between `quote` at both ends, if `text` is so quoted.
fn between<'a>(text: &'a str, quote: &str) -> Option<&'a str> {
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    (text.len() >= 2 * quote.len()).then_some(inner)
}

/// The text inside the first of `quotes` that encloses `text`.
fn inside<'a>(text: &'a str, quotes: &[&str]) -> Option<&'a str> {
    quotes.iter().find_map(|quote| between(text, quote))
}

/// Decodes `\\`, `\"`, `\'`, `` \` ``, `\n`, `\r`, `\t`, `\0`.
pub fn unescape(inner: &str) -> Option<String> {
    if !inner.contains('\\') {
        return Some(inner.to_string());
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            c @ ('\\' | '"' | '\'' | '`') => c,
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            _ => return None,
        });
    }
    Some(out)
}

/// `"a"`, `r"a"`, `r#"a"#`, `b"a"`.
pub fn rust(text: &str) -> Option<String> {
    let body = text.trim_start_matches(['b', 'c']);
    if let Some(raw) = body.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let fence = &raw[..hashes];
        let inner = raw[hashes..].strip_prefix('"')?;
        let inner = inner.strip_suffix(fence)?.strip_suffix('"')?;
        return Some(inner.to_string());
    }
    unescape(between(body, "\"")?)
}

/// `'a'`, `"a"`, `"""a"""`, with `r`, `b`, `u` prefixes; f-strings with a
/// replacement field are not static.
pub fn python(text: &str) -> Option<String> {
    let quote_at = text.find(['\'', '"'])?;
    let prefix = text[..quote_at].to_ascii_lowercase();
    let inner = inside(&text[quote_at..], &["\"\"\"", "'''", "\"", "'"])?;
    if prefix.contains('f') && inner.contains('{') {
        return None;
    }
    if prefix.contains('r') {
        Some(inner.to_string())
    } else {
        unescape(inner)
    }
}

/// `'a'`, `"a"`, and template literals without substitutions.
pub fn javascript(text: &str) -> Option<String> {
    if let Some(inner) = between(text, "`") {
        return if inner.contains("${") {
            None
        } else {
            unescape(inner)
        };
    }
    unescape(inside(text, &["\"", "'"])?)
}

/// `"a"` and raw `` `a` ``.
pub fn go(text: &str) -> Option<String> {
    if let Some(raw) = between(text, "`") {
        return Some(raw.to_string());
    }
    unescape(between(text, "\"")?)
}

/// `"a"`; text blocks span lines, which no key does.
pub fn java(text: &str) -> Option<String> {
    if text.starts_with("\"\"\"") {
        return None;
    }
    unescape(between(text, "\"")?)
}

/// `'a'`, `"a"` without `#{}`, and symbols `:a`, `:"a"`.
pub fn ruby(text: &str) -> Option<String> {
    if let Some(symbol) = text.strip_prefix(':') {
        return match inside(symbol, &["\"", "'"]) {
            Some(inner) => unescape(inner),
            None => Some(symbol.to_string()),
        };
    }
    if let Some(inner) = between(text, "'") {
        return Some(inner.replace("\\'", "'").replace("\\\\", "\\"));
    }
    let inner = between(text, "\"")?;
    if inner.contains("#{") {
        None
    } else {
        unescape(inner)
    }
}

/// `"a"`, verbatim `@"a"` (`""` is a quote) and raw `"""a"""`.
pub fn csharp(text: &str) -> Option<String> {
    if let Some(verbatim) = text.strip_prefix('@') {
        return Some(between(verbatim, "\"")?.replace("\"\"", "\""));
    }
    if let Some(raw) = between(text, "\"\"\"") {
        return Some(raw.to_string());
    }
    unescape(between(text, "\"")?)
}

/// `"a"` and `"""a"""` without `$name` or `${}` templates.
pub fn kotlin(text: &str) -> Option<String> {
    let (inner, raw) = match between(text, "\"\"\"") {
        Some(inner) => (inner, true),
        None => (between(text, "\"")?, false),
    };
    if has_template(inner) {
        return None;
    }
    if raw {
        Some(inner.to_string())
    } else {
        unescape(inner)
    }
}

/// `'a'`, and `"a"` without `$var` or `{$...}`.
pub fn php(text: &str) -> Option<String> {
    if let Some(inner) = between(text, "'") {
        return Some(inner.replace("\\'", "'").replace("\\\\", "\\"));
    }
    let inner = between(text, "\"")?;
    if has_template(inner) {
        None
    } else {
        unescape(inner)
    }
}

/// `$name` or `${`: an interpolation in Kotlin or PHP.
fn has_template(inner: &str) -> bool {
    inner.match_indices('$').any(|(at, _)| {
        inner[at + 1..].starts_with(|c: char| c == '{' || c == '_' || c.is_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_strings() {
        assert_eq!(rust(r#""new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(rust(r##"r#"new-ui"#"##).as_deref(), Some("new-ui"));
        assert_eq!(rust(r#"r"new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(rust(r#"b"new-ui""#).as_deref(), Some("new-ui"));
        assert_eq!(rust(r#""a\"b""#).as_deref(), Some("a\"b"));
        assert_eq!(rust(r#""\u{1F600}""#), None);
        assert_eq!(rust("\""), None);
    }

    #[test]
    fn python_strings() {
        assert_eq!(python("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(python("\"\"\"new-ui\"\"\"").as_deref(), Some("new-ui"));
        assert_eq!(python("r'a\\b'").as_deref(), Some("a\\b"));
        assert_eq!(python("f'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(python("f'new-{x}'"), None);
        assert_eq!(python("b\"new-ui\"").as_deref(), Some("new-ui"));
    }

    #[test]
    fn javascript_strings() {
        assert_eq!(javascript("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(javascript("`new-ui`").as_deref(), Some("new-ui"));
        assert_eq!(javascript("`new-${x}`"), None);
    }

    #[test]
    fn go_java_ruby_strings() {
        assert_eq!(go("`new-ui`").as_deref(), Some("new-ui"));
        assert_eq!(go("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(java("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(java("\"\"\"\n  new-ui\"\"\""), None);
        assert_eq!(ruby(":new_ui").as_deref(), Some("new_ui"));
        assert_eq!(ruby(":\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(ruby("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(ruby("\"new-#{x}\""), None);
    }

    #[test]
    fn csharp_kotlin_php_strings() {
        assert_eq!(csharp("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(csharp("@\"a\"\"b\"").as_deref(), Some("a\"b"));
        assert_eq!(kotlin("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(kotlin("\"new-${x}\""), None);
        assert_eq!(kotlin("\"new-$x\""), None);
        assert_eq!(kotlin("\"costs $5\"").as_deref(), Some("costs $5"));
        assert_eq!(php("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(php("\"new-$x\""), None);
        assert_eq!(php("\"new-ui\"").as_deref(), Some("new-ui"));
    }
}
