//! Every reference of the run, grouped by flag: what the rules ask about.
//! This is where a spelling becomes a flag: an alias is resolved to its
//! declared key through [`Registry::resolve`].

use std::collections::BTreeMap;

use crate::registry::Registry;
use crate::types::{DynamicKey, FlagRef};

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
    /// Indexes `refs` as extraction spelled them: a key or alias the
    /// registry declares becomes its flag's key; any other spelling (an
    /// undeclared call's key) stays as written.
    pub fn new(
        mut refs: Vec<FlagRef>,
        mut dynamic: Vec<DynamicKey>,
        registry: &Registry,
    ) -> RefIndex {
        for found in &mut refs {
            if let Some(flag) = registry.resolve(&found.flag)
                && flag.key != found.flag
            {
                found.flag = flag.key.clone();
            }
        }
        // Each file's come sorted, in walk order: a run or a few to merge.
        refs.sort_by(FlagRef::by_place);
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
