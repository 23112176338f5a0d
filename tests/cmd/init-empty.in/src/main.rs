fn main() {
    println!("no flags here");
}
