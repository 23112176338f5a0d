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
    /// The presets turned on.
    pub sdks: Vec<String>,
    /// The manifests that named an SDK; empty when none did (then every
    /// preset is on).
    pub manifests: Vec<String>,
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
    let (sdks, manifests) = dependencies(root, follow_links);
    let sdks: Vec<&str> = if sdks.is_empty() {
        sdk::NAMES.to_vec()
    } else {
        sdks
    };
    let probe_text = format!(
        "[scan]\nsdks = [{}]\n",
        sdks.iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let probe = Registry::parse(target.clone(), &shown, probe_text)
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
        exhaustive: false,
        diff: None,
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
    let text = starter(&keys, &sdks, today, &scan.registry);
    // What we write must load as a registry.
    Registry::parse(target.clone(), &shown, text.clone())
        .map_err(|err| miette::Report::new(*err))?;
    crate::atomic::write_new(&target, text.as_bytes())?;
    Ok(Written {
        flags: keys.len(),
        sdks: sdks.iter().map(|s| s.to_string()).collect(),
        manifests,
    })
}

/// The SDK presets the repository's dependency manifests name, and the
/// manifests that named one (relative to the root).
fn dependencies(root: &Path, follow_links: bool) -> (Vec<&'static str>, Vec<String>) {
    let nothing = ignore::gitignore::Gitignore::empty();
    let walk = crate::walk::walk(&crate::walk::WalkSettings {
        root,
        paths: &[],
        include: &nothing,
        exclude: &nothing,
        registry: &root.join(REGISTRY_FILE_NAME),
        follow_links,
    });
    let mut sdks: Vec<&'static str> = Vec::new();
    let mut manifests = Vec::new();
    for file in &walk.files {
        let name = file.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !sdk::is_manifest(name) {
            continue;
        }
        let Ok(text) = crate::source::read_source(&file.path, follow_links) else {
            continue;
        };
        let named = sdk::named_in_manifest(&text);
        if !named.is_empty() {
            manifests.push(file.display.clone());
        }
        for found in named {
            if !sdks.contains(&found) {
                sdks.push(found);
            }
        }
    }
    // In the presets' order, as `[scan] sdks` lists them.
    sdks.sort_by_key(|sdk| sdk::NAMES.iter().position(|name| name == sdk));
    (sdks, manifests)
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
