//! The fatal error of a registry that cannot be read: it points at the line
//! in flags.toml and says how to fix it.

use std::ops::Range;

use miette::{Diagnostic, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::ops::Not;
use thiserror::Error;

use crate::suggest;

#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(flaglint::registry))]
pub struct RegistryError {
    message: String,
    #[source_code]
    source_code: Snippet,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl RegistryError {
    pub fn new(
        file: &str,
        source: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        let message = message.into();
        let label = match &span {
            Some(_) => "here".to_string(),
            None => String::new(),
        };
        let (source_code, span) = Snippet::around(file, source, span.unwrap_or(0..0));
        RegistryError {
            message: format!("{file}: {message}"),
            source_code,
            span: label.is_empty().not().then_some(span),
            label,
            help,
        }
    }

    /// Wraps a TOML or serde error, adding a hint for the common cases.
    pub fn from_toml(file: &str, source: &str, err: &toml::de::Error) -> Self {
        let message = err.message().trim().to_string();
        let help = unquoted_key_hint(source, err.span())
            .or_else(|| unknown_field_hint(&message))
            .or_else(|| {
                if message.contains("datetime") || message.contains("date") {
                    Some(
                        "dates are TOML local dates without quotes, like `expires = 2026-12-01`"
                            .to_string(),
                    )
                } else {
                    None
                }
            });
        let mut first_line = message.lines().next().unwrap_or_default().to_string();
        if help.is_some()
            && let Some(cut) = first_line.find(", expected")
        {
            first_line.truncate(cut);
        }
        RegistryError::new(file, source, err.span(), first_line, help)
    }
}

/// `[flags.search.v2]` or `[flags.org:new-ui]`: a key TOML cannot hold
/// bare, which must be quoted to be one key.
fn unquoted_key_hint(source: &str, span: Option<std::ops::Range<usize>>) -> Option<String> {
    let start = span?.start.min(source.len());
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = source[line_start..].lines().next()?.trim();
    let key = line.strip_prefix("[flags.")?.strip_suffix(']')?.trim();
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if key.starts_with(['"', '\'']) || key.chars().all(bare) {
        return None;
    }
    Some(format!(
        "a key with `.`, `:` or other characters outside letters, digits, `-` and `_` must be quoted to be one key: `[flags.{key:?}]`"
    ))
}

/// What an error shows of flags.toml: the lines around the span, each cut
/// to a bounded window with control characters escaped, so that a huge or
/// hostile line is never echoed whole. Line and column numbers are those of
/// the whole file.
#[derive(Debug)]
struct Snippet {
    name: String,
    /// The window's text, at most `CONTEXT_LINES * 2 + 1` short lines.
    text: String,
    /// The 0-based line in the file of the window's first line.
    first_line: usize,
    /// Where the span starts in the window, and its line and column in the file.
    span_start: usize,
    span_line: usize,
    span_column: usize,
}

/// Lines shown either side of the span's line.
const CONTEXT_LINES: usize = 1;
/// Characters shown of a line before the span, of the span, after it, and
/// of a context line.
const BEFORE: usize = 60;
const SPAN: usize = 80;
const AFTER: usize = 40;
const CONTEXT: usize = 120;

impl Snippet {
    /// The window around `span` in `source`, and the span within it.
    fn around(name: &str, source: &str, span: Range<usize>) -> (Snippet, SourceSpan) {
        let floor = |mut at: usize| {
            at = at.min(source.len());
            while !source.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let (start, end) = (floor(span.start), floor(span.end.max(span.start)));
        let line_start = |at: usize| source[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = |at: usize| source[at..].find('\n').map_or(source.len(), |i| at + i);
        let span_line_start = line_start(start);
        let span_line = memchr::memchr_iter(b'\n', &source.as_bytes()[..start]).count();
        let span_column = source[span_line_start..start].chars().count();

        let mut text = String::new();
        // Lines before.
        let mut first = span_line_start;
        let mut first_line = span_line;
        for _ in 0..CONTEXT_LINES {
            if first == 0 {
                break;
            }
            first = line_start(first - 1);
            first_line -= 1;
        }
        let mut at = first;
        while at < span_line_start {
            let end_of_line = line_end(at);
            push_escaped(&mut text, &source[at..end_of_line], CONTEXT, true);
            text.push('\n');
            at = end_of_line + 1;
        }
        // The span's line: some characters before the span, the span (cut),
        // some after.
        let before: Vec<(usize, char)> = source[span_line_start..start].char_indices().collect();
        let skip = before.len().saturating_sub(BEFORE);
        if skip > 0 {
            text.push('…');
        }
        let from = before.get(skip).map_or(start, |(i, _)| span_line_start + i);
        push_escaped(&mut text, &source[from..start], usize::MAX, false);
        let window_start = text.len();
        let span_end_of_line = line_end(start);
        let (span_text, rest) = source[start..end.min(span_end_of_line).max(start)]
            .char_indices()
            .nth(SPAN)
            .map_or(
                (&source[start..end.min(span_end_of_line).max(start)], false),
                |(i, _)| (&source[start..start + i], true),
            );
        push_escaped(&mut text, span_text, usize::MAX, false);
        let window_end = text.len();
        let after_start = start + span_text.len();
        if rest {
            text.push('…');
        } else {
            push_escaped(
                &mut text,
                &source[after_start..span_end_of_line],
                AFTER,
                true,
            );
        }
        // Lines after.
        let mut at = span_end_of_line;
        for _ in 0..CONTEXT_LINES {
            if at >= source.len() {
                break;
            }
            let next = at + 1;
            let end_of_line = line_end(next);
            text.push('\n');
            push_escaped(&mut text, &source[next..end_of_line], CONTEXT, true);
            at = end_of_line;
        }
        if at < source.len() {
            // As in the file: the last line shown ends with a newline.
            text.push('\n');
        }
        let snippet = Snippet {
            name: name.to_string(),
            text,
            first_line,
            span_start: window_start,
            span_line,
            span_column,
        };
        (snippet, SourceSpan::from(window_start..window_end))
    }
}

/// Appends at most `limit` characters of `line` (one line, its `\r`
/// dropped), control characters escaped, and `…` if it was cut.
fn push_escaped(out: &mut String, line: &str, limit: usize, cut: bool) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    for (count, c) in line.chars().enumerate() {
        if cut && count == limit {
            out.push('…');
            return;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // The window's numbers, moved to the file's.
        let (line, column) = if contents.line() == self.span_line - self.first_line
            && contents.span().offset() == self.span_start
        {
            (self.span_line, self.span_column)
        } else {
            (self.first_line + contents.line(), contents.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            line,
            column,
            contents.line_count(),
        )))
    }
}

/// serde says "unknown field `ownr`, expected one of `type`, `owner`, ...";
/// turn that into "did you mean `owner`?".
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if candidates.is_empty() {
        return Some(format!("remove `{field}`: this table takes no fields"));
    }
    Some(match suggest::closest(field, candidates.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!(
            "remove `{field}`; this table takes {}",
            suggest::quoted_list(&candidates)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span over text with multi-byte characters, CRLF, NULs and
    /// empty lines renders, within bounds.
    #[test]
    fn every_span_renders_a_bounded_window() {
        let source = format!("a = 1\r\n\nb = \"é€𝄞\0\"\r\n{}\nc", "x\u{1b}".repeat(300));
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
        for start in 0..=source.len() + 1 {
            for end in [start, start + 1, start + 7, start + 500, usize::MAX] {
                let error = RegistryError::new("f", &source, Some(start..end), "m", None);
                let mut out = String::new();
                handler.render_report(&mut out, &error).unwrap();
                assert!(out.len() < 4_000, "{start}..{end}: {out}");
                assert!(!out.contains('\u{1b}') && !out.contains('\0'), "{out}");
            }
        }
    }

    #[test]
    fn unknown_field_gets_a_close_match() {
        let hint = unknown_field_hint(
            "unknown field `ownr`, expected one of `type`, `owner`, `description`",
        );
        assert_eq!(hint.as_deref(), Some("did you mean `owner`?"));
    }
}
