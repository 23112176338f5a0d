//! The fatal error of a registry that cannot be read: it points at the line
//! in flags.toml and says how to fix it.

use std::ops::Range;

use miette::{Diagnostic, SourceSpan};
use std::ops::Not;
use thiserror::Error;

use crate::suggest;
use crate::types::{Snippet, printable};

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
        // A bounded, escaped window around the mistake: a huge or hostile
        // line is never echoed whole.
        let source_code = Snippet::around(file, source, span.unwrap_or(0..0));
        // The message and help quote the registry (a callee, a key): shown
        // escaped, so a control sequence in flags.toml cannot reach the
        // terminal.
        RegistryError {
            message: printable(&format!("{file}: {message}")).into_owned(),
            span: label.is_empty().not().then(|| source_code.span().into()),
            source_code,
            label,
            help: help.map(|help| printable(&help).into_owned()),
        }
    }

    /// Wraps a TOML or serde error, adding a hint for the common cases.
    pub fn from_toml(file: &str, source: &str, err: &toml::de::Error) -> Self {
        let message = err.message().trim().to_string();
        let line = line_at(source, err.span());
        let help = line
            .and_then(unquoted_key_hint)
            .or_else(|| line.and_then(|line| shape_hint(line, &message)))
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

/// The line of `source` where `span` starts, trimmed.
fn line_at(source: &str, span: Option<std::ops::Range<usize>>) -> Option<&str> {
    let start = crate::types::floor_char_boundary(source, span?.start.min(source.len()));
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    Some(source[line_start..].lines().next()?.trim())
}

/// A list written as one value: `[scan.calls]` for `[[scan.calls]]`,
/// `include = "src/**"` for `include = ["src/**"]`, in the user's words.
fn shape_hint(line: &str, message: &str) -> Option<String> {
    if !message.contains("expected a sequence") {
        return None;
    }
    if let Some(table) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
        let table = table.trim();
        return Some(format!(
            "`[[{table}]]` takes double brackets: it is a list, and each `[[{table}]]` adds one entry"
        ));
    }
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    Some(format!("`{key}` is a list: `{key} = [{}]`", value.trim()))
}

/// `[flags.search.v2]` or `[flags.org:new-ui]`: a key TOML cannot hold
/// bare, which must be quoted to be one key.
fn unquoted_key_hint(line: &str) -> Option<String> {
    let key = line.strip_prefix("[flags.")?.strip_suffix(']')?.trim();
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if key.starts_with(['"', '\'']) || key.chars().all(bare) {
        return None;
    }
    Some(format!(
        "a key with `.`, `:` or other characters outside letters, digits, `-` and `_` must be quoted to be one key: `[flags.{key:?}]`"
    ))
}

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
