pub fn render() {
    if flags::is_enabled("new-ui") {
        new_ui();
    }
}
