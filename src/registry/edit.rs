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

/// `source` without the entry `[flags.<key>]` and the comment block right
/// above its header; every other byte stays. The result is checked to hold
/// exactly the same TOML less that flag.
pub fn remove_flag(source: &str, key: &str) -> Result<String, String> {
    let document = toml_edit::Document::parse(source)
        .map_err(|err| format!("flags.toml is not valid TOML: {err}"))?;
    let flags = document
        .as_table()
        .get("flags")
        .and_then(Item::as_table)
        .ok_or("flags.toml has no [flags] table")?;
    let header = flags
        .get(key)
        .and_then(Item::as_table)
        .filter(|table| !table.is_implicit())
        .and_then(Table::span)
        .ok_or_else(|| format!("`{key}` is not a [flags.{key}] table: remove it by hand"))?;
    let mut headers = Vec::new();
    table_starts(document.as_table(), &mut headers);
    let line_start = |at: usize| source[..at].rfind('\n').map_or(0, |i| i + 1);
    let start = comments_above(source, line_start(header.start));
    let end = match headers.iter().filter(|&&h| h > header.start).min() {
        Some(&next) => comments_above(source, line_start(next)),
        None => source.len(),
    };
    let start = if end == source.len() {
        // The last entry: the blank lines before it go too.
        let kept = source[..start]
            .trim_end_matches(['\n', '\r', ' ', '\t'])
            .len();
        source[kept..start]
            .find('\n')
            .map_or(start, |i| kept + i + 1)
    } else {
        start
    };
    let after = format!("{}{}", &source[..start], &source[end..]);
    let mut expected: toml::Table =
        toml::from_str(source).map_err(|err| format!("flags.toml: {err}"))?;
    if let Some(toml::Value::Table(flags)) = expected.get_mut("flags") {
        flags.remove(key);
    }
    let mut got: toml::Table = toml::from_str(&after).map_err(|err| format!("{err}"))?;
    // The last flag gone, `flags` may be gone or empty: the same registry.
    for table in [&mut expected, &mut got] {
        if table
            .get("flags")
            .is_some_and(|flags| flags.as_table().is_some_and(|t| t.is_empty()))
        {
            table.remove("flags");
        }
    }
    if got != expected {
        return Err(format!(
            "removing `{key}` would change other entries: remove it by hand"
        ));
    }
    Ok(after)
}

/// Where each explicit table's header starts.
fn table_starts(table: &Table, out: &mut Vec<usize>) {
    if let Some(span) = table.span().filter(|_| !table.is_implicit()) {
        out.push(span.start);
    }
    for (_, item) in table.iter() {
        match item {
            Item::Table(inner) => table_starts(inner, out),
            Item::ArrayOfTables(array) => {
                for inner in array.iter() {
                    table_starts(inner, out);
                }
            }
            _ => {}
        }
    }
}

/// The start of the run of comment lines that ends right above the line
/// starting at `at` (`at` itself if there is none).
fn comments_above(source: &str, at: usize) -> usize {
    let mut start = at;
    while start > 0 {
        let previous = source[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        if !source[previous..start].trim_start().starts_with('#') {
            break;
        }
        start = previous;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::remove_flag;

    #[test]
    fn removing_a_flag_keeps_every_other_byte() {
        let source = "# registry\n[scan]\nsdks = []\n\n# the old one\n# two lines\n[flags.old]\ntype = \"release\"\n\n# new\n[flags.\"new.ui\"]\ntype = \"ops\"   # note\n\n[flags.last]\ntype = \"ops\"\n";
        assert_eq!(
            remove_flag(source, "old").unwrap(),
            "# registry\n[scan]\nsdks = []\n\n# new\n[flags.\"new.ui\"]\ntype = \"ops\"   # note\n\n[flags.last]\ntype = \"ops\"\n"
        );
        assert_eq!(
            remove_flag(source, "last").unwrap(),
            "# registry\n[scan]\nsdks = []\n\n# the old one\n# two lines\n[flags.old]\ntype = \"release\"\n\n# new\n[flags.\"new.ui\"]\ntype = \"ops\"   # note\n"
        );
        assert!(remove_flag(source, "missing").is_err());
        let inline = "[flags]\nx = { type = \"ops\" }\n";
        assert!(remove_flag(inline, "x").is_err());
    }
}
