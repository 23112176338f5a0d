//! Unit-test helpers: one extractor with the spellings and call patterns
//! the language and shape tests look for, and a file's references in a
//! form short enough to compare.

use crate::extract::{Extractor, Settings, lang};
use crate::types::{Argument, CallPattern, KeyMode, RefKind};

/// The spellings and call patterns every test here looks for.
fn settings() -> Settings {
    let call = |callee: &str, argument: Argument, key: KeyMode| {
        CallPattern::new(callee, argument, key, vec![]).unwrap()
    };
    Settings {
        spellings: ["new-ui", "NEW_UI", "dark-mode"].map(String::from).to_vec(),
        calls: vec![
            call("flags::is_enabled", Argument::at(0), KeyMode::String),
            call("is_on", Argument::at(1), KeyMode::String),
            call("Feature::enabled", Argument::at(0), KeyMode::Name),
            call(
                "get_boolean_value",
                Argument::named("flag_key"),
                KeyMode::String,
            ),
            call("Flipper.enabled?", Argument::at(0), KeyMode::String),
        ],
        objects: Vec::new(),
        queries: Vec::new(),
        follow_links: false,
        outputs: Vec::new(),
        generated: None,
        exhaustive: false,
    }
}

/// `(flag, kind, line)` of every reference in `source`, read as the
/// language of `path`, and the lines of dynamic keys.
pub(super) fn extract_file(
    path: &str,
    source: &str,
) -> (Vec<(String, RefKind, usize)>, Vec<usize>) {
    let extractor = Extractor::new(settings()).unwrap();
    let language = lang::for_path(std::path::Path::new(path));
    assert!(language.is_some(), "no grammar for {path}");
    let found = extractor.extract_source(source, path, language);
    let mut refs: Vec<_> = found
        .refs
        .into_iter()
        .map(|r| (r.flag, r.kind, r.location.line))
        .collect();
    refs.sort_by_key(|r| r.2);
    // Alone, a file cannot resolve a constant defined elsewhere: such a key
    // stays unknown, as it does when no other file defines it.
    let dynamic = found
        .dynamic
        .iter()
        .chain(found.elsewhere.iter().map(|e| &e.call));
    let mut lines: Vec<usize> = dynamic.map(|d| d.location.line).collect();
    lines.sort();
    (refs, lines)
}

pub(super) fn call(flag: &str, line: usize) -> (String, RefKind, usize) {
    (flag.to_string(), RefKind::Call, line)
}

pub(super) fn literal(flag: &str, line: usize) -> (String, RefKind, usize) {
    (flag.to_string(), RefKind::Literal, line)
}
