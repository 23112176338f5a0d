//! Reading a source file the way every stage does (extraction, snippets,
//! suppressions): size-limited, UTF-8 or UTF-16 with a byte-order mark,
//! binary files refused; and the cache of files' texts that the stages
//! after the rules (suppressions, snippets) share.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::types::{LineIndex, Location};

/// Files larger than this are skipped and counted.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Why a file was not searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    Binary,
    NotUtf8,
    TooLarge,
    /// Markdown and other prose: mentions there are not references.
    Prose,
    /// Lock files, minified bundles, files `.gitattributes` marks
    /// `linguist-generated`: nobody writes a flag there by hand.
    Generated,
    /// flaglint's own output (a baseline, a report, `refs --format json`):
    /// reading it back would count its keys as references.
    Output,
}

/// `Skip`, ordered for summaries.
pub type SkipReason = &'static str;

impl Skip {
    pub fn reason(self) -> SkipReason {
        match self {
            Skip::Binary => "binary",
            Skip::NotUtf8 => "not UTF-8",
            Skip::TooLarge => "larger than 10 MiB",
            Skip::Prose => "prose",
            Skip::Generated => "generated",
            Skip::Output => "flaglint output",
        }
    }
}

/// Why [`read_source`] gave no text.
#[derive(Debug)]
pub enum Unread {
    Skip(Skip),
    Io(std::io::Error),
}

/// A source file's text, as every stage reads it: UTF-8, or UTF-16 with a
/// byte-order mark (as Windows editors save it) decoded to UTF-8. A file
/// larger than [`MAX_FILE_BYTES`], holding a NUL byte outside UTF-16, or
/// neither UTF-8 nor valid UTF-16 is skipped.
///
/// The file is opened without blocking and, unless `follow_links`, without
/// following a symbolic link: a link swapped in after the walk is refused,
/// and a FIFO is never waited on. What reads as empty, or would block, is
/// checked to be a regular file, so that a FIFO is refused too. The walk
/// already saw a regular file: asking every file its size before reading
/// it (a `statx` each) cost about 3% of a run, more than reading the first
/// 10 MiB of the rare file found too large after all.
pub fn read_source(path: &Path, follow_links: bool) -> Result<String, Unread> {
    let mut bytes = Vec::with_capacity(FIRST_READ);
    read_source_into(path, follow_links, &mut bytes)?;
    String::from_utf8(bytes).map_err(|_| Unread::Skip(Skip::NotUtf8))
}

/// As [`read_source`], into `bytes` (cleared first), which a caller reads
/// many files with: the text is `bytes`, valid UTF-8.
pub fn read_source_into<'b>(
    path: &Path,
    follow_links: bool,
    bytes: &'b mut Vec<u8>,
) -> Result<&'b str, Unread> {
    use std::io::Read;
    bytes.clear();
    let file = open(path, follow_links).map_err(Unread::Io)?;
    // `take`: a file that grows while being read stays within the limit.
    let read = (&file).take(MAX_FILE_BYTES + 1).read_to_end(bytes);
    if bytes.is_empty()
        || read
            .as_ref()
            .is_err_and(|err| err.kind() == ErrorKind::WouldBlock)
    {
        regular(&file).map_err(Unread::Io)?;
    }
    read.map_err(Unread::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Unread::Skip(Skip::TooLarge));
    }
    if let Some(decoded) = utf16(bytes) {
        let decoded = decoded.ok_or(Unread::Skip(Skip::NotUtf8))?;
        *bytes = decoded.into_bytes();
    } else if memchr::memchr(0, bytes).is_some() {
        return Err(Unread::Skip(Skip::Binary));
    }
    std::str::from_utf8(bytes).map_err(|_| Unread::Skip(Skip::NotUtf8))
}

/// Room for most source files in one read; a larger one grows.
const FIRST_READ: usize = 16 * 1024;

/// `path` opened for reading, without blocking.
fn open(path: &Path, follow_links: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let no_follow = if follow_links { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | no_follow);
    }
    options.open(path).map_err(|err| {
        if !follow_links && err.raw_os_error() == Some(libc_eloop()) {
            std::io::Error::other("a symbolic link, not followed (pass --follow to read it)")
        } else {
            err
        }
    })
}

/// An error unless `file` is a regular file.
fn regular(file: &std::fs::File) -> std::io::Result<()> {
    match file.metadata()?.is_file() {
        true => Ok(()),
        false => Err(std::io::Error::other(
            "not a regular file (was it replaced during the run?)",
        )),
    }
}

