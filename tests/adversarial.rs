//! Hostile repositories that cannot live in git: built in a temporary
//! directory, then run through the real binary. (What git can hold is in
//! testdata/adversarial, checked by tests/cmd/adversarial*.toml.)
//!
//! Every run has a time limit, so a read that blocks (a FIFO) fails the test
//! instead of hanging it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const BINARY: &str = env!("CARGO_BIN_EXE_flaglint");

const REGISTRY: &str = r#"
[[scan.calls]]
callee = "flags.is_enabled"

[[scan.calls]]
callee = "flags::is_enabled"

[flags.new-ui]
type = "permission"
owner = "team-web"
"#;

/// A repository with `REGISTRY` and these files.
fn repository(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("flags.toml"), REGISTRY).unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}

/// Runs `command` in `dir`, killing it after a minute.
fn run(mut command: Command, dir: &Path) -> Output {
    let child = command
        .current_dir(dir)
        .env("FLAGLINT_TODAY", "2026-11-25")
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id().to_string();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(child.wait_with_output()));
    match receive.recv_timeout(Duration::from_secs(60)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid]).status();
            panic!(
                "flaglint did not finish within a minute in {}",
                dir.display()
            );
        }
    }
}

fn flaglint(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(BINARY);
    command.args(args);
    run(command, dir)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const USES_NEW_UI: &[u8] = b"fn f() -> bool { flags::is_enabled(\"new-ui\") }\n";

#[test]
fn a_fifo_is_never_opened() {
    let repo = repository(&[("src/lib.rs", USES_NEW_UI)]);
    let status = Command::new("mkfifo")
        .arg(repo.path().join("src/pipe.rs"))
        .status()
        .unwrap();
    assert!(status.success());
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "All checks passed: 1 flag, 1 reference, 1 file scanned (1 rust).\n"
    );
}

#[test]
fn a_50_mb_single_line_file_is_skipped_and_counted() {
    let mut line = vec![b'x'; 50 * 1024 * 1024];
    line.extend_from_slice(b" flags::is_enabled(\"undeclared\")\n");
    let repo = repository(&[("src/lib.rs", USES_NEW_UI), ("src/huge.rs", &line)]);
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "All checks passed: 1 flag, 1 reference, 1 file scanned (1 rust), skipped 1 larger than 10 MiB.\n"
    );
}

