fn main() {
    client.get_bool_value("openfeature-rust", false);
}
