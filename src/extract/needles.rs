//! Every occurrence of a set of needles, overlapping ones included, found
//! at the speed of a leftmost search.
//!
//! aho-corasick's overlapping search steps its automaton over every byte;
//! its leftmost searches skip ahead with a prefilter (memchr, Teddy). The
//! overlapping occurrences are recovered from leftmost-longest ones: the
//! search starts again one byte after each occurrence's start, so every
//! position where a needle starts is visited, and the needles that start
//! there are exactly the longest one's prefixes among the needles.
//!
//! Where the needles begin with few distinct prefixes (`flag-`, `is_e`),
//! a packed search (Teddy, SIMD) finds where one may start, and the
//! automaton, anchored there, says which needles do. The prefixes are the
//! ones the regex crate would pick for the same literals
//! (`Seq::optimize_for_prefix_by_preference`): on a generated tree of 200
//! keys named `flag-NNNNN` this search is seven times faster than the
//! automaton's own prefilter, which skips to bytes it guesses are rare.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind, packed};

/// The most needles searched with a DFA.
const DFA_NEEDLES: usize = 10_000;

/// The needles of a search, compiled once.
pub(super) struct Needles {
    /// Anchored only when `starts` is there.
    matcher: AhoCorasick,
    /// Where a needle may start, when few prefixes cover them all.
    starts: Option<packed::Searcher>,
    /// Each distinct text's length and the indices given to `new` that
    /// spell it.
    texts: Vec<(usize, Vec<usize>)>,
    /// By distinct text: the distinct texts that are its prefixes, itself
    /// included, shortest first.
    prefixes: Vec<Vec<usize>>,
}

/// One occurrence of the needle given at index `needle` to [`Needles::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Hit {
    pub needle: usize,
    pub start: usize,
    pub end: usize,
}

impl Needles {
    pub(super) fn new<S: AsRef<str>>(needles: impl IntoIterator<Item = S>) -> Needles {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut distinct: Vec<String> = Vec::new();
        let mut texts: Vec<(usize, Vec<usize>)> = Vec::new();
        for (index, needle) in needles.into_iter().enumerate() {
            let needle = needle.as_ref();
            let id = *ids.entry(needle.to_string()).or_insert_with(|| {
                distinct.push(needle.to_string());
                texts.push((needle.len(), Vec::new()));
                distinct.len() - 1
            });
            texts[id].1.push(index);
        }
        let prefixes = distinct
            .iter()
            .map(|text| {
                (0..=text.len())
                    .filter(|&end| text.is_char_boundary(end))
                    .filter_map(|end| ids.get(&text[..end]).copied())
                    .collect()
            })
            .collect();
        // A DFA scans a byte with one lookup, where the automaton aho-corasick
        // picks for hundreds of needles (an NFA) follows failure links: on
        // ruff with every SDK preset (416 needles) the search took 45% of a
        // run. It builds in 2 ms for 400 needles and 90 ms (13 MB) for
        // 20,000; past `DFA_NEEDLES` the choice is left to aho-corasick.
        let kind = (distinct.len() <= DFA_NEEDLES).then_some(AhoCorasickKind::DFA);
        let starts = prefilter(&distinct);
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .start_kind(match starts {
                Some(_) => StartKind::Anchored,
                None => StartKind::Unanchored,
            })
            .build(&distinct)
            .expect("needles make a valid automaton");
        Needles {
            matcher,
            starts,
            texts,
            prefixes,
        }
    }

    /// Whether any needle is in `haystack`.
    pub(super) fn is_match(&self, haystack: &str) -> bool {
        self.leftmost_longest(haystack, 0).is_some()
    }

    /// The longest of the needles that start leftmost at or after `at`.
    fn leftmost_longest(&self, haystack: &str, mut at: usize) -> Option<aho_corasick::Match> {
        let Some(starts) = &self.starts else {
            return self.matcher.find(Input::new(haystack).range(at..));
        };
        while at < haystack.len() {
            let start = starts
                .find_in(haystack, aho_corasick::Span::from(at..haystack.len()))?
                .start();
            let anchored = Input::new(haystack).range(start..).anchored(Anchored::Yes);
            if let Some(found) = self.matcher.find(anchored) {
                return Some(found);
            }
            at = start + 1;
        }
        None
    }

