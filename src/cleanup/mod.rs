//! `flaglint cleanup KEY --to on|off`: removes a flag from the code, keeping
//! the behaviour of the state it keeps forever, then from flags.toml.
//!
//! Built on [`pipeline::scan`](crate::pipeline::scan): the same discovery,
//! scan settings and references as `check`. Per file (`file.rs`), each
//! evaluation of the flag (`sites.rs`) becomes a marker; folding
//! (`fold.rs`, `branch.rs`, `inline.rs`) simplifies what it made constant,
//! one rewrite and one parse at a time; then imports (and Python `global`
//! names) the edit made unused go (`imports.rs`), and Go locals it left
//! unused are listed (`unused.rs`). Across files (`constants.rs`), a
//! constant that named the key goes when nothing uses it any more, else
//! its uses are listed. Languages are rows of data (`lang/`, read through
//! `syntax.rs`); edits are byte ranges (`edit.rs`); the plan is plain data
//! (`plan.rs`); `tests.rs` has the shapes of each language.
//!
//! The result is a [`Plan`]: files before and after, the sites left for a
//! person with their reasons, the registry's change. [`write`] applies it,
//! all files or none. Safety comes from construction: a file with syntax
//! errors is never touched, every rewritten file is parsed again and a new
//! syntax error abandons the whole plan, and only the rewritten ranges
//! change.

mod branch;
mod constants;
mod edit;
mod file;
mod fold;
mod imports;
mod inline;
pub mod lang;
pub mod plan;
mod sites;
mod syntax;
mod unused;

use std::collections::BTreeMap;
use std::path::Path;

use miette::{Result, miette};

use crate::pipeline::Scan;
use crate::types::{FlagRef, RefKind};
pub use plan::{FileChange, Plan, RegistryChange, Site};

/// A file's text as read: its byte-order mark apart.
struct Read {
    text: String,
    bom: bool,
}

fn read(path: &Path) -> std::result::Result<Read, &'static str> {
    let bytes = std::fs::read(path).map_err(|_| "the file cannot be read")?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("a UTF-16 file: not supported yet");
    }
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8: not supported yet")?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => Read {
            text: rest.to_string(),
            bom: true,
        },
        None => Read { text, bom: false },
    })
}

/// Whether a path looks like a test's.
fn is_test(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    lower.split('/').any(|part| {
        matches!(
            part,
            "test" | "tests" | "__tests__" | "spec" | "specs" | "e2e"
        )
    }) || name.contains(".test.")
        || name.contains(".spec.")
        || name.contains(".e2e.")
        || name.contains("_test.")
        || name.starts_with("test_")
        || name.ends_with("test.java")
        || name.ends_with("tests.java")
}

fn site(reference: &FlagRef, reason: impl Into<String>, keeps_reference: bool) -> Site {
    Site {
        path: reference.location.path.clone(),
        line: reference.location.line,
        column: reference.location.column,
        kind: reference.kind.name(),
        reason: reason.into(),
        keeps_reference,
    }
}

