//! The pipeline, assembled: [`scan`] reads the repository (registry, walk,
//! extraction, index) and [`check`] asks the rules, applies suppressions and
//! the baseline. The CLI and the tests call these; nothing else runs the
//! stages in order.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use miette::Result;

use crate::baseline::{Baseline, Entry};
use crate::config::Config;
use crate::diff::FileChanges;
use crate::extract::{self, Extractor};
use crate::index::RefIndex;
use crate::registry::Registry;
use crate::rules::{self, Context, Levels};
use crate::source::{SkipReason, SourceCache};
use crate::types::{Diagnostic, Severity, Summary, display_path};
use crate::walk::{self, WalkSettings};

/// How a run reads the tree, beyond the registry: links, its own output
/// files, the files `.gitattributes` marks generated.
#[derive(Default)]
pub struct Reading {
    pub follow_links: bool,
    pub outputs: Vec<PathBuf>,
    pub generated: Option<ignore::gitignore::Gitignore>,
    /// Parse every file with a grammar (`--exhaustive`).
    pub exhaustive: bool,
}

/// The registry with what the stages derive from it once per run.
pub struct Prepared {
    pub registry: Registry,
    /// `[rules]`, checked.
    pub levels: Levels,
    pub extractor: Extractor,
}

/// Checks what the registry hands to the later stages (`[rules]`, custom
/// queries), pointing at the line in flags.toml when something is wrong.
pub fn prepare(registry: Registry, reading: Reading) -> Result<Prepared> {
    let levels = Levels::new(&registry).map_err(|problem| registry.error(problem))?;
    let settings = extract::Settings {
        spellings: registry.spellings(),
        calls: registry.scan.calls.clone(),
        objects: registry.scan.objects.clone(),
        queries: registry.scan.queries.clone(),
        follow_links: reading.follow_links,
        outputs: reading.outputs,
        generated: reading.generated,
        exhaustive: reading.exhaustive,
    };
    let extractor = Extractor::new(settings).map_err(|problem| registry.error(problem))?;
    Ok(Prepared {
        registry,
        levels,
        extractor,
    })
}

/// What reading the repository produced: the registry and every reference.
pub struct Scan {
    pub registry: Registry,
    /// `[rules]`, checked.
    pub levels: Levels,
    /// The scan root, absolute.
    pub root: PathBuf,
    pub index: RefIndex,
    /// Files searched, by language.
    pub searched: BTreeMap<&'static str, usize>,
    /// Files skipped, by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
    /// Problems the run went past: unreadable files and directories.
    pub warnings: Vec<String>,
    /// Whether the whole tree was walked, not only some paths.
    pub whole_tree: bool,
    /// The files that spell an inline suppression's marker, as shown:
    /// the only ones, with flags.toml, read again to look for one.
    pub marked: BTreeSet<String>,
}

impl Scan {
    pub fn files_scanned(&self) -> usize {
        self.searched.values().sum()
    }
}

/// Registry, walk, extraction, index.
pub fn scan(config: &Config) -> Result<Scan> {
    let registry = Registry::load(config.registry.clone(), &config.registry_display)?;
    scan_with(registry, config)
}

/// Walk, extraction and index with a registry already in hand (`flaglint
/// init` makes one up before any file exists).
pub fn scan_with(registry: Registry, config: &Config) -> Result<Scan> {
    let Prepared {
        mut registry,
        levels,
        extractor,
    } = prepare(
        registry,
        Reading {
            follow_links: config.follow_links,
            outputs: config
                .baseline
                .iter()
                .chain(&config.outputs)
                .cloned()
                .collect(),
            generated: walk::generated(&config.root),
            exhaustive: config.exhaustive,
        },
    )?;
    let walk = walk::walk(&WalkSettings {
        root: &config.root,
        paths: &config.paths,
        include: &registry.scan.include,
        exclude: &registry.scan.exclude,
        registry: &config.registry,
        follow_links: config.follow_links,
    });
    let extraction = extractor.extract_all(&walk.files);
    if !extraction.failed.is_empty() {
        return Err(miette::miette!(
            help = "this is a bug in flaglint: please report it with the file; the check cannot pass on partial results",
            "internal error while reading {}",
            extraction.failed.join(", ")
        ));
    }
    // Freeing the walk's paths one by one took 2% of a run on this thread:
    // the pool, idle now, frees them while the rules run.
    let files = walk.files;
    rayon::spawn(move || drop(files));
    let mut warnings: Vec<String> = walk.warnings.into_iter().map(|w| w.message).collect();
    warnings.extend(extraction.unreadable);
    warnings.sort();
    // Output names flags.toml relative to the scan root.
    registry.display = display_path(&config.root, &config.registry);
    Ok(Scan {
        index: RefIndex::new(extraction.refs, extraction.dynamic, &registry),
        registry,
        levels,
        root: config.root.clone(),
        searched: extraction.searched,
        skipped: extraction.skipped,
        warnings,
        whole_tree: config.paths.is_empty() || config.paths.contains(&config.root),
        marked: extraction.marked,
    })
}

