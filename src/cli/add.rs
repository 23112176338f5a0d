//! `flaglint add`: declare a flag with one command.

use std::io::Write;

use miette::Result;

use super::{AddArgs, Cli, config};
use crate::exit::ExitStatus;

/// `flaglint add`: checks, appends, re-checks the result, writes atomically.
pub(super) fn run(cli: &Cli, args: &AddArgs) -> Result<ExitStatus> {
    use crate::registry::edit::{NewFlag, add_flag};
    let config = config(cli, &[], args.today)?;
    // Held until the new file is in place: a concurrent `add` waits, then
    // reads the file this one wrote.
    let mut lock = crate::atomic::Lock::acquire(&config.registry)?;
    let registry = crate::registry::Registry::read(
        lock.file(),
        config.registry.clone(),
        &config.registry_display,
    )?;
    if let Some(existing) = registry.resolve(&args.key) {
        return Err(miette::miette!(
            help = "choose another key, or edit the existing entry",
            "`{}` is already declared in {} (as [flags.{}])",
            args.key,
            config.registry_display,
            crate::registry::toml_key(&existing.key)
        ));
    }
    let policy = registry.policy(args.flag_type);
    let today = config.today;
    let flag = NewFlag {
        key: args.key.clone(),
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
    let text = add_flag(&registry.source, &flag).map_err(|message| miette::miette!("{message}"))?;
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
    let _ = writeln!(
        stderr,
        "Added [flags.{}] ({}, owner {}, expires {}) to {}.",
        crate::registry::toml_key(&flag.key),
        flag.flag_type,
        flag.owner,
        flag.expires.map_or("never".to_string(), |d| d.to_string()),
        config.registry_display
    );
    Ok(ExitStatus::Success)
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
