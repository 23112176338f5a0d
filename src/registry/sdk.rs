//! Built-in call patterns for flag SDKs, enabled with `[scan] sdks = [...]`.
//!
//! The presets are data: `sdk_presets.toml`, one row per SDK and group of
//! languages that spell its methods alike, each citing where it was
//! confirmed. It is compiled into the binary and read once.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::types::{Argument, CallPattern, KeyMode, ObjectSource};

/// One row of `sdk_presets.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SdkCalls {
    sdk: String,
    /// Languages whose SDK spells the methods this way.
    languages: Vec<String>,
    #[serde(default)]
    methods: Vec<String>,
    /// The key's position among the call's positional arguments.
    key_argument: Option<usize>,
    /// The key's keyword, where callers may pass it by name.
    keyword: Option<String>,
    /// For JSX components (`methods` are their names): the attribute that
    /// holds the key, as in `<IfFeatureEnabled feature="k">`.
    attribute: Option<String>,
    /// Calls with fewer positional arguments are not this API (common
    /// method names whose SDK form is long).
    min_arguments: Option<usize>,
    /// Where the client-side form of the same methods puts the key, when
    /// the server-side form puts a user first (`key_argument`).
    client_key_argument: Option<usize>,
    /// Expressions that yield an object keyed by flags: `useFlags()`.
    #[serde(default)]
    objects: Vec<String>,
    /// Case styles the SDK spells keys in.
    #[serde(default)]
    spellings: Vec<String>,
    /// Where the row was confirmed.
    #[allow(dead_code)]
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Presets {
    preset: Vec<SdkCalls>,
}

static SDK_CALLS: LazyLock<Vec<SdkCalls>> = LazyLock::new(|| {
    toml::from_str::<Presets>(include_str!("sdk_presets.toml"))
        .expect("sdk_presets.toml is valid (a unit test checks it)")
        .preset
});

/// Every preset name `[scan] sdks` accepts.
pub const NAMES: [&str; 12] = [
    "openfeature",
    "launchdarkly",
    "unleash",
    "flagsmith",
    "growthbook",
    "statsig",
    "split",
    "posthog",
    "configcat",
    "devcycle",
    "eppo",
    "optimizely",
];

/// Files that name a repository's dependencies, by file name (a `.csproj`
/// by extension).
pub const MANIFESTS: [&str; 11] = [
    "Cargo.toml",
    "package.json",
    "go.mod",
    "pyproject.toml",
    "requirements.txt",
    "Pipfile",
    "Gemfile",
    "pom.xml",
    "build.gradle",
    "build.gradle.kts",
    "composer.json",
];

/// How each SDK's packages are spelled in manifests (lowercase), per
/// ecosystem: npm, crates.io, PyPI, Go modules, Maven, NuGet, RubyGems,
/// Packagist.
const PACKAGES: [(&str, &[&str]); 12] = [
    (
        "openfeature",
        &["@openfeature/", "open-feature", "openfeature"],
    ),
    ("launchdarkly", &["launchdarkly"]),
    ("unleash", &["unleash"]),
    ("flagsmith", &["flagsmith"]),
    ("growthbook", &["growthbook"]),
    ("statsig", &["statsig"]),
    ("split", &["@splitsoftware/", "splitio", "io.split."]),
    ("posthog", &["posthog"]),
    ("configcat", &["configcat"]),
    ("devcycle", &["devcycle"]),
    (
        "eppo",
        &[
            "@eppo/",
            "eppo-server-sdk",
            "eppo_client",
            "eppo-exp/",
            "cloud.eppo",
        ],
    ),
    ("optimizely", &["optimizely"]),
];

/// Whether `name` is a dependency manifest.
pub fn is_manifest(name: &str) -> bool {
    MANIFESTS.contains(&name)
        || name.ends_with(".csproj")
        || (name.starts_with("requirements") && name.ends_with(".txt"))
}

