//! `check --format github`: workflow commands that GitHub Actions shows as
//! annotations on the pull request's diff, and a Markdown summary appended
//! to `$GITHUB_STEP_SUMMARY` when it is set.

use super::markdown_cell as cell;
use crate::types::{Diagnostic, Summary};

/// One `::error file=..,line=..,col=..,title=..::message` line per finding.
pub fn check(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        // GitHub's workflow commands are named like flaglint's severities.
        let command = d.severity.name();
        out.push_str(&format!(
            "::{command} file={},line={},col={},title={}::{}\n",
            property(&d.location.path),
            d.location.line,
            d.location.column,
            property(&format!("flaglint {}", d.rule)),
            data(&format!("{}\n{}", d.message, d.help)),
        ));
    }
    out
}

/// The job summary: counts, then a table of findings.
pub fn step_summary(diagnostics: &[Diagnostic], summary: &Summary) -> String {
    let mut out = format!(
        "## flaglint\n\n{} errors, {} warnings ({} flags, {} references, {} files scanned)\n\n",
        summary.errors, summary.warnings, summary.flags, summary.references, summary.files_scanned
    );
    if diagnostics.is_empty() {
        return out;
    }
    out.push_str("| severity | rule | flag | where | message |\n|---|---|---|---|---|\n");
    for d in diagnostics {
        out.push_str(&format!(
            "| {} | `{}` | {} | {}:{} | {} |\n",
            d.severity.name(),
            d.rule,
            cell(d.flag.as_deref().unwrap_or("")),
            cell(&d.location.path),
            d.location.line,
            cell(&d.message),
        ));
    }
    out
}

/// A workflow command's message: `%`, CR and LF are escaped so a message
/// cannot end the command or start another; other control characters
/// (escape sequences that would recolour the log) are shown as escapes.
fn data(text: &str) -> String {
    let escaped = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    super::printable(&escaped).into_owned()
}

/// A workflow command's property value: also `:` and `,`, which separate
/// properties.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_can_forge_a_command() {
        assert_eq!(data("50%\n::error::x"), "50%25%0A::error::x");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(cell("a|b\n<script>"), "a\\|b &lt;script&gt;");
    }
}
