//! What a flag API looks like: call patterns (which calls are flag API
//! calls, and where their key is) and custom tree-sitter queries, as the
//! registry declares them and extraction applies them.
//!
//! A pattern such as `flags::is_enabled` matches the end of a call's path or
//! method chain: `crate::flags::is_enabled(..)`, `flags::is_enabled(..)`, and
//! for a one-segment pattern `is_enabled` also `client.is_enabled(..)`.

/// Which argument holds the key: a position, a keyword, or both (an SDK
/// whose key may be passed either way, as Python allows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// Zero-based position among the call's positional arguments.
    pub position: Option<usize>,
    /// The keyword argument's name, for languages that have them (and for
    /// JSX, the attribute's).
    pub keyword: Option<String>,
    /// Where a client-side SDK puts the key when its server-side twin puts
    /// a user first (`checkGate("k")` against `checkGate(user, "k")`). The
    /// call itself tells which form it is: a sole argument, or a string
    /// literal at this position, is the client form.
    pub client_position: Option<usize>,
    /// A call with fewer positional arguments is not this API: a common
    /// method name whose SDK form is long (OpenFeature Go's
    /// `client.String(ctx, "k", "", evalCtx)` against `attribute.String(k, v)`).
    pub min_arguments: usize,
    /// The key is this property of an object argument:
    /// `create({ key: Flags.A })` with `field = "key"`.
    pub field: Option<String>,
}

impl Argument {
    /// The argument at `position`.
    pub fn at(position: usize) -> Argument {
        Argument {
            position: Some(position),
            keyword: None,
            client_position: None,
            min_arguments: 0,
            field: None,
        }
    }

    /// The keyword argument `name`.
    pub fn named(name: &str) -> Argument {
        Argument {
            position: None,
            keyword: Some(name.to_string()),
            client_position: None,
            min_arguments: 0,
            field: None,
        }
    }
}

/// How the key argument spells the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyMode {
    /// A string literal, or a constant that holds one.
    String,
    /// The last segment of an identifier or path: `Feature::NewUi` is `NewUi`.
    Name,
}

/// One flag API: a callee suffix and the argument that holds the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallPattern {
    /// The pattern as written, for messages.
    pub callee: String,
    segments: Vec<String>,
    /// `callee = "/is_(\\w+)_enabled$/"`: a function whose own name holds
    /// the flag. The expression runs over the callee's path joined with
    /// `.`; its first group is the key.
    pub name: Option<NameRegex>,
    pub argument: Argument,
    pub key: KeyMode,
    /// Languages the pattern applies to; empty means every language.
    pub languages: Vec<String>,
}

/// A regular expression over a callee's name, compared by its text.
#[derive(Clone, Debug)]
pub struct NameRegex(pub regex::Regex);

impl PartialEq for NameRegex {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for NameRegex {}

impl CallPattern {
    /// A pattern whose callee's name holds the key: `regex`'s first group.
    pub fn named_by(written: &str, regex: regex::Regex, languages: Vec<String>) -> CallPattern {
        CallPattern {
            callee: written.to_string(),
            segments: Vec::new(),
            name: Some(NameRegex(regex)),
            argument: Argument::at(0),
            key: KeyMode::Name,
            languages,
        }
    }

    /// The key a call with these callee segments names, for a pattern
    /// whose callee holds the key.
    pub fn key_in_name(&self, path: &[&str], language: &str) -> Option<String> {
        let regex = &self.name.as_ref()?.0;
        if !(self.languages.is_empty() || self.languages.iter().any(|l| l == language)) {
            return None;
        }
        let joined = path.join(".");
        let key = regex.captures(&joined)?.get(1)?.as_str().to_string();
        Some(key)
    }

    /// `None` if `callee` is not a path of identifiers.
    pub fn new(
        callee: &str,
        argument: Argument,
        key: KeyMode,
        languages: Vec<String>,
    ) -> Option<Self> {
        let segments = callee_segments(callee);
        let rebuilt: usize = segments.iter().map(|s| s.chars().count()).sum();
        let written: usize = callee
            .chars()
            .filter(|c| is_identifier_char(*c) || matches!(c, '?' | '!'))
            .count();
        if segments.is_empty() || rebuilt != written {
            return None;
        }
        Some(CallPattern {
            callee: callee.to_string(),
            segments: segments.into_iter().map(str::to_string).collect(),
            name: None,
            argument,
            key,
            languages,
        })
    }

    /// The method or function name the pattern ends with, for prefilters.
    /// Empty for a pattern whose callee holds the key (no fixed name).
    pub fn name(&self) -> &str {
        self.segments.last().map_or("", String::as_str)
    }

    /// The callee's path, outermost first: `["features", "Enabled"]`.
    pub fn segments(&self) -> &[String] {
        &self.segments
    }

    /// Whether a call whose callee has the given segments is this API.
    pub fn matches(&self, path: &[&str], language: &str) -> bool {
        self.name.is_none() && ends_with(path, &self.segments, &self.languages, language)
    }
}

/// An expression that yields an object keyed by flags, such as
/// LaunchDarkly's `useFlags()` or a home-grown `uiConfig.flags`: every key
/// read from it (`flags.a`, `flags["a-b"]`, `const { a } = useFlags()`) is a
/// reference. Written `name()` for a call, `a.b` for a member path; either
/// matches the end of the code's path, as call patterns do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectSource {
    /// As written, for messages.
    pub source: String,
    segments: Vec<String>,
    /// `useFlags()`: the object is what the call returns.
    pub call: bool,
    /// Languages the source applies to; empty means every language.
    pub languages: Vec<String>,
}

