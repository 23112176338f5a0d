class Main {
  void main() {
    client.isFeatureEnabled("flagsmith-java", false);
  }
}
