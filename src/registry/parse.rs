//! Checking flags.toml's values: flag entries and their dates, policies,
//! case styles and generated spellings, alias collisions, and the scan's
//! globs. `Registry::parse` calls these in order; each returns the span,
//! message and help of the first mistake.

use std::collections::BTreeMap;
use std::ops::Range;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use jiff::civil::Date;
use toml::Spanned;

use super::raw::{RawFlag, RawPolicy};
use super::{
    Field, Flag, FlagType, Invalid, MAX_KEY_BYTES, MAX_POLICY_DAYS, Policy, policy, spelling,
    toml_key,
};
use crate::suggest;
use crate::types::Invalid as Problem;

/// `include` or `exclude` compiled, with .gitignore semantics, for paths
/// relative to the scan root.
pub(super) fn globs(patterns: &[Spanned<String>]) -> Result<Gitignore, Problem> {
    let mut builder = GitignoreBuilder::new("");
    for glob in patterns {
        builder.add_line(None, glob.get_ref()).map_err(|err| {
            Problem::new(
                glob.span(),
                format!("invalid glob `{}`: {err}", glob.get_ref()),
                Some("globs use `*`, `**`, `?`, `[a-z]` and `{a,b}`, like .gitignore".into()),
            )
        })?;
    }
    builder.build().map_err(|err| {
        let span = patterns.first().map_or(0..0, |glob| glob.span());
        Problem::new(span, format!("invalid globs: {err}"), None)
    })
}

pub(super) fn parse_type(name: &Spanned<String>) -> Result<FlagType, (String, Option<String>)> {
    FlagType::from_name(name.get_ref()).ok_or_else(|| {
        let names = FlagType::ALL.map(FlagType::name);
        (
            format!("unknown flag type `{}`", name.get_ref()),
            Some(suggest::hint(name.get_ref(), &names)),
        )
    })
}

pub(super) fn parse_flag(key: Spanned<String>, raw: RawFlag) -> Result<Flag, Invalid> {
    let key_span = key.span();
    let key = key.into_inner();
    if key.trim().is_empty() {
        return Err((key_span, "a flag key cannot be empty".into(), None));
    }
    if key.len() > MAX_KEY_BYTES {
        return Err((
            key_span,
            format!(
                "a flag key is at most {MAX_KEY_BYTES} bytes long; this one is {}",
                key.len()
            ),
            Some("use a shorter key: code spells it in every call".into()),
        ));
    }
    if let Some(alias) = raw
        .aliases
        .iter()
        .find(|alias| alias.get_ref().len() > MAX_KEY_BYTES)
    {
        return Err((
            alias.span(),
            format!(
                "an alias of a flag is at most {MAX_KEY_BYTES} bytes long; this one is {}",
                alias.get_ref().len()
            ),
            Some("use a shorter alias".into()),
        ));
    }
    if let Some(alias) = raw
        .aliases
        .iter()
        .find(|alias| alias.get_ref().trim().is_empty())
    {
        return Err((
            alias.span(),
            format!("an alias of `{key}` is empty"),
            Some("remove the empty alias: it would match everywhere".into()),
        ));
    }
    let flag_type = parse_type(&raw.flag_type).map_err(|(m, h)| (raw.flag_type.span(), m, h))?;
    let entry_span = entry_span(&key_span, &raw);
    let created = raw.created.map(parse_date).transpose()?;
    let expires = raw.expires.map(parse_date).transpose()?;
    if let (Some(created), Some(expires)) = (&created, &expires)
        && expires.get_ref() < created.get_ref()
    {
        return Err((
            expires.span(),
            format!(
                "flag `{key}` expires ({}) before it was created ({})",
                expires.get_ref(),
                created.get_ref()
            ),
            Some("swap the dates or fix the typo".into()),
        ));
    }
    Ok(Flag {
        key,
        key_span,
        entry_span,
        flag_type,
        owner: raw.owner,
        description: raw.description,
        created,
        expires,
        default: raw.default,
        environments: raw.environments,
        rollout: raw.rollout,
        rollout_issue: raw.rollout_issue,
        cleanup_issue: raw.cleanup_issue,
        dashboard: raw.dashboard,
        runbook: raw.runbook,
        aliases: raw.aliases,
        styles: raw
            .spellings
            .into_iter()
            .map(|style| check_style(&style).map(|()| style))
            .collect::<Result<_, _>>()?,
        generated: Vec::new(),
    })
}

/// From the entry's key to the end of its last value: the bytes of
/// flags.toml that declare the flag.
fn entry_span(key_span: &Range<usize>, raw: &RawFlag) -> Range<usize> {
    let text = [
        &raw.owner,
        &raw.description,
        &raw.rollout_issue,
        &raw.cleanup_issue,
    ]
    .into_iter()
    .chain([&raw.dashboard, &raw.runbook])
    .flatten()
    .map(Spanned::span);
    let dates = [&raw.created, &raw.expires]
        .into_iter()
        .flatten()
        .map(Spanned::span);
    let lists = [&raw.environments, &raw.rollout]
        .into_iter()
        .flatten()
        .map(Spanned::span);
    std::iter::once(raw.flag_type.span())
        .chain(text)
        .chain(dates)
        .chain(lists)
        .chain(raw.default.as_ref().map(Spanned::span))
        .chain(raw.aliases.iter().chain(&raw.spellings).map(Spanned::span))
        .fold(key_span.clone(), |entry, span| {
            entry.start.min(span.start)..entry.end.max(span.end)
        })
}

