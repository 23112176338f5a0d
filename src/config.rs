//! What a run is asked to do, resolved once from the command line: where
//! the registry is (found the way ruff finds pyproject.toml), the scan root,
//! the paths to walk, the date, and the options of `check`. Nothing later
//! in the pipeline reads the environment or the clock.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use miette::{Result, miette};

use crate::diff::{Changes, FileChanges};
use crate::preview::Previews;
use crate::types::display_path;

pub const REGISTRY_FILE_NAME: &str = "flags.toml";

/// The nearest flags.toml at or above `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(REGISTRY_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// One run's inputs.
#[derive(Debug, Clone)]
pub struct Config {
    /// flags.toml, absolute and resolved (no link, no `..`).
    pub registry: PathBuf,
    /// flags.toml as errors name it: relative to the working directory.
    pub registry_display: String,
    /// The scan root, absolute and resolved: the registry's directory (where
    /// the path given or found names it) unless `--root`.
    pub root: PathBuf,
    /// Paths given on the command line, absolute; empty means the root.
    pub paths: Vec<PathBuf>,
    /// Follow symbolic links, even out of the root (`--follow`).
    pub follow_links: bool,
    /// The date expiry is checked against (`--today`, else the local date).
    pub today: Date,
    /// `--warn-within`: overrides every policy's `warn_before_expiry_days`.
    pub warn_within: Option<u32>,
    /// `--baseline`: findings recorded there are not reported.
    pub baseline: Option<PathBuf>,
    /// Files the run writes (`--write-baseline`, `report --output`),
    /// absolute: never read as references.
    pub outputs: Vec<PathBuf>,
    /// Preview features turned on (`FLAGLINT_PREVIEW`).
    pub previews: Previews,
    /// Parse every file with a grammar, skipping none (`--exhaustive`): the
    /// reference the fast path is tested against.
    pub exhaustive: bool,
    /// `check --diff`: the lines the diff changes, by path as output shows
    /// it (relative to the scan root); findings elsewhere are left out.
    pub diff: Option<BTreeMap<String, FileChanges>>,
}

impl Config {
    /// `--config` or the nearest flags.toml at or above `cwd`; `--root` or
    /// the registry's directory; `paths` resolved against `cwd`.
    pub fn resolve(
        cwd: &Path,
        config: Option<&Path>,
        root: Option<&Path>,
        paths: &[PathBuf],
        today: Date,
    ) -> Result<Config> {
        let registry = match config {
            Some(path) => cwd.join(path),
            None => discover(cwd).ok_or_else(|| {
                miette!(
                    help = "run `flaglint init` to write one from the flag calls in the code, or pass `--config PATH`",
                    "no {REGISTRY_FILE_NAME} in {} or any of its parents",
                    cwd.display()
                )
            })?,
        };
        if !registry.is_file() {
            return Err(miette!(
                help = "check the path given to `--config`",
                "{} is not a file",
                registry.display()
            ));
        }
        // Resolved once, physically, as the OS will: `a/../flags.toml` with
        // `a` a link is the file beside a's target, not the one beside `a`.
        // What is checked is what is read.
        let resolve = |path: &Path| {
            path.canonicalize()
                .map_err(|err| miette!("cannot resolve {}: {err}", path.display()))
        };
        let given = registry;
        let registry = resolve(&given)?;
        let root = match root {
            Some(root) => cwd.join(root),
            None => given.parent().unwrap_or(cwd).to_path_buf(),
        };
        if !root.is_dir() {
            return Err(miette!(
                help = "pass an existing directory to `--root`",
                "the scan root {} is not a directory",
                root.display()
            ));
        }
        let root = resolve(&root)?;
        let mut resolved = Vec::with_capacity(paths.len());
        for path in paths {
            let joined = cwd.join(path);
            if std::fs::symlink_metadata(&joined).is_err() {
                return Err(miette!("{}: no such file or directory", path.display()));
            }
            // The directories resolved; a link named last stays a link, for
            // the walk to follow or not.
            let absolute = match (joined.parent(), joined.file_name()) {
                (Some(parent), Some(name)) => resolve(parent)?.join(name),
                _ => resolve(&joined)?,
            };
            if !absolute.starts_with(&root) {
                return Err(miette!(
                    help = "pass paths inside the scan root, or set `--root`",
                    "{} is outside the scan root {}",
                    path.display(),
                    root.display()
                ));
            }
            resolved.push(absolute);
        }
        // Shown as given, unless that names another file than the one read.
        let cwd = normalize(cwd);
        let lexical = normalize(&given);
        let registry_display = match lexical.canonicalize() {
            Ok(same) if same == registry => display_path(&cwd, &lexical),
            _ => display_path(&cwd, &registry),
        };
        Ok(Config {
            registry_display,
            registry,
            root,
            paths: resolved,
            follow_links: false,
            today,
            warn_within: None,
            baseline: None,
            outputs: Vec::new(),
            previews: Previews::default(),
            exhaustive: false,
            diff: None,
        })
    }

