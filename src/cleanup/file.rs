//! One file's cleanup: markers in place of the flag's evaluations, folding
//! to a fixpoint, markers left become literals (and sites for a person),
//! then the imports the edit made unused.

use std::collections::BTreeMap;

use tree_sitter::{Parser, Tree};

use super::edit::{Edit, apply};
use super::fold::{Code, markers, read_marker};
use super::sites::Action;
use super::syntax::{Syntax, ancestors};
use crate::extract::lang::Language;
use crate::types::FlagRef;

/// At most this many rewrites of one file: folding always shrinks the
/// text, so this only guards against a bug.
const MAX_REWRITES: usize = 2_000;

/// What cleaning one file gave.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub text: String,
    /// What was rewritten, by kind (`evaluation`, `if`, `variable`, ...).
    pub changes: BTreeMap<&'static str, usize>,
    /// References left for a person: their number and the reason.
    pub left: Vec<(usize, String)>,
    /// Other places of the rewritten text for a person: line and reason.
    pub notes: Vec<(usize, String)>,
}

pub struct Parsing {
    parser: Parser,
}

impl Parsing {
    pub fn new(language: &Language) -> Parsing {
        let mut parser = Parser::new();
        parser
            .set_language(&language.grammar())
            .expect("the grammar matches the tree-sitter version");
        Parsing { parser }
    }

    pub fn parse(&mut self, text: &str) -> Tree {
        self.parser.reset();
        self.parser
            .parse(text, None)
            .expect("a parse without a timeout or cancellation completes")
    }
}

/// Cleans `source`: `refs` are the references to rewrite, each with its
/// number; `on` is the state the flag keeps.
pub fn clean(
    parsing: &mut Parsing,
    syntax: &'static Syntax,
    source: &str,
    refs: &[(usize, &FlagRef)],
    on: bool,
    test: bool,
) -> Cleaned {
    let mut cleaned = Cleaned::default();
    let original = parsing.parse(source);
    let mut before = Code::new(syntax, source, original.root_node());
    before.test = test;
    let uses = before.name_uses();
    let mut edits: Vec<Edit> = Vec::new();
    for (id, reference) in refs {
        match before.action(reference, *id, on) {
            Action::Rewrite(new) => {
                let overlaps = new.iter().any(|e| {
                    edits
                        .iter()
                        .any(|o| e.range.start < o.range.end && o.range.start < e.range.end)
                });
                if overlaps {
                    cleaned
                        .left
                        .push((*id, "overlaps another rewrite of the flag".into()));
                } else {
                    edits.extend(new);
                    *cleaned.changes.entry("evaluation").or_default() += 1;
                }
            }
            Action::Leave(reason) => cleaned.left.push((*id, reason)),
        }
    }
    let mut text = apply(source, edits);
    for _ in 0..MAX_REWRITES {
        let tree = parsing.parse(&text);
        let code = Code::new(syntax, &text, tree.root_node());
        let Some((edits, kind)) = code.next_rewrite() else {
            break;
        };
        text = apply(&text, edits);
        *cleaned.changes.entry(kind).or_default() += 1;
    }
    let tree = parsing.parse(&text);
    let code = Code::new(syntax, &text, tree.root_node());
    let mut literals = Vec::new();
    for range in markers(&text) {
        let (value, id) = read_marker(&text[range.clone()]).expect("a marker");
        let reason = code
            .node_at(range.clone())
            .map_or("used where cleanup cannot simplify", |node| {
                leftover_reason(&code, node)
            });
        cleaned.left.push((
            id,
            format!(
                "the flag became `{}` here, {reason}: review by hand",
                syntax.literals[value as usize]
            ),
        ));
        literals.push(Edit::new(range, syntax.literals[value as usize]));
    }
    text = apply(&text, literals);
    for _ in 0..MAX_REWRITES {
        let tree = parsing.parse(&text);
        let code = Code::new(syntax, &text, tree.root_node());
        let Some((edit, _)) = code.next_unused_import(&uses) else {
            break;
        };
        text = apply(&text, vec![edit]);
        *cleaned.changes.entry("import").or_default() += 1;
    }
    for _ in 0..MAX_REWRITES {
        let tree = parsing.parse(&text);
        let code = Code::new(syntax, &text, tree.root_node());
        let Some(edit) = code.next_stale_global(&uses) else {
            break;
        };
        text = apply(&text, vec![edit]);
        *cleaned.changes.entry("global").or_default() += 1;
    }
    let tree = parsing.parse(&text);
    let code = Code::new(syntax, &text, tree.root_node());
    for (name, line) in code.unused_locals(&uses) {
        cleaned.notes.push((
            line,
            format!("`{name}` is no longer used once cleaned (line {line} of the rewritten file), which Go rejects: remove it by hand"),
        ));
    }
    cleaned.text = text;
    cleaned
}