    /// Every occurrence in `haystack`, by start, then shortest first.
    pub(super) fn find<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = Hit> + 'a {
        let mut at = 0;
        let mut pending: Vec<Hit> = Vec::new();
        std::iter::from_fn(move || {
            while pending.is_empty() {
                if at > haystack.len() {
                    return None;
                }
                let found = self.leftmost_longest(haystack, at)?;
                let start = found.start();
                for &text in self.prefixes[found.pattern().as_usize()].iter().rev() {
                    let (len, ref needles) = self.texts[text];
                    for &needle in needles.iter().rev() {
                        pending.push(Hit {
                            needle,
                            start,
                            end: start + len,
                        });
                    }
                }
                at = start + 1;
            }
            pending.pop()
        })
    }
}

/// A packed searcher for the prefixes the regex crate would search for
/// these needles, if they are few enough for one.
fn prefilter(needles: &[String]) -> Option<packed::Searcher> {
    let mut prefixes = regex_syntax::hir::literal::Seq::new(needles.iter().map(String::as_bytes));
    prefixes.optimize_for_prefix_by_preference();
    let prefixes = prefixes.literals()?;
    if prefixes.iter().any(|prefix| prefix.as_bytes().is_empty()) {
        return None;
    }
    packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(prefixes.iter().map(|prefix| prefix.as_bytes()))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence, as aho-corasick's overlapping search finds them.
    fn overlapping(needles: &[&str], haystack: &str) -> Vec<(usize, usize, usize)> {
        let matcher = AhoCorasick::new(needles).unwrap();
        let mut all: Vec<_> = matcher
            .find_overlapping_iter(haystack)
            .map(|hit| (hit.start(), hit.end(), hit.pattern().as_usize()))
            .collect();
        all.sort();
        all
    }

    fn found(needles: &[&str], haystack: &str) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<_> = Needles::new(needles)
            .find(haystack)
            .map(|hit| (hit.start, hit.end, hit.needle))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn finds_what_the_overlapping_search_finds() {
        let cases: &[(&[&str], &str)] = &[
            (
                &["fs", "fs_read", "read", "s_r"],
                "x fs_read fs_readx \"fs\"",
            ),
            (&["a", "aa", "aaa"], "aaaa"),
            (
                &["Enabled", "features.E", "features.Enabled"],
                "features.Enabled(x)",
            ),
            (&["é", "éé", "b"], "ééb é"),
            (&["k", "k"], "k k"),
            (&["abc", "bcd", "cde", "c"], "abcde"),
            (&["x"], ""),
        ];
        for (needles, haystack) in cases {
            assert_eq!(
                found(needles, haystack),
                overlapping(needles, haystack),
                "{needles:?} in {haystack:?}"
            );
        }
    }

    #[test]
    fn many_needles_with_one_prefix_are_found_from_it() {
        let keys: Vec<String> = (0..300).map(|n| format!("flag-{n}")).collect();
        let mut needles: Vec<&str> = keys.iter().map(String::as_str).collect();
        needles.extend(["is_enabled", "fl"]);
        assert!(prefilter(&keys).is_some(), "300 keys under one prefix");
        let haystack = "is_enabled(\"flag-12\") flag-299 flag-3000 flag- fl fla";
        assert_eq!(found(&needles, haystack), overlapping(&needles, haystack));
        assert!(Needles::new(&needles).is_match("x flag-7"));
        assert!(!Needles::new(&needles[..300]).is_match("flag flag_1 f"));
    }

    #[test]
    fn the_same_text_twice_is_two_needles() {
        assert_eq!(found(&["k", "k"], "k"), vec![(0, 1, 0), (0, 1, 1)]);
    }
}
