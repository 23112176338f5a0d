pub const FAST_PARSE: &str = "fast-parse";
pub const OTHER: &str = "other";
