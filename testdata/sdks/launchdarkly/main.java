class Main {
  void main() {
    client.boolVariation("launchdarkly-java", false);
  }
}
