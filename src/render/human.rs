//! The human format: each diagnostic with the snippet of the reference or of
//! the flags.toml entry (drawn by miette), a help line, then a summary.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::{Style, plural, printable};
use crate::pipeline::{CheckOutcome, Scan};
use crate::source::Text;
use crate::types::{Diagnostic, Severity, Summary};

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
        .with_width(100);
    let mut out = String::new();
    for diagnostic in &outcome.diagnostics {
        let text = outcome
            .sources
            .get(&diagnostic.location.path)
            .unwrap_or_else(|| Arc::new(Text::new(String::new())));
        let shown = Shown {
            diagnostic,
            source: NamedSource::new(printable(&diagnostic.location.path), Snippet(text)),
        };
        if handler.render_report(&mut out, &shown).is_err() {
            out.push_str(&format!(
                "{}: {}\n",
                printable(&diagnostic.location.path),
                printable(&diagnostic.message)
            ));
        }
        out.push('\n');
    }
    out.push_str(&summary_line(scan, summary, style));
    out
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

/// A file's text from the run's source cache, as miette reads snippets.
struct Snippet(Arc<Text>);

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        self.0
            .text
            .read_span(span, context_lines_before, context_lines_after)
    }
}

/// A diagnostic as miette sees it.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: NamedSource<Snippet>,
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
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = &self.diagnostic.location.span;
        let text = printable(&self.diagnostic.label).into_owned();
        let label = LabeledSpan::new(Some(text), span.start, span.len());
        Some(Box::new(std::iter::once(label)))
    }
}
