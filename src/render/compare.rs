//! `flaglint compare`: a pull request's flag changes as one Markdown
//! comment. Its first line is a marker, so a workflow finds the comment it
//! posted before and updates it instead of adding another. Every key and
//! path is escaped: the JSON documents come from the pull request's code.

use super::markdown_code as code;
use super::plural;
use crate::compare::{Change, Comparison};

/// The first line of every summary: what a workflow looks for to update
/// its comment.
pub const MARKER: &str = "<!-- flaglint compare -->";

/// Places listed per flag before "and N more".
const SHOWN: usize = 3;

pub fn markdown(comparison: &Comparison) -> String {
    let mut out = format!("{MARKER}\n### Feature flags in this pull request\n\n");
    if comparison.is_empty() {
        out.push_str("No flag starts or stops being used, and no undeclared key is added.\n");
        return out;
    }
    section(
        &mut out,
        &format!("Starts using {}", plural(comparison.started.len(), "flag")),
        "",
        ["flag", "where"],
        &comparison.started,
    );
    section(
        &mut out,
        &format!(
            "Removes the last reference to {}",
            plural(comparison.removed.len(), "flag")
        ),
        ": close the cleanup issue, delete the entry from flags.toml",
        ["flag", "was used at"],
        &comparison.removed,
    );
    section(
        &mut out,
        &format!(
            "Adds {}",
            plural(comparison.undeclared.len(), "undeclared key")
        ),
        ": declare each in flags.toml (`flaglint add KEY --type TYPE --owner OWNER`), or fix the spelling",
        ["key", "where"],
        &comparison.undeclared,
    );
    out
}

/// A heading and a table of flags with their places; nothing when empty.
fn section(
    out: &mut String,
    heading: &str,
    advice: &str,
    [first, second]: [&str; 2],
    changes: &[Change],
) {
    if changes.is_empty() {
        return;
    }
    out.push_str(&format!(
        "**{heading}**{advice}\n\n| {first} | {second} |\n|---|---|\n"
    ));
    for change in changes {
        let mut places: Vec<String> = change
            .references
            .iter()
            .take(SHOWN)
            .map(|r| code(&format!("{}:{}", r.path, r.line)))
            .collect();
        if change.references.len() > SHOWN {
            places.push(format!("and {} more", change.references.len() - SHOWN));
        }
        out.push_str(&format!(
            "| {} | {} |\n",
            code(&change.flag),
            places.join(", ")
        ));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Reference;

    fn reference(flag: &str, path: &str, line: usize) -> Reference {
        Reference {
            flag: flag.into(),
            kind: "call".into(),
            path: path.into(),
            line,
            column: 1,
            declared: true,
        }
    }

    #[test]
    fn hostile_keys_and_paths_stay_code() {
        let comparison = Comparison {
            started: vec![Change {
                flag: "x`|<img src=y>".into(),
                references: (1..=5)
                    .map(|line| reference("x", "a|b`.rs", line))
                    .collect(),
            }],
            ..Comparison::default()
        };
        let text = markdown(&comparison);
        assert!(text.starts_with(MARKER), "{text}");
        assert!(text.contains("| ``x`\\|<img src=y>`` |"), "{text}");
        assert!(text.contains("and 2 more"), "{text}");
        assert_eq!(text.matches("\n|").count(), 3, "{text}");
    }
}
