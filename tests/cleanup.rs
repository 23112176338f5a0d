//! `flaglint cleanup` end to end, through the binary: each language's
//! fixture (`testdata/cleanup/<language>/before`) cleaned `--to on` and
//! `--to off` in a temporary copy must equal `after-on` / `after-off` byte
//! for byte, and a second run must change nothing. A property test
//! generates programs in each supported language whose branches are
//! decided by the flag and checks that each state keeps its own branch's
//! code and drops the other's.

use std::path::Path;
use std::process::Command;

/// Language, flag, and the exit codes for `--to on` and `--to off` (1 when
/// sites are left for a person).
const CASES: &[(&str, &str, [i32; 2])] = &[
    ("typescript", "new-checkout", [1, 1]),
    ("python", "new-search", [1, 1]),
    ("rust", "fast-parse", [0, 0]),
    ("go", "TopologyAwareScheduling", [0, 1]),
    ("java", "express-shipping", [0, 0]),
];

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, relative, with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().display().to_string();
                out.push((relative, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn cleanup(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_flaglint"))
        .arg("cleanup")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

#[test]
fn each_language_cleans_to_its_after_tree_and_a_second_run_changes_nothing() {
    let fixtures = Path::new("testdata/cleanup");
    for (language, flag, statuses) in CASES {
        for (to, status) in ["on", "off"].iter().zip(statuses) {
            let work = tempfile::tempdir().unwrap();
            copy_dir(&fixtures.join(language).join("before"), work.path());
            let (code, output) = cleanup(work.path(), &[flag, "--to", to]);
            assert_eq!(code, *status, "{language} --to {to}:\n{output}");
            let expected = tree(&fixtures.join(language).join(format!("after-{to}")));
            assert_eq!(
                tree(work.path()),
                expected,
                "{language} --to {to}:\n{output}"
            );
            let (_, again) = cleanup(work.path(), &[flag, "--to", to]);
            assert_eq!(
                tree(work.path()),
                expected,
                "{language} --to {to} twice:\n{again}"
            );
        }
    }
}

#[test]
fn diff_writes_nothing_and_crlf_bom_and_permissions_are_kept() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(Path::new("testdata/cleanup/typescript/before"), work.path());
    let before = tree(work.path());
    let (code, output) = cleanup(work.path(), &["new-checkout", "--to", "on", "--diff"]);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("+++ b/src/checkout.ts"), "{output}");
    assert_eq!(tree(work.path()), before);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("flags.toml"),
        "[[scan.calls]]\r\ncallee = \"isOn\"\r\n\r\n[flags.k]\r\ntype = \"permission\"\r\nowner = \"x\"\r\n",
    )
    .unwrap();
    let script = dir.path().join("a.js");
    std::fs::write(
        &script,
        "\u{feff}function f() {\r\n  if (isOn(\"k\")) {\r\n    a();\r\n  }\r\n  b();\r\n}\r\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o750)).unwrap();
    }
    let (code, output) = cleanup(dir.path(), &["k", "--to", "on"]);
    assert_eq!(code, 0, "{output}");
    assert_eq!(
        std::fs::read_to_string(&script).unwrap(),
        "\u{feff}function f() {\r\n  a();\r\n  b();\r\n}\r\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("flags.toml")).unwrap(),
        "[[scan.calls]]\r\ncallee = \"isOn\"\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&script).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o750);
    }
}

