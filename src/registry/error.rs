//! The fatal error of a registry that cannot be read: it points at the line
//! in flags.toml and says how to fix it.

use std::ops::Range;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use crate::suggest;

#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(flaglint::registry))]
pub struct RegistryError {
    message: String,
    #[source_code]
    source_code: NamedSource<String>,
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
        RegistryError {
            message: format!("{file}: {message}"),
            source_code: NamedSource::new(file, source.to_string()),
            span: span.map(SourceSpan::from),
            label,
            help,
        }
    }

    /// Wraps a TOML or serde error, adding a hint for the common cases.
    pub fn from_toml(file: &str, source: &str, err: &toml::de::Error) -> Self {
        let message = err.message().trim().to_string();
        let help = unknown_field_hint(&message).or_else(|| {
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

    #[test]
    fn unknown_field_gets_a_close_match() {
        let hint = unknown_field_hint(
            "unknown field `ownr`, expected one of `type`, `owner`, `description`",
        );
        assert_eq!(hint.as_deref(), Some("did you mean `owner`?"));
    }
}
