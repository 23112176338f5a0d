//! CODEOWNERS: who owns a file, for flags the registry gives no owner.
//! GitHub's rules: the file is `.github/CODEOWNERS`, `CODEOWNERS` or
//! `docs/CODEOWNERS`; patterns follow .gitignore syntax; the last matching
//! line wins.

use std::path::Path;

use ignore::gitignore::{Gitignore, GitignoreBuilder};

/// The parsed rules, in file order.
pub struct CodeOwners {
    rules: Vec<(Gitignore, Vec<String>)>,
}

impl CodeOwners {
    /// The repository's CODEOWNERS under `root`, if it has one.
    pub fn find(root: &Path) -> Option<CodeOwners> {
        [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]
            .iter()
            .find_map(|candidate| std::fs::read_to_string(root.join(candidate)).ok())
            .map(|text| CodeOwners::parse(root, &text))
    }

    pub fn parse(root: &Path, text: &str) -> CodeOwners {
        let rules = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                let pattern = words.next()?;
                let owners: Vec<String> = words
                    .take_while(|w| !w.starts_with('#'))
                    .map(str::to_string)
                    .collect();
                let mut builder = GitignoreBuilder::new(root);
                builder.add_line(None, pattern).ok()?;
                Some((builder.build().ok()?, owners))
            })
            .collect();
        CodeOwners { rules }
    }

    /// The owners of `path` (relative to the root): the last matching rule's.
    pub fn owners(&self, path: &str) -> &[String] {
        self.rules
            .iter()
            .rev()
            .find(|(matcher, _)| matcher.matched_path_or_any_parents(path, false).is_ignore())
            .map_or(&[], |(_, owners)| owners.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_matching_rule_wins() {
        let owners = CodeOwners::parse(
            Path::new("/repo"),
            "# comment\n* @acme/everyone\n/src/checkout/ @acme/payments @alice\n*.yaml @acme/platform # configs\n",
        );
        assert_eq!(
            owners.owners("src/checkout/mod.rs"),
            ["@acme/payments", "@alice"]
        );
        assert_eq!(owners.owners("config/deploy.yaml"), ["@acme/platform"]);
        assert_eq!(owners.owners("README.md"), ["@acme/everyone"]);
    }
}
