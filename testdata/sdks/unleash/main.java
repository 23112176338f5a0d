class Main {
  void main() {
    client.isEnabled("unleash-java", false);
  }
}
