//! The language names the registry accepts (`languages = [...]` in
//! `[[scan.calls]]`, `language` in `[[scan.queries]]`, the SDK presets).
//! The grammar table in `extract::lang` covers each of them; a unit
//! test there keeps the two together.

/// Every language name the registry accepts.
pub const NAMES: [&str; 11] = [
    "rust",
    "python",
    "javascript",
    "typescript",
    "go",
    "java",
    "ruby",
    "csharp",
    "kotlin",
    "php",
    "bash",
];
