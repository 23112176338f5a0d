// café
fn f() -> bool { flags::is_enabled("ghost-latin1") }
