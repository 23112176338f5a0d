//! A unified diff (`git diff origin/main...HEAD`) read as the lines it
//! changes: for each file of the new side, the lines it adds (a changed
//! line is a removed one plus an added one) and the places it removes
//! lines. `check --diff` keeps only the findings on those lines, so a pull
//! request answers for the debt it adds, not for what was there before.
//!
//! The diff is an input, like any file: flaglint runs no program to make it.
//! Paths are read as git writes them: the `a/` and `b/` prefixes are
//! removed (unless `--no-prefix` left none), a C-quoted path (`"a/tab\there"`)
//! is unquoted, a timestamp after a tab (`diff -u`) is dropped, and a file
//! the new side deletes (`+++ /dev/null`) changes nothing. A rename without
//! edits has no hunk, so it changes no line.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// The lines a diff changes, by new-side path (relative to the directory the
/// diff was made in, with `/` separators).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub files: BTreeMap<String, FileChanges>,
}

/// What a diff changes in one file of the new side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileChanges {
    /// Lines added or changed (1-based, on the new side), in runs.
    pub added: Vec<RangeInclusive<usize>>,
    /// Where lines were removed: the new-side line they followed (0 when
    /// they were the first lines of the file).
    pub removed_after: Vec<usize>,
}

impl FileChanges {
    /// Whether line `line` of the new file is added or changed.
    pub fn adds(&self, line: usize) -> bool {
        self.added.iter().any(|run| run.contains(&line))
    }

    /// Whether the diff adds a line in `lines`, or removes lines right after
    /// one of them (deleting `owner = ...` from a flag's entry touches it).
    pub fn touches(&self, lines: &RangeInclusive<usize>) -> bool {
        self.added
            .iter()
            .any(|run| run.start() <= lines.end() && lines.start() <= run.end())
            || self.removed_after.iter().any(|at| lines.contains(at))
    }

    fn add(&mut self, line: usize) {
        match self.added.last_mut() {
            Some(run) if *run.end() + 1 == line => *run = *run.start()..=line,
            _ => self.added.push(line..=line),
        }
    }

    fn remove_after(&mut self, line: usize) {
        if self.removed_after.last() != Some(&line) {
            self.removed_after.push(line);
        }
    }
}

/// Why a text is not a diff flaglint can read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct DiffError {
    pub line: usize,
    pub message: String,
}

impl Changes {
    /// Reads a unified diff. An empty text is an empty diff; text with no
    /// file header (`--- `/`+++ `) at all is refused, so a wrong file is not
    /// silently read as "nothing changed".
    pub fn parse(text: &str) -> Result<Changes, DiffError> {
        let mut changes = Changes::default();
        let mut git_prefixes = true;
        let mut saw_header = false;
        let mut old_path: Option<String> = None;
        let mut current: Option<String> = None;
        let lines: Vec<&str> = text.lines().collect();
        let mut index = 0;
        while index < lines.len() {
            let line = lines[index];
            let number = index + 1;
            index += 1;
            if line.starts_with('\x1b') {
                return Err(DiffError {
                    line: number,
                    message: "the diff is coloured: make it with `git diff --no-color`".into(),
                });
            }
            if let Some(rest) = line.strip_prefix("diff --git ") {
                // `--no-prefix` writes `diff --git x x`.
                git_prefixes = rest.starts_with("a/") || rest.starts_with("\"a/");
                saw_header = true;
                old_path = None;
                current = None;
            } else if let Some(rest) = line.strip_prefix("--- ") {
                old_path = Some(header_path(rest, git_prefixes.then_some("a/")));
            } else if let Some(rest) = line.strip_prefix("+++ ") {
                if old_path.is_none() {
                    return Err(DiffError {
                        line: number,
                        message: "`+++ ` file header without the `--- ` line before it".into(),
                    });
                }
                saw_header = true;
                let path = header_path(rest, git_prefixes.then_some("b/"));
                current = (path != "/dev/null").then_some(path);
            } else if line.starts_with("@@") {
                let hunk = Hunk::parse(line).ok_or_else(|| DiffError {
                    line: number,
                    message: format!(
                        "`{}` is not a hunk header (`@@ -1,2 +1,3 @@`); make the diff with --no-color",
                        shorten(line)
                    ),
                })?;
                index = read_hunk(&lines, index, hunk, |event| {
                    let Some(path) = &current else { return };
                    let entry = changes.files.entry(path.clone()).or_default();
                    match event {
                        Event::Added(line) => entry.add(line),
                        Event::RemovedAfter(line) => entry.remove_after(line),
                    }
                })
                .map_err(|(line, message)| DiffError { line, message })?;
            }
        }
        if !saw_header && !text.trim().is_empty() {
            return Err(DiffError {
                line: 1,
                message:
                    "no file header (`--- a/...` then `+++ b/...`): this is not a unified diff"
                        .into(),
            });
        }
        Ok(changes)
    }
}

