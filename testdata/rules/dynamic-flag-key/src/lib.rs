pub fn render() {
    if flags::is_enabled("new-ui") {
        new_ui();
    }
}

pub fn by_name(name: &str) -> bool {
    flags::is_enabled(name)
}