/// Why a marker could not be folded away, from where it stands.
fn leftover_reason(code: &Code, node: tree_sitter::Node) -> &'static str {
    let syntax = code.syntax;
    let parent = ancestors(node)
        .find(|p| !syntax.paren_kinds.contains(&p.kind()) && p.kind() != "expression_list");
    let Some(parent) = parent else {
        return "used where cleanup cannot simplify";
    };
    let kind = parent.kind();
    if syntax.argument_kinds.contains(&kind) {
        "passed to a function"
    } else if kind.starts_with("return") {
        "returned"
    } else if kind.contains("declarator")
        || kind.contains("assignment")
        || kind.contains("declaration")
        || kind == "expression_list"
        || kind.contains("field")
        || kind == "pair"
    {
        "stored in a variable or field that cleanup does not follow"
    } else if syntax.binary_kinds.contains(&kind) || kind == "comparison_operator" {
        "combined with or compared to a value cleanup cannot know (or whose side effects must run)"
    } else if kind.contains("jsx") {
        "passed to a JSX component"
    } else {
        "used where cleanup cannot simplify"
    }
}

/// A file rewritten in memory (its byte-order mark apart).
pub struct Rewritten {
    pub path: String,
    pub absolute: std::path::PathBuf,
    pub language: &'static str,
    pub bom: bool,
    pub before: String,
    pub after: String,
    pub changes: BTreeMap<&'static str, usize>,
}

/// The files that changed, each parsed again: a syntax error the rewrite
/// introduced abandons the whole cleanup.
pub fn finish(files: Vec<Rewritten>) -> miette::Result<Vec<super::FileChange>> {
    let mut changes = Vec::new();
    for file in files {
        if file.before == file.after {
            continue;
        }
        let language = crate::extract::lang::for_path(&file.absolute).expect("a parsed language");
        // Debug builds only: lets the end-to-end tests prove that a rewrite
        // that breaks one file abandons the whole cleanup.
        #[cfg(debug_assertions)]
        let file = match std::env::var("FLAGLINT_TEST_BREAK_CLEANUP_OF") {
            Ok(name) if name == file.path => Rewritten {
                after: format!("{}\n}}}} (", file.after),
                ..file
            },
            _ => file,
        };
        let tree = Parsing::new(language).parse(&file.after);
        if tree.root_node().has_error() {
            let bad = first_error(tree.root_node()).map_or(0, |n| n.start_position().row + 1);
            return Err(miette::miette!(
                help = "this is a bug in flaglint's cleanup: please report it with the file; nothing was written",
                "cleaning {} would leave a syntax error (line {bad}), so the cleanup was abandoned",
                file.path
            ));
        }
        let bom = if file.bom { "\u{feff}" } else { "" };
        changes.push(super::FileChange {
            diff: super::plan::unified_diff(&file.path, &file.before, &file.after),
            path: file.path,
            language: file.language,
            changes: file.changes,
            absolute: file.absolute,
            before: format!("{bom}{}", file.before).into_bytes(),
            after: format!("{bom}{}", file.after).into_bytes(),
        });
    }
    Ok(changes)
}

fn first_error(node: tree_sitter::Node) -> Option<tree_sitter::Node> {
    if node.is_error() || node.is_missing() {
        return Some(node);
    }
    let mut cursor = node.walk();
    let children: Vec<_> = node.children(&mut cursor).collect();
    children
        .into_iter()
        .filter(|child| child.has_error())
        .find_map(first_error)
}

/// `text` in the style of `original`: CRLF line endings if it used them,
/// its UTF-8 byte-order mark if it had one.
pub fn keep_style(original: &[u8], text: &str) -> String {
    let crlf = memchr::memmem::find(original, b"\r\n").is_some();
    let bom = original.starts_with("\u{feff}".as_bytes());
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut text = if crlf && !text.contains("\r\n") {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    };
    if bom {
        text.insert(0, '\u{feff}');
    }
    text
}