/// A hunk's header: where its new side starts, and both sides' lengths.
#[derive(Clone, Copy)]
struct Hunk {
    old_len: usize,
    new_start: usize,
    new_len: usize,
}

impl Hunk {
    /// `@@ -12,3 +12,4 @@ fn context`; a missing length is 1.
    fn parse(line: &str) -> Option<Hunk> {
        let rest = line.strip_prefix("@@ -")?;
        let (ranges, _) = rest.split_once(" @@")?;
        let (old, new) = ranges.split_once(" +")?;
        let range = |text: &str| -> Option<(usize, usize)> {
            match text.split_once(',') {
                Some((start, len)) => Some((start.parse().ok()?, len.parse().ok()?)),
                None => Some((text.parse().ok()?, 1)),
            }
        };
        let (_, old_len) = range(old)?;
        let (new_start, new_len) = range(new)?;
        Some(Hunk {
            old_len,
            new_start,
            new_len,
        })
    }
}

enum Event {
    Added(usize),
    RemovedAfter(usize),
}

/// Reads the body of `hunk` from `lines[start..]`, counting both sides so a
/// removed line that reads `--- x` is not taken for a header. Returns the
/// index of the first line after the hunk.
fn read_hunk(
    lines: &[&str],
    start: usize,
    hunk: Hunk,
    mut on: impl FnMut(Event),
) -> Result<usize, (usize, String)> {
    let (mut old_left, mut new_left) = (hunk.old_len, hunk.new_len);
    // The new-side line the next context or added line will be.
    let mut next_new = hunk.new_start.max(1);
    if hunk.new_len == 0 {
        // `+5,0`: the lines were removed after new line 5.
        next_new = hunk.new_start + 1;
    }
    let mut index = start;
    while old_left > 0 || new_left > 0 {
        let Some(line) = lines.get(index) else {
            return Err((
                index,
                "the diff ends inside a hunk (it was cut short)".to_string(),
            ));
        };
        index += 1;
        match line.as_bytes().first() {
            Some(b'+') if new_left > 0 => {
                on(Event::Added(next_new));
                next_new += 1;
                new_left -= 1;
            }
            Some(b'-') if old_left > 0 => {
                on(Event::RemovedAfter(next_new - 1));
                old_left -= 1;
            }
            // An empty line is a context line whose leading space an editor
            // or a mail client trimmed.
            Some(b' ') | None if old_left > 0 && new_left > 0 => {
                next_new += 1;
                old_left -= 1;
                new_left -= 1;
            }
            Some(b'\\') => {} // "\ No newline at end of file"
            _ => {
                return Err((
                    index,
                    format!(
                        "`{}` does not fit the hunk above it ({old_left} old and {new_left} new lines still to come)",
                        shorten(line)
                    ),
                ));
            }
        }
    }
    // A "\ No newline" marker may follow the last line.
    while lines.get(index).is_some_and(|l| l.starts_with('\\')) {
        index += 1;
    }
    Ok(index)
}

/// The path of a `--- `/`+++ ` header: unquoted, without a timestamp, and
/// without git's prefix.
fn header_path(rest: &str, prefix: Option<&str>) -> String {
    let path = if rest.starts_with('"') {
        unquote(rest)
    } else {
        // `diff -u` writes `name<TAB>timestamp`.
        rest.split('\t').next().unwrap_or(rest).to_string()
    };
    if path == "/dev/null" {
        return path;
    }
    match prefix.and_then(|prefix| path.strip_prefix(prefix)) {
        Some(stripped) => stripped.to_string(),
        None => path,
    }
}

