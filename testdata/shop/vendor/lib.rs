fn f() { flags::is_enabled("vendored-flag"); }