#[test]
fn a_rewrite_that_breaks_one_file_abandons_the_whole_cleanup() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(Path::new("testdata/cleanup/typescript/before"), work.path());
    let before = tree(work.path());
    let output = Command::new(env!("CARGO_BIN_EXE_flaglint"))
        .args(["cleanup", "new-checkout", "--to", "on"])
        .current_dir(work.path())
        .env("FLAGLINT_TEST_BREAK_CLEANUP_OF", "src/keys.ts")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("src/keys.ts"), "{stderr}");
    // All or nothing: the files cleaned before it were not written either.
    assert_eq!(tree(work.path()), before);
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// How a language spells what the generated programs need.
struct Spelling {
    file: &'static str,
    /// `!`, ` && `, ` || `, true, false.
    operators: [&'static str; 5],
    /// The three shapes, from the condition `{c}` and the number `{k}`:
    /// an if/else, an early return, a value (ternary, conditional
    /// expression, Rust's `if`, or a Go local).
    shapes: [&'static str; 3],
    /// Text around the shapes (Java needs a class).
    head: &'static str,
    tail: &'static str,
}

const C_LIKE: [&str; 5] = ["!", " && ", " || ", "true", "false"];

const SPELLINGS: [Spelling; 5] = [
    Spelling {
        file: "a.js",
        operators: C_LIKE,
        shapes: [
            "function f{k}() {\n  if ({c}) {\n    yes_{k}();\n  } else {\n    no_{k}();\n  }\n}\n",
            "function f{k}() {\n  if ({c}) {\n    return yes_{k}();\n  }\n  no_{k}();\n}\n",
            "const v{k} = {c} ? yes_{k}() : no_{k}();\n",
        ],
        head: "",
        tail: "",
    },
    Spelling {
        file: "a.py",
        operators: ["not ", " and ", " or ", "True", "False"],
        shapes: [
            "def f{k}():\n    if {c}:\n        yes_{k}()\n    else:\n        no_{k}()\n",
            "def f{k}():\n    if {c}:\n        return yes_{k}()\n    no_{k}()\n",
            "v{k} = yes_{k}() if {c} else no_{k}()\n",
        ],
        head: "",
        tail: "",
    },
    Spelling {
        file: "a.rs",
        operators: C_LIKE,
        shapes: [
            "fn f{k}() {\n    if {c} {\n        yes_{k}();\n    } else {\n        no_{k}();\n    }\n}\n",
            "fn f{k}() -> u8 {\n    if {c} {\n        return yes_{k}();\n    }\n    no_{k}()\n}\n",
            "fn f{k}() -> u8 {\n    let v = if {c} { yes_{k}() } else { no_{k}() };\n    v\n}\n",
        ],
        head: "",
        tail: "",
    },
    Spelling {
        file: "a.go",
        operators: C_LIKE,
        shapes: [
            "func f{k}() {\n\tif {c} {\n\t\tyes_{k}()\n\t} else {\n\t\tno_{k}()\n\t}\n}\n",
            "func f{k}() int {\n\tif {c} {\n\t\treturn yes_{k}()\n\t}\n\treturn no_{k}()\n}\n",
            "func f{k}() {\n\tv := {c}\n\tif v {\n\t\tyes_{k}()\n\t} else {\n\t\tno_{k}()\n\t}\n}\n",
        ],
        head: "package p\n\n",
        tail: "",
    },
    Spelling {
        file: "A.java",
        operators: C_LIKE,
        shapes: [
            "  void f{k}() {\n    if ({c}) {\n      yes_{k}();\n    } else {\n      no_{k}();\n    }\n  }\n",
            "  int f{k}() {\n    if ({c}) {\n      return yes_{k}();\n    }\n    return no_{k}();\n  }\n",
            "  int f{k}() {\n    int v = {c} ? yes_{k}() : no_{k}();\n    return v;\n  }\n",
        ],
        head: "class A {\n",
        tail: "}\n",
    },
];

/// A condition over the flag whose value is decided by it, and that value
/// when the flag is on.
fn condition(random: &mut Random, spelling: &Spelling, depth: u32) -> (String, bool) {
    let [not, and, or, yes, no] = spelling.operators;
    if depth == 0 {
        return ("client.enabled(\"k\")".to_string(), true);
    }
    let (inner, value) = condition(random, spelling, depth - 1);
    match random.below(5) {
        0 => (format!("{not}({inner})"), !value),
        1 => (format!("({inner})"), value),
        2 => (format!("({inner}){and}{yes}"), value),
        3 => (format!("{no}{or}({inner})"), value),
        _ => (format!("({inner}){and}({yes}{or}{no})"), value),
    }
}

#[test]
fn each_state_keeps_its_branch_and_drops_the_other() {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    for case in 0..100 {
        let spelling = &SPELLINGS[case % SPELLINGS.len()];
        let mut code = spelling.head.to_string();
        let mut expected = Vec::new();
        for k in 0..4 {
            let depth = random.below(4) as u32;
            let (condition, when_on) = condition(&mut random, spelling, depth);
            // `yes_k` runs when the condition holds, `no_k` otherwise.
            let shape = spelling.shapes[random.below(3) as usize];
            code.push_str(
                &shape
                    .replace("{k}", &k.to_string())
                    .replace("{c}", &condition),
            );
            expected.push((k, when_on));
        }
        code.push_str(spelling.tail);
        for on in [true, false] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(
                dir.path().join("flags.toml"),
                "[[scan.calls]]\ncallee = \"client.enabled\"\n\n[flags.k]\ntype = \"permission\"\nowner = \"x\"\n",
            )
            .unwrap();
            std::fs::write(dir.path().join(spelling.file), &code).unwrap();
            let to = if on { "on" } else { "off" };
            let (status, output) = cleanup(dir.path(), &["k", "--to", to]);
            let after = std::fs::read_to_string(dir.path().join(spelling.file)).unwrap();
            assert_eq!(status, 0, "{code}\n--to {to}:\n{output}\n{after}");
            assert!(!after.contains("enabled"), "{code}\n--to {to}:\n{after}");
            for (k, when_on) in &expected {
                let taken = *when_on == on;
                let (kept, dropped) = if taken { ("yes", "no") } else { ("no", "yes") };
                assert!(
                    after.contains(&format!("{kept}_{k}()")),
                    "{code}\n--to {to}: lost {kept}_{k}:\n{after}"
                );
                assert!(
                    !after.contains(&format!("{dropped}_{k}()")),
                    "{code}\n--to {to}: kept {dropped}_{k}:\n{after}"
                );
            }
        }
    }
}