/// 100,000 nested brackets around a call, in every language, with the
/// calls inside macros are read: no recursion may follow the nesting.
#[test]
fn deep_nesting_in_every_language() {
    const DEPTH: usize = 100_000;
    let nested = |prefix: &str, call: &str, suffix: &str| {
        format!(
            "{prefix}{}{call}{}{suffix}\n",
            "(".repeat(DEPTH),
            ")".repeat(DEPTH)
        )
        .into_bytes()
    };
    let call = r#"flags.is_enabled("new-ui")"#;
    let files = [
        (
            "a.rs",
            nested("fn f() -> bool { ", r#"flags::is_enabled("new-ui")"#, " }"),
        ),
        (
            "m.rs",
            nested("fn g() { m!", r#"flags::is_enabled("new-ui")"#, "; }"),
        ),
        ("a.py", nested("x = ", call, "")),
        ("a.js", nested("const x = ", call, ";")),
        ("a.ts", nested("const x: boolean = ", call, ";")),
        ("a.tsx", nested("const x = ", call, ";")),
        ("a.go", nested("package p\nvar x = ", call, "")),
        ("A.java", nested("class A { boolean x = ", call, "; }")),
        ("a.rb", nested("x = ", call, "")),
        ("A.cs", nested("class A { bool x = ", call, "; }")),
        ("a.kt", nested("val x = ", call, "")),
        (
            "a.php",
            nested("<?php $x = ", r#"$flags->is_enabled("new-ui")"#, ";"),
        ),
        ("a.json", nested("", r#""new-ui""#, "")),
    ];
    let files: Vec<(String, &[u8])> = files
        .iter()
        .map(|(name, text)| (format!("src/{name}"), text.as_slice()))
        .collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let repo = repository(&files);
    let mut command = Command::new(BINARY);
    command.args(["refs", "--format", "json"]);
    let output = run(command, repo.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let refs: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<String> = refs["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["path"].as_str().unwrap(),
                r["kind"].as_str().unwrap()
            )
        })
        .collect();
    // Every file's reference is found; where the grammar parses the
    // nesting, as the call it is.
    for (name, _) in &files {
        assert!(
            found.iter().any(|f| f.starts_with(&format!("{name} "))),
            "no reference in {name}: {found:?}"
        );
    }
    for name in ["src/a.rs", "src/m.rs", "src/a.py", "src/a.js", "src/a.go"] {
        assert!(found.contains(&format!("{name} call")), "{name}: {found:?}");
    }
}

#[test]
fn a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let repo = repository(&[]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.rs");
    fs::create_dir(repo.path().join("src")).unwrap();
    fs::write(repo.path().join("src").join(name), USES_NEW_UI).unwrap();
    let output = flaglint(repo.path(), &["refs", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let refs: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(refs["references"][0]["path"], "src/caf\u{fffd}.rs");
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_registry_of_10000_flags() {
    let mut registry = String::from(REGISTRY);
    for index in 1..10_000 {
        registry.push_str(&format!(
            "\n[flags.flag-{index:05}]\ntype = \"permission\"\nowner = \"team-{}\"\n",
            index % 40
        ));
    }
    let repo = repository(&[("src/lib.rs", USES_NEW_UI)]);
    fs::write(repo.path().join("flags.toml"), registry).unwrap();
    let output = flaglint(repo.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["flags"], 10_000);
    // Every flag but new-ui is declared and never used.
    assert_eq!(report["summary"]["errors"], 9_999);
    let unreferenced = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unreferenced-flag")
        .count();
    assert_eq!(unreferenced, 9_999);
    // The human format draws 100 of flags.toml's findings, each from a
    // window of the file: linear (this took 34 s in a release build when
    // every snippet rescanned the registry).
    let human = flaglint(repo.path(), &["check"]);
    assert_eq!(human.status.code(), Some(1), "{}", stderr(&human));
    let shown = stdout(&human);
    assert!(
        shown.contains("… and 9899 more findings in flags.toml"),
        "{}",
        &shown[shown.len().saturating_sub(300)..]
    );
}

/// A file listed by the walk and deleted before it is read is a warning
/// naming it, not a crash.
#[test]
fn a_file_that_vanishes_during_the_walk() {
    let repo = repository(&[("src/lib.rs", USES_NEW_UI), ("src/gone.rs", USES_NEW_UI)]);
    let root = fs::canonicalize(repo.path()).unwrap();
    let registry_path = root.join("flags.toml");
    let registry = flaglint::registry::Registry::load(registry_path.clone(), "flags.toml").unwrap();
    let walk = flaglint::walk::walk(&flaglint::walk::WalkSettings {
        root: &root,
        paths: &[],
        include: &registry.scan.include,
        exclude: &registry.scan.exclude,
        registry: &registry_path,
        follow_links: false,
    });
    assert_eq!(walk.files.len(), 2);
    fs::remove_file(root.join("src/gone.rs")).unwrap();
    let extractor = flaglint::extract::Extractor::new(flaglint::extract::Settings {
        spellings: registry.spellings(),
        calls: registry.scan.calls.clone(),
        ..Default::default()
    })
    .unwrap();
    let extraction = extractor.extract_all(&walk.files);
    assert_eq!(extraction.refs.len(), 1);
    assert_eq!(extraction.unreadable.len(), 1);
    assert!(
        extraction.unreadable[0].starts_with("src/gone.rs: No such file"),
        "{:?}",
        extraction.unreadable
    );
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout == b"0\n")
}

/// Whether permissions can be tested here: as a user, or as root with
/// util-linux's setpriv to become one.
fn permissions_apply() -> bool {
    let can = !is_root() || Command::new("setpriv").arg("--version").output().is_ok();
    if !can {
        eprintln!("skipped: running as root without setpriv, permissions cannot deny a read");
    }
    can
}

/// Runs flaglint as an unprivileged user when the tests run as root (as in
/// CI), where permissions do not stop reads.
fn unprivileged(dir: &Path, args: &[&str]) -> Output {
    if !is_root() {
        return flaglint(dir, args);
    }
    // The binary may sit under a directory `nobody` cannot enter.
    let binary = dir.parent().unwrap().join(format!(
        "flaglint-{}",
        dir.file_name().unwrap().to_string_lossy()
    ));
    fs::copy(BINARY, &binary).unwrap();
    let mut command = Command::new("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&binary)
        .args(args);
    let output = run(command, dir);
    fs::remove_file(binary).unwrap();
    output
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn unreadable_files_and_directories_are_warnings_naming_them() {
    if !permissions_apply() {
        return;
    }
    let repo = repository(&[
        ("src/lib.rs", USES_NEW_UI),
        (
            "src/secret.rs",
            b"fn f() { flags::is_enabled(\"undeclared\"); }\n",
        ),
        (
            "locked/inner.rs",
            b"fn f() { flags::is_enabled(\"undeclared\"); }\n",
        ),
    ]);
    let root: PathBuf = repo.path().to_path_buf();
    for dir in [root.as_path(), &root.join("src")] {
        chmod(dir, 0o755);
    }
    chmod(&root.join("flags.toml"), 0o644);
    chmod(&root.join("src/lib.rs"), 0o644);
    chmod(&root.join("src/secret.rs"), 0o000);
    chmod(&root.join("locked"), 0o000);
    let output = unprivileged(&root, &["check"]);
    chmod(&root.join("locked"), 0o755);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "All checks passed: 1 flag, 1 reference, 1 file scanned (1 rust).\n"
    );
    let warnings = stderr(&output);
    assert!(
        warnings.contains("src/secret.rs: Permission denied"),
        "{warnings}"
    );
    assert!(warnings.contains("locked: Permission denied"), "{warnings}");
}

/// The files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every command that writes (add, report --output, --write-baseline)
/// writes a temporary file and renames it: when it cannot, the target keeps
/// what it had and no temporary file is left behind.
#[test]
fn a_failed_write_leaves_the_target_whole_and_no_temporary_file() {
    if !permissions_apply() {
        return;
    }
    let repo = repository(&[("src/lib.rs", USES_NEW_UI)]);
    let root = repo.path().to_path_buf();
    fs::create_dir(root.join("out")).unwrap();
    fs::write(root.join("out/stale-flags.md"), "last week's report\n").unwrap();
    for path in ["", "src", "src/lib.rs", "flags.toml", "out/stale-flags.md"] {
        chmod(
            &root.join(path),
            if path.contains('.') { 0o644 } else { 0o755 },
        );
    }
    let registry_before = fs::read(root.join("flags.toml")).unwrap();
    // Nobody may write in the repository or in out/.
    chmod(&root, 0o555);
    chmod(&root.join("out"), 0o555);

    let report = unprivileged(&root, &["report", "--output", "out/stale-flags.md"]);
    let add = unprivileged(
        &root,
        &["add", "new-flag", "--type", "permission", "--owner", "t"],
    );
    let baseline = unprivileged(&root, &["check", "--write-baseline", "baseline.json"]);

    chmod(&root, 0o755);
    chmod(&root.join("out"), 0o755);
    for (output, what) in [(&report, "report"), (&add, "add"), (&baseline, "baseline")] {
        assert_eq!(output.status.code(), Some(2), "{what}: {}", stderr(output));
        assert!(
            stderr(output).contains("cannot write"),
            "{what}: {}",
            stderr(output)
        );
    }
    assert_eq!(
        fs::read_to_string(root.join("out/stale-flags.md")).unwrap(),
        "last week's report\n"
    );
    assert_eq!(fs::read(root.join("flags.toml")).unwrap(), registry_before);
    assert_eq!(listing(&root), ["flags.toml", "out", "src"]);
    assert_eq!(listing(&root.join("out")), ["stale-flags.md"]);
}

/// Asked to, `report --output` replaces the old report whole.
#[test]
fn report_output_replaces_the_file_it_is_given() {
    let repo = repository(&[("src/lib.rs", USES_NEW_UI)]);
    let target = repo.path().join("stale-flags.md");
    fs::write(&target, "x".repeat(100_000)).unwrap();
    let output = flaglint(repo.path(), &["report", "--output", "stale-flags.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = fs::read_to_string(&target).unwrap();
    assert!(
        written.starts_with("# Stale flag report, 2026-11-25\n"),
        "{written}"
    );
    assert!(!written.contains('x'.to_string().repeat(10).as_str()));
    assert_eq!(
        listing(repo.path()),
        ["flags.toml", "src", "stale-flags.md"]
    );
}

/// A minified bundle: a finding past column 65,535 is drawn (the human
/// format once panicked inside miette), cut around the finding, with the
/// file's real column.
#[test]
fn a_finding_on_a_very_wide_line() {
    let bundle = format!("x=\"{}\";flags.is_enabled(\"zz\");", "q".repeat(70_000));
    let repo = repository(&[("app.js", bundle.as_bytes())]);
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let shown = stdout(&output);
    assert!(shown.contains("[app.js:1:70023]"), "{shown}");
    assert!(shown.contains("…qqq") && shown.contains("flags.is_enabled(\"zz\")"));
    assert!(shown.lines().all(|line| line.chars().count() < 400));
    // A key longer than 65,535 characters, in refs' padded columns.
    let key = "k".repeat(70_000);
    let long = format!("fn f() {{ flags::is_enabled(\"{key}\"); }}\n");
    let repo = repository(&[("src/lib.rs", long.as_bytes()), ("src/a.rs", USES_NEW_UI)]);
    let output = flaglint(repo.path(), &["refs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("src/a.rs:1:36"));
}

/// 200,000 references on one 1.4 MB line, each a finding: positions,
/// suppressions and snippets cost the line once, not once per finding
/// (quadratic, this took minutes), and the human format draws 100 of one
/// file's findings and counts the rest.
#[test]
fn two_hundred_thousand_findings_on_one_line() {
    let registry = format!(
        "{REGISTRY}\n[flags.old]\ntype = \"release\"\nowner = \"t\"\nexpires = 2026-01-01\ncleanup_issue = \"u\"\ndefault = false\n"
    );
    let line = format!("[{}\"old\"]\n", "\"old\",".repeat(199_999));
    let repo = repository(&[("data.json", line.as_bytes()), ("src/a.rs", USES_NEW_UI)]);
    fs::write(repo.path().join("flags.toml"), registry).unwrap();
    let output = flaglint(repo.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["errors"], 200_000);
    let last = &report["diagnostics"][199_999];
    assert_eq!(last["column"], 199_999 * 6 + 3);
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let shown = stdout(&output);
    assert!(
        shown.contains("… and 199900 more findings in data.json"),
        "{}",
        &shown[shown.len().saturating_sub(500)..]
    );
    assert_eq!(shown.matches("expired-flag").count(), 100);
}

/// Invisible and control characters in keys, paths and owners are shown as
/// escapes in every format a person reads, and a file name cannot put a
/// link or a mention into the Markdown report.
#[test]
fn invisible_characters_and_markdown_in_names() {
    let registry = format!(
        "{REGISTRY}\n[flags.\"new\\u200b-ui\"]\ntype = \"permission\"\nowner = \"[x](https://evil.example) @octocat\"\n"
    );
    let name = "x` @octocat [f](https:evil.example) `.yaml";
    let repo = repository(&[(name, b"new\xe2\x80\x8b-ui\n"), ("src/a.rs", USES_NEW_UI)]);
    fs::write(repo.path().join("flags.toml"), registry).unwrap();
    let human = stdout(&flaglint(repo.path(), &["refs"]));
    assert!(
        human.contains("new\\u{200b}-ui") && !human.contains('\u{200b}'),
        "{human}"
    );
    let github = stdout(&flaglint(repo.path(), &["check", "--format", "github"]));
    assert!(!github.contains('\u{200b}'), "{github}");
    let report = stdout(&flaglint(repo.path(), &["report"]));
    assert!(!report.contains('\u{200b}'), "{report}");
    assert!(
        !report.contains("[x](") && !report.contains(" @octocat"),
        "{report}"
    );
    assert!(
        report.contains("\\[x\\](https://evil.example) \\@octocat"),
        "{report}"
    );
}

/// Eight `flaglint add` at once, each of its own key: every one survives
/// (each takes the registry's lock and re-reads the file under it).
#[test]
fn concurrent_adds_all_survive() {
    const ADDS: usize = 8;
    let repo = repository(&[]);
    let threads: Vec<_> = (0..ADDS)
        .map(|i| {
            let dir = repo.path().to_path_buf();
            std::thread::spawn(move || {
                let key = format!("key-{i}");
                flaglint(
                    &dir,
                    &["add", &key, "--type", "permission", "--owner", "team-web"],
                )
            })
        })
        .collect();
    for thread in threads {
        let output = thread.join().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let registry = fs::read_to_string(repo.path().join("flags.toml")).unwrap();
    for i in 0..ADDS {
        assert!(
            registry.contains(&format!("[flags.key-{i}]")),
            "key-{i} was lost:\n{registry}"
        );
    }
    assert!(registry.contains("[flags.new-ui]"), "{registry}");
}

/// A 2 GiB (sparse) flags.toml is refused at once, unread.
#[test]
fn a_registry_larger_than_16_mib_is_refused() {
    let repo = repository(&[("src/lib.rs", USES_NEW_UI)]);
    let registry = fs::OpenOptions::new()
        .append(true)
        .open(repo.path().join("flags.toml"))
        .unwrap();
    registry.set_len(2 << 30).unwrap();
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("flags.toml is larger than 16 MiB: not read"),
        "{}",
        stderr(&output)
    );
}

/// An error in a registry with a huge line shows a bounded window of it,
/// control characters escaped.
#[test]
fn registry_errors_show_a_bounded_escaped_window() {
    let mut text = b"[flags.x]\ntype = 5".to_vec();
    text.extend(std::iter::repeat_n(0u8, 3_000_000));
    text.extend_from_slice(b"\nowner = \"me\"\n");
    let repo = repository(&[]);
    fs::write(repo.path().join("flags.toml"), &text).unwrap();
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.len() < 4096, "{} bytes of stderr", err.len());
    assert!(!err.contains('\0'), "{err}");
    assert!(err.contains("[flags.toml:2:8]"), "{err}");
    assert!(err.contains(r"type = 5\0\0"), "{err}");
}

/// A temporary file a killed run of flaglint left behind is never read as
/// part of the repository.
#[test]
fn a_leftover_temporary_file_is_not_read() {
    let repo = repository(&[
        ("src/lib.rs", USES_NEW_UI),
        (
            ".flaglint-tmp-Ab12Cd",
            b"[flags.new-ui]\nowner = \"new-ui\"\n",
        ),
        ("src/.flaglint-tmp-Zz99Yy", USES_NEW_UI),
    ]);
    let output = flaglint(repo.path(), &["refs", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let refs: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = refs["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["src/lib.rs"]);
}

/// 5,000 calls of one misspelt key against 10,000 flags: the closest key
/// is looked for once, not once per call.
#[test]
fn one_typo_in_5000_calls_against_10000_flags() {
    // Unused flags are not the point here (and each is a finding to render).
    let mut registry = format!("[rules]\nunreferenced-flag = \"off\"\n{REGISTRY}");
    for index in 0..10_000 {
        registry.push_str(&format!(
            "\n[flags.feature-flag-number-{index:05}]\ntype = \"permission\"\nowner = \"team\"\n"
        ));
    }
    let source =
        "fn f() -> bool { flags::is_enabled(\"feature-flag-numbr-00042\") }\n".repeat(5_000);
    let repo = repository(&[("src/lib.rs", source.as_bytes())]);
    fs::write(repo.path().join("flags.toml"), registry).unwrap();
    // GitHub annotations carry the help line (JSON has none).
    let output = flaglint(repo.path(), &["check", "--format", "github"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output)
            .matches("%0Adid you mean `feature-flag-number-00042`?")
            .count(),
        5_000
    );
}

/// A key or alias longer than 256 bytes is a registry error pointing at it.
#[test]
fn a_key_longer_than_256_bytes_is_refused() {
    let long = "k".repeat(257);
    for registry in [
        format!("[flags.{long}]\ntype = \"ops\"\nowner = \"me\"\n"),
        format!("[flags.short]\ntype = \"ops\"\nowner = \"me\"\naliases = [\"{long}\"]\n"),
    ] {
        let repo = repository(&[]);
        fs::write(repo.path().join("flags.toml"), registry).unwrap();
        let output = flaglint(repo.path(), &["check"]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(
            err.contains("at most 256 bytes long; this one is 257"),
            "{err}"
        );
        assert!(err.contains("here"), "{err}");
    }
}

/// A policy lifetime past what dates can hold is a registry error pointing
/// at it, for `add` (which used to panic) as for `check`.
#[test]
fn a_huge_policy_lifetime_is_a_registry_error() {
    let repo = repository(&[]);
    fs::write(
        repo.path().join("flags.toml"),
        "[policy.release]\nmax_lifetime_days = 10000000\n",
    )
    .unwrap();
    for args in [
        &[
            "add",
            "x",
            "--type",
            "release",
            "--owner",
            "me",
            "--cleanup-issue",
            "u",
        ][..],
        &["check"][..],
    ] {
        let output = flaglint(repo.path(), args);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(
            err.contains("expected a number of days from 0 to 36500, found 10000000"),
            "{err}"
        );
        assert!(err.contains("[flags.toml:2:21]"), "{err}");
    }
}

/// `add` writes through a symbolic link to its target, and keeps the file's
/// permissions.
#[test]
fn add_writes_through_a_link_and_keeps_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let repo = repository(&[("shared/flags.toml", REGISTRY.as_bytes())]);
    let link = repo.path().join("flags.toml");
    let target = repo.path().join("shared/flags.toml");
    fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink("shared/flags.toml", &link).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let output = flaglint(
        repo.path(),
        &["add", "added", "--type", "permission", "--owner", "me"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("[flags.added]")
    );
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    assert_eq!(listing(&repo.path().join("shared")), ["flags.toml"]);
}

/// `--config a/../flags.toml` with `a` a link names the flags.toml beside
/// a's target, as the OS resolves it: that file is both checked and read.
#[test]
fn config_through_a_linked_directory_reads_the_file_it_names() {
    let other = "[flags.one]\ntype = \"ops\"\nowner = \"me\"\nrunbook = \"r\"\n\n\
                 [flags.two]\ntype = \"ops\"\nowner = \"me\"\nrunbook = \"r\"\n";
    let repo = repository(&[
        ("real/flags.toml", other.as_bytes()),
        ("real/sub/lib.rs", USES_NEW_UI),
    ]);
    std::os::unix::fs::symlink("real/sub", repo.path().join("a")).unwrap();
    for root in [None, Some("a/..")] {
        let mut args = vec!["--config", "a/../flags.toml"];
        if let Some(root) = root {
            args.extend(["--root", root]);
        }
        args.extend(["check", "--format", "json"]);
        let output = flaglint(repo.path(), &args);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["summary"]["flags"], 2, "{report}");
        // The root is real/, where the file is: only real/sub/lib.rs is read.
        assert_eq!(report["summary"]["files_scanned"], 1, "{report}");
    }
}

/// A `[[scan.queries]]` entry that would take minutes on a 51-line file is
/// stopped at its limit, with a warning that names it.
#[test]
fn a_pathological_custom_query_is_stopped_with_a_warning() {
    let registry = format!(
        "{REGISTRY}\n[[scan.queries]]\nlanguage = \"rust\"\n\
         query = \"\"\"(source_file (_)* @a (_)* @b (_)* @c (_)* @flag)\"\"\"\n\
         capture = \"flag\"\n"
    );
    let source: String = (0..51)
        .map(|i| format!("fn f{i}() {{ let x = \"new-ui\"; }}\n"))
        .collect();
    let repo = repository(&[("src/lib.rs", source.as_bytes())]);
    fs::write(repo.path().join("flags.toml"), registry).unwrap();
    let output = flaglint(repo.path(), &["refs", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("warning: src/lib.rs: [[scan.queries]] #1 (rust) "),
        "{err}"
    );
    assert!(err.contains("and was stopped"), "{err}");
}

/// The README's baseline recipe round-trips: the baseline file is never
/// read back as references (its keys once flipped the check between
/// passing and failing), and a new finding alone fails the check.
#[test]
fn the_baseline_recipe_round_trips() {
    let registry = format!(
        "{REGISTRY}\n[flags.unused-one]\ntype = \"permission\"\nowner = \"t\"\n\n[flags.unused-two]\ntype = \"permission\"\nowner = \"t\"\n"
    );
    let repo = repository(&[("src/a.rs", USES_NEW_UI)]);
    fs::write(repo.path().join("flags.toml"), registry).unwrap();
    let baseline = ".flaglint-baseline.json";
    let written = flaglint(repo.path(), &["check", "--write-baseline", baseline]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    for _ in 0..2 {
        let again = flaglint(repo.path(), &["check", "--baseline", baseline]);
        assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
        assert!(stderr(&again).is_empty(), "{}", stderr(&again));
    }
    let rewritten = flaglint(repo.path(), &["check", "--write-baseline", baseline]);
    assert_eq!(rewritten.status.code(), Some(0));
    assert!(
        stderr(&rewritten).contains("Wrote 2 findings"),
        "{}",
        stderr(&rewritten)
    );
    fs::write(
        repo.path().join("src/b.rs"),
        "fn g() -> bool { flags::is_enabled(\"brand-new\") }\n",
    )
    .unwrap();
    let new = flaglint(
        repo.path(),
        &["check", "--baseline", baseline, "--format", "json"],
    );
    assert_eq!(new.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&new.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["flag"], "brand-new");
}

/// `add` on a CRLF flags.toml with a byte-order mark, mode 0644, keeps all
/// three; a new file (init) gets 0666 less the umask, not 0600.
#[cfg(unix)]
#[test]
fn writes_keep_line_endings_byte_order_mark_and_mode() {
    use std::os::unix::fs::PermissionsExt;
    let repo = repository(&[("src/a.rs", USES_NEW_UI)]);
    let registry = repo.path().join("flags.toml");
    let crlf = format!("\u{feff}{}", REGISTRY.replace('\n', "\r\n"));
    fs::write(&registry, &crlf).unwrap();
    fs::set_permissions(&registry, fs::Permissions::from_mode(0o644)).unwrap();
    let added = flaglint(
        repo.path(),
        &[
            "add",
            "dark-mode",
            "--type",
            "permission",
            "--owner",
            "team-web",
        ],
    );
    assert_eq!(added.status.code(), Some(0), "{}", stderr(&added));
    let bytes = fs::read(&registry).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with(&crlf), "the old bytes changed:\n{text:?}");
    assert!(text.contains("[flags.dark-mode]\r\n"), "{text:?}");
    assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
    let mode = fs::metadata(&registry).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    let empty = tempfile::tempdir().unwrap();
    fs::create_dir(empty.path().join("src")).unwrap();
    fs::write(empty.path().join("src/lib.rs"), USES_NEW_UI).unwrap();
    let init = flaglint(empty.path(), &["init"]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    let mode = fs::metadata(empty.path().join("flags.toml"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_ne!(mode, 0o600, "a new file is private to its owner");
    assert_eq!(mode & 0o400, 0o400);
}

/// A registry error quoting a hostile value (a callee holding terminal
/// escape sequences) shows it escaped: nothing reaches the terminal raw.
#[test]
fn registry_errors_escape_what_they_quote() {
    let repo = repository(&[("src/a.rs", USES_NEW_UI)]);
    fs::write(
        repo.path().join("flags.toml"),
        "[[scan.calls]]\ncallee = \"\\u001b]0;pwned\\u0007\\u001b[2J\"\n",
    )
    .unwrap();
    let output = flaglint(repo.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\u{1b}]0;pwned"), "{err}");
}
