//! Every reference of the run, grouped by flag: what the rules ask about.

use std::collections::BTreeMap;

use crate::extract::{DynamicKey, FlagRef};

#[derive(Debug, Default)]
pub struct RefIndex {
    /// Sorted by location.
    refs: Vec<FlagRef>,
    /// Indexes into `refs`, by flag.
    by_flag: BTreeMap<String, Vec<usize>>,
    /// Sorted by location.
    pub dynamic: Vec<DynamicKey>,
}

impl RefIndex {
    pub fn new(mut refs: Vec<FlagRef>, mut dynamic: Vec<DynamicKey>) -> RefIndex {
        refs.sort_by(|a, b| (&a.location, &a.flag).cmp(&(&b.location, &b.flag)));
        dynamic.sort();
        let mut by_flag: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, found) in refs.iter().enumerate() {
            by_flag.entry(found.flag.clone()).or_default().push(index);
        }
        RefIndex {
            refs,
            by_flag,
            dynamic,
        }
    }

    /// Every reference, in file order.
    pub fn all(&self) -> &[FlagRef] {
        &self.refs
    }

    /// The references to `flag`, in file order.
    pub fn to(&self, flag: &str) -> impl Iterator<Item = &FlagRef> {
        self.by_flag
            .get(flag)
            .into_iter()
            .flatten()
            .map(|&index| &self.refs[index])
    }

    pub fn is_referenced(&self, flag: &str) -> bool {
        self.by_flag.contains_key(flag)
    }
}
