class Main {
  void main() {
    client.isOn("growthbook-java", false);
  }
}
