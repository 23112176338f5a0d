fn main() {
    client.is_feature_enabled("flagsmith-rust", false);
}
