//! Pull-request mode: `check --diff` reads the diff it is given, and
//! `compare` summarises two `refs --format json` documents as Markdown.
//! flaglint still runs no program: `git diff` and `git worktree` are the
//! workflow's to run, and their output is an input here.

use std::io::Read;
use std::path::Path;

use miette::{Result, miette};

use super::output::emit;
use crate::compare::RefsDocument;
use crate::diff::Changes;
use crate::exit::ExitStatus;

/// The text of FILE, or of standard input for `-`.
fn read_input(path: &Path) -> Result<String> {
    let mut text = String::new();
    let read = if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|read| text = read)
    };
    read.map_err(|err| miette!("cannot read {}: {err}", shown(path)))?;
    Ok(text)
}

fn shown(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// `--diff FILE`: the unified diff, read.
pub(super) fn read_diff(path: &Path) -> Result<Changes> {
    Changes::parse(&read_input(path)?).map_err(|err| {
        miette!(
            help = "give the output of `git diff --no-color origin/main...HEAD` (a unified diff)",
            "{} is not a diff flaglint can read: {err}",
            shown(path)
        )
    })
}

/// `flaglint compare BASE HEAD`.
pub(super) fn compare(base: &Path, head: &Path) -> Result<ExitStatus> {
    let read = |path: &Path| -> Result<RefsDocument> {
        RefsDocument::parse(&read_input(path)?).map_err(|err| {
            miette!(
                help = "give two outputs of `flaglint refs --format json`: the base branch's, then the pull request's",
                "{}: {err}",
                shown(path)
            )
        })
    };
    let comparison = crate::compare::compare(&read(base)?, &read(head)?);
    emit(crate::render::compare::markdown(&comparison).as_bytes())?;
    Ok(ExitStatus::Success)
}
