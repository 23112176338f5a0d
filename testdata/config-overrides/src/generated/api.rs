pub fn generated() { flags::is_enabled("excluded-undeclared"); }
