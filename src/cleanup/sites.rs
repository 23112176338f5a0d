//! From a reference to the expression that evaluates the flag: the call
//! around a key argument, a flag object's member read, a destructured
//! entry. What the call returns decides whether it can become a constant:
//! a boolean (`isEnabled`, `getBooleanValue`, a call with a `false`
//! default), its negation (`isOff`), or a value cleanup cannot know (a
//! variant, a string): that site is left for a person.

use tree_sitter::Node;

use super::edit::Edit;
use super::fold::{Code, marker};
use super::syntax::{ancestors, children};
use crate::types::{FlagRef, RefKind};

/// What cleanup does with one reference.
pub enum Action {
    /// Rewrite: these edits put the marker in place.
    Rewrite(Vec<Edit>),
    /// Leave it, for this reason.
    Leave(String),
}

/// Callee names (lowercase, without `_` and `?`) that return whether the
/// flag is on.
const BOOLEAN: &[&str] = &[
    "isenabled",
    "isenabledstr",
    "enabled",
    "isfeatureenabled",
    "featureenabled",
    "isfeatureflagenabled",
    "usefeatureflagenabled",
    "hasfeature",
    "hasfeatureflag",
    "ison",
    "usefeatureison",
    "usebooleanflagvalue",
    "getbooleanvalue",
    "getboolvalue",
    "booleanvalue",
    "boolvariation",
    "checkgate",
    "checkgatesync",
    "checkgatewithexposureloggingdisabled",
    "checkgatewithexposureloggingdisabledsync",
    "usegatevalue",
    "getboolassignment",
    "getbooleanassignment",
    "ifenabled",
];

/// Callee names that return whether the flag is off.
const NEGATED: &[&str] = &["isoff", "isdisabled", "disabled", "ifdisabled", "off"];

/// Words in a callee's name that say it returns something else than on or
/// off.
const VALUED: &[&str] = &[
    "value",
    "variant",
    "variation",
    "string",
    "number",
    "int",
    "float",
    "double",
    "json",
    "object",
    "detail",
    "treatment",
    "assignment",
    "config",
    "experiment",
    "layer",
    "payload",
    "result",
    "flag",
    "gate",
    "decision",
    "decide",
    "feature",
    "struct",
];

impl<'a> Code<'a> {
    /// What to do with `reference` (number `id`) when the flag is `on`.
    pub fn action(&self, reference: &FlagRef, id: usize, on: bool) -> Action {
        let Some(node) = self.node_at(reference.location.span.clone()) else {
            return Action::Leave("cleanup could not find the reference in the file".into());
        };
        if ancestors(node).any(|a| a.kind() == "token_tree") {
            return Action::Leave("inside a macro's arguments: not supported yet".into());
        }
        match reference.kind {
            RefKind::Object => self.object_read(node, id, on),
            RefKind::Call => self.call(node, id, on),
            _ => Action::Leave("not an evaluation".into()),
        }
    }

    fn object_read(&self, node: Node<'a>, id: usize, on: bool) -> Action {
        let Some(parent) = node.parent() else {
            return Action::Leave("a flag object read cleanup cannot follow".into());
        };
        let value = marker(on, id);
        let written = parent.parent().is_some_and(|p| {
            p.kind() == "update_expression"
                || p.kind() == "unary_expression" && self.text(p).starts_with("delete")
                || p.kind().contains("assignment") && p.child_by_field_name("left") == Some(parent)
        });
        if written {
            return Action::Leave("the flag object is written here: not supported yet".into());
        }
        match parent.kind() {
            "member_expression" | "subscript_expression" => {
                Action::Rewrite(self.replace(parent, super::fold::Value::Constant(on, id)))
            }
            "object_pattern" => self.destructured_or_leave(node, node, &value),
            "pair_pattern" => match parent.child_by_field_name("value") {
                Some(name) if name.kind() == "identifier" => {
                    self.destructured_or_leave(parent, name, &value)
                }
                _ => Action::Leave("a nested destructuring: not supported yet".into()),
            },
            "object_assignment_pattern" => self.destructured_or_leave(parent, node, &value),
            _ => Action::Leave("a flag object read cleanup cannot follow".into()),
        }
    }

