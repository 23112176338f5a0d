//! The constant, enum member or object entry that named the key
//! (`const NEW_UI = "new-ui"`, `Flags.NEW_UI`): removed once the cleanup
//! leaves its name used nowhere in the repository (every file a grammar
//! covers is searched, as rewritten), else listed for a person.

use super::edit::{Edit, apply, has_word, word_positions};
use super::file::{Parsing, Rewritten};
use super::fold::Code;
use super::plan::Site;
use crate::pipeline::Scan;
use crate::types::{FlagRef, LineIndex};
use crate::walk::{self, WalkSettings};

/// A string literal equal to the key that defines a constant.
pub struct Pending {
    pub path: String,
    pub name: String,
    pub reference: FlagRef,
}

impl Code<'_> {
    /// The name of the constant whose value is the literal `reference`.
    pub(super) fn constant_name(&self, reference: &FlagRef) -> Option<String> {
        let node = self.node_at(reference.location.span.clone())?;
        let (name, _) = (self.syntax.constant)(node, self.source)?;
        Some(self.text(name).trim_matches(['"', '\'']).to_string())
    }
}

pub(super) fn remove_unused(
    scan: &Scan,
    key: &str,
    files: &mut Vec<Rewritten>,
    pending: Vec<Pending>,
    sites: &mut Vec<Site>,
) {
    if pending.is_empty() {
        return;
    }
    let spellings: Vec<String> = match scan.registry.resolve(key) {
        Some(flag) => std::iter::once(flag.key.clone())
            .chain(flag.aliases.iter().map(|a| a.get_ref().clone()))
            .collect(),
        None => vec![key.to_string()],
    };
    let walked = walk::walk(&WalkSettings {
        root: &scan.root,
        paths: &[],
        include: &scan.registry.scan.include,
        exclude: &scan.registry.scan.exclude,
        registry: &scan.registry.path,
        follow_links: false,
    });
    for constant in pending {
        let Some((whole, edit)) = definition(scan, files, &constant, &spellings) else {
            sites.push(still_used(&constant));
            continue;
        };
        // Every other use, where it is (in the text as rewritten).
        let mut uses = Vec::new();
        for file in &walked.files {
            if crate::extract::lang::for_path(&file.path).is_none() {
                continue;
            }
            let rewritten = files.iter().find(|f| f.path == file.display);
            let text = match rewritten {
                Some(rewritten) => rewritten.after.clone(),
                None => match std::fs::read_to_string(&file.path) {
                    Ok(text) if has_word(&text, &constant.name) => text,
                    _ => continue,
                },
            };
            let lines = LineIndex::new(&text);
            for at in word_positions(&text, &constant.name) {
                if file.display == constant.path && whole.contains(&at) {
                    continue;
                }
                let location = lines.location(&text, &file.display, at..at + constant.name.len());
                uses.push((location, rewritten.is_some_and(|r| r.before != r.after)));
            }
        }
        if !uses.is_empty() {
            sites.push(still_used(&constant));
            for (location, rewritten) in uses {
                let test = super::is_test(&location.path);
                sites.push(Site {
                    reason: format!(
                        "{} `{}`, the constant that names the key{}: {}",
                        if test { "a test uses" } else { "uses" },
                        constant.name,
                        if rewritten {
                            " (line of the rewritten file)"
                        } else {
                            ""
                        },
                        if test {
                            "if it sets the flag (an override), update it by hand"
                        } else {
                            "review by hand"
                        }
                    ),
                    path: location.path,
                    line: location.line,
                    column: location.column,
                    kind: "constant",
                    keeps_reference: false,
                });
            }
            continue;
        }
        let file = files
            .iter_mut()
            .find(|f| f.path == constant.path)
            .expect("definition() keeps the file");
        file.after = apply(&file.after, vec![edit]);
        *file.changes.entry("constant").or_default() += 1;
    }
}

fn still_used(constant: &Pending) -> Site {
    Site {
        path: constant.reference.location.path.clone(),
        line: constant.reference.location.line,
        column: constant.reference.location.column,
        kind: constant.reference.kind.name(),
        reason: format!(
            "the constant `{}` names the key and is still used: remove it by hand",
            constant.name
        ),
        keeps_reference: true,
    }
}

/// The definition of `constant` in its file's current text (which joins
/// `files` if it was not rewritten): its range and the edit removing it.
fn definition(
    scan: &Scan,
    files: &mut Vec<Rewritten>,
    constant: &Pending,
    spellings: &[String],
) -> Option<(std::ops::Range<usize>, Edit)> {
    let absolute = scan.root.join(&constant.path);
    let language = crate::extract::lang::for_path(&absolute)?;
    let syntax = super::lang::for_language(language.name)?;
    if !files.iter().any(|f| f.path == constant.path) {
        let read = super::read(&absolute).ok()?;
        files.push(Rewritten {
            path: constant.path.clone(),
            absolute,
            language: language.name,
            bom: read.bom,
            before: read.text.clone(),
            after: read.text,
            changes: Default::default(),
        });
    }
    let file = files.iter().find(|f| f.path == constant.path)?;
    let mut parsing = Parsing::new(language);
    let tree = parsing.parse(&file.after);
    let code = Code::new(syntax, &file.after, tree.root_node());
    let mut cursor = tree.root_node().walk();
    loop {
        let node = cursor.node();
        if language.string_kinds.contains(&node.kind())
            && (language.unquote)(code.text(node)).is_some_and(|v| spellings.contains(&v))
            && let Some((name, whole)) = (syntax.constant)(node, &file.after)
            && code.text(name).trim_matches(['"', '\'']) == constant.name
        {
            let list = whole
                .parent()
                .is_some_and(|p| matches!(p.kind(), "object" | "enum_body"));
            let edit = if list {
                code.remove_item(whole)
            } else {
                code.remove_statement(whole).pop()?
            };
            return Some((whole.byte_range(), edit));
        }
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return None;
            }
        }
    }
}
