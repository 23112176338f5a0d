//! Editing flags.toml: `flaglint add` appends one complete entry with
//! toml_edit, so the file's comments, order and layout stay as they were.

use jiff::civil::Date;
use toml_edit::{DocumentMut, Item, Table, value};

use super::{Field, FlagType, Policy};

/// A flag to declare.
#[derive(Debug, Clone)]
pub struct NewFlag {
    pub key: String,
    pub flag_type: FlagType,
    pub owner: String,
    pub description: Option<String>,
    pub created: Date,
    pub expires: Option<Date>,
    pub default: Option<bool>,
    pub cleanup_issue: Option<String>,
    pub dashboard: Option<String>,
    pub runbook: Option<String>,
}

impl NewFlag {
    /// The policy's defaults applied: `expires` at the end of the type's
    /// maximum lifetime, `default` as the policy requires.
    pub fn with_policy(mut self, policy: &Policy) -> NewFlag {
        if self.expires.is_none() {
            // Never panics: a span out of jiff's range, or a date past
            // its last, is no default.
            self.expires = policy.max_lifetime_days.and_then(|days| {
                let span = jiff::Span::new().try_days(i64::from(days)).ok()?;
                self.created.checked_add(span).ok()
            });
        }
        if self.default.is_none() {
            self.default = policy.default;
        }
        self
    }

    /// The fields the policy requires that this entry lacks.
    pub fn missing(&self, policy: &Policy) -> Vec<Field> {
        policy
            .requires
            .iter()
            .copied()
            .filter(|field| match field {
                Field::Owner => self.owner.trim().is_empty(),
                Field::Description => self.description.is_none(),
                Field::Created => false,
                Field::Expires => self.expires.is_none(),
                Field::CleanupIssue => self.cleanup_issue.is_none(),
                Field::Dashboard => self.dashboard.is_none(),
                Field::Runbook => self.runbook.is_none(),
                Field::Environments | Field::Rollout | Field::RolloutIssue => true,
            })
            .collect()
    }
}

/// `source` with `flag` appended as `[flags.<key>]`, or why not.
pub fn add_flag(source: &str, flag: &NewFlag) -> Result<String, String> {
    let mut document: DocumentMut = source
        .parse()
        .map_err(|err| format!("flags.toml is not valid TOML: {err}"))?;
    let flags = document
        .entry("flags")
        .or_insert_with(|| {
            let mut table = Table::new();
            table.set_implicit(true);
            Item::Table(table)
        })
        .as_table_mut()
        .ok_or("`flags` in flags.toml is not a table")?;
    if flags.contains_key(&flag.key) {
        return Err(format!("flag `{}` is already declared", flag.key));
    }
    let date = |date: Date| -> toml_edit::Datetime {
        date.to_string()
            .parse()
            .expect("a civil date is a TOML date")
    };
    let mut entry = Table::new();
    entry["type"] = value(flag.flag_type.name());
    entry["owner"] = value(flag.owner.as_str());
    if let Some(description) = &flag.description {
        entry["description"] = value(description.as_str());
    }
    entry["created"] = value(date(flag.created));
    if let Some(expires) = flag.expires {
        entry["expires"] = value(date(expires));
    }
    if let Some(default) = flag.default {
        entry["default"] = value(default);
    }
    for (name, field) in [
        ("cleanup_issue", &flag.cleanup_issue),
        ("dashboard", &flag.dashboard),
        ("runbook", &flag.runbook),
    ] {
        if let Some(text) = field {
            entry[name] = value(text.as_str());
        }
    }
    flags.insert(&flag.key, Item::Table(entry));
    Ok(document.to_string())
}