pub(super) fn parse_date(value: Spanned<toml::Value>) -> Result<Spanned<Date>, Invalid> {
    let span = value.span();
    let help =
        || Some("write a TOML local date without quotes, like `expires = 2026-12-01`".into());
    let datetime = match value.into_inner() {
        toml::Value::Datetime(datetime) => datetime,
        toml::Value::String(text) => {
            return Err((span, format!("the date \"{text}\" is a string"), help()));
        }
        other => {
            return Err((
                span,
                format!("expected a date, found {}", other.type_str()),
                help(),
            ));
        }
    };
    let (Some(date), None, None) = (datetime.date, datetime.time, datetime.offset) else {
        return Err((
            span,
            format!("expected a date without a time, found {datetime}"),
            help(),
        ));
    };
    let date = Date::new(date.year as i16, date.month as i8, date.day as i8).map_err(|err| {
        (
            span.clone(),
            format!("{datetime} is not a valid date: {err}"),
            help(),
        )
    })?;
    Ok(Spanned::new(span, date))
}

pub(super) fn apply_policy(policy: &mut Policy, raw: RawPolicy) -> Result<(), Invalid> {
    let days = |value: Spanned<i64>| {
        u32::try_from(*value.get_ref())
            .ok()
            .filter(|days| *days <= MAX_POLICY_DAYS)
            .ok_or_else(|| {
                (
                    value.span(),
                    format!(
                        "expected a number of days from 0 to {MAX_POLICY_DAYS}, found {}",
                        value.get_ref()
                    ),
                    Some(format!(
                        "use a whole number of days, 0 to {MAX_POLICY_DAYS} (100 years)"
                    )),
                )
            })
    };
    if let Some(max) = raw.max_lifetime_days {
        policy.max_lifetime_days = Some(days(max)?);
    }
    if let Some(max) = policy.max_lifetime_days {
        policy.warn_before_expiry_days = policy::warning_window(Some(max));
    }
    if let Some(warn) = raw.warn_before_expiry_days {
        policy.warn_before_expiry_days = days(warn)?;
    }
    if let Some(default) = raw.default {
        policy.default = Some(default);
    }
    if let Some(requires) = raw.requires {
        policy.requires = requires
            .iter()
            .map(|name| {
                Field::from_name(name.get_ref()).ok_or_else(|| {
                    let fields = Field::ALL.map(Field::name);
                    (
                        name.span(),
                        format!("unknown field `{}` in `requires`", name.get_ref()),
                        Some(suggest::hint(name.get_ref(), &fields)),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
    }
    Ok(())
}

/// A `spellings` entry must name a case style.
pub(super) fn check_style(style: &Spanned<String>) -> Result<(), Invalid> {
    if spelling::NAMES.contains(&style.get_ref().as_str()) {
        return Ok(());
    }
    Err((
        style.span(),
        format!("unknown case style `{}`", style.get_ref()),
        Some(suggest::hint(style.get_ref(), &spelling::NAMES)),
    ))
}

/// The key in every style of `global` and of the entry, but the key itself
/// and its explicit aliases.
pub(super) fn generate_spellings(flag: &mut Flag, global: &[String]) {
    let styles = global
        .iter()
        .chain(flag.styles.iter().map(|style| style.get_ref()));
    let mut generated: Vec<(String, String)> = Vec::new();
    for style in styles {
        let Some(spelling) = spelling::generate(&flag.key, style) else {
            continue;
        };
        let known = spelling == flag.key
            || flag
                .aliases
                .iter()
                .any(|alias| alias.get_ref() == &spelling)
            || generated.iter().any(|(have, _)| have == &spelling);
        if !known && !spelling.is_empty() {
            generated.push((spelling, style.clone()));
        }
    }
    flag.generated = generated;
}

/// An alias, written or generated, must not be another flag's key or
/// alias: a reference would be ambiguous.
pub(super) fn check_aliases(flags: &[Flag]) -> Result<(), Invalid> {
    let mut owners: BTreeMap<&str, &str> = flags
        .iter()
        .map(|f| (f.key.as_str(), f.key.as_str()))
        .collect();
    for flag in flags {
        for alias in &flag.aliases {
            if let Some(other) = owners.insert(alias.get_ref(), &flag.key)
                && other != flag.key
            {
                return Err((
                    alias.span(),
                    format!(
                        "alias `{}` of `{}` is already used by `{other}`",
                        alias.get_ref(),
                        flag.key
                    ),
                    Some("each key and alias must name one flag".into()),
                ));
            }
        }
    }
    for flag in flags {
        for (spelling, style) in &flag.generated {
            if let Some(other) = owners.insert(spelling, &flag.key)
                && other != flag.key
            {
                return Err((
                    flag.key_span.clone(),
                    format!(
                        "`{spelling}`, the {style} spelling of `{}`, also names `{other}`",
                        flag.key
                    ),
                    Some(format!(
                        "a spelling must name one flag: drop `{style}` from the `spellings` that apply to one of them, or rename one (both entries are in this file: [flags.{}] and [flags.{}])",
                        toml_key(&flag.key),
                        toml_key(other)
                    )),
                ));
            }
        }
    }
    Ok(())
}
