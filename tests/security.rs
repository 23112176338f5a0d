//! What flaglint must never do, checked on its own source and dependencies:
//! run a program (nothing from the repository is ever executed: no build
//! scripts, hooks or plugins), or open a network connection. Reading is
//! all it does; writing happens only through `atomic.rs`.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn the_source_never_runs_a_program_or_opens_a_socket() {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    assert!(files.len() > 20);
    let forbidden = [
        "process::Command",
        "Command::new",
        "std::net",
        "TcpStream",
        "UdpSocket",
        "libloading",
        "dlopen",
    ];
    for (path, text) in &files {
        for needle in forbidden {
            assert!(!text.contains(needle), "{path} uses {needle}");
        }
    }
}

#[test]
fn files_are_written_only_through_the_atomic_module() {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    for (path, text) in &files {
        if path.ends_with("atomic.rs") {
            continue;
        }
        for needle in ["fs::write", "File::create", "OpenOptions", "fs::rename"] {
            // The one exception: GitHub's job summary is appended to the
            // file the runner names in $GITHUB_STEP_SUMMARY, as its contract says.
            let job_summary = path.ends_with("cli/output.rs") && needle == "OpenOptions";
            // And reading: source.rs opens files read-only, without blocking
            // or following links, which only OpenOptions can say.
            let read_only = path.ends_with("source.rs")
                && needle == "OpenOptions"
                && !text.contains(".write(")
                && !text.contains(".append(")
                && !text.contains(".create(");
            assert!(
                job_summary || read_only || !text.contains(needle),
                "{path} writes with {needle}, not atomic::write"
            );
        }
    }
}

#[test]
fn no_dependency_can_reach_the_network() {
    let lock = std::fs::read_to_string("Cargo.lock").unwrap();
    for client in [
        "reqwest",
        "ureq",
        "hyper",
        "curl",
        "isahc",
        "surf",
        "attohttpc",
        "tokio",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{client}\"")),
            "Cargo.lock has {client}"
        );
    }
}
