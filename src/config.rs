//! What a run is asked to do, resolved once from the command line: where
//! the registry is (found the way ruff finds pyproject.toml), the scan root,
//! the paths to walk, the date, and the options of `check`. Nothing later
//! in the pipeline reads the environment or the clock.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use miette::{Result, miette};

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
        })
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
