fn f() -> bool {
    flags::is_enabled("search.v2")
}
