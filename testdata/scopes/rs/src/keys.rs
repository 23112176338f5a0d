pub const CHECKOUT: &str = "rust-module-key";
