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
