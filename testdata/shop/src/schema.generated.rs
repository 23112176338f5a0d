fn f() { flags::is_enabled("generated-flag"); }
