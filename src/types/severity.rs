//! How serious a finding is. `[rules]` sets a rule to a severity or turns
//! it off; a finding always has one.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// What `[rules]` accepts: a severity's name, or `off`.
    pub const LEVEL_NAMES: [&'static str; 3] = ["error", "warning", "off"];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// A `[rules]` level: `Some(None)` for `off`, `None` for a name that is
    /// not a level.
    pub fn from_level(name: &str) -> Option<Option<Severity>> {
        match name {
            "error" => Some(Some(Severity::Error)),
            "warning" => Some(Some(Severity::Warning)),
            "off" => Some(None),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Severity;

    #[test]
    fn every_level_name_parses_and_severities_name_themselves() {
        for name in Severity::LEVEL_NAMES {
            let level = Severity::from_level(name).unwrap();
            assert_eq!(level.map_or("off", Severity::name), name);
        }
        assert_eq!(Severity::from_level("fatal"), None);
    }
}
