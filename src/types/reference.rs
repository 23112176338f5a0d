//! What extraction reports: references to flags, and flag API calls whose
//! key cannot be known statically.

use serde::Serialize;

use super::location::Location;

/// How a reference was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RefKind {
    /// The key argument of a flag API call.
    Call,
    /// A string literal equal to a declared key or alias.
    Literal,
    /// A declared key or alias in a file no grammar covers.
    Text,
    /// A declared key or alias read from a flag object (`flags.a`,
    /// `const { a } = useFlags()`).
    Object,
}

impl RefKind {
    pub fn name(self) -> &'static str {
        match self {
            RefKind::Call => "call",
            RefKind::Literal => "literal",
            RefKind::Text => "text",
            RefKind::Object => "object",
        }
    }
}

/// One reference to a flag.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FlagRef {
    /// Out of extraction: the key as the code spells it (a key or an
    /// alias). Once indexed: the declared key an alias stands for.
    pub flag: String,
    pub location: Location,
    pub kind: RefKind,
    /// The grammar's name, or `text`.
    pub language: &'static str,
}

impl FlagRef {
    /// The order of output: by place, then by key.
    pub fn by_place(&self, other: &FlagRef) -> std::cmp::Ordering {
        (&self.location, &self.flag).cmp(&(&other.location, &other.flag))
    }
}

/// A flag API call whose key is not known statically.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DynamicKey {
    pub location: Location,
    /// The pattern the call matched.
    pub callee: String,
}
