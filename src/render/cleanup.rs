//! `flaglint cleanup`'s output: what was (or would be) removed per file and
//! the sites left for a person (human), the diff (`--diff`), and the plan
//! for scripts and coding agents (`--format json`).

use std::fmt::Write;

use crate::cleanup::Plan;
use crate::types::printable;

/// One line per rewritten file, then the sites left with their reasons.
pub fn human(plan: &Plan, written: bool) -> String {
    let mut out = String::new();
    let flag = printable(&plan.flag);
    if plan.files.is_empty() && plan.sites.is_empty() && !plan.registry.removed {
        let _ = writeln!(
            out,
            "Nothing to clean up: no code references `{flag}`{}.",
            match &plan.registry.reason {
                Some(reason) if !written || reason.contains("not declared") =>
                    format!(" and {}", reason.replace("the flag is", "it is")),
                _ => String::new(),
            }
        );
        return out;
    }
    let verb = if written {
        "Cleaned up"
    } else {
        "Would clean up"
    };
    let _ = writeln!(out, "{verb} `{flag}`, keeping it {}:", plan.to);
    for file in &plan.files {
        let changes: Vec<String> = file
            .changes
            .iter()
            .map(|(kind, count)| describe(kind, *count))
            .collect();
        let _ = writeln!(out, "  {}: {}", printable(&file.path), changes.join(", "));
    }
    let registry = printable(&plan.registry.path);
    match (&plan.registry.removed, &plan.registry.reason) {
        (true, _) => {
            let _ = writeln!(
                out,
                "  {registry}: removed [flags.{}]",
                crate::registry::toml_key(&plan.flag)
            );
        }
        (false, Some(reason)) => {
            let _ = writeln!(out, "  {registry}: kept the flag's entry ({reason})");
        }
        (false, None) => {}
    }
    if !plan.sites.is_empty() {
        let _ = writeln!(out, "\nLeft for a person ({}):", plan.sites.len());
        for site in &plan.sites {
            let _ = writeln!(
                out,
                "  {}:{}:{}: {}",
                printable(&site.path),
                site.line,
                site.column,
                printable(&site.reason)
            );
        }
    }
    if !written {
        let _ = writeln!(out, "\nNothing was written (--diff).");
    }
    out
}

/// `3 evaluations`, `1 if simplified`, ...
fn describe(kind: &str, count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    match kind {
        "evaluation" => format!("{count} evaluation{plural} replaced"),
        "condition" => format!("{count} condition{plural} folded"),
        "if" => format!("{count} if{plural} simplified"),
        "ternary" => format!(
            "{count} ternar{} simplified",
            if count == 1 { "y" } else { "ies" }
        ),
        "variable" => format!("{count} variable{plural} inlined"),
        "import" => format!("{count} import{plural} removed"),
        "constant" => format!("{count} constant{plural} removed"),
        "global" => format!("{count} global statement{plural} trimmed"),
        other => format!("{count} {other}"),
    }
}

/// The unified diff of every file, flags.toml last.
pub fn diff(plan: &Plan) -> String {
    let mut out = String::new();
    for file in &plan.files {
        out.push_str(&file.diff);
    }
    out.push_str(&plan.registry.diff);
    out
}

/// The plan as one JSON document.
pub fn json(plan: &Plan, written: bool) -> String {
    let mut value = serde_json::to_value(plan).expect("the plan serializes");
    value["written"] = written.into();
    value["complete"] = plan.complete().into();
    let mut text = serde_json::to_string_pretty(&value).expect("a value serializes");
    text.push('\n');
    text
}
