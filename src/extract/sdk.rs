//! Built-in call patterns for flag SDKs, enabled with `[scan] sdks = [...]`.
//!
//! Each entry is taken from the SDK's own documentation: the method names and
//! the position of the key among the arguments.

use super::calls::{Argument, CallPattern, KeyMode};

struct SdkCalls {
    sdk: &'static str,
    /// Languages whose SDK spells the methods this way.
    languages: &'static [&'static str],
    methods: &'static [&'static str],
    /// The key's position among the call's arguments.
    key_argument: usize,
    /// The key's keyword, where callers may pass it by name.
    keyword: Option<&'static str>,
}

const SDK_CALLS: &[SdkCalls] = &[
    // open-feature crate: `client.get_bool_value("flag-key", Some(&ctx), None)`.
    SdkCalls {
        sdk: "openfeature",
        languages: &["rust"],
        methods: &[
            "get_bool_value",
            "get_int_value",
            "get_float_value",
            "get_string_value",
            "get_struct_value",
            "get_bool_details",
            "get_int_details",
            "get_float_details",
            "get_string_details",
            "get_struct_details",
        ],
        key_argument: 0,
        keyword: None,
    },
    // launchdarkly-server-sdk crate: `client.bool_variation(&context, "flag-key", false)`.
    SdkCalls {
        sdk: "launchdarkly",
        languages: &["rust"],
        methods: &[
            "bool_variation",
            "str_variation",
            "float_variation",
            "int_variation",
            "json_variation",
            "bool_variation_detail",
            "str_variation_detail",
            "float_variation_detail",
            "int_variation_detail",
            "json_variation_detail",
            "variation",
            "variation_detail",
        ],
        key_argument: 1,
        keyword: None,
    },
];

/// Every preset name `[scan] sdks` accepts.
pub const NAMES: [&str; 2] = ["openfeature", "launchdarkly"];

/// The call patterns of the preset `name`, or `None` for an unknown name.
pub fn preset(name: &str) -> Option<Vec<CallPattern>> {
    if !NAMES.contains(&name) {
        return None;
    }
    let patterns = SDK_CALLS
        .iter()
        .filter(|entry| entry.sdk == name)
        .flat_map(|entry| {
            let argument = Argument {
                position: Some(entry.key_argument),
                keyword: entry.keyword.map(str::to_string),
            };
            let languages: Vec<String> = entry.languages.iter().map(|l| l.to_string()).collect();
            entry.methods.iter().map(move |method| {
                CallPattern::new(method, argument.clone(), KeyMode::String, languages.clone())
                    .expect("preset methods are identifiers")
            })
        })
        .collect();
    Some(patterns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_patterns() {
        for name in NAMES {
            assert!(!preset(name).unwrap().is_empty(), "{name}");
        }
        assert!(preset("unknown").is_none());
    }
}
