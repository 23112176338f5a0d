//! `flaglint init`: a starter flags.toml from the flags the code's calls
//! use, found with every SDK preset on. Each entry has its type, owner and
//! dates to fill in, with the policy's defaults applied; `flaglint check`
//! then says what is still missing.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use miette::{Result, miette};

use crate::config::{Config, REGISTRY_FILE_NAME};
use crate::preview::Previews;
use crate::registry::{FlagType, Registry, sdk, toml_key};
use crate::types::{RefKind, display_path};

/// What `init` wrote.
pub struct Written {
    /// Flags declared.
    pub flags: usize,
}

/// Scans `root` and writes `root/flags.toml`, refusing to overwrite one.
pub fn run(root: &Path, cwd: &Path, today: Date, follow_links: bool) -> Result<Written> {
    let target = root.join(REGISTRY_FILE_NAME);
    let shown = display_path(cwd, &target);
    if target.exists() {
        return Err(miette!(
            help = "edit it, or add flags with `flaglint add`",
            "{shown} already exists; flaglint init never overwrites a registry"
        ));
    }
    let every_sdk = format!(
        "[scan]\nsdks = [{}]\n",
        sdk::NAMES
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let probe = Registry::parse(target.clone(), &shown, every_sdk)
        .map_err(|err| miette::Report::new(*err))?;
    let config = Config {
        registry: target.clone(),
        registry_display: shown.clone(),
        root: root.to_path_buf(),
        paths: Vec::new(),
        follow_links,
        today,
        warn_within: None,
        baseline: None,
        outputs: Vec::new(),
        previews: Previews::default(),
    };
    let scan = crate::pipeline::scan_with(probe, &config)?;

    // Keys the calls use, with where each is first used.
    let mut keys: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
    for reference in scan.index.all().iter().filter(|r| r.kind == RefKind::Call) {
        let entry = keys.entry(&reference.flag).or_insert((
            &reference.location.path,
            reference.location.line,
            0,
        ));
        entry.2 += 1;
    }
    let text = starter(&keys, &sdk::NAMES, today, &scan.registry);
    // What we write must load as a registry.
    Registry::parse(target.clone(), &shown, text.clone())
        .map_err(|err| miette::Report::new(*err))?;
    crate::atomic::write_new(&target, text.as_bytes())?;
    Ok(Written { flags: keys.len() })
}

fn starter(
    keys: &BTreeMap<&str, (&str, usize, usize)>,
    sdks: &[&str],
    today: Date,
    registry: &Registry,
) -> String {
    let policy = registry.policy(FlagType::Release);
    let expires = policy.max_lifetime_days.and_then(|days| {
        today
            .checked_add(jiff::Span::new().days(i64::from(days)))
            .ok()
    });
    let mut out = format!(
        "# flags.toml: the feature flags of this repository, checked by `flaglint check`.\n\
         # Written by `flaglint init` on {today} from the flag API calls in the code.\n\
         # Fill in each flag's type, owner and issues; `flaglint check` says what is\n\
         # missing, and `flaglint explain RULE` why it matters.\n\n\
         [scan]\n\
         # SDK presets whose calls flaglint looks for; remove the ones you do not use.\n\
         sdks = [{}]\n\
         \n\
         # A home-grown flag API:\n\
         # [[scan.calls]]\n\
         # callee = \"flags::is_enabled\"\n\
         # argument = 0\n",
        sdks.iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (key, (path, line, count)) in keys {
        let key_text = toml_key(key);
        let more = if *count > 1 {
            format!(" and {} more", count - 1)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "\n# Used at {path}:{line}{more}.\n[flags.{key_text}]\n\
             type = \"release\"   # release, ops, experiment, permission or migration\n\
             owner = \"\"         # the owning team or person\n\
             created = {today}\n"
        ));
        if let Some(expires) = expires {
            out.push_str(&format!(
                "expires = {expires}   # release flags may live {} days\n",
                policy.max_lifetime_days.unwrap_or_default()
            ));
        }
        if let Some(default) = policy.default {
            out.push_str(&format!("default = {default}\n"));
        }
        out.push_str("cleanup_issue = \"\"   # the issue that tracks removing the flag\n");
    }
    out
}
