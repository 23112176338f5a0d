//! The macro-tokens shape: calls inside macro arguments. A macro's token
//! tree is flat, `flags :: is_enabled ( "key" )`, so calls are found token
//! by token. The visitor reports each macro's token tree
//! (`Captures::token_trees`); a row's `token_tree_kind` names the node
//! (Rust only).

use tree_sitter::Node;

use super::{FileContext, Key, text};
use crate::types::KeyMode;
use crate::types::pattern::callee_segments;

impl FileContext<'_> {
    /// Macro arguments are flat tokens: `flags :: is_enabled ( "key" )`.
    /// A call there is an identifier path followed by a parenthesised tree.
    pub(super) fn token_tree(&mut self, tree: Node) {
        let Some(tree_kind) = self.language.token_tree_kind else {
            return;
        };
        // A stack, not recursion: macro arguments nest as deep as the file
        // says, and a thread's stack is not that deep.
        let mut pending = vec![tree];
        while let Some(tree) = pending.pop() {
            let mut cursor = tree.walk();
            let tokens: Vec<Node> = tree.children(&mut cursor).collect();
            for (index, token) in tokens.iter().enumerate() {
                if token.kind() == tree_kind {
                    pending.push(*token);
                    let is_call = index > 0
                        && tokens[index - 1].kind() == "identifier"
                        && text(self.source, *token).starts_with('(');
                    if is_call {
                        self.token_call(&tokens[..index], *token);
                    }
                }
            }
        }
    }

    fn token_call(&mut self, before: &[Node], arguments: Node) {
        let mut start = before.len() - 1;
        while start >= 2
            && matches!(before[start - 1].kind(), "::" | ".")
            && before[start - 2].kind() == "identifier"
        {
            start -= 2;
        }
        let callee_text =
            &self.source[before[start].start_byte()..before[before.len() - 1].end_byte()];
        let segments = callee_segments(callee_text);
        let Some(pattern) = self.pattern_for(&segments) else {
            return;
        };
        let Some(position) = pattern.argument.position else {
            return;
        };
        let inner = self.tokens_inside(arguments);
        let Some(argument) = inner.split(|token| token.kind() == ",").nth(position) else {
            return;
        };
        let (Some(first), Some(last)) = (argument.first(), argument.last()) else {
            return;
        };
        let key = self.token_key(argument, pattern.key);
        self.record(key, first.start_byte()..last.end_byte(), pattern);
    }

    /// The tokens between a token tree's brackets, comments left out.
    fn tokens_inside<'t>(&self, tree: Node<'t>) -> Vec<Node<'t>> {
        let mut cursor = tree.walk();
        let tokens: Vec<Node> = tree.children(&mut cursor).collect();
        let inner = tokens
            .get(1..tokens.len().saturating_sub(1))
            .unwrap_or_default();
        inner
            .iter()
            .copied()
            .filter(|token| !self.language.skipped_kinds.contains(&token.kind()))
            .collect()
    }

    /// The key an argument's tokens spell: `"k"`, `&"k"`, `"k".to_string()`,
    /// `String::from("k")`, `KEY` or `keys::KEY`.
    fn token_key(&self, tokens: &[Node], mode: KeyMode) -> Key {
        let start = tokens
            .iter()
            .take_while(|token| matches!(token.kind(), "&" | "mut"))
            .count();
        let tokens = &tokens[start..];
        let is_conversion = |token: &Node| {
            token.kind() == "identifier"
                && self
                    .language
                    .conversions
                    .contains(&text(self.source, *token))
        };
        let is_empty_tree =
            |token: &Node| self.tokens_inside(*token).is_empty() && token.kind() != "identifier";
        match tokens {
            [single] if self.is_string(*single) || single.kind() == "identifier" => {
                self.resolve(*single, mode)
            }
            [string, dot, method, call]
                if self.is_string(*string)
                    && dot.kind() == "."
                    && is_conversion(method)
                    && is_empty_tree(call) =>
            {
                self.resolve(*string, mode)
            }
            [.., method, call]
                if is_conversion(method) && self.language.token_tree_kind == Some(call.kind()) =>
            {
                match self.tokens_inside(*call).as_slice() {
                    [string] if self.is_string(*string) => self.resolve(*string, mode),
                    _ => Key::Dynamic,
                }
            }
            [first, .., last]
                if tokens
                    .iter()
                    .all(|t| matches!(t.kind(), "identifier" | "::")) =>
            {
                let path = &self.source[first.start_byte()..last.end_byte()];
                match callee_segments(path).last() {
                    Some(name) => self.resolve_name(name, mode),
                    None => Key::Dynamic,
                }
            }
            _ => Key::Dynamic,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::{call, extract_file, literal};

    #[test]
    fn calls_inside_macro_arguments() {
        let source = r#"
fn f() {
    println!("{}", "new-ui");
    assert!(flags::is_enabled("dark-mode"), "message");
    vec![flags::is_enabled(key)];
    m!(flags::is_enabled(/* c */ "new-ui"), flags::is_enabled(&DARK));
    m!(flags::is_enabled("dark-mode".to_string()), flags::is_enabled(String::from("new-ui")));
}
const DARK: &str = "dark-mode";
"#;
        let (mut refs, dynamic) = extract_file("x.rs", source);
        refs.sort();
        let mut expected = vec![
            literal("new-ui", 3),
            call("dark-mode", 4),
            call("new-ui", 6),
            call("dark-mode", 6),
            call("dark-mode", 7),
            call("new-ui", 7),
            literal("dark-mode", 9),
        ];
        expected.sort();
        assert_eq!(refs, expected);
        assert_eq!(dynamic, [5]);
    }
}
