//! The house's layers, as `src/lib.rs` states them: a top-level module
//! imports only from the layers below its own. The test reads every source
//! file (tests inside `#[cfg(test)]` modules included), lists the crate
//! modules it names, and fails on an import that goes sideways or up, which
//! is also what rules out an import circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bottom first; each line one layer.
const LAYERS: &[&[&str]] = &[
    &[
        "types",
        "suggest",
        "atomic",
        "exit",
        "preview",
        "codeowners",
        "diff",
        "compare",
    ],
    &["config", "source", "registry", "walk"],
    &["extract"],
    &["index"],
    &["rules"],
    &["suppress", "baseline"],
    &["pipeline"],
    &["report", "init", "cleanup"],
    &["render"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a file under src/ belongs to.
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// The crate modules `source` names: `crate::x`, and each `x` of
/// `use crate::{x, y::z}`.
fn imports(source: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let word = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in source.match_indices("crate::") {
        // Not `flaglint_crate::` or a longer identifier ending in `crate`.
        let before = source[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            for item in split_top_level(group) {
                let name = word(item.trim());
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name = word(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// The items of a `{...}` group at its top level.
fn split_top_level(group: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (index, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..index]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    items
}

/// `source` without its line comments (doc comments name modules in prose).
fn code(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_import_goes_down_a_layer() {
    let src = Path::new("src");
    let mut paths = Vec::new();
    files(src, &mut paths);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &paths {
        let Some(module) = module_of(path.strip_prefix(src).unwrap()) else {
            continue;
        };
        let source = std::fs::read_to_string(path).unwrap();
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(imports(&code(&source)).into_iter().filter(|m| *m != module));
    }
    // Only modules are edges: `crate::x` naming anything else would not
    // compile, except the crate root's re-exports, which code must not use.
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for edges in graph.values_mut() {
        edges.retain(|target| {
            modules.contains(target) || !target.starts_with(|c: char| c.is_lowercase())
        });
    }
    let mut wrong = Vec::new();
    for (module, edges) in &graph {
        let Some(own) = layer_of(module) else {
            wrong.push(format!(
                "`{module}` is in no layer: add it to LAYERS and src/lib.rs"
            ));
            continue;
        };
        for target in edges {
            match layer_of(target) {
                Some(layer) if layer < own => {}
                Some(layer) => wrong.push(format!(
                    "`{module}` (layer {own}) imports `{target}` (layer {layer})"
                )),
                None => wrong.push(format!("`{module}` imports `{target}`, in no layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
    // Every module the crate declares sits in a layer, and the list is the
    // one src/lib.rs documents.
    let lib = std::fs::read_to_string("src/lib.rs").unwrap();
    for layer in LAYERS {
        for module in *layer {
            assert!(graph.contains_key(*module), "no module `{module}` in src/");
            assert!(
                lib.contains(&format!("[`{module}`]")),
                "src/lib.rs does not name `{module}`"
            );
        }
    }
}

#[test]
fn imports_are_read_from_paths_and_groups() {
    let source = "use crate::types::{A, B};\nuse crate::{registry::Registry, rules::{self, Levels}};\nlet x = crate::walk::walk(s);\nflaglint_crate::no";
    let found: Vec<String> = imports(source).into_iter().collect();
    assert_eq!(found, ["registry", "rules", "types", "walk"]);
}
