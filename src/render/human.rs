//! The human format: each diagnostic with the snippet of the reference or of
//! the flags.toml entry (drawn by miette), a help line, then a summary.
//! At most [`PER_FILE`] findings of one file are drawn; a line counts the
//! rest, so no input makes this format quadratic.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::{Style, plural, printable};
use crate::pipeline::{CheckOutcome, Scan};
use crate::types::{Diagnostic, Severity, Snippet, Summary};

/// Findings drawn per file; the others are counted in one line.
pub const PER_FILE: usize = 100;

/// The whole report of `flaglint check`.
pub fn check(outcome: &CheckOutcome, style: Style) -> String {
    let (scan, summary) = (&outcome.scan, &outcome.summary);
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(style.columns())
        .with_break_words(false);
    let mut out = String::new();
    let diagnostics = &outcome.diagnostics;
    let mut index = 0;
    while index < diagnostics.len() {
        // Diagnostics are sorted by file: one file's run at a time.
        let path = &diagnostics[index].location.path;
        let count = diagnostics[index..]
            .iter()
            .take_while(|d| &d.location.path == path)
            .count();
        let file = outcome.sources.get(path);
        for diagnostic in &diagnostics[index..index + count.min(PER_FILE)] {
            render(&handler, &mut out, diagnostic, file.as_deref());
        }
        if count > PER_FILE {
            out.push_str(&format!(
                "… and {} more {} in {} (`--format json` lists every one)\n\n",
                count - PER_FILE,
                if count - PER_FILE == 1 {
                    "finding"
                } else {
                    "findings"
                },
                printable(path)
            ));
        }
        index += count;
    }
    out.push_str(&summary_line(scan, summary, style));
    out
}

/// One finding, with its snippet.
fn render(
    handler: &GraphicalReportHandler,
    out: &mut String,
    diagnostic: &Diagnostic,
    file: Option<&crate::source::Text>,
) {
    let name = printable(&diagnostic.location.path);
    let shown = Shown {
        diagnostic,
        snippet: file
            .and_then(|file| Snippet::new(&name, &file.text, &file.lines, &diagnostic.location)),
    };
    {
        if handler.render_report(out, &shown).is_err() {
            out.push_str(&format!(
                "{}: {}\n",
                printable(&diagnostic.location.path),
                printable(&diagnostic.message)
            ));
        }
        out.push('\n');
    }
}

fn summary_line(scan: &Scan, summary: &Summary, style: Style) -> String {
    let headline = match (summary.errors, summary.warnings) {
        (0, 0) => style.success("All checks passed"),
        (0, warnings) => style.warning(&format!("Found {}", plural(warnings, "warning"))),
        (errors, 0) => style.error(&format!("Found {}", plural(errors, "error"))),
        (errors, warnings) => style.error(&format!(
            "Found {} and {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )),
    };
    let languages: Vec<String> = scan
        .searched
        .iter()
        .map(|(lang, n)| format!("{n} {lang}"))
        .collect();
    let mut line = format!(
        "{headline}: {}, {}, {} scanned",
        plural(summary.flags, "flag"),
        plural(summary.references, "reference"),
        plural(summary.files_scanned, "file"),
    );
    if !languages.is_empty() {
        line.push_str(&format!(" ({})", languages.join(", ")));
    }
    if !scan.skipped.is_empty() {
        let skipped: Vec<String> = scan
            .skipped
            .iter()
            .map(|(why, n)| format!("{n} {why}"))
            .collect();
        line.push_str(&format!(", skipped {}", skipped.join(", ")));
    }
    line.push_str(".\n");
    line
}

/// A diagnostic as miette sees it.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    snippet: Option<Snippet>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.diagnostic.message))
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(printable(&self.diagnostic.help)))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet
            .as_ref()
            .map(|snippet| snippet as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.snippet.as_ref()?.span();
        let text = printable(&self.diagnostic.label).into_owned();
        let label = LabeledSpan::new(Some(text), span.start, span.len());
        Some(Box::new(std::iter::once(label)))
    }
}
