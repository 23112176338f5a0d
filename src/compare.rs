//! `flaglint compare BASE.json HEAD.json`: what a pull request changes in
//! the flags its code uses, from two `refs --format json` documents (the
//! base branch's and the pull request's). Plain data in, plain data out:
//! the Markdown is `render::compare`'s.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// One `refs --format json` document.
#[derive(Debug, Deserialize)]
pub struct RefsDocument {
    pub version: u32,
    pub references: Vec<Reference>,
}

/// One reference of a `refs --format json` document.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reference {
    pub flag: String,
    pub kind: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// Whether flags.toml declares the flag (undeclared keys come from
    /// calls only).
    pub declared: bool,
}

impl RefsDocument {
    /// Reads a document, refusing any version but 1.
    pub fn parse(text: &str) -> Result<RefsDocument, String> {
        let document: RefsDocument = serde_json::from_str(text)
            .map_err(|err| format!("not the output of `flaglint refs --format json` ({err})"))?;
        if document.version != 1 {
            return Err(format!(
                "version {} of the refs format; this flaglint reads version 1",
                document.version
            ));
        }
        Ok(document)
    }

    /// Each flag's references, in file order.
    fn by_flag(&self) -> BTreeMap<&str, Vec<&Reference>> {
        let mut by_flag: BTreeMap<&str, Vec<&Reference>> = BTreeMap::new();
        for reference in &self.references {
            by_flag.entry(&reference.flag).or_default().push(reference);
        }
        for refs in by_flag.values_mut() {
            refs.sort();
        }
        by_flag
    }

    fn undeclared(&self) -> BTreeSet<&str> {
        self.references
            .iter()
            .filter(|r| !r.declared)
            .map(|r| r.flag.as_str())
            .collect()
    }
}

/// A flag and the references that show the change: where the head starts
/// using it, or where the base last used it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub flag: String,
    pub references: Vec<Reference>,
}

/// What the head changes against the base.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Declared flags the head references and the base did not.
    pub started: Vec<Change>,
    /// Flags the base referenced and the head does not: their cleanup is
    /// done, so their entries can leave flags.toml.
    pub removed: Vec<Change>,
    /// Keys the head's flag calls use that flags.toml does not declare, and
    /// that the base did not use undeclared.
    pub undeclared: Vec<Change>,
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.started.is_empty() && self.removed.is_empty() && self.undeclared.is_empty()
    }
}

/// Compares the base's references with the head's.
pub fn compare(base: &RefsDocument, head: &RefsDocument) -> Comparison {
    let (base_flags, head_flags) = (base.by_flag(), head.by_flag());
    let (base_undeclared, head_undeclared) = (base.undeclared(), head.undeclared());
    let change = |flag: &str, refs: &[&Reference]| Change {
        flag: flag.to_string(),
        references: refs.iter().map(|r| (*r).clone()).collect(),
    };
    let mut comparison = Comparison::default();
    for (flag, refs) in &head_flags {
        if head_undeclared.contains(flag) {
            if !base_undeclared.contains(flag) {
                let calls: Vec<&Reference> = refs.iter().copied().filter(|r| !r.declared).collect();
                comparison.undeclared.push(change(flag, &calls));
            }
        } else if !base_flags.contains_key(flag) {
            comparison.started.push(change(flag, refs));
        }
    }
    for (flag, refs) in &base_flags {
        if !head_flags.contains_key(flag) {
            comparison.removed.push(change(flag, refs));
        }
    }
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(refs: &[(&str, &str, bool)]) -> RefsDocument {
        let references = refs
            .iter()
            .enumerate()
            .map(|(line, (flag, path, declared))| {
                format!(
                    r#"{{"flag": "{flag}", "kind": "call", "path": "{path}", "line": {}, "column": 1, "language": "rust", "declared": {declared}}}"#,
                    line + 1
                )
            })
            .collect::<Vec<_>>()
            .join(",");
        RefsDocument::parse(&format!(
            r#"{{"version": 1, "references": [{references}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn started_removed_and_undeclared() {
        let base = document(&[
            ("kept", "a.rs", true),
            ("gone", "b.rs", true),
            ("gone", "c.rs", true),
            ("old-typo", "d.rs", false),
        ]);
        let head = document(&[
            ("kept", "a.rs", true),
            ("new", "e.rs", true),
            ("old-typo", "d.rs", false),
            ("new-typo", "f.rs", false),
        ]);
        let comparison = compare(&base, &head);
        let flags = |changes: &[Change]| -> Vec<String> {
            changes.iter().map(|c| c.flag.clone()).collect()
        };
        assert_eq!(flags(&comparison.started), ["new"]);
        assert_eq!(flags(&comparison.removed), ["gone"]);
        assert_eq!(comparison.removed[0].references.len(), 2);
        assert_eq!(flags(&comparison.undeclared), ["new-typo"]);
        assert!(compare(&head, &head).is_empty());
    }

    #[test]
    fn declaring_a_used_key_starts_nothing() {
        let base = document(&[("k", "a.rs", false)]);
        let head = document(&[("k", "a.rs", true)]);
        assert!(compare(&base, &head).is_empty());
    }

    #[test]
    fn other_documents_are_refused() {
        assert!(
            RefsDocument::parse("{}")
                .unwrap_err()
                .contains("flaglint refs")
        );
        let err = RefsDocument::parse(r#"{"version": 2, "references": []}"#).unwrap_err();
        assert!(err.contains("version 2"), "{err}");
    }
}
