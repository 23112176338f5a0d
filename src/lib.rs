//! flaglint: a feature-flag hygiene linter for CI.
//!
//! One run is a pipeline, and each stage is a module:
//!
//! 1. [`config`]: find flags.toml and the scan root;
//! 2. [`registry`]: read and check the declared flags and policies;
//! 3. [`walk`]: list the files to read, in parallel, honouring .gitignore;
//! 4. [`extract`]: find the flag references in each file (tree-sitter, or
//!    text for files no grammar covers), in parallel;
//! 5. [`index`]: group the references by flag;
//! 6. [`rules`]: ask the repository-wide questions, giving [`diagnostic`]s;
//! 7. [`render`]: print them for people or machines.
//!
//! [`scan`] runs stages 1 to 5, [`rules::run`] stage 6; [`cli`] wires them
//! to the commands.

pub mod atomic;
pub mod baseline;
pub mod cli;
pub mod codeowners;
pub mod config;
pub mod diagnostic;
pub mod exit;
pub mod extract;
pub mod index;
pub mod init;
pub mod preview;
pub mod registry;
pub mod render;
pub mod report;
pub mod rules;
mod suggest;
pub mod suppress;
pub mod walk;

use std::collections::BTreeMap;

use miette::Result;

use config::Config;
use extract::Extractor;
use index::RefIndex;
use registry::Registry;
use walk::{WalkSettings, display_path};

/// What reading the repository produced: the registry and every reference.
pub struct Scan {
    pub registry: Registry,
    /// flags.toml as output shows it: relative to the root when inside it.
    pub registry_display: String,
    /// The scan root, absolute.
    pub root: std::path::PathBuf,
    pub index: RefIndex,
    /// Files searched, by language.
    pub searched: BTreeMap<&'static str, usize>,
    /// Files skipped, by reason.
    pub skipped: BTreeMap<&'static str, usize>,
    /// Problems the run went past: unreadable files and directories.
    pub warnings: Vec<String>,
    /// Whether the whole tree was walked, not only some paths.
    pub whole_tree: bool,
}

impl Scan {
    pub fn files_scanned(&self) -> usize {
        self.searched.values().sum()
    }

    /// The declared key `spelling` names, whether it is a key or an alias.
    pub fn registry_key(&self, spelling: &str) -> Option<&str> {
        self.registry.flags.iter().find_map(|flag| {
            let named = flag.key == spelling
                || flag.aliases.iter().any(|alias| alias.get_ref() == spelling);
            named.then_some(flag.key.as_str())
        })
    }
}

/// Stages 2 to 5: registry, walk, extraction, index.
pub fn scan(config: &Config) -> Result<Scan> {
    let registry = Registry::load(config.registry.clone(), &config.registry_display)?;
    scan_with(registry, config)
}

/// Stages 3 to 5 with a registry already in hand (`flaglint init` makes
/// one up before any file exists).
pub fn scan_with(registry: Registry, config: &Config) -> Result<Scan> {
    let strings = |globs: &[toml::Spanned<String>]| {
        globs
            .iter()
            .map(|g| g.get_ref().clone())
            .collect::<Vec<_>>()
    };
    let (include, exclude) = (
        strings(&registry.scan.include),
        strings(&registry.scan.exclude),
    );
    let walk = walk::walk(&WalkSettings {
        root: &config.root,
        paths: &config.paths,
        include: &include,
        exclude: &exclude,
        registry: &config.registry,
        follow_links: config.follow_links,
    })
    .map_err(|message| miette::miette!("{message}"))?;
    let extraction = Extractor::new(&registry).extract_all(&walk.files);
    if !extraction.failed.is_empty() {
        return Err(miette::miette!(
            help = "this is a bug in flaglint: please report it with the file; the check cannot pass on partial results",
            "internal error while reading {}",
            extraction.failed.join(", ")
        ));
    }
    let mut warnings: Vec<String> = walk.warnings.into_iter().map(|w| w.message).collect();
    warnings.extend(extraction.unreadable);
    warnings.sort();
    Ok(Scan {
        registry_display: display_path(&config.root, &config.registry),
        registry,
        root: config.root.clone(),
        index: RefIndex::new(extraction.refs, extraction.dynamic),
        searched: extraction.searched,
        skipped: extraction.skipped,
        warnings,
        whole_tree: config.paths.is_empty() || config.paths.contains(&config.root),
    })
}
