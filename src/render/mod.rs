//! Renderers: one per output format, each over the same plain data
//! (diagnostics, the summary, references, the report). None of them decides
//! anything.

pub mod explain;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod refs;
pub mod report_html;
pub mod report_json;
pub mod report_markdown;
pub mod sarif;

/// How to print for people.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn warning(self, text: &str) -> String {
        self.paint("1;33", text)
    }

    pub fn error(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    pub fn success(self, text: &str) -> String {
        self.paint("1;32", text)
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// A fatal error (exit 2) as miette renders it: the file, the line, a hint.
pub fn fatal(report: &miette::Report, style: Style) -> String {
    let theme = if style.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100);
    let mut out = String::new();
    if handler.render_report(&mut out, report.as_ref()).is_err() {
        out = format!("error: {report}\n");
    }
    out
}

/// "1 error", "2 warnings".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A Markdown table cell: `|` and line breaks cannot break the table, and
/// HTML is shown as text.
pub fn markdown_cell(text: &str) -> String {
    printable(&text.replace(['\r', '\n'], " "))
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
}

/// `text` safe to print on a terminal: control characters (escape
/// sequences, newlines, carriage returns) shown as Rust escapes (`\u{1b}`,
/// `\n`), so a key or file name cannot move the cursor, recolour or clear
/// the screen, or fake a line of output.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Where a report's flags and references link to, when `[report]
/// repository_url` is set.
pub struct ReportLinks<'a> {
    pub repository_url: Option<&'a str>,
    /// flags.toml as the report shows it.
    pub registry_path: &'a str,
}

impl ReportLinks<'_> {
    /// The URL of `path` at `line`, if the repository has one.
    pub fn url(&self, path: &str, line: usize) -> Option<String> {
        self.repository_url
            .map(|base| format!("{}/{path}#L{line}", base.trim_end_matches('/')))
    }
}
