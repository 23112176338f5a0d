//! Extraction: one file in, the flag references in it out.
//!
//! A file a grammar covers is parsed with tree-sitter (`tree.rs`); any other
//! file that is not prose is searched as text (`text.rs`). Nothing here knows
//! about rules: extraction only reports what the code says.

pub mod calls;
pub mod language;
pub mod sdk;
mod source;
mod strings;
mod text;
mod tree;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use aho_corasick::AhoCorasick;
use serde::Serialize;

use crate::registry::Registry;
use calls::CallPattern;
use language::Language;
pub use source::{Unread, read_source};

/// How a reference was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RefKind {
    /// The key argument of a flag API call.
    Call,
    /// A string literal equal to a declared key or alias.
    Literal,
    /// A declared key or alias in a file no grammar covers.
    Text,
}

impl RefKind {
    pub fn name(self) -> &'static str {
        match self {
            RefKind::Call => "call",
            RefKind::Literal => "literal",
            RefKind::Text => "text",
        }
    }
}

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
/// without rescanning the text for each reference.
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|index| index + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// The location of `span` in the text, in the file shown as `path`.
    pub fn location(&self, path: &str, span: Range<usize>) -> Location {
        let line = self.starts.partition_point(|&start| start <= span.start);
        let mut line_start = self.starts[line - 1];
        if line_start == 0 && self.source.starts_with('\u{feff}') && span.start >= 3 {
            // A byte-order mark is not a column.
            line_start = 3;
        }
        Location {
            path: path.to_string(),
            line,
            column: self.source[line_start..span.start].chars().count() + 1,
            span,
        }
    }
}

/// One reference to a flag.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FlagRef {
    /// The declared key (an alias is resolved to its flag); for a call with
    /// an undeclared key, the key as written.
    pub flag: String,
    pub location: Location,
    pub kind: RefKind,
    /// The grammar's name, or `text`.
    pub language: &'static str,
}

/// A flag API call whose key is not known statically.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DynamicKey {
    pub location: Location,
    /// The pattern the call matched.
    pub callee: String,
}

/// What one file contributed.
#[derive(Debug, Default)]
pub struct FileRefs {
    pub refs: Vec<FlagRef>,
    pub dynamic: Vec<DynamicKey>,
    /// Calls whose key names a constant defined in another file.
    pub elsewhere: Vec<ConstantKey>,
    /// The string constants this file defines; `None` when one name has
    /// two values here.
    pub constants: Vec<(String, Option<String>)>,
    /// Whether the prefilter skipped parsing a file a grammar covers: its
    /// constants are read later only if another file's call needs them.
    pub unparsed: bool,
}

/// A call whose key is a constant's name, to look up across the repository.
#[derive(Debug)]
pub struct ConstantKey {
    pub name: String,
    pub call: DynamicKey,
    pub language: &'static str,
}

/// Why a file was not searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    Binary,
    NotUtf8,
    TooLarge,
    /// Markdown and other prose: mentions there are not references.
    Prose,
}

/// The outcome for one file.
#[derive(Debug)]
pub enum Extracted {
    Searched {
        language: &'static str,
        refs: FileRefs,
    },
    Skipped(Skip),
    Unreadable(std::io::Error),
    /// Extraction panicked: a bug in flaglint, reported with the file and
    /// the panic's message.
    Panicked(String),
}

/// Files larger than this are skipped and counted.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Everything extraction needs from the registry, built once per run.
pub struct Extractor {
    keys: HashMap<String, String>,
    /// Every key and alias, for text search.
    spellings: AhoCorasick,
    spelling_list: Vec<String>,
    /// Keys, aliases and call names: a file with none of them is not parsed.
    prefilter: AhoCorasick,
    calls: Vec<CallPattern>,
    /// `[[scan.queries]]`, compiled per grammar.
    queries: Vec<crate::registry::CustomQuery>,
    /// Search macro arguments for calls (the `macro-calls` preview).
    pub macro_calls: bool,
}

