fn main() {
    println!("{}", "plain");
}
