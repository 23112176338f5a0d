pub struct Gate;

impl Gate {
    const KEY: &'static str = "eta";

    pub fn other(&self) -> u32 {
        1
    }

    pub fn a(&self) -> Vec<u32> {
        vec![1, 2, 3].into_iter().map(|x| x * 2).collect()
    }

    pub fn b(&self) -> &'static str {
        "unrelated text in a member that is not parsed"
    }

    pub fn c(&self) -> Vec<u32> {
        vec![4, 5, 6].into_iter().map(|x| x * 3).collect()
    }

    pub fn on(&self) -> bool {
        is_on(Gate::KEY)
    }
}

// A local bound statements before the call, in an outer block: a
// dynamic key, not the constant of legacy.rs.
pub fn nested(on: bool) -> bool {
    let (key, _) = ("kappa", 1);
    if on {
        return false;
    }
    for _ in 0..1 {
        if is_on(key) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn a() {}

    #[test]
    fn b() {
        assert!(super::is_on("eta"));
    }
}
