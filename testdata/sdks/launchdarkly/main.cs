class Main {
  void Run() {
    client.BoolVariation("launchdarkly-csharp", false);
  }
}