/// A C-quoted path as git writes one with unusual characters:
/// `"a/caf\303\251 \"x\".rs"`.
fn unquote(quoted: &str) -> String {
    let mut bytes = Vec::new();
    let mut chars = quoted[1..].bytes().peekable();
    while let Some(byte) = chars.next() {
        match byte {
            b'"' => break,
            b'\\' => match chars.next() {
                Some(b'n') => bytes.push(b'\n'),
                Some(b't') => bytes.push(b'\t'),
                Some(b'r') => bytes.push(b'\r'),
                Some(b'a') => bytes.push(7),
                Some(b'b') => bytes.push(8),
                Some(b'f') => bytes.push(12),
                Some(b'v') => bytes.push(11),
                Some(digit @ b'0'..=b'7') => {
                    let mut value = u32::from(digit - b'0');
                    for _ in 0..2 {
                        match chars.peek() {
                            Some(&next @ b'0'..=b'7') => {
                                value = value * 8 + u32::from(next - b'0');
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    bytes.push(value as u8);
                }
                Some(other) => bytes.push(other),
                None => break,
            },
            other => bytes.push(other),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A line of the input, cut for an error message.
fn shorten(line: &str) -> String {
    let cut: String = line.chars().take(60).collect();
    let cut = cut.escape_debug().to_string();
    if line.chars().count() > 60 {
        format!("{cut}...")
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(changes: &Changes, path: &str) -> Vec<RangeInclusive<usize>> {
        changes.files[path].added.clone()
    }

    #[test]
    fn added_and_changed_lines_of_a_git_diff() {
        let diff = "\
diff --git a/src/a.rs b/src/a.rs
index 1111111..2222222 100644
--- a/src/a.rs
+++ b/src/a.rs
@@ -1,4 +1,5 @@
 fn a() {
-    old();
+    new();
+    newer();
 }
 
@@ -10,2 +11,2 @@ fn b() {
--- a removed line that looks like a header
+++ an added line that looks like a header
 }
";
        let changes = Changes::parse(diff).unwrap();
        assert_eq!(added(&changes, "src/a.rs"), [2..=3, 11..=11]);
        assert_eq!(changes.files["src/a.rs"].removed_after, [1, 10]);
        assert!(changes.files["src/a.rs"].adds(3));
        assert!(!changes.files["src/a.rs"].adds(4));
    }

    #[test]
    fn new_deleted_and_renamed_files() {
        let diff = "\
diff --git a/new.py b/new.py
new file mode 100644
--- /dev/null
+++ b/new.py
@@ -0,0 +1,2 @@
+a = 1
+b = 2
diff --git a/gone.py b/gone.py
deleted file mode 100644
--- a/gone.py
+++ /dev/null
@@ -1 +0,0 @@
-x = 1
diff --git a/old.go b/moved.go
similarity index 100%
rename from old.go
rename to moved.go
diff --git a/img.png b/img.png
Binary files a/img.png and b/img.png differ
";
        let changes = Changes::parse(diff).unwrap();
        assert_eq!(changes.files.keys().collect::<Vec<_>>(), ["new.py"]);
        assert_eq!(added(&changes, "new.py"), [1..=2]);
    }

    #[test]
    fn removals_only_touch_the_line_before() {
        let diff = "--- a/flags.toml\n+++ b/flags.toml\n@@ -3,3 +3,2 @@\n a\n-owner = \"x\"\n b\n";
        let changes = Changes::parse(diff).unwrap();
        let file = &changes.files["flags.toml"];
        assert!(file.added.is_empty());
        assert_eq!(file.removed_after, [3]);
        assert!(file.touches(&(1..=3)));
        assert!(!file.touches(&(4..=9)));
        // A hunk that only removes: `+7,0` means after new line 7.
        let diff = "--- a/x\n+++ b/x\n@@ -8,2 +7,0 @@\n-a\n-b\n";
        assert_eq!(Changes::parse(diff).unwrap().files["x"].removed_after, [7]);
    }

    #[test]
    fn prefixes_quotes_and_timestamps() {
        let no_prefix =
            "diff --git src/a.rs src/a.rs\n--- src/a.rs\n+++ src/a.rs\n@@ -1 +1 @@\n-a\n+b\n";
        assert!(
            Changes::parse(no_prefix)
                .unwrap()
                .files
                .contains_key("src/a.rs")
        );
        let quoted = "diff --git \"a/caf\\303\\251 x.rs\" \"b/caf\\303\\251 x.rs\"\n--- \"a/caf\\303\\251 x.rs\"\n+++ \"b/caf\\303\\251 x.rs\"\n@@ -1 +1 @@\n-a\n+b\n";
        assert!(
            Changes::parse(quoted)
                .unwrap()
                .files
                .contains_key("café x.rs")
        );
        let plain = "--- a/x.txt\t2026-11-01 10:00:00\n+++ b/x.txt\t2026-11-02 10:00:00\n@@ -1 +1,2 @@\n a\n+b\n";
        assert_eq!(added(&Changes::parse(plain).unwrap(), "x.txt"), [2..=2]);
    }

    #[test]
    fn what_is_not_a_diff() {
        assert_eq!(Changes::parse("").unwrap(), Changes::default());
        let err = Changes::parse("{\"version\": 1}\n").unwrap_err();
        assert!(err.message.contains("not a unified diff"), "{err}");
        let err = Changes::parse("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n").unwrap_err();
        assert!(err.message.contains("cut short"), "{err}");
        let err = Changes::parse("--- a/x\n+++ b/x\n\x1b[36m@@ -1 +1 @@\x1b[m\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        let err = Changes::parse("--- a/x\n+++ b/x\n@@ -1 +1 @@ f\n-a\n").unwrap_err();
        assert!(err.message.contains("cut short"), "{err}");
        let err = Changes::parse("--- a/x\n+++ b/x\n@@ -a +1 @@\n").unwrap_err();
        assert!(err.message.contains("not a hunk header"), "{err}");
        let err = Changes::parse("--- a/x\n+++ b/x\n@@ -1 +1 @@\n*a\n").unwrap_err();
        assert!(err.message.contains("does not fit"), "{err}");
    }
}
