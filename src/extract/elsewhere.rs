//! Keys named by a constant another file defines (`ConstantKey`),
//! resolved once every file is read: a constant must be the one of its
//! name (or qualified name) in the repository, so every file that may
//! define it is read, including those the fast path did not parse.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::needles::Needles;
use super::{ConstantKey, Extraction, Extractor, candidates, items, lang, names, tree};
use crate::source::read_source;
use crate::types::{FlagRef, RefKind};
use crate::walk::WalkedFile;

/// String constants across the repository, by language and name: a Java
/// call never resolves to a Rust constant.
#[derive(Default)]
pub(super) struct Constants {
    /// The value, or `None` once the name is defined more than once.
    by_name: HashMap<(&'static str, String), Option<String>>,
}

impl Constants {
    pub(super) fn add(&mut self, language: &'static str, found: Vec<(String, Option<String>)>) {
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

impl Extractor {
    /// Resolves the keys `elsewhere` waits for, reading from `unparsed`
    /// files the constants that may be theirs, into `all`.
    pub(super) fn resolve_elsewhere(
        &self,
        elsewhere: Vec<ConstantKey>,
        unparsed: &[&WalkedFile],
        mut constants: Constants,
        all: &mut Extraction,
    ) {
        if !elsewhere.is_empty() {
            // A constant's uniqueness needs every definition, including
            // those in files the prefilter skipped: parse the ones that
            // may define a name some call is waiting for.
            let names =
                Needles::new(
                    elsewhere
                        .iter()
                        .map(|pending| match pending.qualified.as_deref() {
                            Some(qualified) if pending.name.is_empty() => {
                                qualified.rsplit('.').next().unwrap_or(qualified)
                            }
                            _ => pending.name.as_str(),
                        }),
                );
            // A Java call never resolves to a Rust constant: only files of
            // the languages waiting are read.
            let waiting: HashSet<&str> = elsewhere.iter().map(|pending| pending.language).collect();
            // A name waited for only as `Owner.name` (`features.A`) is
            // defined where the owner is spelled (a package clause, a class,
            // an enum, an object) or is the file's module: by name, the
            // owners that may define it; `None` once any file may.
            let mut owners: HashMap<&str, Option<HashSet<&str>>> = HashMap::new();
            for pending in &elsewhere {
                let qualified = pending
                    .qualified
                    .as_deref()
                    .filter(|_| pending.name.is_empty());
                match qualified.and_then(|qualified| qualified.rsplit_once('.')) {
                    Some((owner, name)) => {
                        let owner = owner.rsplit('.').next().unwrap_or(owner);
                        if let Some(known) = owners.entry(name).or_insert(Some(HashSet::new())) {
                            known.insert(owner);
                        }
                    }
                    None => {
                        owners.insert(pending.name.as_str(), None);
                    }
                }
            }
            let found: Vec<_> = unparsed
                .par_iter()
                .filter_map(|file| {
                    let language = lang::for_path(&file.path)?;
                    if !waiting.contains(language.name) {
                        return None;
                    }
                    let source = read_source(&file.path, self.follow_links).ok()?;
                    let module = (language.module)(&file.display);
                    let owned = |name: &str| match owners.get(name) {
                        Some(Some(known)) => known.iter().any(|owner| {
                            module == Some(*owner) || candidates::spells(source.as_bytes(), owner)
                        }),
                        _ => true,
                    };
                    let defined: Vec<usize> = names
                        .find(&source)
                        .filter(|hit| {
                            names::may_define(language, source.as_bytes(), hit.start, hit.end)
                                && owned(&source[hit.start..hit.end])
                        })
                        .map(|hit| hit.start)
                        .collect();
                    if defined.is_empty() {
                        return None;
                    }
                    // Only the items that may define one are parsed.
                    let within = items::around(language, &source, &defined);
                    Some((
                        language.name,
                        tree::constants(language, &source, &file.display, &within),
                    ))
                })
                .collect();
            for (language, defined) in found {
                constants.add(language, defined);
            }
        }
        for pending in elsewhere {
            let key = pending
                .qualified
                .as_deref()
                .and_then(|qualified| constants.unique(pending.language, qualified))
                .or_else(|| {
                    // An empty name: only the qualified one may resolve.
                    (!pending.name.is_empty())
                        .then(|| constants.unique(pending.language, &pending.name))?
                });
            match key {
                Some(key) if pending.kind == RefKind::Call || self.is_spelling(key) => {
                    all.refs.push(FlagRef {
                        flag: key.to_string(),
                        location: pending.call.location,
                        kind: pending.kind,
                        language: pending.language,
                    })
                }
                None if pending.kind == RefKind::Call => all.dynamic.push(pending.call),
                _ => {}
            }
        }
    }
}
