pub fn render() {
    if flags::is_enabled("new-ui") {
        new_ui();
    }
}

pub fn header() -> &'static str {
    if flags::is_enabled("new-ui") { "new" } else { "old" }
}