/// The error `O_NOFOLLOW` gives for a link.
fn libc_eloop() -> i32 {
    #[cfg(unix)]
    return libc::ELOOP;
    #[cfg(not(unix))]
    return -1;
}

/// A file's text with its line index.
#[derive(Debug)]
pub struct Text {
    pub text: String,
    pub lines: LineIndex,
}

impl Text {
    pub fn new(text: String) -> Text {
        Text {
            lines: LineIndex::new(&text),
            text,
        }
    }

    /// Line `number` (1-based), without its line ending.
    pub fn line(&self, number: usize) -> Option<&str> {
        self.lines.line(&self.text, number)
    }

    /// The location of `span`, in the file shown as `path`.
    pub fn location(&self, path: &str, span: std::ops::Range<usize>) -> Location {
        self.lines.location(&self.text, path, span)
    }
}

/// The texts of the files findings point at, each read once and shared by
/// suppressions and snippets. flags.toml comes from the registry already
/// read, never from the disk again.
#[derive(Debug)]
pub struct SourceCache {
    root: PathBuf,
    follow_links: bool,
    registry_path: String,
    registry: Rc<Text>,
    files: RefCell<HashMap<String, Option<Rc<Text>>>>,
}

impl SourceCache {
    /// Files shown relative to `root`; `registry_path` is how flags.toml is
    /// shown, with the text it was read as.
    pub fn new(
        root: &Path,
        follow_links: bool,
        registry_path: &str,
        registry_source: &str,
    ) -> SourceCache {
        SourceCache {
            root: root.to_path_buf(),
            follow_links,
            registry_path: registry_path.to_string(),
            registry: Rc::new(Text::new(registry_source.to_string())),
            files: RefCell::new(HashMap::new()),
        }
    }

    /// The text of the file shown as `path`, `None` if it cannot be read.
    pub fn get(&self, path: &str) -> Option<Rc<Text>> {
        if path == self.registry_path {
            return Some(self.registry.clone());
        }
        let mut files = self.files.borrow_mut();
        files
            .entry(path.to_string())
            .or_insert_with(|| {
                read_source(&self.root.join(path), self.follow_links)
                    .ok()
                    .map(|text| Rc::new(Text::new(text)))
            })
            .clone()
    }
}

/// Text after a UTF-16 byte-order mark, decoded; `None` inside if it is not
/// valid UTF-16. The mark itself is dropped.
fn utf16(bytes: &[u8]) -> Option<Option<String>> {
    let from: fn([u8; 2]) -> u16 = match bytes {
        [0xFF, 0xFE, ..] => u16::from_le_bytes,
        [0xFE, 0xFF, ..] => u16::from_be_bytes,
        _ => return None,
    };
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Some(None);
    }
    let units = body.chunks_exact(2).map(|pair| from([pair[0], pair[1]]));
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok(),
    )
}

#[cfg(test)]
mod tests {
    use super::utf16;

    #[test]
    fn utf16_by_byte_order_mark() {
        let text = "caf\u{e9} \u{1f600}";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(utf16(&le), Some(Some(text.to_string())));
        assert_eq!(utf16(&be), Some(Some(text.to_string())));
        // An odd length or a lone surrogate is not UTF-16.
        assert_eq!(utf16(&le[..le.len() - 1]), Some(None));
        assert_eq!(utf16(&[0xFF, 0xFE, 0x00, 0xD8]), Some(None));
        // Without a mark, not UTF-16 at all.
        assert_eq!(utf16(b"plain"), None);
    }
}

#[cfg(all(test, unix))]
mod reopen_tests {
    use super::*;

    /// A FIFO or a link put where the walk saw a file is refused at once:
    /// opening the FIFO once blocked the run forever.
    #[test]
    fn a_fifo_or_a_link_swapped_in_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.rs");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let Err(Unread::Io(err)) = read_source(&fifo, false) else {
            panic!("a FIFO was read");
        };
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let mut outside = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut outside, b"secret").unwrap();
        let link = dir.path().join("l.rs");
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        let Err(Unread::Io(err)) = read_source(&link, false) else {
            panic!("a link was followed");
        };
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(read_source(&link, true).ok().as_deref(), Some("secret"));
        let cache = SourceCache::new(dir.path(), false, "flags.toml", "");
        assert!(cache.get("f.rs").is_none() && cache.get("l.rs").is_none());
    }
}
