//! The walk: every file under the scan root that is not ignored, found in
//! parallel with `ignore` (the walker behind ripgrep), honouring .gitignore
//! and .ignore, plus the `[scan]` include and exclude globs.
//!
//! Each walker thread collects into its own list and hands it back when it
//! is dropped, so no lock sits on the hot path.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::gitignore::Gitignore;
use ignore::{DirEntry, ParallelVisitor, ParallelVisitorBuilder, WalkBuilder, WalkState};

use crate::types::display_path;

/// What to walk.
pub struct WalkSettings<'a> {
    /// The scan root; paths are shown relative to it.
    pub root: &'a Path,
    /// Where to start; the root itself when empty.
    pub paths: &'a [PathBuf],
    /// `[scan] include`, compiled by the registry: when not empty, only
    /// matching files are read.
    pub include: &'a Gitignore,
    /// `[scan] exclude`, compiled by the registry: on top of .gitignore and
    /// .ignore.
    pub exclude: &'a Gitignore,
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

/// Walks the tree. What cannot be read (a directory without permission, a
/// symbolic link loop) becomes a warning, not a failure.
pub fn walk(settings: &WalkSettings) -> Walk {
    let exclude = settings.exclude.clone();
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
        // Not asked of the starting paths: `Collector::visit` is.
        .filter_entry(move |entry| {
            let path = entry.path();
            // The name is worked out from the path at each call: once here.
            let name = entry.file_name();
            if name == ".git" || is_registry(name, path, &registry) {
                return false;
            }
            // A temporary file flaglint left behind is not the repository's.
            if name
                .as_encoded_bytes()
                .starts_with(crate::atomic::TEMP_PREFIX.as_bytes())
            {
                return false;
            }
            if exclude.is_empty() {
                return true;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            // Globs are relative to the root; a path outside it (a followed
            // link) is matched by nothing.
            match path.strip_prefix(&root) {
                Ok(relative) => !exclude
                    .matched_path_or_any_parents(relative, is_dir)
                    .is_ignore(),
                Err(_) => true,
            }
        });

    let found = Mutex::new(Walk::default());
    let mut collectors = CollectorBuilder {
        root: settings.root,
        registry: settings.registry,
        include: settings.include,
        found: &found,
    };
    builder.build_parallel().visit(&mut collectors);
    let mut walk = found.into_inner().expect("a walker thread panicked");
    // In parallel: on a tree of 20,000 files, sorting them alone took as
    // long as 2% of the run.
    rayon::slice::ParallelSliceMut::par_sort_unstable(&mut walk.files[..]);
    walk.files.dedup();
    walk.warnings.sort();
    walk
}

/// The globs `.gitattributes` at the root marks `linguist-generated`
/// (`dist/** linguist-generated`, `=true`), as GitHub reads them.
pub fn generated(root: &Path) -> Option<Gitignore> {
    let text = std::fs::read_to_string(root.join(".gitattributes")).ok()?;
    let mut builder = ignore::gitignore::GitignoreBuilder::new("");
    let mut any = false;
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let Some(pattern) = parts.next().filter(|p| !p.starts_with('#')) else {
            continue;
        };
        if parts.any(|attribute| {
            attribute == "linguist-generated" || attribute == "linguist-generated=true"
        }) {
            any |= builder.add_line(None, pattern).is_ok();
        }
    }
    any.then(|| builder.build().ok()).flatten()
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
                // `include` would skip it, like ripgrep; the registry never
                // is (deeper, the walk's filter has left it out).
                if entry.file_type().is_some_and(|t| t.is_file())
                    && !(entry.depth() == 0
                        && is_registry(entry.file_name(), entry.path(), self.registry))
                {
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

/// Whether the entry at `path`, named `name`, is the registry: by the
/// bytes of the name first, which rule out nearly every file.
fn is_registry(name: &std::ffi::OsStr, path: &Path, registry: &Path) -> bool {
    let registry_bytes = registry.as_os_str().as_encoded_bytes();
    registry_bytes.ends_with(name.as_encoded_bytes()) && path == registry
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
