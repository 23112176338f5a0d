//! Extraction in every grammar: calls and their arguments, constants,
//! macros, raw strings, method chains, comments and doc comments. The
//! extractor is built from its own settings, with no registry.

use crate::extract::{Extractor, Settings, language};
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
    }
}

/// `(flag, kind, line)` of every reference, and the lines of dynamic keys.
fn extract(source: &str) -> (Vec<(String, RefKind, usize)>, Vec<usize>) {
    extract_file("x.rs", source)
}

/// Like `extract`, for the language of `path`.
fn extract_file(path: &str, source: &str) -> (Vec<(String, RefKind, usize)>, Vec<usize>) {
    let extractor = Extractor::new(settings()).unwrap();
    let language = language::for_path(std::path::Path::new(path));
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

fn call(flag: &str, line: usize) -> (String, RefKind, usize) {
    (flag.to_string(), RefKind::Call, line)
}

fn literal(flag: &str, line: usize) -> (String, RefKind, usize) {
    (flag.to_string(), RefKind::Literal, line)
}

#[test]
fn paths_and_method_chains() {
    let source = r#"
fn f(client: &Client) {
    flags::is_enabled("new-ui");
    crate::flags::is_enabled("dark-mode");
    client.lock().unwrap().is_on(&ctx, "new-ui");
    other::is_enabled("dark-mode");
}
"#;
    let (refs, dynamic) = extract(source);
    assert_eq!(
        refs,
        [
            call("new-ui", 3),
            call("dark-mode", 4),
            call("new-ui", 5),
            literal("dark-mode", 6)
        ]
    );
    assert!(dynamic.is_empty());
}

#[test]
fn comments_and_doc_comments_never_count() {
    let source = r#"
/// Call `flags::is_enabled("new-ui")` to check.
//! flags::is_enabled("dark-mode")
fn f() {
    // flags::is_enabled("new-ui");
    /* flags::is_enabled("dark-mode") */
    flags::is_enabled(/* "new-ui" */ "dark-mode");
}
"#;
    let (refs, dynamic) = extract(source);
    assert_eq!(refs, [call("dark-mode", 7)]);
    assert!(dynamic.is_empty());
}

#[test]
fn raw_and_byte_strings_and_conversions() {
    let source = r##"
fn f() {
    flags::is_enabled(r#"new-ui"#);
    flags::is_enabled(&"dark-mode".to_string());
    flags::is_enabled(String::from("new-ui"));
    let bytes = b"dark-mode";
}
"##;
    let (refs, _) = extract(source);
    assert_eq!(
        refs,
        [
            call("new-ui", 3),
            call("dark-mode", 4),
            call("new-ui", 5),
            literal("dark-mode", 6)
        ]
    );
}

#[test]
fn constants_in_the_same_file_and_aliases() {
    let source = r#"
fn f() {
    flags::is_enabled(DARK);
    flags::is_enabled(keys::UNKNOWN);
    flags::is_enabled(NEW_UI);
}
const DARK: &str = "dark-mode";
const NEW_UI: &str = "NEW_UI";
"#;
    let (refs, dynamic) = extract(source);
    assert_eq!(
        refs,
        [
            call("dark-mode", 3),
            // Extraction reports the alias as spelled; the index resolves it.
            call("NEW_UI", 5),
            literal("dark-mode", 7),
            literal("NEW_UI", 8)
        ]
    );
    assert_eq!(dynamic, [4]);
}

#[test]
fn nested_calls_and_dynamic_keys() {
    let source = r#"
fn f(name: &str) {
    render(flags::is_enabled("new-ui"), flags::is_enabled(name));
    flags::is_enabled(&format!("{}-mode", name));
    flags::is_enabled();
}
"#;
    let (refs, dynamic) = extract(source);
    assert_eq!(refs, [call("new-ui", 3)]);
    assert_eq!(dynamic, [3, 4]);
}

#[test]
fn keys_given_by_name() {
    let source = "fn f() { Feature::enabled(Flags::NewUi); }";
    let (refs, _) = extract(source);
    assert_eq!(refs, [call("NewUi", 1)]);
}

#[test]
fn calls_inside_macro_arguments() {
    let source = r#"
fn f() {
    println!("{}", "new-ui");
    assert!(flags::is_enabled("dark-mode"), "message");
    vec![flags::is_enabled(key)];
    m!(flags::is_enabled(/* c */ "new-ui"), flags::is_enabled(&DARK));
    m!(flags::is_enabled("dark-mode".to_string()), flags::is_enabled(String::from("new-ui")));
}
const DARK: &str = "dark-mode";
"#;
    let (mut refs, dynamic) = extract(source);
    refs.sort();
    let mut expected = vec![
        literal("new-ui", 3),
        call("dark-mode", 4),
        call("new-ui", 6),
        call("dark-mode", 6),
        call("dark-mode", 7),
        call("new-ui", 7),
        literal("dark-mode", 9),
    ];
    expected.sort();
    assert_eq!(refs, expected);
    assert_eq!(dynamic, [5]);
}

#[test]
fn unparsable_code_still_yields_what_parses() {
    let source = "fn f( { flags::is_enabled(\"new-ui\"); ";
    let (refs, _) = extract(source);
    assert_eq!(refs.len(), 1, "{refs:?}");
}

#[test]
fn python_calls_keywords_constants_and_docstrings() {
    let source = r#""""Module docstring: flags.is_enabled("new-ui")."""
KEY = "dark-mode"

def f(client):
    """Function docstring "new-ui"."""
    # flags.is_enabled("new-ui")
    flags.is_enabled("new-ui", default=False)
    client.get_boolean_value(default_value=False, flag_key=KEY)
    flags.is_enabled(f"new-{x}")
    return 'dark-mode'
"#;
    let (refs, dynamic) = extract_file("x.py", source);
    assert_eq!(
        refs,
        [
            literal("dark-mode", 2),
            call("new-ui", 7),
            call("dark-mode", 8),
            literal("dark-mode", 10)
        ]
    );
    assert_eq!(dynamic, [9]);
}

#[test]
fn javascript_typescript_and_tsx() {
    let source = r#"
const KEY = "dark-mode";
// flags.is_enabled("new-ui")
/* flags.is_enabled("new-ui") */
flags.is_enabled(`new-ui`);
flags.is_enabled(KEY);
flags.is_enabled(`new-${x}`);
"#;
    for path in ["x.js", "x.jsx", "x.ts", "x.tsx"] {
        let (refs, dynamic) = extract_file(path, source);
        assert_eq!(
            refs,
            [
                literal("dark-mode", 2),
                call("new-ui", 5),
                call("dark-mode", 6)
            ],
            "{path}"
        );
        assert_eq!(dynamic, [7], "{path}");
    }
    let jsx = r#"const App = () => <Flag name="new-ui" />;"#;
    assert_eq!(extract_file("x.tsx", jsx).0, [literal("new-ui", 1)]);
}

#[test]
fn go_raw_strings_and_constants() {
    let source = r#"package main

const Key = "dark-mode"

func f() {
	// flags.is_enabled("new-ui")
	flags.is_enabled(`new-ui`)
	flags.is_enabled(Key)
}
"#;
    let (refs, _) = extract_file("x.go", source);
    assert_eq!(
        refs,
        [
            literal("dark-mode", 3),
            call("new-ui", 7),
            call("dark-mode", 8)
        ]
    );
}

#[test]
fn java_receivers_and_constants() {
    let source = r#"class A {
  static final String KEY = "dark-mode";
  void f() {
    // flags.is_enabled("new-ui");
    flags.is_enabled("new-ui");
    is_on(ctx, KEY);
  }
}
"#;
    let (refs, _) = extract_file("A.java", source);
    assert_eq!(
        refs,
        [
            literal("dark-mode", 2),
            call("new-ui", 5),
            call("dark-mode", 6)
        ]
    );
}

#[test]
fn ruby_symbols_and_question_marks() {
    let source = r#"KEY = "dark-mode"
# flags.is_enabled("new-ui")
Flipper.enabled?(:"new-ui", user)
flags.is_enabled(KEY)
flags.is_enabled("new-#{x}")
"#;
    let (refs, dynamic) = extract_file("x.rb", source);
    assert_eq!(
        refs,
        [
            literal("dark-mode", 1),
            call("new-ui", 3),
            call("dark-mode", 4)
        ]
    );
    assert_eq!(dynamic, [5]);
}

#[test]
fn csharp_kotlin_and_php() {
    let csharp = r#"class A {
  const string Key = "dark-mode";
  void F() {
    // flags.is_enabled("new-ui");
    flags.is_enabled(@"new-ui");
    flags.is_enabled(Key);
    flags.is_enabled($"new-{x}");
  }
}
"#;
    let (refs, dynamic) = extract_file("A.cs", csharp);
    assert_eq!(
        refs,
        [
            literal("dark-mode", 2),
            call("new-ui", 5),
            call("dark-mode", 6)
        ]
    );
    assert_eq!(dynamic, [7]);

    let kotlin = r#"const val KEY = "dark-mode"
fun f() {
    // flags.is_enabled("new-ui")
    flags.is_enabled("new-ui")
    flags.is_enabled(KEY)
    flags.is_enabled("new-$x")
}
"#;
    let (refs, dynamic) = extract_file("a.kt", kotlin);
    assert_eq!(
        refs,
        [
            literal("dark-mode", 1),
            call("new-ui", 4),
            call("dark-mode", 5)
        ]
    );
    assert_eq!(dynamic, [6]);

    let php = r#"<?php
const KEY = 'dark-mode';
// $flags->is_enabled("new-ui");
$flags->is_enabled('new-ui');
flags::is_enabled(KEY);
$flags->is_enabled("new-$x");
"#;
    let (refs, dynamic) = extract_file("a.php", php);
    assert_eq!(
        refs,
        [
            literal("dark-mode", 2),
            call("new-ui", 4),
            call("dark-mode", 5)
        ]
    );
    assert_eq!(dynamic, [6]);
}
