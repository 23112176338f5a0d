//! The shared check of the `missing-*` rules: a field the type's policy
//! requires is absent.

use super::{Context, Finding, Findings, describe};
use crate::registry::Field;

/// One finding per flag whose policy requires `field` and lacks it.
pub(super) fn check(context: &Context, out: &mut Findings, field: Field, help: &str) {
    for flag in &context.registry.flags {
        if context.registry.policy(flag.flag_type).requires(field) && !flag.has(field) {
            out.push(Finding {
                flag: Some(flag.key.clone()),
                message: format!("{} has no `{}`", describe(flag), field.name()),
                help: format!("in [flags.{}], {help}", toml_key(&flag.key)),
                label: format!("no `{}`", field.name()),
                location: context.in_registry(flag.key_span.clone()),
            });
        }
    }
}

/// A key as it must be written in a TOML table header.
pub(super) fn toml_key(key: &str) -> String {
    if key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        key.to_string()
    } else {
        format!("{key:?}")
    }
}
