//! Preview features: unfinished behaviour that ships off by default and is
//! turned on with `FLAGLINT_PREVIEW=name[,name...]` (or `all`). The command
//! line reads the variable; the pipeline sees only [`Previews`].
//!
//! Every preview is a release flag in the repository's own flags.toml, so
//! flaglint's CI holds them to the same expiry and cleanup rules it enforces
//! on everyone else.

/// Every preview feature there is. `macro-calls` (calls inside Rust macro
/// arguments) graduated to the default; none is in preview now.
pub const KNOWN: &[&str] = &[];

/// The preview features turned on for a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Previews {
    names: Vec<String>,
}

impl Previews {
    /// From `FLAGLINT_PREVIEW`'s value: names separated by commas, or `all`.
    pub fn parse(value: &str) -> Previews {
        Previews {
            names: value
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    /// The names given that are no preview feature (a typo, or one that
    /// graduated), to warn about: silence would hide the mistake.
    pub fn unknown(&self) -> Vec<&str> {
        self.names
            .iter()
            .map(String::as_str)
            .filter(|name| *name != "all" && !KNOWN.contains(name))
            .collect()
    }

    /// Whether the preview feature `name` is on.
    pub fn is_enabled(&self, name: &str) -> bool {
        self.names.iter().any(|item| item == name || item == "all")
    }
}

#[cfg(test)]
mod tests {
    use super::Previews;

    #[test]
    fn a_comma_separated_list_or_all() {
        assert!(Previews::parse("a,b").is_enabled("b"));
        assert!(Previews::parse(" all ").is_enabled("b"));
        assert!(!Previews::parse("ab").is_enabled("b"));
        assert!(!Previews::parse("").is_enabled("b"));
        assert_eq!(
            Previews::parse("all, macro-calls").unknown(),
            ["macro-calls"]
        );
    }
}
