//! Extraction: one file in, the flag references in it out.
//!
//! Most files cost no more than reading them. One pass finds the
//! candidates (`candidates.rs`): keys between string delimiters, call names
//! called with their path, flag objects' sources. A file with none holds
//! nothing; one whose candidates are only keys is read by a lexer
//! (`lex/`) that finds its string literals without a tree; a file where a
//! call or a flag object may match is parsed with tree-sitter (`tree/`),
//! the authority, but only in the items around its candidates and those
//! their keys' resolution needs (`items.rs`); a custom query parses the
//! whole file. `--exhaustive` parses every file a grammar covers, whole,
//! and `tests/differential.rs` holds the two equal. Any
//! other file that is not prose is searched as text (`text.rs`). Extraction takes
//! its own [`Settings`] (the spellings to look for, the call patterns and
//! queries, built from the registry by the pipeline) and knows nothing of
//! the registry or the rules: it only reports what the code says, with keys
//! as the code spells them.
//!
//! # Layout
//!
//! A language or a reference shape is a local change:
//!
//! - [`lang`]: one file per language (`lang/rust.rs`, ...), each with its
//!   grammar row, its visitor (what its nodes mean), its string unquoting
//!   and its tests; `lang/mod.rs` has the table, the shared helpers and
//!   **how to add a language**.
//! - `tree/`: the walk that runs the visitor, then one module per shape:
//!   calls and JSX attributes (`call.rs`), flag objects (`object.rs`),
//!   calls in macro arguments (`macro_tokens.rs`) and `[[scan.queries]]`
//!   (`query/`); `tree/mod.rs` resolves keys for all of them, counts the
//!   literals, and says **how to add a shape**.
//! - `candidates.rs`, `lex/` and `items.rs`: the fast path, above; the
//!   lexer's comment and string syntax is data in each language's row;
//!   `needles.rs` finds every needle; `named.rs` reads a callee's path
//!   for a callee regex; `names.rs` says where a name may be defined or
//!   bound.
//! - `files.rs`: every file of the walk, in two parallel passes: one
//!   reads each file and does all it can without a tree, the other builds
//!   the trees left, a language at a time.
//! - `elsewhere.rs`: keys named by a constant another file defines,
//!   resolved once every file is read.
//! - `text.rs`: files no grammar covers.
//! - `testing.rs`: helpers for the unit tests of languages and shapes.

mod candidates;
mod elsewhere;
mod files;
mod items;
pub mod lang;
mod lex;
mod named;
mod names;
mod needles;
#[cfg(test)]
mod testing;
mod text;
mod tree;

use std::collections::HashSet;
use std::path::Path;

use candidates::Candidates;
use needles::Needles;

pub use files::Extraction;

use crate::source::{Skip, Unread, read_source_into};
use crate::types::{
    CallPattern, DynamicKey, FlagRef, Invalid, ObjectSource, QuerySpec, RefKind, SUPPRESSION_MARKER,
};
use lang::Language;
pub use tree::query::CustomQuery;

/// What extraction looks for.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Every declared key and alias: a string literal or a word in text
    /// equal to one of them is a reference.
    pub spellings: Vec<String>,
    /// Flag API calls.
    pub calls: Vec<CallPattern>,
    /// Expressions that yield an object keyed by flags.
    pub objects: Vec<ObjectSource>,
    /// `[[scan.queries]]`, compiled by [`Extractor::new`].
    pub queries: Vec<QuerySpec>,
    /// Read files through symbolic links (`--follow`); otherwise a link
    /// found where the walk saw a file is refused.
    pub follow_links: bool,
    /// Files this run reads or writes as its own output (`--baseline`,
    /// `--write-baseline`, `report --output`), absolute: never references.
    pub outputs: Vec<std::path::PathBuf>,
    /// `.gitattributes` globs marked `linguist-generated`, relative to the
    /// root.
    pub generated: Option<ignore::gitignore::Gitignore>,
    /// Parse every file a grammar covers, skipping none: the reference the
    /// fast path (candidates, then the lexer) is tested against.
    pub exhaustive: bool,
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
    /// What the run should warn about this file: a `[[scan.queries]]`
    /// entry stopped at its limit.
    pub warnings: Vec<String>,
}

