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

/// Writes several files, all or none: each is first written to a temporary
/// file beside its target (flushed, with the target's permissions), and
/// only when every one is ready are they renamed into place. If a rename
/// fails midway, the files already replaced get their old bytes back.
pub fn write_all(files: &[(&Path, &[u8])]) -> Result<()> {
    let mut staged = Vec::new();
    for (path, bytes) in files {
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let old = std::fs::read(&target).ok();
        staged.push((stage(&target, bytes, true)?, target, old));
    }
    let mut done: Vec<(std::path::PathBuf, Option<Vec<u8>>)> = Vec::new();
    for ((file, _in_flight), target, old) in staged {
        if let Err(err) = file.persist(&target) {
            for (path, old) in done.iter().rev() {
                if let Some(old) = old {
                    let _ = write(path, old);
                }
            }
            return Err(miette!(
                "cannot write {}: {}; nothing was changed",
                target.display(),
                err.error
            ));
        }
        done.push((target, old));
    }
    Ok(())
}

fn write_with(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let target = match replace.then(|| std::fs::canonicalize(path)) {
        Some(Ok(target)) => target,
        _ => path.to_path_buf(),
    };
    let (file, _in_flight) = stage(&target, bytes, replace)?;
    let persisted = if replace {
        file.persist(&target)
    } else {
        file.persist_noclobber(&target)
    };
    persisted.map_err(|e| miette!("cannot write {}: {}", target.display(), e.error))?;
    Ok(())
}

/// A temporary file beside `path` holding `bytes`, flushed, with `path`'s
/// permissions (when replacing) or a new file's.
fn stage(path: &Path, bytes: &[u8], replace: bool) -> Result<(tempfile::NamedTempFile, InFlight)> {
    use std::io::Write;
    let fail = |err: &dyn std::fmt::Display| miette!("cannot write {}: {err}", path.display());
    let permissions = match replace {
        true => std::fs::metadata(path).ok().map(|m| m.permissions()),
        false => None,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| fail(&e))?;
    let in_flight = InFlight::new(file.path());
    file.write_all(bytes).map_err(|e| fail(&e))?;
    // A new file gets the mode any program would give it (0666 less the
    // umask), not the temporary file's private 0600.
    let permissions = permissions.or_else(new_file_permissions);
    if let Some(permissions) = permissions {
        file.as_file()
            .set_permissions(permissions)
            .map_err(|e| fail(&e))?;
    }
    file.as_file().sync_all().map_err(|e| fail(&e))?;
    Ok((file, in_flight))
}

/// 0666 less the process's umask, as `open(2)` would create a file.
#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: umask only sets and returns the process's mask; it is set
    // back at once to what it was.
    let mask = unsafe {
        let mask = libc::umask(0o022);
        libc::umask(mask);
        mask
    };
    // mode_t is u32 on Linux but u16 on macOS.
    #[allow(clippy::useless_conversion)]
    let mask = u32::from(mask);
    Some(std::fs::Permissions::from_mode(0o666 & !mask))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// How flaglint's temporary files are named: `.flaglint-tmp-` and six
/// random characters. One left by a crash (or `kill -9`) is never read as
/// part of the repository: the walk skips the prefix.
pub const TEMP_PREFIX: &str = ".flaglint-tmp-";

/// Temporary files being written, removed by the handler of SIGINT, SIGTERM
/// and SIGHUP before the process ends as the signal would have ended it.
static IN_FLIGHT: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary file registered in [`IN_FLIGHT`] while it lives.
struct InFlight(std::path::PathBuf);

impl InFlight {
    fn new(path: &Path) -> InFlight {
        install_handler();
        let path = path.to_path_buf();
        if let Ok(mut in_flight) = IN_FLIGHT.lock() {
            in_flight.push(path.clone());
        }
        InFlight(path)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut in_flight) = IN_FLIGHT.lock() {
            in_flight.retain(|path| path != &self.0);
        }
    }
}

/// Installs the handler once, on the first write: a thread that waits for
/// the signals, removes what is in flight, then lets the signal end the
/// process. Runs that write nothing keep the default handling.
#[cfg(unix)]
fn install_handler() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held to the end: no new temporary file appears meanwhile.
                let in_flight = IN_FLIGHT.lock();
                if let Ok(paths) = &in_flight {
                    for path in paths.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

#[cfg(not(unix))]
fn install_handler() {}

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