    fn destructured_or_leave(&self, entry: Node<'a>, name: Node<'a>, value: &str) -> Action {
        match self.destructured(entry, name, value) {
            Ok(edits) => Action::Rewrite(edits),
            Err(reason) => Action::Leave(reason.into()),
        }
    }

    fn call(&self, key: Node<'a>, id: usize, on: bool) -> Action {
        let Some(call) = self.call_of(key) else {
            if let Some(action) = self.jsx_component(key, on) {
                return action;
            }
            return Action::Leave(self.why_no_call(key));
        };
        let function = call
            .child_by_field_name("function")
            .or_else(|| call.child_by_field_name("name"));
        let callee = function.map_or("", |f| self.text(f));
        let name = callee
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '?'))
            .next()
            .unwrap_or(callee);
        let normal: String = name
            .chars()
            .filter(|c| *c != '_' && *c != '?')
            .flat_map(char::to_lowercase)
            .collect();
        let arguments = call
            .child_by_field_name("arguments")
            .map(children)
            .unwrap_or_default();
        let has_bool_default = arguments
            .iter()
            .any(|a| self.syntax.bool_kinds.contains(&a.kind()));
        // Unleash's `useFlag("k")` (and a home-grown `useUiFlag("k")`) is a
        // boolean; OpenFeature's `useFlag("k", default)` is a query object.
        let hook = normal.starts_with("use") && normal.ends_with("flag");
        let value = if NEGATED.contains(&normal.as_str()) {
            !on
        } else if BOOLEAN.contains(&normal.as_str())
            || ["is", "has", "check", "should", "can"]
                .iter()
                .any(|prefix| normal.starts_with(prefix))
            || hook && arguments.len() == 1
            || !hook && has_bool_default
            || !VALUED.iter().any(|word| normal.contains(word))
        {
            on
        } else {
            return Action::Leave(format!(
                "`{name}` returns a value, not on or off: replace it by hand"
            ));
        };
        if self.test
            && call
                .parent()
                .is_some_and(|p| self.syntax.argument_kinds.contains(&p.kind()))
        {
            return Action::Leave(
                "a test passes the flag's call to another (a stub or an assertion?): update it by hand"
                    .into(),
            );
        }
        let mut evaluation = call;
        if let Some(parent) = call
            .parent()
            .filter(|p| matches!(p.kind(), "await_expression" | "await"))
        {
            evaluation = parent;
        }
        let mut edits = Vec::new();
        if self.syntax.name == "go" {
            match self.go_second_result(evaluation) {
                Ok(Some(edit)) => edits.push(edit),
                Ok(None) => {}
                Err(reason) => return Action::Leave(reason.into()),
            }
        }
        edits.push(Edit::new(evaluation.byte_range(), marker(value, id)));
        Action::Rewrite(edits)
    }

    /// The call whose key argument (or callee, for a name that holds the
    /// key) is `key`.
    fn call_of(&self, key: Node<'a>) -> Option<Node<'a>> {
        let mut node = key;
        for _ in 0..6 {
            let parent = node.parent()?;
            let kind = parent.kind();
            if self.syntax.argument_kinds.contains(&kind) {
                let call = parent.parent()?;
                return self
                    .syntax
                    .call_kinds
                    .contains(&call.kind())
                    .then_some(call);
            }
            if self.syntax.call_kinds.contains(&kind)
                && (parent.child_by_field_name("function") == Some(node)
                    || parent.child_by_field_name("name") == Some(node))
            {
                return Some(parent);
            }
            if kind.contains("jsx")
                || kind.contains("statement")
                || kind.contains("block")
                || matches!(kind, "pair" | "object" | "dictionary" | "array" | "list")
            {
                return None;
            }
            node = parent;
        }
        None
    }

    fn why_no_call(&self, key: Node) -> String {
        let inside = |kinds: &[&str]| ancestors(key).take(4).any(|a| kinds.contains(&a.kind()));
        if inside(&[
            "jsx_opening_element",
            "jsx_self_closing_element",
            "jsx_attribute",
        ]) {
            "a JSX component that renders by the flag: not supported yet".into()
        } else if inside(&["pair", "object", "dictionary"]) {
            "the key is passed inside an object: not supported yet".into()
        } else if inside(&["array", "list"]) {
            "the key is one of a list of keys: not supported yet".into()
        } else {
            "a flag call cleanup cannot read: not supported yet".into()
        }
    }

    /// Go's `on, _ := client.BooleanValue(...)`: the second result must be
    /// ignored, and `on, _` becomes `on`.
    fn go_second_result(&self, call: Node<'a>) -> Result<Option<Edit>, &'static str> {
        let Some(list) = call.parent().filter(|p| p.kind() == "expression_list") else {
            return Ok(None);
        };
        let Some(statement) = list.parent() else {
            return Ok(None);
        };
        let Some(left) = statement.child_by_field_name("left") else {
            return Ok(None);
        };
        match children(left)[..] {
            [_] => Ok(None),
            [first, second] if self.text(second) == "_" && children(list).len() == 1 => {
                Ok(Some(Edit::new(left.byte_range(), self.text(first))))
            }
            _ => Err("the call's other result (an error) is used: replace it by hand"),
        }
    }

    /// `<IfFeatureEnabled feature="k">...</IfFeatureEnabled>`: a component
    /// that renders its children when the flag is on. On, the children
    /// take its place; off, it goes (or becomes `null` where a value is
    /// needed). Only a component with no other attribute, whose children
    /// are elements and text, and whose name says it renders when enabled.
    fn jsx_component(&self, key: Node<'a>, on: bool) -> Option<Action> {
        let attribute = ancestors(key)
            .take(3)
            .find(|a| a.kind() == "jsx_attribute")?;
        let opening = attribute.parent()?;
        let element = match opening.kind() {
            "jsx_opening_element" => opening.parent()?,
            "jsx_self_closing_element" => opening,
            _ => return None,
        };
        let leave = |reason: &str| Some(Action::Leave(reason.to_string()));
        let name: String = opening
            .child_by_field_name("name")
            .map_or("", |n| self.text(n))
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .flat_map(char::to_lowercase)
            .collect();
        let attributes = children(opening)
            .iter()
            .filter(|n| n.kind() == "jsx_attribute")
            .count();
        let renders_when_on =
            name.contains("enabled") || name == "featureflag" || name == "posthogfeature";
        if !renders_when_on || attributes != 1 {
            return leave("a JSX component that renders by the flag: not supported yet");
        }
        let content: Vec<Node> = children(element)
            .into_iter()
            .filter(|n| !matches!(n.kind(), "jsx_opening_element" | "jsx_closing_element"))
            .filter(|n| n.kind() != "jsx_text" || !self.text(*n).trim().is_empty())
            .collect();
        if content.iter().any(|n| {
            n.kind() == "jsx_expression"
                && n.named_child(0)
                    .is_some_and(|e| e.kind().contains("function"))
        }) {
            return leave("a JSX component with a render function: not supported yet");
        }
        let in_children = element
            .parent()
            .is_some_and(|p| matches!(p.kind(), "jsx_element" | "jsx_fragment"));
        let text = match (on, &content[..]) {
            (false, _) | (true, []) if in_children => {
                return Some(Action::Rewrite(vec![Edit::new(
                    super::edit::removal(self.source, element.byte_range()),
                    "",
                )]));
            }
            (false, _) | (true, []) => "null".to_string(),
            (true, [only])
                if only.kind() != "jsx_text"
                    && (in_children || only.kind() != "jsx_expression") =>
            {
                self.moved(only.byte_range(), element.start_byte())
            }
            (true, _) => {
                let closing = children(element)
                    .into_iter()
                    .find(|n| n.kind() == "jsx_closing_element")?;
                format!(
                    "<>{}</>",
                    &self.source[opening.end_byte()..closing.start_byte()]
                )
            }
        };
        Some(Action::Rewrite(vec![Edit::new(element.byte_range(), text)]))
    }
}