/// A key given by a constant's name, to look up across the repository.
#[derive(Debug)]
pub struct ConstantKey {
    pub name: String,
    /// `Owner.name`, when the code qualified it (`Flags.A`, `features.A`):
    /// looked up first.
    pub qualified: Option<String>,
    pub call: DynamicKey,
    pub language: &'static str,
    /// A call's key (unresolved: `dynamic-flag-key`), or a flag object's
    /// (unresolved or undeclared: nothing).
    pub kind: RefKind,
}

/// The outcome for one file.
#[derive(Debug)]
pub enum Extracted {
    Searched {
        language: &'static str,
        refs: FileRefs,
        /// Whether findings may point into the file and it spells an inline
        /// suppression's marker: only such files are read again to look
        /// for one.
        marked: bool,
    },
    Skipped(Skip),
    Unreadable(std::io::Error),
    /// Extraction panicked: a bug in flaglint, reported with the file and
    /// the panic's message.
    Panicked(String),
}

/// [`Settings`] made ready for every file of a run.
pub struct Extractor {
    /// Every key and alias.
    spellings: HashSet<String>,
    /// The same, for text search.
    spelling_matcher: Needles,
    spelling_list: Vec<String>,
    /// Where a key, a call or a flag object may be (`candidates.rs`): a
    /// file with none is not parsed, one with only keys is lexed.
    candidates: Candidates,
    exhaustive: bool,
    calls: Vec<CallPattern>,
    objects: Vec<ObjectSource>,
    /// `[[scan.queries]]`, compiled per grammar.
    queries: Vec<CustomQuery>,
    /// Read files through symbolic links (`--follow`); otherwise a link
    /// found where the walk saw a file is refused.
    follow_links: bool,
    outputs: Vec<std::path::PathBuf>,
    generated: Option<ignore::gitignore::Gitignore>,
}

impl Extractor {
    /// Compiles the settings; a custom query that does not compile is
    /// `Invalid` at its place in flags.toml.
    pub fn new(settings: Settings) -> Result<Extractor, Invalid> {
        let mut queries = Vec::new();
        for (index, spec) in settings.queries.iter().enumerate() {
            queries.extend(tree::query::compile(index + 1, spec)?);
        }
        let mut spelling_list = settings.spellings;
        spelling_list.sort();
        spelling_list.dedup();
        Ok(Extractor {
            spelling_matcher: Needles::new(&spelling_list),
            candidates: Candidates::new(&spelling_list, &settings.calls, &settings.objects),
            exhaustive: settings.exhaustive,
            spellings: spelling_list.iter().cloned().collect(),
            spelling_list,
            calls: settings.calls,
            objects: settings.objects,
            queries,
            follow_links: settings.follow_links,
            outputs: settings.outputs,
            generated: settings.generated,
        })
    }

    /// The `[[scan.queries]]` compiled for this grammar.
    fn queries_for(&self, language: &'static Language) -> impl Iterator<Item = &CustomQuery> {
        self.queries
            .iter()
            .filter(move |query| std::ptr::eq(query.language, language))
    }

    /// Whether `text` spells a declared key or alias.
    pub fn is_spelling(&self, text: &str) -> bool {
        self.spellings.contains(text)
    }

