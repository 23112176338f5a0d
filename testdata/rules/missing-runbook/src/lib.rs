pub fn serve() {
    if flags::is_enabled("kill-switch") {}
}
