//! The shared check of the `missing-*` rules: a field the type's policy
//! requires is absent.

use super::{Context, Finding, Findings, describe};
use crate::registry::{Field, Flag, toml_key};

/// One finding per flag whose policy requires `field` and lacks it.
pub(super) fn check(context: &Context, out: &mut Findings, field: Field, help: &str) {
    for flag in &context.registry.flags {
        if context.registry.policy(flag.flag_type).requires(field) && !flag.has(field) {
            out.push(finding(context, flag, field, help));
        }
    }
}

/// `flag` lacks `field`: say so at its entry, with `help` to fix it.
pub(super) fn finding(context: &Context, flag: &Flag, field: Field, help: &str) -> Finding {
    Finding {
        flag: Some(flag.key.clone()),
        message: format!("{} has no `{}`", describe(flag), field.name()),
        help: format!("in [flags.{}], {help}", toml_key(&flag.key)),
        label: format!("no `{}`", field.name()),
        location: context.in_registry(flag.key_span.clone()),
    }
}
