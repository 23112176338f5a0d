//! Byte-range edits of a source text, and the line arithmetic they need:
//! where a statement's lines start and end, a line's indentation, and
//! moving a block's lines to a new indentation without touching the inside
//! of multi-line strings.

use std::ops::Range;

/// Replace `range` with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

impl Edit {
    pub fn new(range: Range<usize>, text: impl Into<String>) -> Edit {
        Edit {
            range,
            text: text.into(),
        }
    }
}

/// `source` with `edits` applied. Edits are sorted; one that overlaps an
/// earlier one is dropped (the caller applies it on the next round).
pub fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for edit in edits {
        if edit.range.start < at {
            continue;
        }
        out.push_str(&source[at..edit.range.start]);
        out.push_str(&edit.text);
        at = edit.range.end;
    }
    out.push_str(&source[at..]);
    out
}

/// Where the line holding `offset` starts.
pub fn line_start(source: &str, offset: usize) -> usize {
    source[..offset].rfind('\n').map_or(0, |at| at + 1)
}

/// Where the line holding `offset` ends (its `\n`, or the end).
pub fn line_end(source: &str, offset: usize) -> usize {
    source[offset..]
        .find('\n')
        .map_or(source.len(), |at| offset + at)
}

/// The whitespace that starts the line holding `offset`.
pub fn indent_at(source: &str, offset: usize) -> &str {
    let start = line_start(source, offset);
    let line = &source[start..line_end(source, start)];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Whether only whitespace stands before `offset` on its line.
pub fn starts_line(source: &str, offset: usize) -> bool {
    source[line_start(source, offset)..offset]
        .chars()
        .all(|c| c == ' ' || c == '\t')
}

/// Whether only whitespace (or a `\r`) stands after `offset` on its line.
fn ends_line(source: &str, offset: usize) -> bool {
    source[offset..line_end(source, offset)]
        .chars()
        .all(|c| c.is_whitespace())
}

/// The range that removes `range` cleanly: its whole lines (with their
/// line ending) when it stands alone on them, else `range` itself.
pub fn removal(source: &str, range: Range<usize>) -> Range<usize> {
    if starts_line(source, range.start) && ends_line(source, range.end) {
        let start = line_start(source, range.start);
        let end = line_end(source, range.end);
        if end < source.len() {
            // Between two blank lines (or at the top of the file, before
            // one), one blank line goes too, so none is doubled.
            let before = source[..start].trim_end_matches(['\n', '\r']);
            // A blank line before, or the start of a block or the file.
            let blank_before = before.is_empty()
                || source[before.len()..start].matches('\n').count() > 1
                || before.ends_with(['{', '(', '[', ':']);
            let next_end = line_end(source, end + 1);
            if blank_before
                && source[end + 1..next_end].trim().is_empty()
                && next_end < source.len()
            {
                return start..next_end + 1;
            }
            return start..end + 1;
        }
        // The last line, without a line ending: take the one before.
        let before = if source[..start].ends_with("\r\n") {
            start - 2
        } else {
            start.saturating_sub(1)
        };
        before..end
    } else if starts_line(source, range.start) {
        // Something stays on the line (a comment): it moves to the line's
        // indentation.
        let rest = &source[range.end..];
        range.start..range.end + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
    } else {
        range
    }
}

/// The text of `content`, to be placed at a position whose line is
/// indented by `outer`: each of its lines after the first loses the
/// indentation of its first line and gains `outer`. Lines starting inside
/// `protected` ranges (multi-line strings) stay as they are.
pub fn moved(
    source: &str,
    content: Range<usize>,
    outer: &str,
    protected: &[Range<usize>],
) -> String {
    let text = &source[content.clone()];
    if !starts_line(source, content.start) {
        return text.to_string();
    }
    let inner = indent_at(source, content.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (index, _) in text.match_indices('\n') {
        out.push_str(&text[at..=index]);
        at = index + 1;
        let absolute = content.start + at;
        if protected
            .iter()
            .any(|range| range.start < absolute && absolute < range.end)
        {
            continue;
        }
        if let Some(rest) = text[at..].strip_prefix(inner) {
            let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            if !line.trim().is_empty() {
                out.push_str(outer);
            }
            at = text.len() - rest.len();
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Whether `word` occurs in `text` as a whole identifier.
pub fn has_word(text: &str, word: &str) -> bool {
    word_count(text, word) > 0
}

/// How many times `word` occurs in `text` as a whole identifier.
pub fn word_count(text: &str, word: &str) -> usize {
    word_positions(text, word).len()
}

/// Where `word` occurs in `text` as a whole identifier.
pub fn word_positions(text: &str, word: &str) -> Vec<usize> {
    if word.is_empty() {
        return Vec::new();
    }
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(|at| {
            !text[..*at].chars().next_back().is_some_and(is_ident)
                && !text[at + word.len()..].chars().next().is_some_and(is_ident)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_skip_overlaps() {
        let edits = vec![
            Edit::new(4..5, "X"),
            Edit::new(0..1, "ab"),
            Edit::new(4..6, "Y"),
        ];
        assert_eq!(apply("0123456", edits), "ab123X56");
    }

    #[test]
    fn removing_whole_lines() {
        let source = "a\n  b;\nc\n";
        let b = source.find('b').unwrap();
        assert_eq!(&source[removal(source, b..b + 2)], "  b;\n");
        let inline = "a; b; c";
        assert_eq!(removal(inline, 3..5), 3..5);
        let last = "a\nb";
        assert_eq!(&last[removal(last, 2..3)], "\nb");
    }

    #[test]
    fn moving_lines_keeps_strings() {
        let source = "if x {\n        a();\n        s = `\n    kept`;\n    }\n";
        let start = source.find("a();").unwrap();
        let end = source.find("kept`;").unwrap() + 6;
        let string = source.find('`').unwrap()..end - 1;
        let protected = std::slice::from_ref(&string);
        assert_eq!(
            moved(source, start..end, "    ", protected),
            "a();\n    s = `\n    kept`;"
        );
        assert_eq!(word_count("on, on_x, xon, (on)", "on"), 2);
    }
}
