//! `report --format html`: one self-contained page (no external scripts,
//! fonts or styles), with a chart per team of its flags by status and by
//! age drawn as inline SVG, readable in a browser and printable. Every value
//! from the registry or the code is HTML-escaped.

use std::fmt::Write;

use super::ReportLinks as Links;
use crate::report::{FlagReport, Report, Status, Team};

/// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match super::html_entity(c) {
            Some(entity) => out.push_str(entity),
            None => out.push(c),
        }
    }
    out
}

/// Only http(s) URLs become links: a `javascript:` cleanup issue is text.
fn link(url: &str, text: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!("<a href=\"{}\">{}</a>", escape(url), escape(text))
    } else {
        escape(text)
    }
}

/// `path:line`, a link when the repository has a URL.
fn location(links: &Links, path: &str, line: usize) -> String {
    let shown = format!("{path}:{line}");
    match links.url(path, line) {
        Some(url) => link(&url, &shown),
        None => format!("<code>{}</code>", escape(&shown)),
    }
}

const STYLE: &str = "
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
.muted { color: #59636e; } .charts { display: flex; flex-wrap: wrap; gap: 2rem; margin: .8rem 0; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; table-layout: fixed; } th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; overflow-wrap: anywhere; }
th:nth-child(1) { width: 22%; } th:nth-child(2) { width: 8%; } th:nth-child(3) { width: 14%; } th:nth-child(4) { width: 7%; } th:nth-child(5) { width: 8%; } th:nth-child(6) { width: 16%; }
td:nth-child(2), td:nth-child(4), td:nth-child(5) { white-space: nowrap; overflow-wrap: normal; }
th { background: #f6f8fa; } code { font-size: 12px; } ul.refs { margin: 0; padding-left: 1.1rem; }
.status { display: inline-block; border-radius: 1rem; padding: 0 .5rem; font-size: 12px; color: #fff; margin: 0 .2rem .2rem 0; }
.expired { background: #cf222e; } .expiring-soon { background: #bc4c00; } .unreferenced { background: #8250df; }
.lifetime-exceeded { background: #9a6700; } .unsafe-default { background: #a40e26; } .missing-metadata { background: #0969da; } .ok { background: #1a7f37; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: auto; } section { break-inside: avoid-page; } a { color: inherit; } }
";

fn status_color(status: Status) -> &'static str {
    match status {
        Status::Expired => "#cf222e",
        Status::ExpiringSoon => "#bc4c00",
        Status::Unreferenced => "#8250df",
        Status::LifetimeExceeded => "#9a6700",
        Status::UnsafeDefault => "#a40e26",
        Status::MissingMetadata => "#0969da",
        Status::Ok => "#1a7f37",
    }
}

/// A horizontal bar chart: one labelled bar per row.
fn bar_chart(title: &str, rows: &[(String, usize, &str)]) -> String {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let (label_width, bar_width, row_height) = (130, 220, 22);
    let height = rows.len() * row_height + 8;
    let mut svg = format!(
        "<figure><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        escape(title),
        escape(title),
        label_width + bar_width + 40,
        label_width + bar_width + 40
    );
    for (index, (label, count, color)) in rows.iter().enumerate() {
        let y = index * row_height + 4;
        let width = count * bar_width / max;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1f2328\">{}</text>\
             <rect x=\"{}\" y=\"{y}\" width=\"{width}\" height=\"{}\" fill=\"{color}\" rx=\"2\"><title>{}: {count}</title></rect>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1f2328\">{count}</text>",
            label_width - 6,
            y + 13,
            escape(label),
            label_width,
            row_height - 6,
            escape(label),
            label_width + width + 4,
            y + 13,
        );
    }
    svg.push_str("</svg></figure>");
    svg
}

/// Age buckets in days since `created`.
const AGES: [(&str, i64, i64); 5] = [
    ("0-30 days", 0, 30),
    ("31-60 days", 31, 60),
    ("61-90 days", 61, 90),
    ("91-180 days", 91, 180),
    ("over 180 days", 181, i64::MAX),
];

fn charts(team: &Team) -> String {
    let by_status: Vec<(String, usize, &str)> = Status::ALL
        .iter()
        .map(|status| {
            let count = team.flags.iter().filter(|f| f.status == *status).count();
            (status.name().to_string(), count, status_color(*status))
        })
        .collect();
    let mut by_age: Vec<(String, usize, &str)> = AGES
        .iter()
        .map(|(label, low, high)| {
            let count = team
                .flags
                .iter()
                .filter(|f| f.age_days.is_some_and(|age| (*low..=*high).contains(&age)))
                .count();
            (label.to_string(), count, "#57606a")
        })
        .collect();
    by_age.push((
        "no created date".to_string(),
        team.flags.iter().filter(|f| f.age_days.is_none()).count(),
        "#afb8c1",
    ));
    format!(
        "<div class=\"charts\">{}{}</div>",
        bar_chart("Flags by status", &by_status),
        bar_chart("Flags by age", &by_age)
    )
}

fn flag_row(flag: &FlagReport, links: &Links) -> String {
    let statuses: String = flag
        .statuses
        .iter()
        .map(|status| {
            let text = match (status, flag.days_past_expiry) {
                (Status::Expired, Some(days)) => format!("expired {days} days ago"),
                _ => status.name().to_string(),
            };
            format!(
                "<span class=\"status {}\">{}</span>",
                status.name(),
                escape(&text)
            )
        })
        .collect();
    let references = if flag.references.is_empty() {
        "<span class=\"muted\">none</span>".to_string()
    } else {
        let items: String = flag
            .references
            .iter()
            .map(|r| {
                format!(
                    "<li>{} <span class=\"muted\">{}</span></li>",
                    location(links, &r.path, r.line),
                    r.kind.name()
                )
            })
            .collect();
        let cleanup = flag.cleanup_removable.map_or(String::new(), |removable| {
            format!(
                "<li><code>flaglint cleanup {} --to on|off</code> <span class=\"muted\">removes {removable} of {} by itself</span></li>",
                escape(&flag.key),
                flag.references.len()
            )
        });
        format!("<ul class=\"refs\">{items}{cleanup}</ul>")
    };
    format!(
        "<tr><td><strong>{}</strong><br><span class=\"muted\">{}</span>{}</td><td>{}</td><td>{statuses}</td><td>{}</td><td>{}</td><td>{}</td><td>{references}</td></tr>",
        escape(&flag.key),
        location(links, links.registry_path, flag.line),
        flag.description
            .as_deref()
            .map_or(String::new(), |d| format!("<br>{}", escape(d))),
        escape(flag.flag_type),
        flag.age_days
            .map_or("-".to_string(), |d| format!("{d} days")),
        escape(flag.expires.as_deref().unwrap_or("-")),
        flag.cleanup_issue
            .as_deref()
            .map_or("-".to_string(), |issue| link(issue, issue)),
    )
}

pub fn report(report: &Report, links: &Links) -> String {
    let attention: usize = report.teams.iter().map(|t| t.needs_attention).sum();
    let flags: usize = report.teams.iter().map(|t| t.flags.len()).sum();
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Stale flag report, {today}</title><style>{STYLE}</style></head><body>\n\
         <h1>Stale flag report, {today}</h1><p class=\"muted\">{attention} of {flags} flags need attention, across {teams} owners.</p>\n",
        today = escape(&report.today),
        teams = report.teams.len(),
    );
    for team in &report.teams {
        let inferred = if team.inferred {
            ", owner inferred from CODEOWNERS"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<section><h2>{} <span class=\"muted\">({} of {} need attention{inferred})</span></h2>{}\
             <table><thead><tr><th>flag</th><th>type</th><th>status</th><th>age</th><th>expires</th><th>cleanup issue</th><th>references</th></tr></thead><tbody>",
            escape(&team.owner),
            team.needs_attention,
            team.flags.len(),
            charts(team),
        );
        for flag in &team.flags {
            out.push_str(&flag_row(flag, links));
        }
        out.push_str("</tbody></table></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_links() {
        assert_eq!(
            escape("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(link("javascript:alert(1)", "x"), "x");
        assert_eq!(
            link("https://a/?q=<b>", "t"),
            "<a href=\"https://a/?q=&lt;b&gt;\">t</a>"
        );
    }
}
