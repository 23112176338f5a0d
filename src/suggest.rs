//! "Did you mean ...?" hints for names a user mistyped.

/// Words longer than this get no suggestion.
const MAX_WORD_BYTES: usize = 512;

/// The candidate closest to `word`, if any is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Comparing costs the product of the lengths: a word far longer than
    // any key (a registry key is at most 256 bytes) is no typo of one.
    if word.len() > MAX_WORD_BYTES {
        return None;
    }
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// A help line: "did you mean `x`?" when a close match exists, else the list
/// of what is accepted.
pub fn hint(word: &str, candidates: &[&str]) -> String {
    match closest(word, candidates.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("expected one of: {}", quoted_list(candidates)),
    }
}

pub fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_close_match() {
        let types = ["release", "ops", "experiment", "permission", "migration"];
        assert_eq!(closest("relase", types), Some("release"));
        assert_eq!(closest("experiement", types), Some("experiment"));
        assert_eq!(closest("zzz", types), None);
    }

    #[test]
    fn lists_candidates_without_a_close_match() {
        assert_eq!(hint("zzz", &["a", "b"]), "expected one of: `a`, `b`");
    }
}