impl Extractor {
    pub fn new(registry: &Registry) -> Extractor {
        let mut keys = HashMap::new();
        for flag in &registry.flags {
            keys.insert(flag.key.clone(), flag.key.clone());
            for alias in &flag.aliases {
                keys.insert(alias.get_ref().clone(), flag.key.clone());
            }
        }
        let mut spelling_list: Vec<String> = keys.keys().cloned().collect();
        spelling_list.sort();
        let calls = registry.scan.calls.clone();
        let needles = spelling_list
            .iter()
            .map(String::as_str)
            .chain(calls.iter().map(CallPattern::name));
        Extractor {
            spellings: AhoCorasick::new(&spelling_list).expect("keys make a valid automaton"),
            prefilter: AhoCorasick::new(needles).expect("keys make a valid automaton"),
            keys,
            spelling_list,
            calls,
            queries: registry.scan.queries.clone(),
            macro_calls: crate::preview::is_enabled("macro-calls"),
        }
    }

    /// The `[[scan.queries]]` compiled for this grammar.
    fn queries_for(
        &self,
        language: &'static Language,
    ) -> impl Iterator<Item = &crate::registry::CustomQuery> {
        self.queries
            .iter()
            .filter(move |query| std::ptr::eq(query.language, language))
    }

    /// The declared key that `spelling` (a key or an alias) stands for.
    pub fn declared(&self, spelling: &str) -> Option<&str> {
        self.keys.get(spelling).map(String::as_str)
    }

    /// Reads `path` (shown as `display`) and extracts its references.
    pub fn extract_file(&self, path: &Path, display: &str) -> Extracted {
        if is_prose(path) {
            return Extracted::Skipped(Skip::Prose);
        }
        // Debug builds only: lets the end-to-end tests prove that a crash in
        // one file fails the run and names the file.
        #[cfg(debug_assertions)]
        if std::env::var_os("FLAGLINT_TEST_PANIC_IN").is_some_and(|name| display == name) {
            panic!("injected by FLAGLINT_TEST_PANIC_IN");
        }
        let source = match read_source(path) {
            Ok(source) => source,
            Err(Unread::Skip(skip)) => return Extracted::Skipped(skip),
            Err(Unread::Io(err)) => return Extracted::Unreadable(err),
        };
        let language = language::for_path(path);
        let refs = self.extract_source(&source, display, language);
        Extracted::Searched {
            language: language.map_or("text", |language| language.name),
            refs,
        }
    }

    /// Extracts from text already in memory: the grammar's way if there is
    /// one, else as text.
    pub fn extract_source(
        &self,
        source: &str,
        display: &str,
        language: Option<&'static Language>,
    ) -> FileRefs {
        // A custom query can match code that holds no key or call name.
        let queried = language.is_some_and(|language| self.queries_for(language).next().is_some());
        if !queried && !self.prefilter.is_match(source) {
            return FileRefs {
                unparsed: language.is_some(),
                ..FileRefs::default()
            };
        }
        match language {
            Some(language) => tree::extract(self, language, source, display),
            None => text::extract(self, source, display),
        }
    }
}

/// Documentation and other prose: a flag only the docs mention is
/// unreferenced.
fn is_prose(path: &Path) -> bool {
    const PROSE_EXTENSIONS: [&str; 8] = [
        "md", "markdown", "mdx", "rst", "txt", "adoc", "asciidoc", "org",
    ];
    const PROSE_NAMES: [&str; 6] = [
        "readme",
        "license",
        "licence",
        "changelog",
        "authors",
        "notice",
    ];
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if extension.is_some_and(|e| PROSE_EXTENSIONS.contains(&e.as_str())) {
        return true;
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_ascii_lowercase);
    stem.is_some_and(|s| PROSE_NAMES.contains(&s.as_str())) && language::for_path(path).is_none()
}

/// What extraction over the whole walk produced.
#[derive(Debug, Default)]
pub struct Extraction {
    pub refs: Vec<FlagRef>,
    pub dynamic: Vec<DynamicKey>,
    /// Files searched, by language (`text` for files without a grammar).
    pub searched: std::collections::BTreeMap<&'static str, usize>,
    /// Files not searched, by reason.
    pub skipped: std::collections::BTreeMap<SkipReason, usize>,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<String>,
    /// Files whose extraction panicked: the run cannot vouch for its result.
    pub failed: Vec<String>,
}

