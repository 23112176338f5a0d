pub fn render(name: &str) {
    if flags::is_enabled("long-release") {}
    if flags::is_enabled(name) {}
}
