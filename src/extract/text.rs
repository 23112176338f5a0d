//! Text references: a declared key or alias standing between
//! non-identifier characters in a file no grammar covers (YAML, JSON, TOML,
//! .env, templates).

use super::{Extractor, FileRefs};
use crate::types::{FlagRef, LineIndex, RefKind};

/// Characters that continue a key: a match with one of these on either side
/// is part of a longer word, not the key.
fn continues_key(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

pub(super) fn extract(extractor: &Extractor, source: &str, path: &str) -> FileRefs {
    let lines = LineIndex::new(source);
    let mut refs = Vec::new();
    for found in extractor.spelling_matcher.find(source) {
        let (start, end) = (found.start, found.end);
        let before = source[..start].chars().next_back();
        let after = source[end..].chars().next();
        if before.is_some_and(continues_key) || after.is_some_and(continues_key) {
            continue;
        }
        let spelling = &extractor.spelling_list[found.needle];
        refs.push(FlagRef {
            flag: spelling.clone(),
            location: lines.location(source, path, start..end),
            kind: RefKind::Text,
            language: "text",
        });
    }
    FileRefs {
        refs,
        ..FileRefs::default()
    }
}
