//! Shell scripts (the bash grammar, which reads POSIX `sh` too): a command
//! is a call of its name with its words as positional arguments
//! (`fetch_flag new-ui "$DEFAULT"`), and a bare word is a string as much
//! as a quoted one.

use tree_sitter::Node;

use super::{Captures, Language, between, no_module, unescape};

pub(super) const LANGUAGE: Language = Language {
    name: "bash",
    extensions: &["sh", "bash"],
    grammar: || tree_sitter_bash::LANGUAGE.into(),
    visit,
    string_kinds: &["word", "string", "raw_string"],
    call_kinds: &[],
    conversions: &[],
    name_kinds: &[],
    transparent_kinds: &["concatenation"],
    // A command's arguments are its children after the name, among
    // prefix assignments (`FOO=1 cmd ...`).
    skipped_kinds: &["comment", "command_name", "variable_assignment"],
    token_tree_kind: None,
    keyword_argument: None,
    array_kinds: &[],
    owner_qualifies: false,
    quotes: b"",
    colon_defines: false,
    imports: &[],
    calls_without_parentheses: true,
    syntax: None,
    module: no_module,
    unquote,
};

fn visit<'t>(node: Node<'t>, kind: &str, found: &mut Captures<'t>) {
    // `fetch_flag new-ui`: the command's name is the callee, the command
    // itself holds the arguments.
    if kind == "command" {
        found.call(
            node.child_by_field_name("name")
                .and_then(|name| name.named_child(0))
                .filter(|word| word.kind() == "word"),
            None,
            Some(node),
        );
    }
}

/// A bare word, `'a'`, and `"a"` without expansions (`$x`, `` `cmd` ``).
fn unquote(text: &str) -> Option<String> {
    // Nothing escapes inside single quotes.
    if let Some(inner) = between(text, "'") {
        return Some(inner.to_string());
    }
    let (inner, quoted) = match between(text, "\"") {
        Some(inner) => (inner, true),
        None => (text, false),
    };
    if inner.contains(['$', '`']) || (!quoted && inner.contains(['\\', '*', '?', '[', '{', '~'])) {
        return None;
    }
    if quoted {
        unescape(inner)
    } else {
        Some(inner.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::unquote;
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn shell_words_and_strings() {
        assert_eq!(unquote("new-ui").as_deref(), Some("new-ui"));
        assert_eq!(unquote("'new-ui'").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"new-ui\"").as_deref(), Some("new-ui"));
        assert_eq!(unquote("\"new-$x\""), None);
        assert_eq!(unquote("new-*"), None);
    }

    #[test]
    fn shell_commands_are_calls() {
        let source = r#"#!/bin/sh
# is_on user new-ui
current=$(is_on "$USER" dark-mode)
FOO=1 is_on "$USER" 'new-ui' > out.txt
is_on "$USER" "$FLAG"
echo new-ui
"#;
        let (refs, dynamic) = extract_file("run.sh", source);
        assert_eq!(
            refs,
            [
                call("dark-mode", 3),
                call("new-ui", 4),
                literal("new-ui", 6)
            ]
        );
        assert_eq!(dynamic, [5]);
    }
}
