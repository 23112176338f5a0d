//! The plan of one cleanup, as plain data: the files it rewrites (with
//! their text before and after), the sites it leaves for a person and why,
//! and what happens to the flag's entry in flags.toml. `--format json`
//! serializes it; the human output and `--diff` render it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

/// Everything one `flaglint cleanup KEY --to STATE` would do.
#[derive(Debug, Serialize)]
pub struct Plan {
    pub version: u32,
    pub flag: String,
    /// `on` or `off`: the state the flag keeps.
    pub to: &'static str,
    /// Files rewritten, by path.
    pub files: Vec<FileChange>,
    /// Places left for a person, sorted by path and line.
    pub sites: Vec<Site>,
    pub registry: RegistryChange,
}

impl Plan {
    /// Whether cleanup did everything by itself.
    pub fn complete(&self) -> bool {
        self.sites.is_empty()
    }

    /// How many evaluations of the flag the rewrite removes.
    pub fn evaluations_removed(&self) -> usize {
        self.files
            .iter()
            .map(|f| f.changes.get("evaluation").copied().unwrap_or(0))
            .sum()
    }
}

/// One file rewritten.
#[derive(Debug, Serialize)]
pub struct FileChange {
    /// Relative to the scan root, `/`-separated.
    pub path: String,
    pub language: &'static str,
    /// What was rewritten, by kind: `evaluation` (a call, hook or flag
    /// object read became the constant), `condition` (`!`, `&&`, `||`,
    /// comparisons folded), `if`, `ternary`, `variable` (inlined),
    /// `import` and `constant` (removed), `global` (a Python `global` name
    /// the function no longer assigns).
    pub changes: BTreeMap<&'static str, usize>,
    /// The unified diff of the file.
    pub diff: String,
    #[serde(skip)]
    pub absolute: PathBuf,
    #[serde(skip)]
    pub before: Vec<u8>,
    #[serde(skip)]
    pub after: Vec<u8>,
}

/// A place cleanup left for a person.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Site {
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// What the code there is: `call`, `object`, `literal`, `text`, or
    /// `dynamic` (a flag call whose key is not known statically).
    pub kind: &'static str,
    pub reason: String,
    /// Whether the flag's key is still there (then flags.toml keeps the
    /// flag's entry).
    #[serde(skip)]
    pub keeps_reference: bool,
}

/// What happens to the flag's entry in flags.toml.
#[derive(Debug, Serialize)]
pub struct RegistryChange {
    pub path: String,
    /// Whether the entry (with its comment block) is removed.
    pub removed: bool,
    /// Why it stays, when it does.
    pub reason: Option<String>,
    pub diff: String,
    #[serde(skip)]
    pub absolute: PathBuf,
    #[serde(skip)]
    pub before: Vec<u8>,
    #[serde(skip)]
    pub after: Vec<u8>,
}

/// The unified diff of `before` and `after`, as `a/path` and `b/path`.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
