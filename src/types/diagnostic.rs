//! Diagnostics as plain data: what every renderer (human, JSON, ...) reads.

use serde::Serialize;

use super::location::Location;
use super::severity::Severity;

/// What opens an inline suppression (`// flaglint: allow(RULE) reason:
/// WHY`, `suppress.rs`). Extraction notes which files spell it, so that
/// only those are read again to look for one.
pub const SUPPRESSION_MARKER: &str = "flaglint: allow(";

/// One finding, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// The flag concerned; `None` for a call whose key is unknown.
    pub flag: Option<String>,
    pub owner: Option<String>,
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// A few words shown under the snippet.
    pub label: String,
    /// Where: a reference in the code, or an entry in flags.toml.
    pub location: Location,
}

impl Diagnostic {
    /// The order of every output: by file, line, column, then rule and flag.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.location.path,
            self.location.line,
            self.location.column,
            self.rule,
            &self.flag,
        )
    }
}

/// The counts a run ends with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    /// Flags declared in the registry.
    pub flags: usize,
    /// References found.
    pub references: usize,
    pub files_scanned: usize,
}
