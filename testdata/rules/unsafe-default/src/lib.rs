pub fn render() {
    if flags::is_enabled("new-ui") {
        new_ui();
    }
}

pub fn serve() {
    if flags::is_enabled("kill-switch") {}
}
