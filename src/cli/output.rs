//! What the commands print besides their report: stdout that tolerates a
//! closed pipe, the GitHub job summary, and notes and warnings on stderr.

use std::io::{IsTerminal, Write};

use miette::{IntoDiagnostic, Result};

use super::args::ColorChoice;
use crate::baseline::Entry;
use crate::render::Style;

/// Writes to stdout; a reader that stops early (`flaglint refs | head`) is
/// not an error.
pub(super) fn emit(bytes: &[u8]) -> Result<()> {
    match std::io::stdout().lock().write_all(bytes) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.into_diagnostic(),
    }
}

/// Appends to a file GitHub Actions gave us (the job summary).
pub(super) fn append(path: &std::path::Path, text: &str) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(|err| miette::miette!("cannot write the job summary {}: {err}", path.display()))?;
    file.write_all(text.as_bytes()).into_diagnostic()
}

/// Baseline entries that no longer occur: time to shrink the baseline.
pub(super) fn print_stale(path: Option<&std::path::Path>, stale: &[Entry], color: ColorChoice) {
    let Some(path) = path.filter(|_| !stale.is_empty()) else {
        return;
    };
    let style = Style {
        color: color.enabled(std::io::stderr().is_terminal()),
        width: 0,
    };
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "{}: {} baseline entries in {} no longer occur; rewrite it with --write-baseline:",
        style.warning("note"),
        stale.len(),
        path.display()
    );
    for entry in stale {
        let flag = entry.flag.as_deref().unwrap_or("-");
        let _ = writeln!(
            stderr,
            "  {} {} {} (x{})",
            entry.rule, flag, entry.path, entry.count
        );
    }
}

/// `check --diff`: how many findings were left out, so a green pull request
/// does not pass for a clean repository.
pub(super) fn print_outside_diff(count: usize, color: ColorChoice) {
    if count == 0 {
        return;
    }
    let style = Style {
        color: color.enabled(std::io::stderr().is_terminal()),
        width: 0,
    };
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}: {count} finding{} on lines the diff does not change {} not shown (`flaglint check` without --diff lists every one).",
        style.bold("note"),
        if count == 1 { "" } else { "s" },
        if count == 1 { "is" } else { "are" },
    );
}

/// Problems the run went past, on stderr.
pub(super) fn print_warnings(warnings: &[String], color: ColorChoice) {
    let style = Style {
        color: color.enabled(std::io::stderr().is_terminal()),
        width: 0,
    };
    let mut stderr = std::io::stderr().lock();
    for warning in warnings {
        let warning = crate::render::printable(warning);
        let _ = writeln!(stderr, "{}: {warning}", style.warning("warning"));
    }
}

/// The width to wrap human output at: `COLUMNS` when set (as shells and
/// ruff honour it), else the terminal's, else the default.
pub(super) fn terminal_width() -> usize {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
    {
        return columns.clamp(40, 1000);
    }
    #[cfg(unix)]
    {
        let mut size = libc::winsize {
            ws_row: 0,
            ws_col: 0,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCGWINSZ writes a winsize into the struct it is given.
        let got = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) };
        if got == 0 && size.ws_col >= 40 {
            return usize::from(size.ws_col);
        }
    }
    0
}
