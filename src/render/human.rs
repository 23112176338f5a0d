//! The human format: each diagnostic with the snippet of the reference or of
//! the flags.toml entry (drawn by miette), a help line, then a summary.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::{Style, plural, printable};
use crate::Scan;
use crate::diagnostic::{Diagnostic, Severity, Summary};

/// The whole report of `flaglint check`.
pub fn check(scan: &Scan, diagnostics: &[Diagnostic], summary: &Summary, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100);
    let mut sources = Sources::new(scan);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let shown = Shown {
            diagnostic,
            source: NamedSource::new(
                printable(&diagnostic.location.path),
                sources.get(&diagnostic.location.path),
            ),
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

/// Each file's text, read once; flags.toml comes from the registry.
struct Sources<'a> {
    scan: &'a Scan,
    cache: HashMap<String, Arc<String>>,
}

impl<'a> Sources<'a> {
    fn new(scan: &'a Scan) -> Self {
        Sources {
            scan,
            cache: HashMap::new(),
        }
    }

    fn get(&mut self, path: &str) -> Arc<String> {
        let scan = self.scan;
        self.cache
            .entry(path.to_string())
            .or_insert_with(|| {
                if path == scan.registry_display {
                    Arc::new(scan.registry.source.clone())
                } else {
                    let file = scan.root.join(path);
                    Arc::new(crate::extract::read_source(&file).unwrap_or_default())
                }
            })
            .clone()
    }
}

/// A diagnostic as miette sees it.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: NamedSource<Arc<String>>,
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
