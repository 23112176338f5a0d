//! Places in files: a [`Location`] for output, the [`LineIndex`] that turns
//! byte offsets into lines and columns, and how paths are shown.

use std::ops::Range;
use std::path::Path;

/// A place in a file: 1-based line and column (in characters), and the
/// byte range for snippets.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub span: Range<usize>,
}

impl Ord for Location {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (
            &self.path,
            self.line,
            self.column,
            self.span.start,
            self.span.end,
        )
            .cmp(&(
                &other.path,
                other.line,
                other.column,
                other.span.start,
                other.span.end,
            ))
    }
}

impl PartialOrd for Location {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The line starts of a text, to turn byte offsets into lines and columns
/// (and line numbers into lines) without rescanning the text each time.
/// It holds offsets only: every method takes the text it was built from.
///
/// A column is counted in characters from the last position asked on the
/// same line when that is before it, so the positions of many references
/// along one long line (a minified bundle) cost the line's length once, not
/// once per reference.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last offset a column was counted for, and that column (0-based).
    last: std::cell::Cell<(usize, usize)>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|index| index + 1))
            .collect();
        LineIndex {
            starts,
            last: Default::default(),
        }
    }

    /// The 1-based line holding the byte at `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The byte offset where line `number` (1-based) starts.
    pub fn line_start(&self, number: usize) -> Option<usize> {
        self.starts.get(number.checked_sub(1)?).copied()
    }

    /// The location of `span` in `source`, in the file shown as `path`.
    pub fn location(&self, source: &str, path: &str, span: Range<usize>) -> Location {
        let line = self.line_of(span.start);
        let mut line_start = self.starts[line - 1];
        if line_start == 0 && source.starts_with('\u{feff}') && span.start >= 3 {
            // A byte-order mark is not a column.
            line_start = 3;
        }
        let (last, last_column) = self.last.get();
        let (from, column) = if (line_start..=span.start).contains(&last) {
            (last, last_column)
        } else {
            (line_start, 0)
        };
        let column = column + source[from..span.start].chars().count();
        self.last.set((span.start, column));
        Location {
            path: path.to_string(),
            line,
            column: column + 1,
            span,
        }
    }

    /// Line `number` (1-based) of `source`, without its line ending.
    pub fn line<'s>(&self, source: &'s str, number: usize) -> Option<&'s str> {
        let start = self.line_start(number)?;
        let end = self
            .starts
            .get(number)
            .map_or(source.len(), |next| next - 1);
        let line = source.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// A value in an input file that is wrong: where it is, what is wrong, and
/// how to fix it. The stage that owns the file turns it into an error that
/// shows the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Invalid {
    pub fn new(span: Range<usize>, message: impl Into<String>, help: Option<String>) -> Self {
        Invalid {
            span,
            message: message.into(),
            help,
        }
    }
}

/// `path` as seen from `base`, with `/` separators on every platform:
/// `src/lib.rs`, or `../flags.toml` outside it; the absolute path when the
/// two share nothing but the file system's root.
pub fn display_path(base: &Path, path: &Path) -> String {
    // Every file of a walk: `base/` and a clean relative path, as the walk
    // joined them.
    if std::path::MAIN_SEPARATOR == '/'
        && let Some(rest) = path
            .as_os_str()
            .as_encoded_bytes()
            .strip_prefix(base.as_os_str().as_encoded_bytes())
        && let Some(rest) = rest.strip_prefix(b"/").or(base
            .as_os_str()
            .as_encoded_bytes()
            .ends_with(b"/")
            .then_some(rest))
        && rest
            .split(|&byte| byte == b'/')
            .all(|part| !matches!(part, b"" | b"." | b".."))
        && let Ok(rest) = std::str::from_utf8(rest)
    {
        return rest.to_string();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_character_columns() {
        let source = "a\nüñí \"key\"\r\n\nlast";
        let lines = LineIndex::new(source);
        let key = source.find("\"key\"").unwrap();
        let found = lines.location(source, "f", key..key + 5);
        assert_eq!((found.line, found.column), (2, 5));
        let last = source.find("last").unwrap();
        assert_eq!(lines.location(source, "f", last..last + 4).line, 4);
        assert_eq!(lines.location(source, "f", 0..1).column, 1);
        // Asked out of order along one line, columns stay right.
        let wide = "ab \"x\" é \"x\" \"x\"";
        let index = LineIndex::new(wide);
        let starts: Vec<usize> = wide.match_indices('"').map(|(i, _)| i).step_by(2).collect();
        let columns: Vec<usize> = [2, 0, 1, 2]
            .map(|n| index.location(wide, "f", starts[n]..starts[n] + 3).column)
            .to_vec();
        assert_eq!(columns, [14, 4, 10, 14]);
        assert_eq!(lines.line(source, 2), Some("üñí \"key\""));
        assert_eq!(lines.line(source, 4), Some("last"));
        assert_eq!(lines.line(source, 5), None);
        let bom = "\u{feff}key";
        assert_eq!(LineIndex::new(bom).location(bom, "f", 3..6).column, 1);
    }

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
        // As the walk joins them, and as a user may spell them.
        let shown = |base: &str, path: &str| display_path(Path::new(base), Path::new(path));
        assert_eq!(shown(".", "./src/a.rs"), "src/a.rs");
        assert_eq!(shown("/", "/src/a.rs"), "src/a.rs");
        assert_eq!(shown("/repo/", "/repo/src/a.rs"), "src/a.rs");
        assert_eq!(shown("/repo", "/repo//src/./a.rs"), "src/a.rs");
        assert_eq!(shown("/repo", "/repository/a.rs"), "/repository/a.rs");
        assert_eq!(shown("/repo/a", "/repo/a/../b.rs"), "../b.rs");
    }
}
