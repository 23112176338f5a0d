class Main {
  void main() {
    client.getBooleanValue("openfeature-java", false);
  }
}
