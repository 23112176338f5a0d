//! Shapes of each language, cleaned in memory: every `"k"` in the source is
//! a call reference's key (as extraction would report it).

use super::file::{Parsing, clean};
use super::lang::for_language;
use crate::types::{FlagRef, Location, RefKind};

/// `source` (a file named `path`) cleaned with the flag `on` or off: the
/// text, and the reasons of the sites left.
fn cleaned(path: &str, source: &str, on: bool) -> (String, Vec<String>) {
    let language = crate::extract::lang::for_path(std::path::Path::new(path)).unwrap();
    let syntax = for_language(language.name).unwrap();
    let refs: Vec<FlagRef> = source
        .match_indices("\"k\"")
        .map(|(at, _)| FlagRef {
            flag: "k".into(),
            location: Location {
                path: path.into(),
                line: 1,
                column: 1,
                span: at..at + 3,
            },
            kind: RefKind::Call,
            language: language.name,
        })
        .collect();
    let numbered: Vec<(usize, &FlagRef)> = refs.iter().enumerate().collect();
    let mut parsing = Parsing::new(language);
    let test = super::is_test(path);
    let result = clean(&mut parsing, syntax, source, &numbered, on, test);
    assert!(
        !parsing.parse(&result.text).root_node().has_error(),
        "{}",
        result.text
    );
    let mut reasons: Vec<String> = result.left.into_iter().map(|(_, r)| r).collect();
    reasons.extend(result.notes.into_iter().map(|(_, r)| r));
    (result.text, reasons)
}

#[test]
fn python_elif_chains_and_pass() {
    let source = "def f(c):\n    if c:\n        a()\n    elif c.is_enabled(\"k\"):\n        b()\n    else:\n        d()\n\n\ndef g(c):\n    if c.is_enabled(\"k\"):\n        e()\n";
    let (on, _) = cleaned("a.py", source, true);
    assert_eq!(
        on,
        "def f(c):\n    if c:\n        a()\n    else:\n        b()\n\n\ndef g(c):\n    e()\n"
    );
    let (off, _) = cleaned("a.py", source, false);
    assert_eq!(
        off,
        "def f(c):\n    if c:\n        a()\n    else:\n        d()\n\n\ndef g(c):\n    pass\n"
    );
}

#[test]
fn short_circuits_keep_what_would_run() {
    let source = "function f() {\n  if (load() && isOn(\"k\")) {\n    a();\n  }\n  if (isOn(\"k\") || load()) {\n    b();\n  }\n}\n";
    let (off, left) = cleaned("a.js", source, false);
    // `load() && false`: load() still runs, so it stays (and is listed);
    // `false || load()`: load() decides.
    assert_eq!(
        off,
        "function f() {\n  if (load() && false) {\n    a();\n  }\n  if (load()) {\n    b();\n  }\n}\n"
    );
    assert_eq!(left.len(), 1, "{left:?}");
    let (on, _) = cleaned("a.js", source, true);
    assert_eq!(
        on,
        "function f() {\n  if (load()) {\n    a();\n  }\n  b();\n}\n"
    );
}

#[test]
fn rust_values_tails_and_drops() {
    let source = "fn f() -> u8 {\n    let v = if flags::is_enabled(\"k\") { 1 } else { 2 };\n    if flags::is_enabled(\"k\") {\n        let guard = lock();\n        use_it(&guard);\n    }\n    after();\n    v\n}\n";
    let (on, _) = cleaned("a.rs", source, true);
    // The block with a `let` is not last: its braces stay, so `guard`
    // still drops before `after()`.
    assert_eq!(
        on,
        "fn f() -> u8 {\n    let v = 1;\n    {\n        let guard = lock();\n        use_it(&guard);\n    }\n    after();\n    v\n}\n"
    );
}

#[test]
fn go_unused_locals_are_listed() {
    let source = "package p\n\nfunc f(w W) string {\n\tname := lower(w)\n\tif features.Enabled(\"k\") {\n\t\treturn name\n\t}\n\treturn \"flat\"\n}\n";
    let (off, left) = cleaned("a.go", source, false);
    assert_eq!(
        off,
        "package p\n\nfunc f(w W) string {\n\tname := lower(w)\n\treturn \"flat\"\n}\n"
    );
    assert!(
        left.iter().any(|r| r.contains("`name` is no longer used")),
        "{left:?}"
    );
}

#[test]
fn java_unreachable_code_goes_with_an_early_return() {
    let source = "class A {\n  int f() {\n    if (!c.getBooleanValue(\"k\", false)) return 0;\n    work();\n    return 1;\n  }\n}\n";
    let (off, _) = cleaned("A.java", source, false);
    assert_eq!(off, "class A {\n  int f() {\n    return 0;\n  }\n}\n");
    let (on, _) = cleaned("A.java", source, true);
    assert_eq!(
        on,
        "class A {\n  int f() {\n    work();\n    return 1;\n  }\n}\n"
    );
}