    /// The diff's files as output names them. A diff names files from the
    /// directory it was made in: the top of the git work tree for `git
    /// diff` (the nearest ancestor of the root holding `.git`), or the scan
    /// root (`git diff --relative`, or no git). Each path is read from the
    /// top when that names a file in the scan root, else from the root when
    /// that names a file, else from the top (flags.toml outside the root).
    pub fn diff_scope(&self, changes: Changes) -> BTreeMap<String, FileChanges> {
        let exists = |path: &Path| std::fs::symlink_metadata(path).is_ok();
        let top = self.root.ancestors().find(|dir| exists(&dir.join(".git")));
        let mut scope: BTreeMap<String, FileChanges> = BTreeMap::new();
        for (path, file) in changes.files {
            let from_top = top.map(|top| normalize(&top.join(&path)));
            let from_root = normalize(&self.root.join(&path));
            let chosen = match &from_top {
                Some(from_top) if from_top.starts_with(&self.root) && exists(from_top) => from_top,
                _ if exists(&from_root) => &from_root,
                Some(from_top) => from_top,
                None => &from_root,
            };
            let entry = scope.entry(display_path(&self.root, chosen)).or_default();
            entry.added.extend(file.added);
            entry.removed_after.extend(file.removed_after);
        }
        scope
    }
}

/// Removes `.` and `..` without touching the file system, so that paths
/// shown to the user stay the ones they gave.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Changes;

    /// An empty file (files are written only through `atomic`).
    fn write(path: &Path) {
        crate::atomic::write(path, b"").unwrap();
    }

    /// A diff from the top of a git work tree names files from there; one
    /// made in the scan root (`--relative`, or no git) names them from the
    /// root. Each path is found where it exists.
    #[test]
    fn diff_paths_from_the_work_tree_or_the_root() {
        let top = tempfile::tempdir().unwrap();
        let top = top.path().canonicalize().unwrap();
        std::fs::create_dir_all(top.join(".git")).unwrap();
        std::fs::create_dir_all(top.join("svc/src")).unwrap();
        write(&top.join("svc/flags.toml"));
        write(&top.join("svc/src/a.rs"));
        // The top's own flags.toml is not the root's.
        write(&top.join("flags.toml"));
        let config = Config::resolve(
            &top.join("svc"),
            None,
            None,
            &[],
            jiff::civil::date(2026, 1, 1),
        )
        .unwrap();
        let diff = "--- a/svc/src/a.rs\n+++ b/svc/src/a.rs\n@@ -1 +1 @@\n-x\n+y\n\
                    --- a/src/a.rs\n+++ b/src/a.rs\n@@ -1 +1 @@\n-x\n+y\n\
                    --- a/flags.toml\n+++ b/flags.toml\n@@ -1 +1 @@\n-x\n+y\n\
                    --- a/other/b.rs\n+++ b/other/b.rs\n@@ -1 +1 @@\n-x\n+y\n";
        let scope = config.diff_scope(Changes::parse(diff).unwrap());
        let keys: Vec<&str> = scope.keys().map(String::as_str).collect();
        assert_eq!(keys, ["../other/b.rs", "flags.toml", "src/a.rs"]);
        // Both spellings of src/a.rs land on one file.
        assert_eq!(scope["src/a.rs"].added, [1..=1, 1..=1]);
    }
}
