fn main() {
    client.variation(ctx, "launchdarkly-rust", false);
}
