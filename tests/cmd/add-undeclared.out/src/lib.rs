fn f() -> bool {
    flags::is_enabled("known") && flags::is_enabled("search.v2") && flags::is_enabled("beta")
}
