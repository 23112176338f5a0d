//! Writing files the way flaglint always does: a temporary file in the
//! target's directory, flushed, then renamed over the target, so a crash or
//! a full disk never leaves half a file where a whole one was.

use std::path::Path;

use miette::{Result, miette};

/// Writes `bytes` to `path` through a temporary file renamed into place,
/// replacing what was there.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, bytes, true)
}

/// Like [`write`], but fails if `path` exists, even if it appears while
/// writing: the rename never replaces a file.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, bytes, false)
}

fn write_with(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let fail = |err: &dyn std::fmt::Display| miette!("cannot write {}: {err}", path.display());
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
    file.write_all(bytes).map_err(|e| fail(&e))?;
    file.as_file().sync_all().map_err(|e| fail(&e))?;
    let persisted = if replace {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted.map_err(|e| fail(&e.error))?;
    Ok(())
}

/// An exclusive advisory lock on an existing file, held until dropped: every
/// read-modify-write of a file flaglint edits (`add`) takes it, then reads
/// the file through it, so two edits at once run one after the other and
/// neither is lost.
///
/// The lock is on the file itself. A writer replaces the file by renaming a
/// new one over it, so a process that was waiting may wake holding the lock
/// of a file no longer at `path`: it then locks the new one instead.
pub struct Lock {
    file: std::fs::File,
}

impl Lock {
    /// Waits for the lock on the file at `path`.
    pub fn acquire(path: &Path) -> Result<Lock> {
        let fail = |err: &dyn std::fmt::Display| miette!("cannot lock {}: {err}", path.display());
        loop {
            let file = std::fs::File::open(path).map_err(|e| fail(&e))?;
            file.lock().map_err(|e| fail(&e))?;
            let locked = file.metadata().map_err(|e| fail(&e))?;
            let current = std::fs::metadata(path).map_err(|e| fail(&e))?;
            if same_file(&locked, &current) {
                return Ok(Lock { file });
            }
        }
    }

    /// The locked file, to read what is there now.
    pub fn file(&mut self) -> &mut std::fs::File {
        &mut self.file
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    // Windows cannot rename over a file another process has open, so the
    // file locked is the one at the path.
    true
}
