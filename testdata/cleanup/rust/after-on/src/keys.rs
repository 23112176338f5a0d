pub const OTHER: &str = "other";
