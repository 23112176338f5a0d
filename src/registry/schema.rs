//! The JSON Schema of flags.toml, generated from the types that read it
//! (`raw.rs`) and from the tables that name flag types, fields, rules, SDK
//! presets and languages, so it cannot drift from what flaglint accepts.
//! `flags.schema.json` at the repository root is its output; a test keeps
//! the two equal.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::policy::{Field, FlagType};
use super::raw::{RawPolicy, RawRegistry};
use super::sdk;
use crate::types::Severity;
use crate::types::language;

/// The schema document, ready to write as `flags.schema.json`, given each
/// rule's name with its one-line description for `[rules]`.
pub fn json_schema<'a>(rules: impl IntoIterator<Item = (&'a str, String)>) -> serde_json::Value {
    let mut schema = schemars::schema_for!(RawRegistry);
    let level = one_of(&Severity::LEVEL_NAMES, "The rule's severity, or off.").to_value();
    let properties: serde_json::Map<String, serde_json::Value> = rules
        .into_iter()
        .map(|(name, description)| {
            let mut schema = level.clone();
            schema["description"] = description.into();
            (name.to_string(), schema)
        })
        .collect();
    if let Some(levels) = schema
        .get_mut("$defs")
        .and_then(|defs| defs.get_mut("RuleLevels"))
    {
        levels["properties"] = properties.into();
    }
    schema.insert("title".into(), "flaglint registry (flags.toml)".into());
    schema.insert(
        "description".into(),
        "Feature flags with their owners, types and expiry dates, the policy per type, rule severities and scan settings. See the flaglint README.".into(),
    );
    schema.to_value()
}

/// A string that is one of `names`.
fn one_of(names: &[&str], description: &str) -> Schema {
    json_schema!({
        "type": "string",
        "enum": names,
        "description": description,
    })
}

macro_rules! named_enum {
    ($type:ident, $names:expr, $description:literal) => {
        #[doc = $description]
        pub struct $type;

        impl JsonSchema for $type {
            fn schema_name() -> Cow<'static, str> {
                stringify!($type).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let names: Vec<&str> = $names;
                one_of(&names, $description)
            }
        }
    };
}

named_enum!(
    FlagTypeName,
    FlagType::ALL.iter().map(|t| t.name()).collect(),
    "The flag's type, which sets its policy."
);
named_enum!(
    FieldName,
    Field::ALL.iter().map(|f| f.name()).collect(),
    "A metadata field a policy can require."
);
named_enum!(SdkName, sdk::NAMES.to_vec(), "A built-in SDK preset.");
named_enum!(
    SpellingName,
    super::spelling::NAMES.to_vec(),
    "A case style whose spelling of a key is an alias."
);
named_enum!(
    LanguageName,
    language::NAMES.to_vec(),
    "A language flaglint parses."
);
named_enum!(
    KeyModeName,
    vec!["string", "name"],
    "How the key argument spells the key: a string (or constant), or the last segment of a name."
);

/// A TOML local date such as `2026-12-01`, which TOML tools present to JSON
/// Schema as a string in `date` format.
pub struct TomlDate;

impl JsonSchema for TomlDate {
    fn schema_name() -> Cow<'static, str> {
        "TomlDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A TOML local date, without quotes: 2026-12-01.",
        })
    }
}

/// `[policy.<type>]`: one optional table per flag type.
pub struct PolicyTables;

impl JsonSchema for PolicyTables {
    fn schema_name() -> Cow<'static, str> {
        "PolicyTables".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let policy = generator.subschema_for::<RawPolicy>();
        let properties: serde_json::Map<String, serde_json::Value> = FlagType::ALL
            .iter()
            .map(|t| (t.name().to_string(), policy.clone().to_value()))
            .collect();
        json_schema!({
            "type": "object",
            "description": "Overrides of a flag type's default policy.",
            "properties": properties,
            "additionalProperties": false,
        })
    }
}

/// `[rules]`: a severity for any rule. The rules themselves sit above the
/// registry, so their names come in through [`json_schema`].
pub struct RuleLevels;

impl JsonSchema for RuleLevels {
    fn schema_name() -> Cow<'static, str> {
        "RuleLevels".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "Severity overrides by rule name.",
            "properties": {},
            "additionalProperties": false,
        })
    }
}