#[test]
fn jsx_children_lose_their_braces() {
    let source = "const A = () => (\n  <div>\n    {useFlag(\"k\") && <New />}\n    {useFlag(\"k\") ? <B /> : null}\n  </div>\n);\n";
    let (on, _) = cleaned("a.jsx", source, true);
    assert_eq!(
        on,
        "const A = () => (\n  <div>\n    <New />\n    <B />\n  </div>\n);\n"
    );
    let (off, _) = cleaned("a.jsx", source, false);
    assert_eq!(off, "const A = () => (\n  <div>\n  </div>\n);\n");
}

#[test]
fn values_that_are_not_on_or_off_are_left() {
    let source = "const v = client.getStringValue(\"k\", \"x\");\n";
    let (text, left) = cleaned("a.ts", source, true);
    assert_eq!(text, source);
    assert!(left[0].contains("returns a value"), "{left:?}");
}

/// The file named by `DUMP`, parsed.
fn dumped() -> (String, tree_sitter::Tree) {
    let path = std::env::var("DUMP").unwrap();
    let source = std::fs::read_to_string(&path).unwrap();
    let language = crate::extract::lang::for_path(std::path::Path::new(&path)).unwrap();
    let tree = Parsing::new(language).parse(&source);
    (source, tree)
}

/// `DUMP=file cargo test cleanup::tests::dump -- --ignored --nocapture`
#[test]
#[ignore]
fn dump() {
    println!("{}", dumped().1.root_node().to_sexp());
}

/// `DUMP=file cargo test cleanup::tests::first_error -- --ignored --nocapture`
#[test]
#[ignore]
fn first_error() {
    let (source, tree) = dumped();
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            let line = node.start_position().row;
            let text = source.lines().nth(line).unwrap_or("");
            println!("{:?} at line {}: {text}", node.kind(), line + 1);
            return;
        }
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

#[test]
fn jsx_components_that_render_when_enabled() {
    let source = "const A = () => (\n  <main>\n    <IfFeatureEnabled feature=\"k\">\n      <New />\n    </IfFeatureEnabled>\n    <Footer />\n  </main>\n);\n";
    let (on, _) = cleaned("a.tsx", source, true);
    assert_eq!(
        on,
        "const A = () => (\n  <main>\n    <New />\n    <Footer />\n  </main>\n);\n"
    );
    let (off, _) = cleaned("a.tsx", source, false);
    assert_eq!(
        off,
        "const A = () => (\n  <main>\n    <Footer />\n  </main>\n);\n"
    );
    let fallback =
        "const B = () => <FeatureFlag flagKey=\"k\" fallback={<Old />}><New /></FeatureFlag>;\n";
    let (text, left) = cleaned("a.tsx", fallback, true);
    assert_eq!(text, fallback);
    assert!(left[0].contains("not supported yet"), "{left:?}");
}

#[test]
fn a_var_is_never_inlined_from_its_block() {
    let source = "function f() {\n  if (x) {\n    var on = isOn(\"k\");\n  }\n  return on;\n}\n";
    let (text, left) = cleaned("a.js", source, true);
    assert_eq!(
        text,
        "function f() {\n  if (x) {\n    var on = true;\n  }\n  return on;\n}\n"
    );
    assert!(left[0].contains("stored in a variable"), "{left:?}");
}

#[test]
fn a_call_whose_value_was_unused_goes() {
    let source = "function f() {\n  isOn(\"k\");\n  g();\n}\n";
    let (text, left) = cleaned("a.js", source, true);
    assert_eq!(text, "function f() {\n  g();\n}\n");
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_test_that_stubs_the_flag_is_listed_not_edited() {
    let source = "class ShopTest {\n  void old() {\n    when(client.getBooleanValue(\"k\", false)).thenReturn(false);\n  }\n}\n";
    let (text, left) = cleaned("ShopTest.java", source, true);
    assert_eq!(text, source);
    assert!(
        left[0].contains("a test passes the flag's call"),
        "{left:?}"
    );
}

#[test]
fn unwrapping_never_reindents_inside_a_string() {
    let source = "def f(c):\n    if c.is_enabled(\"k\"):\n        s = \"\"\"a\n        b\"\"\"\n        return s\n    return None\n";
    let (on, _) = cleaned("a.py", source, true);
    assert_eq!(
        on,
        "def f(c):\n    s = \"\"\"a\n        b\"\"\"\n    return s\n"
    );
}

#[test]
fn a_global_the_cleanup_left_unassigned_goes() {
    let source = "def f(c):\n    global cache, hits\n    hits += 1\n    if c.is_enabled(\"k\"):\n        cache = load()\n    return cache\n";
    let (off, _) = cleaned("a.py", source, false);
    assert_eq!(
        off,
        "def f(c):\n    global hits\n    hits += 1\n    return cache\n"
    );
}