    /// Reads `path` (shown as `display`) and extracts its references, up
    /// to the tree it may need (`files.rs` builds it).
    fn read_file(&self, path: &Path, display: &str) -> Step {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let (stem, extension) = split_name(name);
        let language = extension.and_then(lang::for_extension);
        if is_prose(stem, extension, language) {
            return Step::Finished(Extracted::Skipped(Skip::Prose));
        }
        if self.outputs.iter().any(|output| output == path) {
            return Step::Finished(Extracted::Skipped(Skip::Output));
        }
        let marked = self.generated.as_ref().is_some_and(|globs| {
            globs
                .matched_path_or_any_parents(Path::new(display), false)
                .is_ignore()
        });
        if marked || is_generated(name) {
            return Step::Finished(Extracted::Skipped(Skip::Generated));
        }
        // Debug builds only: lets the end-to-end tests prove that a crash in
        // one file fails the run and names the file.
        #[cfg(debug_assertions)]
        if std::env::var_os("FLAGLINT_TEST_PANIC_IN").is_some_and(|name| display == name) {
            panic!("injected by FLAGLINT_TEST_PANIC_IN");
        }
        BUFFER.with_borrow_mut(|buffer| {
            let step = self.read_buffered(path, display, language, extension, buffer);
            // A rare large file does not keep its room for the run.
            if buffer.capacity() > BUFFER_KEPT {
                *buffer = Vec::new();
            }
            step
        })
    }

