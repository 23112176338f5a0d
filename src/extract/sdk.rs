//! Built-in call patterns for flag SDKs, enabled with `[scan] sdks = [...]`.
//!
//! Each entry is taken from the SDK's own documentation: the method names and
//! the position of the key among the arguments.

use super::calls::{Argument, CallPattern, KeyMode};

struct SdkCalls {
    sdk: &'static str,
    language: &'static str,
    methods: &'static [&'static str],
    key_argument: usize,
}

const SDK_CALLS: &[SdkCalls] = &[
    // open-feature crate: `client.get_bool_value("flag-key", Some(&ctx), None)`.
    SdkCalls {
        sdk: "openfeature",
        language: "rust",
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
    },
    // launchdarkly-server-sdk crate: `client.bool_variation(&context, "flag-key", false)`.
    SdkCalls {
        sdk: "launchdarkly",
        language: "rust",
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
            entry.methods.iter().map(|method| {
                CallPattern::new(
                    method,
                    Argument::at(entry.key_argument),
                    KeyMode::String,
                    vec![entry.language.to_string()],
                )
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