/// String constants across the repository, by language and name: a Java
/// call never resolves to a Rust constant.
#[derive(Default)]
struct Constants {
    /// The value, or `None` once the name is defined more than once.
    by_name: HashMap<(&'static str, String), Option<String>>,
}

impl Constants {
    fn add(&mut self, language: &'static str, found: Vec<(String, Option<String>)>) {
        for (name, value) in found {
            self.by_name
                .entry((language, name))
                .and_modify(|known| *known = None)
                .or_insert(value);
        }
    }

    /// The value of the one constant named `name` in the repository.
    fn unique(&self, language: &'static str, name: &str) -> Option<&str> {
        self.by_name.get(&(language, name.to_string()))?.as_deref()
    }
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

impl Extractor {
    /// Extracts every file in parallel; results come back in walk order.
    pub fn extract_all(&self, files: &[crate::walk::WalkedFile]) -> Extraction {
        use rayon::prelude::*;
        let outcomes: Vec<Extracted> = files
            .par_iter()
            .map(|file| {
                let extract =
                    std::panic::AssertUnwindSafe(|| self.extract_file(&file.path, &file.display));
                std::panic::catch_unwind(extract).unwrap_or_else(|payload| {
                    let message = payload
                        .downcast_ref::<&str>()
                        .map(|m| m.to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "a panic".to_string());
                    Extracted::Panicked(message)
                })
            })
            .collect();
        let mut all = Extraction::default();
        let mut constants = Constants::default();
        let mut elsewhere = Vec::new();
        let mut unparsed = Vec::new();
        for (file, outcome) in files.iter().zip(outcomes) {
            match outcome {
                Extracted::Searched { language, refs } => {
                    *all.searched.entry(language).or_default() += 1;
                    all.refs.extend(refs.refs);
                    all.dynamic.extend(refs.dynamic);
                    elsewhere.extend(refs.elsewhere);
                    constants.add(language, refs.constants);
                    if refs.unparsed {
                        unparsed.push(file);
                    }
                }
                Extracted::Skipped(skip) => *all.skipped.entry(skip.reason()).or_default() += 1,
                Extracted::Unreadable(err) => {
                    all.unreadable.push(format!("{}: {err}", file.display))
                }
                Extracted::Panicked(message) => {
                    all.failed.push(format!("{} ({message})", file.display))
                }
            }
        }
        if !elsewhere.is_empty() {
            // A constant's uniqueness needs every definition, including
            // those in files the prefilter skipped: parse the ones that
            // mention a name some call is waiting for.
            let names = AhoCorasick::new(elsewhere.iter().map(|p| p.name.as_str()))
                .expect("names make a valid automaton");
            let found: Vec<_> = unparsed
                .par_iter()
                .filter_map(|file| {
                    let source = read_source(&file.path).ok()?;
                    let language = language::for_path(&file.path)?;
                    names
                        .is_match(&source)
                        .then(|| (language.name, tree::constants(language, &source)))
                })
                .collect();
            for (language, defined) in found {
                constants.add(language, defined);
            }
        }
        for pending in elsewhere {
            match constants.unique(pending.language, &pending.name) {
                Some(key) => all.refs.push(FlagRef {
                    flag: self.declared(key).unwrap_or(key).to_string(),
                    location: pending.call.location,
                    kind: RefKind::Call,
                    language: pending.language,
                }),
                None => all.dynamic.push(pending.call),
            }
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn lines_and_character_columns() {
        let source = "a\nüñí \"key\"\r\n\nlast";
        let lines = LineIndex::new(source);
        let key = source.find("\"key\"").unwrap();
        let found = lines.location("f", key..key + 5);
        assert_eq!((found.line, found.column), (2, 5));
        let last = source.find("last").unwrap();
        assert_eq!(lines.location("f", last..last + 4).line, 4);
        assert_eq!(lines.location("f", 0..1).column, 1);
        let bom = "\u{feff}key";
        assert_eq!(LineIndex::new(bom).location("f", 3..6).column, 1);
    }
}
