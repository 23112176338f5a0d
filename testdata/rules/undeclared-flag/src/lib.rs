pub fn render() {
    if flags::is_enabled("new-ui") {
        new_ui();
    }
}

pub fn footer() {
    if flags::is_enabled("new-uii") {}
    if flags::is_enabled("express-pay") {}
}
