//! The JSON Schema of flags.toml: `flags.schema.json` must be what the
//! registry types generate (`FLAGLINT_BLESS=1` rewrites it), and every
//! registry in the README and in testdata must validate against it.

use std::path::Path;

fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string("flags.schema.json").unwrap()).unwrap()
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = flaglint::pipeline::registry_schema();
    if std::env::var_os("FLAGLINT_BLESS").is_some() {
        let mut text = serde_json::to_string_pretty(&generated).unwrap();
        text.push('\n');
        std::fs::write("flags.schema.json", text).unwrap();
    }
    assert_eq!(
        schema(),
        generated,
        "flags.schema.json is stale: run FLAGLINT_BLESS=1 cargo test --test schema"
    );
}

/// TOML as JSON Schema tools see it: dates become strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(table) => table
            .into_iter()
            .map(|(k, v)| (k, to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

fn errors(validator: &jsonschema::Validator, toml_text: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(toml_text).expect("the registry is TOML");
    let json = to_json(value);
    validator
        .iter_errors(&json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn registries(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && path.file_name().unwrap() != "registry-errors" {
            registries(&path, found);
        } else if path.file_name().unwrap() == "flags.toml" {
            found.push(path);
        }
    }
}

#[test]
fn the_readme_and_testdata_registries_validate() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let readme = std::fs::read_to_string("README.md").unwrap();
    let blocks: Vec<&str> = readme
        .split("```toml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect();
    assert!(
        blocks.len() >= 5,
        "the README's registry examples were not found"
    );
    for block in blocks {
        let found = errors(&validator, block);
        assert!(
            found.is_empty(),
            "README block does not validate:\n{block}\n{}",
            found.join("\n")
        );
    }
    let mut files = vec![std::path::PathBuf::from("flags.toml")];
    registries(Path::new("testdata"), &mut files);
    assert!(files.len() >= 20, "only {} registries found", files.len());
    for file in files {
        let found = errors(&validator, &std::fs::read_to_string(&file).unwrap());
        assert!(
            found.is_empty(),
            "{} does not validate:\n{}",
            file.display(),
            found.join("\n")
        );
    }
}

#[test]
fn the_schema_rejects_what_flaglint_rejects() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for dir in [
        "unknown-type",
        "unknown-field",
        "unknown-rule",
        "unknown-sdk",
        "missing-type",
    ] {
        let text =
            std::fs::read_to_string(format!("testdata/registry-errors/{dir}/flags.toml")).unwrap();
        assert!(
            !errors(&validator, &text).is_empty(),
            "{dir} validates but flaglint rejects it"
        );
    }
}
