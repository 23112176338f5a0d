// The same name in another module: `keys::CHECKOUT` is not this one.
pub const CHECKOUT: &str = "something-else";
