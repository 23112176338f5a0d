//! Preview features: unfinished behaviour that ships off by default and is
//! turned on with `FLAGLINT_PREVIEW=name[,name...]` (or `all`).
//!
//! Every preview is a release flag in the repository's own flags.toml, so
//! flaglint's CI holds them to the same expiry and cleanup rules it enforces
//! on everyone else.

/// Whether the preview feature `name` is on for this run.
pub fn is_enabled(name: &str) -> bool {
    std::env::var("FLAGLINT_PREVIEW").is_ok_and(|value| enabled_in(&value, name))
}

fn enabled_in(value: &str, name: &str) -> bool {
    value
        .split(',')
        .map(str::trim)
        .any(|item| item == name || item == "all")
}

#[cfg(test)]
mod tests {
    use super::enabled_in;

    #[test]
    fn a_comma_separated_list_or_all() {
        assert!(enabled_in("a,b", "b"));
        assert!(enabled_in(" all ", "b"));
        assert!(!enabled_in("ab", "b"));
        assert!(!enabled_in("", "b"));
    }
}
