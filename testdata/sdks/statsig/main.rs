fn main() {
    client.check_gate(ctx, "statsig-rust", false);
}
