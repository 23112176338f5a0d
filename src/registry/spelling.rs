//! Generated spellings: the other ways code writes a key. LaunchDarkly's
//! React SDK reads `release-new-search` as `releaseNewSearch`; constants
//! spell it `RELEASE_NEW_SEARCH`. `spellings = ["camelCase"]` under `[scan]`
//! (every flag) or in a flag's entry (that flag) makes them aliases, as
//! LaunchDarkly's code-reference tool offers.

/// The case styles flaglint can generate, as `spellings` names them.
pub const NAMES: [&str; 6] = [
    "camelCase",
    "PascalCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "dot.case",
];

/// `key` in the case style `style` (one of [`NAMES`]); `None` for an unknown
/// style.
pub fn generate(key: &str, style: &str) -> Option<String> {
    let words = words(key);
    let capitalized = || words.iter().map(|w| capitalize(w)).collect::<String>();
    Some(match style {
        "camelCase" => {
            let mut out = words.first().cloned().unwrap_or_default();
            out.extend(words.iter().skip(1).map(|w| capitalize(w)));
            out
        }
        "PascalCase" => capitalized(),
        "snake_case" => words.join("_"),
        "SCREAMING_SNAKE_CASE" => words.join("_").to_uppercase(),
        "kebab-case" => words.join("-"),
        "dot.case" => words.join("."),
        _ => return None,
    })
}

/// The lowercase words of `key`: split at separators (anything not a letter
/// or digit) and where a lowercase letter or digit meets an uppercase one
/// (`newUI2` is `new`, `ui2`), as lodash's `camelCase` splits them.
fn words(key: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous: Option<char> = None;
    for c in key.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous = None;
            continue;
        }
        let boundary =
            c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit());
        if boundary && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
        previous = Some(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::generate;

    #[test]
    fn every_style_of_a_key() {
        let key = "release-new_search.v2";
        let all: Vec<String> = super::NAMES
            .iter()
            .map(|style| generate(key, style).unwrap())
            .collect();
        assert_eq!(
            all,
            [
                "releaseNewSearchV2",
                "ReleaseNewSearchV2",
                "release_new_search_v2",
                "RELEASE_NEW_SEARCH_V2",
                "release-new-search-v2",
                "release.new.search.v2",
            ]
        );
        assert_eq!(generate("newUI", "kebab-case").unwrap(), "new-ui");
        assert_eq!(generate("x", "Title Case"), None);
    }
}
