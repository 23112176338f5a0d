pub fn render() -> bool {
    flags::is_enabled("new-ui")
}
