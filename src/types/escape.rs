//! Untrusted text (keys, paths, owners, messages quoting them) made safe to
//! show: what every output that a person reads escapes.

use std::borrow::Cow;

/// `text` safe to print on a terminal or in a log: control characters
/// (escape sequences, newlines, carriage returns) and invisible ones (bidi
/// overrides such as U+202E, zero-width spaces and joiners, the byte-order
/// mark) shown as Rust escapes (`\u{1b}`, `\n`, `\u{200b}`), so a key or a
/// file name can neither move the cursor, recolour or clear the screen,
/// fake a line of output, nor look like another name.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else if hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// The largest char boundary of `text` at or below `index`.
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    (0..=index.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// A character that would act on the terminal or not be seen.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_and_invisible_characters_are_shown_as_escapes() {
        assert_eq!(printable("new-ui"), "new-ui");
        assert_eq!(printable("a\u{1b}[2J\n"), "a\\u{1b}[2J\\n");
        assert_eq!(printable("new\u{200b}-ui"), "new\\u{200b}-ui");
        assert_eq!(printable("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(printable("café ü"), "café ü");
    }
}
