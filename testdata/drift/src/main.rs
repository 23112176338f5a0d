fn main() {
    if flags::is_enabled("admin-panel") {
        println!("admin");
    }
    if flags::is_enabled("beta-search") {
        println!("beta");
    }
}
