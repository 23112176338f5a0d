fn search() -> bool {
    !flags::is_enabled("kill-search")
}
