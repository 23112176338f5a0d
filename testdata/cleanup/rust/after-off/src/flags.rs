pub fn is_enabled(_key: &str) -> bool {
    true
}
