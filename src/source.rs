//! Reading a source file the way every stage does (extraction, snippets,
//! suppressions): size-limited, UTF-8 or UTF-16 with a byte-order mark,
//! binary files refused; and the cache of files' texts that the stages
//! after the rules (suppressions, snippets) share.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
pub fn read_source(path: &Path) -> Result<String, Unread> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(Unread::Io)?;
    let length = file.metadata().map_err(Unread::Io)?.len();
    if length > MAX_FILE_BYTES {
        return Err(Unread::Skip(Skip::TooLarge));
    }
    let mut bytes = Vec::with_capacity(length as usize + 1);
    // `take`: a file that grows while being read stays within the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Unread::Skip(Skip::TooLarge));
    }
    if let Some(decoded) = utf16(&bytes) {
        return decoded.ok_or(Unread::Skip(Skip::NotUtf8));
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(Unread::Skip(Skip::Binary));
    }
    String::from_utf8(bytes).map_err(|_| Unread::Skip(Skip::NotUtf8))
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
    registry_path: String,
    registry: Arc<Text>,
    files: Mutex<HashMap<String, Option<Arc<Text>>>>,
}

impl SourceCache {
    /// Files shown relative to `root`; `registry_path` is how flags.toml is
    /// shown, with the text it was read as.
    pub fn new(root: &Path, registry_path: &str, registry_source: &str) -> SourceCache {
        SourceCache {
            root: root.to_path_buf(),
            registry_path: registry_path.to_string(),
            registry: Arc::new(Text::new(registry_source.to_string())),
            files: Mutex::new(HashMap::new()),
        }
    }

    /// The text of the file shown as `path`, `None` if it cannot be read.
    pub fn get(&self, path: &str) -> Option<Arc<Text>> {
        if path == self.registry_path {
            return Some(self.registry.clone());
        }
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        files
            .entry(path.to_string())
            .or_insert_with(|| {
                read_source(&self.root.join(path))
                    .ok()
                    .map(|text| Arc::new(Text::new(text)))
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
