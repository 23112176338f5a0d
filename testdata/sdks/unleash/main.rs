fn main() {
    client.is_enabled_str("unleash-rust", false);
}
