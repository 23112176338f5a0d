//! `report --format markdown`: ready to paste into an issue or a chat. A
//! summary table per team, then the details of the flags that need
//! attention. Every value from the registry or the code is escaped.

use super::ReportLinks as Links;
use super::{markdown_cell as cell, markdown_code as code};
use crate::report::{FlagReport, Report, Status};

/// `path:line`, a link when the repository has a URL.
fn location(links: &Links, path: &str, line: usize) -> String {
    match links.url(&url_path(path), line) {
        Some(url) => format!("[{}:{line}]({url})", cell(path)),
        None => code(&format!("{path}:{line}")),
    }
}

/// A path in a URL: spaces and the characters Markdown links care about
/// are percent-encoded.
fn url_path(path: &str) -> String {
    path.chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '(' => "%28".to_string(),
            ')' => "%29".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            c => c.to_string(),
        })
        .collect()
}

pub fn report(report: &Report, links: &Links) -> String {
    let attention: usize = report.teams.iter().map(|t| t.needs_attention).sum();
    let flags: usize = report.teams.iter().map(|t| t.flags.len()).sum();
    let mut out = format!(
        "# Stale flag report, {}\n\n{attention} of {flags} flags need attention, across {} owners.\n",
        report.today,
        report.teams.len()
    );
    for team in &report.teams {
        let inferred = if team.inferred {
            ", inferred from CODEOWNERS"
        } else {
            ""
        };
        out.push_str(&format!(
            "\n## {} ({} of {} need attention{inferred})\n\n| flag | type | status | age | expires | cleanup issue | references |\n|---|---|---|---|---|---|---|\n",
            cell(&team.owner),
            team.needs_attention,
            team.flags.len()
        ));
        for flag in &team.flags {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                flag_cell(links, flag),
                flag.flag_type,
                status_text(flag),
                flag.age_days.map_or("-".to_string(), |d| format!("{d} d")),
                flag.expires.as_deref().unwrap_or("-"),
                flag.cleanup_issue.as_deref().map_or("-".to_string(), cell),
                flag.references.len(),
            ));
        }
        let details: Vec<&FlagReport> = team
            .flags
            .iter()
            .filter(|f| f.status != Status::Ok)
            .collect();
        if !details.is_empty() {
            out.push_str("\nDetails:\n\n");
            for flag in details {
                out.push_str(&format!("- **{}**: {}", cell(&flag.key), status_text(flag)));
                if let Some(description) = &flag.description {
                    out.push_str(&format!(". {}", cell(description)));
                }
                out.push('\n');
                if flag.references.is_empty() {
                    out.push_str("  - referenced nowhere: remove its entry in flags.toml\n");
                }
                if let Some(removable) = flag.cleanup_removable {
                    out.push_str(&format!(
                        "  - `flaglint cleanup` {} `--to on|off` removes {removable} of its {} references by itself\n",
                        code(&flag.key),
                        flag.references.len()
                    ));
                }
                for reference in &flag.references {
                    out.push_str(&format!(
                        "  - {} ({})\n",
                        location(links, &reference.path, reference.line),
                        reference.kind.name()
                    ));
                }
            }
        }
    }
    out
}

/// The flag's key, with a link to its entry when the repository has a URL.
fn flag_cell(links: &Links, flag: &FlagReport) -> String {
    match links.repository_url {
        Some(_) => format!(
            "{} ({})",
            cell(&flag.key),
            location(links, links.registry_path, flag.line)
        ),
        None => code(&flag.key),
    }
}

/// "expired 41 days ago, unreferenced".
fn status_text(flag: &FlagReport) -> String {
    flag.statuses
        .iter()
        .map(|status| match (status, flag.days_past_expiry) {
            (Status::Expired, Some(days)) => format!("expired {days} days ago"),
            (status, _) => status.name().to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, Team};

    #[test]
    fn registry_values_cannot_break_the_table_or_inject_html() {
        let flag = FlagReport {
            key: "a|b".into(),
            flag_type: "release",
            status: Status::Unreferenced,
            statuses: vec![Status::Unreferenced],
            created: None,
            expires: None,
            age_days: None,
            days_past_expiry: None,
            cleanup_issue: Some("x|y".into()),
            description: Some("<script>alert(1)</script>\nnext".into()),
            references: vec![],
            line: 3,
            cleanup_removable: None,
        };
        let report = Report {
            version: 1,
            today: "2026-11-25".into(),
            teams: vec![Team {
                owner: "team|<b>".into(),
                inferred: false,
                needs_attention: 1,
                flags: vec![flag],
            }],
        };
        let text = super::report(
            &report,
            &Links {
                repository_url: None,
                registry_path: "flags.toml",
            },
        );
        assert!(
            !text.contains("<script>") && !text.contains("<b>"),
            "{text}"
        );
        assert!(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; next"));
        assert!(text.contains("## team\\|&lt;b&gt;"));
        assert!(text.contains("| `a\\|b` | release | unreferenced |"));
    }
}
