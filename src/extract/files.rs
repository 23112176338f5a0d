//! Extraction over every file of a walk, in parallel, in two passes.
//!
//! The first pass reads each file and does all it can without a tree: the
//! candidates, the lexer. A file that needs a tree keeps its text, and the
//! second pass builds those trees grouped by language. tree-sitter's parse
//! tables are large (megabytes for C# or Kotlin) and each parse of a small
//! piece touches much of them: interleaved with reading other files and
//! other grammars, a parse ran from cold caches. Grouped, the 960 files
//! that call the flag API in the generated benchmark tree take a fifth
//! less CPU.
//!
//! Only small files wait, for which the parse tables cost the most against
//! the text parsed: a large file's tree is built as soon as it is read,
//! where it runs beside the reading of other files instead of alone at the
//! end (on kueue, one 92 KB Go test parsed whole takes 50 ms). So are the
//! trees of files read once [`WAITING_BYTES`] wait.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::elsewhere::Constants;
use super::{Extracted, Extractor, Pending, Step};
use crate::source::SkipReason;
use crate::types::{DynamicKey, FlagRef};
use crate::walk::WalkedFile;

/// The largest file whose tree waits for the second pass.
const WAITING_FILE: usize = 16 << 10;

/// The most bytes of text kept for the second pass.
const WAITING_BYTES: usize = 32 << 20;

/// What extraction over the whole walk produced.
#[derive(Debug, Default)]
pub struct Extraction {
    pub refs: Vec<FlagRef>,
    pub dynamic: Vec<DynamicKey>,
    /// Files searched, by language (`text` for files without a grammar).
    pub searched: std::collections::BTreeMap<&'static str, usize>,
    /// Files not searched, by reason.
    pub skipped: std::collections::BTreeMap<SkipReason, usize>,
    /// Files that could not be read, or not wholly (a custom query stopped
    /// at its limit), with the reason.
    pub unreadable: Vec<String>,
    /// Files whose extraction panicked: the run cannot vouch for its result.
    pub failed: Vec<String>,
    /// Files findings may point into that spell an inline suppression's
    /// marker, as shown.
    pub marked: std::collections::BTreeSet<String>,
}

impl Extractor {
    /// Extracts every file in parallel; results come back in walk order.
    pub fn extract_all(&self, files: &[WalkedFile]) -> Extraction {
        let waiting = AtomicUsize::new(0);
        // A file left at `Step::Tree` waits for the second pass.
        let mut outcomes: Vec<Step> = files
            .par_iter()
            .map(|file| {
                guarded(|| match self.read_file(&file.path, &file.display) {
                    Step::Tree(pending) if !may_wait(&pending, &waiting) => {
                        Step::Finished(pending.build(self, &file.display))
                    }
                    step => step,
                })
                .unwrap_or_else(|message| Step::Finished(Extracted::Panicked(message)))
            })
            .collect();
        // The second pass, a language at a time: each thread takes a run
        // of the list.
        let mut trees: Vec<(usize, &Pending)> = outcomes
            .iter()
            .enumerate()
            .filter_map(|(index, outcome)| match outcome {
                Step::Tree(pending) => Some((index, pending)),
                Step::Finished(_) => None,
            })
            .collect();
        trees.sort_by_key(|&(index, pending)| (pending.language.name, index));
        let built: Vec<(usize, Extracted)> = trees
            .par_iter()
            .map(|&(index, pending)| {
                let display = &files[index].display;
                let extracted =
                    guarded(|| pending.build(self, display)).unwrap_or_else(Extracted::Panicked);
                (index, extracted)
            })
            .collect();
        for (index, extracted) in built {
            outcomes[index] = Step::Finished(extracted);
        }

        let mut all = Extraction::default();
        let mut constants = Constants::default();
        let mut elsewhere = Vec::new();
        let mut unparsed = Vec::new();
        // Counted in a list of a dozen names, each `'static`: a map's
        // string compares, per file, were a third of this loop's time.
        let mut searched: Vec<(&'static str, usize)> = Vec::new();
        for (file, outcome) in files.iter().zip(outcomes) {
            let Step::Finished(outcome) = outcome else {
                unreachable!("every waiting file was built")
            };
            match outcome {
                Extracted::Searched {
                    language,
                    refs,
                    marked,
                } => {
                    match searched
                        .iter_mut()
                        .find(|(name, _)| std::ptr::eq(*name, language) || *name == language)
                    {
                        Some((_, count)) => *count += 1,
                        None => searched.push((language, 1)),
                    }
                    if marked {
                        all.marked.insert(file.display.clone());
                    }
                    all.refs.extend(refs.refs);
                    all.dynamic.extend(refs.dynamic);
                    all.unreadable.extend(refs.warnings);
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
        all.searched.extend(searched);
        self.resolve_elsewhere(elsewhere, &unparsed, constants, &mut all);
        all
    }
}

/// Whether `pending` may wait for the second pass: a small file, while the
/// texts waiting (counted in `waiting`) stay within their bound.
fn may_wait(pending: &Pending, waiting: &AtomicUsize) -> bool {
    let bytes = pending.source.len();
    bytes <= WAITING_FILE && waiting.fetch_add(bytes, Ordering::Relaxed) + bytes <= WAITING_BYTES
}

/// `work`'s result, or the message of its panic: a bug in flaglint, which
/// fails the run naming the file rather than aborting it.
fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|m| m.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string())
    })
}