/// The plan for cleaning `key` up, keeping it `on` (or off), from a scan.
pub fn plan(scan: &Scan, key: &str, on: bool) -> Result<Plan> {
    let declared = scan.registry.resolve(key).map(|flag| flag.key.clone());
    let key = declared.clone().unwrap_or_else(|| key.to_string());
    let refs: Vec<FlagRef> = scan.index.to(&key).cloned().collect();
    let mut by_file: BTreeMap<&str, Vec<(usize, &FlagRef)>> = BTreeMap::new();
    for (id, reference) in refs.iter().enumerate() {
        by_file
            .entry(reference.location.path.as_str())
            .or_default()
            .push((id, reference));
    }
    let mut files = Vec::new();
    let mut sites = Vec::new();
    let mut pending = Vec::new();
    for (path, refs) in by_file {
        let absolute = scan.root.join(path);
        let language = crate::extract::lang::for_path(&absolute);
        let syntax = language.and_then(|l| lang::for_language(l.name));
        let (Some(language), Some(syntax)) = (language, syntax) else {
            for (_, reference) in refs {
                let reason = match (reference.kind, language) {
                    (RefKind::Text, _) => "the key in a file cleanup does not parse".to_string(),
                    (_, Some(language)) => format!("{}: not supported yet", language.name),
                    (_, None) => "not supported yet".to_string(),
                };
                sites.push(site(reference, reason, true));
            }
            continue;
        };
        let source = match read(&absolute) {
            Ok(source) => source,
            Err(reason) => {
                sites.extend(refs.iter().map(|(_, r)| site(r, reason, true)));
                continue;
            }
        };
        let shift = if source.bom { 3 } else { 0 };
        let shifted: Vec<(usize, FlagRef)> = refs
            .iter()
            .map(|(id, r)| {
                let mut r = (*r).clone();
                r.location.span = r.location.span.start - shift..r.location.span.end - shift;
                (*id, r)
            })
            .collect();
        let mut parsing = file::Parsing::new(language);
        let tree = parsing.parse(&source.text);
        let refusal = if tree.root_node().has_error() {
            Some(
                "the file does not parse cleanly (a syntax error, or syntax newer than flaglint's grammar): not touched",
            )
        } else if !fold::markers(&source.text).is_empty() {
            Some(
                "the file holds text cleanup uses as its own marker (`__flaglint_on_N__`): not touched",
            )
        } else {
            None
        };
        if let Some(reason) = refusal {
            sites.extend(refs.iter().map(|(_, r)| site(r, reason, true)));
            continue;
        }
        let code = fold::Code::new(syntax, &source.text, tree.root_node());
        let mut evaluations = Vec::new();
        for ((id, original), (_, reference)) in refs.iter().zip(&shifted) {
            match reference.kind {
                RefKind::Call | RefKind::Object => evaluations.push((*id, reference)),
                _ => match code.constant_name(reference) {
                    Some(name) => pending.push(constants::Pending {
                        path: path.to_string(),
                        name,
                        reference: (*original).clone(),
                    }),
                    None if is_test(path) => sites.push(site(
                        original,
                        "a test sets or checks the flag: update it by hand",
                        true,
                    )),
                    None => sites.push(site(
                        original,
                        "the key as a string, not an evaluation: review by hand",
                        true,
                    )),
                },
            }
        }
        if evaluations.is_empty() {
            continue;
        }
        let cleaned = file::clean(
            &mut parsing,
            syntax,
            &source.text,
            &evaluations,
            on,
            is_test(path),
        );
        for (id, reason) in cleaned.left {
            let reference = &refs.iter().find(|(i, _)| *i == id).expect("same ids").1;
            let keeps = !reason.starts_with("the flag became");
            sites.push(site(reference, reason, keeps));
        }
        for (line, reason) in cleaned.notes {
            sites.push(Site {
                path: path.to_string(),
                line,
                column: 1,
                kind: "variable",
                reason,
                keeps_reference: false,
            });
        }
        files.push(file::Rewritten {
            path: path.to_string(),
            absolute,
            language: language.name,
            bom: source.bom,
            before: source.text,
            after: cleaned.text,
            changes: cleaned.changes,
        });
    }
    constants::remove_unused(scan, &key, &mut files, pending, &mut sites);
    // A call whose key is not known may evaluate this flag: those in the
    // files that reference it are listed (the others, everywhere in the
    // repository, are `check`'s dynamic-flag-key findings).
    let touched: std::collections::BTreeSet<&str> =
        refs.iter().map(|r| r.location.path.as_str()).collect();
    for dynamic in &scan.index.dynamic {
        if !touched.contains(dynamic.location.path.as_str()) {
            continue;
        }
        sites.push(Site {
            path: dynamic.location.path.clone(),
            line: dynamic.location.line,
            column: dynamic.location.column,
            kind: "dynamic",
            reason: format!(
                "a `{}` call whose key is not known statically: it may evaluate `{key}`",
                dynamic.callee
            ),
            keeps_reference: false,
        });
    }
    sites.sort();
    sites.dedup();
    let files = file::finish(files)?;
    let registry = registry_change(scan, declared.as_deref(), &sites)?;
    Ok(Plan {
        version: 1,
        flag: key,
        to: if on { "on" } else { "off" },
        files,
        sites,
        registry,
    })
}

/// flags.toml without the flag's entry, unless references remain.
fn registry_change(scan: &Scan, declared: Option<&str>, sites: &[Site]) -> Result<RegistryChange> {
    let registry = &scan.registry;
    let before = std::fs::read(&registry.path).unwrap_or_default();
    let mut change = RegistryChange {
        path: registry.display.clone(),
        removed: false,
        reason: None,
        diff: String::new(),
        absolute: registry.path.clone(),
        after: before.clone(),
        before,
    };
    let Some(key) = declared else {
        change.reason = Some("the flag is not declared in flags.toml".into());
        return Ok(change);
    };
    let remaining = sites.iter().filter(|s| s.keeps_reference).count();
    if remaining > 0 {
        change.reason = Some(format!(
            "{remaining} reference{} remain{}",
            if remaining == 1 { "" } else { "s" },
            if remaining == 1 { "s" } else { "" }
        ));
        return Ok(change);
    }
    let after = crate::registry::edit::remove_flag(&registry.source, key)
        .map_err(|message| miette!("cannot remove `{key}` from {}: {message}", registry.display))?;
    crate::registry::Registry::parse(registry.path.clone(), &registry.display, after.clone())
        .map_err(|err| miette::Report::new(*err))?;
    let text = file::keep_style(&change.before, &after);
    change.diff = plan::unified_diff(&registry.display, &registry.source, &after);
    change.after = text.into_bytes();
    change.removed = true;
    Ok(change)
}

/// Applies `plan`: every file is staged next to its target first, then all
/// are renamed into place; if one cannot be staged, nothing is written.
pub fn write(plan: &Plan) -> Result<()> {
    let mut writes: Vec<(&Path, &[u8])> = plan
        .files
        .iter()
        .map(|f| (f.absolute.as_path(), f.after.as_slice()))
        .collect();
    if plan.registry.removed {
        writes.push((plan.registry.absolute.as_path(), &plan.registry.after));
    }
    crate::atomic::write_all(&writes)
}

/// How many of the flag's references cleanup would remove by itself,
/// leaving nothing to review there (for the weekly report), keeping the
/// flag on.
pub fn removable(scan: &Scan, key: &str) -> usize {
    let Ok(plan) = plan(scan, key, true) else {
        return 0;
    };
    let left: std::collections::BTreeSet<(&str, usize, usize)> = plan
        .sites
        .iter()
        .filter(|site| site.kind != "dynamic")
        .map(|site| (site.path.as_str(), site.line, site.column))
        .collect();
    let key = scan
        .registry
        .resolve(key)
        .map_or(key, |flag| flag.key.as_str());
    scan.index.to(key).count().saturating_sub(left.len())
}

#[cfg(test)]
mod tests;
