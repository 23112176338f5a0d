pub fn checkout() -> bool {
    flags::is_enabled(crate::keys::CHECKOUT)
}

mod inline {
    pub const SEARCH: &str = "rust-inline-key";
}

mod other_inline {
    // The same name in another inline module: `inline::SEARCH` is not this one.
    pub const SEARCH: &str = "something-else";
}

pub fn search() -> bool {
    flags::is_enabled(inline::SEARCH)
}
