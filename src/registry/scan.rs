//! `[scan]` entries: call patterns checked, custom queries kept as declared
//! (extraction compiles them against its grammars).

use super::Invalid;
use toml::Spanned;

use super::raw::{RawArgument, RawCall, RawObject, RawQuery};
use crate::suggest;
use crate::types::{Argument, CallPattern, KeyMode, ObjectSource, QuerySpec, language};

pub(super) fn parse_call(raw: RawCall) -> Result<CallPattern, Invalid> {
    let callee_span = raw.callee.span();
    let callee = raw.callee.into_inner();
    // `/is_(\w+)_enabled$/`: a function whose own name holds the key.
    if let Some(expression) = callee
        .strip_prefix('/')
        .and_then(|rest| rest.strip_suffix('/'))
    {
        let regex = regex::Regex::new(expression).map_err(|err| {
            (
                callee_span.clone(),
                format!("`{callee}` is not a regular expression: {err}"),
                None,
            )
        })?;
        if regex.captures_len() < 2 {
            return Err((
                callee_span,
                format!("`{callee}` has no group for the key"),
                Some("put the key's part in parentheses: `/is_(\\w+)_enabled$/`".into()),
            ));
        }
        return Ok(CallPattern::named_by(
            &callee,
            regex,
            languages(raw.languages)?,
        ));
    }
    let argument = match raw.argument {
        None => Argument::at(0),
        Some(argument) => match argument.get_ref() {
            RawArgument::Position(index) => {
                Argument::at(usize::try_from(*index).map_err(|_| {
                    (
                        argument.span(),
                        "an argument position starts at 0".into(),
                        None,
                    )
                })?)
            }
            RawArgument::Keyword(name) => Argument::named(name),
        },
    };
    let mut argument = argument;
    if let Some(client) = raw.client_argument {
        argument.client_position = Some(usize::try_from(*client.get_ref()).map_err(|_| {
            (
                client.span(),
                "an argument position starts at 0".to_string(),
                None,
            )
        })?);
    }
    argument.field = raw.field.map(Spanned::into_inner);
    let key = match raw.key {
        None => KeyMode::String,
        Some(key) => match key.get_ref().as_str() {
            "string" => KeyMode::String,
            "name" => KeyMode::Name,
            other => {
                return Err((
                    key.span(),
                    format!("unknown key mode `{other}`"),
                    Some(suggest::hint(other, &["string", "name"])),
                ));
            }
        },
    };
    let languages = languages(raw.languages)?;
    CallPattern::new(&callee, argument, key, languages).ok_or_else(|| {
        (
            callee_span,
            format!("`{callee}` is not a callee pattern"),
            Some("write the end of a call's path, like `flags::is_enabled` or `is_enabled`".into()),
        )
    })
}

/// `languages = [...]`, each a language flaglint knows.
fn languages(names: Option<Vec<Spanned<String>>>) -> Result<Vec<String>, Invalid> {
    let mut languages = Vec::new();
    for name in names.unwrap_or_default() {
        if !language::NAMES.contains(&name.get_ref().as_str()) {
            return Err((
                name.span(),
                format!("unknown language `{}`", name.get_ref()),
                Some(suggest::hint(name.get_ref(), &language::NAMES)),
            ));
        }
        languages.push(name.into_inner());
    }
    Ok(languages)
}

/// A `[[scan.objects]]` entry, checked.
pub(super) fn parse_object(raw: RawObject) -> Result<ObjectSource, Invalid> {
    let span = raw.source.span();
    let languages = languages(raw.languages)?;
    ObjectSource::new(raw.source.get_ref(), languages).ok_or_else(|| {
        (
            span,
            format!("`{}` is not a flag object's source", raw.source.get_ref()),
            Some(
                "write a call such as `useFlags()` or a member path such as `uiConfig.flags`"
                    .into(),
            ),
        )
    })
}

/// A `[[scan.queries]]` entry as declared; extraction compiles it.
pub(super) fn query(raw: RawQuery) -> QuerySpec {
    QuerySpec {
        language_span: raw.language.span(),
        language: raw.language.into_inner(),
        query_span: raw.query.span(),
        query: raw.query.into_inner(),
        capture_span: raw.capture.span(),
        capture: raw.capture.into_inner(),
    }
}
