pub fn web() { flags::is_enabled("web-only"); }
