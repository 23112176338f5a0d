fn main() {
    client.is_on("growthbook-rust", false);
}
