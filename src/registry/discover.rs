//! Finding flags.toml: the working directory, then its ancestors, the way
//! ruff finds pyproject.toml.

use std::path::{Path, PathBuf};

pub const REGISTRY_FILE_NAME: &str = "flags.toml";

/// The nearest flags.toml at or above `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(REGISTRY_FILE_NAME))
        .find(|candidate| candidate.is_file())
}