/// The presets whose SDK a manifest's text names.
pub fn named_in_manifest(text: &str) -> Vec<&'static str> {
    let text = text.to_ascii_lowercase();
    PACKAGES
        .iter()
        .filter(|(_, spellings)| spellings.iter().any(|s| text.contains(s)))
        .map(|(sdk, _)| *sdk)
        .collect()
}

/// What a preset turns on.
#[derive(Debug, Default)]
pub struct Preset {
    pub calls: Vec<CallPattern>,
    /// Flag objects (`useFlags()`).
    pub objects: Vec<ObjectSource>,
    /// Case styles the SDK spells keys in (LaunchDarkly's React SDK
    /// camel-cases them), generated for every flag.
    pub spellings: Vec<String>,
}

/// The preset `name`, or `None` for an unknown name.
pub fn preset(name: &str) -> Option<Preset> {
    if !NAMES.contains(&name) {
        return None;
    }
    let mut preset = Preset::default();
    for entry in SDK_CALLS.iter().filter(|entry| entry.sdk == name) {
        let argument = Argument {
            position: entry.key_argument,
            keyword: entry.keyword.clone().or_else(|| entry.attribute.clone()),
            client_position: entry.client_key_argument,
            min_arguments: entry.min_arguments.unwrap_or(0),
            field: None,
        };
        preset.calls.extend(entry.methods.iter().map(|method| {
            CallPattern::new(
                method,
                argument.clone(),
                KeyMode::String,
                entry.languages.clone(),
            )
            .expect("preset methods are identifiers")
        }));
        preset.objects.extend(entry.objects.iter().map(|source| {
            ObjectSource::new(source, entry.languages.clone()).expect("preset objects are paths")
        }));
        for style in &entry.spellings {
            if !preset.spellings.contains(style) {
                preset.spellings.push(style.clone());
            }
        }
    }
    Some(preset)
}

/// Every (SDK, language) pair the presets cover, sorted.
pub fn pairs() -> Vec<(&'static str, &'static str)> {
    let mut pairs: Vec<_> = SDK_CALLS
        .iter()
        .flat_map(|entry| {
            entry
                .languages
                .iter()
                .map(move |language| (entry.sdk.as_str(), language.as_str()))
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::language;

    #[test]
    fn every_row_is_valid() {
        assert!(!SDK_CALLS.is_empty());
        for entry in SDK_CALLS.iter() {
            assert!(
                NAMES.contains(&entry.sdk.as_str()),
                "unknown SDK {}",
                entry.sdk
            );
            for language in &entry.languages {
                assert!(
                    language::NAMES.contains(&language.as_str()),
                    "{}: {language}",
                    entry.sdk
                );
            }
            assert!(
                entry.key_argument.is_some()
                    || entry.keyword.is_some()
                    || entry.attribute.is_some()
                    || (entry.methods.is_empty() && !entry.objects.is_empty()),
                "{}",
                entry.sdk
            );
            for style in &entry.spellings {
                assert!(super::super::spelling::NAMES.contains(&style.as_str()));
            }
            assert!(
                (!entry.methods.is_empty() || !entry.objects.is_empty())
                    && !entry.source.is_empty(),
                "{}",
                entry.sdk
            );
        }
    }

    #[test]
    fn manifests_name_their_sdks() {
        let package = r#"{"dependencies": {"@growthbook/growthbook-react": "1", "launchdarkly-react-client-sdk": "3"}}"#;
        assert_eq!(named_in_manifest(package), ["launchdarkly", "growthbook"]);
        assert_eq!(
            named_in_manifest("require github.com/open-feature/go-sdk v1.9.0"),
            ["openfeature"]
        );
        assert!(named_in_manifest("[dependencies]\nserde = \"1\"").is_empty());
        assert!(PACKAGES.iter().all(|(sdk, _)| NAMES.contains(sdk)));
        assert!(is_manifest("requirements-dev.txt") && is_manifest("App.csproj"));
    }

    #[test]
    fn every_name_has_patterns() {
        for name in NAMES {
            assert!(!preset(name).unwrap().calls.is_empty(), "{name}");
        }
        assert!(preset("unknown").is_none());
    }
}