impl ObjectSource {
    /// `None` if `source` is not a path of identifiers, optionally called.
    pub fn new(source: &str, languages: Vec<String>) -> Option<ObjectSource> {
        let (path, call) = match source.trim().strip_suffix("()") {
            Some(path) => (path, true),
            None => (source.trim(), false),
        };
        let pattern = CallPattern::new(path, Argument::at(0), KeyMode::String, Vec::new())?;
        Some(ObjectSource {
            source: source.to_string(),
            segments: pattern.segments,
            call,
            languages,
        })
    }

    /// The name the source ends with, for prefilters.
    pub fn name(&self) -> &str {
        self.segments.last().map_or("", String::as_str)
    }

    /// The names before it (`props` in `props.flags`): any read of the
    /// object spells them too, in its path or where it is destructured.
    pub fn owners(&self) -> &[String] {
        &self.segments[..self.segments.len().saturating_sub(1)]
    }

    /// Whether an expression with these trailing segments, called or not,
    /// is this source.
    pub fn matches(&self, path: &[&str], called: bool, language: &str) -> bool {
        self.call == called && ends_with(path, &self.segments, &self.languages, language)
    }
}

/// Whether `path` ends with `segments`, in a language `languages` allows
/// (all when empty): how every pattern matches code.
fn ends_with(path: &[&str], segments: &[String], languages: &[String], language: &str) -> bool {
    (languages.is_empty() || languages.iter().any(|l| l == language))
        && path.len() >= segments.len()
        && path[path.len() - segments.len()..]
            .iter()
            .zip(segments)
            .all(|(have, want)| have == want)
}

/// A `[[scan.queries]]` entry as declared: extraction compiles it for its
/// language's grammars. Spans point into flags.toml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuerySpec {
    pub language: String,
    pub language_span: std::ops::Range<usize>,
    pub query: String,
    pub query_span: std::ops::Range<usize>,
    pub capture: String,
    pub capture_span: std::ops::Range<usize>,
}

fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// The trailing identifiers of a callee expression, outermost first:
/// `self.flags.is_enabled` gives `[self, flags, is_enabled]`, and
/// `client().is_enabled` gives `[is_enabled]` (a call result has no name).
pub fn callee_segments(text: &str) -> Vec<&str> {
    const SEPARATORS: [&str; 4] = ["::", "?.", "->", "."];
    let mut segments = Vec::new();
    let mut rest = text.trim_end();
    loop {
        // Ruby's `enabled?` and `save!` end in a mark that is part of the name.
        let marked = rest.strip_suffix(['?', '!']).unwrap_or(rest);
        let start = marked
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_identifier_char(*c))
            .last()
            .map(|(index, _)| index);
        let Some(start) = start else { break };
        segments.push(&rest[start..]);
        rest = rest[..start].trim_end();
        match SEPARATORS.iter().find(|sep| rest.ends_with(*sep)) {
            Some(sep) => rest = rest[..rest.len() - sep.len()].trim_end(),
            None => break,
        }
    }
    segments.reverse();
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(callee: &str) -> CallPattern {
        CallPattern::new(callee, Argument::at(0), KeyMode::String, vec![]).unwrap()
    }

    #[test]
    fn segments_of_paths_and_method_chains() {
        assert_eq!(
            callee_segments("crate::flags::is_enabled"),
            ["crate", "flags", "is_enabled"]
        );
        assert_eq!(
            callee_segments("self.flags.is_enabled"),
            ["self", "flags", "is_enabled"]
        );
        assert_eq!(callee_segments("client().is_enabled"), ["is_enabled"]);
        assert_eq!(callee_segments("a\n    .b"), ["a", "b"]);
        assert!(callee_segments("(f)").is_empty());
        assert_eq!(callee_segments("Flipper.enabled?"), ["Flipper", "enabled?"]);
        assert_eq!(callee_segments("get()?.is_enabled"), ["is_enabled"]);
    }

    #[test]
    fn a_pattern_matches_the_end_of_the_path() {
        let scoped = pattern("flags::is_enabled");
        assert!(scoped.matches(&["crate", "flags", "is_enabled"], "rust"));
        assert!(scoped.matches(&["flags", "is_enabled"], "rust"));
        assert!(!scoped.matches(&["is_enabled"], "rust"));
        assert!(!scoped.matches(&["other", "is_enabled"], "rust"));
        let bare = pattern("is_enabled");
        assert!(bare.matches(&["client", "is_enabled"], "rust"));
        assert!(!bare.matches(&["is_enabled_for"], "rust"));
    }

    #[test]
    fn a_pattern_can_be_limited_to_languages() {
        let rust_only = CallPattern::new(
            "is_enabled",
            Argument::at(0),
            KeyMode::String,
            vec!["rust".into()],
        )
        .unwrap();
        assert!(rust_only.matches(&["is_enabled"], "rust"));
        assert!(!rust_only.matches(&["is_enabled"], "python"));
    }

    #[test]
    fn rejects_what_is_not_a_path() {
        assert!(CallPattern::new("", Argument::at(0), KeyMode::String, vec![]).is_none());
        assert!(
            CallPattern::new("is enabled()", Argument::at(0), KeyMode::String, vec![]).is_none()
        );
    }
}
