//! Go rejects a local variable that is declared and not used. When the
//! branch cleanup removed held a variable's only uses, the declaration
//! (whose value may have effects) is listed for a person rather than
//! removed.

use super::fold::Code;
use super::imports::Uses;

impl Code<'_> {
    /// The Go locals this text declares and no longer uses, though the
    /// text before cleanup (`before`) used them: name and 1-based line.
    pub fn unused_locals(&self, before: &Uses) -> Vec<(String, usize)> {
        if self.syntax.name != "go" {
            return Vec::new();
        }
        let now = self.name_uses();
        let mut declared: Vec<(String, usize)> = Vec::new();
        let mut cursor = self.root.walk();
        loop {
            let node = cursor.node();
            if node.kind() == "short_var_declaration" || node.kind() == "var_spec" {
                let names = match node.child_by_field_name("left") {
                    Some(left) => super::syntax::children(left),
                    None => {
                        let mut names = node.walk();
                        node.children_by_field_name("name", &mut names).collect()
                    }
                };
                for name in names {
                    let text = self.text(name);
                    if text != "_" {
                        declared.push((text.to_string(), name.start_position().row + 1));
                    }
                }
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return declared
                        .iter()
                        .filter(|(name, _)| {
                            let declarations = declared.iter().filter(|(n, _)| n == name).count();
                            let after = now.get(name).copied().unwrap_or(0);
                            after == declarations && before.get(name).copied().unwrap_or(0) > after
                        })
                        .cloned()
                        .collect();
                }
            }
        }
    }
}