    /// The rest of [`Extractor::read_file`], reading into `buffer`.
    fn read_buffered(
        &self,
        path: &Path,
        display: &str,
        language: Option<&'static Language>,
        extension: Option<&str>,
        buffer: &mut Vec<u8>,
    ) -> Step {
        let source = match read_source_into(path, self.follow_links, buffer) {
            Ok(source) => source,
            Err(Unread::Skip(skip)) => return Step::Finished(Extracted::Skipped(skip)),
            Err(Unread::Io(err)) => return Step::Finished(Extracted::Unreadable(err)),
        };
        if extension == Some("json") && is_flaglint_output(source) {
            return Step::Finished(Extracted::Skipped(Skip::Output));
        }
        match self.plan(source, display, language) {
            Plan::Done(refs) => Step::Finished(Extracted::searched(
                language.map_or("text", |language| language.name),
                refs,
                source,
            )),
            Plan::Tree { language, calls } => Step::Tree(Pending {
                source: source.to_string(),
                language,
                calls,
            }),
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
        match self.plan(source, display, language) {
            Plan::Done(refs) => refs,
            Plan::Tree { language, calls } => {
                self.build(language, source, display, calls.as_deref())
            }
        }
    }

    /// What `source` holds, or the tree it needs: every file but those is
    /// done without one.
    fn plan(&self, source: &str, display: &str, language: Option<&'static Language>) -> Plan {
        let Some(language) = language else {
            return Plan::Done(match self.spelling_matcher.is_match(source) {
                true => text::extract(self, source, display),
                false => FileRefs::default(),
            });
        };
        let whole = Plan::Tree {
            language,
            calls: None,
        };
        // A custom query can match code that holds no key or call name.
        if self.exhaustive
            || self
                .queries_for(language)
                .any(|query| query.needs.may_match(source))
        {
            return whole;
        }
        let found = self.candidates.find(language, source);
        let lexed = match (found.call, found.key, language.syntax) {
            (true, _, Some(_)) => {
                return Plan::Tree {
                    language,
                    calls: Some(found.calls),
                };
            }
            (true, _, None) => None,
            (false, false, _) => Some(FileRefs::default()),
            (false, true, Some(syntax)) => lex::literals(self, language, syntax, source, display),
            (false, true, None) => None,
        };
        match lexed {
            // Its constants are read later, if another file's call needs one.
            Some(refs) => Plan::Done(FileRefs {
                unparsed: true,
                ..refs
            }),
            None => whole,
        }
    }

    /// The references in `source` from its tree: of the pieces around
    /// `calls` (`items.rs`) when the language's syntax allows, else of the
    /// whole file.
    fn build(
        &self,
        language: &'static Language,
        source: &str,
        display: &str,
        calls: Option<&[usize]>,
    ) -> FileRefs {
        if let (Some(calls), Some(syntax)) = (calls, language.syntax)
            && let Some(refs) = items::extract(self, language, syntax, source, display, calls)
        {
            return refs;
        }
        tree::extract(self, language, source, display)
    }
}

thread_local! {
    /// Each thread reads its files into one buffer, not one allocation
    /// per file.
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most room [`BUFFER`] keeps between files.
const BUFFER_KEPT: usize = 1 << 20;

/// What [`Extractor::plan`] decided.
enum Plan {
    Done(FileRefs),
    /// A tree must be built: of the pieces around `calls`, or of the whole
    /// file.
    Tree {
        language: &'static Language,
        calls: Option<Vec<usize>>,
    },
}

/// A file read, and what is left to do.
enum Step {
    Finished(Extracted),
    Tree(Pending),
}

/// A file read whose tree is still to be built.
struct Pending {
    source: String,
    language: &'static Language,
    calls: Option<Vec<usize>>,
}

impl Pending {
    fn build(&self, extractor: &Extractor, display: &str) -> Extracted {
        let refs = extractor.build(self.language, &self.source, display, self.calls.as_deref());
        Extracted::searched(self.language.name, refs, &self.source)
    }
}

impl Extracted {
    /// The result of a file searched, which holds `source`: its references
    /// sorted as output lists them, on the file's thread rather than in the
    /// index's sort of them all.
    fn searched(language: &'static str, mut refs: FileRefs, source: &str) -> Extracted {
        refs.refs.sort_by(FlagRef::by_place);
        Extracted::Searched {
            language,
            marked: marked(&refs, source),
            refs,
        }
    }
}

/// Whether a finding may point into `source`, which holds `refs`, and it
/// spells an inline suppression's marker.
fn marked(refs: &FileRefs, source: &str) -> bool {
    let pointed = !(refs.refs.is_empty() && refs.dynamic.is_empty() && refs.elsewhere.is_empty());
    pointed && memchr::memmem::find(source.as_bytes(), SUPPRESSION_MARKER.as_bytes()).is_some()
}

/// A file's name as its stem and its extension, split as
/// `Path::file_stem` and `Path::extension` split it: `.bashrc` has no
/// extension.
fn split_name(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() && name != ".." => (stem, Some(extension)),
        _ => (name, None),
    }
}

/// Documentation and other prose: a flag only the docs mention is
/// unreferenced.
fn is_prose(stem: &str, extension: Option<&str>, language: Option<&Language>) -> bool {
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
    let any_case = |known: &[&str], text: &str| known.iter().any(|k| k.eq_ignore_ascii_case(text));
    extension.is_some_and(|e| any_case(&PROSE_EXTENSIONS, e))
        || (any_case(&PROSE_NAMES, stem) && language.is_none())
}

/// Lock files and minified bundles, by name.
fn is_generated(name: &str) -> bool {
    const LOCK_FILES: [&str; 13] = [
        "cargo.lock",
        "package-lock.json",
        "npm-shrinkwrap.json",
        "pnpm-lock.yaml",
        "yarn.lock",
        "bun.lock",
        "poetry.lock",
        "pipfile.lock",
        "uv.lock",
        "go.sum",
        "gemfile.lock",
        "composer.lock",
        "packages.lock.json",
    ];
    let ends_with = |suffix: &str| {
        name.len() >= suffix.len()
            && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    LOCK_FILES
        .iter()
        .any(|lock| lock.eq_ignore_ascii_case(name))
        || [".min.js", ".min.mjs", ".min.cjs", ".min.css", ".bundle.js"]
            .iter()
            .any(|suffix| ends_with(suffix))
}

/// A JSON document flaglint wrote: a baseline, a report, refs or a check
/// (`{"version": 1, ...}` with one of their top-level fields first).
fn is_flaglint_output(source: &str) -> bool {
    let head = &source[..crate::types::floor_char_boundary(source, 200)];
    head.trim_start().starts_with('{')
        && head.contains("\"version\": 1")
        && ["\"findings\"", "\"teams\"", "\"references\"", "\"summary\""]
            .iter()
            .any(|field| head.contains(field))
}
