//! The walk: every file under the scan root that is not ignored, found in
//! parallel with `ignore` (the walker behind ripgrep), honouring .gitignore
//! and .ignore, plus the `[scan]` include and exclude globs.
//!
//! Each walker thread collects into its own list and hands it back when it
//! is dropped, so no lock sits on the hot path.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::{DirEntry, ParallelVisitor, ParallelVisitorBuilder, WalkBuilder, WalkState};

/// What to walk.
pub struct WalkSettings<'a> {
    /// The scan root; paths are shown relative to it.
    pub root: &'a Path,
    /// Where to start; the root itself when empty.
    pub paths: &'a [PathBuf],
    /// `[scan] include`: when not empty, only matching files are read.
    pub include: &'a [String],
    /// `[scan] exclude`: on top of .gitignore and .ignore.
    pub exclude: &'a [String],
    /// The registry, which is never scanned.
    pub registry: &'a Path,
    /// Follow symbolic links (loops become warnings). Off, a link is never
    /// read, so nothing outside the root is.
    pub follow_links: bool,
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct WalkedFile {
    /// Relative to the root, with `/` separators.
    pub display: String,
    pub path: PathBuf,
}

/// A problem the walk ran into and went past.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct WalkWarning {
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Walk {
    /// Sorted by display path.
    pub files: Vec<WalkedFile>,
    pub warnings: Vec<WalkWarning>,
}

/// Walks the tree. Never fails: what cannot be read becomes a warning.
pub fn walk(settings: &WalkSettings) -> Result<Walk, String> {
    let exclude = globs(settings.root, settings.exclude)?;
    let include = globs(settings.root, settings.include)?;
    let starts: Vec<&Path> = if settings.paths.is_empty() {
        vec![settings.root]
    } else {
        settings.paths.iter().map(PathBuf::as_path).collect()
    };
    let mut builder = WalkBuilder::new(starts[0]);
    for start in &starts[1..] {
        builder.add(start);
    }
    let root = settings.root.to_path_buf();
    let registry = settings.registry.to_path_buf();
    builder
        // Dotfiles such as .env hold flags; .git never does.
        .hidden(false)
        .require_git(false)
        .follow_links(settings.follow_links)
        .filter_entry(move |entry| {
            let path = entry.path();
            if entry.file_name() == ".git" || path == registry {
                return false;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let relative = path.strip_prefix(&root).unwrap_or(path);
            !exclude
                .matched_path_or_any_parents(relative, is_dir)
                .is_ignore()
        });

    let found = Mutex::new(Walk::default());
    let mut collectors = CollectorBuilder {
        root: settings.root,
        registry: settings.registry,
        include: &include,
        found: &found,
    };
    builder.build_parallel().visit(&mut collectors);
    let mut walk = found.into_inner().expect("a walker thread panicked");
    walk.files.sort();
    walk.files.dedup();
    walk.warnings.sort();
    Ok(walk)
}

/// Globs with .gitignore semantics, anchored at the root.
fn globs(root: &Path, patterns: &[String]) -> Result<Gitignore, String> {
    let mut builder = GitignoreBuilder::new(root);
    for pattern in patterns {
        builder
            .add_line(None, pattern)
            .map_err(|err| format!("invalid glob `{pattern}`: {err}"))?;
    }
    builder.build().map_err(|err| err.to_string())
}

/// `path` as seen from `base`, with `/` separators on every platform:
/// `src/lib.rs`, or `../flags.toml` outside it; the absolute path when the
/// two share nothing but the file system's root.
pub fn display_path(base: &Path, path: &Path) -> String {
    for (ups, ancestor) in base.ancestors().enumerate() {
        let Ok(rest) = path.strip_prefix(ancestor) else {
            continue;
        };
        if ancestor.parent().is_none() && ups > 0 {
            break;
        }
        let parts: Vec<String> = std::iter::repeat_n("..".to_string(), ups)
            .chain(
                rest.components()
                    .map(|part| part.as_os_str().to_string_lossy().into_owned()),
            )
            .collect();
        return parts.join("/");
    }
    path.display().to_string()
}

struct CollectorBuilder<'s> {
    root: &'s Path,
    registry: &'s Path,
    include: &'s Gitignore,
    found: &'s Mutex<Walk>,
}

impl<'s> ParallelVisitorBuilder<'s> for CollectorBuilder<'s> {
    fn build(&mut self) -> Box<dyn ParallelVisitor + 's> {
        Box::new(Collector {
            root: self.root,
            registry: self.registry,
            include: self.include,
            found: self.found,
            local: Walk::default(),
        })
    }
}

struct Collector<'s> {
    root: &'s Path,
    registry: &'s Path,
    include: &'s Gitignore,
    found: &'s Mutex<Walk>,
    local: Walk,
}

impl ParallelVisitor for Collector<'_> {
    fn visit(&mut self, entry: Result<DirEntry, ignore::Error>) -> WalkState {
        match entry {
            Ok(entry) => {
                // A file named on the command line (depth 0) is read even if
                // `include` would skip it, like ripgrep; the registry never is.
                if entry.file_type().is_some_and(|t| t.is_file()) && entry.path() != self.registry {
                    let display = display_path(self.root, entry.path());
                    let included = self.include.is_empty()
                        || entry.depth() == 0
                        || self
                            .include
                            .matched_path_or_any_parents(Path::new(&display), false)
                            .is_ignore();
                    if included {
                        self.local.files.push(WalkedFile {
                            display,
                            path: entry.into_path(),
                        });
                    }
                }
            }
            Err(err) => self.local.warnings.push(WalkWarning {
                message: describe(self.root, &err),
            }),
        }
        WalkState::Continue
    }
}

impl Drop for Collector<'_> {
    fn drop(&mut self) {
        if let Ok(mut found) = self.found.lock() {
            found.files.append(&mut self.local.files);
            found.warnings.append(&mut self.local.warnings);
        }
    }
}

/// An `ignore` error as one line that names the path, relative to the root.
fn describe(root: &Path, err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { path, err } => {
            format!("{}: {}", display_path(root, path), describe(root, err))
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            describe(root, err)
        }
        ignore::Error::Loop { child, ancestor } => format!(
            "{}: symbolic link loop back to {}",
            display_path(root, child),
            display_path(root, ancestor)
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_a_base() {
        let registry = Path::new("/repo/flags.toml");
        assert_eq!(display_path(Path::new("/repo"), registry), "flags.toml");
        assert_eq!(
            display_path(Path::new("/repo/a/b"), registry),
            "../../flags.toml"
        );
        assert_eq!(
            display_path(Path::new("/repo"), Path::new("/repo/x/f.rs")),
            "x/f.rs"
        );
        assert_eq!(
            display_path(Path::new("/other"), registry),
            "/repo/flags.toml"
        );
    }
}
