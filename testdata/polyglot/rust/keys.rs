pub const NEW_UI: &str = "new-ui";
pub const AMBIGUOUS: &str = "one";
