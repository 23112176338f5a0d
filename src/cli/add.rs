//! `flaglint add`: declare a flag with one command.

use std::io::Write;

use miette::Result;

use super::args::AddArgs;
use super::{Cli, config};
use crate::exit::ExitStatus;

/// `flaglint add`: checks, appends, re-checks the result, writes atomically.
/// With `--undeclared`, every key a call uses that flags.toml lacks.
pub(super) fn run(cli: &Cli, args: &AddArgs) -> Result<ExitStatus> {
    use crate::registry::edit::{NewFlag, add_flag};
    let config = config(cli, &args.scope, &[], args.today)?;
    // Held until the new file is in place: a concurrent `add` waits, then
    // reads the file this one wrote.
    let mut lock = crate::atomic::Lock::acquire(&config.registry)?;
    let registry = crate::registry::Registry::read(
        lock.file(),
        config.registry.clone(),
        &config.registry_display,
    )?;
    let keys: Vec<String> = match &args.key {
        Some(key) => {
            if let Some(existing) = registry.resolve(key) {
                return Err(miette::miette!(
                    help = "choose another key, or edit the existing entry",
                    "`{}` is already declared in {} (as [flags.{}])",
                    key,
                    config.registry_display,
                    crate::registry::toml_key(&existing.key)
                ));
            }
            vec![key.clone()]
        }
        None => undeclared(&config)?,
    };
    if keys.is_empty() {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(
            stderr,
            "Every key the code's flag calls use is declared in {}: nothing to add.",
            config.registry_display
        );
        return Ok(ExitStatus::Success);
    }
    let policy = registry.policy(args.flag_type);
    let today = config.today;
    let mut text = registry.source.clone();
    let mut added = Vec::new();
    for key in &keys {
        let flag = NewFlag {
            key: key.clone(),
            flag_type: args.flag_type,
            owner: args.owner.clone(),
            description: args.description.clone(),
            created: args.created.unwrap_or(today),
            expires: args.expires,
            default: args.default,
            cleanup_issue: args.cleanup_issue.clone(),
            dashboard: args.dashboard.clone(),
            runbook: args.runbook.clone(),
        }
        .with_policy(policy);
        let missing = flag.missing(policy);
        if !missing.is_empty() {
            let options: Vec<String> = missing
                .iter()
                .map(|f| format!("--{}", f.name().replace('_', "-")))
                .collect();
            return Err(miette::miette!(
                help = format!("pass {}", options.join(" and ")),
                "{} flags must have {}",
                args.flag_type,
                missing
                    .iter()
                    .map(|f| format!("`{}`", f.name()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        text = add_flag(&text, &flag).map_err(|message| miette::miette!("{message}"))?;
        added.push(flag);
    }
    // The result must load as cleanly as the file did.
    crate::registry::Registry::parse(
        config.registry.clone(),
        &config.registry_display,
        text.clone(),
    )
    .map_err(|err| miette::Report::new(*err))?;
    // Keep the file's line endings and byte-order mark: `add` changes only
    // the lines it adds.
    let original = std::fs::read(&config.registry).unwrap_or_default();
    let text = keep_style(&original, text);
    crate::atomic::write(&config.registry, text.as_bytes())?;
    drop(lock);
    let mut stderr = std::io::stderr().lock();
    for flag in &added {
        let _ = writeln!(
            stderr,
            "Added [flags.{}] ({}, owner {}, expires {}) to {}.",
            crate::registry::toml_key(&flag.key),
            flag.flag_type,
            flag.owner,
            flag.expires.map_or("never".to_string(), |d| d.to_string()),
            config.registry_display
        );
    }
    Ok(ExitStatus::Success)
}

/// The keys the code's flag calls use that flags.toml does not declare,
/// sorted: what `undeclared-flag` reports.
fn undeclared(config: &crate::config::Config) -> Result<Vec<String>> {
    let scan = crate::pipeline::scan(config)?;
    let mut keys: Vec<String> = scan
        .index
        .all()
        .iter()
        .filter(|r| {
            r.kind == crate::types::RefKind::Call && scan.registry.resolve(&r.flag).is_none()
        })
        .map(|r| r.flag.clone())
        .collect();
    keys.sort();
    keys.dedup();
    Ok(keys)
}

/// `text` (LF, no byte-order mark) in the style of `original`: CRLF line
/// endings if it used them, its UTF-8 byte-order mark if it had one.
fn keep_style(original: &[u8], text: String) -> String {
    let crlf = memchr::memmem::find(original, b"\r\n").is_some();
    let bom = original.starts_with("\u{feff}".as_bytes());
    let mut text = if crlf {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    };
    if bom {
        text.insert(0, '\u{feff}');
    }
    text
}