/// What `check` found.
pub struct CheckOutcome {
    pub scan: Scan,
    /// The findings to report: suppressions applied, and those the
    /// baseline records left out. Sorted for output.
    pub diagnostics: Vec<Diagnostic>,
    /// Baseline entries that no longer occur (empty without a baseline).
    pub stale: Vec<Entry>,
    /// Findings left out because `--diff` does not change their lines.
    pub outside_diff: usize,
    pub summary: Summary,
    /// The texts of the files the findings point at, for snippets.
    pub sources: SourceCache,
}

/// The whole check: scan, rules, suppressions, then the baseline.
pub fn check(config: &Config) -> Result<CheckOutcome> {
    let scan = scan(config)?;
    let diagnostics = rules::run(
        &Context {
            registry: &scan.registry,
            index: &scan.index,
            today: config.today,
            warn_within: config.warn_within,
            whole_tree: scan.whole_tree,
        },
        &scan.levels,
    );
    let sources = SourceCache::new(
        &scan.root,
        config.follow_links,
        &scan.registry.display,
        &scan.registry.source,
    );
    let may_suppress = |path: &str| path == scan.registry.display || scan.marked.contains(path);
    let mut diagnostics =
        crate::suppress::apply(diagnostics, &scan.levels, &sources, &may_suppress);
    // `check PATH...` (an editor, a pre-commit hook) reports on those paths:
    // flags.toml's own findings only when it is one of them.
    if !scan.whole_tree && !config.paths.contains(&config.registry) {
        diagnostics.retain(|d| d.location.path != scan.registry.display);
    }
    // `check --diff` (a pull request) answers for the lines it changes:
    // findings there, and registry findings of the entries it touches.
    let before = diagnostics.len();
    if let Some(changed) = &config.diff {
        diagnostics.retain(|d| in_diff(d, &scan.registry, changed));
    }
    let outside_diff = before - diagnostics.len();
    let (diagnostics, stale) = match &config.baseline {
        None => (diagnostics, Vec::new()),
        Some(path) => Baseline::read(path)?.filter(diagnostics),
    };
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let summary = Summary {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        flags: scan.registry.flags.len(),
        references: scan.index.all().len(),
        files_scanned: scan.files_scanned(),
    };
    Ok(CheckOutcome {
        scan,
        diagnostics,
        stale,
        outside_diff,
        summary,
        sources,
    })
}

/// Whether the diff changes what `diagnostic` is about: its line, or for a
/// finding in flags.toml about a flag, any line of the flag's entry.
fn in_diff(
    diagnostic: &Diagnostic,
    registry: &Registry,
    changed: &BTreeMap<String, FileChanges>,
) -> bool {
    let location = &diagnostic.location;
    let Some(file) = changed.get(&location.path) else {
        return false;
    };
    let entry = (location.path == registry.display)
        .then(|| {
            diagnostic
                .flag
                .as_deref()
                .and_then(|key| registry.resolve(key))
        })
        .flatten();
    match entry {
        Some(flag) => file.touches(&registry.entry_lines(flag)),
        None => file.adds(location.line),
    }
}

/// The JSON Schema of flags.toml, with every rule `[rules]` accepts.
pub fn registry_schema() -> serde_json::Value {
    crate::registry::schema::json_schema(rules::ALL.iter().map(|rule| {
        (
            rule.name,
            format!("{} (default: {}).", rule.summary, rule.default.name()),
        )
    }))
}
