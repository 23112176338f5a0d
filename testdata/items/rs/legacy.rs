// The same name as in lib.rs, with another value.
impl Gate {
    const KEY: &'static str = "beta";
}

const key: &str = "beta";
