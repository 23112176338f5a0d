pub const AMBIGUOUS: &str = "two";
