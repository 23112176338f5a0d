//! What a person is shown of a file for one finding or error: the finding's
//! line and one line either side, each cut to a window when it is wide and
//! escaped for the terminal. A minified bundle's megabyte line costs no more
//! than a short one, miette (whose columns are 16-bit) never sees a wide
//! line, and a control character in the code cannot reach the terminal.
//! Line and column numbers stay those of the file.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::escape::{floor_char_boundary as floor, printable};
use super::location::{LineIndex, Location};

/// Lines wider than this many bytes are cut to a window.
const WIDE: usize = 200;
/// Bytes kept before and after the finding in a cut line.
const AROUND: usize = 60;
/// The longest stretch of the finding itself that is shown.
const LONGEST_SPAN: usize = 120;
const CUT: &str = "…";

/// A finding's lines, windowed and escaped, ready for miette.
#[derive(Debug)]
pub struct Snippet {
    name: String,
    text: String,
    /// 0-based line number of the first line in `text`.
    first_line: usize,
    /// Per line of `text`: the file's column (in characters) minus the
    /// snippet's (in bytes, as miette counts), for
    /// the finding's line (whose start may be cut); 0 elsewhere.
    shifts: Vec<isize>,
    /// The finding, in `text`.
    span: Range<usize>,
}

impl Snippet {
    /// The snippet around any byte range of `text` (clamped to the text and
    /// to character boundaries): what an error about a file shows.
    pub fn around(name: &str, text: &str, span: Range<usize>) -> Snippet {
        let start = floor(text, span.start.min(text.len()));
        let end = floor(text, span.end.clamp(start, text.len()));
        let lines = LineIndex::new(text);
        let location = lines.location(text, name, start..end);
        Snippet::new(name, text, &lines, &location).unwrap_or_else(|| Snippet {
            name: name.to_string(),
            text: String::new(),
            first_line: 0,
            shifts: vec![0],
            span: 0..0,
        })
    }

    /// The snippet of `location` in `text` (whose line index is `lines`);
    /// `None` when the text no longer holds that place.
    pub fn new(name: &str, text: &str, lines: &LineIndex, location: &Location) -> Option<Snippet> {
        let line = location.line;
        let line_start = lines.line_start(line)?;
        let finding_line = lines.line(text, line)?;
        // A span on the line ending (`\r\n`) points at the line's end.
        let start = (location.span.start.checked_sub(line_start)?).min(finding_line.len());
        let end = location
            .span
            .end
            .saturating_sub(line_start)
            .clamp(start, finding_line.len());
        if !finding_line.is_char_boundary(start) || !finding_line.is_char_boundary(end) {
            return None;
        }
        let mut snippet = Snippet {
            name: name.to_string(),
            text: String::new(),
            first_line: line.saturating_sub(2),
            shifts: Vec::new(),
            span: 0..0,
        };
        if line > 1 {
            snippet.context(lines.line(text, line - 1).unwrap_or_default());
        }
        snippet.finding(finding_line, start..end);
        // miette counts an empty last line only if a line break ends it:
        // show the line after when the file has one in that sense.
        if let Some(after) = lines.line(text, line + 1)
            && (!after.is_empty() || lines.line(text, line + 2).is_some())
        {
            snippet.context(after);
            snippet.text.push('\n');
        }
        Some(snippet)
    }

    /// The finding's span in the snippet, for the label.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn push_line(&mut self, text: &str, shift: isize) {
        if !self.shifts.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(text);
        self.shifts.push(shift);
    }

    /// A line around the finding: its start when it is wide.
    fn context(&mut self, line: &str) {
        let shown = if line.len() > WIDE {
            format!("{}{CUT}", printable(&line[..floor(line, WIDE)]))
        } else {
            printable(line).into_owned()
        };
        self.push_line(&shown, 0);
    }

    /// The finding's line, cut around `span` (bytes in `line`) when wide.
    fn finding(&mut self, line: &str, span: Range<usize>) {
        let shown_end = floor(line, span.end.min(span.start + LONGEST_SPAN)).max(span.start);
        let (from, to) = if line.len() > WIDE {
            (
                floor(line, span.start.saturating_sub(AROUND)),
                ceil(line, (shown_end + AROUND).min(line.len())),
            )
        } else {
            (0, line.len())
        };
        let mut shown = String::new();
        if from > 0 {
            shown.push_str(CUT);
        }
        shown.push_str(&printable(&line[from..span.start]));
        let label_start = shown.len();
        shown.push_str(&printable(&line[span.start..shown_end]));
        let label_end = shown.len();
        shown.push_str(&printable(&line[shown_end.min(to)..to]));
        if to < line.len() || shown_end < span.end {
            shown.push_str(CUT);
        }
        // The header's column is the file's, in characters as flaglint counts
        // them; miette counts the snippet's in bytes.
        let file_column = line[..span.start].chars().count() as isize;
        let shown_column = label_start as isize;
        let offset = if self.shifts.is_empty() {
            0
        } else {
            self.text.len() + 1
        };
        self.span = offset + label_start..offset + label_end;
        self.push_line(&shown, file_column - shown_column);
    }
}

/// The smallest char boundary of `text` at or above `index`.
fn ceil(text: &str, index: usize) -> usize {
    (index..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let shift = self.shifts.get(inner.line()).copied().unwrap_or(0);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column().saturating_add_signed(shift),
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(source: &str, needle: &str) -> Snippet {
        let lines = LineIndex::new(source);
        let start = source.find(needle).unwrap();
        let location = lines.location(source, "f", start..start + needle.len());
        Snippet::new("f", source, &lines, &location).unwrap()
    }

    #[test]
    fn short_lines_are_shown_whole_with_their_neighbours() {
        let found = snippet("a\nb \"key\" c\nd\ne", "\"key\"");
        assert_eq!(found.text, "a\nb \"key\" c\nd\n");
        assert_eq!(&found.text[found.span()], "\"key\"");
        assert_eq!(found.first_line, 0);
    }

    #[test]
    fn a_wide_line_is_cut_around_the_finding() {
        let line = format!(
            "x=\"{}\";isEnabled(\"zz\");{}",
            "q".repeat(70_000),
            "w".repeat(500)
        );
        let found = snippet(&line, "\"zz\"");
        assert!(found.text.len() < 400, "{}", found.text.len());
        assert_eq!(&found.text[found.span()], "\"zz\"");
        assert!(found.text.starts_with(CUT) && found.text.ends_with(CUT));
        let contents = found.read_span(&found.span().into(), 0, 0).unwrap();
        assert_eq!(contents.line(), 0);
        assert_eq!(contents.column(), line.find("\"zz\"").unwrap());
        let accented = format!("é{}", line);
        let found = snippet(&accented, "\"zz\"");
        let contents = found.read_span(&found.span().into(), 0, 0).unwrap();
        assert_eq!(
            contents.column(),
            accented[..accented.find("\"zz\"").unwrap()].chars().count()
        );
    }

    #[test]
    fn a_huge_key_is_cut_too_and_control_characters_are_escaped() {
        let line = format!("f(\"{}\")", "k".repeat(70_000));
        let found = snippet(&line, &line[2..line.len() - 1]);
        assert!(found.text.len() < 400);
        let found = snippet("let s = \"\u{1b}[2J\";", "\"\u{1b}[2J\"");
        assert!(!found.text.contains('\u{1b}'));
        assert_eq!(&found.text[found.span()], "\"\\u{1b}[2J\"");
    }
}
