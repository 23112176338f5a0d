//! Any bytes as source in every language: the first byte picks the grammar
//! (or plain text), the rest is the file. Extraction never panics, and every
//! reference it reports points inside the file.
#![no_main]

use std::sync::OnceLock;

use flaglint::extract::Extractor;
use flaglint::extract::lang::LANGUAGES;
use flaglint::registry::Registry;
use libfuzzer_sys::fuzz_target;

/// Keys, an alias, a custom call and every SDK preset, so that calls,
/// constants and literals all have something to match.
const REGISTRY: &str = r#"
[scan]
sdks = ["openfeature", "launchdarkly", "unleash", "flagsmith", "growthbook", "statsig", "split"]

[[scan.calls]]
callee = "flags.is_enabled"

[[scan.calls]]
callee = "flags::is_enabled"

[flags.new-ui]
type = "ops"
owner = "team"
aliases = ["new_ui", "NewUi"]

[flags.k]
type = "ops"
owner = "team"
"#;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        let path = std::path::PathBuf::from("flags.toml");
        let registry = Registry::from_bytes(path, "flags.toml", REGISTRY.as_bytes().to_vec())
            .expect("the fuzz registry is valid");
        flaglint::pipeline::prepare(registry, Default::default())
            .expect("the fuzz registry is valid")
            .extractor
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    let language = LANGUAGES.get(usize::from(selector) % (LANGUAGES.len() + 1));
    let found = extractor().extract_source(source, "f", language);
    for reference in &found.refs {
        let span = &reference.location.span;
        assert!(span.start <= span.end && span.end <= source.len());
        assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
    }
    for dynamic in &found.dynamic {
        assert!(dynamic.location.span.end <= source.len());
    }
});
