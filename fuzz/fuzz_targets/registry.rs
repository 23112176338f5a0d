//! Any bytes as flags.toml: flaglint either loads a registry or returns an
//! error that renders (spans inside the text), and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::PathBuf::from("flags.toml");
    // Loading is reading the file and preparing what the later stages take
    // from it (`[rules]`, custom queries): either may fail.
    let loaded = flaglint::registry::Registry::from_bytes(path, "flags.toml", data.to_vec())
        .and_then(|registry| flaglint::pipeline::prepare(registry, Default::default()));
    if let Err(report) = loaded {
        let mut rendered = String::new();
        miette::GraphicalReportHandler::new()
            .render_report(&mut rendered, report.as_ref())
            .expect("a registry error renders");
    }
});
