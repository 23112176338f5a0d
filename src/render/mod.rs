//! Renderers: one per output format, each over the same plain data
//! (diagnostics, the summary, references, the report). None of them decides
//! anything.

pub mod cleanup;
pub mod compare;
pub mod concise;
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
    /// Columns to wrap prose at; 0 means the default, 100.
    pub width: usize,
}

impl Style {
    /// The width to wrap at.
    pub fn columns(self) -> usize {
        if self.width == 0 { 100 } else { self.width }
    }

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
        .with_width(style.columns())
        .with_break_words(false);
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

/// Untrusted text in Markdown (a table cell, a heading, a list item): shown
/// as the text it is. Line breaks and `|` cannot break a table, HTML is
/// shown as text, and the punctuation that makes emphasis, code, links,
/// images and mentions is escaped, so a file name or an owner cannot put a
/// link or an @-mention into the weekly issue. A plain `https://` URL is
/// kept as it is, for GitHub to link.
pub fn markdown_cell(text: &str) -> String {
    let text = printable(&text.replace(['\r', '\n'], " ")).into_owned();
    let plain_url = (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(|c: char| c.is_whitespace() || "[]()<>`@*_|\\!\"'".contains(c));
    if plain_url {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // Quotes are text in Markdown; the rest of HTML's are not.
            '&' | '<' | '>' => out.push_str(html_entity(c).unwrap_or_default()),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '@' | '!' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The entity HTML needs for `c` in text or in an attribute, if any.
pub fn html_entity(c: char) -> Option<&'static str> {
    Some(match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => return None,
    })
}

/// Untrusted text as a Markdown code span: a fence longer than any run of
/// backticks inside, so the text cannot close it; `|` escaped for tables.
pub fn markdown_code(text: &str) -> String {
    let text = printable(&text.replace(['\r', '\n'], " ")).replace('|', "\\|");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

pub use crate::types::printable;

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
